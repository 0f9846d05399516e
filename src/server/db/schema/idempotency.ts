// Idempotency keys (the Idempotency-Key header, http/idempotency.ts): which record a user's key made
// on a create route, so a retry gets that record back. A key belongs to its user and route: another
// user's key, even the same UUID, is simply a different key, and nothing about it can be learnt.
import { foreignKey, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';
import { users } from './users';

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    userId: uuid('user_id').notNull(),
    /** The route as declared, e.g. `POST /api/v1/cases/:id/contacts`. */
    route: text('route').notNull(),
    key: uuid('key').notNull(),
    /** The record the first request with this key made. */
    recordId: uuid('record_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId, t.route, t.key] }),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete('cascade'),
  ],
);
