// The legal terms of a maatwerk request (pure): when the onderzoek's report and the decision are due,
// until when the client can object, and whether a term is met, close or passed. Mijn dag, the team
// page and the decision letter read them from here.
//
// - Wmo 2015 art. 2.3.2 lid 1: the onderzoek is done within six weeks of the melding.
// - Wmo 2015 art. 2.3.5 lid 1: the decision on the aanvraag within two weeks of receiving it. The
//   aanvraag follows the onderzoek's report (art. 2.3.2 lid 8); Keukentafel takes the report's day
//   as the day of the aanvraag, the usual practice when the report is signed as the aanvraag.
// - Awb art. 6:7 and 6:8: an objection within six weeks, from the day after the decision was sent.
import { addDays, daysBetween } from '../../lib/dates';

export const RESEARCH_DAYS = 42;
export const DECISION_DAYS = 14;
export const OBJECTION_DAYS = 42;
/** Mijn dag and the team page show the terms that run out within this many days, and the passed ones. */
export const TERMS_IN_SIGHT_DAYS = 14;
/** A term is "close" this many days before it runs out. */
export const CLOSE_DAYS = 7;

export const TERM_STATES = ['op_tijd', 'bijna', 'te_laat', 'gehaald', 'te_laat_gehaald'] as const;
export type TermState = (typeof TERM_STATES)[number];

export const researchDueOn = (requestedOn: string): string => addDays(requestedOn, RESEARCH_DAYS);
export const decisionDueOn = (researchReportedOn: string): string => addDays(researchReportedOn, DECISION_DAYS);
/** The last day an objection can be made: six weeks from the day after the decision's day. */
export const objectionUntil = (decidedOn: string): string => addDays(decidedOn, OBJECTION_DAYS);

/** Where a term stands on `today`: met (in time or late) once done, else in time, close or passed. */
export function termState(dueOn: string, doneOn: string | null, today: string): TermState {
  if (doneOn) return doneOn <= dueOn ? 'gehaald' : 'te_laat_gehaald';
  if (today > dueOn) return 'te_laat';
  return daysBetween(today, dueOn) <= CLOSE_DAYS ? 'bijna' : 'op_tijd';
}

export type TermKind = 'onderzoek' | 'besluit';

/** The term a request is waiting on: the report while it is researched, then the decision; none once decided or withdrawn. */
export function runningTerm(request: { status: string; requestedOn: string; researchReportedOn: string | null }, today: string): { kind: TermKind; dueOn: string; state: TermState } | null {
  if (request.status === 'open') {
    const dueOn = researchDueOn(request.requestedOn);
    return { kind: 'onderzoek', dueOn, state: termState(dueOn, null, today) };
  }
  if (request.status === 'onderzocht' && request.researchReportedOn) {
    const dueOn = decisionDueOn(request.researchReportedOn);
    return { kind: 'besluit', dueOn, state: termState(dueOn, null, today) };
  }
  return null;
}
