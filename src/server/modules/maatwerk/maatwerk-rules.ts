// The rules of a provision's life (pure): a request is researched, then decided or withdrawn; a
// granted decision gets toewijzingen; a toewijzing is extended (a new link in its chain), ended early
// or voided. Each rule answers the Dutch problems with the field they are about, none when it holds.
import type { FieldProblem } from '../../lib/errors';
import type { DecisionOutcome, ProvisionRequestStatus } from '../../db/schema/maatwerk';
import { addDays } from '../../lib/dates';
import { UNITS_WITHOUT_DAILY, type Unit } from './maatwerk-codes';

const problem = (path: string, message: string): FieldProblem[] => [{ path, message }];
const FUTURE = 'Deze datum ligt in de toekomst';

/** A typing error guard: no toewijzing runs longer than ten years, none starts more than two years after the melding. */
const MAX_RUN_DAYS = 3653;
const MAX_START_DAYS = 731;
const TOO_LONG = 'Een toewijzing loopt hoogstens tien jaar: kies een eerdere einddatum';
const tooLong = (startOn: string, endOn: string | null) => endOn !== null && endOn > addDays(startOn, MAX_RUN_DAYS);

export function requestProblems(requestedOn: string, today: string): FieldProblem[] {
  return requestedOn > today ? problem('requestedOn', FUTURE) : [];
}

export function researchProblems(request: { status: ProvisionRequestStatus; requestedOn: string }, reportedOn: string, today: string): FieldProblem[] {
  if (request.status !== 'open') return problem('researchReportedOn', 'Het onderzoek van deze aanvraag is al afgerond');
  if (reportedOn < request.requestedOn) return problem('researchReportedOn', 'Het verslag kan niet vóór de melding liggen');
  return reportedOn > today ? problem('researchReportedOn', FUTURE) : [];
}

export function decisionProblems(request: { status: ProvisionRequestStatus; researchReportedOn: string | null }, decidedOn: string, today: string): FieldProblem[] {
  if (request.status === 'open') return problem('decidedOn', 'Leg eerst het verslag van het onderzoek vast');
  if (request.status !== 'onderzocht') return problem('decidedOn', 'Op deze aanvraag is al besloten of ze is ingetrokken');
  if (decidedOn < request.researchReportedOn!) return problem('decidedOn', 'Het besluit kan niet vóór het verslag van het onderzoek liggen');
  return decidedOn > today ? problem('decidedOn', FUTURE) : [];
}

export function withdrawalProblems(request: { status: ProvisionRequestStatus }): FieldProblem[] {
  return request.status === 'open' || request.status === 'onderzocht' ? [] : problem('reason', 'Een aanvraag waarop besloten is, kan niet meer worden ingetrokken');
}

export interface AssignmentInput {
  deliveryForm: 'zin' | 'pgb';
  startOn: string;
  endOn: string | null;
  volume: number | null;
  unit: string | null;
  frequency: string | null;
  budgetCents: number | null;
}

/** A toewijzing on a decision: only on a grant, within a sensible period, with an omvang (zorg in natura) or a budget (pgb). */
export function assignmentProblems(decision: { outcome: DecisionOutcome; requestedOn: string }, input: AssignmentInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (decision.outcome === 'afgewezen') problems.push({ path: 'product', message: 'Op een afwijzing volgt geen toewijzing' });
  if (input.startOn < decision.requestedOn) problems.push({ path: 'startOn', message: 'De toewijzing kan niet vóór de melding beginnen' });
  if (input.startOn > addDays(decision.requestedOn, MAX_START_DAYS)) problems.push({ path: 'startOn', message: 'De toewijzing begint hoogstens twee jaar na de melding' });
  if (input.endOn !== null && input.endOn < input.startOn) problems.push({ path: 'endOn', message: 'De einddatum ligt vóór de begindatum' });
  if (tooLong(input.startOn, input.endOn)) problems.push({ path: 'endOn', message: TOO_LONG });
  if (input.deliveryForm === 'zin') {
    if (input.volume === null) problems.push({ path: 'volume', message: 'Vul de omvang in' });
    if (input.unit === null) problems.push({ path: 'unit', message: 'Kies de eenheid' });
    if (input.frequency === null) problems.push({ path: 'frequency', message: 'Kies de frequentie' });
    if (input.unit !== null && input.frequency === '1' && UNITS_WITHOUT_DAILY.includes(input.unit as Unit))
      problems.push({ path: 'frequency', message: 'Kies bij deze eenheid per week, per maand of in totaal' });
  } else if (input.budgetCents === null) problems.push({ path: 'budgetCents', message: 'Vul het budget in' });
  return problems;
}

export interface ChainLink {
  startOn: string;
  endOn: string | null;
  voided: boolean;
  /** Ended early by the worker (the link's end date is the new end). */
  endReason: string | null;
  /** A later, not voided link extends this one. */
  extended: boolean;
}

/** Only the last link of a chain changes: an earlier one is fixed by the extension that follows it. */
function lastLinkProblems(link: ChainLink, path: string): FieldProblem[] {
  if (link.voided) return problem(path, 'Deze toewijzing is vervallen');
  if (link.extended) return problem(path, 'Deze toewijzing is al verlengd: wijzig de verlenging');
  return [];
}

/** An extension continues the day after the link ends, until a later end. */
export function extensionProblems(link: ChainLink, endOn: string): FieldProblem[] {
  const last = lastLinkProblems(link, 'endOn');
  if (last.length) return last;
  if (link.endOn === null) return problem('endOn', 'Een toewijzing zonder einddatum hoeft niet verlengd te worden');
  if (link.endReason !== null) return problem('endOn', 'Een beëindigde toewijzing wordt niet verlengd: maak een nieuwe aanvraag');
  if (endOn <= link.endOn) return problem('endOn', 'De nieuwe einddatum moet na de huidige einddatum liggen');
  return tooLong(addDays(link.endOn, 1), endOn) ? problem('endOn', TOO_LONG) : [];
}

/** Ending early: on or after the start, before the end it has. */
export function endProblems(link: ChainLink, endOn: string): FieldProblem[] {
  const last = lastLinkProblems(link, 'endOn');
  if (last.length) return last;
  if (endOn < link.startOn) return problem('endOn', 'De einddatum ligt vóór de begindatum');
  if (tooLong(link.startOn, endOn)) return problem('endOn', TOO_LONG);
  return link.endOn !== null && endOn >= link.endOn ? problem('endOn', 'Kies een datum vóór de huidige einddatum; later doorgaan is verlengen') : [];
}

export function voidProblems(link: ChainLink, deliveryStarted: boolean): FieldProblem[] {
  const last = lastLinkProblems(link, 'reason');
  if (last.length) return last;
  return deliveryStarted ? problem('reason', 'De aanbieder is al met de levering begonnen: beëindig de toewijzing in plaats van haar te laten vervallen') : [];
}
