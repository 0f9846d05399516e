// Persons the teams support, and their registrations (aanmeldingen) with the triage outcome.
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations, teams } from './organisation';
import { users } from './users';
import type { TriageOutcome } from '../../modules/registrations/triage';

export const clients = pgTable(
  'clients',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    /** The id in the system the history was imported from. */
    externalId: text('external_id'),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    birthDate: date('birth_date', { mode: 'string' }),
    bsn: text('bsn'),
    gender: text('gender'),
    street: text('street'),
    houseNumber: text('house_number'),
    postcode: text('postcode'),
    city: text('city'),
    phone: text('phone'),
    /** Lower-case full name, kept by the database, for trigram search. */
    searchName: text('search_name')
      .notNull()
      .generatedAlwaysAs(sql`lower(first_name || ' ' || last_name)`),
    /** Set when the personal data were destroyed (retention term or the client's request). */
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('clients_external_uq').on(t.organisationId, t.externalId),
    // Not unique: an imported history may hold one person twice (the old systems double-registered);
    // new registrations are checked in the service.
    index('clients_bsn_idx').on(t.organisationId, t.bsn),
    index('clients_name_trgm').using('gin', t.searchName.op('gin_trgm_ops')),
    index('clients_birth_idx').on(t.organisationId, t.birthDate),
    index('clients_postcode_idx').on(t.organisationId, t.postcode),
  ],
);

export const registrations = pgTable(
  'registrations',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    teamId: uuid('team_id').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    referrerCode: text('referrer_code').notNull(),
    referrerOther: text('referrer_other'),
    question: text('question').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    triageOutcome: text('triage_outcome').$type<TriageOutcome>(),
    triageAdvice: text('triage_advice'),
    /** For the outcome "another team": the team it was passed to. */
    triageTeamId: uuid('triage_team_id'),
    triagedBy: uuid('triaged_by'),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    caseId: uuid('case_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('registrations_team_idx').on(t.organisationId, t.teamId, t.triageOutcome),
    index('registrations_client_idx').on(t.organisationId, t.clientId),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
    foreignKey({ columns: [t.organisationId, t.createdBy], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/**
 * The teams that have a client in their records: the team of a case the client belongs to
 * (case_clients → cases.team_id), or the team or triage team of one of the client's registrations.
 * This is the access policy's team check (clientScope), kept as a table so that the check is one
 * index probe: a name search checks every name that matches in the whole organisation, and two
 * lookups through cases and registrations per candidate made "jansen" over ten years of Utrecht
 * cost 124 ms. Database triggers keep it (migration 0006); the application never writes it.
 */
export const clientTeams = pgTable(
  'client_teams',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    clientId: uuid('client_id').notNull(),
    teamId: uuid('team_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.clientId, t.teamId] }),
    index('client_teams_team_idx').on(t.organisationId, t.teamId, t.clientId),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }).onDelete('cascade'),
  ],
);
