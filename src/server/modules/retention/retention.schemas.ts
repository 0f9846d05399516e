// The destruction queue (bewaartermijn en vernietiging): shapes shared by the server and the web app.
// A queue row carries facts about the client's cases, never the client's name or BSN: kwaliteit
// decides on the facts (need to know).
import { z } from 'zod';
import { offsetParam, version, wholeNumberParam } from '../../lib/number-fields';
import { notInFuture } from '../../lib/dates';
import { plainText } from '../../lib/text-fields';
import { isoDate, dateValue, moment } from '../../lib/date-fields';

export const DESTRUCTION_REASONS = ['bewaartermijn', 'verzoek'] as const;
export type DestructionReason = (typeof DESTRUCTION_REASONS)[number];
export const DESTRUCTION_REASON_LABELS: Record<DestructionReason, string> = {
  bewaartermijn: 'Bewaartermijn verstreken',
  verzoek: 'Verzoek van de cliënt',
};

/**
 * Four eyes: the daily job lists a client (te_beoordelen); one person of kwaliteit proposes the
 * destruction, or records the client's request (voorgesteld); another person confirms it
 * (vernietigd). Until then anyone of kwaliteit may decline: the data are kept (afgewezen).
 */
export const DESTRUCTION_STATUSES = ['te_beoordelen', 'voorgesteld', 'vernietigd', 'afgewezen'] as const;
export type DestructionStatus = (typeof DESTRUCTION_STATUSES)[number];
export const DESTRUCTION_STATUS_LABELS: Record<DestructionStatus, string> = {
  te_beoordelen: 'Te beoordelen',
  voorgesteld: 'Voorgesteld, wacht op bevestiging',
  vernietigd: 'Vernietigd',
  afgewezen: 'Afgewezen (langer bewaren)',
};
/** Not decided yet: at most one such row per client. */
export const PENDING_STATUSES = ['te_beoordelen', 'voorgesteld'] as const satisfies readonly DestructionStatus[];

/** What the queue shows: everything not decided yet, or the decisions of one kind. */
export const RETENTION_VIEWS = ['open', 'vernietigd', 'afgewezen'] as const;
export type RetentionView = (typeof RETENTION_VIEWS)[number];
export const RETENTION_VIEW_LABELS: Record<RetentionView, string> = {
  open: 'Te beoordelen of te bevestigen',
  vernietigd: 'Vernietigd',
  afgewezen: 'Afgewezen (langer bewaren)',
};

/**
 * Whose turn it is, seen by one person: `propose` (nobody has proposed yet), `confirm` (someone
 * else proposed: this person may confirm), `wait` (this person proposed or recorded the request:
 * someone else must confirm), `decided`.
 */
export const DESTRUCTION_TURNS = ['propose', 'confirm', 'wait', 'decided'] as const;
export type DestructionTurn = (typeof DESTRUCTION_TURNS)[number];

/** What a destroyed client is called wherever a case still refers to them. */
export const DESTROYED_CLIENT_NAME = 'Vernietigd dossier';


export const retentionQuery = z.object({
  status: z.enum(RETENTION_VIEWS, 'Kies open, vernietigd of afgewezen').default('open'),
  limit: wholeNumberParam(1, 500).default(50),
  offset: offsetParam.default(0),
});
export type RetentionQuery = z.output<typeof retentionQuery>;

export const proposeDestructionBody = z.object({
  version,
  note: plainText(2000),
});

export const confirmDestructionBody = z.object({
  version,
  note: plainText(2000),
});

export const declineDestructionBody = z.object({
  version,
  note: z
    .string('Schrijf waarom de gegevens langer bewaard worden')
    .trim()
    .min(10, 'Schrijf in ten minste 10 tekens waarom de gegevens langer bewaard worden')
    .max(2000, 'Maximaal 2000 tekens'),
});

export const destructionRequestBody = z.object({
  receivedOn: isoDate.refine(notInFuture, 'De datum van ontvangst kan niet in de toekomst liggen'),
  note: plainText(2000),
});

export const destructionItem = z.object({
  id: z.string(),
  reason: z.enum(DESTRUCTION_REASONS),
  status: z.enum(DESTRUCTION_STATUSES),
  /** Request: the day it was received; retention term: the day the daily job listed it. */
  requestedOn: dateValue,
  /** The last day to act: the legal term for a request, the listing day for the retention term. */
  dueOn: dateValue,
  requestNote: z.string().nullable(),
  /** The teams of the client's cases, by name. */
  teams: z.array(z.string()),
  caseCount: z.number(),
  /** The latest closing date over the client's cases. */
  lastClosedOn: dateValue.nullable(),
  /** Other people in the client's cases (household members): their journal and plan go too. */
  otherPersons: z.number(),
  /** Why it cannot be carried out now (a running case or registration), or null. */
  blockedBy: z.string().nullable(),
  /** The first pair of eyes: who proposed the destruction or recorded the request, when, why. */
  proposedByName: z.string().nullable(),
  proposedAt: moment.nullable(),
  proposalNote: z.string().nullable(),
  /** Whose turn it is for the person asking (see destructionTurn). */
  turn: z.enum(DESTRUCTION_TURNS),
  decidedAt: moment.nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number(),
});
export type DestructionItem = z.infer<typeof destructionItem>;

/** One page of the queue, with the number of rows in that status. */
export const destructionPage = z.object({ total: z.number(), items: z.array(destructionItem) });
export type DestructionPage = z.infer<typeof destructionPage>;

export const retentionJobResult = z.object({ listed: z.number(), retentionYears: z.number() });
export type RetentionJobResult = z.infer<typeof retentionJobResult>;
