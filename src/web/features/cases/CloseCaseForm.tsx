// Casus afsluiten: date, reasons (at least one), what carries the client on, the satisfaction
// mark and "can you manage on your own now?". Before the button: the plan's open agreements, since
// a closed case's plan cannot be changed until it is reopened.
import { useState } from 'react';
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { AGREEMENT_OWNER_LABELS } from '../../../server/modules/plans/plans.schemas';
import { closeBody } from '../../../server/modules/cases/cases.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { CheckboxGroupField, RadioGroupField, SelectField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { codeOptions, useReference } from '../../app/reference';
import { RouterLink } from '../../app/links';
import { useFormSubmit } from '../../app/use-form-submit';
import { usePlan, type Plan } from '../plans/api';
import { useCaseAction, useReloadCase, type CaseDetail } from './api';
import { useCaseZrm } from '../zrm/api';

const SCORE_OPTIONS = [{ value: '', label: 'Niet gegeven' }, ...Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))];
const CONTINUE_OPTIONS = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
  { value: 'niet_gevraagd', label: 'Niet gevraagd' },
];

export function CloseCaseForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone?: () => void; onCancel: () => void }) {
  const reference = useReference();
  const action = useCaseAction(detail.id, 'close');
  const reload = useReloadCase(detail.id);
  // The close dialog offers the eindmeting when the case has none (werkkader: ZRM at start, after three months, at closing).
  const zrm = useCaseZrm(detail.id);
  const plan = usePlan(detail.id);
  const form = useFormErrors('afsluiten');
  const [closedOn, setClosedOn] = useState(today());
  const [reasons, setReasons] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<string[]>([]);
  const [score, setScore] = useState('');
  const [canContinue, setCanContinue] = useState('niet_gevraagd');
  const { submit, busy } = useFormSubmit(form, {
    values: {
      closedOn,
      reasons,
      outcomes,
      satisfactionScore: score === '' ? null : Number(score),
      canContinueAlone: canContinue === 'ja' ? true : canContinue === 'nee' ? false : null,
      version: detail.version,
    },
    schema: closeBody,
    send: (body) => action.mutateAsync(body),
    onSuccess: () => onDone?.(),
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Casus afsluiten">
      <Paragraph>Spreek het einde van de ondersteuning af met de cliënt. Na afsluiten telt de casus niet meer mee als open casus; u kunt hem later heropenen met een reden.</Paragraph>
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      {zrm.data && !zrm.data.assessments.some((a) => a.type === 'eind') && (
        <Paragraph>
          Er is nog geen eindmeting van de zelfredzaamheid. Leg die vast onder <RouterLink to="#zrm">ZRM</RouterLink> (soort Eindmeting), nu of na het afsluiten: zo
          is te zien wat de ondersteuning heeft opgeleverd.
        </Paragraph>
      )}
      <TextField id={form.idFor('closedOn')} label="Datum afsluiting" type="date" value={closedOn} onChange={setClosedOn} max={today()} size="s" error={form.errorFor('closedOn')} required />
      <CheckboxGroupField id={form.idFor('reasons')} label="Reden van afsluiten" options={codeOptions(reference.data, 'close_reasons')} value={reasons} onChange={setReasons} error={form.errorFor('reasons')} required />
      <CheckboxGroupField
        id={form.idFor('outcomes')}
        label="Wat draagt de cliënt verder"
        description="Kies alles wat van toepassing is."
        options={codeOptions(reference.data, 'close_outcomes')}
        value={outcomes}
        onChange={setOutcomes}
        error={form.errorFor('outcomes')}
        optional
      />
      <SelectField id={form.idFor('satisfactionScore')} label="Rapportcijfer" description="Het cijfer dat de cliënt geeft, van 1 tot en met 10." options={SCORE_OPTIONS} value={score} onChange={setScore} placeholder={null} error={form.errorFor('satisfactionScore')} />
      <RadioGroupField id={form.idFor('canContinueAlone')} label="Kunt u zelf verder?" description="Vraag de cliënt: kunt u nu zelf verder?" options={CONTINUE_OPTIONS} value={canContinue} onChange={setCanContinue} error={form.errorFor('canContinueAlone')} />
      {plan.data && <OpenAgreements caseId={detail.id} plan={plan.data} />}
      <FormActions submitLabel="Casus afsluiten" busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** The agreements still open in the plan (and how many withheld ones the user cannot see). */
export function openAgreements(plan: Plan) {
  return plan.content.domains.flatMap((d) => d.agreements.filter((a) => a.status === 'open').map((a) => ({ ...a, domain: d.domain })));
}

function OpenAgreements({ caseId, plan }: { caseId: string; plan: Plan }) {
  const open = openAgreements(plan);
  const withheld = plan.content.withheld?.agreements.length ?? 0;
  if (open.length === 0 && withheld === 0) return null;
  const count = open.length === 1 ? 'staat nog 1 open afspraak' : `staan nog ${open.length} open afspraken`;
  return (
    <Alert type="warning">
      {open.length > 0 && (
        <>
          <Paragraph>
            <strong>Let op: in het krachtplan {count}.</strong> Na het afsluiten kunt u het krachtplan niet meer wijzigen. Zet een afspraak die klaar is op “Gedaan” of “Gestopt”, of spreek
            met de cliënt af wie die na het afsluiten oppakt.
          </Paragraph>
          <UnorderedList aria-label="Open afspraken in het krachtplan">
            {open.map((a) => (
              <UnorderedListItem key={a.id}>
                {a.what} ({AGREEMENT_OWNER_LABELS[a.owner]}
                {a.ownerName ? `: ${a.ownerName}` : ''})
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {withheld > 0 && (
        <Paragraph>
          Het krachtplan heeft ook {withheld === 1 ? '1 afgeschermde afspraak' : `${withheld} afgeschermde afspraken`}. Alleen de betrokken medewerkers zien of die nog open staan.
        </Paragraph>
      )}
      <Paragraph>
        <RouterLink to={`/casussen/${caseId}/plan`}>Krachtplan openen</RouterLink>
      </Paragraph>
    </Alert>
  );
}
