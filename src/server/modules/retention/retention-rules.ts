// The retention rules (Wmo 2015 art. 5.3.4 and 5.3.5, Selectielijst gemeenten 2020), pure:
// - a client's data are due for destruction when every case they are in (as main client or as a
//   household member) is closed, nothing of theirs waits for triage, and the retention term has
//   passed since the latest of their closings and registrations;
// - a client's written request must be handled within 3 months of receipt.
// Where the calendar is ambiguous (29 February, 31 November) each rule rounds the safe way: the
// retention term ends later (keep at least the full term), the legal term for a request ends
// earlier (never beyond 3 months).
import { isIsoDate } from '../../lib/dates';
import type { DestructionStatus, DestructionTurn } from './retention.schemas';

/** Months within which a client's request for destruction must be handled (Wmo 2015 art. 5.3.5). */
export const REQUEST_TERM_MONTHS = 3;
/** A destruction declined for the retention term comes back in the queue this many years later. */
export const REVIEW_AFTER_DECLINE_YEARS = 1;

function parts(date: string): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * `months` calendar months after `date`. A day that the target month lacks (31 → 30 November,
 * 29 February → a common year) becomes the first day of the next month when `overflow` is 'next',
 * or the last day of the target month when 'clamp'.
 */
export function addMonths(date: string, months: number, overflow: 'next' | 'clamp'): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = daysInMonth(ty, tm);
  if (d <= last) return iso(ty, tm, d);
  return overflow === 'clamp' ? iso(ty, tm, last) : tm === 12 ? iso(ty + 1, 1, 1) : iso(ty, tm + 1, 1);
}

/** The last day to handle a request received on `receivedOn`: 3 months later, never beyond. */
export function requestDueOn(receivedOn: string): string {
  return addMonths(receivedOn, REQUEST_TERM_MONTHS, 'clamp');
}

/** What the rule needs to know of one client (gathered by the daily job in one query). */
export interface RetentionFacts {
  /** Cases of the client (any role) that are not closed. */
  openCases: number;
  /** The client's registrations still waiting for triage. */
  untriagedRegistrations: number;
  /** The latest closing date over the client's cases; null when they have no closed case. */
  lastClosedOn: string | null;
  /** The latest registration date of the client; null without registrations. */
  lastRegisteredOn: string | null;
  /** The day the client record was made: the reference only for a client with no case or registration. */
  createdOn: string;
  /** When the client's data were last kept longer on purpose (a declined destruction), if ever. */
  lastDeclinedOn: string | null;
}

/** The day from which the retention term runs: the latest closing or registration (see RetentionFacts). */
export function retentionStartsOn(facts: RetentionFacts): string {
  const dates = [facts.lastClosedOn, facts.lastRegisteredOn].filter((d): d is string => d !== null);
  if (dates.length === 0) return facts.createdOn;
  return dates.reduce((a, b) => (a > b ? a : b));
}

/** The first day the client's data may be destroyed; null while something is still open. */
export function retentionEndsOn(facts: RetentionFacts, retentionYears: number): string | null {
  if (facts.openCases > 0 || facts.untriagedRegistrations > 0) return null;
  const ends = addMonths(retentionStartsOn(facts), retentionYears * 12, 'next');
  // Declined: kept longer on purpose; the queue asks again after the review period.
  if (facts.lastDeclinedOn) {
    const review = addMonths(facts.lastDeclinedOn, REVIEW_AFTER_DECLINE_YEARS * 12, 'next');
    return review > ends ? review : ends;
  }
  return ends;
}

export function isDueForRetention(facts: RetentionFacts, retentionYears: number, today: string): boolean {
  const ends = retentionEndsOn(facts, retentionYears);
  return ends !== null && ends <= today;
}

/** Why a destruction cannot be carried out now (a running case or registration), or null. */
export function blockedReason(facts: Pick<RetentionFacts, 'openCases' | 'untriagedRegistrations'>): string | null {
  if (facts.openCases > 0) return 'Deze cliënt zit nog in een lopende casus (ook als huishoudlid). Sluit die eerst af, of wijs de vernietiging af.';
  if (facts.untriagedRegistrations > 0) return 'Er wacht nog een aanmelding van deze cliënt op triage. Handel die eerst af, of wijs de vernietiging af.';
  return null;
}

/**
 * Whose turn it is on a queue row for one person (four eyes): nobody proposed yet → propose; someone
 * else proposed → confirm; this person proposed (or recorded the client's request) → wait for
 * another; decided → nothing left to do.
 */
export function destructionTurn(status: DestructionStatus, proposedBy: string | null, userId: string): DestructionTurn {
  if (status === 'te_beoordelen') return 'propose';
  if (status === 'voorgesteld') return proposedBy === userId ? 'wait' : 'confirm';
  return 'decided';
}
