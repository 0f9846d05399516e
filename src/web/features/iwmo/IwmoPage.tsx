// iWmo-berichten (beheerder): the iWmo message traffic with providers through the two folders of the
// municipality's message gateway. The folders and their state, "Nu versturen" (the outbox) and "Nu
// inlezen" (the inbox) with the result in words, and the log of messages. The beheerder sees no
// client: no name, BSN or client id, here or in any answer behind it.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { IWMO_DIRECTION_LABELS, IWMO_DIRECTIONS, IWMO_FOLDER_SETTINGS, IWMO_KIND_LABELS, IWMO_OUTCOME_LABELS, IWMO_OUTCOMES, type IwmoFolders } from '../../../server/modules/maatwerk/iwmo-flow/iwmo.schemas';
import { ApiError } from '../../app/api';
import { DateText } from '../../app/DateText';
import { ScrollTable } from '../../app/ScrollTable';
import { SelectField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { formatNumber } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { Loading, QueryStatus } from '../../app/QueryStatus';
import { useFormSubmit } from '../../app/use-form-submit';
import {
  PAGE_SIZE,
  useIwmoMessages,
  useReadInbox,
  useSendOutbox,
  type IwmoDirectionValue,
  type IwmoFilters,
  type IwmoFolder,
  type IwmoInboxResult,
  type IwmoMessage,
  type IwmoMessagePage,
  type IwmoOutboxResult,
  type IwmoOutcomeValue,
} from './api';
import './iwmo.css';

const DIRECTION_OPTIONS = IWMO_DIRECTIONS.map((value) => ({ value, label: IWMO_DIRECTION_LABELS[value] }));
const OUTCOME_OPTIONS = IWMO_OUTCOMES.map((value) => ({ value, label: IWMO_OUTCOME_LABELS[value] }));

const count = (n: number, one: string, more: string) => `${formatNumber(n)} ${n === 1 ? one : more}`;

export function IwmoPage() {
  const [filters, setFilters] = useState<IwmoFilters>({ direction: '', outcome: '' });
  const [offset, setOffset] = useState(0);
  const messages = useIwmoMessages(filters, offset);
  // The folders come with every page of the log: keep the last ones while another page loads.
  const [folders, setFolders] = useState<IwmoFolders | null>(null);
  useEffect(() => {
    if (messages.data) setFolders(messages.data.folders);
  }, [messages.data]);

  function filter(next: Partial<IwmoFilters>) {
    setFilters((current) => ({ ...current, ...next }));
    setOffset(0);
  }

  return (
    <>
      <PageTitle title="iWmo-berichten" />
      <Paragraph>
        Keukentafel wisselt iWmo-berichten met aanbieders uit via twee mappen van de berichtengateway van de gemeente: een toewijzing (WMO301) gaat naar de aanbieder, de aanbieder meldt de start en
        stop van de levering (WMO305, WMO307), vraagt om een toewijzing (WMO315) of antwoordt op een toewijzing (WMO302). Hier ziet u welke berichten er gingen en kwamen en wat ermee gebeurde.
        Namen, BSN en andere gegevens van cliënten staan er bewust niet bij.
      </Paragraph>

      <section aria-labelledby="iwmo-mappen-title" className="kt-section">
        <Heading2 id="iwmo-mappen-title">Mappen</Heading2>
        {/* A failure to load is said once, under Berichten. */}
        {folders ? <FolderList folders={folders} /> : messages.isPending && <Loading what="de mappen" />}
      </section>

      <RunSection folders={folders} />

      <section aria-labelledby="iwmo-berichten-title" className="kt-section">
        <Heading2 id="iwmo-berichten-title">Berichten</Heading2>
        <form aria-label="Berichten filteren" className="kt-row" onSubmit={(e) => e.preventDefault()}>
          <SelectField id="iwmo-richting" label="Richting" value={filters.direction} onChange={(v) => filter({ direction: v as IwmoDirectionValue | '' })} options={DIRECTION_OPTIONS} placeholder="Verstuurd en ontvangen" />
          <SelectField id="iwmo-uitkomst" label="Uitkomst" value={filters.outcome} onChange={(v) => filter({ outcome: v as IwmoOutcomeValue | '' })} options={OUTCOME_OPTIONS} placeholder="Alle uitkomsten" />
        </form>
        <QueryStatus query={messages} what="de berichten">
          {(page) => <MessageLog page={page} offset={offset} filtered={!!(filters.direction || filters.outcome)} onPage={setOffset} />}
        </QueryStatus>
      </section>
    </>
  );
}

// ---- the folders ---------------------------------------------------------------------------

function folderState(folder: IwmoFolder, role: keyof IwmoFolders): string {
  if (!folder.configured) return `Niet ingesteld (${IWMO_FOLDER_SETTINGS[role]}).`;
  if (!folder.usable) return 'Deze map bestaat niet of Keukentafel mag er niet in lezen en schrijven. Controleer de koppeling met de berichtengateway.';
  const waiting = folder.waitingFiles ?? 0;
  if (role === 'outbox') return waiting === 0 ? 'In orde. Er wachten geen berichten op de berichtengateway.' : `In orde. ${count(waiting, 'bericht wacht', 'berichten wachten')} tot de berichtengateway ${waiting === 1 ? 'het' : 'ze'} ophaalt.`;
  return waiting === 0 ? 'In orde. Er staan geen berichten klaar om in te lezen.' : `In orde. ${count(waiting, 'bericht staat', 'berichten staan')} klaar om in te lezen.`;
}

function FolderList({ folders }: { folders: IwmoFolders }) {
  const unset = !folders.outbox.configured || !folders.inbox.configured;
  const rows = [
    { role: 'outbox' as const, label: 'Uitgaande berichten', what: 'toewijzingen (WMO301) en retourberichten' },
    { role: 'inbox' as const, label: 'Binnenkomende berichten', what: 'berichten van aanbieders; na het inlezen in de submap verwerkt of rejected' },
  ];
  return (
    <>
      {unset && (
        <Alert type="warning">
          <Paragraph>
            {folders.outbox.configured || folders.inbox.configured ? 'Eén van de mappen is niet ingesteld.' : 'De mappen van de berichtengateway zijn niet ingesteld.'} Versturen en inlezen kan pas als ze zijn
            ingesteld. De beheerder van de server zet in de omgeving van Keukentafel <code>{IWMO_FOLDER_SETTINGS.outbox}</code> op de map waar de berichtengateway de berichten ophaalt en{' '}
            <code>{IWMO_FOLDER_SETTINGS.inbox}</code> op de map waar de gateway de berichten van aanbieders neerzet (twee verschillende mappen), en start Keukentafel opnieuw.
          </Paragraph>
        </Alert>
      )}
      <DataList appearance="rows" className="kt-datalist">
        {rows.map(({ role, label, what }) => {
          const folder = folders[role];
          return (
            <DataListItem key={role}>
              <DataListKey>{label}</DataListKey>
              <DataListValue>
                {folder.path && <code className="kt-iwmo-path">{folder.path}</code>}
                <span className="kt-iwmo-folder-what"> ({what})</span>
                <Paragraph className={folder.configured && folder.usable ? undefined : 'kt-iwmo-problem'}>{folderState(folder, role)}</Paragraph>
              </DataListValue>
            </DataListItem>
          );
        })}
      </DataList>
    </>
  );
}

// ---- the runs ------------------------------------------------------------------------------

type RunResult = { run: 'outbox'; result: IwmoOutboxResult } | { run: 'inbox'; result: IwmoInboxResult } | { run: 'outbox' | 'inbox'; failure: string };

function failureMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Er ging iets mis. Probeer het opnieuw.';
}

