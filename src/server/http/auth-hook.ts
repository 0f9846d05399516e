// Authentication, function-level authorisation and CSRF protection for every /api route.
// A route states its permission in `config.permission`; a route without one refuses to start.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor';
import { type Permission, PERMISSIONS, roleAllows } from '../access/permissions';
import { Forbidden, NotFound, Unauthenticated } from '../lib/errors';
import type { Db } from '../db/database';
import { findSession, SESSION_COOKIE } from '../modules/auth/sessions.repo';
import { SESSION_EXPIRED_MESSAGE } from '../modules/auth/auth.schemas';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyInstance {
    /** Every /api route with its permission, for the route table test and the docs. */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission;
}

/** Methods that change nothing: no CSRF token needed (and the OpenAPI document asks none). */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

export function registerAuthHook(app: FastifyInstance, db: Db, options: { sessionIdleMinutes: number }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const permission = route.config?.permission;
    if (!permission || !PERMISSIONS.includes(permission)) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, permission });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) return; // not an API route (static files, 404)
    const token = request.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const session = await findSession(db, token, { idleMinutes: options.sessionIdleMinutes });
      if (session.status === 'active') {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
      }
      expired = session.status === 'expired';
      if (expired) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    if (permission === 'public') return;
    if (!request.actor) throw new Unauthenticated(expired ? SESSION_EXPIRED_MESSAGE : undefined);
    if (!roleAllows(request.actor.role, permission)) return; // refused below, once the body is read
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.csrfToken) {
      throw new Forbidden('Het beveiligingstoken ontbreekt of klopt niet. Laad de pagina opnieuw.');
    }
  });

  // A role without the permission gets the same answer as a record outside its scope: the thing
  // does not exist for it. One denial code, nothing to learn from probing. Refused after the body is
  // parsed and before it is validated, so the log of refused looks (audit/denied-log.ts) can name a
  // record the body refers to (a clientId).
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const permission = request.routeOptions.config?.permission;
    if (permission && permission !== 'public' && request.actor && !roleAllows(request.actor.role, permission)) throw new NotFound();
  });
}

/** The actor of a route that requires a session (the hook has already refused anonymous calls). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthenticated();
  return request.actor;
}
