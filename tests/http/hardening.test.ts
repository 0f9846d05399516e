// Hardening over HTTP: security headers, session rotation and idle timeout, password rules and the
// password change, and the client search that keeps a BSN out of every URL and log line. The login
// limits are in login-hardening.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, rateLimits, sessions, users } from '../../src/server/db/schema';
import { registerSecurityHeaders } from '../../src/server/http/security-headers';
import { SESSION_EXPIRED_MESSAGE } from '../../src/server/modules/auth/auth.schemas';
import { loginLimitKeys } from '../../src/server/modules/auth/login-limits';
import { loadPasswordDenylist } from '../../src/server/modules/auth/password-denylist';
import { PASSWORD_MESSAGES } from '../../src/server/modules/auth/password-rules';
import { createUser } from '../../src/server/modules/users/users.service';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import type { ClientSummary } from '../../src/server/modules/clients/clients.schemas';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { Invalid } from '../../src/server/lib/errors';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_PASSWORD, TEST_USERS, type TestUser } from '../support/fixtures';
import { WEB_DIST } from '../support/paths';

const logLines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logLines });
});
afterAll(async () => t.close());

/** A login from its own address, so the per-address login limit stays out of the way. */
let address = 0;
function loginRequest(email: string, password: string, cookie?: string) {
  address++;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: `10.9.${Math.floor(address / 250)}.${address % 250}`,
    payload: { email, password },
    headers: cookie ? { cookie } : {},
  });
}

/** Failed passwords counted for this account from the address of t.login() (inject's 127.0.0.1). */
async function failedLoginsCounted(email: string): Promise<number> {
  const key = loginLimitKeys('127.0.0.1', email).find((k) => k.kind === 'address_account')!.key;
  const [row] = await t.database.db.select({ hits: rateLimits.hits }).from(rateLimits).where(eq(rateLimits.key, key));
  return row?.hits ?? 0;
}

function sessionCookie(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'kt_session');
  if (!cookie) throw new Error('no session cookie');
  return `kt_session=${cookie.value}`;
}

async function userRow(user: TestUser) {
  const [row] = await t.database.db.select().from(users).where(eq(users.email, TEST_USERS[user].email));
  return row!;
}

function cspDirectives(header: string | string[] | number | undefined): Map<string, string> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

describe('security headers', () => {
  function expectHardened(headers: Record<string, unknown>, what: string) {
    const csp = cspDirectives(headers['content-security-policy'] as string);
    expect(csp.get('script-src'), what).toBe("'self'");
    expect(csp.get('default-src'), what).toBe("'self'");
    expect(csp.get('frame-ancestors'), what).toBe("'none'");
    expect(csp.get('object-src'), what).toBe("'none'");
    expect(csp.get('base-uri'), what).toBe("'self'");
    expect(csp.get('form-action'), what).toBe("'self'");
    expect(csp.get('style-src-elem'), what).toBe("'self'");
    expect(String(headers['content-security-policy']), what).not.toMatch(/script-src[^;]*unsafe/);
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['referrer-policy'], what).toBe('no-referrer');
    expect(headers['permissions-policy'], what).toContain('camera=()');
    // Secure by default (no ALLOW_PLAIN_HTTP): HSTS on every answer.
    expect(headers['strict-transport-security'], what).toBe('max-age=31536000; includeSubDomains');
  }

  it('sends them on API answers, errors included, with no-store', async () => {
    const worker = await t.login('workerA');
    const answers = {
      health: await t.app.inject({ method: 'GET', url: '/api/v1/health' }),
      me: await worker.request('GET', '/api/v1/auth/me'),
      unauthenticated: await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }),
      unknownRoute: await t.app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' }),
      invalid: await worker.request('POST', '/api/v1/clients/search', { search: '' }),
    };
    expect(answers.unauthenticated.statusCode).toBe(401);
    expect(answers.unknownRoute.statusCode).toBe(404);
    expect(answers.invalid.statusCode).toBe(400);
    for (const [what, response] of Object.entries(answers)) {
      expectHardened(response.headers, what);
      expect(response.headers['cache-control'], what).toBe('no-store');
    }
  });

  it.skipIf(!fs.existsSync(path.join(WEB_DIST, 'index.html')))('sends them on the web app, whose HTML has no inline script', async () => {
    for (const url of ['/', '/clienten']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expectHardened(page.headers, url);
      const scripts = page.body.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, 'every script is a file').toMatch(/\ssrc=/);
      expect(page.body).not.toMatch(/\son[a-z]+=/i);
    }
    const asset = fs.readdirSync(path.join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    expectHardened((await t.app.inject({ method: 'GET', url: `/assets/${asset}` })).headers, asset);
  });

  it('adds Strict-Transport-Security only when the installation is HTTPS-only', async () => {
    for (const httpsOnly of [true, false]) {
      const app = Fastify();
      registerSecurityHeaders(app, { httpsOnly });
      app.get('/', async () => 'ok');
      const response = await app.inject({ method: 'GET', url: '/' });
      expect(response.headers['strict-transport-security']).toBe(httpsOnly ? 'max-age=31536000; includeSubDomains' : undefined);
      // Not an API answer: the browser may cache it as usual.
      expect(response.headers['cache-control']).toBeUndefined();
      await app.close();
    }
  });
});

