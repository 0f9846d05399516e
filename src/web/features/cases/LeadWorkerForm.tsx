// Regisseur wijzigen: choose another worker of the team as lead worker.
import { useState } from 'react';
import { assignBody } from '../../../server/modules/cases/cases.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { useFormSubmit } from '../../app/use-form-submit';
import { useCaseAction, useReloadCase, useWorkers, type CaseDetail } from './api';

/** `onDone` gets the new lead worker's name. */
export function LeadWorkerForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: (name: string) => void; onCancel: () => void }) {
  const workers = useWorkers(detail.teamId);
  const action = useCaseAction(detail.id, 'lead-worker');
  const reload = useReloadCase(detail.id);
  const form = useFormErrors('regisseur');
  const [leadWorkerId, setLeadWorkerId] = useState(detail.leadWorker?.id ?? '');
  const { submit, busy } = useFormSubmit(form, {
    values: { leadWorkerId, version: detail.version },
    schema: assignBody,
    send: (body) => action.mutateAsync(body),
    onSuccess: (after) => onDone(after.leadWorker?.name ?? 'niet toegewezen'),
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Regisseur wijzigen">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <SelectField
        id={form.idFor('leadWorkerId')}
        label="Nieuwe regisseur"
        value={leadWorkerId}
        onChange={setLeadWorkerId}
        options={(workers.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
        description={workers.isPending ? 'Medewerkers worden geladen…' : undefined}
        error={form.errorFor('leadWorkerId')}
        required
      />
      <FormActions submitLabel="Regisseur opslaan" busy={busy} onCancel={onCancel} />
    </form>
  );
}
