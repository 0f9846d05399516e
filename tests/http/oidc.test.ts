// Staff login through OpenID Connect against a real provider (oidc-provider) on a loopback port:
// the authorization code flow with state, nonce and PKCE, followed redirect by redirect. The
// verified e-mail address opens an existing active account; its subject is bound at the first
// login and required afterwards; every refusal goes back to the login page with a reason code.
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { auditLog, sessions, users } from '../../src/server/db/schema';
import { TEST_PASSWORD, TEST_USERS } from '../support/fixtures';
import { startTestProvider, type ProviderAccountData, type TestProvider } from '../support/oidc-provider';
import { createTestApp, openTestDatabase } from '../support/test-app';

const REDIRECT_URI = 'http://keukentafel.test/api/v1/auth/oidc/callback';

let provider: TestProvider;
let app: FastifyInstance;
let database: Database;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  provider = await startTestProvider(REDIRECT_URI);
  ({ database, drop: dropDatabase } = await openTestDatabase());
  const config = {
    ...readConfig({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_REDIRECT_URI: REDIRECT_URI }),
    logLevel: 'silent',
  };
  app = await buildApp({ db: database.db, config, databaseKind: database.kind });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await dropDatabase?.();
  await provider?.close();
});

function cookieHeader(response: LightMyRequestResponse, name: string): string | undefined {
  const cookie = response.cookies.find((c) => c.name === name);
  return cookie?.value ? `${name}=${cookie.value}` : undefined;
}

/** Follows the provider's redirects (with its own cookie jar) until it sends the browser back to Keukentafel. */
async function throughProvider(authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`provider answered ${response.status} without a redirect: ${await response.text()}`);
    const next = new URL(location, url);
    if (next.href.startsWith(REDIRECT_URI)) return next;
    url = next.href;
  }
  throw new Error('too many redirects at the provider');
}

interface FlowResult {
  callback: LightMyRequestResponse;
  location: string;
  session?: string;
}

/** The whole login as a browser does it: start, the provider, the callback. */
async function oidcLogin(account: ProviderAccountData, options: { existingSession?: string } = {}): Promise<FlowResult> {
  provider.signInAs(account);
  const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const pending = cookieHeader(start, 'kt_oidc')!;
  const pendingCookie = start.cookies.find((c) => c.name === 'kt_oidc')!;
  expect(pendingCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
  const authorization = new URL(start.headers.location as string);
  expect(authorization.origin).toBe(provider.issuer);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('state')).toBeTruthy();
  expect(authorization.searchParams.get('nonce')).toBeTruthy();

  const back = await throughProvider(authorization.href);
  const cookie = [pending, options.existingSession].filter(Boolean).join('; ');
  const callback = await app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie } });
  expect(callback.statusCode).toBe(302);
  return { callback, location: callback.headers.location as string, session: cookieHeader(callback, 'kt_session') };
}

async function userByEmail(email: string) {
  const [row] = await database.db.select().from(users).where(eq(users.email, email));
  return row!;
}

