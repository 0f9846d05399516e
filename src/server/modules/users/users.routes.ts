// HTTP: the workers of a team, to choose a lead worker.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { NotFound } from '../../lib/errors';
import { worker } from './users.schemas';
import { listTeamWorkers } from './users.repo';

export function usersRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/teams/:teamId/workers',
      { config: { permission: 'cases:read' }, schema: { summary: 'Workers of my team', params: z.object({ teamId: z.uuid('Onbekend team') }), response: { 200: z.array(worker) } } },
      async (request) => {
        const actor = actorOf(request);
        if (request.params.teamId !== actor.teamId) throw new NotFound('Team niet gevonden');
        return (await listTeamWorkers(db, actor.organisationId, request.params.teamId)).map((w) => ({ ...w, role: w.role as z.infer<typeof worker>['role'] }));
      },
    );
  };
}
