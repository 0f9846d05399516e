// A new melding or aanvraag: for whom in the household, when, what is asked, by whom.
import { useState } from 'react';
import { REQUESTED_BY, REQUESTED_BY_LABELS } from '../../../server/modules/maatwerk/maatwerk-codes';
import { requestFields } from '../../../server/modules/maatwerk/maatwerk.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, SelectField, TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { codeOptions, useReference } from '../../app/reference';
import { useFormSubmit } from '../../app/use-form-submit';
import { useCreateRequest, type CaseMaatwerk, type RequestFields } from './api';
import { maxLengthOf } from '../../app/form-limits';

const BY_OPTIONS = REQUESTED_BY.map((value) => ({ value, label: REQUESTED_BY_LABELS[value] }));

export function RequestForm({ maatwerk, onDone }: { maatwerk: CaseMaatwerk; onDone: () => void }) {
  const form = useFormErrors(`aanvraag-${maatwerk.caseId}`);
  const create = useCreateRequest(maatwerk.caseId);
  const reference = useReference();
  const [values, setValues] = useState({ clientId: maatwerk.clients.length === 1 ? maatwerk.clients[0]!.id : '', requestedOn: today(), asked: '', category: '', requestedBy: 'client' });
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const { submit, busy } = useFormSubmit<RequestFields, CaseMaatwerk>(form, {
    values: { ...values, category: values.category || null, requestedBy: values.requestedBy as RequestFields['requestedBy'] },
    schema: requestFields,
    send: (body) => create.mutateAsync(body),
    onSuccess: onDone,
  });
  return (
    <form noValidate onSubmit={submit} className="kt-panel kt-form" aria-label="Nieuwe aanvraag voor een voorziening">
      <ErrorSummary form={form} />
      <SelectField id={form.idFor('clientId')} label="Voor wie" options={maatwerk.clients.map((c) => ({ value: c.id, label: c.name }))} value={values.clientId} onChange={set('clientId')} error={form.errorFor('clientId')} required />
      <TextField id={form.idFor('requestedOn')} label="Datum van de melding" description="De wettelijke termijnen lopen vanaf deze dag." type="date" value={values.requestedOn} onChange={set('requestedOn')} error={form.errorFor('requestedOn')} size="s" required />
      <TextareaField id={form.idFor('asked')} maxLength={maxLengthOf(requestFields, 'asked')} label="Wat wordt er gevraagd" description="In de woorden van wie het vroeg." value={values.asked} onChange={set('asked')} rows={3} error={form.errorFor('asked')} required />
      <SelectField id={form.idFor('category')} label="Soort voorziening" options={codeOptions(reference.data, 'provision_categories')} value={values.category} onChange={set('category')} error={form.errorFor('category')} placeholder="Nog niet bekend" optional />
      <RadioGroupField id={form.idFor('requestedBy')} label="Wie deed de melding" options={BY_OPTIONS} value={values.requestedBy} onChange={set('requestedBy')} error={form.errorFor('requestedBy')} required />
      <FormActions submitLabel="Aanvraag vastleggen" busy={busy} onCancel={onDone} />
    </form>
  );
}
