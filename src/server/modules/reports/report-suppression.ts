// The annual and ZRM reports as published outside the organisation: small-numbers.ts applied to
// their tables. Which cells add up to which (so that a suppressed count cannot be recalculated):
// - months add up to quarters and quarters to the year for started, closed, referrers, close
//   reasons, provisions, extensions and ZRM assessments (running cases and distinct clients do not);
// - teams add up to the organisation for cases and unique clients;
// - referrers add up to the cases started, close-reason buckets to the cases closed;
// - providers and products of a category add up to the same (unpublished) category total, the
//   categories to all new provisions; ZRM types to all assessments (totals the web app shows);
// - the marks 1..10 add up to the number of responses.
// Means are hidden over fewer than minObservations cases. Pure: no I/O.
import type { ZrmReport, PublishedZrmReport } from '../zrm/zrm.schemas';
import { isSmallCount, pointer, setAtPointer, suppressCounts, tooFewObservations, type AdditiveGroup, type SmallNumberSettings, type SuppressionReason } from './small-numbers';
import type { AnnualReport, PublishedAnnualReport, SuppressionInfo } from './reports.schemas';

/** What the means of the annual report were computed over. */
export interface AnnualObservations {
  /** Cases with a first meeting per month of registration (1..12) and location (null: none recorded). */
  firstMeetings: readonly { month: number; location: string | null; cases: number }[];
  /** Closed cases with an answer to "kunt u zelf verder?". */
  canContinueAnswered: number;
}

const MONTH_CELLS = Array.from({ length: 12 }, (_, i) => ['months', i] as const);
const QUARTER_CELLS = Array.from({ length: 4 }, (_, i) => ['quarters', i] as const);
const PERIOD_CELLS: readonly (readonly (string | number)[])[] = [...MONTH_CELLS, ...QUARTER_CELLS, ['year']];
const QUARTER_AND_YEAR: readonly (readonly (string | number)[])[] = [...QUARTER_CELLS, ['year']];

interface Counts {
  months?: number[];
  quarters: number[];
  year: number;
}

/** Collects the counts of a report and the groups of cells that add up. */
class CountTable {
  readonly cells = new Map<string, number>();
  readonly groups: AdditiveGroup[] = [];

  /** A count per month (if any), quarter and year at `base`; `additive`: months → quarters → year. */
  add(base: readonly (string | number)[], counts: Counts, additive: boolean): void {
    counts.months?.forEach((n, i) => this.cells.set(pointer(...base, 'months', i), n));
    counts.quarters.forEach((n, i) => this.cells.set(pointer(...base, 'quarters', i), n));
    this.cells.set(pointer(...base, 'year'), counts.year);
    if (additive) this.addUp(base, counts.months !== undefined);
  }

  /** The additive periods of `base` (a real or a virtual address). */
  addUp(base: readonly (string | number)[], withMonths: boolean): void {
    if (withMonths) {
      for (let q = 0; q < 4; q++) this.groups.push({ members: [0, 1, 2].map((m) => pointer(...base, 'months', 3 * q + m)), total: pointer(...base, 'quarters', q) });
    }
    this.groups.push({ members: QUARTER_CELLS.map((cell) => pointer(...base, ...cell)), total: pointer(...base, 'year') });
  }

  /** For every period cell: the members' cells add up to the total's. */
  across(members: readonly (readonly (string | number)[])[], total: readonly (string | number)[], periods: readonly (readonly (string | number)[])[]): void {
    for (const cell of periods) this.groups.push({ members: members.map((m) => pointer(...m, ...cell)), total: pointer(...total, ...cell) });
  }

  /** A total nobody receives but anyone can add up (e.g. all new provisions of a category). */
  virtual(base: readonly (string | number)[], parts: readonly (readonly (string | number)[])[], periods: readonly (readonly (string | number)[])[]): void {
    for (const cell of periods) {
      const total = parts.reduce((sum, part) => sum + (this.cells.get(pointer(...part, ...cell)) ?? 0), 0);
      this.cells.set(pointer(...base, ...cell), total);
    }
  }
}

/** The first step of a virtual address (`/#/provisions/...`): no key of the report is named so. */
const VIRTUAL = '#';
const VIRTUAL_PREFIX = `/${VIRTUAL}/`;

function publish<T extends object, P>(report: T, marks: Map<string, SuppressionReason>, settings: SmallNumberSettings): P {
  const published = structuredClone(report) as T & { suppression: SuppressionInfo };
  const cells: Record<string, SuppressionReason> = {};
  for (const [at, reason] of [...marks].sort(([a], [b]) => a.localeCompare(b))) {
    if (at.startsWith(VIRTUAL_PREFIX)) continue;
    setAtPointer(published, at, null);
    cells[at] = reason;
  }
  published.suppression = { min_count: settings.minCount, min_observations: settings.minObservations, cells };
  return published as P;
}

