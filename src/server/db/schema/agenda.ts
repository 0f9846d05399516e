// The agenda: appointments on a case (a home visit, at the office, by phone or video) and the
// secret address of each worker's iCalendar feed (only its sha256 is kept).
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';
import { cases } from './cases';
import { contacts } from './journal';
import { users } from './users';
import type { AppointmentKind, AppointmentStatus } from '../../modules/appointments/appointment-rules';

export const appointments = pgTable(
  'appointments',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    /** Who organises it and has it in their agenda: a worker or team leader of the case's team. */
    workerId: uuid('worker_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    kind: text('kind').$type<AppointmentKind>().notNull(),
    /** Free text, e.g. "Mevrouw en haar dochter". */
    withWhom: text('with_whom'),
    /** Free text; required for a home visit and at the office. It appears in the worker's agenda feed. */
    place: text('place'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
    status: text('status').$type<AppointmentStatus>().notNull().default('gepland'),
    /** The journal entry the appointment became when it took place. */
    contactId: uuid('contact_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('appointments_case_idx').on(t.organisationId, t.caseId, t.startsAt),
    index('appointments_worker_idx').on(t.organisationId, t.workerId, t.startsAt),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.workerId], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.createdBy], foreignColumns: [users.organisationId, users.id] }),
    // Journal entries are never deleted (destruction empties their note), so no ON DELETE is needed.
    foreignKey({ columns: [t.organisationId, t.contactId], foreignColumns: [contacts.organisationId, contacts.id] }),
  ],
);

/**
 * One feed address per worker: the random token is shown once, the database keeps its sha256, so a
 * stolen database gives no usable feed. Revoking deletes the row (the old address then answers 404);
 * a new address replaces the old one.
 */
export const agendaFeeds = pgTable(
  'agenda_feeds',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    // The feed's address names no organisation: the token is looked up across them, as a session is.
    uniqueIndex('agenda_feeds_token_uq').on(t.tokenHash),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete('cascade'),
  ],
);
