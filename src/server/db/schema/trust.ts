// Privacy and quality (issue 5): emergency access (break the glass), attachments of a client to
// another team, the consent register and the disclosures made, the quality registers (complaints,
// objections, incidents) and the destruction queue for the retention term.
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations, teams } from './organisation';
import { clients, registrations } from './clients';
import { cases } from './cases';
import { users } from './users';
import type { QualityKind, QualityStatus } from '../../modules/quality/quality-rules';
import type { DestructionStatus } from '../../modules/retention/retention.schemas';

/** Break the glass: a user opened a client outside their team, with a reason, for a limited time. */
export const emergencyAccess = pgTable(
  'emergency_access',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    clientId: uuid('client_id').notNull(),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set by `kwaliteit` after reviewing the access. */
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** justified or unjustified */
    reviewOutcome: text('review_outcome'),
    reviewNote: text('review_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('emergency_access_user_idx').on(t.organisationId, t.userId, t.clientId, t.expiresAt),
    index('emergency_access_review_idx').on(t.organisationId, t.reviewedAt, t.grantedAt),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }),
  ],
);

/**
 * An attach (koppeling): a worker used a client their team did not hold in a new registration or
 * household, found by exact identification and with a reason. Kept for kwaliteit's review; while the
 * attach is not judged justified and another team held the client, the team reads the client's
 * master data but does not change it (clientScope in access.policy.ts).
 */
export const clientAttachments = pgTable(
  'client_attachments',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    /** The team the client was attached to: the worker's team at the time. */
    teamId: uuid('team_id').notNull(),
    clientId: uuid('client_id').notNull(),
    /** What the attach made: a registration, or a place in the household of a case. */
    registrationId: uuid('registration_id'),
    caseId: uuid('case_id'),
    /** bsn, name_birth_date */
    identifiedBy: text('identified_by').notNull(),
    reason: text('reason').notNull(),
    /** Another team held the client at the time (without one, the attach opens no one's file). */
    heldElsewhere: boolean('held_elsewhere').notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** terecht, onterecht */
    reviewOutcome: text('review_outcome'),
    reviewNote: text('review_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('client_attachments_client_idx').on(t.organisationId, t.clientId, t.teamId),
    index('client_attachments_review_idx').on(t.organisationId, t.reviewedAt, t.attachedAt),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }),
    foreignKey({ columns: [t.organisationId, t.registrationId], foreignColumns: [registrations.organisationId, registrations.id] }),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }),
  ],
);

/** The consent register: with whom a client agreed data may be shared, what, why, from–to, how given. */
export const consents = pgTable(
  'consents',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    /** The team that recorded it: a team sees its own consents of a client it shares with others. */
    teamId: uuid('team_id'),
    /** huisarts, zorgaanbieder, woningcorporatie, ... (see trust code lists in the consents module) */
    recipientKind: text('recipient_kind').notNull(),
    recipientName: text('recipient_name').notNull(),
    dataShared: text('data_shared').notNull(),
    purpose: text('purpose').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    /** mondeling, schriftelijk, digitaal */
    givenHow: text('given_how').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnBy: uuid('withdrawn_by'),
    withdrawalNote: text('withdrawal_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('consents_client_idx').on(t.organisationId, t.clientId),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
  ],
);

/** A disclosure (verstrekking) of a client's data to a third party, with its legal ground. */
export const disclosures = pgTable(
  'disclosures',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    /** The team that made it (and `caseId` the case, where there is one): a team sees its own. */
    teamId: uuid('team_id'),
    caseId: uuid('case_id'),
    recipient: text('recipient').notNull(),
    dataShared: text('data_shared').notNull(),
    /** toestemming, wettelijke_plicht, meldrecht, conflict_van_plichten */
    ground: text('ground').notNull(),
    /** The consent relied on, for the ground "toestemming". */
    consentId: uuid('consent_id'),
    /** Why: required for every ground but consent. */
    reasoning: text('reasoning'),
    disclosedOn: date('disclosed_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('disclosures_client_idx').on(t.organisationId, t.clientId),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }),
    foreignKey({ columns: [t.organisationId, t.consentId], foreignColumns: [consents.organisationId, consents.id] }),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
  ],
);

/** The quality registers: complaints (klacht), objections (bezwaar) and incidents. */
export const qualityReports = pgTable(
  'quality_reports',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    /** klacht, bezwaar, incident */
    kind: text('kind').$type<QualityKind>().notNull(),
    /** For incidents: e.g. agressie_verbaal, agressie_fysiek, bedreiging, datalek, overig. */
    category: text('category'),
    teamId: uuid('team_id'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** Who filed it (a client, a resident, a worker), as written; no link to a client record. */
    filedBy: text('filed_by').notNull().default(''),
    /** open, in_behandeling, afgehandeld */
    status: text('status').$type<QualityStatus>().notNull().default('open'),
    evaluation: text('evaluation'),
    lessonLearned: text('lesson_learned'),
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('quality_reports_team_idx').on(t.organisationId, t.teamId, t.status),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
  ],
);

/** A handling step of a complaint, objection or incident. */
export const qualityReportSteps = pgTable(
  'quality_report_steps',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    stepOn: date('step_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    authorId: uuid('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('quality_report_steps_report_idx').on(t.organisationId, t.reportId, t.stepOn),
    foreignKey({ columns: [t.organisationId, t.reportId], foreignColumns: [qualityReports.organisationId, qualityReports.id] }).onDelete('cascade'),
  ],
);

/**
 * The destruction queue: a client whose retention term has passed (reason bewaartermijn) or who
 * asked for destruction (reason verzoek). Four eyes: one person of `kwaliteit` proposes the
 * destruction (or records the client's request), another confirms it or anyone declines;
 * confirmed means the personal data were removed and only anonymous facts remain.
 */
export const destructions = pgTable(
  'destructions',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    /** bewaartermijn, verzoek */
    reason: text('reason').notNull(),
    /** For a request: the date it was received; for the retention term: the date it was listed. */
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    /** The last day to act: the legal term for a request, the listing date for the retention term. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    requestNote: text('request_note'),
    /** te_beoordelen (listed, nobody proposed yet), voorgesteld, vernietigd, afgewezen */
    status: text('status').$type<DestructionStatus>().notNull().default('te_beoordelen'),
    /** The first pair of eyes: who proposed the destruction or recorded the request; never the one who confirms. */
    proposedBy: uuid('proposed_by'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    proposalNote: text('proposal_note'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('destructions_pending_uq').on(t.organisationId, t.clientId).where(sql`${t.status} in ('te_beoordelen', 'voorgesteld')`),
    index('destructions_status_idx').on(t.organisationId, t.status, t.dueOn),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }),
  ],
);
