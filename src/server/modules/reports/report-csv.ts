// The annual report as one CSV file (web download and CLI): a section per table, each a title row,
// a header row and the rows, sections separated by an empty line. Codes are shown with the Dutch
// labels of the organisation's code lists (the code itself where a label is missing).
// Pure: no I/O. Comma separated, RFC 4180 quoting, '\n' line ends, decimal point, empty = null;
// a text a spreadsheet would run as a formula (a provider's name) is written as text (csvField).
// Suppressed small numbers (the analyst's report) show their marker, "<5" or "x", explained in the
// second line of the file.
import type { PublishedAnnualReport } from './reports.schemas';
import { setAtPointer, suppressionExplanation, suppressionMarker } from './small-numbers';
import { MULTIPLE_REASONS, UNKNOWN } from './report-rules';
import { csvField } from '../exchange/csv';

export interface ReportLabels {
  /** team code → team name */
  teams: Record<string, string>;
  /** code list name (referrers, close_reasons, ...) → code → label */
  codes: Record<string, Record<string, string>>;
}

/** Labels of the close-reason buckets (codes.json `close_reason_buckets`), which are no stored list. */
const BUCKET_LABELS: Record<string, string> = { [MULTIPLE_REASONS]: '(meerdere redenen)', [UNKNOWN]: 'Onbekend' };

const MONTH_LABELS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const QUARTER_LABELS = ['K1', 'K2', 'K3', 'K4'];
const YEAR_LABEL = 'Jaar';

type Cell = string | number | null;

/** The report with every number a cell: a suppressed one replaced by its marker. */
type Shown<T> = T extends number | null ? Cell : T extends (infer U)[] ? Shown<U>[] : T extends object ? { [K in keyof T]: Shown<T[K]> } : T;

function withMarkers(report: PublishedAnnualReport): Shown<PublishedAnnualReport> {
  const shown = structuredClone(report);
  const suppression = report.suppression;
  if (suppression) for (const [at, reason] of Object.entries(suppression.cells)) setAtPointer(shown, at, suppressionMarker(reason, suppression));
  return shown as Shown<PublishedAnnualReport>;
}

function cell(value: Cell): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : csvField(value);
}

/** The file name of a download: `jaarverslag-2016`, `kwartaalrapportage-2016-k2-west` (as the web app names its files). */
export function reportFileName(options: { year: number; quarter?: number; team?: string }, extension: string): string {
  const base = options.quarter ? `kwartaalrapportage-${options.year}-k${options.quarter}` : `jaarverslag-${options.year}`;
  return `${[base, options.team].filter(Boolean).join('-')}.${extension}`;
}

