// Edit a client's person fields; sends the version it read.
import { useState } from 'react';
import { clientUpdate } from '../../../server/modules/clients/clients.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { useFormSubmit } from '../../app/use-form-submit';
import { useReloadClient, useUpdateClient, type ClientDetail } from './api';
import { clientFormFromDetail, toClientFields } from './client-form';
import { ClientFieldsInputs } from './ClientFieldsInputs';

const GENDER_OPTIONS = [
  { value: 'v', label: 'Vrouw' },
  { value: 'm', label: 'Man' },
  { value: 'x', label: 'Anders of onbekend' },
];

/** `onDone(true)` after saving, `onDone(false)` after "Annuleren" or loading the newest data. */
export function ClientEditForm({ client, onDone }: { client: ClientDetail; onDone: (saved: boolean) => void }) {
  const update = useUpdateClient(client.id);
  const reload = useReloadClient(client.id);
  const form = useFormErrors('client');
  const [values, setValues] = useState(clientFormFromDetail(client));
  const [gender, setGender] = useState(client.gender ?? '');
  const { submit, busy } = useFormSubmit(form, {
    values: { ...toClientFields(values), gender: gender === '' ? null : (gender as 'm' | 'v' | 'x'), version: client.version },
    schema: clientUpdate,
    send: (body) => update.mutateAsync(body),
    onSuccess: () => onDone(true),
  });

  return (
    <form noValidate onSubmit={submit} className="kt-form" aria-label="Gegevens wijzigen">
      <ErrorSummary form={form} onReload={() => void reload().then(() => onDone(false))} />
      <ClientFieldsInputs form={form} value={values} onChange={setValues} />
      <SelectField id={form.idFor('gender')} label="Geslacht" value={gender} onChange={setGender} options={GENDER_OPTIONS} placeholder="Niet ingevuld" optional error={form.errorFor('gender')} />
      <FormActions submitLabel="Gegevens opslaan" busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}
