// Heropenen: a closed case opens again, with a reason.
import { useState } from 'react';
import { reopenBody } from '../../../server/modules/cases/cases.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextareaField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { useFormSubmit } from '../../app/use-form-submit';
import { useCaseAction, useReloadCase, type CaseDetail } from './api';

export function ReopenForm({ detail, onDone }: { detail: CaseDetail; onDone?: () => void }) {
  const action = useCaseAction(detail.id, 'reopen');
  const reload = useReloadCase(detail.id);
  const form = useFormErrors('heropenen');
  const [reason, setReason] = useState('');
  const { submit, busy } = useFormSubmit(form, {
    values: { reason, version: detail.version },
    schema: reopenBody,
    send: (body) => action.mutateAsync(body),
    onSuccess: () => {
      setReason('');
      onDone?.();
    },
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Casus heropenen">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <TextareaField id={form.idFor('reason')} label="Reden van heropenen" value={reason} onChange={setReason} rows={3} error={form.errorFor('reason')} required />
      <FormActions submitLabel="Heropenen" busy={busy} />
    </form>
  );
}
