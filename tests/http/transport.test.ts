// Secure transport by default: the session cookie is Secure and HSTS is sent unless the operator
// explicitly runs without TLS (ALLOW_PLAIN_HTTP=true, the one setting for it); the old
// COOKIE_SECURE stops the start with what to use instead. The built web app has no source maps.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { openTestDatabase } from '../support/test-app';
import { TEST_PASSWORD, TEST_USERS } from '../support/fixtures';
import { WEB_DIST } from '../support/paths';

let database: Database;
let drop: () => Promise<void>;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await drop();
});

async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
  const app = await buildApp({ db: database.db, config: { ...readConfig(env), logLevel: 'silent' }, databaseKind: database.kind });
  apps.push(app);
  return app;
}

let address = 0;
async function loginAnswer(app: FastifyInstance) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.77.0.${++address}`, payload: { email: TEST_USERS.workerA.email, password: TEST_PASSWORD } });
  expect(response.statusCode).toBe(200);
  return response;
}

describe('secure by default', () => {
  it('sets a Secure session cookie and sends HSTS without any setting, also in development', async () => {
    for (const env of [{}, { NODE_ENV: 'development' }] as Record<string, string>[]) {
      const app = await appWith(env);
      const response = await loginAnswer(app);
      const cookie = response.cookies.find((c) => c.name === 'kt_session')!;
      expect(cookie.secure, JSON.stringify(env)).toBe(true);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('runs without TLS only with ALLOW_PLAIN_HTTP=true: no Secure, no HSTS', async () => {
    const app = await appWith({ ALLOW_PLAIN_HTTP: 'true' });
    const response = await loginAnswer(app);
    expect(response.cookies.find((c) => c.name === 'kt_session')!.secure).toBeFalsy();
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(readConfig({ ALLOW_PLAIN_HTTP: 'false' }).plainHttp).toBe(false);
  });

  it('refuses the old COOKIE_SECURE and a misspelt ALLOW_PLAIN_HTTP with what to do instead', () => {
    expect(() => readConfig({ COOKIE_SECURE: 'false' })).toThrow(/COOKIE_SECURE is gone.*ALLOW_PLAIN_HTTP=true/);
    expect(() => readConfig({ COOKIE_SECURE: 'true' })).toThrow(/COOKIE_SECURE is gone/);
    expect(() => readConfig({ ALLOW_PLAIN_HTTP: 'ja' })).toThrow(/ALLOW_PLAIN_HTTP must be true or false/);
  });
});

describe('the built web app', () => {
  const root = WEB_DIST;
  it.skipIf(!fs.existsSync(path.join(root, 'index.html')))('has no source maps and points to none', () => {
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(root, f)).isFile());
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const pointing = files.filter((f) => /\.(js|css|html)$/.test(f) && /sourceMappingURL=/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(pointing).toEqual([]);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  });
});
