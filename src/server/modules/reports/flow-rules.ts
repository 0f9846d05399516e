// The report "Uitstroom" (the road to specialist care) defined once, as pure functions: what counts
// where, from plain rows (flow-report.ts reads them from the database). Also the two rules the team
// page uses: a case running longer than three months, and a toewijzing that is late to start.
// Pure: no I/O; the web app imports the constants.
//
// The unit of a client measure is a client in a case (a pair case × client): a maatwerk request,
// its beschikking and its toewijzingen are about one client of one case, and a case belongs to one
// team, so every measure adds up exactly over the months of the year and over the teams.
//
// Nothing here depends on the order of the rows or on the values of ids (they only join rows).
import type { DecisionOutcome, DeliveryForm } from '../../db/schema/maatwerk';
import { daysBetween } from '../../lib/dates';

/**
 * The triage outcomes of someone the team did not help itself ("who got no help from the team, and
 * where they were sent", essay 004): every outcome except generalist support by the team.
 */
export const FLOW_TRIAGE_OUTCOMES = ['other_team', 'jeugd_gezin', 'social_base', 'specialist', 'out_of_scope'] as const;
export type FlowTriageOutcome = (typeof FLOW_TRIAGE_OUTCOMES)[number];

/** The two ends of the road measured: the beschikking, and the real start of the provision. */
export const FLOW_ROADS = ['toDecision', 'toStart'] as const;
export type FlowRoad = (typeof FLOW_ROADS)[number];
/** Where the days are counted from. */
export const FLOW_STARTS = ['fromRegistration', 'fromFirstMeeting'] as const;
export type FlowStart = (typeof FLOW_STARTS)[number];

/**
 * The werkkader's three months. Werkkader 2013 (seed 000), section 8 "Afbakening in de tijd": the
 * support has no sharp limit in time ("De begeleiding door het buurtteam kent geen scherpe
 * afbakening in de tijd"; some clients need structural support), but the focus is short, in the
 * words of a worker quoted there: "ik kom niet voor drie jaar in je leven maar in principe voor drie
 * maanden. Die focus moeten wij als buurtteam ook hebben: waar mogelijk korte
 * hulpverleningstrajecten." So it is a principle, not a hard norm, and what it measures is the time
 * the worker is in the client's life: from the first meeting (kennismaking), when the support
 * starts, not from the registration (the wait before it has its own norm of 5 days). The werkkader
 * also has the ZRM taken "aan het begin van elk begeleidingstraject, na drie maanden en bij de
 * afronding". Calendar months, as PostgreSQL's `date + interval '3 months'` counts them (31 January
 * + 3 months = 30 April).
 */
export const LONG_RUNNING_MONTHS = 3;

/**
 * A toewijzing not started more than this many days after its start date is late. The provider must send
 * the iWmo 305 within 5 working days of the real start (OP271, docs/iwmo.md §5.3): that is up to 7
 * calendar days, 9 around a public holiday, and messages are exchanged in batches. At 14 days
 * without a 305 either the delivery has not started or the provider did not report it: worth a
 * call, while fewer days would mostly list starts that are on their way.
 */
export const LATE_START_DAYS = 14;

const GRANTED: readonly DecisionOutcome[] = ['toegekend', 'deels_toegekend'];
export function isGranted(outcome: DecisionOutcome | null): boolean {
  return outcome !== null && GRANTED.includes(outcome);
}

/** The date `months` calendar months later; a day the month does not have becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole calendar months from one date to a later one (0 before a month has passed). */
export function wholeMonthsBetween(from: string, to: string): number {
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  while (months > 0 && addMonths(from, months) > to) months--;
  return Math.max(0, months);
}

/** The day three months after the first meeting: a case open after it runs longer than the werkkader's three months. */
export function threeMonthsAfter(firstMeetingOn: string): string {
  return addMonths(firstMeetingOn, LONG_RUNNING_MONTHS);
}

/**
 * A case at the moment `on`: open (registered, not closed on or before it) and more than three
 * months past its first meeting. `after`: threeMonthsAfter(firstMeetingOn), when already known.
 */
