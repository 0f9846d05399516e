// Tasks and reminders (for oneself or a colleague of one's team, on a case or not) and the
// notifications in the app (a case handed to you, a registration for your team, a task given to
// you, a journal entry by a colleague on your case).
import { bigint, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations } from './organisation';
import { cases } from './cases';
import { registrations } from './clients';
import { users } from './users';
import type { NotificationKind } from '../../modules/notifications/notifications.schemas';

export const tasks = pgTable(
  'tasks',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    /** Who is to do it: the maker or a colleague of the maker's team. */
    assigneeId: uuid('assignee_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    /** On a case (its scope applies), or null: a task of one's own. */
    caseId: uuid('case_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The order in which the tasks were made: tasks due on the same day are listed in it. Never the
     * random id, and not created_at alone (the tasks of one transaction share it: the demo's).
     */
    createdOrder: bigint('created_order', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('tasks_created_order_uq').on(t.organisationId, t.createdOrder),
    index('tasks_assignee_idx').on(t.organisationId, t.assigneeId, t.dueOn).where(sql`${t.doneAt} is null`),
    index('tasks_creator_idx').on(t.organisationId, t.createdBy),
    index('tasks_case_idx').on(t.organisationId, t.caseId),
    foreignKey({ columns: [t.organisationId, t.assigneeId], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.createdBy], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.doneBy], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
  ],
);

/**
 * One notification for one user. It holds what it is about by reference only, never a client's
 * name or a text about them: the list composes the text when it is read, within the reader's
 * scope at that moment (a case handed on since is shown without details).
 */
export const notifications = pgTable(
  'notifications',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    recipientId: uuid('recipient_id').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** Who caused it (null: the system). */
    actorId: uuid('actor_id'),
    caseId: uuid('case_id'),
    registrationId: uuid('registration_id'),
    taskId: uuid('task_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('notifications_recipient_idx').on(t.organisationId, t.recipientId, t.createdAt),
    index('notifications_unread_idx').on(t.organisationId, t.recipientId).where(sql`${t.readAt} is null`),
    foreignKey({ columns: [t.organisationId, t.recipientId], foreignColumns: [users.organisationId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.actorId], foreignColumns: [users.organisationId, users.id] }),
    // A notification goes with what it is about (a task deleted with its client's data).
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.registrationId], foreignColumns: [registrations.organisationId, registrations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.taskId], foreignColumns: [tasks.organisationId, tasks.id] }).onDelete('cascade'),
  ],
);
