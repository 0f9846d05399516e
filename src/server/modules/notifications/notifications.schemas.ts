// Notifications in the app: what they are about, the list, the unread count and marking them read.
// Shared with the web app.
import { z } from 'zod';
import { moment } from '../../lib/date-fields';
import { offsetParam, wholeNumberParam } from '../../lib/number-fields';

/**
 * case_assigned: someone else made you the lead worker of a case (lead worker set, transfer to you,
 * triage with you as lead worker). case_to_team: a case handed to your team without a lead worker
 * (team leaders). registration: a new registration in your team's queue (its workers and team
 * leaders). task_assigned: someone else gave you a task. journal_entry: a colleague wrote in the
 * journal of a case you lead (the "message from a colleague on a case").
 */
export const NOTIFICATION_KINDS = ['case_assigned', 'case_to_team', 'registration', 'task_assigned', 'journal_entry'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_PAGE_SIZE = 20;

export const notificationListQuery = z.object({
  limit: wholeNumberParam(1, 100, 'Vraag 1 tot en met 100 berichten tegelijk').default(NOTIFICATION_PAGE_SIZE),
  offset: offsetParam.default(0),
});

export const notification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** The Dutch sentence, with only what the reader may see now (no client name of a case handed on since). */
  text: z.string(),
  /** Whether the reader may open what it is about now (else the text has no details). */
  readable: z.boolean(),
  /** Set only when the reader may open it now. */
  caseId: z.string().nullable(),
  registrationId: z.string().nullable(),
  createdAt: moment,
  read: z.boolean(),
});
export type Notification = z.infer<typeof notification>;

export const notificationPage = z.object({
  items: z.array(notification),
  total: z.number(),
  unread: z.number(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const unreadCount = z.object({ unread: z.number() });
export type UnreadCount = z.infer<typeof unreadCount>;

export const markRead = z.object({
  ids: z.array(z.uuid('Onbekend bericht')).min(1, 'Kies een bericht').max(100, 'Kies hoogstens 100 berichten tegelijk'),
});

/**
 * Everything up to the newest notification the reader saw (its `createdAt`): one that came in after
 * the page was shown stays unread.
 */
export const markAllRead = z.object({
  seenUpTo: z.iso.datetime('Het tijdstip ontbreekt of klopt niet. Laad de pagina opnieuw.'),
});
