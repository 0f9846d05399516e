// The precondition for distributing the data by organisation (Citus, or splitting a municipality
// out): every tenant table carries organisation_id, leads its primary key with it, and every foreign
// key between tenant tables includes it, so all rows of one organisation live on one shard and no
// join or constraint crosses shards. Read from the migrated database itself, so a new table is
// checked the moment its migration exists.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { openTestDatabase } from '../support/test-app';

let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => drop());

/**
 * The tables that are not tenant tables: the tenants themselves (Citus: a reference table) and the
 * installation's rate limits (counted before anyone knows an organisation; Citus: a local table on
 * the coordinator, or a reference table).
 */
const REFERENCE_TABLES = ['organisations', 'rate_limits'];

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe('sharding by organisation', () => {
  it('puts organisation_id first in the primary key of every tenant table', async () => {
    const keys = await rows<{ table: string; columns: string[] | null }>(sql`
      select c.relname as table,
             (select array_agg(a.attname::text order by k.ord) from pg_constraint p
                cross join unnest(p.conkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = p.conrelid and a.attnum = k.attnum
               where p.conrelid = c.oid and p.contype = 'p') as columns
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
       order by 1`);
    const tenantTables = keys.filter((k) => !REFERENCE_TABLES.includes(k.table));
    // A real check: the schema has its tables (cases, clients, audit_log, ...).
    expect(tenantTables.length).toBeGreaterThan(20);
    const wrong = tenantTables.filter((k) => k.columns?.[0] !== 'organisation_id').map((k) => `${k.table}: ${k.columns?.join(', ') ?? 'no primary key'}`);
    expect(wrong).toEqual([]);
  });

  it('includes organisation_id in every foreign key between tenant tables', async () => {
    const foreignKeys = await rows<{ name: string; table: string; target: string; columns: string[]; targetColumns: string[] }>(sql`
      select p.conname as name, c.relname as table, t.relname as target,
             (select array_agg(a.attname::text order by k.ord) from unnest(p.conkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = p.conrelid and a.attnum = k.attnum) as columns,
             (select array_agg(a.attname::text order by k.ord) from unnest(p.confkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = p.confrelid and a.attnum = k.attnum) as "targetColumns"
        from pg_constraint p
        join pg_class c on c.oid = p.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_class t on t.oid = p.confrelid
       where p.contype = 'f' and n.nspname = 'public'
       order by 2, 1`);
    expect(foreignKeys.length).toBeGreaterThan(30);
    const betweenTenants = foreignKeys.filter((f) => !REFERENCE_TABLES.includes(f.target));
    const wrong = betweenTenants
      .filter((f) => f.columns[0] !== 'organisation_id' || f.targetColumns[0] !== 'organisation_id')
      .map((f) => `${f.name}: ${f.table}(${f.columns.join(', ')}) → ${f.target}(${f.targetColumns.join(', ')})`);
    expect(wrong).toEqual([]);
    // Foreign keys to the reference table are the organisation itself, nothing else.
    const toReference = foreignKeys.filter((f) => REFERENCE_TABLES.includes(f.target)).map((f) => `${f.columns.join(',')}→${f.targetColumns.join(',')}`);
    expect(new Set(toReference)).toEqual(new Set(['organisation_id→id']));
  });
});
