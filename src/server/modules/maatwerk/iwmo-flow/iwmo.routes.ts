// HTTP: the beheerder's iWmo screen. The message log, and the outbox and the inbox run now through
// the message gateway's folders of the configuration (never a folder the caller names). No answer
// holds client data (iwmo-screen.service.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../http/auth-hook';
import type { AppDeps } from '../../../app-deps';
import { problemSchema } from '../../../lib/problem';
import { iwmoInboxResult, iwmoMessagePage, iwmoMessagesQuery, iwmoOutboxResult, iwmoRunBody } from './iwmo.schemas';
import { listIwmoMessages, runInbox, runOutbox } from './iwmo-screen.service';

export function iwmoRoutes({ db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const manage = { permission: 'iwmo:manage' as const };
    app.get(
      '/iwmo/messages',
      { config: manage, schema: { summary: 'The iWmo messages sent and received, newest first, without client data; and the state of the two folders', querystring: iwmoMessagesQuery, response: { 200: iwmoMessagePage } } },
      async (request) => listIwmoMessages(db, actorOf(request), config, request.query),
    );
    app.post(
      '/iwmo/outbox',
      {
        config: manage,
        schema: { summary: 'Write a WMO301 per client and provider with new and changed toewijzingen into the outbox folder now (409 when it is not set)', body: iwmoRunBody, response: { 200: iwmoOutboxResult, 429: problemSchema } },
      },
      async (request) => runOutbox(db, actorOf(request), config),
    );
    app.post(
      '/iwmo/inbox',
      {
        config: manage,
        schema: { summary: "Read the providers' messages in the inbox folder now, with retours into the outbox folder (409 when either is not set)", body: iwmoRunBody, response: { 200: iwmoInboxResult, 429: problemSchema } },
      },
      async (request) => runInbox(db, actorOf(request), config),
    );
  };
}
