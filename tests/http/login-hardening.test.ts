// Logins that cannot be used to guess passwords in bulk, to lock out an account's owner, or to knock
// the server over: the limit is taken before the password check, holds across processes, slows an
// address rather than an account, and caps the argon2 checks running at once. Every failed and
// refused login is in the access log (NEN 7513), without the password.
//
// argon2's verify is wrapped to count the checks that really ran and how many ran at once, so the
// figures below do not depend on how the service is written.
import { auditAfterAnswerSettled } from '../../src/server/audit/after-answer';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app';
import { readConfig, type Config } from '../../src/server/config';
import { openDatabase, type Database } from '../../src/server/db/database';
import { auditLog, users } from '../../src/server/db/schema';
import { ADDRESS_ACCOUNT_LIMIT, ADDRESS_LIMIT, REMEMBER_REFUSALS_MS } from '../../src/server/modules/auth/login-limits';
import { unlockAccount } from '../../src/server/modules/auth/unlock';
import { openTestDatabase } from '../support/test-app';
import { TEST_PASSWORD, TEST_USERS } from '../support/fixtures';

const argon2 = vi.hoisted(() => ({ verifications: 0, running: 0, mostAtOnce: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: async (...args: Parameters<typeof real.verify>) => {
      argon2.verifications++;
      argon2.running++;
      argon2.mostAtOnce = Math.max(argon2.mostAtOnce, argon2.running);
      try {
        return await real.verify(...args);
      } finally {
        argon2.running--;
      }
    },
  };
});

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
const apps: FastifyInstance[] = [];

async function appWith(overrides: Partial<Config> = {}, on: Database = database): Promise<FastifyInstance> {
  const built = await buildApp({ db: on.db, config: { ...readConfig({}), logLevel: 'silent', ...overrides }, databaseKind: on.kind });
  await built.ready();
  apps.push(built);
  return built;
}

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  app = await appWith();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await drop();
});

/** Each test its own addresses, so the limits of one test do not answer in another. */
let network = 0;
function addresses() {
  network++;
  let host = 0;
  return () => `10.${network}.${Math.floor(++host / 250)}.${host % 250}`;
}

function attempt(on: FastifyInstance, remoteAddress: string, email: string, password: string) {
  return on.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password } });
}

async function checksDuring(work: () => Promise<unknown>): Promise<number> {
  const before = argon2.verifications;
  await work();
  return argon2.verifications - before;
}

async function userId(email: string): Promise<string> {
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

async function loginRows(entityId: string) {
  await auditAfterAnswerSettled();
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'login'), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.at);
}

