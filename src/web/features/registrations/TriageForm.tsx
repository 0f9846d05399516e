// The triage form: one of six outcomes, with the fields that outcome needs.
import { useState } from 'react';
import { triageBody, type TriageBody } from '../../../server/modules/registrations/registrations.schemas';
import { OUT_OF_SCOPE_REASONS, TRIAGE_LABELS, TRIAGE_OUTCOMES, needsReferralAdvice, type TriageOutcome } from '../../../server/modules/registrations/triage';
import { useMe } from '../../app/auth';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { maxLengthOf } from '../../app/form-limits';
import { useFormErrors } from '../../app/form-errors';
import { useReference } from '../../app/reference';
import { useFormSubmit } from '../../app/use-form-submit';
import { useWorkers } from '../cases/api';
import { useTriage, type Registration } from './api';

const OUTCOME_OPTIONS = TRIAGE_OUTCOMES.map((outcome) => ({ value: outcome, label: TRIAGE_LABELS[outcome] }));
const OUT_OF_SCOPE_OPTIONS = Object.entries(OUT_OF_SCOPE_REASONS).map(([value, label]) => ({ value, label }));

export function TriageForm({ registration, onDone }: { registration: Registration; onDone: (result: Registration) => void }) {
  const me = useMe();
  const reference = useReference();
  const workers = useWorkers(registration.teamId);
  const triage = useTriage(registration.id);
  const form = useFormErrors('triage');
  const [outcome, setOutcome] = useState<TriageOutcome | ''>('');
  const [advice, setAdvice] = useState('');
  const [teamId, setTeamId] = useState('');
  const [outOfScopeReason, setOutOfScopeReason] = useState('');
  const [leadWorkerId, setLeadWorkerId] = useState(me.id);

  const teamOptions = (reference.data?.teams ?? []).filter((t) => t.id !== registration.teamId).map((t) => ({ value: t.id, label: t.name }));
  const workerOptions = (workers.data ?? []).map((w) => ({ value: w.id, label: w.id === me.id ? `${w.name} (ik)` : w.name }));
  if (!workerOptions.some((o) => o.value === me.id) && registration.teamId === me.team?.id) workerOptions.unshift({ value: me.id, label: `${me.name} (ik)` });

  const { submit, busy } = useFormSubmit(form, {
    values: {
      outcome,
      advice: outcome && needsReferralAdvice(outcome) ? advice : undefined,
      teamId: outcome === 'other_team' ? teamId || undefined : undefined,
      outOfScopeReason: outcome === 'out_of_scope' ? outOfScopeReason || undefined : undefined,
      leadWorkerId: outcome === 'generalist' ? leadWorkerId || undefined : undefined,
      version: registration.version,
    },
    schema: triageBody,
    send: (body) => triage.mutateAsync(body as TriageBody),
    onSuccess: onDone,
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Triage">
      <ErrorSummary form={form} />
      <RadioGroupField id={form.idFor('outcome')} label="Waar hoort de vraag thuis?" options={OUTCOME_OPTIONS} value={outcome} onChange={(v) => setOutcome(v as TriageOutcome)} error={form.errorFor('outcome')} required />
      {outcome === 'generalist' && (
        <SelectField
          id={form.idFor('leadWorkerId')}
          label="Regisseur"
          description="De medewerker die verantwoordelijk is voor deze casus."
          value={leadWorkerId}
          onChange={setLeadWorkerId}
          options={workerOptions}
          placeholder={null}
          error={form.errorFor('leadWorkerId')}
        />
      )}
      {outcome === 'other_team' && <SelectField id={form.idFor('teamId')} label="Buurtteam" value={teamId} onChange={setTeamId} options={teamOptions} error={form.errorFor('teamId')} required />}
      {outcome === 'out_of_scope' && (
        <SelectField id={form.idFor('outOfScopeReason')} label="Reden buiten de taak" value={outOfScopeReason} onChange={setOutOfScopeReason} options={OUT_OF_SCOPE_OPTIONS} error={form.errorFor('outOfScopeReason')} required />
      )}
      {outcome && needsReferralAdvice(outcome) && (
        <TextareaField
          id={form.idFor('advice')}
            maxLength={maxLengthOf(triageBody, 'advice')}
          label="Verwijsadvies"
          description="Waar kan de bewoner terecht? Dit advies krijgt de bewoner mee."
          value={advice}
          onChange={setAdvice}
          error={form.errorFor('advice')}
          required
        />
      )}
      <FormActions submitLabel="Triage opslaan" busy={busy} />
    </form>
  );
}
