// HTTP: the contact journal of a case.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { idempotencyHeaders, idempotencyKeyOf } from '../../http/idempotency';
import { idParams } from '../../http/params';
import { contact, contactFields, contactUpdate, contactVersion, journalEntry } from './journal.schemas';
import { addContact, listContactVersions, listContacts, updateContact } from './journal.service';

export function journalRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/cases/:id/contacts', { config: { permission: 'cases:read' }, schema: { summary: 'The journal of a case, newest first; sensitive entries the actor may not read are listed as withheld', params: idParams, response: { 200: z.array(journalEntry) } } }, async (request) =>
      listContacts(db, actorOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/contacts',
      {
        config: { permission: 'journal:write' },
        schema: { summary: 'Add a contact to the journal',
          description:
            'Send an `Idempotency-Key` header (a UUID you choose, new for every entry) to make the request safe to repeat: a retry with the same key by the same user returns the contact made the first time (201), never a second one. Keys belong to their user and this route; the same key used earlier for another case answers 409.',
          params: idParams,
          headers: idempotencyHeaders,
          body: contactFields,
          response: { 201: contact },
        },
      },
      async (request, reply) => reply.status(201).send(await addContact(db, actorOf(request), request.params.id, request.body, { idempotency: idempotencyKeyOf(request) })),
    );
    app.put(
      '/contacts/:id',
      { config: { permission: 'journal:write' }, schema: { summary: 'Change a contact; the earlier version is kept', params: idParams, body: contactUpdate, response: { 200: contact } } },
      async (request) => updateContact(db, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/contacts/:id/versions',
      { config: { permission: 'cases:read' }, schema: { summary: 'Earlier versions of a contact', params: idParams, response: { 200: z.array(contactVersion) } } },
      async (request) => listContactVersions(db, actorOf(request), request.params.id),
    );
  };
}
