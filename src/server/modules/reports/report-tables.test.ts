import { describe, expect, it } from 'vitest';
import { parseCsv, unprotectFormula } from '../exchange/csv';
import { renderReportCsv } from './report-csv';
import { emptyPeriodCounts, emptyQuarterCounts } from './report-rules';
import { buildReportTables, fileCell, fileHeader, NO_LABELS, reportFileName, tableList, type ReportLabels, type ReportTable } from './report-tables';
import type { AnnualReport, PublishedAnnualReport } from './reports.schemas';
import { suppressionExplanation } from './small-numbers';

const item = (code: string, label: string, parentCode: string | null = null) => ({ code, label, parentCode });

// Teams in no particular order: the tables sort them by name.
const labels: ReportLabels = {
  teams: [
    { code: 'zuilen', name: 'Zuilen' },
    { code: 'west', name: 'West' },
    { code: 'hoograven-tolsteeg', name: 'Hoograven / Tolsteeg' },
  ],
  codes: {
    referrers: [item('huisarts', 'Huisarts'), item('zelfmelder', 'Zelfmelder')],
    close_reasons: [item('volgens_plan', 'Beëindigd volgens plan')],
    close_outcomes: [item('eigen_netwerk', 'Eigen netwerk')],
    first_meeting_locations: [item('thuis', 'Thuis'), item('kantoor', 'Kantoor')],
    provision_categories: [item('begeleiding', 'Begeleiding'), item('dagbesteding', 'Dagbesteding')],
    provision_products: [item('iab_groot', 'Individuele ambulante begeleiding grote aanbieders', 'begeleiding'), item('dagbegeleiding', 'Dagbegeleiding', 'dagbesteding')],
    providers: [item('Lister', 'Lister'), item('Abrona', 'Abrona')],
    zrm_types: [item('nul', 'Nulmeting (bij de start)'), item('eind', 'Eindmeting')],
  },
};

function quarterCounts(quarters: number[]) {
  return { quarters, year: quarters.reduce((a, b) => a + b, 0) };
}

/** A report of 2016 with known figures. */
function report(): AnnualReport {
  const started = emptyPeriodCounts();
  started.months[0] = 2;
  started.months[1] = 3;
  started.months[3] = 2;
  started.quarters = [5, 2, 0, 0];
  started.year = 7;
  const running = emptyPeriodCounts();
  running.months.fill(6);
  running.quarters = [9, 8, 6, 6];
  running.year = 12;
  const closed = emptyPeriodCounts();
  closed.months[4] = 1;
  closed.quarters = [0, 1, 0, 0];
  closed.year = 1;
  const zrmNul = emptyPeriodCounts();
  zrmNul.months[0] = 4;
  zrmNul.quarters[0] = 4;
  zrmNul.year = 4;
  return {
    year: 2016,
    cases: { started, running, closed },
    teams: {
      // hoograven-tolsteeg is missing: it reads as zeros. 'oud-team' has no name: it shows its code.
      west: { ...structuredClone({ started, running, closed }), unique_clients: quarterCounts([6, 5, 4, 4]) },
      zuilen: { started: emptyPeriodCounts(), running: emptyPeriodCounts(), closed: emptyPeriodCounts(), unique_clients: emptyQuarterCounts() },
      'oud-team': { started: emptyPeriodCounts(), running: emptyPeriodCounts(), closed: emptyPeriodCounts(), unique_clients: quarterCounts([1, 0, 0, 0]) },
    },
    unique_clients: quarterCounts([7, 5, 4, 4]),
    days_to_first_meeting: {
      by_location: { thuis: { months: [4.5, 6, null, 3.25, null, null, null, null, null, null, null, null] } },
      quarters: [5.1, 3.25, null, null],
      year: 4.6,
    },
    started_by_referrer: { politie: quarterCounts([1, 0, 0, 0]), zelfmelder: quarterCounts([3, 2, 0, 0]), onbekend: quarterCounts([1, 0, 0, 0]) },
    closed_by_reason: { volgens_plan: emptyQuarterCounts(), meerdere_redenen: quarterCounts([0, 1, 0, 0]), onbekend: emptyQuarterCounts() },
    clients_by_outcome: { eigen_netwerk: quarterCounts([0, 2, 0, 0]) },
    provisions: {
      new_by_provider: { begeleiding: { Abrona: quarterCounts([1, 0, 0, 0]), Lister: quarterCounts([2, 1, 0, 0]), 'Zorg B.V.': quarterCounts([0, 0, 1, 0]) }, dagbesteding: { Abrona: emptyQuarterCounts() } },
      new_by_product: { begeleiding: { iab_groot: quarterCounts([3, 1, 1, 0]) } },
      extensions: quarterCounts([0, 0, 2, 0]),
      clients_with_new_provision: { year: 4 },
    },
    satisfaction: { distribution: { '7': 1, '8': 2 }, responses: 3, mean: 7.67, can_continue_alone_pct: 66.67 },
    zrm: { nul: zrmNul, onbekend: emptyPeriodCounts() },
  };
}

