// Huishoudlid toevoegen: an existing client (search) or a new person.
import { ClientTable } from '../../app/ClientTable';
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { addHouseholdMemberBody } from '../../../server/modules/cases/cases.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, TextField } from '../../app/fields';
import { useFormErrors } from '../../app/form-errors';
import { fullName } from '../../app/format';
import { LoadError } from '../../app/QueryStatus';
import { useClientSearch, type ClientSummary } from '../clients/api';
import { EMPTY_CLIENT, toClientFields, type ClientFormValues } from '../clients/client-form';
import { ClientFieldsInputs } from '../clients/ClientFieldsInputs';
import { useCaseAction, useReloadCase, type CaseDetail } from './api';

export function AddHouseholdMember({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const action = useCaseAction(detail.id, 'household');
  const reload = useReloadCase(detail.id);
  const form = useFormErrors('huishouden');
  const [mode, setMode] = useState<'bestaand' | 'nieuw'>('bestaand');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [client, setClient] = useState<ClientFormValues>(EMPTY_CLIENT);
  const results = useClientSearch(search);
  const memberIds = new Set(detail.household.map((m) => m.clientId));

  async function submit(body: { clientId?: string; client?: ReturnType<typeof toClientFields>; version: number }) {
    const parsed = addHouseholdMemberBody.safeParse(body);
    if (!parsed.success) return form.showZod(parsed.error);
    try {
      await action.mutateAsync(body);
      onDone();
    } catch (error) {
      form.showApiError(error);
    }
  }

  function handleSearch(event: FormEvent) {
    event.preventDefault();
    setSearch(searchText.trim());
  }

  return (
    <div className="kt-subsection">
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <RadioGroupField
        id="huishouden-mode"
        label="Wie voegt u toe?"
        options={[
          { value: 'bestaand', label: 'Een bestaande cliënt' },
          { value: 'nieuw', label: 'Een nieuwe persoon' },
        ]}
        value={mode}
        onChange={(v) => setMode(v as 'bestaand' | 'nieuw')}
      />
      {mode === 'bestaand' ? (
        <>
          <form noValidate onSubmit={handleSearch} className="kt-form kt-search" role="search" aria-label="Bestaande cliënt zoeken">
            <TextField id="huishouden-zoek" label="Zoek een bestaande cliënt" description="Naam, geboortedatum, postcode of BSN" type="search" value={searchText} onChange={setSearchText} />
            <Button type="submit" appearance="secondary-action-button">
              Zoeken
            </Button>
          </form>
          {results.isFetching && <Paragraph role="status">Bezig met zoeken…</Paragraph>}
          {results.isError && <LoadError error={results.error} />}
          {results.data && <SearchResults results={results.data} memberIds={memberIds} busy={action.isPending} onAdd={(c) => void submit({ clientId: c.id, version: detail.version })} />}
        </>
      ) : (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void submit({ client: toClientFields(client), version: detail.version }); }} className="kt-form" aria-label="Nieuw huishoudlid">
          <ClientFieldsInputs form={form} prefix="client" value={client} onChange={setClient} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={action.isPending} disabled={action.isPending}>
              Huishoudlid toevoegen
            </Button>
          </ButtonGroup>
        </form>
      )}
      <ButtonGroup>
        <Button type="button" appearance="subtle-button" onClick={onDone}>
          Annuleren
        </Button>
      </ButtonGroup>
    </div>
  );
}

function SearchResults({ results, memberIds, busy, onAdd }: { results: ClientSummary[]; memberIds: Set<string>; busy: boolean; onAdd: (client: ClientSummary) => void }) {
  if (results.length === 0) return <Paragraph role="status">Geen cliënten gevonden.</Paragraph>;
  return (
    <ClientTable
      caption="Gevonden cliënten"
      clients={results}
      showBsn={false}
      extra={[
        {
          header: 'Actie',
          hidden: true,
          cell: (c) =>
            memberIds.has(c.id) ? (
              'Hoort al bij dit huishouden'
            ) : (
              <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => onAdd(c)} aria-label={`Toevoegen aan huishouden: ${fullName(c)}`}>
                Toevoegen aan huishouden
              </Button>
            ),
        },
      ]}
    />
  );
}
