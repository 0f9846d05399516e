// The tables of the annual report as plain data: the screen renders them as HTML tables and the
// Excel download writes one sheet per table, so both always show the same rows and headings.
import type { Reference } from '../../../server/modules/reference/reference.schemas';
import { pointer, suppressionMarker } from '../../../server/modules/reports/small-numbers';
import type { AnnualReport } from './api';

export interface ColumnModel {
  /** The full heading (Excel, screen readers). */
  label: string;
  /** A short heading shown on screen where space is tight (month abbreviations). */
  short?: string;
}

export interface RowModel {
  label: string;
  values: (number | null)[];
  /** Per value: the marker of a suppressed figure ("<5", "x"), shown instead of the value. */
  marks?: (string | null)[];
  /** A total: always shown, in bold. */
  total?: boolean;
  /** Decimals for this row (default: the table's). */
  decimals?: number;
  suffix?: string;
}

export interface GroupModel {
  /** A heading over the rows (a provision category); null: no heading. */
  label: string | null;
  rows: RowModel[];
}

export interface ReportTableModel {
  id: string;
  caption: string;
  /** Excel sheet name: at most 31 characters, unique. */
  sheet: string;
  /** Heading of the first column (the row names). */
  rowHeader: string;
  /** Heading of the group column in Excel (when groups have labels). */
  groupHeader?: string;
  columns: ColumnModel[];
  groups: GroupModel[];
  decimals?: number;
  /** Offer "Toon ook rijen met alleen nullen" (long lists of codes). */
  zeroRowsToggle?: boolean;
  note?: string;
}

export const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** Labels of the buckets that are not codes of their list. */
const BUCKET_LABELS: Record<string, string> = { meerdere_redenen: '(meerdere redenen)', onbekend: 'Onbekend' };

/** The period a report covers: the whole year, or the quarters up to and including `quarter`. */
export interface ReportPeriod {
  year: number;
  quarter?: number;
}

export function periodLabel({ year, quarter }: ReportPeriod): string {
  return quarter ? `${year} t/m kwartaal ${quarter}` : `${year}`;
}

/** Heading of the column that sums the period: "Jaar" or "T/m kwartaal 2". */
export function totalColumnLabel(period: ReportPeriod): string {
  return period.quarter && period.quarter < 4 ? `T/m kwartaal ${period.quarter}` : 'Jaar';
}

function quarterCount(period: ReportPeriod): number {
  return period.quarter ?? 4;
}

function monthColumns(period: ReportPeriod): ColumnModel[] {
  return MONTHS.slice(0, 3 * quarterCount(period)).map((label, i) => ({ label, short: MONTHS_SHORT[i] }));
}

