// Cases (casussen): one household's period of support by one team, its household and status history.
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations, teams } from './organisation';
import { clients } from './clients';
import { users } from './users';
import type { CaseEventKind, CaseStatus, FirstMeetingLocation } from '../../modules/cases/case-rules';

export const cases = pgTable(
  'cases',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    externalId: text('external_id'),
    teamId: uuid('team_id').notNull(),
    leadWorkerId: uuid('lead_worker_id'),
    status: text('status').$type<CaseStatus>().notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    referrerCode: text('referrer_code').notNull().default('onbekend'),
    referrerOther: text('referrer_other'),
    question: text('question'),
    firstMeetingOn: date('first_meeting_on', { mode: 'string' }),
    firstMeetingLocation: text('first_meeting_location').$type<FirstMeetingLocation>(),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReasons: text('close_reasons').array().notNull().default(sql`'{}'::text[]`),
    closeOutcomes: text('close_outcomes').array().notNull().default(sql`'{}'::text[]`),
    satisfactionScore: integer('satisfaction_score'),
    canContinueAlone: boolean('can_continue_alone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('cases_external_uq').on(t.organisationId, t.externalId),
    index('cases_team_status_idx').on(t.organisationId, t.teamId, t.status),
    index('cases_lead_idx').on(t.organisationId, t.leadWorkerId, t.status),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
    foreignKey({ columns: [t.organisationId, t.leadWorkerId], foreignColumns: [users.organisationId, users.id] }),
  ],
);

export const caseClients = pgTable(
  'case_clients',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    clientId: uuid('client_id').notNull(),
    /** hoofdclient (exactly one per case) or huishoudlid. */
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.caseId, t.clientId] }),
    index('case_clients_client_idx').on(t.organisationId, t.clientId),
    uniqueIndex('case_clients_main_uq').on(t.organisationId, t.caseId).where(sql`${t.role} = 'hoofdclient'`),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }),
  ],
);

/** The visible history of a case: first meeting, start, close, reopen (with reason), change of lead worker. */
export const caseEvents = pgTable(
  'case_events',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').$type<CaseEventKind>().notNull(),
    reason: text('reason'),
    data: jsonb('data'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('case_events_case_idx').on(t.organisationId, t.caseId, t.at),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
  ],
);
