// The analyst's Uitstroom reports of one year as one family (docs/small-numbers.md): the report of
// the organisation and of every team. A cell is what it counts, wherever it is shown: team West's
// figure in the organisation's report is the same cell as in West's own report. The identities:
// - months add up to the year (every measure counts a registration, a client in a case, or a case
//   once, in one month: flow-rules.ts);
// - the teams add up to the organisation, cell by cell (a registration and a case have one team);
// - the sums of days behind a mean (the mean times its number) add up likewise; a mean over fewer
//   than minObservations is not shown, and its sum must not follow from the others either (as the
//   ZRM report's means: report-suppression.ts);
// - nested counts: the clients measured from the first meeting are among those measured from the
//   registration, the clients moved on to maatwerk among those met; the difference is a population
//   nobody publishes, protected like one.
// Stocks at a month end (waiting for a start, longer than three months) have no identity over time.
// But the cases over three months are among the open cases at that moment, the annual report's
// stock of open cases (its running cases minus those closed, at a month end; today's for the current
// month), which the annual family may let follow: the open cases within three months of their first
// meeting or without one are that stock minus the cases over three months, a population nobody
// publishes. Here every stock counts as known (whether the annual family hides it or not) unless it
// is itself a count of 1–4 (which the annual family never lets follow), and the difference is
// protected like the others: where it is 1–4, the cases over three months are hidden.
// A median is shown over at least minObservations clients; a share only where both its counts are
// shown and its denominator reaches minObservations (a share and one count give the other away).
// Suppression runs once over the family (family-suppression.ts); each request gets its slice.
// Pure: no I/O.
import { FamilyModel, suppressFamily } from './family-suppression';
import { FLOW_ROADS, FLOW_STARTS, FLOW_TRIAGE_OUTCOMES, type FlowCounted, type MonthsAndYear } from './flow-rules';
import type { FlowReport, FlowReportScope, PublishedFlowReport } from './flow-report.schemas';
import { publishWithMarks } from './report-suppression';
import { pointer, tooFewObservations, type SmallNumberSettings, type SuppressionReason } from './small-numbers';

const ORG = 'org';

/** The cells of a count per month and for the year; a month after asOf has none (null). */
interface Series {
  months: (number | null)[];
  year: number | null;
}

export interface FlowFamily {
  year: number;
  asOf: string;
  /** Team codes, in the order of the report. */
  teamCodes: readonly string[];
  organisation: FlowCounted;
  teams: ReadonlyMap<string, FlowCounted>;
}

export interface FlowFamilySuppression {
  /** The organisation's report (null) or a team's, as the analyst receives it. */
  publish(teamCode: string | null): PublishedFlowReport;
}