export function isLongRunning(
  c: { registeredOn: string; firstMeetingOn: string | null; closedOn: string | null },
  on: string,
  after: string | null = c.firstMeetingOn === null ? null : threeMonthsAfter(c.firstMeetingOn),
): boolean {
  if (c.registeredOn > on || (c.closedOn !== null && c.closedOn <= on)) return false;
  return c.firstMeetingOn !== null && after !== null && c.firstMeetingOn <= on && after < on;
}

/** A toewijzing as the flow rules read it (one link of its chain). */
export interface FlowProvisionRow {
  id: string;
  /** The link it extends (verlenging): null for the first link, the toewijzing itself. */
  extendsProvisionId: string | null;
  caseId: string;
  clientId: string;
  voided: boolean;
  deliveryForm: DeliveryForm | null;
  /** The beschikking it carries out (null: an imported toewijzing). */
  decisionOutcome: DecisionOutcome | null;
  decidedOn: string | null;
  startOn: string;
  endOn: string | null;
  /** The real start the provider reported (iWmo 305), kept on the chain's first link. */
  deliveryStartedOn: string | null;
}

/**
 * A toewijzing (a chain: the first link and its extensions) as one: the first link, and the end of
 * the chain (the latest end of its links that are not voided; null when one is open-ended). A
 * voided first link voids the toewijzing: it counts nowhere, and neither do its extensions.
 */
export interface Toewijzing {
  first: FlowProvisionRow;
  chainEnd: string | null;
}

export function toewijzingen(rows: readonly FlowProvisionRow[]): Toewijzing[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rootOf = (row: FlowProvisionRow): FlowProvisionRow => {
    let link = row;
    const seen = new Set<string>();
    while (link.extendsProvisionId !== null && !seen.has(link.id)) {
      seen.add(link.id);
      const previous = byId.get(link.extendsProvisionId);
      if (!previous) break;
      link = previous;
    }
    return link;
  };
  const chains = new Map<string, Toewijzing>();
  for (const row of rows) {
    const root = rootOf(row);
    if (root.voided || root.extendsProvisionId !== null) continue;
    let chain = chains.get(root.id);
    if (!chain) chains.set(root.id, (chain = { first: root, chainEnd: root.endOn }));
    if (row.voided || row === root) continue;
    if (chain.chainEnd !== null) chain.chainEnd = row.endOn === null || row.endOn > chain.chainEnd ? row.endOn : chain.chainEnd;
  }
  return [...chains.values()];
}

/**
 * Waiting for a start at the moment `on`: a granted toewijzing of zorg in natura (pgb has no start
 * the provider reports), not voided, decided on or before `on`, not started by `on`, and not run
 * out before `on` (the chain's end, extensions included).
 */
export function isWaitingForStart(t: Toewijzing, on: string): boolean {
  const p = t.first;
  if (p.deliveryForm !== 'zin' || !isGranted(p.decisionOutcome) || p.decidedOn === null || p.decidedOn > on) return false;
  if (p.deliveryStartedOn !== null && p.deliveryStartedOn <= on) return false;
  return t.chainEnd === null || t.chainEnd >= on;
}

/** Late to start on `today`: waiting for its start, and its start date more than LATE_START_DAYS days ago. */
export function isLateStart(t: Toewijzing, today: string): boolean {
  return isWaitingForStart(t, today) && daysBetween(t.first.startOn, today) > LATE_START_DAYS;
}

// ---------------------------------------------------------------------------------------------
// The counting

export interface FlowRows {
  /** Registrations with a triage outcome; those registered outside the year, or helped by the team (generalist), are ignored. */
  registrations: readonly { teamId: string; registeredOn: string; triageOutcome: string }[];
  /** Every case the other rows name, and every case that may be open at a month end of the year (met or not). */
  cases: readonly { id: string; teamId: string; registeredOn: string; firstMeetingOn: string | null; closedOn: string | null }[];
  /** The household of the cases with a first meeting in the year. */
  caseClients: readonly { caseId: string; clientId: string }[];
  /** Beschikkingen, with the case and client of their request. */
  decisions: readonly { caseId: string; clientId: string; decidedOn: string; outcome: DecisionOutcome }[];
  provisions: readonly FlowProvisionRow[];
}

