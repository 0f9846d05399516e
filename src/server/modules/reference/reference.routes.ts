// HTTP: GET /api/v1/reference, the teams and code lists every screen needs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { reference } from './reference.schemas';
import { loadReference } from './reference.service';

export function referenceRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/reference', { config: { permission: 'session' }, schema: { summary: 'Teams and code lists', response: { 200: reference } } }, async (request) =>
      loadReference(db, actorOf(request).organisationId),
    );
  };
}
