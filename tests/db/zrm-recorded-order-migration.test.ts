// The upgrade that introduced zrm_assessments.recorded_order: assessments stored before it are
// numbered in the order the ZRM report used until then (created_at, then id), whatever order the
// table scan gives, so no figure of an existing installation changes; new rows come after them.
// The database is migrated up to the migration that adds the column, filled, then migrated fully.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migrateServer } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationsFolder, openDatabase, type Database } from '../../src/server/db/database';
import { createEmptyDatabase, type EmptyDatabase } from '../support/empty-database';

let empty: EmptyDatabase;
let database: Database;
let before: string;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A migrations folder holding the migrations before the first one that mentions recorded_order. */
function migrationsBeforeRecordedOrder(): string {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const first = journal.entries.findIndex((e) => fs.readFileSync(path.join(migrationsFolder, `${e.tag}.sql`), 'utf8').includes('"recorded_order"'));
  expect(first).toBeGreaterThan(0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keukentafel-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const entries = journal.entries.slice(0, first);
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

// Ids whose order is known; rows are written in another order than (created_at, id).
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const IMPORTED_AT = '2020-05-01T10:00:00Z';
const ENTERED_AT = '2021-03-01T09:00:00Z';
const WRITTEN = [
  { id: id(3), createdAt: IMPORTED_AT },
  { id: id(6), createdAt: ENTERED_AT },
  { id: id(1), createdAt: IMPORTED_AT },
  { id: id(5), createdAt: '2020-12-01T09:00:00Z' },
  { id: id(2), createdAt: IMPORTED_AT },
  { id: id(4), createdAt: '2020-11-01T09:00:00Z' },
];

beforeAll(async () => {
  empty = await createEmptyDatabase();
  database = empty.env.DATABASE_URL ? await openDatabase({ databaseUrl: empty.env.DATABASE_URL, migrate: false }) : await openDatabase({ dataDir: 'memory://', migrate: false });
  before = migrationsBeforeRecordedOrder();
  if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: before });
  else await migrateServer(database.db as never, { migrationsFolder: before });
  // Plain SQL on the schema of that moment: the application's schema objects describe the new one.
  const [org] = await rows<{ id: string }>(sql`insert into organisations (code, name) values ('test', 'Test') returning id`);
  const [team] = await rows<{ id: string }>(sql`insert into teams (organisation_id, code, name) values (${org!.id}, 'west', 'West') returning id`);
  const [client] = await rows<{ id: string }>(sql`insert into clients (organisation_id, first_name, last_name) values (${org!.id}, 'Tess', 'Test') returning id`);
  const [kase] = await rows<{ id: string }>(sql`insert into cases (organisation_id, team_id, status, registered_on) values (${org!.id}, ${team!.id}, 'running', '2020-01-01') returning id`);
  for (const row of WRITTEN) {
    await database.db.execute(sql`insert into zrm_assessments (organisation_id, id, case_id, client_id, assessed_on, type, scores, created_at)
                                  values (${org!.id}, ${row.id}, ${kase!.id}, ${client!.id}, '2020-02-01', 'nul', '{"financien": 1}', ${row.createdAt})`);
  }
  await migrateDatabase(database);
});
afterAll(async () => {
  await database?.close();
  await empty?.drop();
  if (before) fs.rmSync(before, { recursive: true, force: true });
});

describe('numbering the assessments already stored', () => {
  it('follows created_at, then id, not the order the rows were written in', async () => {
    const numbered = await rows<{ id: string }>(sql`select id from zrm_assessments order by recorded_order`);
    const expected = [...WRITTEN].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((r) => r.id);
    expect(expected).not.toEqual(WRITTEN.map((r) => r.id));
    expect(numbered.map((r) => r.id)).toEqual(expected);
  });

  it('numbers a new assessment after all of them', async () => {
    const old = (await rows<{ organisation_id: string; case_id: string; client_id: string }>(sql`select organisation_id, case_id, client_id from zrm_assessments limit 1`))[0]!;
    await database.db.execute(sql`insert into zrm_assessments (organisation_id, case_id, client_id, assessed_on, type, scores) values (${old.organisation_id}, ${old.case_id}, ${old.client_id}, '2020-02-01', 'periodiek', '{}')`);
    const ordered = await rows<{ type: string }>(sql`select type from zrm_assessments order by recorded_order`);
    expect(ordered.map((r) => r.type)).toEqual(['nul', 'nul', 'nul', 'nul', 'nul', 'nul', 'periodiek']);
  });
});
