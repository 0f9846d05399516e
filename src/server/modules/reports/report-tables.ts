// The tables of the annual (or quarterly) report, defined once: what each table is called, its
// column and row headings (the Dutch terms of the Utrecht annual report 2016, appendix "Cijfers"),
// which figure of the report object each cell shows, the totals added up here, and the marker of a
// suppressed figure. The CSV (report-csv.ts), the Excel file and the page of the web app all write
// these tables, so they show the same rows under the same names.
// Pure: no I/O, no Node-only APIs; the web app imports it.
import type { PublishedAnnualReport } from './reports.schemas';
import { MULTIPLE_REASONS, UNKNOWN } from './report-rules';
import { pointer, suppressionExplanation, suppressionMarker } from './small-numbers';
import { MONTHS } from '../../lib/dutch-dates';

/** The organisation's names for teams and codes (the web app's reference data fits as it is). */
export interface ReportLabels {
  teams: readonly { code: string; name: string }[];
  /** Code list name (referrers, close_reasons, ...) → its codes, in the list's order. */
  codes: Readonly<Record<string, readonly { code: string; label: string; parentCode: string | null }[]>>;
}

/** No names known (yet): every team and code is shown as its code. */
export const NO_LABELS: ReportLabels = { teams: [], codes: {} };

/** Which report: the whole year or the quarters up to and including `quarter`; the organisation or one team. */
export interface ReportScope {
  quarter?: number;
  /** A team code. */
  team?: string;
}

export interface ReportColumn {
  /** The full heading (CSV, Excel, screen readers). */
  label: string;
  /** A short heading shown on screen where space is tight ("jan", "K1"). */
  short?: string;
  /** Decimals of this column on screen, where a row of a table mixes counts and days (default: the row's, then the table's). */
  decimals?: number;
}

export interface ReportRow {
  label: string;
  /** One per column; null: nothing to show (no mean, or a suppressed figure). */
  values: (number | null)[];
  /** One per column: the marker of a suppressed figure ("<5", "x"), shown instead of the value. */
  marks: (string | null)[];
  /** A total: always shown, in bold. */
  total?: boolean;
  /** Decimals for this row on screen and in Excel (default: the table's). */
  decimals?: number;
  /** A unit shown after the number on screen ("%"). */
  suffix?: string;
}

export interface ReportRowGroup {
  /** A heading over the rows (a team, a provision category); null: none. */
  label: string | null;
  rows: ReportRow[];
}

export interface ReportTable {
  /** Stable identifier (HTML ids). */
  id: string;
  title: string;
  /** Excel sheet name: at most 31 characters, unique. */
  sheet: string;
  /** Heading of the column of row names. */
  rowHeader: string;
  /** Heading of the group column (CSV, Excel) when the groups have labels. */
  groupHeader?: string;
  columns: ReportColumn[];
  groups: ReportRowGroup[];
  /** Decimals on screen and in Excel (default 0). */
  decimals?: number;
  /** Long lists of codes: the screen may hide their all-zero rows. */
  zeroRowsToggle?: boolean;
  note?: string;
}

/** Every table of the report, in the order the files list them. */
export interface ReportTables {
  cases: ReportTable;
  teams: ReportTable;
  casesPerTeam: ReportTable;
  uniqueClients: ReportTable;
  waitingByLocation: ReportTable;
  waitingTotal: ReportTable;
  referrers: ReportTable;
  closeReasons: ReportTable;
  outcomes: ReportTable;
  providers: ReportTable;
  products: ReportTable;
  extensions: ReportTable;
  clientsWithProvision: ReportTable;
  marks: ReportTable;
  satisfaction: ReportTable;
  zrm: ReportTable;
}

export interface AnnualReportTables {
  /** "Jaarverslag 2016", "Kwartaalrapportage 2016 (t/m kwartaal 2, team West)". */
  title: string;
  /** What "<5" and "x" mean, when small numbers were suppressed; null for an exact report. */
  suppression: string | null;
  tables: ReportTables;
}

