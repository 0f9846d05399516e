// Regisseur wijzigen: choose another worker of the team as lead worker.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { assignBody } from '../../../server/modules/cases/cases.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField } from '../../app/fields';
import { useFormErrors } from '../../app/form-errors';
import { useCaseAction, useReloadCase, useWorkers, type CaseDetail } from './api';

export function LeadWorkerForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const workers = useWorkers(detail.teamId);
  const action = useCaseAction(detail.id, 'lead-worker');
  const reload = useReloadCase(detail.id);
  const form = useFormErrors('regisseur');
  const [leadWorkerId, setLeadWorkerId] = useState(detail.leadWorker?.id ?? '');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const body = { leadWorkerId, version: detail.version };
    const parsed = assignBody.safeParse(body);
    if (!parsed.success) return form.showZod(parsed.error);
    try {
      await action.mutateAsync(body);
      onDone();
    } catch (error) {
      form.showApiError(error);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(e)} className="kt-form" aria-label="Regisseur wijzigen">
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
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={action.isPending} disabled={action.isPending}>
          Regisseur opslaan
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onDone}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