export interface FlowPeriod {
  year: number;
  /** The last day the report looks at: 31 December, or today in the current year. */
  asOf: string;
}

/** A count per month and for the year. */
export interface MonthsAndYear {
  months: number[];
  year: number;
}

/** A statistic per month and for the year; null where there is nothing to compute it over. */
export interface StatMonthsAndYear {
  months: (number | null)[];
  year: number | null;
}

export interface FlowDuration {
  /** Clients (per case) whose first beschikking / start fell in the period, with this starting point known and not after it. */
  n: MonthsAndYear;
  medianDays: StatMonthsAndYear;
  meanDays: StatMonthsAndYear;
}

/** The report's figures of one scope (a team, or the organisation). */
export interface FlowScope {
  triage: Record<FlowTriageOutcome, MonthsAndYear>;
  toDecision: Record<FlowStart, FlowDuration>;
  toStart: Record<FlowStart, FlowDuration>;
  /** At the end of each month (or on asOf in its month); null for a month after asOf. */
  waitingForStart: { months: (number | null)[] };
  toMaatwerk: { met: MonthsAndYear; granted: MonthsAndYear; sharePct: StatMonthsAndYear };
  overThreeMonths: { months: (number | null)[] };
}

/**
 * A scope's figures with what the suppression needs besides them: the sums of days behind the
 * means, and the open cases at the end of each month (the annual report's stock of open cases,
 * which holds the cases over three months; null for a month after asOf).
 */
export interface FlowCounted {
  scope: FlowScope;
  daySums: Record<FlowRoad, Record<FlowStart, MonthsAndYear>>;
  openCases: (number | null)[];
}

export interface FlowCounts {
  /** Per team id: every team asked for, and any other a row names. */
  teams: Map<string, FlowCounted>;
  /** The organisation (or, when only one team's rows were given, that team). */
  total: FlowCounted;
}

/** The last day of each month of the year, or asOf within its month; null for a month that starts after asOf. */
export function monthMoments(period: FlowPeriod): (string | null)[] {
  return Array.from({ length: 12 }, (_, m) => {
    const start = `${period.year}-${String(m + 1).padStart(2, '0')}-01`;
    if (start > period.asOf) return null;
    const last = new Date(Date.UTC(period.year, m + 1, 0)).toISOString().slice(0, 10);
    return last < period.asOf ? last : period.asOf;
  });
}