function quarterColumns(period: ReportPeriod): ColumnModel[] {
  return Array.from({ length: quarterCount(period) }, (_, i) => ({ label: `Kwartaal ${i + 1}`, short: `K${i + 1}` }));
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

const ZERO_QUARTERS: QuarterCounts = { quarters: [0, 0, 0, 0], year: 0 };
const ZERO_PERIOD: PeriodCounts = { months: Array(12).fill(0), quarters: [0, 0, 0, 0], year: 0 };

function periodValues(counts: PeriodCounts | undefined, period: ReportPeriod): (number | null)[] {
  const c = counts ?? ZERO_PERIOD;
  const n = quarterCount(period);
  return [...c.months.slice(0, 3 * n), ...c.quarters.slice(0, n), c.year];
}

function quarterValues(counts: QuarterCounts | undefined, period: ReportPeriod): (number | null)[] {
  const c = counts ?? ZERO_QUARTERS;
  return [...c.quarters.slice(0, quarterCount(period)), c.year];
}

/** The report addresses (JSON Pointers) of the cells periodValues / quarterValues return. */
function periodPointers(base: (string | number)[], period: ReportPeriod): string[] {
  const n = quarterCount(period);
  return [...Array.from({ length: 3 * n }, (_, i) => pointer(...base, 'months', i)), ...quarterPointers(base, period)];
}

function quarterPointers(base: (string | number)[], period: ReportPeriod): string[] {
  return [...Array.from({ length: quarterCount(period) }, (_, i) => pointer(...base, 'quarters', i)), pointer(...base, 'year')];
}

/** A total over rows; a column holding a suppressed figure has no total to show ("x"). */
function sumRows(rows: RowModel[], label: string): RowModel {
  const width = rows[0]?.values.length ?? 0;
  const hidden = (i: number) => rows.some((row) => !!row.marks?.[i]);
  const values = Array.from({ length: width }, (_, i) => (hidden(i) ? null : rows.reduce((sum, row) => sum + (row.values[i] ?? 0), 0)));
  const marks = Array.from({ length: width }, (_, i) => (hidden(i) ? 'x' : null));
  return { label, values, marks, total: true };
}

/** The marker of each suppressed cell of the report, by address; an exact report has none. */
function markerLookup(report: AnnualReport): (at: string) => string | null {
  const suppression = report.suppression;
  return (at) => {
    const reason = suppression?.cells[at];
    return reason && suppression ? suppressionMarker(reason, suppression) : null;
  };
}

/** The codes of a list in reference order, then any other codes the report holds (sorted). */
function orderedCodes(reference: Reference | undefined, list: string, present: string[], extra: string[] = []): { code: string; label: string }[] {
  const known = (reference?.codes[list] ?? []).map((c) => ({ code: c.code, label: c.label }));
  const seen = new Set(known.map((c) => c.code));
  const result = [...known];
  for (const code of [...extra, ...[...present].sort()]) {
    if (seen.has(code)) continue;
    seen.add(code);
    result.push({ code, label: BUCKET_LABELS[code] ?? code });
  }
  return result;
}

export function teamName(reference: Reference | undefined, code: string): string {
  return reference?.teams.find((t) => t.code === code)?.name ?? code;
}

function teamCodes(report: AnnualReport, reference: Reference | undefined, team: string | undefined): string[] {
  const present = Object.keys(report.teams);
  if (team) return present.length ? present : [team];
  const ordered = (reference?.teams ?? []).map((t) => t.code);
  return [...ordered, ...present.filter((c) => !ordered.includes(c)).sort()];
}

export interface ReportTables {
  cases: ReportTableModel;
  teams: ReportTableModel;
  uniqueClients: ReportTableModel;
  waitingByLocation: ReportTableModel;
  waitingTotal: ReportTableModel;
  referrers: ReportTableModel;
  closeReasons: ReportTableModel;
  outcomes: ReportTableModel;
  providers: ReportTableModel;
  products: ReportTableModel;
  extensions: ReportTableModel;
  clientsWithProvision: ReportTableModel;
  marks: ReportTableModel;
  satisfaction: ReportTableModel;
  zrm: ReportTableModel;
}

export function buildReportTables(report: AnnualReport, reference: Reference | undefined, period: ReportPeriod, team?: string): ReportTables {
  const total = totalColumnLabel(period);
  const periodCols = [...monthColumns(period), ...quarterColumns(period), { label: total }];
  const quarterCols = [...quarterColumns(period), { label: total }];
  const label = (list: string, code: string) => reference?.codes[list]?.find((c) => c.code === code)?.label ?? BUCKET_LABELS[code] ?? code;
  const teams = teamCodes(report, reference, team);
  const marker = markerLookup(report);
  const marksAt = (pointers: string[]) => pointers.map(marker);
  const periodRow = (label: string, counts: PeriodCounts | undefined, base: (string | number)[]): RowModel => ({ label, values: periodValues(counts, period), marks: marksAt(periodPointers(base, period)) });
  const quarterRow = (label: string, counts: QuarterCounts | undefined, base: (string | number)[]): RowModel => ({ label, values: quarterValues(counts, period), marks: marksAt(quarterPointers(base, period)) });

  const cases: ReportTableModel = {
    id: 'instroom',
    caption: 'Instroom, lopende casussen en uitstroom per maand, kwartaal en jaar',
    sheet: 'Instroom en uitstroom',
    rowHeader: 'Casussen',
    columns: periodCols,
    groups: [
      {
        label: null,
        rows: [
          periodRow('Instroom (gestart)', report.cases.started, ['cases', 'started']),
          periodRow('Lopend', report.cases.running, ['cases', 'running']),
          periodRow('Uitstroom (afgesloten)', report.cases.closed, ['cases', 'closed']),
        ],
      },
    ],
    note: 'Lopend zijn alle casussen die ergens in de periode open waren. Daarom is het kwartaal- of jaarcijfer niet de som van de maanden.',
  };

  const teamRows: RowModel[] = teams.map((code) => {
    const t = report.teams[code];
    const measures = ['started', 'running', 'closed', 'unique_clients'] as const;
    return { label: teamName(reference, code), values: measures.map((m) => (t ? t[m].year : 0)), marks: marksAt(measures.map((m) => pointer('teams', code, m, 'year'))) };
  });
  const teamsTable: ReportTableModel = {
    id: 'teams',
    caption: `Casussen en unieke cliënten per team (${total.toLowerCase()})`,
    sheet: 'Per team',
    rowHeader: 'Team',
    columns: [{ label: 'Gestart' }, { label: 'Lopend' }, { label: 'Afgesloten' }, { label: 'Unieke cliënten' }],
    groups: [
      { label: null, rows: teamRows },
      ...(team
        ? []
        : [
            {
              label: null,
              rows: [
                {
                  label: 'Hele organisatie',
                  total: true,
                  values: [report.cases.started.year, report.cases.running.year, report.cases.closed.year, report.unique_clients.year],
                  marks: marksAt([pointer('cases', 'started', 'year'), pointer('cases', 'running', 'year'), pointer('cases', 'closed', 'year'), pointer('unique_clients', 'year')]),
                },
              ],
            },
          ]),
    ],
    zeroRowsToggle: !team,
  };

  const uniqueClients: ReportTableModel = {
    id: 'unieke-clienten',
    caption: 'Unieke cliënten per team per kwartaal',
    sheet: 'Unieke cliënten',
    rowHeader: 'Team',
    columns: quarterCols,
    groups: [
      { label: null, rows: teams.map((code) => quarterRow(teamName(reference, code), report.teams[code]?.unique_clients, ['teams', code, 'unique_clients'])) },
      ...(team ? [] : [{ label: null, rows: [{ ...quarterRow('Hele organisatie', report.unique_clients, ['unique_clients']), total: true }] }]),
    ],
    zeroRowsToggle: !team,
    note: 'Een cliënt telt één keer per team en periode. Het totaal van de organisatie is de som over de teams, zoals in het jaarverslag.',
  };

  const locations = orderedCodes(reference, 'first_meeting_locations', Object.keys(report.days_to_first_meeting.by_location));
  const waitingByLocation: ReportTableModel = {
    id: 'wachttijd-locatie',
    caption: 'Gemiddeld aantal dagen van aanmelding tot kennismaking, per locatie en maand van aanmelding',
    sheet: 'Dagen tot kennismaking',
    rowHeader: 'Locatie',
    columns: monthColumns(period),
    groups: [
      {
        label: null,
        rows: locations.map((l) => {
          const months = 3 * quarterCount(period);
          const values = (report.days_to_first_meeting.by_location[l.code]?.months ?? Array(12).fill(null)).slice(0, months);
          return { label: l.label, values, marks: marksAt(Array.from({ length: months }, (_, i) => pointer('days_to_first_meeting', 'by_location', l.code, 'months', i))) };
        }),
      },
    ],
    decimals: 2,
    note: '– betekent: geen casus aangemeld in die maand met een kennismaking op die locatie.',
  };

  const waitingTotal: ReportTableModel = {
    id: 'wachttijd-totaal',
    caption: 'Gemiddeld aantal dagen van aanmelding tot kennismaking, per kwartaal en jaar',
    sheet: 'Dagen tot kennismaking totaal',
    rowHeader: 'Locatie',
    columns: quarterCols,
    groups: [
      {
        label: null,
        rows: [
          {
            label: 'Alle locaties',
            values: [...report.days_to_first_meeting.quarters.slice(0, quarterCount(period)), report.days_to_first_meeting.year],
            marks: marksAt(quarterPointers(['days_to_first_meeting'], period)),
          },
        ],
      },
    ],
    decimals: 2,
  };

  function codeTable(id: string, caption: string, sheet: string, rowHeader: string, list: string, key: 'started_by_referrer' | 'closed_by_reason' | 'clients_by_outcome', options: { extra?: string[]; totalLabel?: string; note?: string } = {}): ReportTableModel {
    const data = report[key];
    const rows = orderedCodes(reference, list, Object.keys(data), options.extra).map((c) => quarterRow(c.label, data[c.code], [key, c.code]));
    return {
      id,
      caption,
      sheet,
      rowHeader,
      columns: quarterCols,
      groups: [{ label: null, rows }, ...(options.totalLabel ? [{ label: null, rows: [sumRows(rows, options.totalLabel)] }] : [])],
      zeroRowsToggle: true,
      note: options.note,
    };
  }

  const referrers = codeTable('melders', 'Aanmeldingen (gestarte casussen) per melder', 'Melders', 'Melder', 'referrers', 'started_by_referrer', { extra: ['onbekend'], totalLabel: 'Totaal' });
  const closeReasons = codeTable('afsluitredenen', 'Afgesloten casussen per reden van afsluiten', 'Afsluitredenen', 'Reden van afsluiten', 'close_reasons', 'closed_by_reason', {
    extra: ['meerdere_redenen', 'onbekend'],
    totalLabel: 'Totaal',
    note: 'Een casus met twee of meer redenen telt één keer, onder “(meerdere redenen)”.',
  });
  const outcomes = codeTable('resultaten', 'Cliënten van afgesloten casussen per resultaat: wat draagt de cliënt verder', 'Wat draagt verder', 'Resultaat', 'close_outcomes', 'clients_by_outcome', {
    note: 'Een casus kan meer resultaten hebben; een cliënt telt dan bij elk resultaat mee. De rijen tellen daarom niet op.',
  });

  const categories = orderedCodes(reference, 'provision_categories', [...Object.keys(report.provisions.new_by_provider), ...Object.keys(report.provisions.new_by_product)]);
  function provisionTable(id: string, caption: string, sheet: string, rowHeader: string, key: 'new_by_provider' | 'new_by_product', order: (category: string, present: string[]) => { code: string; label: string }[]): ReportTableModel {
    const data = report.provisions[key];
    const groups: GroupModel[] = categories.map((category) => {
      const inCategory = data[category.code] ?? {};
      const rows = order(category.code, Object.keys(inCategory)).map((item) => quarterRow(item.label, inCategory[item.code], ['provisions', key, category.code, item.code]));
      return { label: category.label, rows: rows.length ? [...rows, sumRows(rows, `Totaal ${category.label.toLowerCase()}`)] : [] };
    });
    const totals = groups.flatMap((g) => g.rows.filter((r) => r.total));
    return {
      id,
      caption,
      sheet,
      rowHeader,
      groupHeader: 'Categorie',
      columns: quarterCols,
      groups: [...groups.filter((g) => g.rows.length > 0), { label: null, rows: [sumRows(totals.length ? totals : [{ label: '', values: quarterCols.map(() => 0) }], 'Totaal nieuwe voorzieningen')] }],
      zeroRowsToggle: true,
    };
  }
  const providers = provisionTable('aanbieders', 'Nieuwe voorzieningen per aanbieder, per categorie', 'Nieuw per aanbieder', 'Aanbieder', 'new_by_provider', (_category, present) =>
    [...present].sort((a, b) => a.localeCompare(b, 'nl')).map((code) => ({ code, label: code })),
  );
  const products = provisionTable('producten', 'Nieuwe voorzieningen per product, per categorie', 'Nieuw per product', 'Product', 'new_by_product', (category, present) => {
    const known = (reference?.codes.provision_products ?? []).filter((p) => p.parentCode === category).map((p) => ({ code: p.code, label: p.label }));
    const codes = new Set(known.map((p) => p.code));
    return [...known, ...present.filter((c) => !codes.has(c)).sort().map((code) => ({ code, label: label('provision_products', code) }))];
  });

  const extensions: ReportTableModel = {
    id: 'verlengingen',
    caption: 'Verlengingen van voorzieningen',
    sheet: 'Verlengingen',
    rowHeader: 'Voorzieningen',
    columns: quarterCols,
    groups: [{ label: null, rows: [quarterRow('Verlengingen', report.provisions.extensions, ['provisions', 'extensions'])] }],
    note: 'Een verlenging telt niet als nieuwe voorziening. Voorzieningen die zijn ingetrokken (ten onrechte geregistreerd) tellen nergens mee.',
  };
  const clientsWithProvision: ReportTableModel = {
    id: 'clienten-voorziening',
    caption: 'Cliënten met een nieuwe voorziening',
    sheet: 'Cliënten met voorziening',
    rowHeader: 'Cliënten',
    columns: [{ label: total }],
    groups: [{ label: null, rows: [{ label: 'Cliënten met een nieuwe voorziening', values: [report.provisions.clients_with_new_provision.year], marks: marksAt([pointer('provisions', 'clients_with_new_provision', 'year')]) }] }],
  };

  const marks: ReportTableModel = {
    id: 'rapportcijfers',
    caption: 'Verdeling van de rapportcijfers bij afsluiten',
    sheet: 'Rapportcijfers',
    rowHeader: 'Rapportcijfer',
    columns: [{ label: 'Aantal' }],
    groups: [
      {
        label: null,
        rows: Array.from({ length: 10 }, (_, i) => {
          const mark = String(i + 1);
          // A suppressed count is null: only a mark missing from the report reads as 0.
          const value = mark in report.satisfaction.distribution ? report.satisfaction.distribution[mark]! : 0;
          return { label: mark, values: [value], marks: marksAt([pointer('satisfaction', 'distribution', mark)]) };
        }),
      },
      { label: null, rows: [{ label: 'Totaal', total: true, values: [report.satisfaction.responses], marks: marksAt([pointer('satisfaction', 'responses')]) }] },
    ],
  };
  const satisfaction: ReportTableModel = {
    id: 'tevredenheid',
    caption: 'Tevredenheid van cliënten bij afsluiten',
    sheet: 'Tevredenheid',
    rowHeader: 'Maat',
    columns: [{ label: total }],
    groups: [
      {
        label: null,
        rows: [
          { label: 'Aantal gegeven rapportcijfers', values: [report.satisfaction.responses], marks: marksAt([pointer('satisfaction', 'responses')]) },
          { label: 'Gemiddeld rapportcijfer', values: [report.satisfaction.mean], marks: marksAt([pointer('satisfaction', 'mean')]), decimals: 2 },
          {
            label: 'Kan zelf verder (percentage “ja” van de antwoorden)',
            values: [report.satisfaction.can_continue_alone_pct],
            marks: marksAt([pointer('satisfaction', 'can_continue_alone_pct')]),
            decimals: 2,
            suffix: '%',
          },
        ],
      },
    ],
  };

  const zrmRows = orderedCodes(reference, 'zrm_types', Object.keys(report.zrm), ['onbekend']).map((t) => periodRow(t.label, report.zrm[t.code], ['zrm', t.code]));
  const zrm: ReportTableModel = {
    id: 'zrm',
    caption: 'ZRM-metingen per soort meting',
    sheet: 'ZRM-metingen',
    rowHeader: 'Soort meting',
    columns: periodCols,
    groups: [{ label: null, rows: zrmRows }, { label: null, rows: [sumRows(zrmRows, 'Totaal')] }],
    zeroRowsToggle: true,
  };

  return { cases, teams: teamsTable, uniqueClients, waitingByLocation, waitingTotal, referrers, closeReasons, outcomes, providers, products, extensions, clientsWithProvision, marks, satisfaction, zrm };
}

/** Rows with a value other than zero (or with no value at all) are kept; totals always. */
export function isZeroRow(row: RowModel): boolean {
  return !row.total && row.values.every((v) => v === 0);
}

/** The table with the all-zero rows left out (and groups that are left empty). */
export function withoutZeroRows(table: ReportTableModel): { table: ReportTableModel; hidden: number } {
  let hidden = 0;
  const groups = table.groups
    .map((group) => {
      const rows = group.rows.filter((row) => {
        const zero = isZeroRow(row);
        if (zero) hidden += 1;
        return !zero;
      });
      // A category whose every row is zero goes altogether, its subtotal too.
      if (group.label !== null && !rows.some((r) => !r.total)) return { ...group, rows: [] };
      return { ...group, rows };
    })
    .filter((group) => group.rows.length > 0);
  return { table: { ...table, groups }, hidden };
}

/** The value in the last column (the year or "t/m" total) of each non-total row. */
export function totalsOf(table: ReportTableModel): { label: string; value: number }[] {
  return table.groups.flatMap((g) => g.rows.filter((r) => !r.total).map((r) => ({ label: r.label, value: r.values[r.values.length - 1] ?? 0 })));
}
