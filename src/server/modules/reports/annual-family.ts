// The analyst's annual reports of one year as one family (docs/small-numbers.md): the report of
// the year and of 1 January up to each quarter, for the organisation and every team (4 × (1 +
// teams) variants). A cell is what it counts, wherever it is shown: a month of the year report is
// the same cell in the quarterly reports, a team's row of the organisation's report the same cell
// as in the team's own report. The identities of the definitions link the cells:
// - months add up to quarters, quarters to every cut-off (the "year" of a quarterly report);
// - running cases = the stock of open cases at the start of the period + cases started in it
//   = the stock at its end + cases closed in it (stocks: unpublished cells; the stock on 1 January
//   is shared with the year before, and for this year the stock at its end is today's, shown on
//   the Cijfers page: their suppression is decided once, by stockSuppression);
// - distinct counts (unique clients, clients with a new provision) per cut-off: the cut-off before
//   plus the clients a later cut-off adds (an unpublished cell); marks and responses likewise;
// - referrers add up to started cases, close-reason buckets to closed cases, providers and
//   products of a category to the same (unpublished) category total; marks to the responses, and
//   the marks weighted by their value to the mean times the responses (when both are shown);
// - the teams add up to the organisation, cell by cell (distinct clients per outcome and with a
//   new provision nearly: a client is rarely counted for two teams or quarters; taken as adding up).
// Suppression runs once over all of them (family-suppression.ts); each request gets its slice, so
// every variant shows or hides a cell alike. Means whose observations are not published (days to
// the first meeting, the share of "ja") are cells of their own, hidden under minObservations.
// Pure: no I/O.
import type { AnnualFamily } from './annual-report';
import { FamilyModel, stockSuppression, suppressFamily } from './family-suppression';
import type { AnnualReport, PublishedAnnualReport } from './reports.schemas';
import { publishWithMarks } from './report-suppression';
import { pointer, tooFewObservations, type SmallNumberSettings, type SuppressionReason } from './small-numbers';

const ORG = 'org';
const QUARTERS = [1, 2, 3, 4] as const;

interface PeriodCounts {
  months?: number[];
  quarters: number[];
  year: number;
}

/**
 * The cells of one row of a table (a measure of a scope): per month (when the table has months),
 * per quarter, and per cut-off: `windows[q − 1]` is 1 January up to the end of quarter q (for
 * quarter 1 the same cell as the first quarter).
 */
interface Series {
  months: number[] | null;
  quarters: number[];
  windows: number[];
}

/** Where a report shows a row of counts, read from any variant's report object. */
type RowOf = (report: AnnualReport) => PeriodCounts;

export interface AnnualFamilySuppression {
  /** The variant as the analyst receives it. */
  publish(quarter: number, teamCode: string | null): PublishedAnnualReport;
}

