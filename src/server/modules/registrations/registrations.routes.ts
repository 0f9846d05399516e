// HTTP: register a resident, the triage queue, and triage.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../lib/problem';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { idParams } from '../../http/params';
import { newRegistration, registration, registrationListQuery, triageBody } from './registrations.schemas';
import { createRegistration, getRegistration, listRegistrations, triageRegistration } from './registrations.service';

export function registrationsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/registrations',
      { config: { permission: 'registrations:write' }, schema: { summary: 'Register a resident (aanmelding)', body: newRegistration, response: { 201: registration, 429: problemSchema } } },
      async (request, reply) => reply.status(201).send(await createRegistration(db, actorOf(request), request.body)),
    );
    app.get(
      '/registrations',
      { config: { permission: 'cases:read' }, schema: { summary: "The team's registrations", querystring: registrationListQuery, response: { 200: z.array(registration) } } },
      async (request) => listRegistrations(db, actorOf(request), request.query),
    );
    app.get('/registrations/:id', { config: { permission: 'cases:read' }, schema: { summary: 'A registration', params: idParams, response: { 200: registration } } }, async (request) =>
      getRegistration(db, actorOf(request), request.params.id),
    );
    app.post(
      '/registrations/:id/triage',
      { config: { permission: 'registrations:write' }, schema: { summary: 'Record the triage outcome', params: idParams, body: triageBody, response: { 200: registration } } },
      async (request) => triageRegistration(db, actorOf(request), request.params.id, request.body),
    );
  };
}
