// The user's own notifications: the list (newest first), the unread count, marking read. The list
// names a client only within the reader's scope at the moment of reading (caseScope,
// registrationScope, taskScope), and is logged as a list view naming those clients.
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { caseClients, cases, clients, notifications, registrations, tasks, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope, holds, registrationScope, taskScope } from '../../access/access.policy';
import { writeAudit } from '../../audit/audit.writer';
import { shownLastName } from '../retention/destroyed-client';
import { notificationText } from './notification-text';
import type { markAllRead, markRead, Notification, notificationListQuery, NotificationPage } from './notifications.schemas';

const mine = (actor: Actor) => and(eq(notifications.organisationId, actor.organisationId), eq(notifications.recipientId, actor.userId));

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

const notifier = alias(users, 'notifier');
const mainLink = alias(caseClients, 'main_link');
const caseClient = alias(clients, 'case_client');
const registrationClient = alias(clients, 'registration_client');

const fullName = (table: typeof caseClient | typeof registrationClient) => sql<string>`trim(${table.firstName} || ' ' || ${shownLastName(table)})`;

export async function listNotifications(db: Db, actor: Actor, query: z.output<typeof notificationListQuery>): Promise<NotificationPage> {
  const caseReadable = holds(caseScope(actor, 'read'));
  const registrationReadable = holds(registrationScope(actor, 'read'));
  const taskReadable = holds(taskScope(actor, 'read'));
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actorName: notifier.name,
      caseId: notifications.caseId,
      caseReadable,
      // Names and titles leave the database only when the reader may see them now.
      caseClientId: sql<string | null>`case when ${caseReadable} then ${caseClient.id} end`,
      caseClientName: sql<string | null>`case when ${caseReadable} then ${fullName(caseClient)} end`,
      registrationId: notifications.registrationId,
      registrationReadable,
      registrationClientId: sql<string | null>`case when ${registrationReadable} then ${registrationClient.id} end`,
      registrationClientName: sql<string | null>`case when ${registrationReadable} then ${fullName(registrationClient)} end`,
      taskReadable,
      taskTitle: sql<string | null>`case when ${taskReadable} then ${tasks.title} end`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(notifications)
    .leftJoin(notifier, and(eq(notifier.organisationId, notifications.organisationId), eq(notifier.id, notifications.actorId)))
    .leftJoin(cases, and(eq(cases.organisationId, notifications.organisationId), eq(cases.id, notifications.caseId)))
    .leftJoin(mainLink, and(eq(mainLink.organisationId, notifications.organisationId), eq(mainLink.caseId, notifications.caseId), eq(mainLink.role, 'hoofdclient')))
    .leftJoin(caseClient, and(eq(caseClient.organisationId, mainLink.organisationId), eq(caseClient.id, mainLink.clientId)))
    .leftJoin(registrations, and(eq(registrations.organisationId, notifications.organisationId), eq(registrations.id, notifications.registrationId)))
    .leftJoin(registrationClient, and(eq(registrationClient.organisationId, registrations.organisationId), eq(registrationClient.id, registrations.clientId)))
    .leftJoin(tasks, and(eq(tasks.organisationId, notifications.organisationId), eq(tasks.id, notifications.taskId)))
    .where(mine(actor))
    // Newest first; the notifications of one transaction share their moment, the id keeps their order fixed.
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit)
    .offset(query.offset);

  const items: Notification[] = rows.map((r) => {
    const clientName = r.caseClientName ?? r.registrationClientName;
    return {
      id: r.id,
      kind: r.kind,
      text: notificationText({ kind: r.kind, actorName: r.actorName, clientName, taskTitle: r.taskTitle }),
      readable: r.kind === 'registration' ? r.registrationReadable : r.kind === 'task_assigned' ? r.taskReadable : r.caseReadable,
      caseId: r.caseReadable ? r.caseId : null,
      registrationId: r.registrationReadable ? r.registrationId : null,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    };
  });
  const named = rows.flatMap((r) => [r.caseClientId, r.registrationClientId]).filter((id): id is string => !!id);
  const total = rows[0]?.total ?? (query.offset > 0 ? await countAll(db, actor) : 0);
  await writeAudit(db, actor, { action: 'list', entityType: 'notification_list', changes: { offset: query.offset, results: items.length }, clientIds: named });
  return { items, total, unread: await unreadCount(db, actor) };
}

async function countAll(db: Db, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(mine(actor));
  return row?.n ?? 0;
}

/** Marks the user's own notifications among `ids` read; others' ids change nothing (and tell nothing). */
export async function markNotificationsRead(db: Db, actor: Actor, input: z.output<typeof markRead>): Promise<number> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(actor), inArray(notifications.id, input.ids), isNull(notifications.readAt)));
  return unreadCount(db, actor);
}

/** Marks read what the user saw: their notifications up to the moment of the newest one shown. */
export async function markAllNotificationsRead(db: Db, actor: Actor, input: z.output<typeof markAllRead>): Promise<number> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    // The list gives moments in milliseconds, the database keeps microseconds: the whole millisecond counts as seen.
    .where(and(mine(actor), isNull(notifications.readAt), sql`${notifications.createdAt} < ${input.seenUpTo}::timestamptz + interval '1 millisecond'`));
  return unreadCount(db, actor);
}