function outboxSentence(result: IwmoOutboxResult): string {
  const skipped = result.skipped.reduce((sum, s) => sum + s.messages, 0);
  if (result.written.length === 0 && skipped === 0) return 'Er zijn geen nieuwe of gewijzigde toewijzingen: er is niets verstuurd.';
  const assignments = result.written.reduce((sum, w) => sum + w.assignmentCount, 0);
  const providers = new Set(result.written.map((w) => w.providerAgb)).size;
  const written =
    result.written.length === 0
      ? 'Er is geen bericht geschreven.'
      : `${count(result.written.length, 'bericht', 'berichten')} WMO301 geschreven met ${count(assignments, 'toewijzing', 'toewijzingen')}, aan ${count(providers, 'aanbieder', 'aanbieders')}.`;
  return skipped === 0 ? written : `${written} ${count(skipped, 'bericht is', 'berichten zijn')} niet verstuurd; hieronder staat waarom.`;
}

function inboxSentence(result: IwmoInboxResult): string {
  if (result.files.length === 0) return 'Er stonden geen berichten in de map voor binnenkomende berichten.';
  const answeredWithCodes = result.files.filter((f) => f.status === 'verwerkt' && f.retourCodes.length > 0).length;
  const codes = answeredWithCodes === 0 ? '' : `, waarvan ${count(answeredWithCodes, 'bericht', 'berichten')} met retourcodes afgewezen`;
  return `${count(result.files.length, 'bestand', 'bestanden')} ingelezen: ${formatNumber(result.processed)} verwerkt${codes}, ${formatNumber(result.refused)} afgekeurd.`;
}

