// Login, session, logout, CSRF and the login rate limit over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_PASSWORD, TEST_USERS } from '../support/fixtures';
import { ADDRESS_LIMIT } from '../../src/server/modules/auth/login-limits';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('auth', () => {
  it('answers health and the OpenAPI document without a session', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok' });
    const openapi = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    const doc = openapi.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/auth/login'].post.tags).toEqual(['public']);
    expect(doc.paths['/clients/{id}'].get.tags).toEqual(['protected']);
  });

  it('logs in with the right password, sets an httpOnly SameSite cookie, and returns the user', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: TEST_USERS.workerA.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'kt_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(response.json()).toMatchObject({ email: TEST_USERS.workerA.email, role: 'medewerker', team: { code: 'overvecht-centrum' } });

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `kt_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'medewerker', name: TEST_USERS.workerA.name });
  });

  it('answers 401 on a wrong password and on an unknown e-mail, with the same message', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: TEST_USERS.leadA.email, password: 'fout-wachtwoord' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'niemand@test.nl', password: 'fout-wachtwoord' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.cookies).toHaveLength(0);
  });

  it('answers 400 with Dutch field messages on a malformed login', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: '' } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('invalid');
    expect(body.invalidParams.map((f: { name: string }) => f.name).sort()).toEqual(['email', 'password']);
    expect(body.invalidParams.find((f: { name: string }) => f.name === 'email').reason).toBe('Vul uw e-mailadres in');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const session = await t.login('workerA');
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(without.statusCode).toBe(403);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': 'nep' } });
    expect(wrong.statusCode).toBe(403);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('logs out: the session no longer works', async () => {
    const session = await t.login('workerA2');
    const out = await session.request('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('limits failed logins per address, over all accounts (the details are in login-hardening.test.ts)', async () => {
    const statuses: number[] = [];
    // A different e-mail address each time, so it is the per-address limit that answers.
    for (let i = 0; i <= ADDRESS_LIMIT.limit; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.77', payload: { email: `onbekend${i}@test.nl`, password: 'fout' } });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, ADDRESS_LIMIT.limit).every((s) => s === 401)).toBe(true);
    expect(statuses[ADDRESS_LIMIT.limit]).toBe(429);
    // Even the right password is refused from that address while the limit holds; from another it works.
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.77', payload: { email: TEST_USERS.admin.email, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBeDefined();
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.1.1', payload: { email: TEST_USERS.admin.email, password: TEST_PASSWORD } });
    expect(elsewhere.statusCode).toBe(200);
  });
});
