// ZRM rules (zelfredzaamheidsmatrix): the types a worker records, when an assessment is due, and
// the per-domain summary of the progress report. Pure, no I/O; shared with the web app.
import { addDays } from '../../lib/dates';
import { mean2 } from '../reports/report-rules';
import { signedRankTest, type ZeroMethod } from './wilcoxon';

/** Types a worker records; `onbekend` only exists in imported old registrations. */
export const ZRM_TYPES = ['nul', 'doel', 'periodiek', 'eind'] as const;
export type ZrmType = (typeof ZRM_TYPES)[number];

export const ZRM_MIN_SCORE = 1;
export const ZRM_MAX_SCORE = 5;

/** Werkkader: a nulmeting within two weeks of the first meeting. */
export const NUL_WITHIN_DAYS = 14;
/** Werkkader: a periodic assessment every three months (13 weeks). */
export const PERIODIC_EVERY_DAYS = 91;

export const ZRM_DUE_KINDS = ['nul', 'periodiek', 'eind'] as const;
export type ZrmDueKind = (typeof ZRM_DUE_KINDS)[number];

export interface ZrmDue {
  kind: ZrmDueKind;
  dueOn: string;
  /** The due date has passed (today is after it). */
  overdue: boolean;
}

export interface CaseDates {
  firstMeetingOn: string | null;
  /** Null while the case is open. */
  closedOn: string | null;
}

/**
 * What is due for a case, from the assessments of its household (any client's assessment counts for
 * the case):
 * - open, first meeting held, no nulmeting yet: a nulmeting 14 days after the first meeting;
 * - open, with a nul or periodic assessment: a periodic one 91 days after the latest of them;
 * - closed without an eindmeting: an eindmeting, due on the closing date.
 * Before the first meeting nothing is due: the nulmeting is made in the first meetings.
 */
export function zrmDue(caseDates: CaseDates, assessments: readonly { type: string; assessedOn: string }[], today: string): ZrmDue[] {
  const due: Omit<ZrmDue, 'overdue'>[] = [];
  const open = caseDates.closedOn === null;
  const hasNul = assessments.some((a) => a.type === 'nul');
  if (open && !hasNul && caseDates.firstMeetingOn !== null) {
    due.push({ kind: 'nul', dueOn: addDays(caseDates.firstMeetingOn, NUL_WITHIN_DAYS) });
  }
  const clockStarts = assessments.filter((a) => a.type === 'nul' || a.type === 'periodiek').map((a) => a.assessedOn);
  if (open && clockStarts.length > 0) {
    const latest = clockStarts.reduce((a, b) => (b > a ? b : a));
    due.push({ kind: 'periodiek', dueOn: addDays(latest, PERIODIC_EVERY_DAYS) });
  }
  if (!open && !assessments.some((a) => a.type === 'eind')) {
    due.push({ kind: 'eind', dueOn: caseDates.closedOn! });
  }
  return due.map((d) => ({ ...d, overdue: today > d.dueOn }));
}

/**
 * The zero handling of the report's `p_value`: Wilcoxon's, zeros discarded. Reasons: it is the
 * convention of the standard tools (R's wilcox.test, scipy's default), so an analyst of the
 * municipality reproduces the number with one call; its normal approximation has one formula,
 * while Pratt's is computed in two ways in practice (see wilcoxon.ts) and the two differ by
 * 10–60 % on ZRM data, where about half the changes are zero; and it reads plainly: among the
 * clients whose score changed, did it go up more than down. Pratt's p-value is reported beside it.
 */
export const P_VALUE_METHOD: ZeroMethod = 'wilcoxon';

/** How many clients went from one score to another in a domain. */
export interface ScorePair {
  start: number;
  latest: number;
  clients: number;
}

export interface ZrmDomainSummary {
  n: number;
  mean_start: number | null;
  mean_latest: number | null;
  mean_change: number | null;
  /** Two-sided Wilcoxon signed-rank p-value under P_VALUE_METHOD; null when no client changed. */
  p_value: number | null;
  p_value_method: ZeroMethod;
  /** The same test with zeros discarded. */
  p_wilcoxon: number | null;
  /** The same test with Pratt's zero handling. */
  p_pratt: number | null;
}

/**
 * One domain of the progress report from the clients' (start, latest) score pairs: the means (2
 * decimals; the mean change is the mean of the changes, not the difference of the rounded means)
 * and the signed-rank test on the changes latest − start under both zero conventions.
 */
export function summariseDomain(pairs: readonly ScorePair[]): ZrmDomainSummary {
  let n = 0;
  let startSum = 0;
  let latestSum = 0;
  const changes: number[] = [];
  for (const pair of pairs) {
    n += pair.clients;
    startSum += pair.start * pair.clients;
    latestSum += pair.latest * pair.clients;
    for (let i = 0; i < pair.clients; i++) changes.push(pair.latest - pair.start);
  }
  const pWilcoxon = signedRankTest(changes, 'wilcoxon').pValue;
  const pPratt = signedRankTest(changes, 'pratt').pValue;
  return {
    n,
    mean_start: mean2(startSum, n),
    mean_latest: mean2(latestSum, n),
    mean_change: mean2(latestSum - startSum, n),
    p_value: P_VALUE_METHOD === 'pratt' ? pPratt : pWilcoxon,
    p_value_method: P_VALUE_METHOD,
    p_wilcoxon: pWilcoxon,
    p_pratt: pPratt,
  };
}
