// HTTP: the network around a case's household.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { networkDelete, networkFields, networkMember, networkUpdate } from './network.schemas';
import { addNetworkMember, listNetwork, removeNetworkMember, updateNetworkMember } from './network.service';

export function networkRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const write = { permission: 'cases:write' as const };
    app.get('/cases/:id/network', { config: { permission: 'cases:read' }, schema: { summary: "The household's network", params: idParams, response: { 200: z.array(networkMember) } } }, async (request) =>
      listNetwork(db, actorOf(request), request.params.id),
    );
    app.post('/cases/:id/network', { config: write, schema: { summary: 'Add someone to the network', params: idParams, body: networkFields, response: { 201: networkMember } } }, async (request, reply) =>
      reply.status(201).send(await addNetworkMember(db, actorOf(request), request.params.id, request.body)),
    );
    app.put('/network/:id', { config: write, schema: { summary: 'Change someone in the network', params: idParams, body: networkUpdate, response: { 200: networkMember } } }, async (request) =>
      updateNetworkMember(db, actorOf(request), request.params.id, request.body),
    );
    app.post('/network/:id/remove', { config: write, schema: { summary: 'Remove someone from the network', params: idParams, body: networkDelete, response: { 204: z.null() } } }, async (request, reply) => {
      await removeNetworkMember(db, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    });
  };
}
