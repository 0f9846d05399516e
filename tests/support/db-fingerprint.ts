// A fingerprint of the database's contents, to show that a request changed nothing: per table the
// row count and an md5 over the rows. The access log and the sessions are left out (reads and
// logins write there by design), and so are the rate limits (a refused request and a wrong
// password are counted by design). Tables are read from the catalogue, so new ones are included.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/database';

const LEFT_OUT = ['audit_log', 'sessions', 'rate_limits'];

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function tableNames(db: Db): Promise<string[]> {
  const tables = await rows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  return tables.map((t) => t.name).filter((name) => !LEFT_OUT.includes(name));
}

/**
 * `mentioning`: only the rows whose text holds one of these ids (a record and everything that
 * points to it); without it, every row.
 */
export async function fingerprint(db: Db, options: { mentioning?: readonly string[] } = {}): Promise<Record<string, string>> {
  const ids = options.mentioning?.filter((id) => /^[0-9a-f-]{36}$/.test(id));
  const filter = ids ? sql` where t::text ~ ${ids.join('|')}` : sql``;
  const selects = (await tableNames(db)).map(
    (name) => sql`select ${name} as name, count(*)::int as n, coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as hash from ${sql.identifier(name)} t${filter}`,
  );
  const result = await rows<{ name: string; n: number; hash: string }>(db, sql.join(selects, sql` union all `));
  return Object.fromEntries(result.map((r) => [r.name, `${r.n} ${r.hash}`]));
}

/** The tables whose fingerprint differs, for a readable failure. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]).sort();
}