/** Month index (0..11) of a date in the year, or null outside it. */
function monthIn(date: string | null, year: number): number | null {
  if (date === null || Number(date.slice(0, 4)) !== year) return null;
  return Number(date.slice(5, 7)) - 1;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Observations of days, per month of the year (what a duration is computed from). */
type Observations = number[][];

const emptyObservations = (): Observations => Array.from({ length: 12 }, () => []);
const zeros = () => Array<number>(12).fill(0);

/** What is counted per scope before the statistics are computed. */
interface Tally {
  triage: Record<FlowTriageOutcome, number[]>;
  durations: Record<FlowRoad, Record<FlowStart, Observations>>;
  waiting: number[];
  met: number[];
  granted: number[];
  over: number[];
  open: number[];
}

function emptyTally(): Tally {
  const road = () => ({ fromRegistration: emptyObservations(), fromFirstMeeting: emptyObservations() });
  return {
    triage: Object.fromEntries(FLOW_TRIAGE_OUTCOMES.map((o) => [o, zeros()])) as Record<FlowTriageOutcome, number[]>,
    durations: { toDecision: road(), toStart: road() },
    waiting: zeros(),
    met: zeros(),
    granted: zeros(),
    over: zeros(),
    open: zeros(),
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const monthsAndYear = (months: number[]): MonthsAndYear => ({ months, year: sum(months) });

function duration(observations: Observations): { duration: FlowDuration; daySums: MonthsAndYear } {
  const all = observations.flat();
  const mean = (values: number[]) => (values.length === 0 ? null : oneDecimal(sum(values) / values.length));
  return {
    duration: {
      n: monthsAndYear(observations.map((o) => o.length)),
      medianDays: { months: observations.map(median), year: median(all) },
      meanDays: { months: observations.map(mean), year: mean(all) },
    },
    daySums: monthsAndYear(observations.map(sum)),
  };
}

function share(granted: number, met: number): number | null {
  return met === 0 ? null : oneDecimal((granted / met) * 100);
}

function finish(tally: Tally, moments: readonly (string | null)[]): FlowCounted {
  const stock = (counts: number[]) => ({ months: counts.map((n, m) => (moments[m] === null ? null : n)) });
  const road = (r: FlowRoad) => {
    const from = FLOW_STARTS.map((s) => [s, duration(tally.durations[r][s])] as const);
    return {
      figures: Object.fromEntries(from.map(([s, d]) => [s, d.duration])) as Record<FlowStart, FlowDuration>,
      sums: Object.fromEntries(from.map(([s, d]) => [s, d.daySums])) as Record<FlowStart, MonthsAndYear>,
    };
  };
  const toDecision = road('toDecision');
  const toStart = road('toStart');
  const met = monthsAndYear(tally.met);
  const granted = monthsAndYear(tally.granted);
  return {
    scope: {
      triage: Object.fromEntries(FLOW_TRIAGE_OUTCOMES.map((o) => [o, monthsAndYear(tally.triage[o])])) as Record<FlowTriageOutcome, MonthsAndYear>,
      toDecision: toDecision.figures,
      toStart: toStart.figures,
      waitingForStart: stock(tally.waiting),
      toMaatwerk: { met, granted, sharePct: { months: met.months.map((n, m) => share(granted.months[m]!, n)), year: share(granted.year, met.year) } },
      overThreeMonths: stock(tally.over),
    },
    daySums: { toDecision: toDecision.sums, toStart: toStart.sums },
    openCases: stock(tally.open).months,
  };
}

/** Adds one tally into another (the organisation as the union of its teams). */
function addInto(total: Tally, part: Tally): void {
  const add = (into: number[], from: readonly number[]) => from.forEach((n, m) => (into[m]! += n));
  for (const o of FLOW_TRIAGE_OUTCOMES) add(total.triage[o], part.triage[o]);
  for (const r of FLOW_ROADS) for (const s of FLOW_STARTS) part.durations[r][s].forEach((values, m) => total.durations[r][s][m]!.push(...values));
  add(total.waiting, part.waiting);
  add(total.met, part.met);
  add(total.granted, part.granted);
  add(total.over, part.over);
  add(total.open, part.open);
}

/**
 * The report's figures per team and for the whole, from the rows. The definitions:
 * - triage: registrations of the team registered in the month, per triage outcome other than
 *   generalist support (a registration passed to another team counts there again with its outcome);
 * - toDecision: per client of a case, the first beschikking on a request for that client in that
 *   case (whatever its outcome), counted in the month it was decided; the days from the case's
 *   registration and from its first meeting (only where the first meeting is known and not after
 *   the beschikking);
 * - toStart: likewise the first real start (iWmo 305) of a toewijzing of that client in that case,
 *   not voided; an extension is the same toewijzing and has no start of its own;
 * - waitingForStart: clients (per case) with a toewijzing waiting for its start (isWaitingForStart)
 *   at the end of the month (or on asOf in its month);
 * - toMaatwerk: clients of the household of cases whose first meeting fell in the month (met), and
 *   of them those with a granted beschikking in that case decided by asOf (granted), and the share;
 * - overThreeMonths: cases open at the end of the month and more than three months past their first
 *   meeting (isLongRunning); a case without a first meeting is not counted;
 * - and for the suppression (not published here): the open cases at the end of the month, met or
 *   not (registered on or before it, not closed on or before it: the annual report's stock).
 */
export function countFlow(rows: FlowRows, period: FlowPeriod, teamIds: readonly string[] = []): FlowCounts {
  const { year } = period;
  const moments = monthMoments(period);
  const tallies = new Map<string, Tally>(teamIds.map((id) => [id, emptyTally()]));
  const tallyOf = (teamId: string) => {
    let tally = tallies.get(teamId);
    if (!tally) tallies.set(teamId, (tally = emptyTally()));
    return tally;
  };
  const casesById = new Map(rows.cases.map((c) => [c.id, c]));

  for (const r of rows.registrations) {
    const m = monthIn(r.registeredOn, year);
    if (m === null || !(FLOW_TRIAGE_OUTCOMES as readonly string[]).includes(r.triageOutcome)) continue;
    tallyOf(r.teamId).triage[r.triageOutcome as FlowTriageOutcome][m]! += 1;
  }

  const pairKey = (caseId: string, clientId: string) => `${caseId}|${clientId}`;
  const earliest = (map: Map<string, string>, key: string, date: string) => {
    const known = map.get(key);
    if (known === undefined || date < known) map.set(key, date);
  };
  const firstDecision = new Map<string, string>();
  const grantedBy = new Map<string, string>();
  for (const d of rows.decisions) {
    const key = pairKey(d.caseId, d.clientId);
    earliest(firstDecision, key, d.decidedOn);
    if (isGranted(d.outcome)) earliest(grantedBy, key, d.decidedOn);
  }
  const chains = toewijzingen(rows.provisions);
  const firstStart = new Map<string, string>();
  for (const t of chains) if (t.first.deliveryStartedOn !== null) earliest(firstStart, pairKey(t.first.caseId, t.first.clientId), t.first.deliveryStartedOn);

  const observe = (road: FlowRoad, events: Map<string, string>) => {
    for (const [key, on] of events) {
      const m = monthIn(on, year);
      if (m === null) continue;
      const c = casesById.get(key.slice(0, key.indexOf('|')));
      if (!c) continue;
      const durations = tallyOf(c.teamId).durations[road];
      if (c.registeredOn <= on) durations.fromRegistration[m]!.push(daysBetween(c.registeredOn, on));
      if (c.firstMeetingOn !== null && c.firstMeetingOn <= on) durations.fromFirstMeeting[m]!.push(daysBetween(c.firstMeetingOn, on));
    }
  };
  observe('toDecision', firstDecision);
  observe('toStart', firstStart);

  // Waiting: a client (per case) counts once at a moment, however many toewijzingen wait.
  const waitingChains = new Map<string, Toewijzing[]>();
  for (const t of chains) {
    const key = pairKey(t.first.caseId, t.first.clientId);
    const list = waitingChains.get(key);
    if (list) list.push(t);
    else waitingChains.set(key, [t]);
  }
  for (const [key, list] of waitingChains) {
    const c = casesById.get(key.slice(0, key.indexOf('|')));
    if (!c) continue;
    const tally = tallyOf(c.teamId);
    moments.forEach((on, m) => {
      if (on !== null && list.some((t) => isWaitingForStart(t, on))) tally.waiting[m]! += 1;
    });
  }

  const seenPairs = new Set<string>();
  for (const cc of rows.caseClients) {
    const key = pairKey(cc.caseId, cc.clientId);
    const c = casesById.get(cc.caseId);
    if (!c || seenPairs.has(key)) continue;
    seenPairs.add(key);
    const m = monthIn(c.firstMeetingOn, year);
    if (m === null) continue;
    const tally = tallyOf(c.teamId);
    tally.met[m]! += 1;
    const granted = grantedBy.get(key);
    if (granted !== undefined && granted <= period.asOf) tally.granted[m]! += 1;
  }

  for (const c of rows.cases) {
    const tally = tallyOf(c.teamId);
    const after = c.firstMeetingOn === null ? null : threeMonthsAfter(c.firstMeetingOn);
    moments.forEach((on, m) => {
      if (on === null || c.registeredOn > on || (c.closedOn !== null && c.closedOn <= on)) return;
      tally.open[m]! += 1;
      if (isLongRunning(c, on, after)) tally.over[m]! += 1;
    });
  }

  const total = emptyTally();
  const teams = new Map<string, FlowCounted>();
  for (const [teamId, tally] of tallies) {
    addInto(total, tally);
    teams.set(teamId, finish(tally, moments));
  }
  return { teams, total: finish(total, moments) };
}
