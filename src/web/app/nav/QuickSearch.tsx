// The search box in the header: clients and their open cases by name, BSN, birth date or postcode,
// as one types. The WAI-ARIA combobox pattern (list autocomplete) on the NL Design System Combobox
// and Listbox: focus stays in the text box, the arrow keys move through the results
// (aria-activedescendant), Enter opens the client or case (or, with no result chosen, all results on
// Cliënten zoeken), Escape closes the list and then clears the text. The text travels in a POST
// body and in the history entry's state, never in an address: it may be a BSN. Screen readers
// hear the number of results, not the results.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Combobox, ComboboxPopover, Listbox, ListboxOption, Paragraph, Textbox } from '@utrecht/component-library-react';
import { CASE_STATUS_LABELS } from '../../../server/modules/cases/case-rules';
import { QUICK_SEARCH_LIMIT, type QuickSearchHit, type QuickSearchResult } from '../../../server/modules/clients/clients.schemas';
import { api } from '../api';
import { formatDate, fullName } from '../format';
import { queryKeys } from '../query-keys';
import { ResultCount } from '../ResultCount';

/** Wait this long after the last key before searching: one request per pause, not per letter. */
const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;

interface Choice {
  key: string;
  to: string;
  client: QuickSearchHit;
  /** An open case of the client; absent: the client themselves. */
  openCase?: QuickSearchHit['openCases'][number];
}

function choicesOf(result: QuickSearchResult | undefined): Choice[] {
  return (result?.clients ?? []).flatMap((client) => [
    { key: `client-${client.id}`, to: `/clienten/${client.id}`, client },
    ...client.openCases.map((openCase) => ({ key: `case-${openCase.id}`, to: `/casussen/${openCase.id}`, client, openCase })),
  ]);
}

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export function QuickSearch() {
  const id = useId();
  const listId = `${id}-resultaten`;
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = text.trim();
  const term = useDebounced(typed, DEBOUNCE_MS);
  const search = useQuery({
    queryKey: queryKeys.clients.quick(term),
    // A POST body, never a query string: the text may be a BSN.
    queryFn: () => api.post<QuickSearchResult>('/api/v1/search', { search: term }),
    enabled: term.length >= MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  // Results belong to what is typed now only once the pause is over and the answer is in.
  const current = typed.length >= MIN_LENGTH && term === typed && !search.isPlaceholderData ? search.data : undefined;
  const choices = useMemo(() => choicesOf(current), [current]);
  const expanded = open && choices.length > 0;
  const activeChoice = expanded && active >= 0 ? choices[active] : undefined;

  useEffect(() => {
    if (activeChoice) document.getElementById(`${id}-${activeChoice.key}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeChoice, id]);

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function go(to: string, state?: unknown) {
    close();
    setText('');
    navigate(to, state ? { state } : undefined);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (choices.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index < 0 ? (step > 0 ? 0 : choices.length - 1) : (index + step + choices.length) % choices.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (activeChoice) go(activeChoice.to);
      // Nothing chosen: every result, on Cliënten zoeken (the text in the history state, not the address).
      else if (typed.length >= MIN_LENGTH) go('/clienten', { zoek: typed });
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        close();
      } else if (text) {
        event.preventDefault();
        setText('');
      }
    }
  }

  let message: string | undefined;
  if (typed.length === 1) message = `Typ minstens ${MIN_LENGTH} tekens`;
  else if (typed.length >= MIN_LENGTH && search.isError && term === typed) message = 'Zoeken lukte niet. Probeer het opnieuw.';
  // Said to screen readers: the count only (or what to do first), never the results themselves.
  let announce = message;
  if (announce === undefined && current?.more) announce = `Meer dan ${QUICK_SEARCH_LIMIT} cliënten gevonden`;

  return (
    <div
      role="search"
      aria-label="Cliënten en casussen"
      className="kt-quick-search"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close();
      }}
    >
      <label htmlFor={`${id}-zoek`} className="kt-visually-hidden">
        Zoek cliënt of casus
      </label>
      <Combobox className="kt-quick-search__combobox">
        <Textbox
          id={`${id}-zoek`}
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder="Zoek cliënt of casus"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeChoice ? `${id}-${activeChoice.key}` : undefined}
          aria-describedby={`${id}-uitleg`}
          className="kt-quick-search__input"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={handleKeyDown}
        />
        <span id={`${id}-uitleg`} className="kt-visually-hidden">
          Op naam, BSN, geboortedatum of postcode. Kies met de pijltjestoetsen en open met Enter.
        </span>
        <ComboboxPopover className={open && typed.length > 0 ? 'kt-quick-search__popover' : 'kt-quick-search__popover utrecht-combobox__popover--hidden'}>
          <Listbox id={listId} aria-label="Zoekresultaten" tabIndex={-1} hidden={!expanded} className="kt-quick-search__list">
            {choices.map((choice, index) => (
              <ListboxOption
                key={choice.key}
                id={`${id}-${choice.key}`}
                active={index === active}
                selected={index === active}
                className={choice.openCase ? 'kt-quick-search__option kt-quick-search__option--case' : 'kt-quick-search__option'}
                // Keep the focus in the text box; the click itself opens the choice.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => go(choice.to)}
              >
                <ChoiceText choice={choice} />
              </ListboxOption>
            ))}
          </Listbox>
          <QuickSearchNote typed={typed} message={message} result={current} loading={typed.length >= MIN_LENGTH && !current && !search.isError} />
        </ComboboxPopover>
        <ResultCount hidden count={current?.clients.length ?? null} singular="cliënt" plural="cliënten" none="Geen resultaten" suffix="gevonden" message={announce} />
      </Combobox>
    </div>
  );
}

/** Two lines: who, then the birth date or the case's status; the hidden commas make the spoken name a sentence. */
function ChoiceText({ choice }: { choice: Choice }) {
  const { client, openCase } = choice;
  const comma = <span className="kt-visually-hidden">, </span>;
  if (openCase) {
    return (
      <span className="kt-quick-search__text">
        <span className="kt-quick-search__name">Casus van {fullName(client)}</span>
        {comma}
        <span>
          {CASE_STATUS_LABELS[openCase.status]} · {openCase.teamName}
        </span>
      </span>
    );
  }
  return (
    <span className="kt-quick-search__text">
      <span className="kt-quick-search__name">{fullName(client)}</span>
      {comma}
      <span>
        {client.birthDate ? `geboren ${formatDate(client.birthDate)}` : 'geboortedatum onbekend'}
        {client.openCases.length === 0 && ' · geen open casus'}
      </span>
    </span>
  );
}

function QuickSearchNote({ typed, message, result, loading }: { typed: string; message: string | undefined; result: QuickSearchResult | undefined; loading: boolean }) {
  let text: string | null = null;
  if (message) text = message;
  else if (loading) text = 'Zoeken…';
  else if (result && result.clients.length === 0) text = 'Geen resultaten';
  else if (result?.more) text = `Meer dan ${QUICK_SEARCH_LIMIT} cliënten gevonden. Typ verder, of druk op Enter voor alle resultaten.`;
  if (!text || typed.length === 0) return null;
  return <Paragraph className="kt-quick-search__note">{text}</Paragraph>;
}