export function suppressAnnualFamily(family: AnnualFamily, settings: SmallNumberSettings): AnnualFamilySuppression {
  const teams = family.codeLists.teams.map((t) => t.code);
  const scopes = [ORG, ...teams];
  const report = (quarter: number, scope: string) => family.variant(quarter, scope === ORG ? null : scope).report;
  const model = new FamilyModel();
  /** Every row of every scope: `scope|path` → its cells. */
  const series = new Map<string, Series>();

  /**
   * Distinct clients do not add up over quarters: each cut-off holds the one before plus the
   * clients it adds, a population nobody publishes.
   */
  const linkCutoffs = (name: string, windows: readonly number[]) => {
    for (const q of [2, 3, 4]) {
      const added = model.add(`${name}|N${q}`, { kind: 'virtual', value: model.cells[windows[q - 1]!]!.value - model.cells[windows[q - 2]!]!.value });
      model.sum(windows[q - 1]!, [windows[q - 2]!, added]);
    }
  };
  /**
   * The cells of a row of counts, with its values from the variants of every cut-off. `link`: how
   * its periods hang together: counts that add up over time, distinct clients (linkCutoffs), or
   * running cases (through the stocks, below).
   */
  const addSeries = (scope: string, path: string, rowOf: RowOf, link: 'additive' | 'distinct' | 'running' = 'additive'): Series => {
    const name = `${scope}|${path}`;
    const full = rowOf(report(4, scope));
    const months = full.months ? full.months.map((n, i) => model.add(`${name}|M${i}`, { kind: 'count', value: n })) : null;
    const quarters = full.quarters.map((n, j) => model.add(`${name}|Q${j}`, { kind: 'count', value: n }));
    const windows = [quarters[0]!, ...[2, 3].map((q) => model.add(`${name}|C${q}`, { kind: 'count', value: rowOf(report(q, scope)).year })), model.add(`${name}|C4`, { kind: 'count', value: full.year })];
    const cells = { months, quarters, windows };
    series.set(name, cells);
    if (link === 'additive') {
      // Months add up to quarters, quarters to every cut-off.
      if (months) for (let j = 0; j < 4; j++) model.sum(quarters[j]!, months.slice(3 * j, 3 * j + 3));
      for (const q of [2, 3, 4]) model.sum(windows[q - 1]!, quarters.slice(0, q));
    } else if (link === 'distinct') linkCutoffs(name, windows);
    return cells;
  };
  /** A count shown per cut-off only (clients with a new provision, marks): linked as in linkCutoffs. */
  const addCutoffs = (scope: string, path: string, valueOf: (r: AnnualReport) => number): number[] => {
    const name = `${scope}|${path}`;
    const windows = QUARTERS.map((q) => model.add(`${name}|C${q}`, { kind: 'count', value: valueOf(report(q, scope)) }));
    linkCutoffs(name, windows);
    series.set(name, { months: null, quarters: [], windows });
    return windows;
  };

  // Stocks of open cases at the start of each month (0: 1 January; 12: 1 January of the next year).
  const stockValue = (scope: string, month: number) => {
    const { running, started, closed } = report(4, scope).cases;
    return month === 0 ? running.months[0]! - started.months[0]! : running.months[month - 1]! - closed.months[month - 1]!;
  };
  const stocks = new Map<string, number[]>(scopes.map((scope) => [scope, []]));
  for (const month of [0, 12]) {
    const values = new Map(scopes.map((scope) => [scope, stockValue(scope, month)]));
    const hidden = stockSuppression(values, ORG, settings.minCount);
    for (const scope of scopes) stocks.get(scope)![month] = model.add(`${scope}|stock|${month}`, { kind: 'fixed', value: values.get(scope)!, hidden: hidden.has(scope) });
  }

  const markSums = new Map<string, number[]>();
  for (const scope of scopes) {
    const full = report(4, scope);
    const s = (path: string, rowOf: RowOf) => addSeries(scope, path, rowOf);
    const started = s('started', (r) => r.cases.started);
    const running = addSeries(scope, 'running', (r) => r.cases.running, 'running');
    const closed = s('closed', (r) => r.cases.closed);
    const stock = stocks.get(scope)!;
    for (let month = 1; month < 12; month++) stock[month] = model.add(`${scope}|stock|${month}`, { kind: 'virtual', value: stockValue(scope, month) });
    const runs = (cell: number, begin: number, end: number, startedCell: number, closedCell: number) => {
      model.sum(cell, [stock[begin]!, startedCell]);
      model.sum(cell, [stock[end]!, closedCell]);
    };
    for (let i = 0; i < 12; i++) runs(running.months![i]!, i, i + 1, started.months![i]!, closed.months![i]!);
    for (let j = 0; j < 4; j++) runs(running.quarters[j]!, 3 * j, 3 * j + 3, started.quarters[j]!, closed.quarters[j]!);
    for (const q of [2, 3, 4]) runs(running.windows[q - 1]!, 0, 3 * q, started.windows[q - 1]!, closed.windows[q - 1]!);

    addSeries(scope, 'unique_clients', (r) => r.unique_clients, 'distinct');

    const codeTable = (table: 'started_by_referrer' | 'closed_by_reason', total: Series) => {
      const rows = Object.keys(full[table]).map((code) => s(`${table}|${code}`, (r) => r[table][code]!));
      for (let j = 0; j < 4; j++) model.sum(total.quarters[j]!, rows.map((row) => row.quarters[j]!));
      for (const q of [2, 3, 4]) model.sum(total.windows[q - 1]!, rows.map((row) => row.windows[q - 1]!));
    };
    codeTable('started_by_referrer', started);
    codeTable('closed_by_reason', closed);
    for (const code of Object.keys(full.clients_by_outcome)) s(`clients_by_outcome|${code}`, (r) => r.clients_by_outcome[code]!);

    const categories = new Set([...Object.keys(full.provisions.new_by_provider), ...Object.keys(full.provisions.new_by_product)]);
    for (const category of categories) {
      const rows = (by: 'new_by_provider' | 'new_by_product') => Object.keys(full.provisions[by][category] ?? {}).map((code) => s(`${by}|${category}|${code}`, (r) => r.provisions[by][category]![code]!));
      const providers = rows('new_by_provider');
      const products = rows('new_by_product');
      // The category total nobody publishes: the same by provider and by product.
      const cells = (pick: (row: Series) => number) => [providers.map(pick), products.map(pick)] as const;
      const periods: [string, (row: Series) => number][] = [...[0, 1, 2, 3].map((j): [string, (row: Series) => number] => [`Q${j}`, (row) => row.quarters[j]!]), ...[2, 3, 4].map((q): [string, (row: Series) => number] => [`C${q}`, (row) => row.windows[q - 1]!])];
      const totals: Series = { months: null, quarters: [], windows: [] };
      for (const [period, pick] of periods) {
        const [byProvider, byProduct] = cells(pick);
        const total = model.add(`${scope}|provisions|${category}|${period}`, { kind: 'virtual', value: byProvider.reduce((sum, id) => sum + model.cells[id]!.value, 0) });
        model.sum(total, byProvider);
        model.sum(total, byProduct);
        if (period.startsWith('Q')) totals.quarters.push(total);
        else totals.windows.push(total);
      }
      totals.windows.unshift(totals.quarters[0]!);
      series.set(`${scope}|provisions|${category}`, totals);
    }
    s('extensions', (r) => r.provisions.extensions);
    addCutoffs(scope, 'clients_with_new_provision', (r) => r.provisions.clients_with_new_provision.year);

    const marks = Object.keys(full.satisfaction.distribution);
    const markCells = marks.map((mark) => addCutoffs(scope, `marks|${mark}`, (r) => r.satisfaction.distribution[mark]!));
    const responses = addCutoffs(scope, 'responses', (r) => r.satisfaction.responses);
    const sums: number[] = [];
    for (const q of QUARTERS) {
      model.sum(responses[q - 1]!, markCells.map((cells) => cells[q - 1]!));
      const { satisfaction } = report(q, scope);
      const sum = model.add(`${scope}|mark_sum|C${q}`, {
        kind: 'derived',
        value: marks.reduce((total, mark) => total + Number(mark) * satisfaction.distribution[mark]!, 0),
        dependsOn: [responses[q - 1]!],
        hidden: satisfaction.mean === null || tooFewObservations(satisfaction.responses, settings.minObservations),
        protect: false,
      });
      model.equation([[sum, -1], ...marks.map((mark, m) => [markCells[m]![q - 1]!, Number(mark)] as const)]);
      sums.push(sum);
    }
    markSums.set(scope, sums);
    for (const type of Object.keys(full.zrm)) s(`zrm|${type}`, (r) => r.zrm[type]!);
  }

  // The teams add up to the organisation, cell by cell.
  const across = (org: readonly number[], members: (readonly number[])[]) => org.forEach((total, i) => model.sum(total, members.map((cells) => cells[i]!)));
  for (const [name, org] of series) {
    if (!name.startsWith(`${ORG}|`)) continue;
    const path = name.slice(ORG.length + 1);
    // A code no team has in its report (a provider name) is zero there.
    const members = teams.map((team) => series.get(`${team}|${path}`)).filter((row): row is Series => row !== undefined);
    if (org.months) across(org.months, members.map((row) => row.months!));
    across(org.quarters, members.map((row) => row.quarters));
    across(org.windows.slice(org.quarters.length > 0 ? 1 : 0), members.map((row) => row.windows.slice(org.quarters.length > 0 ? 1 : 0)));
  }
  for (let month = 0; month <= 12; month++) model.sum(stocks.get(ORG)![month]!, teams.map((team) => stocks.get(team)![month]!));
  markSums.get(ORG)!.forEach((sum, i) => model.equation([[sum, -1], ...teams.map((team) => [markSums.get(team)![i]!, 1] as const)]));

  const marks = suppressFamily(model, settings.minCount);

  return {
    publish(quarter, teamCode) {
      const scope = teamCode ?? ORG;
      const { report: published, observations } = family.variant(quarter, teamCode);
      const reasons = new Map<string, SuppressionReason>();
      const mark = (at: string, cell: number) => {
        const reason = marks.get(cell);
        if (reason) reasons.set(at, reason);
      };
      const row = (base: (string | number)[], name: string) => {
        const cells = series.get(name)!;
        if (cells.months) for (let i = 0; i < 3 * quarter; i++) mark(pointer(...base, 'months', i), cells.months[i]!);
        for (let j = 0; j < quarter; j++) mark(pointer(...base, 'quarters', j), cells.quarters[j]!);
        mark(pointer(...base, 'year'), cells.windows[quarter - 1]!);
      };
      for (const measure of ['started', 'running', 'closed'] as const) row(['cases', measure], `${scope}|${measure}`);
      for (const team of Object.keys(published.teams)) {
        for (const measure of ['started', 'running', 'closed', 'unique_clients'] as const) row(['teams', team, measure], `${team}|${measure}`);
      }
      row(['unique_clients'], `${scope}|unique_clients`);
      for (const table of ['started_by_referrer', 'closed_by_reason', 'clients_by_outcome'] as const) {
        for (const code of Object.keys(published[table])) row([table, code], `${scope}|${table}|${code}`);
      }
      for (const by of ['new_by_provider', 'new_by_product'] as const) {
        for (const [category, items] of Object.entries(published.provisions[by])) for (const code of Object.keys(items)) row(['provisions', by, category, code], `${scope}|${by}|${category}|${code}`);
      }
      row(['provisions', 'extensions'], `${scope}|extensions`);
      mark(pointer('provisions', 'clients_with_new_provision', 'year'), series.get(`${scope}|clients_with_new_provision`)!.windows[quarter - 1]!);
      for (const markValue of Object.keys(published.satisfaction.distribution)) mark(pointer('satisfaction', 'distribution', markValue), series.get(`${scope}|marks|${markValue}`)!.windows[quarter - 1]!);
      mark(pointer('satisfaction', 'responses'), series.get(`${scope}|responses`)!.windows[quarter - 1]!);
      for (const type of Object.keys(published.zrm)) row(['zrm', type], `${scope}|zrm|${type}`);

      // Means: per location and month of registration, per quarter and the window over all locations.
      const few = (n: number) => tooFewObservations(n, settings.minObservations);
      const casesWhere = (keep: (row: (typeof observations.firstMeetings)[number]) => boolean) => observations.firstMeetings.filter(keep).reduce((sum, r) => sum + r.cases, 0);
      for (const location of Object.keys(published.days_to_first_meeting.by_location)) {
        for (let month = 1; month <= 12; month++) {
          if (few(casesWhere((r) => r.location === location && r.month === month))) reasons.set(pointer('days_to_first_meeting', 'by_location', location, 'months', month - 1), 'few_observations');
        }
      }
      for (let q = 1; q <= 4; q++) {
        if (few(casesWhere((r) => Math.ceil(r.month / 3) === q))) reasons.set(pointer('days_to_first_meeting', 'quarters', q - 1), 'few_observations');
      }
      if (few(casesWhere(() => true))) reasons.set(pointer('days_to_first_meeting', 'year'), 'few_observations');
      if (few(published.satisfaction.responses)) reasons.set(pointer('satisfaction', 'mean'), 'few_observations');
      else if (marks.has(markSums.get(scope)![quarter - 1]!)) reasons.set(pointer('satisfaction', 'mean'), 'secondary');
      if (few(observations.canContinueAnswered)) reasons.set(pointer('satisfaction', 'can_continue_alone_pct'), 'few_observations');
      return publishWithMarks<AnnualReport, PublishedAnnualReport>(published, reasons, settings);
    },
  };
}
