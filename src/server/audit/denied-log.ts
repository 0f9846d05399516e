// Refused looks (NEN 7513 logs the outcome of every access). An /api request about an existing record
// of the organisation that answers 404 because the caller may not see it (outside their record scope,
// or a role without the route's permission) leaves one audit row with outcome 'denied': who (user,
// role, team), what was attempted, which record and which client. The record comes from the central
// table of audit/denied-routes.ts; an unknown id and an anonymous request leave no row.
//
// One mechanism for every route, in onResponse: Fastify calls it after the answer has been sent, and
// it does not wait for the row. So the existence check and the row come after the 404 has left, and a
// refused look at an existing record is answered as fast as a look at nothing (audit/after-answer.ts;
// its `auditAfterAnswerSettled()` waits for the rows still being written, and closing the app does too).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor';
import { roleAllows } from '../access/permissions';
import type { Db } from '../db/database';
import { auditAfterAnswer, auditAfterAnswerSettled } from './after-answer';
import { writeAudit } from './audit.writer';
import { findRecord } from './denied-records';
import { DENIED_ROUTES, modeOf, tableProblem, type DeniedRoute } from './denied-routes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of the route's record in the request, when it is one that can exist. */
function recordIdOf(request: FastifyRequest, route: DeniedRoute): string | null {
  const from = route.from ?? { param: 'id' };
  const source = 'param' in from ? request.params : request.body;
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)['param' in from ? from.param : from.body] : undefined;
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

async function logRefusal(db: Db, actor: Actor, key: string, route: DeniedRoute, id: string, refusedByRole: boolean): Promise<void> {
  const found = await findRecord(db, actor, route.kind, id, modeOf(route.action), route.visibility);
  // Nothing there, or a record the caller may see that answered 404 for another reason (a version or
  // a reference in the body that does not exist): not a refusal.
  if (!found || (found.visible && !refusedByRole)) return;
  await writeAudit(db, actor, { action: route.action, entityType: route.kind, entityId: id, clientId: found.clientId, outcome: 'denied', changes: { route: key } });
}

export function registerDeniedLog(app: FastifyInstance, db: Db): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue; // Fastify's twin of a GET route: looked up as the GET
      const problem = tableProblem(method, route.url);
      if (problem) throw new Error(problem);
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const actor = request.actor;
    const permission = request.routeOptions.config?.permission;
    if (reply.statusCode !== 404 || !actor || !permission) return;
    const key = `${request.method === 'HEAD' ? 'GET' : request.method} ${request.routeOptions.url}`;
    const route = DENIED_ROUTES[key];
    const id = route ? recordIdOf(request, route) : null;
    if (!route || !id) return;
    auditAfterAnswer(
      () => logRefusal(db, actor, key, route, id, !roleAllows(actor.role, permission)),
      (err) => request.log.error({ err }, 'a refused look could not be logged'),
    );
  });

  app.addHook('onClose', () => auditAfterAnswerSettled());
}
