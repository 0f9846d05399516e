// Consent and disclosure rules (Wmo 2015 art. 5.3.3, AVG): when a consent holds, when it may be
// withdrawn, and whether a disclosure's legal ground is satisfied. Pure functions, shared with the
// web app. Dates are 'YYYY-MM-DD' strings, so comparing them as text compares them in time.
import { addDays } from '../../lib/dates';

export const CONSENT_STATES = ['actief', 'nog_niet_ingegaan', 'verlopen', 'ingetrokken'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const CONSENT_STATE_LABELS: Record<ConsentState, string> = {
  actief: 'Actief',
  nog_niet_ingegaan: 'Nog niet ingegaan',
  verlopen: 'Verlopen',
  ingetrokken: 'Ingetrokken',
};

export const DISCLOSURE_GROUNDS = ['toestemming', 'wettelijke_plicht', 'meldrecht', 'conflict_van_plichten'] as const;
export type DisclosureGround = (typeof DISCLOSURE_GROUNDS)[number];

/** A reasoning shorter than this says too little to justify sharing without consent. */
export const MIN_REASONING_LENGTH = 20;
/** A consent can be recorded ahead of its start, but not more than a year ahead. */
export const MAX_DAYS_AHEAD = 365;

export interface ConsentPeriod {
  validFrom: string;
  validUntil: string | null;
  /** The first day the consent no longer holds. */
  withdrawnOn: string | null;
}

/**
 * The consent's state on a day. A withdrawal takes effect on its date: from that day on the
 * consent no longer holds. The valid-until day itself is still covered.
 */
export function consentState(consent: ConsentPeriod, on: string): ConsentState {
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= on) return 'ingetrokken';
  if (on < consent.validFrom) return 'nog_niet_ingegaan';
  if (consent.validUntil !== null && consent.validUntil < on) return 'verlopen';
  return 'actief';
}

export function isActiveOn(consent: ConsentPeriod, on: string): boolean {
  return consentState(consent, on) === 'actief';
}

export interface Problem {
  path: string;
  message: string;
}

/** The period of a new consent: after the client's birth, at most a year ahead, until not before from. */
export function consentPeriodProblems(period: { validFrom: string; validUntil: string | null }, context: { today: string; birthDate: string | null }): Problem[] {
  const problems: Problem[] = [];
  if (context.birthDate && period.validFrom < context.birthDate) problems.push({ path: 'validFrom', message: 'De ingangsdatum ligt vóór de geboortedatum van de cliënt' });
  if (period.validFrom > addDays(context.today, MAX_DAYS_AHEAD)) problems.push({ path: 'validFrom', message: 'De ingangsdatum ligt meer dan een jaar in de toekomst' });
  if (period.validUntil !== null && period.validUntil < period.validFrom) problems.push({ path: 'validUntil', message: 'De einddatum ligt vóór de ingangsdatum' });
  return problems;
}

/**
 * Whether a consent may be withdrawn on `withdrawnOn`: not twice, not before it started, not after
 * it ran out, and not in the future. A consent that has not started yet can be withdrawn on its
 * start date, so it never comes into force.
 */
export function withdrawalProblem(consent: ConsentPeriod, withdrawnOn: string, today: string): string | null {
  if (consent.withdrawnOn !== null) return 'Deze toestemming is al ingetrokken';
  if (withdrawnOn < consent.validFrom) return 'De datum van intrekking ligt vóór de ingangsdatum van de toestemming';
  if (consent.validUntil !== null && withdrawnOn > consent.validUntil) return 'De toestemming was op die datum al verlopen; intrekken is niet nodig';
  if (withdrawnOn > today && withdrawnOn !== consent.validFrom) return 'De datum van intrekking ligt in de toekomst';
  return null;
}

/** The earliest sensible withdrawal date for the form: today, or the start of a consent not yet in force. */
export function defaultWithdrawalDate(consent: ConsentPeriod, today: string): string {
  return consent.validFrom > today ? consent.validFrom : today;
}

export interface DisclosureGroundInput {
  ground: DisclosureGround;
  consentId: string | null;
  reasoning: string | null;
  disclosedOn: string;
}

/** Problems that need only the input itself: which fields each ground requires. */
export function groundFieldProblems(input: Omit<DisclosureGroundInput, 'disclosedOn'>): Problem[] {
  if (input.ground === 'toestemming') {
    return input.consentId ? [] : [{ path: 'consentId', message: 'Kies de toestemming waarop u de gegevens verstrekt' }];
  }
  const problems: Problem[] = [];
  if (input.consentId) problems.push({ path: 'consentId', message: 'Een toestemming hoort alleen bij de grondslag toestemming' });
  if ((input.reasoning ?? '').trim().length < MIN_REASONING_LENGTH) {
    problems.push({ path: 'reasoning', message: `Onderbouw waarom u zonder toestemming gegevens verstrekt (minstens ${MIN_REASONING_LENGTH} tekens)` });
  }
  return problems;
}

/**
 * Whether a disclosure's ground is satisfied. For consent: `consent` is the chosen consent when
 * it belongs to this client (null when it does not, or does not exist) and it must hold on the day
 * of the disclosure.
 */
export function groundProblems(input: DisclosureGroundInput, consent: ConsentPeriod | null): Problem[] {
  const problems = groundFieldProblems(input);
  if (problems.length > 0 || input.ground !== 'toestemming') return problems;
  if (!consent) return [{ path: 'consentId', message: 'Kies een toestemming van deze cliënt' }];
  const state = consentState(consent, input.disclosedOn);
  if (state === 'actief') return [];
  const why: Record<Exclude<ConsentState, 'actief'>, string> = {
    ingetrokken: 'De gekozen toestemming was op de datum van verstrekking ingetrokken',
    verlopen: 'De gekozen toestemming was op de datum van verstrekking verlopen',
    nog_niet_ingegaan: 'De gekozen toestemming was op de datum van verstrekking nog niet ingegaan',
  };
  return [{ path: 'consentId', message: why[state] }];
}
