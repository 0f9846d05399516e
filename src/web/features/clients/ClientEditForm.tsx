// Edit a client's person fields; sends the version it read.
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { clientUpdate } from '../../../server/modules/clients/clients.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { SelectField } from '../../app/fields';
import { useFormErrors } from '../../app/form-errors';
import { useReloadClient, useUpdateClient, type ClientDetail } from './api';
import { clientFormFromDetail, toClientFields } from './client-form';
import { ClientFieldsInputs } from './ClientFieldsInputs';

const GENDER_OPTIONS = [
  { value: 'v', label: 'Vrouw' },
  { value: 'm', label: 'Man' },
  { value: 'x', label: 'Anders of onbekend' },
];

export function ClientEditForm({ client, onDone }: { client: ClientDetail; onDone: () => void }) {
  const update = useUpdateClient(client.id);
  const reload = useReloadClient(client.id);
  const form = useFormErrors('client');
  const [values, setValues] = useState(clientFormFromDetail(client));
  const [gender, setGender] = useState(client.gender ?? '');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const body = { ...toClientFields(values), gender: gender === '' ? null : (gender as 'm' | 'v' | 'x'), version: client.version };
    const parsed = clientUpdate.safeParse(body);
    if (!parsed.success) return form.showZod(parsed.error);
    try {
      await update.mutateAsync(body);
      onDone();
    } catch (error) {
      form.showApiError(error);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(e)} className="kt-form" aria-label="Gegevens wijzigen">
      <ErrorSummary form={form} onReload={() => void reload().then(onDone)} />
      <ClientFieldsInputs form={form} value={values} onChange={setValues} />
      <SelectField id={form.idFor('gender')} label="Geslacht" value={gender} onChange={setGender} options={GENDER_OPTIONS} placeholder="Niet ingevuld" optional error={form.errorFor('gender')} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={update.isPending} disabled={update.isPending}>
          Gegevens opslaan
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onDone}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