function sentenceOf(done: RunResult): string {
  if ('failure' in done) return `${done.run === 'outbox' ? 'Versturen' : 'Inlezen'} is niet gelukt. ${done.failure}`;
  return done.run === 'outbox' ? outboxSentence(done.result) : inboxSentence(done.result);
}

function RunSection({ folders }: { folders: IwmoFolders | null }) {
  const form = useFormErrors('iwmo-run');
  const outbox = useSendOutbox();
  const inbox = useReadInbox();
  const [done, setDone] = useState<RunResult | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (done) resultHeading.current?.focus();
  }, [done]);

  // A failure (a folder not set or not there: 409; another run busy: 429) is this page's to say, with the result.
  const send = useFormSubmit(form, {
    values: {},
    send: () => outbox.mutateAsync(),
    onSuccess: (result) => setDone({ run: 'outbox', result }),
    onError: (error) => {
      setDone({ run: 'outbox', failure: failureMessage(error) });
      return true;
    },
  });
  const read = useFormSubmit(form, {
    values: {},
    send: () => inbox.mutateAsync(),
    onSuccess: (result) => setDone({ run: 'inbox', result }),
    onError: (error) => {
      setDone({ run: 'inbox', failure: failureMessage(error) });
      return true;
    },
  });

  // Until the folders are known the buttons are there; a folder that is not set takes its button away.
  const canSend = !folders || folders.outbox.configured;
  const canRead = !folders || (folders.inbox.configured && folders.outbox.configured);
  const sentence = done ? sentenceOf(done) : '';

  return (
    <section aria-labelledby="iwmo-nu-title" className="kt-section">
      <Heading2 id="iwmo-nu-title">Nu versturen of inlezen</Heading2>
      <Paragraph>Een tweede keer versturen of inlezen doet niets dubbel: wat al verstuurd of gelezen is, blijft zoals het was.</Paragraph>
      <div className="kt-iwmo-runs">
        <div className="kt-panel">
          <Heading3 className="kt-subheading">Toewijzingen versturen</Heading3>
          <Paragraph>Schrijft voor elke cliënt en aanbieder met nieuwe of gewijzigde toewijzingen een WMO301 in de map voor uitgaande berichten.</Paragraph>
          {canSend ? (
            <FormActions submitLabel="Nu versturen" busy={send.busy} busyText="Bezig met versturen… Bij veel toewijzingen duurt dit een minuut of langer." onSubmit={send.submit} />
          ) : (
            <Paragraph>Versturen kan pas als de map voor uitgaande berichten is ingesteld.</Paragraph>
          )}
        </div>
        <div className="kt-panel">
          <Heading3 className="kt-subheading">Berichten van aanbieders inlezen</Heading3>
          <Paragraph>Leest de berichten in de map voor binnenkomende berichten en zet de retourberichten in de map voor uitgaande berichten.</Paragraph>
          {canRead ? (
            <FormActions submitLabel="Nu inlezen" busy={read.busy} busyText="Bezig met inlezen… Bij veel berichten duurt dit een minuut of langer." onSubmit={read.submit} />
          ) : (
            <Paragraph>Inlezen kan pas als beide mappen zijn ingesteld: de retourberichten gaan naar de map voor uitgaande berichten.</Paragraph>
          )}
        </div>
      </div>

      {/* Always in the page, so that screen readers hear the result in words when it comes. */}
      <div role="status" className="kt-iwmo-status">
        {sentence && <span className="kt-visually-hidden">{sentence}</span>}
      </div>

      {done && (
        <section aria-labelledby="iwmo-resultaat-title" className="kt-iwmo-result">
          <Heading3 id="iwmo-resultaat-title" ref={resultHeading} tabIndex={-1} className="kt-subheading kt-iwmo-focus">
            {done.run === 'outbox' ? 'Resultaat van het versturen' : 'Resultaat van het inlezen'}
          </Heading3>
          <Alert type={'failure' in done ? 'error' : hasProblems(done) ? 'warning' : 'ok'}>
            <Paragraph>{sentence}</Paragraph>
          </Alert>
          {'result' in done && done.run === 'outbox' && <OutboxDetails result={done.result} />}
          {'result' in done && done.run === 'inbox' && <InboxDetails result={done.result} />}
        </section>
      )}
    </section>
  );
}