const rowsOf = (table: ReportTable) => table.groups.flatMap((g) => g.rows);
const labelsOf = (table: ReportTable) => rowsOf(table).map((r) => r.label);
const rowOf = (table: ReportTable, label: string, group?: string) => {
  const found = table.groups.filter((g) => group === undefined || g.label === group).flatMap((g) => g.rows.filter((r) => r.label === label));
  if (found.length !== 1) throw new Error(`${found.length} rows "${label}" in ${table.id}`);
  return found[0]!;
};

describe('buildReportTables', () => {
  const model = buildReportTables(report(), labels);
  const { tables } = model;

  it('gives every table once, in order, with a unique id and an Excel sheet name of at most 31 characters', () => {
    expect(tableList(model).map((t) => t.id)).toEqual([
      'instroom',
      'teams',
      'casussen-per-team',
      'unieke-clienten',
      'wachttijd-locatie',
      'wachttijd-totaal',
      'melders',
      'afsluitredenen',
      'resultaten',
      'aanbieders',
      'producten',
      'verlengingen',
      'clienten-voorziening',
      'rapportcijfers',
      'tevredenheid',
      'zrm',
    ]);
    const sheets = tableList(model).map((t) => t.sheet);
    expect(new Set(sheets).size).toBe(sheets.length);
    for (const sheet of sheets) expect(sheet.length, sheet).toBeLessThanOrEqual(31);
    // Every row has a cell per column.
    for (const table of tableList(model)) for (const row of rowsOf(table)) expect([row.values.length, row.marks.length], `${table.id} ${row.label}`).toEqual([table.columns.length, table.columns.length]);
  });

  it('names the cases as the annual report 2016 does, per month, quarter and year', () => {
    expect(model.title).toBe('Jaarverslag 2016');
    expect(model.suppression).toBeNull();
    expect(tables.cases.columns.map((c) => c.label)).toEqual([
      'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
      'Kwartaal 1', 'Kwartaal 2', 'Kwartaal 3', 'Kwartaal 4', 'Jaar',
    ]);
    expect(tables.cases.columns.map((c) => c.short ?? '').slice(10, 17)).toEqual(['nov', 'dec', 'K1', 'K2', 'K3', 'K4', '']);
    expect(labelsOf(tables.cases)).toEqual(['Gestart', 'Lopend', 'Afgesloten']);
    expect(rowOf(tables.cases, 'Gestart').values).toEqual([2, 3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 5, 2, 0, 0, 7]);
    expect(rowOf(tables.cases, 'Afgesloten').values.at(-1)).toBe(1);
  });

  it('cuts a quarterly report to its quarters and names the total column after the cut-off', () => {
    const q2 = buildReportTables(report(), labels, { quarter: 2, team: 'west' });
    expect(q2.title).toBe('Kwartaalrapportage 2016 (t/m kwartaal 2, team West)');
    expect(q2.tables.cases.columns.map((c) => c.label)).toEqual(['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'Kwartaal 1', 'Kwartaal 2', 'T/m kwartaal 2']);
    expect(rowOf(q2.tables.cases, 'Gestart').values).toEqual([2, 3, 0, 2, 0, 0, 5, 2, 7]);
    expect(q2.tables.teams.title).toBe('Casussen en unieke cliënten per team (t/m kwartaal 2)');
    expect(q2.tables.waitingByLocation.columns).toHaveLength(6);
    expect(rowOf(q2.tables.waitingTotal, 'Alle locaties').values).toEqual([5.1, 3.25, 4.6]);
    // Up to the fourth quarter is the whole year.
    const q4 = buildReportTables(report(), labels, { quarter: 4 });
    expect(q4.title).toBe('Kwartaalrapportage 2016 (t/m kwartaal 4)');
    expect(q4.tables.referrers.columns.map((c) => c.label)).toEqual(['Kwartaal 1', 'Kwartaal 2', 'Kwartaal 3', 'Kwartaal 4', 'Jaar']);
  });

  it('lists the teams by name, a team missing from the report as zeros, a team without a name by its code, and the organisation total', () => {
    expect(labelsOf(tables.teams)).toEqual(['Hoograven / Tolsteeg', 'West', 'Zuilen', 'oud-team', 'Totaal']);
    expect(tables.teams.columns.map((c) => c.label)).toEqual(['Gestart', 'Lopend', 'Afgesloten', 'Unieke cliënten']);
    expect(rowOf(tables.teams, 'West').values).toEqual([7, 12, 1, 19]);
    expect(rowOf(tables.teams, 'Hoograven / Tolsteeg').values).toEqual([0, 0, 0, 0]);
    expect(rowOf(tables.teams, 'Totaal')).toMatchObject({ total: true, values: [7, 12, 1, 20] });

    expect(tables.casesPerTeam.groups.map((g) => g.label)).toEqual(['Hoograven / Tolsteeg', 'West', 'Zuilen', 'oud-team']);
    expect(tables.casesPerTeam.groups.every((g) => g.rows.map((r) => r.label).join() === 'Gestart,Lopend,Afgesloten')).toBe(true);
    expect(rowOf(tables.casesPerTeam, 'Lopend', 'West').values).toEqual([...Array<number>(12).fill(6), 9, 8, 6, 6, 12]);

    expect(labelsOf(tables.uniqueClients)).toEqual(['Hoograven / Tolsteeg', 'West', 'Zuilen', 'oud-team', 'Totaal']);
    expect(rowOf(tables.uniqueClients, 'Totaal').values).toEqual([7, 5, 4, 4, 20]);
  });

  it('holds only its team in a team report, without an organisation total', () => {
    const west = buildReportTables({ ...report(), teams: { west: report().teams.west! } }, labels, { team: 'west' });
    expect(labelsOf(west.tables.teams)).toEqual(['West']);
    expect(labelsOf(west.tables.uniqueClients)).toEqual(['West']);
    expect(west.tables.casesPerTeam.groups.map((g) => g.label)).toEqual(['West']);
  });

  it('lists codes in the order of their list, then the buckets, then other codes; labels them and adds up the totals', () => {
    expect(labelsOf(tables.referrers)).toEqual(['Huisarts', 'Zelfmelder', 'Onbekend', 'politie', 'Totaal']);
    expect(rowOf(tables.referrers, 'Huisarts').values).toEqual([0, 0, 0, 0, 0]);
    expect(rowOf(tables.referrers, 'Totaal')).toMatchObject({ total: true, values: [5, 2, 0, 0, 7] });
    expect(tables.closeReasons.rowHeader).toBe('Afsluitreden');
    expect(labelsOf(tables.closeReasons)).toEqual(['Beëindigd volgens plan', '(meerdere redenen)', 'Onbekend', 'Totaal']);
    // Outcomes overlap: no total.
    expect(labelsOf(tables.outcomes)).toEqual(['Eigen netwerk']);
    expect(labelsOf(tables.zrm)).toEqual(['Nulmeting (bij de start)', 'Eindmeting', 'Onbekend', 'Totaal']);
    expect(rowOf(tables.zrm, 'Totaal').values.slice(0, 2)).toEqual([4, 0]);
    expect(labelsOf(tables.waitingByLocation)).toEqual(['Thuis', 'Kantoor']);
    expect(rowOf(tables.waitingByLocation, 'Thuis').values.slice(0, 4)).toEqual([4.5, 6, null, 3.25]);
    expect(rowOf(tables.waitingByLocation, 'Kantoor').values.every((v) => v === null)).toBe(true);
  });

  it('groups provisions by category, with a total per category and a grand total', () => {
    const providers = tables.providers;
    expect(providers.groupHeader).toBe('Categorie');
    expect(providers.groups.map((g) => [g.label, g.rows.map((r) => r.label)])).toEqual([
      ['Begeleiding', ['Lister', 'Abrona', 'Zorg B.V.', 'Totaal']],
      ['Dagbesteding', ['Lister', 'Abrona', 'Totaal']],
      [null, ['Eindtotaal']],
    ]);
    expect(rowOf(providers, 'Totaal', 'Begeleiding').values).toEqual([3, 1, 1, 0, 5]);
    expect(rowOf(providers, 'Eindtotaal').values).toEqual([3, 1, 1, 0, 5]);
    expect(tables.products.groups.map((g) => [g.label, g.rows.map((r) => r.label)])).toEqual([
      ['Begeleiding', ['Individuele ambulante begeleiding grote aanbieders', 'Totaal']],
      ['Dagbesteding', ['Dagbegeleiding', 'Totaal']],
      [null, ['Eindtotaal']],
    ]);
    expect(rowOf(tables.extensions, 'Verlengingen').values).toEqual([0, 0, 2, 0, 2]);
    expect(rowOf(tables.clientsWithProvision, 'Cliënten met een nieuwe voorziening').values).toEqual([4]);
  });

  it('shows every mark 1 to 10 (a mark missing from the report as 0) and the means with two decimals', () => {
    expect(labelsOf(tables.marks)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Totaal']);
    expect(rowsOf(tables.marks).map((r) => r.values[0])).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 3]);
    expect(rowOf(tables.satisfaction, 'Gemiddeld rapportcijfer')).toMatchObject({ values: [7.67], decimals: 2 });
    expect(rowOf(tables.satisfaction, 'Kan zelf verder (percentage “ja” van de antwoorden)')).toMatchObject({ values: [66.67], suffix: '%' });
  });

  it('shows a suppressed figure as its marker, explains the markers, and gives no total over a hidden part', () => {
    const published: PublishedAnnualReport = report();
    published.teams.west!.started.year = null;
    published.started_by_referrer.zelfmelder!.quarters[0] = null;
    published.satisfaction.distribution['7'] = null;
    published.satisfaction.mean = null;
    published.suppression = {
      min_count: 5,
      min_observations: 10,
      cells: { '/teams/west/started/year': 'small', '/started_by_referrer/zelfmelder/quarters/0': 'secondary', '/satisfaction/distribution/7': 'small', '/satisfaction/mean': 'few_observations' },
    };
    const suppressed = buildReportTables(published, labels).tables;
    expect(buildReportTables(published, labels).suppression).toBe(suppressionExplanation(published.suppression));

    expect(rowOf(suppressed.teams, 'West')).toMatchObject({ values: [null, 12, 1, 19], marks: ['<5', null, null, null] });
    expect(rowOf(suppressed.casesPerTeam, 'Gestart', 'West').marks.at(-1)).toBe('<5');
    expect(rowOf(suppressed.referrers, 'Zelfmelder').marks).toEqual(['x', null, null, null, null]);
    expect(rowOf(suppressed.referrers, 'Totaal')).toMatchObject({ values: [null, 2, 0, 0, 7], marks: ['x', null, null, null, null] });
    expect(rowOf(suppressed.marks, '7')).toMatchObject({ values: [null], marks: ['<5'] });
    expect(rowOf(suppressed.satisfaction, 'Gemiddeld rapportcijfer').marks).toEqual(['x']);
    // What is not suppressed carries no marker.
    expect(rowOf(suppressed.cases, 'Gestart').marks.every((m) => m === null)).toBe(true);
    expect(rowsOf(tables.teams).every((r) => r.marks.every((m) => m === null))).toBe(true);
  });

  it('shows teams and codes by their code while no names are known', () => {
    const bare = buildReportTables(report(), NO_LABELS).tables;
    expect(labelsOf(bare.teams)).toEqual(['oud-team', 'west', 'zuilen', 'Totaal']);
    expect(labelsOf(bare.closeReasons)).toEqual(['(meerdere redenen)', 'Onbekend', 'volgens_plan', 'Totaal']);
  });
});

/** The CSV as its sections: each a list of rows of fields, formula protection undone. */
function csvSections(csv: string): string[][][] {
  expect(csv.endsWith('\n')).toBe(true);
  return csv
    .trimEnd()
    .split('\n\n')
    .map((block) => {
      const parsed = parseCsv(block);
      expect(parsed.problems).toEqual([]);
      return [parsed.header, ...parsed.records.map((r) => r.values)].map((row) => row.map(unprotectFormula));
    });
}

describe('the CSV and the tables', () => {
  const suppressed: PublishedAnnualReport = report();
  suppressed.cases.closed.year = null;
  suppressed.suppression = { min_count: 5, min_observations: 10, cells: { '/cases/closed/year': 'small' } };
  const variants: [string, PublishedAnnualReport, { quarter?: number; team?: string }][] = [
    ['the year', report(), {}],
    ['a quarter of a team', { ...report(), teams: { west: report().teams.west! } }, { quarter: 3, team: 'west' }],
    ['with suppressed figures', suppressed, {}],
  ];

  for (const [name, published, scope] of variants) {
    it(`hold the same tables, headings, rows and cells: ${name}`, () => {
      const model = buildReportTables(published, labels, scope);
      const [head, ...sections] = csvSections(renderReportCsv(published, labels, scope));
      expect(head).toEqual(model.suppression ? [[model.title], [model.suppression]] : [[model.title]]);
      expect(sections.map((s) => s[0])).toEqual(tableList(model).map((t) => [t.title]));
      tableList(model).forEach((table, index) => {
        const [, header, ...rows] = sections[index]!;
        expect(header, table.id).toEqual(fileHeader(table));
        const grouped = table.groups.some((g) => g.label !== null);
        const expected = table.groups.flatMap((g) => g.rows.map((row) => [...(grouped ? [g.label ?? ''] : []), row.label, ...row.values.map((_, i) => String(fileCell(row, i) ?? ''))]));
        expect(rows, table.id).toEqual(expected);
      });
    });
  }

  it('writes the marker of a suppressed figure where the number would be', () => {
    const sections = csvSections(renderReportCsv(suppressed, labels));
    const cases = sections.find((s) => s[0]![0] === 'Instroom, lopende casussen en uitstroom per maand, kwartaal en jaar')!;
    expect(cases.find((row) => row[0] === 'Afgesloten')!.at(-1)).toBe('<5');
    expect(cases.find((row) => row[0] === 'Gestart')!.at(-1)).toBe('7');
  });
});

describe('reportFileName', () => {
  it('names annual, quarterly and team reports', () => {
    expect(reportFileName({ year: 2016 }, 'csv')).toBe('jaarverslag-2016.csv');
    expect(reportFileName({ year: 2016, quarter: 2, team: 'west' }, 'xlsx')).toBe('kwartaalrapportage-2016-k2-west.xlsx');
    expect(reportFileName({ year: 2016, team: 'west' }, 'csv')).toBe('jaarverslag-2016-west.csv');
  });
});
