// HTTP: the client's access log, and the log of a print of the krachtplan.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { accessLogPage, accessLogQuery, planPrintBody } from './access-log.schemas';
import { getAccessLog, logPlanPrint } from './access-log.service';

export function accessLogRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/clients/:id/access-log',
      { config: { permission: 'accesslog:read' }, schema: { summary: "Who accessed the client's data: the readable access log (NEN 7513), newest first", params: idParams, querystring: accessLogQuery, response: { 200: accessLogPage } } },
      async (request) => getAccessLog(db, actorOf(request), request.params.id, request.query.page),
    );
    // The print view calls this when it opens; the print itself happens in the browser.
    app.post(
      '/cases/:id/plan/print',
      { config: { permission: 'cases:read' }, schema: { summary: 'Log that the krachtplan is printed', params: idParams, body: planPrintBody, response: { 204: z.null() } } },
      async (request, reply) => {
        await logPlanPrint(db, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
