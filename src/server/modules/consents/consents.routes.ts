// HTTP: a client's consent register and the disclosures of their data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { clientConsents, consent, consentFields, consentWithdrawal, disclosure, disclosureFields } from './consents.schemas';
import { listConsents, recordConsent, recordDisclosure, withdrawConsent } from './consents.service';

export function consentsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const write = { permission: 'clients:write' as const };
    app.get('/clients/:id/consents', { config: { permission: 'clients:read' }, schema: { summary: "A client's consents and disclosures", params: idParams, response: { 200: clientConsents } } }, async (request) =>
      listConsents(db, actorOf(request), request.params.id),
    );
    app.post('/clients/:id/consents', { config: write, schema: { summary: 'Record a consent', params: idParams, body: consentFields, response: { 201: consent } } }, async (request, reply) =>
      reply.status(201).send(await recordConsent(db, actorOf(request), request.params.id, request.body)),
    );
    app.post('/consents/:id/withdraw', { config: write, schema: { summary: 'Withdraw a consent (it stays in the register)', params: idParams, body: consentWithdrawal, response: { 200: consent } } }, async (request) =>
      withdrawConsent(db, actorOf(request), request.params.id, request.body),
    );
    app.post('/clients/:id/disclosures', { config: write, schema: { summary: 'Record a disclosure with its legal ground', params: idParams, body: disclosureFields, response: { 201: disclosure } } }, async (request, reply) =>
      reply.status(201).send(await recordDisclosure(db, actorOf(request), request.params.id, request.body)),
    );
  };
}
