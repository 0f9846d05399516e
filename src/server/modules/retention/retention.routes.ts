// HTTP: the destruction queue (bewaartermijn en vernietiging) and a client's request for destruction.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { confirmDestructionBody, destructionPage, declineDestructionBody, destructionItem, destructionRequestBody, proposeDestructionBody, retentionQuery } from './retention.schemas';
import { confirmDestruction, declineDestruction, listQueue, proposeDestruction, recordDestructionRequest } from './retention.service';

export function retentionRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const manage = { permission: 'retention:manage' as const };
    app.get('/retention', { config: manage, schema: { summary: 'The destruction queue: facts per client, no names', querystring: retentionQuery, response: { 200: destructionPage } } }, async (request) =>
      listQueue(db, actorOf(request), request.query),
    );
    app.post('/retention/:id/propose', { config: manage, schema: { summary: 'Propose a listed destruction: another person of kwaliteit confirms it (four eyes)', params: idParams, body: proposeDestructionBody, response: { 200: destructionItem } } }, async (request) =>
      proposeDestruction(db, actorOf(request), request.params.id, request.body),
    );
    app.post('/retention/:id/confirm', { config: manage, schema: { summary: "Confirm a proposed destruction, not the proposer's own: destroy the client's personal data", params: idParams, body: confirmDestructionBody, response: { 200: destructionItem } } }, async (request) =>
      confirmDestruction(db, actorOf(request), request.params.id, request.body),
    );
    app.post('/retention/:id/decline', { config: manage, schema: { summary: 'Decline: keep the data longer, with the reason', params: idParams, body: declineDestructionBody, response: { 200: destructionItem } } }, async (request) =>
      declineDestruction(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/clients/:id/destruction-request',
      { config: manage, schema: { summary: "Record a client's request for destruction (legal term 3 months); another person of kwaliteit confirms it", params: idParams, body: destructionRequestBody, response: { 201: destructionItem } } },
      async (request, reply) => reply.status(201).send(await recordDestructionRequest(db, actorOf(request), request.params.id, request.body)),
    );
  };
}
