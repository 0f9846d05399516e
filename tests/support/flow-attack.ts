// An attacker on the analyst's Uitstroom reports (the organisation's and every team's of one year),
// for the tests. It writes down, from the definitions (src/server/modules/reports/flow-rules.ts, the
// header) and not from the suppression under test, every linear identity between their cells:
// months add up to the year, teams to the organisation, the clients measured from the first
// meeting are among those measured from the registration, the clients granted among those met, a
// mean times its number is a sum of days that adds up the same way, and a share with one of its
// counts gives the other. Published cells are known, suppressed ones and the populations nobody
// publishes unknown; exact elimination (linear-attack.ts) tells which unknowns follow.
import { analyse, type SparseRow } from '../../src/server/modules/reports/linear-attack';
import { FLOW_ROADS, FLOW_STARTS, FLOW_TRIAGE_OUTCOMES } from '../../src/server/modules/reports/flow-rules';
import type { FlowReport, FlowReportScope, PublishedFlowReport } from '../../src/server/modules/reports/flow-report.schemas';

export interface FlowVariant {
  /** null: the organisation's report. */
  team: string | null;
  published: PublishedFlowReport;
  exact: FlowReport;
}

interface Cell {
  known: boolean;
  suppressed: boolean;
  virtual: boolean;
  /** The sum of days behind a hidden mean: it must not follow. */
  protectedSum: boolean;
  exact: number;
  where: string;
}

export interface FlowAttackResult {
  leaks: string[];
  /** Published counts of 1 up to minCount − 1. */
  smallPublished: string[];
  /** Published values that differ from the exact ones. */
  wrong: string[];
  unknowns: number;
}

const PERIODS = [...Array.from({ length: 12 }, (_, m) => `M${m}`), 'Y'];

/**
 * Where the identities are written: a cell (published: a number, null when suppressed, undefined
 * when this variant does not show it), a population nobody publishes, and Σ coefficient·cell = 0.
 */
export interface FlowSink {
  cell(key: string, published: number | null | undefined, exact: number, where: string, options?: { count?: boolean; protect?: boolean }): void;
  virtual(key: string, exact: number): void;
  equation(terms: [string, number][]): void;
}

/**
 * Every cell of the variants and every identity between them, keys prefixed with `prefix` (scope
 * `org` or a team code, then the path and the period M0..M11 or Y).
 */
