// The command line on an empty database: it creates the organisation and reference data (no demo
// content) before doing its work, and reports bad input clearly with a non-zero exit.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { desc, eq } from 'drizzle-orm';
import { auditLog, cases, codes, rateLimits, teams, users } from '../../src/server/db/schema';
import { takeSlot } from '../../src/server/lib/rate-limit';
import { addressKey, loginLimitKeys } from '../../src/server/modules/auth/login-limits';
import { createEmptyDatabase, type EmptyDatabase } from '../support/empty-database';
import { REPO } from '../support/paths';

const run = promisify(execFile);
let empty: EmptyDatabase;

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(path.join(REPO, 'node_modules/.bin/tsx'), ['src/server/cli/main.ts', ...args], { env: { ...process.env, ...empty.env }, cwd: REPO });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  empty = await createEmptyDatabase();
});
afterAll(async () => empty.drop());

describe('cli', () => {
  it('adds a user on an empty database, creating the organisation and reference data but no demo content', async () => {
    const result = await cli('user', 'add', '--email', 'Nieuw@Voorbeeld.nl', '--password', 'een-goed-wachtwoord', '--role', 'teamleider', '--team', 'lunetten');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nieuw@voorbeeld.nl');

    const again = await cli('user', 'add', '--email', 'nieuw@voorbeeld.nl', '--password', 'een-goed-wachtwoord', '--role', 'analist');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('Er is al een account');

    const database = await openDatabase(empty.env.DATABASE_URL ? { databaseUrl: empty.env.DATABASE_URL } : { dataDir: empty.env.KEUKENTAFEL_DATA_DIR });
    try {
      expect(await database.db.$count(teams)).toBe(18);
      expect(await database.db.$count(codes)).toBeGreaterThan(50);
      expect(await database.db.$count(users)).toBe(1);
      expect(await database.db.$count(cases)).toBe(0);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('refuses an unknown role, an unknown team and a short password, with Dutch messages', async () => {
    const role = await cli('user', 'add', '--email', 'a@b.nl', '--password', 'een-goed-wachtwoord', '--role', 'directeur');
    expect(role.code).not.toBe(0);
    expect(role.stderr).toContain('Kies een rol');
    const team = await cli('user', 'add', '--email', 'a@b.nl', '--password', 'een-goed-wachtwoord', '--role', 'medewerker', '--team', 'atlantis');
    expect(team.stderr).toContain('Onbekend team: atlantis');
    const password = await cli('user', 'add', '--email', 'a@b.nl', '--password', 'kort', '--role', 'analist');
    expect(password.stderr).toContain('minstens 12 tekens');
    const common = await cli('user', 'add', '--email', 'a@b.nl', '--password', 'Wachtwoord1234!', '--role', 'analist');
    expect(common.code).not.toBe(0);
    expect(common.stderr).toContain('password: Dit wachtwoord is te bekend');
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
  }, 60_000);
});

describe('user unlock', () => {
  it('forgets the failed logins of an account from every address, and of one address, with a row in the access log', async () => {
    const email = 'ontgrendel@voorbeeld.nl';
    expect((await cli('user', 'add', '--email', email, '--password', 'een-goed-wachtwoord', '--role', 'analist')).code).toBe(0);
    const database = await openDatabase(empty.env.DATABASE_URL ? { databaseUrl: empty.env.DATABASE_URL } : { dataDir: empty.env.KEUKENTAFEL_DATA_DIR });
    try {
      const other = loginLimitKeys('198.51.100.9', 'iemand.anders@voorbeeld.nl');
      for (const { key, limit } of [...loginLimitKeys('203.0.113.7', email), ...loginLimitKeys('203.0.113.8', email), ...other]) await takeSlot(database.db, key, limit);
    } finally {
      await database.close();
    }
    const unlocked = await cli('user', 'unlock', '--email', 'Ontgrendel@Voorbeeld.nl', '--address', '203.0.113.7');
    expect(unlocked.stderr).toBe('');
    expect(unlocked.code).toBe(0);
    expect(unlocked.stdout).toContain('Mislukte inlogpogingen vergeten voor ontgrendel@voorbeeld.nl (vanaf 2 adressen) en voor het adres 203.0.113.7');

    const after = await openDatabase(empty.env.DATABASE_URL ? { databaseUrl: empty.env.DATABASE_URL } : { dataDir: empty.env.KEUKENTAFEL_DATA_DIR });
    try {
      const left = (await after.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key).sort();
      expect(left).toEqual([addressKey('198.51.100.9'), addressKey('203.0.113.8'), loginLimitKeys('198.51.100.9', 'iemand.anders@voorbeeld.nl')[1]!.key].sort());
      const [row] = await after.db.select().from(auditLog).where(eq(auditLog.entityType, 'user')).orderBy(desc(auditLog.at)).limit(1);
      expect(row).toMatchObject({ action: 'update', actorId: null, onBehalfOf: 'opdrachtregel', changes: { loginLimitAddressesCleared: 2, address: '203.0.113.7' } });
    } finally {
      await after.close();
    }

    const unknown = await cli('user', 'unlock', '--email', 'niemand@voorbeeld.nl');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Er is geen account met het e-mailadres niemand@voorbeeld.nl');
    const without = await cli('user', 'unlock');
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('Geef het e-mailadres');
  }, 60_000);
});

describe('the embedded database folder', () => {
  // Embedded only: a PostgreSQL server handles its own connections.
  it.skipIf(!!process.env.DATABASE_URL)('refuses a second process while one has it open, and is free again after', async () => {
    const first = await openDatabase({ dataDir: empty.env.KEUKENTAFEL_DATA_DIR });
    try {
      const second = await cli('migrate');
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`is in gebruik door proces ${process.pid}`);
    } finally {
      await first.close();
    }
    expect((await cli('migrate')).code).toBe(0);
  }, 60_000);

  it('writes the report Uitstroom as JSON and as CSV, and refuses a bad year or team', async () => {
    const json = await cli('report', 'flow', '--year', '2025', '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { year: number; asOf: string; team: string | null; teams: Record<string, unknown> };
    expect(report).toMatchObject({ year: 2025, asOf: '2025-12-31', team: null });
    expect(Object.keys(report.teams).length).toBe(18);
    const csv = await cli('report', 'flow', '--year', '2025', '--team', 'lunetten', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('Uitstroom 2025 (team Lunetten)');
    expect(csv.stdout).toContain('\nLanger dan 3 maanden,0,0,0,0,0,0,0,0,0,0,0,0\n');
    const year = await cli('report', 'flow', '--year', 'twee', '--format', 'json');
    expect(year.code).not.toBe(0);
    expect(year.stderr).toContain('Kies een jaar');
    const team = await cli('report', 'flow', '--year', '2025', '--team', 'atlantis');
    expect(team.code).not.toBe(0);
    expect(team.stderr).toContain('Onbekend team: atlantis');
  }, 60_000);
});

