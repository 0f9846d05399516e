// The access and change log (NEN 7513): who did what to which record, when, with {from, to}.
// Append-only: a trigger (migration 0005) refuses update, delete and truncate; the only exception is
// the destruction of a client's personal data, which may blank `changes` (see retention).
// A row is about one client (`client_id`: a read, a change, a refused look) or names every client a
// list view or search showed (`client_ids`), so the client's access log finds both.
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';

export const auditLog = pgTable(
  'audit_log',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    /** The actor's role and team at the time, so the log reads right after a user moves team. */
    actorRole: text('actor_role'),
    actorTeamId: uuid('actor_team_id'),
    /** On whose behalf: e.g. the command line, an import, or the daily retention job. */
    onBehalfOf: text('on_behalf_of'),
    /** success or denied (a read outside the actor's scope). */
    outcome: text('outcome').notNull().default('success'),
    /** The access was made under break-the-glass. */
    emergency: boolean('emergency').notNull().default(false),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    clientId: uuid('client_id'),
    /** Every client a list view or search showed (sorted, each once); null for a row about one record. */
    clientIds: uuid('client_ids').array(),
    changes: jsonb('changes'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('audit_client_idx').on(t.organisationId, t.clientId, t.at),
    index('audit_entity_idx').on(t.organisationId, t.entityType, t.entityId),
    index('audit_client_ids_idx').using('gin', t.clientIds),
  ],
);