export function writeFlowIdentities(variants: readonly FlowVariant[], sink: FlowSink, prefix = ''): void {
  const cell = (key: string, published: number | null | undefined, exact: number, where: string, options: { count?: boolean; protect?: boolean } = {}) => {
    written.add(key);
    sink.cell(`${prefix}${key}`, published, exact, where, options);
  };
  const virtual = (key: string, exact: number) => {
    written.add(key);
    sink.virtual(`${prefix}${key}`, exact);
  };
  const equation = (terms: [string, number][]) => sink.equation(terms.map(([key, c]) => [`${prefix}${key}`, c]));
  const sum = (total: string, members: string[]) => equation([[total, -1], ...members.map((m): [string, number] => [m, 1])]);
  /** The keys written so far (without the prefix). */
  const written = new Set<string>();
  const periodValues = <T>(values: { months: T[]; year: T }) => [...values.months, values.year];
  const scopeCells = (s: string, where: string, p: PublishedFlowReport['total'], e: FlowReportScope) => {
    const counts = (path: string, pv: { months: (number | null)[]; year: number | null }, ev: { months: number[]; year: number }) => {
      const published = periodValues(pv);
      periodValues(ev).forEach((value, i) => cell(`${s}|${path}|${PERIODS[i]}`, published[i], value, `${where}/${path}/${PERIODS[i]}`));
    };
    for (const o of FLOW_TRIAGE_OUTCOMES) counts(`triage/${o}`, p.triage[o], e.triage[o]);
    for (const road of FLOW_ROADS) {
      for (const start of FLOW_STARTS) {
        const path = `${road}/${start}`;
        counts(`${path}/n`, p[road][start].n, e[road][start].n);
        const pMeans = periodValues(p[road][start].meanDays);
        const eMeans = periodValues(e[road][start].meanDays);
        const pN = periodValues(p[road][start].n);
        const eN = periodValues(e[road][start].n);
        eMeans.forEach((mean, i) => {
          // The sum of days, known where the mean and its number are both shown.
          const exactSum = mean === null ? 0 : Math.round(mean * eN[i]!);
          const shown = pMeans[i] !== null && pN[i] !== null;
          cell(`${s}|${path}/days|${PERIODS[i]}`, shown ? exactSum : mean !== null && pMeans[i] === null ? null : mean === null ? 0 : undefined, exactSum, `${where}/${path}/mean × n/${PERIODS[i]}`, {
            count: false,
            protect: true,
          });
        });
      }
    }
    const stock = (path: string, pv: (number | null)[], ev: (number | null)[]) =>
      ev.forEach((value, m) => {
        if (value !== null) cell(`${s}|${path}|M${m}`, pv[m], value, `${where}/${path}/M${m}`);
      });
    stock('waitingForStart', p.waitingForStart.months, e.waitingForStart.months);
    stock('overThreeMonths', p.overThreeMonths.months, e.overThreeMonths.months);
    counts('toMaatwerk/met', p.toMaatwerk.met, e.toMaatwerk.met);
    counts('toMaatwerk/granted', p.toMaatwerk.granted, e.toMaatwerk.granted);
    // A shown share with one shown count gives the other.
    const share = periodValues(p.toMaatwerk.sharePct);
    const met = periodValues(p.toMaatwerk.met);
    const granted = periodValues(p.toMaatwerk.granted);
    share.forEach((pct, i) => {
      if (pct === null) return;
      if (met[i] !== null) cell(`${s}|toMaatwerk/granted|${PERIODS[i]}`, periodValues(e.toMaatwerk.granted)[i], periodValues(e.toMaatwerk.granted)[i]!, `${where}/share × met/${PERIODS[i]}`);
      if (granted[i] !== null && granted[i]! > 0) cell(`${s}|toMaatwerk/met|${PERIODS[i]}`, periodValues(e.toMaatwerk.met)[i], periodValues(e.toMaatwerk.met)[i]!, `${where}/granted ÷ share/${PERIODS[i]}`);
    });
  };

  const org = variants.find((v) => v.team === null)!;
  const teams = Object.keys(org.exact.teams);
  for (const v of variants) {
    const where = `${v.team ?? 'org'}:`;
    scopeCells(v.team ?? 'org', `${where} /total`, v.published.total, v.exact.total);
    for (const [code, exact] of Object.entries(v.exact.teams)) scopeCells(code, `${where} /teams/${code}`, v.published.teams[code]!, exact);
  }

  const additive = (s: string, path: string) => sum(`${s}|${path}|Y`, PERIODS.slice(0, 12).map((m) => `${s}|${path}|${m}`));
  const e = (s: string) => (s === 'org' ? org.exact.total : org.exact.teams[s]!);
  for (const s of ['org', ...teams]) {
    for (const o of FLOW_TRIAGE_OUTCOMES) additive(s, `triage/${o}`);
    for (const road of FLOW_ROADS) {
      for (const start of FLOW_STARTS) {
        additive(s, `${road}/${start}/n`);
        additive(s, `${road}/${start}/days`);
      }
      const whole = periodValues(e(s)[road].fromRegistration.n);
      const part = periodValues(e(s)[road].fromFirstMeeting.n);
      PERIODS.forEach((period, i) => {
        virtual(`${s}|${road}/rest|${period}`, whole[i]! - part[i]!);
        sum(`${s}|${road}/fromRegistration/n|${period}`, [`${s}|${road}/fromFirstMeeting/n|${period}`, `${s}|${road}/rest|${period}`]);
      });
    }
    additive(s, 'toMaatwerk/met');
    additive(s, 'toMaatwerk/granted');
    const met = periodValues(e(s).toMaatwerk.met);
    const granted = periodValues(e(s).toMaatwerk.granted);
    PERIODS.forEach((period, i) => {
      virtual(`${s}|toMaatwerk/rest|${period}`, met[i]! - granted[i]!);
      sum(`${s}|toMaatwerk/met|${period}`, [`${s}|toMaatwerk/granted|${period}`, `${s}|toMaatwerk/rest|${period}`]);
    });
  }
  // The organisation is the sum of its teams, cell by cell.
  for (const key of [...written]) {
    if (!key.startsWith('org|')) continue;
    const rest = key.slice(4);
    sum(key, teams.map((t) => `${t}|${rest}`));
  }
}

