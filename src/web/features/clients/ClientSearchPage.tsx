// Cliënten zoeken: by name, birth date, postcode or BSN; results with masked BSN. Screen readers
// hear the number of results, not the rows.
import { ClientTable } from '../../app/ClientTable';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { TextField } from '../../app/fields';
import { fullName } from '../../app/format';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { LoadError, Loading } from '../../app/QueryStatus';
import { ResultCount } from '../../app/ResultCount';
import { useClientSearch, type ClientSummary } from './api';

export function ClientSearchPage() {
  // The search text stays out of the address bar and browser history: it may be a BSN. It lives in
  // the history entry's state, so "back" still returns to the results.
  const location = useLocation();
  const navigate = useNavigate();
  const search = (location.state as { zoek?: string } | null)?.zoek ?? '';
  const [text, setText] = useState(search);
  const [tooShort, setTooShort] = useState(false);
  const results = useClientSearch(search);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    setTooShort(value.length < 2);
    if (value.length >= 2) navigate(location.pathname, { state: { zoek: value } });
  }

  return (
    <>
      <PageTitle title="Cliënten zoeken" />
      <form noValidate onSubmit={handleSubmit} role="search" aria-label="Cliënten" className="kt-form kt-search">
        <TextField
          id="zoek"
          label="Zoek cliënt"
          type="search"
          description="Zoek op naam, geboortedatum (31-12-1980), postcode of BSN."
          value={text}
          onChange={setText}
          error={tooShort ? 'Vul minstens 2 tekens in' : undefined}
        />
        <Button type="submit" appearance="primary-action-button">
          Zoeken
        </Button>
      </form>
      {/* Only the number is announced: a table in a live region is read out whole, birth dates and postcodes included. */}
      <ResultCount hidden count={results.data?.length ?? null} singular="cliënt" plural="cliënten" none="Geen cliënten gevonden" suffix="gevonden" />
      {search.length >= 2 && results.isPending && <Loading what="zoekresultaten" />}
      {results.isError && <LoadError error={results.error} />}
      {results.data && <Results results={results.data} search={search} />}
    </>
  );
}

function Results({ results, search }: { results: ClientSummary[]; search: string }) {
  if (results.length === 0) return <Paragraph>Geen cliënten gevonden voor “{search}”.</Paragraph>;
  return (
    <ClientTable
      caption={`${results.length === 1 ? '1 cliënt' : `${results.length} cliënten`} gevonden voor “${search}”`}
      clients={results}
      name={(c) => <RouterLink to={`/clienten/${c.id}`}>{fullName(c)}</RouterLink>}
    />
  );
}