function statuses(responses: { statusCode: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
}

describe('the login limit is taken before the password check', () => {
  it('lets 200 parallel wrong passwords from one address at one account run at most the limit of checks', async () => {
    const address = addresses()();
    const email = TEST_USERS.leadA.email;
    let responses: { statusCode: number }[] = [];
    const checks = await checksDuring(async () => {
      responses = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(app, address, email, `fout-${i}`)));
    });
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThanOrEqual(ADDRESS_ACCOUNT_LIMIT.limit);
    expect(statuses(responses)).toEqual({ 401: checks, 429: 200 - checks });
    // The owner from another address is not slowed.
    expect((await attempt(app, addresses()(), email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('stops a spray of wrong passwords over many accounts from one address at the address limit', async () => {
    const address = addresses()();
    const accounts = [...Object.values(TEST_USERS).map((u) => u.email), ...Array.from({ length: 193 }, (_, i) => `gok.${i}@test.nl`)];
    let responses: { statusCode: number }[] = [];
    const checks = await checksDuring(async () => {
      responses = await Promise.all(accounts.map((email, i) => attempt(app, address, email, `fout-${i}`)));
    });
    expect(checks).toBeLessThanOrEqual(ADDRESS_LIMIT.limit);
    expect(statuses(responses)).toEqual({ 401: checks, 429: accounts.length - checks });
    // An account it never tried is refused from that address too, and works from another.
    expect((await attempt(app, address, 'nog.niet.geprobeerd@test.nl', 'fout')).statusCode).toBe(429);
    expect((await attempt(app, addresses()(), TEST_USERS.workerB.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('holds across two app instances on one database (two processes)', async () => {
    // A server: a second connection pool, as another process has. Embedded: one process per folder,
    // so the second app shares the database object.
    const second = database.pool ? await openDatabase({ databaseUrl: database.pool.options.connectionString!, migrate: false }) : database;
    try {
      const other = await appWith({}, second);
      const address = addresses()();
      const email = TEST_USERS.workerA2.email;
      let responses: { statusCode: number }[] = [];
      const checks = await checksDuring(async () => {
        responses = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(i % 2 ? app : other, address, email, `fout-${i}`)));
      });
      expect(checks).toBeLessThanOrEqual(ADDRESS_ACCOUNT_LIMIT.limit);
      expect(statuses(responses)[429]).toBe(200 - checks);
    } finally {
      if (second !== database) await second.close();
    }
  });
});

describe('an attacker cannot lock the owner out', () => {
  it('lets the owner in from another address while the attacker’s address is refused, with a way back in', async () => {
    const next = addresses();
    const attacker = next();
    const email = TEST_USERS.analyst.email;
    for (let i = 0; i < ADDRESS_ACCOUNT_LIMIT.limit; i++) expect((await attempt(app, attacker, email, `fout-${i}`)).statusCode).toBe(401);
    const refused = await attempt(app, attacker, email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/^Te veel mislukte pogingen\. Probeer het over \d+ minuten? opnieuw\.$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(ADDRESS_ACCOUNT_LIMIT.windowSeconds);
    expect(refused.cookies).toHaveLength(0);

    // The owner, elsewhere, logs in at once; the attacker stays refused.
    expect((await attempt(app, next(), email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await attempt(app, attacker, email, TEST_PASSWORD)).statusCode).toBe(429);

    // The way back in for the owner at that address: the beheerder's `user unlock` (a running
    // server answers from its memory of the refusal for up to REMEMBER_REFUSALS_MS more).
    await unlockAccount(database.db, { email: email.toUpperCase() });
    await expect.poll(async () => (await attempt(app, attacker, email, TEST_PASSWORD)).statusCode, { timeout: REMEMBER_REFUSALS_MS * 2, interval: 250 }).toBe(200);
  });

  it('lets the lock expire by itself when its window ends', async () => {
    const address = addresses()();
    const email = TEST_USERS.workerB.email;
    for (let i = 0; i <= ADDRESS_ACCOUNT_LIMIT.limit; i++) await attempt(app, address, email, `fout-${i}`);
    expect((await attempt(app, address, email, TEST_PASSWORD)).statusCode).toBe(429);
    await database.db.execute(sql`update rate_limits set window_started_at = window_started_at - make_interval(secs => ${ADDRESS_LIMIT.windowSeconds + ADDRESS_ACCOUNT_LIMIT.windowSeconds})`);
    await expect.poll(async () => (await attempt(app, address, email, TEST_PASSWORD)).statusCode, { timeout: REMEMBER_REFUSALS_MS * 2, interval: 250 }).toBe(200);
  });

  it('does not count correct passwords against the address', async () => {
    const address = addresses()();
    for (let i = 0; i < ADDRESS_LIMIT.limit + 5; i++) expect((await attempt(app, address, TEST_USERS.workerA.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('unknown e-mail addresses answer exactly like existing ones', () => {
  it('with the same statuses, messages and waits, and one password check each', async () => {
    const next = addresses();
    const existing = next();
    const unknown = next();
    const answers = async (address: string, email: string) => {
      const out: { status: number; message: string; retryAfter: string | undefined; checks: number }[] = [];
      for (let i = 0; i <= ADDRESS_ACCOUNT_LIMIT.limit + 1; i++) {
        let response!: Awaited<ReturnType<typeof attempt>>;
        const checks = await checksDuring(async () => (response = await attempt(app, address, email, `fout-${i}`)));
        const retryAfter = response.headers['retry-after'];
        out.push({ status: response.statusCode, message: response.json().detail, retryAfter: retryAfter === undefined ? undefined : 'set', checks });
      }
      return out;
    };
    const forExisting = await answers(existing, TEST_USERS.quality.email);
    const forUnknown = await answers(unknown, 'bestaat.niet@test.nl');
    expect(forUnknown).toEqual(forExisting);
    expect(forExisting.slice(0, ADDRESS_ACCOUNT_LIMIT.limit).every((a) => a.status === 401 && a.checks === 1)).toBe(true);
    expect(forExisting.slice(ADDRESS_ACCOUNT_LIMIT.limit).every((a) => a.status === 429 && a.checks === 0)).toBe(true);
  });
});

describe('an account without a password', () => {
  it('cannot be logged into with any password, also not the decoy checked for unknown addresses', async () => {
    const id = await userId(TEST_USERS.workerA2.email);
    const [{ passwordHash }] = (await database.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id))) as [{ passwordHash: string }];
    // An account that logs in only through OpenID Connect has no password hash.
    await database.db.update(users).set({ passwordHash: null }).where(eq(users.id, id));
    try {
      const next = addresses();
      for (const password of [TEST_PASSWORD, 'keukentafel-decoy-password', '']) {
        const response = await attempt(app, next(), TEST_USERS.workerA2.email, password || 'x');
        expect(response.statusCode, password).toBe(401);
      }
    } finally {
      await database.db.update(users).set({ passwordHash }).where(eq(users.id, id));
    }
  });
});

describe('failed logins in the access log', () => {
  it('logs a wrong password as a denied login of the account, with the address and never the password', async () => {
    const address = addresses()();
    const id = await userId(TEST_USERS.leadA.email);
    const before = (await loginRows(id)).length;
    const response = await attempt(app, address, TEST_USERS.leadA.email, 'mijn-geheime-gok-42');
    expect(response.statusCode).toBe(401);
    const rows = (await loginRows(id)).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'login', outcome: 'denied', entityType: 'user', entityId: id, actorId: null, onBehalfOf: null, clientId: null });
    expect(rows[0]!.changes).toEqual({ reason: 'wrong_password', address });
    const everything = JSON.stringify(await database.db.select().from(auditLog));
    expect(everything).not.toContain('mijn-geheime-gok-42');
  });

  it('logs a refusal by the limit once per window per key, however often it is refused', async () => {
    const address = addresses()();
    const id = await userId(TEST_USERS.admin.email);
    const before = (await loginRows(id)).length;
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(app, address, TEST_USERS.admin.email, `fout-${i}`)));
    const refusedCount = responses.filter((r) => r.statusCode === 429).length;
    expect(refusedCount).toBeGreaterThan(50);
    const rows = (await loginRows(id)).slice(before);
    const wrong = rows.filter((r) => (r.changes as { reason: string }).reason === 'wrong_password');
    const refused = rows.filter((r) => (r.changes as { reason: string }).reason === 'too_many_attempts');
    expect(wrong).toHaveLength(100 - refusedCount);
    // The 6th attempt is the first refusal of the address-and-account key; the attempts it
    // refused did not count against the address, which is not refused.
    expect(refused.map((r) => r.changes)).toEqual([{ reason: 'too_many_attempts', address, limit: 'address_account' }]);
    expect(refused[0]).toMatchObject({ outcome: 'denied', entityType: 'user', entityId: id, actorId: null });

    // Still refused later in the same window: no new row.
    expect((await attempt(app, address, TEST_USERS.admin.email, 'nog-een')).statusCode).toBe(429);
    expect(await loginRows(id)).toHaveLength(before + rows.length);
  });

  it('logs an attempt on an inactive account, and nothing for an address without an account', async () => {
    const address = addresses()();
    const id = await userId(TEST_USERS.workerA2.email);
    await database.db.update(users).set({ active: false }).where(eq(users.id, id));
    try {
      const before = (await loginRows(id)).length;
      expect((await attempt(app, address, TEST_USERS.workerA2.email, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await loginRows(id)).slice(before).map((r) => r.changes)).toEqual([{ reason: 'account_inactive', address }]);
    } finally {
      await database.db.update(users).set({ active: true }).where(eq(users.id, id));
    }
    const rowsBefore = await database.db.$count(auditLog);
    expect((await attempt(app, addresses()(), 'niemand.hier@test.nl', 'fout')).statusCode).toBe(401);
    await auditAfterAnswerSettled();
    expect(await database.db.$count(auditLog)).toBe(rowsBefore);
  });
});

describe('the password checks running at once are capped', () => {
  it('runs no more than LOGIN_CONCURRENCY argon2 checks at once in a burst, and answers every request', async () => {
    const capped = await appWith({ loginConcurrency: 2 });
    const next = addresses();
    argon2.mostAtOnce = 0;
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(capped, next(), i % 4 === 0 ? TEST_USERS.workerB.email : `burst.${i}@test.nl`, i % 4 === 0 ? TEST_PASSWORD : 'fout')),
    );
    expect(argon2.mostAtOnce).toBeGreaterThan(0);
    expect(argon2.mostAtOnce).toBeLessThanOrEqual(2);
    expect(statuses(responses)).toEqual({ 200: 10, 401: 30 });
  });
});
