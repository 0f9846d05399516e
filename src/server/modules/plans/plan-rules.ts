// The rules a new version of a krachtplan must meet, beyond the shape its schema checks. Pure and
// shared with the web app, so the editor says the same as the server before it sends anything.
// - A version holds a plan: at least one life domain with a goal or an agreement. The client agrees
//   to a version; one with only a situation, a crisis plan or reciprocity gives them nothing to
//   agree to (and an empty one nothing at all).
// - A new evaluation date lies from today up to two years ahead: the plan is reviewed with the
//   client, not in the past, and a review years away is a typing error. An unchanged date stays as
//   it was (a review date that passed does not block marking an agreement done; older versions are
//   never checked again).
import type { FieldProblem } from '../../lib/errors';
import { dutchDate } from '../../lib/dutch-dates';
import type { PlanContent } from './plans.schemas';

/** How far ahead an evaluation date may be set, in years. */
export const REVIEW_MAX_YEARS = 2;

export const EMPTY_PLAN_MESSAGE = 'Een krachtplan heeft minstens één leefgebied met een doel of een afspraak. Vul een doel in of maak een afspraak.';

/** `date` plus whole calendar years; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The last evaluation date that may be chosen today. */
export function latestReviewOn(today: string): string {
  return addYears(today, REVIEW_MAX_YEARS);
}

/**
 * Whether the plan has a life domain with a goal or an agreement. A plan that was sent with parts
 * withheld (an answer to someone outside the case's workers) counts as holding a plan: its hidden
 * parts are put back by the server, which checks the whole.
 */
export function holdsAPlan(content: PlanContent): boolean {
  if ((content.withheld?.domains.length ?? 0) > 0 || (content.withheld?.agreements.length ?? 0) > 0) return true;
  return content.domains.some((d) => d.goal.trim() !== '' || d.agreements.length > 0);
}

/** What is wrong with the evaluation date of `next`, compared with the version it replaces. */
export function reviewDateProblem(next: string | null, previous: string | null, today: string): string | null {
  if (!next || next === previous) return null;
  if (next < today) return `De evaluatiedatum ${dutchDate(next)} ligt in het verleden. Kies vandaag of een latere datum.`;
  const latest = latestReviewOn(today);
  if (next > latest) return `De evaluatiedatum ${dutchDate(next)} ligt meer dan ${REVIEW_MAX_YEARS} jaar vooruit. Kies een datum tot en met ${dutchDate(latest)}.`;
  return null;
}

/**
 * The problems of `next` as a new version after `previous` (the current version, or an empty plan),
 * with the paths of the save's body (`content.…`).
 */
export function planRuleProblems(next: PlanContent, previous: PlanContent, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!holdsAPlan(next)) problems.push({ path: 'content.domains', message: EMPTY_PLAN_MESSAGE });
  const review = reviewDateProblem(next.reviewOn, previous.reviewOn, today);
  if (review) problems.push({ path: 'content.reviewOn', message: review });
  return problems;
}
