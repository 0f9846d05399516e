// Heropenen: a closed case opens again, with a reason.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { reopenBody } from '../../../server/modules/cases/cases.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextareaField } from '../../app/fields';
import { useFormErrors } from '../../app/form-errors';
import { useCaseAction, useReloadCase, type CaseDetail } from './api';

export function ReopenForm({ detail }: { detail: CaseDetail }) {
  const action = useCaseAction(detail.id, 'reopen');
  const reload = useReloadCase(detail.id);
  const form = useFormErrors('heropenen');
  const [reason, setReason] = useState('');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const body = { reason, version: detail.version };
    const parsed = reopenBody.safeParse(body);
    if (!parsed.success) return form.showZod(parsed.error);
    try {
      await action.mutateAsync(body);
      setReason('');
    } catch (error) {
      form.showApiError(error);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(e)} className="kt-form" aria-label="Casus heropenen">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <TextareaField id={form.idFor('reason')} label="Reden van heropenen" value={reason} onChange={setReason} rows={3} error={form.errorFor('reason')} required />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={action.isPending} disabled={action.isPending}>
          Heropenen
        </Button>
      </ButtonGroup>
    </form>
  );
}
