// HTTP: login (password, or OpenID Connect when configured), logout, the current user, and the
// user's own password change.
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../lib/problem';
import { actorOf } from '../../http/auth-hook';
import { NotFound } from '../../lib/errors';
import { authConfig, loginBody, me, passwordChange, type OidcErrorCode } from './auth.schemas';
import { changePassword, getMe, login, loginWithOidc, logout, OidcRefused } from './auth.service';
import { decodePending, encodePending, OIDC_PENDING_COOKIE, OIDC_PENDING_SECONDS, OidcLogin } from './oidc';
import { loadPasswordDenylist } from './password-denylist';
import { PasswordChecks } from './password-checks';
import { REMEMBER_REFUSALS_MS } from './login-limits';
import { RefusalMemory } from '../../lib/rate-limit';
import { SESSION_COOKIE } from './sessions.repo';
import type { AppDeps } from '../../app-deps';

const OIDC_PATH = '/api/v1/auth/oidc';
/** Hosts on which browsers keep a Secure cookie over plain HTTP (they count as a secure context). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function authRoutes({ db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Read at start: a wrong PASSWORD_DENYLIST_FILE stops the server instead of being ignored.
    const denylist = await loadPasswordDenylist(config.passwordDenylistFile);
    const oidc = config.oidc ? new OidcLogin(config.oidc) : null;
    // One line of argon2 checks, and one memory of refused login limits, for this process.
    const context = { checks: new PasswordChecks(config.loginConcurrency), refusals: new RefusalMemory(REMEMBER_REFUSALS_MS) };
    const secure = !config.plainHttp;
    let warnedPlainHttp = false;

    function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt: Date }) {
      // A browser drops a Secure cookie that arrives over plain HTTP (except on localhost): the
      // login then seems to do nothing. Say why, once, in the log.
      if (secure && request.protocol === 'http' && !LOOPBACK_HOSTS.has(request.hostname) && !warnedPlainHttp) {
        warnedPlainHttp = true;
        request.log.warn(
          { hostname: request.hostname },
          'login over plain HTTP: browsers drop the Secure session cookie. Put HTTPS in front (and TRUST_PROXY so the X-Forwarded-Proto of the proxy counts), or set ALLOW_PLAIN_HTTP=true',
        );
      }
      reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'strict', secure, expires: session.expiresAt });
    }

    app.post(
      '/auth/login',
      { config: { permission: 'public' }, schema: { summary: 'Log in with e-mail and password', body: loginBody, response: { 200: me, 429: problemSchema } } },
      async (request, reply) => {
        const result = await login(db, { ...context, log: request.log }, { ...request.body, address: request.ip, sessionHours: config.sessionHours, previousToken: request.cookies[SESSION_COOKIE] });
        setSessionCookie(request, reply, result);
        return { ...result.me, sessionIdleMinutes: config.sessionIdleMinutes };
      },
    );

    app.post('/auth/logout', { config: { permission: 'session' }, schema: { summary: 'Log out', response: { 204: z.null() } } }, async (request, reply) => {
      await logout(db, actorOf(request), request.cookies[SESSION_COOKIE]!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.get('/auth/me', { config: { permission: 'session' }, schema: { summary: 'The logged-in user, role and CSRF token', response: { 200: me } } }, async (request) => ({
      ...(await getMe(db, actorOf(request), request.csrfToken!)),
      sessionIdleMinutes: config.sessionIdleMinutes,
    }));

    app.post(
      '/auth/password',
      { config: { permission: 'session' }, schema: { summary: 'Change my own password', body: passwordChange, response: { 204: z.null() } } },
      async (request, reply) => {
        await changePassword(db, { ...context, log: request.log }, actorOf(request), { ...request.body, currentToken: request.cookies[SESSION_COOKIE]!, address: request.ip, denylist });
        return reply.status(204).send(null);
      },
    );

    app.get('/auth/config', { config: { permission: 'public' }, schema: { summary: 'How one can log in (for the login page)', response: { 200: authConfig } } }, async () => ({
      oidc: oidc !== null,
    }));

    app.get('/auth/oidc/start', { config: { permission: 'public' }, schema: { summary: 'Start a login at the OpenID Connect provider (a redirect)' } }, async (request, reply) => {
      if (!oidc) throw new NotFound('Inloggen met een organisatieaccount is niet ingesteld');
      try {
        const { url, pending } = await oidc.start();
        // SameSite lax: the provider's redirect back is a cross-site navigation that must carry it.
        reply.setCookie(OIDC_PENDING_COOKIE, encodePending(pending), { path: OIDC_PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: OIDC_PENDING_SECONDS });
        return reply.redirect(url.href);
      } catch (error) {
        return failed(reply, request.log, 'oidc_failed', error);
      }
    });

    app.get('/auth/oidc/callback', { config: { permission: 'public' }, schema: { summary: 'Where the OpenID Connect provider sends the user back' } }, async (request, reply) => {
      if (!oidc) throw new NotFound('Inloggen met een organisatieaccount is niet ingesteld');
      const pending = decodePending(request.cookies[OIDC_PENDING_COOKIE]);
      // One use only: whatever happens next, the pending login is gone.
      reply.clearCookie(OIDC_PENDING_COOKIE, { path: OIDC_PATH });
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const providerError = new URLSearchParams(query).get('error');
      if (providerError) return failed(reply, request.log, providerError === 'access_denied' ? 'oidc_cancelled' : 'oidc_failed');
      if (!pending) return failed(reply, request.log, 'oidc_expired');
      try {
        const identity = await oidc.finish(query, pending);
        const result = await loginWithOidc(db, identity, { sessionHours: config.sessionHours, previousToken: request.cookies[SESSION_COOKIE] });
        setSessionCookie(request, reply, result);
        return reply.redirect('/');
      } catch (error) {
        if (error instanceof OidcRefused) return failed(reply, request.log, error.code);
        return failed(reply, request.log, 'oidc_failed', error);
      }
    });
  };
}

/** Back to the login page with the reason as a code (the page shows the Dutch message). */
function failed(reply: FastifyReply, log: FastifyBaseLogger, code: OidcErrorCode, error?: unknown) {
  if (error) log.warn({ err: error }, 'OpenID Connect login failed');
  else log.info({ reason: code }, 'OpenID Connect login refused');
  return reply.redirect(`/inloggen?fout=${code}`);
}