export function renderReportCsv(published: PublishedAnnualReport, labels: ReportLabels, options: { quarter?: number; team?: string } = {}): string {
  const report = withMarkers(published);
  const label = (list: string, code: string) => labels.codes[list]?.[code] ?? (list === 'close_reasons' ? BUCKET_LABELS[code] : undefined) ?? code;
  const teamName = (code: string) => labels.teams[code] ?? code;
  const sections: Cell[][][] = [];
  const section = (title: string, header: Cell[], rows: Cell[][]) => sections.push([[title], header, ...rows]);
  const periodHeader = [...MONTH_LABELS, ...QUARTER_LABELS, YEAR_LABEL];
  const quarterHeader = [...QUARTER_LABELS, YEAR_LABEL];
  const period = (c: { months: Cell[]; quarters: Cell[]; year: Cell }): Cell[] => [...c.months, ...c.quarters, c.year];
  const quarters = (c: { quarters: Cell[]; year: Cell }): Cell[] => [...c.quarters, c.year];

  const scope = [
    options.quarter ? `t/m kwartaal ${options.quarter}` : null,
    options.team ? `team ${teamName(options.team)}` : null,
  ].filter(Boolean);
  const title = `${options.quarter ? 'Kwartaalrapportage' : 'Jaarverslag'} ${published.year}${scope.length ? ` (${scope.join(', ')})` : ''}`;
  sections.push(published.suppression ? [[title], [suppressionExplanation(published.suppression)]] : [[title]]);

  section('Casussen', ['Indicator', ...periodHeader], [
    ['Gestart', ...period(report.cases.started)],
    ['Lopend', ...period(report.cases.running)],
    ['Afgesloten', ...period(report.cases.closed)],
  ]);

  const teamEntries = Object.entries(report.teams);
  section(
    'Casussen per team',
    ['Team', 'Indicator', ...periodHeader],
    teamEntries.flatMap(([code, t]) => [
      [teamName(code), 'Gestart', ...period(t.started)],
      [teamName(code), 'Lopend', ...period(t.running)],
      [teamName(code), 'Afgesloten', ...period(t.closed)],
    ]),
  );

  section('Unieke cliënten per team', ['Team', ...quarterHeader], [
    ...teamEntries.map(([code, t]): Cell[] => [teamName(code), ...quarters(t.unique_clients)]),
    ['Totaal (som over teams)', ...quarters(report.unique_clients)],
  ]);

  const days = report.days_to_first_meeting;
  section('Dagen tot kennismakingsgesprek (gemiddeld)', ['Locatie', ...periodHeader], [
    ...Object.entries(days.by_location).map(([code, l]): Cell[] => [label('first_meeting_locations', code), ...l.months, null, null, null, null, null]),
    ['Alle locaties', ...Array<Cell>(12).fill(null), ...days.quarters, days.year],
  ]);

  const quarterSection = (title: string, what: string, list: string, table: Record<string, { quarters: Cell[]; year: Cell }>) =>
    section(title, [what, ...quarterHeader], Object.entries(table).map(([code, c]): Cell[] => [label(list, code), ...quarters(c)]));
  quarterSection('Aanmeldingen per melder', 'Melder', 'referrers', report.started_by_referrer);
  quarterSection('Afgesloten casussen per reden', 'Reden', 'close_reasons', report.closed_by_reason);
  quarterSection('Cliënten per resultaat bij afsluiting', 'Resultaat', 'close_outcomes', report.clients_by_outcome);

  const nested = (title: string, what: string, list: string | null, table: Record<string, Record<string, { quarters: Cell[]; year: Cell }>>) =>
    section(
      title,
      ['Categorie', what, ...quarterHeader],
      Object.entries(table).flatMap(([category, items]) =>
        Object.entries(items).map(([code, c]): Cell[] => [label('provision_categories', category), list ? label(list, code) : code, ...quarters(c)]),
      ),
    );
  nested('Nieuwe maatwerkvoorzieningen per aanbieder', 'Aanbieder', null, report.provisions.new_by_provider);
  nested('Nieuwe maatwerkvoorzieningen per product', 'Product', 'provision_products', report.provisions.new_by_product);
  section('Verlengingen en cliënten met een nieuwe voorziening', ['Indicator', ...quarterHeader], [
    ['Verlengingen', ...quarters(report.provisions.extensions)],
    ['Cliënten met een nieuwe voorziening', null, null, null, null, report.provisions.clients_with_new_provision.year],
  ]);

  const s = report.satisfaction;
  section('Tevredenheid bij afsluiting', ['Indicator', 'Waarde'], [
    ...Object.entries(s.distribution).map(([mark, n]): Cell[] => [`Cijfer ${mark}`, n]),
    ['Aantal antwoorden', s.responses],
    ['Gemiddeld cijfer', s.mean],
    ['Kan zelf verder (% ja)', s.can_continue_alone_pct],
  ]);

  section('ZRM-metingen per type', ['Type', ...periodHeader], Object.entries(report.zrm).map(([code, c]): Cell[] => [label('zrm_types', code), ...period(c)]));

  return sections.map((rows) => rows.map((row) => row.map(cell).join(',')).join('\n')).join('\n\n') + '\n';
}
