// Case lifecycle and the 5-day norm. Pure domain rules, no I/O.
import { daysBetween } from '../../lib/dates';

export const CASE_STATUSES = ['registered', 'first_meeting', 'running', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  registered: 'Aangemeld',
  first_meeting: 'Kennismaking gehad',
  running: 'Lopend',
  closed: 'Afgesloten',
};

/** What the visible history of a case records (case_events.kind), with the Dutch words for it. */
export const CASE_EVENT_LABELS = {
  opened: 'Casus geopend',
  first_meeting: 'Kennismaking vastgelegd',
  started: 'Ondersteuning gestart',
  closed: 'Afgesloten',
  reopened: 'Heropend',
  lead_changed: 'Regisseur gewijzigd',
  household_added: 'Huishoudlid toegevoegd',
  transferred: 'Overgedragen',
} as const;
export type CaseEventKind = keyof typeof CASE_EVENT_LABELS;

export const CONTACT_KINDS = ['huisbezoek', 'kantoor', 'telefoon', 'elders', 'groep', 'digitaal'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  huisbezoek: 'Huisbezoek',
  kantoor: 'Op kantoor',
  telefoon: 'Telefonisch',
  elders: 'Elders',
  groep: 'Groep',
  digitaal: 'Digitaal',
};

export const FIRST_MEETING_LOCATIONS = ['thuis', 'kantoor', 'elders'] as const;
export type FirstMeetingLocation = (typeof FIRST_MEETING_LOCATIONS)[number];

/** The first meeting takes place within 5 calendar days of the registration (werkkader). */
export const FIRST_MEETING_NORM_DAYS = 5;

export interface WaitingState {
  /** Days from registration to the first meeting, or to today while it has not taken place. */
  days: number;
  /** True when the first meeting has taken place. */
  met: boolean;
  /** True when the wait is longer than the norm. */
  overNorm: boolean;
}

export function waitingState(registeredOn: string, firstMeetingOn: string | null, today: string): WaitingState {
  const days = daysBetween(registeredOn, firstMeetingOn ?? today);
  return { days, met: firstMeetingOn !== null, overNorm: days > FIRST_MEETING_NORM_DAYS };
}

/**
 * Waiting now for the first meeting, longer than the norm: the one meaning of "boven de norm" in
 * the team's figures, its lists and their filters. A first meeting that came late is history, shown
 * as such on the case, and no longer counts here.
 */
export function waitsOverNorm(c: { status: CaseStatus; overNorm: boolean }): boolean {
  return c.status === 'registered' && c.overNorm;
}

/** Which status changes a worker can make by hand; closing and reopening have their own rules. */
export function canRecordFirstMeeting(status: CaseStatus): boolean {
  return status === 'registered' || status === 'first_meeting';
}

export function canStartSupport(status: CaseStatus): boolean {
  return status === 'first_meeting';
}