export function suppressFlowFamily(family: FlowFamily, settings: SmallNumberSettings): FlowFamilySuppression {
  const scopes = [ORG, ...family.teamCodes];
  const counted = (scope: string) => (scope === ORG ? family.organisation : family.teams.get(scope)!);
  const model = new FamilyModel();
  /** `scope|path` → its cells. */
  const series = new Map<string, Series>();
  const few = (n: number) => tooFewObservations(n, settings.minObservations);

  const addCounts = (scope: string, path: string, values: MonthsAndYear): Series => {
    const name = `${scope}|${path}`;
    const months = values.months.map((n, m) => model.add(`${name}|M${String(m).padStart(2, '0')}`, { kind: 'count', value: n }));
    const year = model.add(`${name}|Y`, { kind: 'count', value: values.year });
    model.sum(year, months);
    const cells = { months, year };
    series.set(name, cells);
    return cells;
  };
  const addStock = (scope: string, path: string, values: readonly (number | null)[]): Series => {
    const name = `${scope}|${path}`;
    const cells = { months: values.map((n, m) => (n === null ? null : model.add(`${name}|M${String(m).padStart(2, '0')}`, { kind: 'count', value: n }))), year: null };
    series.set(name, cells);
    return cells;
  };
  /** The annual report's stock of open cases at each month end, and the open cases not over three months in it. */
  const addOpenCases = (scope: string, open: readonly (number | null)[], over: Series, overValues: readonly (number | null)[]) => {
    const stocks = open.map((n, m) =>
      n === null ? null : model.add(`${scope}|openCases|M${String(m).padStart(2, '0')}`, { kind: 'fixed', value: n, hidden: n > 0 && n < settings.minCount }),
    );
    open.forEach((n, m) => {
      if (n === null || stocks[m] === null || over.months[m] === null) return;
      const rest = model.add(`${scope}|openNotOverThreeMonths|M${String(m).padStart(2, '0')}`, { kind: 'virtual', value: n - overValues[m]! });
      model.sum(stocks[m]!, [over.months[m]!, rest]);
    });
    // Not in `series`: no identity over the teams here. A stock counted as known makes its sum over
    // the teams say nothing new; a small one the annual family keeps from following, and the
    // differences add up over the teams as the stocks and the cases over three months do.
  };
  /** `whole` = `part` + what nobody publishes (per month and for the year). */
  const nest = (scope: string, path: string, whole: Series, part: Series, wholeValues: MonthsAndYear, partValues: MonthsAndYear) => {
    const link = (w: number | null, p: number | null, value: number, suffix: string) => {
      if (w === null || p === null) return;
      model.sum(w, [p, model.add(`${scope}|${path}|rest|${suffix}`, { kind: 'virtual', value: Math.max(0, value) })]);
    };
    whole.months.forEach((w, m) => link(w, part.months[m]!, wholeValues.months[m]! - partValues.months[m]!, `M${String(m).padStart(2, '0')}`));
    link(whole.year, part.year, wholeValues.year - partValues.year, 'Y');
  };
  /** The sums of days behind the means: known while the mean and its count are shown. */
  const addDaySums = (scope: string, path: string, sums: MonthsAndYear, n: MonthsAndYear, nCells: Series): Series => {
    const name = `${scope}|${path}|days`;
    const cell = (value: number, count: number, nCell: number | null, suffix: string) =>
      count === 0
        ? model.add(`${name}|${suffix}`, { kind: 'fixed', value: 0, hidden: false })
        : model.add(`${name}|${suffix}`, { kind: 'derived', value, dependsOn: nCell === null ? [] : [nCell], hidden: few(count), protect: true });
    const months = sums.months.map((value, m) => cell(value, n.months[m]!, nCells.months[m]!, `M${String(m).padStart(2, '0')}`));
    const year = cell(sums.year, n.year, nCells.year, 'Y');
    model.equation([[year, -1], ...months.map((id) => [id, 1] as const)]);
    const cells = { months, year };
    series.set(name, cells);
    return cells;
  };

  for (const scope of scopes) {
    const { scope: figures, daySums, openCases } = counted(scope);
    for (const outcome of FLOW_TRIAGE_OUTCOMES) addCounts(scope, `triage|${outcome}`, figures.triage[outcome]);
    for (const road of FLOW_ROADS) {
      const cells = FLOW_STARTS.map((start) => {
        const path = `${road}|${start}`;
        const n = addCounts(scope, `${path}|n`, figures[road][start].n);
        addDaySums(scope, path, daySums[road][start], figures[road][start].n, n);
        return n;
      });
      nest(scope, `${road}|withoutFirstMeeting`, cells[0]!, cells[1]!, figures[road].fromRegistration.n, figures[road].fromFirstMeeting.n);
    }
    addStock(scope, 'waitingForStart', figures.waitingForStart.months);
    const met = addCounts(scope, 'toMaatwerk|met', figures.toMaatwerk.met);
    const granted = addCounts(scope, 'toMaatwerk|granted', figures.toMaatwerk.granted);
    nest(scope, 'toMaatwerk|notGranted', met, granted, figures.toMaatwerk.met, figures.toMaatwerk.granted);
    const over = addStock(scope, 'overThreeMonths', figures.overThreeMonths.months);
    addOpenCases(scope, openCases, over, figures.overThreeMonths.months);
  }

  // The teams add up to the organisation, cell by cell (counts and sums of days).
  for (const [name, org] of series) {
    if (!name.startsWith(`${ORG}|`)) continue;
    const path = name.slice(ORG.length + 1);
    const members = family.teamCodes.map((team) => series.get(`${team}|${path}`)!);
    const derived = path.endsWith('|days');
    const across = (total: number | null, cells: (number | null)[]) => {
      if (total === null || cells.some((c) => c === null)) return;
      if (derived) model.equation([[total, -1], ...cells.map((c) => [c!, 1] as const)]);
      else model.sum(total, cells as number[]);
    };
    org.months.forEach((total, m) => across(total, members.map((s) => s.months[m]!)));
    across(org.year, members.map((s) => s.year));
  }

  const marks = suppressFamily(model, settings.minCount);

  const exact = (teamCode: string | null): FlowReport => {
    const teams = teamCode === null ? family.teamCodes : [teamCode];
    return {
      year: family.year,
      asOf: family.asOf,
      team: teamCode,
      total: counted(teamCode ?? ORG).scope,
      teams: Object.fromEntries(teams.map((code) => [code, counted(code).scope])),
    };
  };

  return {
    publish(teamCode) {
      const report = exact(teamCode);
      const reasons = new Map<string, SuppressionReason>();
      const markCell = (at: string, cell: number | null) => {
        const reason = cell === null ? undefined : marks.get(cell);
        if (reason) reasons.set(at, reason);
      };
      const markSeries = (base: (string | number)[], name: string) => {
        const cells = series.get(name)!;
        cells.months.forEach((cell, m) => markCell(pointer(...base, 'months', m), cell));
        if (cells.year !== null) markCell(pointer(...base, 'year'), cells.year);
      };
      const markScope = (base: (string | number)[], scope: string, figures: FlowReportScope) => {
        for (const outcome of FLOW_TRIAGE_OUTCOMES) markSeries([...base, 'triage', outcome], `${scope}|triage|${outcome}`);
        for (const road of FLOW_ROADS) {
          for (const start of FLOW_STARTS) {
            const at = [...base, road, start];
            const path = `${scope}|${road}|${start}`;
            markSeries([...at, 'n'], `${path}|n`);
            const sums = series.get(`${path}|days`)!;
            const d = figures[road][start];
            const statistic = (period: (string | number)[], n: number, sumCell: number | null, median: number | null, mean: number | null) => {
              if (few(n)) {
                if (median !== null) reasons.set(pointer(...at, 'medianDays', ...period), 'few_observations');
                if (mean !== null) reasons.set(pointer(...at, 'meanDays', ...period), 'few_observations');
              } else if (mean !== null && sumCell !== null && marks.has(sumCell)) reasons.set(pointer(...at, 'meanDays', ...period), 'secondary');
            };
            d.n.months.forEach((n, m) => statistic(['months', m], n, sums.months[m]!, d.medianDays.months[m]!, d.meanDays.months[m]!));
            statistic(['year'], d.n.year, sums.year, d.medianDays.year, d.meanDays.year);
          }
        }
        markSeries([...base, 'waitingForStart'], `${scope}|waitingForStart`);
        markSeries([...base, 'toMaatwerk', 'met'], `${scope}|toMaatwerk|met`);
        markSeries([...base, 'toMaatwerk', 'granted'], `${scope}|toMaatwerk|granted`);
        const met = series.get(`${scope}|toMaatwerk|met`)!;
        const granted = series.get(`${scope}|toMaatwerk|granted`)!;
        const shareOf = (period: (string | number)[], metValue: number, metCell: number | null, grantedCell: number | null, value: number | null) => {
          if (value === null) return;
          const at = pointer(...base, 'toMaatwerk', 'sharePct', ...period);
          if (few(metValue)) reasons.set(at, 'few_observations');
          else if ((metCell !== null && marks.has(metCell)) || (grantedCell !== null && marks.has(grantedCell))) reasons.set(at, 'secondary');
        };
        const t = figures.toMaatwerk;
        t.met.months.forEach((n, m) => shareOf(['months', m], n, met.months[m]!, granted.months[m]!, t.sharePct.months[m]!));
        shareOf(['year'], t.met.year, met.year, granted.year, t.sharePct.year);
        markSeries([...base, 'overThreeMonths'], `${scope}|overThreeMonths`);
      };
      markScope(['total'], teamCode ?? ORG, report.total);
      for (const [code, figures] of Object.entries(report.teams)) markScope(['teams', code], code, figures);
      return publishWithMarks<FlowReport, PublishedFlowReport>(report, reasons, settings);
    },
  };
}