describe('OpenID Connect login', () => {
  it('tells the login page that it is on', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/config' })).json()).toEqual({ oidc: true });
  });

  it('logs in the account with the verified e-mail address, binds the subject and audits the login', async () => {
    const { location, session, callback } = await oidcLogin({ sub: 'sub-anna', email: TEST_USERS.workerA.email.toUpperCase(), emailVerified: true });
    expect(location).toBe('/');
    expect(session).toBeDefined();
    const sessionCookie = callback.cookies.find((c) => c.name === 'kt_session')!;
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // The pending login is gone, whatever happens next.
    expect(callback.cookies.find((c) => c.name === 'kt_oidc')?.value).toBe('');

    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session! } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: TEST_USERS.workerA.email, role: 'medewerker' });

    const user = await userByEmail(TEST_USERS.workerA.email);
    expect(user.oidcSubject).toBe('sub-anna');
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id)).orderBy(desc(auditLog.at));
    expect(rows.find((r) => r.action === 'login')?.changes).toEqual({ method: 'oidc' });
    expect(rows.find((r) => r.action === 'update')?.changes).toEqual({ from: { oidcSubject: null }, to: { oidcSubject: 'sub-anna' } });
  });

  it('requires the same subject afterwards, and the subject stays with its account', async () => {
    expect((await oidcLogin({ sub: 'sub-anna', email: TEST_USERS.workerA.email, emailVerified: true })).location).toBe('/');

    const impostor = await oidcLogin({ sub: 'sub-someone-else', email: TEST_USERS.workerA.email, emailVerified: true });
    expect(impostor.location).toBe('/inloggen?fout=oidc_subject_mismatch');
    expect(impostor.session).toBeUndefined();

    // Anna's provider account cannot open a colleague's account by claiming their address.
    const other = await oidcLogin({ sub: 'sub-anna', email: TEST_USERS.leadA.email, emailVerified: true });
    expect(other.location).toBe('/inloggen?fout=oidc_subject_mismatch');
    expect((await userByEmail(TEST_USERS.leadA.email)).oidcSubject).toBeNull();
  });

  it('refuses an unverified or missing e-mail address, an unknown address and an inactive account', async () => {
    expect((await oidcLogin({ sub: 'sub-1', email: TEST_USERS.leadA.email, emailVerified: false })).location).toBe('/inloggen?fout=oidc_unverified');
    expect((await oidcLogin({ sub: 'sub-2', email: TEST_USERS.leadA.email })).location).toBe('/inloggen?fout=oidc_unverified');
    expect((await oidcLogin({ sub: 'sub-3' })).location).toBe('/inloggen?fout=oidc_unverified');
    // No self-provisioning: the beheerder creates accounts.
    expect((await oidcLogin({ sub: 'sub-4', email: 'nieuw@gemeente.nl', emailVerified: true })).location).toBe('/inloggen?fout=oidc_no_account');
    expect(await database.db.$count(users, eq(users.email, 'nieuw@gemeente.nl'))).toBe(0);

    await database.db.update(users).set({ active: false }).where(eq(users.email, TEST_USERS.workerB.email));
    const inactive = await oidcLogin({ sub: 'sub-5', email: TEST_USERS.workerB.email, emailVerified: true });
    expect(inactive.location).toBe('/inloggen?fout=oidc_no_account');
    expect((await userByEmail(TEST_USERS.workerB.email)).oidcSubject).toBeNull();
    await database.db.update(users).set({ active: true }).where(eq(users.email, TEST_USERS.workerB.email));
  });

  it('ends a session the browser still had (rotation), as a password login does', async () => {
    const password = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: TEST_USERS.analyst.email, password: TEST_PASSWORD } });
    const old = cookieHeader(password, 'kt_session')!;
    const { session } = await oidcLogin({ sub: 'sub-arjen', email: TEST_USERS.analyst.email, emailVerified: true }, { existingSession: old });
    expect(session).toBeDefined();
    expect(session).not.toBe(old);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: old } })).statusCode).toBe(401);
    const analyst = await userByEmail(TEST_USERS.analyst.email);
    expect(await database.db.$count(sessions, eq(sessions.userId, analyst.id))).toBe(1);
  });

  it('refuses a callback without its pending login, with another login\'s state, a replayed code or a cancelled login', async () => {
    provider.signInAs({ sub: 'sub-anna', email: TEST_USERS.workerA.email, emailVerified: true });
    const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const back = await throughProvider(start.headers.location as string);
    const callbackUrl = back.pathname + back.search;

    const withoutCookie = await app.inject({ method: 'GET', url: callbackUrl });
    expect(withoutCookie.headers.location).toBe('/inloggen?fout=oidc_expired');

    const otherStart = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const wrongState = await app.inject({ method: 'GET', url: callbackUrl, headers: { cookie: cookieHeader(otherStart, 'kt_oidc')! } });
    expect(wrongState.headers.location).toBe('/inloggen?fout=oidc_failed');
    expect(cookieHeader(wrongState, 'kt_session')).toBeUndefined();

    const right = await app.inject({ method: 'GET', url: callbackUrl, headers: { cookie: cookieHeader(start, 'kt_oidc')! } });
    expect(right.headers.location).toBe('/');
    // The same code again (even with the pending cookie kept by an attacker): the provider refuses it.
    const replay = await app.inject({ method: 'GET', url: callbackUrl, headers: { cookie: cookieHeader(start, 'kt_oidc')! } });
    expect(replay.headers.location).toBe('/inloggen?fout=oidc_failed');

    const state = new URL(otherStart.headers.location as string).searchParams.get('state')!;
    const cancelled = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/callback?error=access_denied&state=${state}`,
      headers: { cookie: cookieHeader(otherStart, 'kt_oidc')! },
    });
    expect(cancelled.headers.location).toBe('/inloggen?fout=oidc_cancelled');

    const tampered = await app.inject({ method: 'GET', url: callbackUrl, headers: { cookie: 'kt_oidc=bm9uc2Vuc2U' } });
    expect(tampered.headers.location).toBe('/inloggen?fout=oidc_expired');
  });

  it('leaves password login as it was, for accounts that have a password', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: TEST_USERS.workerA.email, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const user = await userByEmail(TEST_USERS.workerA.email);
    const [login] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'login')))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(login!.changes).toBeNull();
  });
});

describe('without OpenID Connect settings', () => {
  it('says so to the login page and has no OpenID Connect login', async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/config' })).json()).toEqual({ oidc: false });
      expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' })).statusCode).toBe(404);
      expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=x&state=y' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('refuses a partial configuration at start', () => {
    expect(() => readConfig({ OIDC_ISSUER: 'https://login.gemeente.nl', OIDC_CLIENT_ID: 'keukentafel' })).toThrow(/OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI/);
    expect(() => readConfig({ OIDC_ISSUER: 'geen-url', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b', OIDC_REDIRECT_URI: 'https://x/cb' })).toThrow(/OIDC_ISSUER must be an absolute URL/);
  });
});