export { MONTHS };
export const MONTHS_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** Labels of the buckets that are no code of their list (codes.json `close_reason_buckets`; `onbekend` also for referrers and ZRM types). */
const BUCKET_LABELS: Record<string, string> = { [MULTIPLE_REASONS]: '(meerdere redenen)', [UNKNOWN]: 'Onbekend' };

/** "2016" or "2016 t/m kwartaal 2". */
export function periodLabel(year: number, quarter?: number): string {
  return quarter ? `${year} t/m kwartaal ${quarter}` : `${year}`;
}

/** Heading of the column that sums the period: "Jaar" or "T/m kwartaal 2". */
function totalColumnLabel(quarter?: number): string {
  return quarter && quarter < 4 ? `T/m kwartaal ${quarter}` : 'Jaar';
}

export function teamName(labels: ReportLabels, code: string): string {
  return labels.teams.find((t) => t.code === code)?.name ?? code;
}

/** "Jaarverslag 2016", "Kwartaalrapportage 2016 (t/m kwartaal 2, team West)". */
function reportTitle(year: number, labels: ReportLabels, scope: ReportScope = {}): string {
  const parts = [scope.quarter ? `t/m kwartaal ${scope.quarter}` : null, scope.team ? `team ${teamName(labels, scope.team)}` : null].filter(Boolean);
  return `${scope.quarter ? 'Kwartaalrapportage' : 'Jaarverslag'} ${year}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** The file name of a download: `jaarverslag-2016.csv`, `kwartaalrapportage-2016-k2-west.xlsx`. */
export function reportFileName(options: { year: number; quarter?: number; team?: string }, extension: string): string {
  const base = options.quarter ? `kwartaalrapportage-${options.year}-k${options.quarter}` : `jaarverslag-${options.year}`;
  return `${[base, options.team].filter(Boolean).join('-')}.${extension}`;
}

interface PeriodCounts {
  months: (number | null)[];
  quarters: (number | null)[];
  year: number | null;
}
interface QuarterCounts {
  quarters: (number | null)[];
  year: number | null;
}

// A code with nothing in the whole year may be missing from the report: it reads as zero.
const ZERO_QUARTERS: QuarterCounts = { quarters: [0, 0, 0, 0], year: 0 };
const ZERO_PERIOD: PeriodCounts = { months: Array<number>(12).fill(0), quarters: [0, 0, 0, 0], year: 0 };

type Path = (string | number)[];

/** A total over rows; a column holding a suppressed figure has no total to show ("x"). */
export function sumRows(rows: ReportRow[], label: string, width: number): ReportRow {
  const hidden = (i: number) => rows.some((row) => !!row.marks[i]);
  const values = Array.from({ length: width }, (_, i) => (hidden(i) ? null : rows.reduce((sum, row) => sum + (row.values[i] ?? 0), 0)));
  const marks = Array.from({ length: width }, (_, i) => (hidden(i) ? 'x' : null));
  return { label, values, marks, total: true };
}

/** Code-point order: the same in every browser and on every server. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildReportTables(report: PublishedAnnualReport, labels: ReportLabels, scope: ReportScope = {}): AnnualReportTables {
  const { quarter, team } = scope;
  const quarterCount = quarter ?? 4;
  const monthCount = 3 * quarterCount;
  const total = totalColumnLabel(quarter);

  const monthColumns: ReportColumn[] = MONTHS.slice(0, monthCount).map((label, i) => ({ label, short: MONTHS_SHORT[i] }));
  const quarterColumns: ReportColumn[] = Array.from({ length: quarterCount }, (_, i) => ({ label: `Kwartaal ${i + 1}`, short: `K${i + 1}` }));
  const periodColumns = [...monthColumns, ...quarterColumns, { label: total }];
  const quartersColumns = [...quarterColumns, { label: total }];

  const suppression = report.suppression;
  const marker = (at: string): string | null => {
    const reason = suppression?.cells[at];
    return reason && suppression ? suppressionMarker(reason, suppression) : null;
  };
  const row = (label: string, values: (number | null)[], at: string[], extra: Partial<ReportRow> = {}): ReportRow => ({ label, values, marks: at.map(marker), ...extra });

  const periodPointers = (base: Path) => [...Array.from({ length: monthCount }, (_, i) => pointer(...base, 'months', i)), ...quarterPointers(base)];
  const quarterPointers = (base: Path) => [...Array.from({ length: quarterCount }, (_, i) => pointer(...base, 'quarters', i)), pointer(...base, 'year')];
  const periodRow = (label: string, counts: PeriodCounts | undefined, base: Path): ReportRow => {
    const c = counts ?? ZERO_PERIOD;
    return row(label, [...c.months.slice(0, monthCount), ...c.quarters.slice(0, quarterCount), c.year], periodPointers(base));
  };
  const quarterRow = (label: string, counts: QuarterCounts | undefined, base: Path): ReportRow => {
    const c = counts ?? ZERO_QUARTERS;
    return row(label, [...c.quarters.slice(0, quarterCount), c.year], quarterPointers(base));
  };

  const label = (list: string, code: string) => labels.codes[list]?.find((c) => c.code === code)?.label ?? BUCKET_LABELS[code] ?? code;
  /** The codes of a list in its order, then the buckets named, then any other code the report holds (code-point order). */
  const orderedCodes = (list: string, present: string[], buckets: string[] = []): { code: string; label: string }[] => {
    const result = (labels.codes[list] ?? []).map((c) => ({ code: c.code, label: c.label }));
    const seen = new Set(result.map((c) => c.code));
    for (const code of [...buckets, ...[...present].sort(byCodePoint)]) {
      if (seen.has(code)) continue;
      seen.add(code);
      result.push({ code, label: label(list, code) });
    }
    return result;
  };

  // Teams by name (then code); a team report holds its team only.
  const teamCodes = (() => {
    const present = Object.keys(report.teams);
    if (team) return present.length ? present : [team];
    const named = [...labels.teams].sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.code, b.code)).map((t) => t.code);
    return [...named, ...present.filter((c) => !named.includes(c)).sort(byCodePoint)];
  })();
  const teamLabel = (code: string) => teamName(labels, code);

  const CASE_MEASURES = [
    ['started', 'Gestart'],
    ['running', 'Lopend'],
    ['closed', 'Afgesloten'],
  ] as const;

  const cases: ReportTable = {
    id: 'instroom',
    title: 'Instroom, lopende casussen en uitstroom per maand, kwartaal en jaar',
    sheet: 'Casussen',
    rowHeader: 'Casussen',
    columns: periodColumns,
    groups: [{ label: null, rows: CASE_MEASURES.map(([measure, name]) => periodRow(name, report.cases[measure], ['cases', measure])) }],
    note: 'Lopend zijn alle casussen die ergens in de periode open waren. Daarom is het kwartaal- of jaarcijfer niet de som van de maanden.',
  };

  const TEAM_MEASURES = [...CASE_MEASURES, ['unique_clients', 'Unieke cliënten']] as const;
  const teams: ReportTable = {
    id: 'teams',
    title: `Casussen en unieke cliënten per team (${total.toLowerCase()})`,
    sheet: 'Per team',
    rowHeader: 'Team',
    columns: TEAM_MEASURES.map(([, name]) => ({ label: name })),
    groups: [
      {
        label: null,
        rows: teamCodes.map((code) => {
          const t = report.teams[code];
          return row(
            teamLabel(code),
            TEAM_MEASURES.map(([measure]) => (t ? t[measure].year : 0)),
            TEAM_MEASURES.map(([measure]) => pointer('teams', code, measure, 'year')),
          );
        }),
      },
      ...(team
        ? []
        : [
            {
              label: null,
              rows: [
                row(
                  'Totaal',
                  [report.cases.started.year, report.cases.running.year, report.cases.closed.year, report.unique_clients.year],
                  [pointer('cases', 'started', 'year'), pointer('cases', 'running', 'year'), pointer('cases', 'closed', 'year'), pointer('unique_clients', 'year')],
                  { total: true },
                ),
              ],
            },
          ]),
    ],
    zeroRowsToggle: !team,
  };

  const casesPerTeam: ReportTable = {
    id: 'casussen-per-team',
    title: 'Casussen per team',
    sheet: 'Casussen per team',
    rowHeader: 'Casussen',
    groupHeader: 'Team',
    columns: periodColumns,
    groups: teamCodes.map((code) => ({
      label: teamLabel(code),
      rows: CASE_MEASURES.map(([measure, name]) => periodRow(name, report.teams[code]?.[measure], ['teams', code, measure])),
    })),
    zeroRowsToggle: !team,
  };

  const uniqueClients: ReportTable = {
    id: 'unieke-clienten',
    title: 'Unieke cliënten per team per kwartaal',
    sheet: 'Unieke cliënten',
    rowHeader: 'Team',
    columns: quartersColumns,
    groups: [
      { label: null, rows: teamCodes.map((code) => quarterRow(teamLabel(code), report.teams[code]?.unique_clients, ['teams', code, 'unique_clients'])) },
      ...(team ? [] : [{ label: null, rows: [{ ...quarterRow('Totaal', report.unique_clients, ['unique_clients']), total: true }] }]),
    ],
    zeroRowsToggle: !team,
    note: 'Een cliënt telt één keer per team en periode. Het totaal van de organisatie is de som over de teams, zoals in het jaarverslag.',
  };

  const days = report.days_to_first_meeting;
  const waitingByLocation: ReportTable = {
    id: 'wachttijd-locatie',
    title: 'Gemiddeld aantal dagen van aanmelding tot kennismaking, per locatie en maand van aanmelding',
    sheet: 'Dagen tot kennismaking',
    rowHeader: 'Locatie',
    columns: monthColumns,
    groups: [
      {
        label: null,
        rows: orderedCodes('first_meeting_locations', Object.keys(days.by_location)).map((l) =>
          row(
            l.label,
            (days.by_location[l.code]?.months ?? Array<null>(12).fill(null)).slice(0, monthCount),
            Array.from({ length: monthCount }, (_, i) => pointer('days_to_first_meeting', 'by_location', l.code, 'months', i)),
          ),
        ),
      },
    ],
    decimals: 2,
    note: '– betekent: geen casus aangemeld in die maand met een kennismaking op die locatie.',
  };

  const waitingTotal: ReportTable = {
    id: 'wachttijd-totaal',
    title: 'Gemiddeld aantal dagen van aanmelding tot kennismaking, per kwartaal en jaar',
    sheet: 'Dagen tot kennismaking totaal',
    rowHeader: 'Locatie',
    columns: quartersColumns,
    groups: [{ label: null, rows: [row('Alle locaties', [...days.quarters.slice(0, quarterCount), days.year], quarterPointers(['days_to_first_meeting']))] }],
    decimals: 2,
  };

  type CodeTableKey = 'started_by_referrer' | 'closed_by_reason' | 'clients_by_outcome';
  const codeTable = (
    key: CodeTableKey,
    list: string,
    table: Pick<ReportTable, 'id' | 'title' | 'sheet' | 'rowHeader' | 'note'>,
    options: { buckets?: string[]; withTotal?: boolean } = {},
  ): ReportTable => {
    const data = report[key];
    const rows = orderedCodes(list, Object.keys(data), options.buckets).map((c) => quarterRow(c.label, data[c.code], [key, c.code]));
    return {
      ...table,
      columns: quartersColumns,
      groups: [{ label: null, rows }, ...(options.withTotal ? [{ label: null, rows: [sumRows(rows, 'Totaal', quartersColumns.length)] }] : [])],
      zeroRowsToggle: true,
    };
  };

  const referrers = codeTable('started_by_referrer', 'referrers', { id: 'melders', title: 'Aanmeldingen (gestarte casussen) per melder', sheet: 'Melders', rowHeader: 'Melder' }, { buckets: [UNKNOWN], withTotal: true });
  const closeReasons = codeTable(
    'closed_by_reason',
    'close_reasons',
    {
      id: 'afsluitredenen',
      title: 'Afgesloten casussen per reden van afsluiten',
      sheet: 'Afsluitredenen',
      rowHeader: 'Afsluitreden',
      note: 'Een casus met twee of meer redenen telt één keer, onder “(meerdere redenen)”.',
    },
    { buckets: [MULTIPLE_REASONS, UNKNOWN], withTotal: true },
  );
  const outcomes = codeTable('clients_by_outcome', 'close_outcomes', {
    id: 'resultaten',
    title: 'Cliënten van afgesloten casussen per resultaat: wat draagt de cliënt verder',
    sheet: 'Wat draagt verder',
    rowHeader: 'Resultaat',
    note: 'Een casus kan meer resultaten hebben; een cliënt telt dan bij elk resultaat mee. De rijen tellen daarom niet op.',
  });

  const provisions = report.provisions;
  const categories = orderedCodes('provision_categories', [...Object.keys(provisions.new_by_provider), ...Object.keys(provisions.new_by_product)]);
  const provisionTable = (key: 'new_by_provider' | 'new_by_product', table: Pick<ReportTable, 'id' | 'title' | 'sheet' | 'rowHeader'>, items: (category: string, present: string[]) => { code: string; label: string }[]): ReportTable => {
    const data = provisions[key];
    const width = quartersColumns.length;
    const groups: ReportRowGroup[] = categories.map((category) => {
      const inCategory = data[category.code] ?? {};
      const rows = items(category.code, Object.keys(inCategory)).map((item) => quarterRow(item.label, inCategory[item.code], ['provisions', key, category.code, item.code]));
      return { label: category.label, rows: rows.length ? [...rows, sumRows(rows, 'Totaal', width)] : [] };
    });
    const subtotals = groups.flatMap((g) => g.rows.filter((r) => r.total));
    return {
      ...table,
      groupHeader: 'Categorie',
      columns: quartersColumns,
      groups: [...groups.filter((g) => g.rows.length > 0), { label: null, rows: [sumRows(subtotals, 'Eindtotaal', width)] }],
      zeroRowsToggle: true,
    };
  };
  const providers = provisionTable('new_by_provider', { id: 'aanbieders', title: 'Nieuwe voorzieningen per aanbieder, per categorie', sheet: 'Nieuw per aanbieder', rowHeader: 'Aanbieder' }, (_category, present) =>
    orderedCodes('providers', present),
  );
  const products = provisionTable('new_by_product', { id: 'producten', title: 'Nieuwe voorzieningen per product, per categorie', sheet: 'Nieuw per product', rowHeader: 'Product' }, (category, present) => {
    const known = (labels.codes.provision_products ?? []).filter((p) => p.parentCode === category).map((p) => ({ code: p.code, label: p.label }));
    const codes = new Set(known.map((p) => p.code));
    return [...known, ...present.filter((c) => !codes.has(c)).sort(byCodePoint).map((code) => ({ code, label: label('provision_products', code) }))];
  });

  const extensions: ReportTable = {
    id: 'verlengingen',
    title: 'Verlengingen van voorzieningen',
    sheet: 'Verlengingen',
    rowHeader: 'Voorzieningen',
    columns: quartersColumns,
    groups: [{ label: null, rows: [quarterRow('Verlengingen', provisions.extensions, ['provisions', 'extensions'])] }],
    note: 'Een verlenging telt niet als nieuwe voorziening. Voorzieningen die zijn ingetrokken (ten onrechte geregistreerd) tellen nergens mee.',
  };
  const clientsWithProvision: ReportTable = {
    id: 'clienten-voorziening',
    title: 'Cliënten met een nieuwe voorziening',
    sheet: 'Cliënten met voorziening',
    rowHeader: 'Cliënten',
    columns: [{ label: total }],
    groups: [{ label: null, rows: [row('Cliënten met een nieuwe voorziening', [provisions.clients_with_new_provision.year], [pointer('provisions', 'clients_with_new_provision', 'year')])] }],
  };

  const satisfaction = report.satisfaction;
  const marks: ReportTable = {
    id: 'rapportcijfers',
    title: 'Verdeling van de rapportcijfers bij afsluiten',
    sheet: 'Rapportcijfers',
    rowHeader: 'Rapportcijfer',
    columns: [{ label: 'Aantal' }],
    groups: [
      {
        label: null,
        rows: Array.from({ length: 10 }, (_, i) => {
          const mark = String(i + 1);
          // A suppressed count is null: only a mark missing from the report reads as 0.
          const value = mark in satisfaction.distribution ? satisfaction.distribution[mark]! : 0;
          return row(mark, [value], [pointer('satisfaction', 'distribution', mark)]);
        }),
      },
      { label: null, rows: [row('Totaal', [satisfaction.responses], [pointer('satisfaction', 'responses')], { total: true })] },
    ],
  };
  const satisfactionTable: ReportTable = {
    id: 'tevredenheid',
    title: 'Tevredenheid van cliënten bij afsluiten',
    sheet: 'Tevredenheid',
    rowHeader: 'Maat',
    columns: [{ label: total }],
    groups: [
      {
        label: null,
        rows: [
          row('Aantal gegeven rapportcijfers', [satisfaction.responses], [pointer('satisfaction', 'responses')]),
          row('Gemiddeld rapportcijfer', [satisfaction.mean], [pointer('satisfaction', 'mean')], { decimals: 2 }),
          row('Kan zelf verder (percentage “ja” van de antwoorden)', [satisfaction.can_continue_alone_pct], [pointer('satisfaction', 'can_continue_alone_pct')], { decimals: 2, suffix: '%' }),
        ],
      },
    ],
  };

  const zrmRows = orderedCodes('zrm_types', Object.keys(report.zrm), [UNKNOWN]).map((t) => periodRow(t.label, report.zrm[t.code], ['zrm', t.code]));
  const zrm: ReportTable = {
    id: 'zrm',
    title: 'ZRM-metingen per soort meting',
    sheet: 'ZRM-metingen',
    rowHeader: 'Soort meting',
    columns: periodColumns,
    groups: [{ label: null, rows: zrmRows }, { label: null, rows: [sumRows(zrmRows, 'Totaal', periodColumns.length)] }],
    zeroRowsToggle: true,
  };

  return {
    title: reportTitle(report.year, labels, scope),
    suppression: suppression ? suppressionExplanation(suppression) : null,
    tables: {
      cases,
      teams,
      casesPerTeam,
      uniqueClients,
      waitingByLocation,
      waitingTotal,
      referrers,
      closeReasons,
      outcomes,
      providers,
      products,
      extensions,
      clientsWithProvision,
      marks,
      satisfaction: satisfactionTable,
      zrm,
    },
  };
}

/** The tables in their order. */
export function tableList(model: AnnualReportTables): ReportTable[] {
  return Object.values(model.tables);
}

/** Whether the rows come in labelled groups: a file (CSV, Excel) then gives the group a first column of its own. */
export function hasGroupColumn(table: ReportTable): boolean {
  return table.groups.some((g) => g.label !== null);
}

/** The header row of a table in a file (CSV, Excel): the group column, the row names, the columns. */
export function fileHeader(table: ReportTable): string[] {
  return [...(hasGroupColumn(table) ? [table.groupHeader ?? 'Groep'] : []), table.rowHeader, ...table.columns.map((c) => c.label)];
}

/** What a cell holds in a file: the marker of a suppressed figure, the number, or nothing. */
export function fileCell(row: ReportRow, column: number): string | number | null {
  return row.marks[column] ?? row.values[column] ?? null;
}