function hasProblems(done: RunResult): boolean {
  if ('failure' in done) return true;
  if (done.run === 'outbox') return done.result.skipped.length > 0;
  return done.result.refused > 0 || done.result.files.some((f) => f.retourCodes.length > 0);
}

function OutboxDetails({ result }: { result: IwmoOutboxResult }) {
  const perProvider = new Map<string, { provider: string; agb: string; messages: number; assignments: number }>();
  for (const w of result.written) {
    const entry = perProvider.get(w.providerAgb) ?? { provider: w.provider, agb: w.providerAgb, messages: 0, assignments: 0 };
    entry.messages++;
    entry.assignments += w.assignmentCount;
    perProvider.set(w.providerAgb, entry);
  }
  const providers = [...perProvider.values()].sort((a, b) => a.provider.localeCompare(b.provider, 'nl'));
  return (
    <>
      {providers.length > 0 && (
        <ScrollTable caption="Geschreven berichten per aanbieder">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
              <TableHeaderCell scope="col">AGB-code</TableHeaderCell>
              <TableHeaderCell scope="col" className="kt-num">
                Berichten
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="kt-num">
                Toewijzingen
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {providers.map((p) => (
              <TableRow key={p.agb}>
                <TableHeaderCell scope="row">{p.provider}</TableHeaderCell>
                <TableCell>{p.agb}</TableCell>
                <TableCell className="kt-num">{formatNumber(p.messages)}</TableCell>
                <TableCell className="kt-num">{formatNumber(p.assignments)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
      {result.skipped.length > 0 && (
        <>
          <ScrollTable caption="Niet verstuurd, per aanbieder en reden">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                <TableHeaderCell scope="col">Reden</TableHeaderCell>
                <TableHeaderCell scope="col" className="kt-num">
                  Berichten
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.skipped.map((s) => (
                <TableRow key={`${s.provider} ${s.cause}`}>
                  <TableHeaderCell scope="row">{s.provider}</TableHeaderCell>
                  <TableCell>{capitalise(s.cause)}</TableCell>
                  <TableCell className="kt-num">{formatNumber(s.messages)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
          <Paragraph>
            Deze berichten gaan bij een volgende keer versturen alsnog mee, zodra het ontbrekende is aangevuld. Gegevens van cliënten vullen de medewerkers van hun team aan; om welke cliënten het gaat,
            staat hier bewust niet. Een ontbrekende AGB-code of iWmo-code hoort in de codelijsten van de organisatie.
          </Paragraph>
        </>
      )}
    </>
  );
}

function InboxDetails({ result }: { result: IwmoInboxResult }) {
  if (result.files.length === 0) return null;
  return (
    <ScrollTable caption="Ingelezen bestanden">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Bestand</TableHeaderCell>
          <TableHeaderCell scope="col">Bericht</TableHeaderCell>
          <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
          <TableHeaderCell scope="col">Retourbericht</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {result.files.map((f) => (
          <TableRow key={f.file}>
            <TableHeaderCell scope="row" className="kt-iwmo-file">
              {f.file}
            </TableHeaderCell>
            <TableCell>{kindText(f.kind)}</TableCell>
            <TableCell>
              <strong>{f.status === 'verwerkt' ? 'Verwerkt' : 'Afgekeurd'}</strong>
              {f.repeated && ' (al eerder gelezen)'}: {f.summary}
              {f.error && <Paragraph className="kt-iwmo-error">{f.error}</Paragraph>}
              <RetourCodes codes={f.retourCodes} />
            </TableCell>
            <TableCell className="kt-iwmo-file">{f.retourFile ?? '–'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}

// ---- the log -------------------------------------------------------------------------------

function kindText(kind: IwmoMessage['kind']): string {
  return kind ? `WMO${kind} ${IWMO_KIND_LABELS[kind].toLowerCase()}` : 'Onbekend';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function RetourCodes({ codes }: { codes: IwmoMessage['retourCodes'] }) {
  if (codes.length === 0) return null;
  return (
    <ul className="kt-iwmo-codes" aria-label="Retourcodes">
      {codes.map((c) => (
        <li key={c.code}>
          <strong>{c.code}</strong> {c.description}
        </li>
      ))}
    </ul>
  );
}

function outcomeText(message: IwmoMessage): string {
  const outcome = IWMO_OUTCOME_LABELS[message.outcome];
  if (message.kind !== '301') return outcome;
  if (message.accepted === true) return `${outcome}; geaccepteerd door de aanbieder`;
  if (message.accepted === false) return `${outcome}; afgewezen door de aanbieder, de toewijzingen gaan opnieuw mee`;
  return `${outcome}; nog geen retour van de aanbieder`;
}

function MessageLog({ page, offset, filtered, onPage }: { page: IwmoMessagePage; offset: number; filtered: boolean; onPage: (offset: number) => void }) {
  if (page.items.length === 0) {
    return <Paragraph>{filtered ? 'Geen berichten met deze keuze.' : 'Er zijn nog geen iWmo-berichten verstuurd of ontvangen.'}</Paragraph>;
  }
  const paged = page.total > PAGE_SIZE;
  return (
    <>
      <Paragraph>
        {count(page.total, 'bericht', 'berichten')}
        {paged && `, ${formatNumber(offset + 1)}–${formatNumber(offset + page.items.length)} getoond`}.
      </Paragraph>
      <ScrollTable caption="iWmo-berichten, nieuwste eerst">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Bestand</TableHeaderCell>
            <TableHeaderCell scope="col">Bericht</TableHeaderCell>
            <TableHeaderCell scope="col">Richting</TableHeaderCell>
            <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
            <TableHeaderCell scope="col">Dagtekening</TableHeaderCell>
            <TableHeaderCell scope="col">Vastgelegd</TableHeaderCell>
            <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
            <TableHeaderCell scope="col" className="kt-num">
              Toewijzingen
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.items.map((m) => (
            <TableRow key={m.id}>
              <TableHeaderCell scope="row" className="kt-iwmo-file">
                {m.fileName}
              </TableHeaderCell>
              <TableCell>
                {kindText(m.kind)}
                {m.identification && <span className="kt-iwmo-identification">nr. {m.identification}</span>}
              </TableCell>
              <TableCell>{IWMO_DIRECTION_LABELS[m.direction]}</TableCell>
              <TableCell>{m.providerAgb ? `${m.providerName ?? 'Niet in de codelijst'} (AGB ${m.providerAgb})` : '–'}</TableCell>
              <TableCell>
                <DateText value={m.messageDate} />
              </TableCell>
              <TableCell>
                <DateText value={m.registeredAt} withTime />
              </TableCell>
              <TableCell>
                {outcomeText(m)}
                {m.error && <Paragraph className="kt-iwmo-error">{m.error}</Paragraph>}
                <RetourCodes codes={m.retourCodes} />
              </TableCell>
              <TableCell className="kt-num">{m.assignmentCount === null ? '–' : formatNumber(m.assignmentCount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
      {paged && (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE_SIZE))}>
            Vorige
          </Button>
          <Button type="button" appearance="secondary-action-button" disabled={offset + PAGE_SIZE >= page.total} onClick={() => onPage(offset + PAGE_SIZE)}>
            Volgende
          </Button>
        </ButtonGroup>
      )}
    </>
  );
}

