// Melding doen: file a complaint, objection or incident (e.g. aggression against a worker: "Emotie
// mag, agressie niet"). A worker sees a confirmation afterwards, not the register; kwaliteit and
// team leaders go on to the report itself.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { qualityReportInput } from '../../../server/modules/quality/quality.schemas';
import { useAuth, useMe } from '../../app/auth';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { useReference } from '../../app/reference';
import { useFormSubmit } from '../../app/use-form-submit';
import { useFileQualityReport, type QualityReportInput } from './api';
import { CATEGORY_OPTIONS, KIND_OPTIONS } from './labels';
import { maxLengthOf } from '../../app/form-limits';

interface Draft {
  kind: string;
  category: string;
  teamId: string;
  title: string;
  description: string;
  occurredOn: string;
  receivedOn: string;
  filedBy: string;
}

function emptyDraft(filedBy: string): Draft {
  return { kind: '', category: '', teamId: '', title: '', description: '', occurredOn: today(), receivedOn: today(), filedBy };
}

export function FileQualityReportPage() {
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const reference = useReference();
  const file = useFileQualityReport();
  const form = useFormErrors('melding');
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(me.name));
  const [filed, setFiled] = useState(false);
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  // A worker or team leader files for their own team; kwaliteit has no team and may choose one.
  const choosesTeam = !me.team;

  const { submit, busy } = useFormSubmit(form, {
    values: {
      ...draft,
      kind: draft.kind as QualityReportInput['kind'],
      category: draft.kind === 'incident' && draft.category ? (draft.category as QualityReportInput['category']) : null,
      teamId: choosesTeam && draft.teamId ? draft.teamId : null,
    },
    schema: qualityReportInput,
    send: (body) => file.mutateAsync(body),
    onSuccess: ({ id }) => {
      if (can('quality:manage')) {
        navigate(`/kwaliteit/meldingen/${id}`);
        return;
      }
      setDraft(emptyDraft(me.name));
      setFiled(true);
    },
  });

  if (filed) {
    return (
      <>
        <PageTitle title="Melding ontvangen" />
        <Alert type="ok">
          <Paragraph>Dank u wel. Uw melding is vastgelegd en gaat naar kwaliteit &amp; privacy en de teamleider, die haar verder behandelen.</Paragraph>
        </Alert>
        <Paragraph>Heeft u na een incident steun nodig? Bespreek het met uw teamleider; u hoeft het niet alleen te dragen.</Paragraph>
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => setFiled(false)}>
            Nog een melding doen
          </Button>
        </ButtonGroup>
      </>
    );
  }

  const teamOptions = (reference.data?.teams ?? []).map((t) => ({ value: t.id, label: t.name }));
  return (
    <>
      <PageTitle title="Melding doen" />
      <Paragraph>
        Meld een klacht of bezwaar van een bewoner, of een incident, zoals agressie tegen een medewerker: emotie mag, agressie niet. Noem alleen wat nodig is om de
        melding te behandelen.
      </Paragraph>
      <form noValidate onSubmit={submit} className="kt-form" aria-label="Melding doen">
        <ErrorSummary form={form} />
        <RadioGroupField id={form.idFor('kind')} label="Soort melding" options={KIND_OPTIONS} value={draft.kind} onChange={set('kind')} error={form.errorFor('kind')} required />
        {draft.kind === 'incident' && (
          <SelectField id={form.idFor('category')} label="Soort incident" options={CATEGORY_OPTIONS} value={draft.category} onChange={set('category')} error={form.errorFor('category')} required />
        )}
        {choosesTeam && (
          <SelectField
            id={form.idFor('teamId')}
            label="Team"
            options={teamOptions}
            placeholder="Geen team (de hele organisatie)"
            value={draft.teamId}
            onChange={set('teamId')}
            error={form.errorFor('teamId')}
            optional
          />
        )}
        <TextField id={form.idFor('title')} label="Titel" value={draft.title} onChange={set('title')} error={form.errorFor('title')} description="Een korte omschrijving, bijvoorbeeld: Uitgescholden bij huisbezoek." required />
        <TextareaField id={form.idFor('description')} maxLength={maxLengthOf(qualityReportInput, 'description')} label="Wat is er gebeurd?" value={draft.description} onChange={set('description')} error={form.errorFor('description')} rows={6} required />
        <TextField id={form.idFor('occurredOn')} type="date" label="Datum van het voorval" value={draft.occurredOn} onChange={set('occurredOn')} error={form.errorFor('occurredOn')} max={today()} size="m" required />
        <TextField id={form.idFor('receivedOn')} type="date" label="Datum van ontvangst" value={draft.receivedOn} onChange={set('receivedOn')} error={form.errorFor('receivedOn')} max={today()} size="m" required />
        <TextField
          id={form.idFor('filedBy')}
          label="Wie doet de melding"
          value={draft.filedBy}
          onChange={set('filedBy')}
          error={form.errorFor('filedBy')}
          description="Zoals de melder zich noemt, bijvoorbeeld: een bewoner, mevrouw Jansen, of uw eigen naam. Er wordt geen cliëntdossier aan gekoppeld."
          required
        />
        <FormActions submitLabel="Melding versturen" busy={busy} busyText="Bezig met versturen…" />
      </form>
    </>
  );
}
