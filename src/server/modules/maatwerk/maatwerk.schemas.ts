// Maatwerk on a case: the input of each step of a provision's life and the answer that shows it all.
// Shared with the web app.
import { z } from 'zod';
import { INT4_MAX, version, wholeNumber } from '../../lib/number-fields';
import { optionalText } from '../../lib/text-fields';
import { dateValue, isoDate, moment } from '../../lib/date-fields';
import { CHANGE_REASONS, DECISION_OUTCOMES, DELIVERY_FORMS, END_REASONS, FREQUENCIES, REQUEST_STATUSES, REQUESTED_BY, UNITS } from './maatwerk-codes';
import { TERM_STATES } from './legal-terms';

const requiredText = (max: number, message: string) => z.string(message).trim().min(1, message).max(max, `Maximaal ${max} tekens`);
const code = (message: string) => z.string(message).trim().min(1, message).max(100, message);

export const requestFields = z.object({
  clientId: z.uuid('Kies voor wie de aanvraag is'),
  requestedOn: isoDate,
  asked: requiredText(4000, 'Beschrijf wat er gevraagd wordt'),
  category: code('Kies een soort voorziening').nullable().optional(),
  requestedBy: z.enum(REQUESTED_BY, 'Kies wie de melding deed'),
});
export type RequestFields = z.input<typeof requestFields>;

export const researchFields = z.object({
  researchReportedOn: isoDate,
  researchReport: requiredText(20000, 'Schrijf op wat het onderzoek heeft opgeleverd'),
  version,
});
export type ResearchFields = z.input<typeof researchFields>;

export const withdrawalFields = z.object({ reason: requiredText(2000, 'Schrijf op waarom de aanvraag wordt ingetrokken'), version });
export type WithdrawalFields = z.input<typeof withdrawalFields>;

export const decisionFields = z.object({
  decidedOn: isoDate,
  outcome: z.enum(DECISION_OUTCOMES, 'Kies het besluit: toegekend, gedeeltelijk toegekend of afgewezen'),
  reasons: requiredText(20000, 'Schrijf de motivering van het besluit op'),
  /** The request's version. */
  version,
});
export type DecisionFields = z.input<typeof decisionFields>;

const cents = wholeNumber(1, INT4_MAX, 'Vul een bedrag in hele centen in, groter dan 0');
export const assignmentFields = z.object({
  category: code('Kies de soort voorziening'),
  product: code('Kies het product'),
  provider: code('Kies de aanbieder'),
  startOn: isoDate,
  endOn: isoDate.nullable().optional(),
  volume: wholeNumber(1, 99_999, 'Vul een omvang van 1 tot en met 99999 in').nullable().optional(),
  unit: z.enum(UNITS, 'Kies de eenheid').nullable().optional(),
  frequency: z.enum(FREQUENCIES, 'Kies de frequentie').nullable().optional(),
  budgetCents: cents.nullable().optional(),
});
export type AssignmentFields = z.input<typeof assignmentFields>;

export const extensionFields = z.object({ endOn: isoDate, version });
export type ExtensionFields = z.input<typeof extensionFields>;

export const endFields = z.object({
  endOn: isoDate,
  reason: z.enum(END_REASONS, 'Kies de reden van beëindigen'),
  note: optionalText(2000),
  version,
});
export type EndFields = z.input<typeof endFields>;

export const voidFields = z.object({ reason: requiredText(2000, 'Schrijf op waarom de toewijzing vervalt'), version });
export type VoidFields = z.input<typeof voidFields>;

const term = z.object({ dueOn: dateValue, state: z.enum(TERM_STATES) });

export const provisionDecision = z.object({
  id: z.string(),
  decisionNumber: z.number(),
  decidedOn: dateValue,
  outcome: z.enum(DECISION_OUTCOMES),
  reasons: z.string(),
  decidedByName: z.string().nullable(),
  /** The last day the client can object (Awb 6:7). */
  objectionUntil: dateValue,
});
export type ProvisionDecision = z.infer<typeof provisionDecision>;

export const provisionRequest = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  requestedOn: dateValue,
  asked: z.string(),
  category: z.string().nullable(),
  requestedBy: z.enum(REQUESTED_BY),
  providerAgb: z.string().nullable(),
  researchReportedOn: dateValue.nullable(),
  researchReport: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  withdrawnReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  /** The onderzoek's six weeks and, once reported, the decision's two. */
  researchTerm: term,
  decisionTerm: term.nullable(),
  decision: provisionDecision.nullable(),
  version: z.number(),
});
export type ProvisionRequest = z.infer<typeof provisionRequest>;

export const provision = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  /** The decision it carries out; null for a row from an imported history. */
  decisionId: z.string().nullable(),
  category: z.string(),
  product: z.string(),
  provider: z.string(),
  providerAgb: z.string().nullable(),
  deliveryForm: z.enum(DELIVERY_FORMS).nullable(),
  startOn: dateValue,
  endOn: dateValue.nullable(),
  volume: z.number().nullable(),
  unit: z.string().nullable(),
  frequency: z.string().nullable(),
  budgetCents: z.number().nullable(),
  /** iWmo ToewijzingNummer of its chain (an extension keeps the number of what it extends). */
  assignmentNumber: z.number().nullable(),
  extendsProvisionId: z.string().nullable(),
  changeReason: z.enum(CHANGE_REASONS).nullable(),
  endReason: z.string().nullable(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
  deliveryStartedOn: dateValue.nullable(),
  deliveryEndedOn: dateValue.nullable(),
  deliveryEndReason: z.string().nullable(),
  /** A later link extends it: only the last link of a chain changes. */
  extended: z.boolean(),
  createdAt: moment,
  version: z.number(),
});
export type Provision = z.infer<typeof provision>;

export const caseMaatwerk = z.object({
  caseId: z.string(),
  /** Whether the actor may record steps here (cases:write on a case in the write scope). */
  mayWrite: z.boolean(),
  /** The clients of the household a request can be for. */
  clients: z.array(z.object({ id: z.string(), name: z.string() })),
  requests: z.array(provisionRequest),
  provisions: z.array(provision),
});
export type CaseMaatwerk = z.infer<typeof caseMaatwerk>;