describe('sessions', () => {
  it('rotates on login: a new token every time, and the session presented at login ends', async () => {
    const first = await loginRequest(TEST_USERS.leadA.email, TEST_PASSWORD);
    const firstCookie = sessionCookie(first);
    const second = await loginRequest(TEST_USERS.leadA.email, TEST_PASSWORD, firstCookie);
    expect(second.statusCode).toBe(200);
    const secondCookie = sessionCookie(second);
    expect(secondCookie).not.toBe(firstCookie);
    expect(second.json().csrfToken).not.toBe(first.json().csrfToken);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: firstCookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: secondCookie } })).statusCode).toBe(200);
  });

  it('moves last_seen_at at most once a minute', async () => {
    const userId = (await userRow('workerA')).id;
    await t.database.db.delete(sessions).where(eq(sessions.userId, userId));
    const session = await t.login('workerA');
    const setLastSeen = (secondsAgo: number) =>
      t.database.db.update(sessions).set({ lastSeenAt: sql`now() - make_interval(secs => ${secondsAgo})` }).where(eq(sessions.userId, userId));
    const lastSeen = async () => (await t.database.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, userId)))[0]!.at;

    await setLastSeen(30);
    const before = await lastSeen();
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect(await lastSeen()).toEqual(before);

    await setLastSeen(5 * 60);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect(Date.now() - (await lastSeen()).getTime()).toBeLessThan(10_000);
  });

  it('ends a session idle for longer than SESSION_IDLE_MINUTES with a Dutch 401, and deletes it', async () => {
    const session = await t.login('workerB');
    const userId = (await userRow('workerB')).id;
    // 29 minutes idle: still fine (the default is 30).
    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '29 minutes'` }).where(eq(sessions.userId, userId));
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);

    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` }).where(eq(sessions.userId, userId));
    const idle = await session.request('GET', '/api/v1/work/mine');
    expect(idle.statusCode).toBe(401);
    expect(idle.json()).toMatchObject({ code: 'unauthenticated', detail: SESSION_EXPIRED_MESSAGE });
    expect(idle.cookies.find((c) => c.name === 'kt_session')?.value).toBe('');
    expect(await t.database.db.$count(sessions, eq(sessions.userId, userId))).toBe(0);
    // Once deleted, the cookie is simply unknown.
    expect((await session.request('GET', '/api/v1/auth/me')).json().detail).toBe('U bent niet ingelogd');
  });

  it('logs in over an idle session cookie: the new cookie wins over the clearing of the old', async () => {
    const old = await loginRequest(TEST_USERS.workerB.email, TEST_PASSWORD);
    const userId = (await userRow('workerB')).id;
    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '2 hours'` }).where(eq(sessions.userId, userId));
    const again = await loginRequest(TEST_USERS.workerB.email, TEST_PASSWORD, sessionCookie(old));
    expect(again.statusCode).toBe(200);
    const cookies = again.cookies.filter((c) => c.name === 'kt_session');
    expect(cookies).toHaveLength(1);
    expect(cookies[0]!.value).not.toBe('');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: sessionCookie(again) } })).statusCode).toBe(200);
  });
});

describe('password rules', () => {
  it('apply when an account is created, with the extra list of PASSWORD_DENYLIST_FILE', async () => {
    const [{ organisationId }] = await t.database.db.select({ organisationId: users.organisationId }).from(users).limit(1) as [{ organisationId: string }];
    const base = { email: 'nieuw.account@test.nl', name: 'Nina Nieuw', role: 'analist' as const };
    const attempt = async (password: string, denylist?: ReadonlySet<string>) => {
      try {
        await createUser(t.database.db, organisationId, { ...base, password }, { denylist });
        return [];
      } catch (error) {
        if (error instanceof Invalid) return error.fields.map((f) => `${f.path}: ${f.message}`);
        throw error;
      }
    };
    expect(await attempt('kort-wachtw')).toEqual([`password: ${PASSWORD_MESSAGES.tooShort}`]);
    expect(await attempt('nina.nieuw-2024')).toEqual([`password: ${PASSWORD_MESSAGES.personal}`]);
    expect(await attempt('Qwerty123456!')).toEqual([`password: ${PASSWORD_MESSAGES.common}`]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kt-denylist-'));
    const file = path.join(dir, 'gelekt.txt');
    fs.writeFileSync(file, 'iets-anders\r\nZomer-In-Lunetten-2019\n\n');
    const denylist = await loadPasswordDenylist(file);
    expect(await attempt('zomer-in-lunetten-2019', denylist)).toEqual([`password: ${PASSWORD_MESSAGES.leaked}`]);
    expect(await t.database.db.$count(users, eq(users.email, base.email))).toBe(0);
    expect(await attempt('zomer-in-lunetten-2020', denylist)).toEqual([]);
    expect(await t.database.db.$count(users, eq(users.email, base.email))).toBe(1);
    fs.rmSync(dir, { recursive: true });
  });

  it('apply to the own password change, which ends the other sessions and is audited without the hash', async () => {
    const email = TEST_USERS.workerA2.email;
    const session = await t.login('workerA2');
    const other = await t.login('workerA2');
    const before = (await userRow('workerA2')).passwordHash;

    const wrongCurrent = await session.request('POST', '/api/v1/auth/password', { currentPassword: 'niet-het-wachtwoord', newPassword: 'een heel nieuw wachtwoord' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().invalidParams).toEqual([{ name: 'currentPassword', reason: 'Uw huidige wachtwoord klopt niet' }]);
    // A wrong current password is a guess like a failed login from the same address.
    expect(await failedLoginsCounted(email)).toBe(1);

    const weak = await session.request('POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'wachtwoord' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().invalidParams).toEqual([
      { name: 'newPassword', reason: PASSWORD_MESSAGES.tooShort },
      { name: 'newPassword', reason: PASSWORD_MESSAGES.common },
    ]);
    const same = await session.request('POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.json().invalidParams).toEqual([{ name: 'newPassword', reason: 'Kies een ander wachtwoord dan uw huidige' }]);
    const withoutCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: session.cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'vier paarden op de dijk' } });
    expect(withoutCsrf.statusCode).toBe(403);
    expect((await userRow('workerA2')).passwordHash).toBe(before);

    const changed = await session.request('POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'vier paarden op de dijk' });
    expect(changed.statusCode).toBe(204);
    expect(await failedLoginsCounted(email)).toBe(0);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await other.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await loginRequest(email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await loginRequest(email, 'vier paarden op de dijk')).statusCode).toBe(200);

    const userId = (await userRow('workerA2')).id;
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, 'update')))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(audit!.changes).toEqual({ fields: ['password'] });
    expect(JSON.stringify(await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, userId)))).not.toContain('argon2');
  });
});

describe('BSN never in a URL', () => {
  it('searches clients by BSN in a POST body; the old GET is gone and the BSN reaches no log', async () => {
    const worker = await t.login('workerA');
    const registration = await worker.post<Registration>('/api/v1/registrations', {
      client: { firstName: 'Bertus', lastName: 'Burgerservice', birthDate: '1955-05-05', bsn: '999990019' },
      registeredOn: todayInNetherlands(),
      referrerCode: 'zelfmelder',
      question: 'Vraag',
    });
    const found = await worker.post<ClientSummary[]>('/api/v1/clients/search', { search: '999990019' });
    expect(found.map((c) => c.id)).toEqual([registration.client.id]);
    expect(JSON.stringify(found)).not.toContain('999990019');
    // Another team's worker finds nothing by the same number.
    expect(await (await t.login('workerB')).post<ClientSummary[]>('/api/v1/clients/search', { search: '999990019' })).toEqual([]);

    const old = await worker.request('GET', '/api/v1/clients?search=999990019');
    expect(old.statusCode).toBe(404);

    const log = logLines.join('');
    expect(log).toContain('"url":"/api/v1/clients/search"');
    expect(log).not.toContain('999990019');
    const searches = await t.database.db.select({ changes: auditLog.changes }).from(auditLog).where(eq(auditLog.action, 'search'));
    expect(searches.length).toBeGreaterThan(0);
    expect(JSON.stringify(searches)).not.toContain('999990019');
  });

  it('has no route that takes personal data in its address', () => {
    // Path parameters are ids; query strings carry only filters (scope, status, year, team, versions).
    for (const route of t.app.routeTable) {
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
      for (const param of params) expect(['id', 'teamId', 'version'], `${route.method} ${route.url}`).toContain(param);
    }
    const openapi = t.app.swagger() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
    const queryNames = new Set(
      Object.values(openapi.paths)
        .flatMap((operations) => Object.values(operations))
        .flatMap((operation) => operation.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => p.name),
    );
    // …and the agenda feed's secret (a calendar program can only fetch an address; the request log drops query strings).
    expect([...queryNames].sort()).toEqual(['direction', 'from', 'kind', 'limit', 'offset', 'outcome', 'overNorm', 'page', 'quarter', 'scope', 'status', 'team', 'teamId', 'to', 'token', 'view', 'year']);
  });
});
