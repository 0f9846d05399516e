// A fresh database (copied from the run's template) and the app on it, with a login helper per role.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase, type Database } from '../../src/server/db/database';
import { buildApp } from '../../src/server/app';
import type { PdfPool } from '../../src/server/lib/pdf/pdf-pool';
import { readConfig, type Config } from '../../src/server/config';
import { TEST_PASSWORD, TEST_USERS, type TestUser } from './fixtures';
import { withDatabase } from './global-setup';

export interface Session {
  user: TestUser;
  csrfToken: string;
  cookie: string;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  get<T = unknown>(url: string): Promise<T>;
  post<T = unknown>(url: string, body?: unknown): Promise<T>;
  put<T = unknown>(url: string, body?: unknown): Promise<T>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  login(user: TestUser): Promise<Session>;
  close(): Promise<void>;
}

/** A database of its own for one test file, from the run's template. */
export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const postgresTemplate = inject('postgresTemplate');
  if (postgresTemplate) {
    const name = `kt_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${postgresTemplate}`);
    const database = await openDatabase({ databaseUrl: withDatabase(process.env.DATABASE_URL!, name) });
    return {
      database,
      drop: async () => {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: dump });
  return { database, drop: () => database.close() };
}

/** A session of the account with this e-mail address (and the test password); `user` names it in messages. */
export async function loginByEmail(app: FastifyInstance, email: string, user: TestUser): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`login ${user} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = response.json().csrfToken as string;
  const request: Session['request'] = (method, url, body) => app.inject({ method, url, payload: body as never, headers: { cookie, 'x-csrf-token': csrfToken } });
  const ok = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> => {
    const r = await request(method, url, body);
    if (r.statusCode >= 300) throw new Error(`${method} ${url} → ${r.statusCode} ${r.body}`);
    return (r.body ? r.json() : undefined) as T;
  };
  return { user, csrfToken, cookie, request, get: (url) => ok('GET', url), post: (url, body) => ok('POST', url, body ?? {}), put: (url, body) => ok('PUT', url, body) };
}

/**
 * `logLines`: collect the app's log lines (at info level) instead of discarding them; `pdfs`: the
 * PDF pool to use (the app closes it); `config`: settings other than the defaults. The iWmo message
 * gateway's two folders are set, to folders of this app's own (removed when it closes).
 */
export async function createTestApp(options: { logLines?: string[]; pdfs?: PdfPool; config?: Partial<Config> } = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const iwmoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keukentafel-iwmo-'));
  const iwmo = { iwmoOutboxDir: path.join(iwmoDir, 'uit'), iwmoInboxDir: path.join(iwmoDir, 'in') };
  for (const dir of Object.values(iwmo)) fs.mkdirSync(dir);
  const config = { ...readConfig({}), ...iwmo, logLevel: options.logLines ? 'info' : 'silent', ...options.config };
  const logStream = options.logLines ? { write: (line: string) => void options.logLines!.push(line) } : undefined;
  const app = await buildApp({ db: database.db, config, databaseKind: database.kind, pdfs: options.pdfs }, { logStream });
  await app.ready();

  const login = (user: TestUser) => loginByEmail(app, TEST_USERS[user].email, user);

  return {
    app,
    database,
    login,
    close: async () => {
      await app.close();
      await drop();
      fs.rmSync(iwmoDir, { recursive: true, force: true });
    },
  };
}