/**
 * `openCases`: the stock of open cases at each month end per scope (`org` or a team code), as the
 * annual report lets it follow; given, the attacker knows it and that the cases over three months
 * are among those open (the rest a population nobody publishes).
 */
export function attackFlow(variants: readonly FlowVariant[], minCount = 5, openCases?: ReadonlyMap<string, readonly (number | null)[]>): FlowAttackResult {
  const cells = new Map<string, Cell>();
  const equations: Map<string, number>[] = [];
  const smallPublished: string[] = [];
  const wrong: string[] = [];
  writeFlowIdentities(variants, {
    cell(key, published, exact, where, options = {}) {
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { known: false, suppressed: false, virtual: false, protectedSum: false, exact, where }));
      if (c.exact !== exact) throw new Error(`${key}: ${exact} in ${where}, ${c.exact} in ${c.where}`);
      if (published === null) {
        c.suppressed = true;
        if (options.protect) c.protectedSum = true;
      } else if (published !== undefined) {
        c.known = true;
        if (published !== exact) wrong.push(`${where} = ${published}, exactly ${exact}`);
        if (options.count !== false && published > 0 && published < minCount) smallPublished.push(`${where} = ${published}`);
      }
    },
    virtual(key, exact) {
      if (!cells.has(key)) cells.set(key, { known: false, suppressed: false, virtual: true, protectedSum: false, exact, where: key });
    },
    equation(terms) {
      equations.push(new Map(terms));
    },
  });
  const org = variants.find((v) => v.team === null)!.exact;
  for (const [s, stocks] of openCases ?? []) {
    const over = (s === 'org' ? org.total : org.teams[s]!).overThreeMonths.months;
    stocks.forEach((stock, m) => {
      if (stock === null || over[m] === null) return;
      cells.set(`${s}|openCases|M${m}`, { known: true, suppressed: false, virtual: false, protectedSum: false, exact: stock, where: `${s}|openCases|M${m}` });
      cells.set(`${s}|openNotOverThreeMonths|M${m}`, { known: false, suppressed: false, virtual: true, protectedSum: false, exact: stock - over[m]!, where: `${s}|openNotOverThreeMonths|M${m}` });
      equations.push(new Map([[`${s}|openCases|M${m}`, -1], [`${s}|overThreeMonths|M${m}`, 1], [`${s}|openNotOverThreeMonths|M${m}`, 1]]));
    });
  }

  const unknownIndex = new Map<string, number>();
  for (const [key, c] of cells) if (!c.known) unknownIndex.set(key, unknownIndex.size);
  const rows: SparseRow[] = [];
  for (const eq of equations) {
    for (const key of eq.keys()) if (!cells.has(key)) throw new Error(`an identity names ${key}, which no report has`);
    const row = [...eq].filter(([key]) => unknownIndex.has(key)).map(([key, coefficient]) => [unknownIndex.get(key)!, coefficient] as const);
    if (row.length > 0) rows.push(row);
  }
  const { determined } = analyse({ rows });
  const keys = [...unknownIndex.keys()];
  const leaks: string[] = [];
  for (const [key, c] of cells) if (c.known && c.suppressed) leaks.push(`${key} = ${c.exact}: shown in one place, suppressed in another`);
  for (const column of determined.keys()) {
    const key = keys[column]!;
    const c = cells.get(key)!;
    if (c.protectedSum) leaks.push(`${key} = ${c.exact}: the sum behind a hidden mean follows`);
    else if (c.suppressed) leaks.push(`${key} = ${c.exact}: suppressed, but follows`);
    else if (c.virtual && c.exact > 0 && c.exact < minCount) leaks.push(`${key} = ${c.exact}: a small population follows`);
  }
  return { leaks: leaks.sort(), smallPublished, wrong, unknowns: unknownIndex.size };
}
