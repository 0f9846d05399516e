// Case shapes: lists, detail, first meeting, start, close, reopen, lead worker, household. Shared with the web app.
import { z } from 'zod';
import { offsetParam, version, wholeNumber, wholeNumberParam } from '../../lib/number-fields';
import { CHOOSE_ONE_CLIENT, choosesOneClient, clientFields } from '../clients/clients.schemas';
import { isoDate, dateValue } from '../../lib/date-fields';
import { clientAttach } from '../attachments/attachments.schemas';
import { CASE_STATUSES, FIRST_MEETING_LOCATIONS } from './case-rules';


export const caseSummary = z.object({
  id: z.string(),
  status: z.enum(CASE_STATUSES),
  teamId: z.string(),
  teamName: z.string(),
  leadWorker: z.object({ id: z.string(), name: z.string() }).nullable(),
  mainClient: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }).nullable(),
  registeredOn: dateValue,
  firstMeetingOn: dateValue.nullable(),
  closedOn: dateValue.nullable(),
  /** Days from registration to the first meeting, or to today while it has not taken place. */
  waitingDays: z.number(),
  overNorm: z.boolean(),
  /** The next thing due and its date, for "what is due first". */
  due: z.object({ kind: z.enum(['first_meeting']), on: z.string() }).nullable(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseListQuery = z.object({
  scope: z.enum(['mine', 'team']).default('mine'),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  /** Only cases still waiting for a first meeting beyond the 5-day norm. */
  overNorm: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: wholeNumberParam(1, 500).default(100),
  offset: offsetParam.default(0),
});

export const caseList = z.object({ total: z.number(), items: z.array(caseSummary) });

export const householdMember = z.object({
  clientId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: dateValue.nullable(),
  role: z.enum(['hoofdclient', 'huishoudlid']),
});

export const caseEvent = z.object({
  kind: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
  actorName: z.string().nullable(),
});

export const caseDetail = caseSummary.extend({
  referrerCode: z.string(),
  referrerOther: z.string().nullable(),
  question: z.string().nullable(),
  firstMeetingLocation: z.enum(FIRST_MEETING_LOCATIONS).nullable(),
  closeReasons: z.array(z.string()),
  closeOutcomes: z.array(z.string()),
  satisfactionScore: z.number().nullable(),
  canContinueAlone: z.boolean().nullable(),
  household: z.array(householdMember),
  events: z.array(caseEvent),
  version: z.number(),
  /** team: the actor works on it; emergency: read only, through break-the-glass. */
  access: z.enum(['team', 'emergency']),
  /**
   * The actor may change the case (cases:write in the write scope: never under break-the-glass), so
   * its actions, household, network and ZRM are offered. Says nothing of the status: a closed case
   * takes only a reopen.
   */
  mayWrite: z.boolean(),
  /** The same for the journal (journal:write): add and correct contacts. */
  mayWriteJournal: z.boolean(),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const firstMeetingBody = z.object({
  firstMeetingOn: isoDate,
  location: z.enum(FIRST_MEETING_LOCATIONS, 'Kies waar de kennismaking was: thuis, kantoor of elders'),
  version,
});

export const startBody = z.object({ version });

export const closeBody = z.object({
  closedOn: isoDate,
  reasons: z.array(z.string()).min(1, 'Kies minstens één reden van afsluiten'),
  outcomes: z.array(z.string()).default([]),
  satisfactionScore: wholeNumber(1, 10, 'Een rapportcijfer is 1 tot en met 10').nullable().optional(),
  canContinueAlone: z.boolean().nullable().optional(),
  version,
});
export type CloseBody = z.input<typeof closeBody>;

export const reopenBody = z.object({
  reason: z.string().trim().min(3, 'Geef een reden om de casus te heropenen').max(2000),
  version,
});

export const assignBody = z.object({ leadWorkerId: z.uuid('Kies een regisseur'), version });

/** A client of the team by id, a client of another team to attach, or the fields of a new one. */
export const addHouseholdMemberBody = z
  .object({ clientId: z.uuid().optional(), attach: clientAttach.optional(), client: clientFields.optional(), version })
  .refine(choosesOneClient, { path: ['client'], message: CHOOSE_ONE_CLIENT });

/** Hand a case over to a colleague in the team, or to another team (whose team leader assigns it). */
export const transferBody = z
  .object({
    leadWorkerId: z.uuid().optional(),
    teamId: z.uuid().optional(),
    note: z.string().trim().min(10, 'Schrijf een overdrachtsnotitie van minstens 10 tekens: wat moet de nieuwe regisseur weten?').max(5000),
    version,
  })
  .refine((b) => !!b.leadWorkerId !== !!b.teamId, { path: ['leadWorkerId'], message: 'Kies een collega of een ander team' });

export const transferResult = z.object({
  caseId: z.string(),
  /** False when the case went to another team: the actor no longer sees it. */
  stillVisible: z.boolean(),
  teamName: z.string(),
  leadWorkerName: z.string().nullable(),
});
export type TransferResult = z.infer<typeof transferResult>;
