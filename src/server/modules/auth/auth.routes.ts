// HTTP: POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { loginBody, me } from './auth.schemas';
import { getMe, login, logout } from './auth.service';
import { SESSION_COOKIE } from './sessions.repo';
import type { AppDeps } from '../../app';

export function authRoutes({ db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      { config: { permission: 'public' }, schema: { summary: 'Log in with e-mail and password', body: loginBody, response: { 200: me } } },
      async (request, reply) => {
        const result = await login(db, { ...request.body, ip: request.ip, sessionHours: config.sessionHours });
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: config.secureCookies,
          expires: result.expiresAt,
        });
        return result.me;
      },
    );

    app.post('/auth/logout', { config: { permission: 'session' }, schema: { summary: 'Log out', response: { 204: z.null() } } }, async (request, reply) => {
      await logout(db, actorOf(request), request.cookies[SESSION_COOKIE]!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.get('/auth/me', { config: { permission: 'session' }, schema: { summary: 'The logged-in user, role and CSRF token', response: { 200: me } } }, async (request) =>
      getMe(db, actorOf(request), request.csrfToken!),
    );
  };
}
