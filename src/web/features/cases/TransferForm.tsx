// Overdragen: hand the case to a colleague in the team or to another buurtteam, with a handover
// note, after a confirmation step. A case handed to another team is no longer visible: the
// confirmation page (TransferDonePage) says where it went.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { transferBody, type TransferResult } from '../../../server/modules/cases/cases.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { fullName } from '../../app/format';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { useReference } from '../../app/reference';
import { useFormSubmit } from '../../app/use-form-submit';
import { useReloadCase, useTransfer, useWorkers, type CaseDetail } from './api';

type Target = 'collega' | 'team';

const TARGET_OPTIONS = [
  { value: 'collega', label: 'Aan een collega in het team' },
  { value: 'team', label: 'Aan een ander buurtteam' },
];

/** Team names are stored without "Buurtteam" (e.g. "Zuilen"). */
export function teamTitle(name: string): string {
  return /^buurtteam/i.test(name) ? name : `Buurtteam ${name}`;
}

/** `onTransferred`: the case went to a colleague (the form then says so until "Sluiten", which calls `onDone`). */
export function TransferForm({ detail, onDone, onTransferred }: { detail: CaseDetail; onDone: () => void; onTransferred?: () => void }) {
  const reference = useReference();
  const workers = useWorkers(detail.teamId);
  const transfer = useTransfer(detail.id);
  const reload = useReloadCase(detail.id);
  const navigate = useNavigate();
  const [target, setTarget] = useState<Target>('collega');
  const form = useFormErrors('overdragen', { mapPath: (path) => (path === 'leadWorkerId' && target === 'team' ? 'teamId' : path) });
  const [leadWorkerId, setLeadWorkerId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<TransferResult | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const colleagues = (workers.data ?? []).filter((w) => w.id !== detail.leadWorker?.id).map((w) => ({ value: w.id, label: w.name }));
  const teams = (reference.data?.teams ?? []).filter((t) => t.id !== detail.teamId).map((t) => ({ value: t.id, label: teamTitle(t.name) }));
  const client = detail.mainClient ? fullName(detail.mainClient) : 'deze cliënt';
  const targetName = target === 'collega' ? colleagues.find((c) => c.value === leadWorkerId)?.label : teams.find((t) => t.value === teamId)?.label;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  function body() {
    return { ...(target === 'collega' ? { leadWorkerId: leadWorkerId || undefined } : { teamId: teamId || undefined }), note, version: detail.version };
  }

  function handleCheck(event: FormEvent) {
    event.preventDefault();
    const parsed = transferBody.safeParse(body());
    if (!parsed.success) return form.showZod(parsed.error);
    form.clear();
    setConfirming(true);
  }

  // The check above let the values through; the confirmation sends them. A failure goes back to the form with its summary.
  const confirm = useFormSubmit(form, {
    values: body(),
    send: (values) => transfer.mutateAsync(values),
    onSuccess: (result) => {
      if (!result.stillVisible) {
        navigate('/casussen/overgedragen', { state: { result, client } satisfies TransferDoneState });
        return;
      }
      setConfirming(false);
      setDone(result);
      onTransferred?.();
    },
    onError: () => {
      setConfirming(false);
      return false;
    },
  });

  if (done) {
    return (
      <div ref={doneRef} tabIndex={-1}>
        <Alert type="ok">
          <Paragraph>
            De casus is overgedragen aan {done.leadWorkerName ?? teamTitle(done.teamName)}. De overdrachtsnotitie staat in de geschiedenis.
          </Paragraph>
        </Alert>
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={onDone}>
            Sluiten
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  if (confirming) {
    return (
      <div ref={confirmRef} tabIndex={-1} className="kt-form" role="group" aria-labelledby="overdragen-bevestigen-title">
        <Heading3 id="overdragen-bevestigen-title">Overdracht bevestigen</Heading3>
        <Paragraph>
          U draagt de casus van {client} over aan <strong>{targetName}</strong>.
          {target === 'team'
            ? ' Daarna ziet u de casus niet meer; de teamleider van dat team wijst een regisseur toe.'
            : ' De nieuwe regisseur ziet het journaal, het krachtplan en de hele geschiedenis.'}
        </Paragraph>
        <Paragraph>Overdrachtsnotitie:</Paragraph>
        <blockquote className="kt-pre-line kt-note">{note.trim()}</blockquote>
        <FormActions submitLabel="Ja, overdragen" busy={confirm.busy} busyText="Bezig met overdragen…" onSubmit={confirm.submit} onCancel={() => setConfirming(false)} cancelLabel="Terug naar het formulier" />
      </div>
    );
  }

  return (
    <form noValidate onSubmit={handleCheck} className="kt-form" aria-label="Casus overdragen">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <RadioGroupField id="overdragen-aan" label="Aan wie draagt u de casus over?" options={TARGET_OPTIONS} value={target} onChange={(v) => { setTarget(v as Target); form.clear(); }} />
      {target === 'collega' ? (
        <SelectField
          id={form.idFor('leadWorkerId')}
          label="Collega"
          options={colleagues}
          value={leadWorkerId}
          onChange={setLeadWorkerId}
          description={workers.isPending ? 'Medewerkers worden geladen…' : undefined}
          error={form.errorFor('leadWorkerId')}
          required
        />
      ) : (
        <SelectField id={form.idFor('teamId')} label="Buurtteam" options={teams} value={teamId} onChange={setTeamId} error={form.errorFor('teamId')} required />
      )}
      <TextareaField
        id={form.idFor('note')}
        label="Overdrachtsnotitie"
        description="Wat moet de nieuwe regisseur weten? Minstens 10 tekens. De cliënt hoeft het verhaal niet opnieuw te vertellen."
        value={note}
        onChange={setNote}
        rows={5}
        error={form.errorFor('note')}
        required
      />
      <FormActions submitLabel="Overdragen…" busy={false} onCancel={onDone} />
    </form>
  );
}

interface TransferDoneState {
  result: TransferResult;
  client: string;
}

/** After a transfer to another team: the case is out of sight, so say where it went. */
export function TransferDonePage() {
  const state = useLocation().state as TransferDoneState | null;
  if (!state?.result) {
    return (
      <>
        <PageTitle title="Casus overgedragen" />
        <Paragraph>Er is geen overdracht om te tonen.</Paragraph>
        <Paragraph>
          <RouterLink to="/mijn-werk">Terug naar Mijn werk</RouterLink>
        </Paragraph>
      </>
    );
  }
  const { result, client } = state;
  return (
    <>
      <PageTitle title="Casus overgedragen" />
      <Alert type="ok">
        <Paragraph>
          De casus van {client} is overgedragen aan {teamTitle(result.teamName)}
          {result.leadWorkerName ? ` (regisseur ${result.leadWorkerName})` : ''}.
        </Paragraph>
      </Alert>
      <Paragraph>
        De teamleider van dat team wijst een regisseur toe. De overdrachtsnotitie, het journaal, het krachtplan en de geschiedenis gaan mee. U ziet de casus niet meer in uw
        overzichten.
      </Paragraph>
      <Paragraph>
        <RouterLink to="/mijn-werk">Terug naar Mijn werk</RouterLink>
      </Paragraph>
    </>
  );
}