export function suppressAnnualReport(report: AnnualReport, observations: AnnualObservations, settings: SmallNumberSettings): PublishedAnnualReport {
  const table = new CountTable();
  const teams = Object.keys(report.teams);
  for (const measure of ['started', 'running', 'closed'] as const) {
    const additive = measure !== 'running';
    table.add(['cases', measure], report.cases[measure], additive);
    for (const team of teams) table.add(['teams', team, measure], report.teams[team]![measure], additive);
    table.across(teams.map((team) => ['teams', team, measure]), ['cases', measure], PERIOD_CELLS);
  }
  table.add(['unique_clients'], report.unique_clients, false);
  for (const team of teams) table.add(['teams', team, 'unique_clients'], report.teams[team]!.unique_clients, false);
  table.across(teams.map((team) => ['teams', team, 'unique_clients']), ['unique_clients'], QUARTER_AND_YEAR);

  const quarterTable = (name: 'started_by_referrer' | 'closed_by_reason' | 'clients_by_outcome', additive: boolean) => {
    const codes = Object.keys(report[name]);
    for (const code of codes) table.add([name, code], report[name][code]!, additive);
    return codes.map((code) => [name, code]);
  };
  table.across(quarterTable('started_by_referrer', true), ['cases', 'started'], QUARTER_AND_YEAR);
  table.across(quarterTable('closed_by_reason', true), ['cases', 'closed'], QUARTER_AND_YEAR);
  quarterTable('clients_by_outcome', false);

  const { provisions } = report;
  const categories = [...new Set([...Object.keys(provisions.new_by_provider), ...Object.keys(provisions.new_by_product)])];
  for (const category of categories) {
    const total = [VIRTUAL, 'provisions', category];
    const rowsOf = (by: 'new_by_provider' | 'new_by_product') => {
      const items = provisions[by][category] ?? {};
      for (const [code, counts] of Object.entries(items)) table.add(['provisions', by, category, code], counts, true);
      return Object.keys(items).map((code) => ['provisions', by, category, code]);
    };
    const providers = rowsOf('new_by_provider');
    const products = rowsOf('new_by_product');
    table.virtual(total, providers, QUARTER_AND_YEAR);
    table.addUp(total, false);
    table.across(providers, total, QUARTER_AND_YEAR);
    table.across(products, total, QUARTER_AND_YEAR);
  }
  const categoryTotals = categories.map((category) => [VIRTUAL, 'provisions', category]);
  table.virtual([VIRTUAL, 'provisions'], categoryTotals, QUARTER_AND_YEAR);
  table.across(categoryTotals, [VIRTUAL, 'provisions'], QUARTER_AND_YEAR);
  table.add(['provisions', 'extensions'], provisions.extensions, true);
  table.cells.set(pointer('provisions', 'clients_with_new_provision', 'year'), provisions.clients_with_new_provision.year);

  for (const [mark, n] of Object.entries(report.satisfaction.distribution)) table.cells.set(pointer('satisfaction', 'distribution', mark), n);
  table.cells.set(pointer('satisfaction', 'responses'), report.satisfaction.responses);
  table.groups.push({ members: Object.keys(report.satisfaction.distribution).map((mark) => pointer('satisfaction', 'distribution', mark)), total: pointer('satisfaction', 'responses') });

  const types = Object.keys(report.zrm);
  for (const type of types) table.add(['zrm', type], report.zrm[type]!, true);
  table.virtual([VIRTUAL, 'zrm'], types.map((type) => ['zrm', type]), PERIOD_CELLS);
  table.addUp([VIRTUAL, 'zrm'], true);
  table.across(types.map((type) => ['zrm', type]), [VIRTUAL, 'zrm'], PERIOD_CELLS);

  const marks: Map<string, SuppressionReason> = suppressCounts(table.cells, table.groups, settings.minCount);

  // Means: per location and month of registration, per quarter and the year over all locations.
  const few = (n: number) => tooFewObservations(n, settings.minObservations);
  const casesWhere = (keep: (row: AnnualObservations['firstMeetings'][number]) => boolean) => observations.firstMeetings.filter(keep).reduce((sum, row) => sum + row.cases, 0);
  for (const location of Object.keys(report.days_to_first_meeting.by_location)) {
    for (let month = 1; month <= 12; month++) {
      if (few(casesWhere((row) => row.location === location && row.month === month))) marks.set(pointer('days_to_first_meeting', 'by_location', location, 'months', month - 1), 'few_observations');
    }
  }
  for (let quarter = 1; quarter <= 4; quarter++) {
    if (few(casesWhere((row) => Math.ceil(row.month / 3) === quarter))) marks.set(pointer('days_to_first_meeting', 'quarters', quarter - 1), 'few_observations');
  }
  if (few(casesWhere(() => true))) marks.set(pointer('days_to_first_meeting', 'year'), 'few_observations');
  if (few(report.satisfaction.responses)) marks.set(pointer('satisfaction', 'mean'), 'few_observations');
  if (few(observations.canContinueAnswered)) marks.set(pointer('satisfaction', 'can_continue_alone_pct'), 'few_observations');

  return publish(report, marks, settings);
}

const ZRM_STATISTICS = ['mean_start', 'mean_latest', 'mean_change', 'p_value', 'p_wilcoxon', 'p_pratt'] as const;

/** Per domain: the number of clients when small; the means and p-values over too few clients. */
export function suppressZrmReport(report: ZrmReport, settings: SmallNumberSettings): PublishedZrmReport {
  const marks = new Map<string, SuppressionReason>();
  for (const [domain, result] of Object.entries(report.domains)) {
    if (isSmallCount(result.n, settings.minCount)) marks.set(pointer('domains', domain, 'n'), 'small');
    if (!tooFewObservations(result.n, settings.minObservations)) continue;
    for (const statistic of ZRM_STATISTICS) if (result[statistic] !== null) marks.set(pointer('domains', domain, statistic), 'few_observations');
  }
  return publish(report, marks, settings);
}
