// Huishoudlid toevoegen: a client of the own team (search), or another person: new, or known
// elsewhere in the organisation and attached with exact identification and a reason (the duplicate
// check offers "Koppelen").
import { ClientTable } from '../../app/ClientTable';
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { addHouseholdMemberBody } from '../../../server/modules/cases/cases.schemas';
import { ErrorSummary } from '../../app/ErrorSummary';
import { RadioGroupField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { fullName } from '../../app/format';
import { LoadError } from '../../app/QueryStatus';
import { useFormSubmit } from '../../app/use-form-submit';
import { useClientSearch, type ClientSummary } from '../clients/api';
import { EMPTY_CLIENT } from '../clients/client-form';
import { ClientChoice, choiceBody, choiceProblems, newClientChoice, type ClientChoiceState } from '../clients/ClientChoice';
import { useCaseAction, useReloadCase, type CaseDetail } from './api';

// The API reports a missing person on `client`; point that at the first name field.
const clientPath = (path: string) => (path === 'client' ? 'client.firstName' : path);

/** `onDone` gets the name of the person added, or nothing after "Annuleren". */
export function AddHouseholdMember({ detail, onDone }: { detail: CaseDetail; onDone: (added?: string) => void }) {
  const action = useCaseAction(detail.id, 'household');
  const reload = useReloadCase(detail.id);
  const form = useFormErrors('huishouden', { mapPath: clientPath });
  const [mode, setMode] = useState<'bestaand' | 'nieuw'>('bestaand');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [choice, setChoice] = useState<ClientChoiceState>(newClientChoice(EMPTY_CLIENT));
  // Only the team's own clients: anyone else comes in through the duplicate check and an attach.
  const results = useClientSearch(search, { ownTeam: true });
  const memberIds = new Set(detail.household.map((m) => m.clientId));

  // The new person's form sends the choice; a search result's button sends that client's id.
  const { submit, submitValues, busy } = useFormSubmit<Record<string, unknown>, CaseDetail>(form, {
    values: { ...choiceBody(choice), version: detail.version },
    check: () => (mode === 'nieuw' ? choiceProblems(choice) : []),
    schema: addHouseholdMemberBody,
    send: (body) => action.mutateAsync(body),
    onSuccess: (after) => {
      const member = after.household.find((m) => !memberIds.has(m.clientId));
      onDone(member ? fullName(member) : undefined);
    },
  });

  function handleSearch(event: FormEvent) {
    event.preventDefault();
    setSearch(searchText.trim());
  }

  return (
    <div className="kt-subsection">
      <Heading3>Huishoudlid toevoegen</Heading3>
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <RadioGroupField
        id="huishouden-mode"
        label="Wie voegt u toe?"
        options={[
          { value: 'bestaand', label: 'Een cliënt van uw team' },
          { value: 'nieuw', label: 'Een andere persoon (nieuw, of bekend bij een ander team)' },
        ]}
        value={mode}
        onChange={(v) => setMode(v as 'bestaand' | 'nieuw')}
      />
      {mode === 'bestaand' ? (
        <>
          <form noValidate onSubmit={handleSearch} className="kt-form kt-search" role="search" aria-label="Bestaande cliënt zoeken">
            <TextField id="huishouden-zoek" label="Zoek een cliënt van uw team" description="Naam, geboortedatum, postcode of BSN" type="search" value={searchText} onChange={setSearchText} />
            <Button type="submit" appearance="secondary-action-button">
              Zoeken
            </Button>
          </form>
          {results.isFetching && <Paragraph role="status">Bezig met zoeken…</Paragraph>}
          {results.isError && <LoadError error={results.error} />}
          {results.data && <SearchResults results={results.data} memberIds={memberIds} busy={busy} onAdd={(c) => submitValues({ clientId: c.id, version: detail.version })} />}
        </>
      ) : (
        <form noValidate onSubmit={submit} className="kt-form" aria-label="Nieuw huishoudlid">
          <ClientChoice form={form} value={choice} onChange={setChoice} idPrefix="huishouden" headingLevel={3} />
          <FormActions submitLabel="Huishoudlid toevoegen" busy={busy} />
        </form>
      )}
      <ButtonGroup>
        <Button type="button" appearance="subtle-button" onClick={() => onDone()}>
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
