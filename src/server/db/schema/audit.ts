// The access and change log (NEN 7513): who did what to which record, when, with {from, to}.
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';

export const auditLog = pgTable(
  'audit_log',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    clientId: uuid('client_id'),
    changes: jsonb('changes'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('audit_client_idx').on(t.organisationId, t.clientId, t.at),
    index('audit_entity_idx').on(t.organisationId, t.entityType, t.entityId),
  ],
);
