// HTTP: the user's notifications. Every user has them (permission session); they hold only what
// happened to the user's own work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { markAllRead, markRead, notificationListQuery, notificationPage, unreadCount } from './notifications.schemas';
import { listNotifications, markAllNotificationsRead, markNotificationsRead, unreadCount as countUnread } from './notifications.service';

export function notificationsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const session = { permission: 'session' as const };
    app.get(
      '/notifications',
      { config: session, schema: { summary: 'My notifications, newest first, with the unread count', querystring: notificationListQuery, response: { 200: notificationPage } } },
      async (request) => listNotifications(db, actorOf(request), request.query),
    );
    app.get('/notifications/unread-count', { config: session, schema: { summary: 'How many of my notifications are unread (for the count in the header)', response: { 200: unreadCount } } }, async (request) => ({
      unread: await countUnread(db, actorOf(request)),
    }));
    app.post(
      '/notifications/read',
      { config: session, schema: { summary: 'Mark some of my notifications read; answers the unread count', body: markRead, response: { 200: unreadCount } } },
      async (request) => ({ unread: await markNotificationsRead(db, actorOf(request), request.body) }),
    );
    app.post(
      '/notifications/read-all',
      { config: session, schema: { summary: 'Mark my notifications read up to the newest one I saw; answers the unread count', body: markAllRead, response: { 200: unreadCount } } },
      async (request) => ({ unread: await markAllNotificationsRead(db, actorOf(request), request.body) }),
    );
  };
}
