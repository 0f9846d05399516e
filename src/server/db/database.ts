// The one database module: opens the embedded PGlite database or a PostgreSQL server with the same
// schema, and migrates it to the current schema before anything else touches it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; services take `Db | Tx` where they can run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** The rows of a raw SQL query: both drivers (PGlite, node-postgres) answer it with `{ rows }`. */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The PGlite instance, for dumping a data dir in tests; undefined on a server. */
  pglite?: PGlite;
  /** The connection pool of a PostgreSQL server; undefined when embedded. */
  pool?: pg.Pool;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for PGlite; `memory://` keeps it in memory. */
  dataDir?: string;
  /** A PGlite data dir tarball to start from (tests copy a migrated database this way). */
  loadDataDir?: Blob;
  migrate?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl ? openServer(options.databaseUrl) : await openEmbedded(options);
  if (options.migrate !== false) await migrateDatabase(database);
  return database;
}

const DATE_OID = 1082;

/**
 * A read-only pool on a streaming replica (DATABASE_REPLICA_URL), for the report queries. It never
 * migrates (a standby cannot, and follows the primary's schema by itself), and every transaction on
 * it is read-only (`default_transaction_read_only`), so a replica address that points at the
 * primary by mistake still cannot be written through. A replica that is down makes a report fail
 * within seconds instead of waiting for a connection forever.
 */
export function openReadOnlyDatabase(databaseUrl: string): Database {
  return openServer(databaseUrl, { readOnly: true });
}

function openServer(databaseUrl: string, { readOnly = false } = {}): Database {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    ...(readOnly ? { options: '-c default_transaction_read_only=on', connectionTimeoutMillis: 5000 } : {}),
    // node-postgres turns dates into JS Date objects in local time; the domain works with 'YYYY-MM-DD'.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that the server drops (a restart, a failover) must not end the process:
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', pool, close: () => pool.end() };
}

/** The embedded database folder is in use by another running process (a server or a CLI command). */
export class DatabaseInUse extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time on an embedded database folder: PGlite has no lock of its own, and two
 * processes writing the same files corrupt them. A lock left by a killed process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'keukentafel.pid');
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(fs.readFileSync(file, 'utf8'));
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new DatabaseInUse(`De database in ${dataDir} is in gebruik door proces ${holder} (de server?). Stop dat proces eerst.`);
    }
    fs.writeFileSync(file, String(process.pid));
  }
  return () => {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
  };
}

async function openEmbedded(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  try {
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  // Two processes starting at once must not both migrate, so the migrations run under an advisory
  // lock. It is a transaction-level lock (pg_advisory_xact_lock), taken in the one transaction that
  // also reads what is applied and applies the rest: behind pgbouncer in transaction pooling mode
  // consecutive statements outside a transaction may run on different server connections, so a
  // session-level lock could be taken on one, its unlock sent to another, and the lock left held
  // until pgbouncer closes that connection, stalling every later start. Drizzle's own migrator reads
  // the applied migrations outside its transaction; this is its algorithm and its bookkeeping table
  // (drizzle.__drizzle_migrations, the one PGlite's migrator above keeps too) inside one transaction.
  const migrations = readMigrationFiles({ migrationsFolder });
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7311)`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
    const applied = await rowsOf<{ created_at: string }>(tx, sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
    const last = applied.length ? Number(applied[0]!.created_at) : -Infinity;
    for (const migration of migrations.filter((m) => m.folderMillis > last)) {
      for (const statement of migration.sql) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`);
    }
  });
}

/**
 * The embedded database has no autovacuum daemon, so nothing does its work:
 * - the planner's statistics: without them PostgreSQL plans joins for empty tables (seen: 330 ms
 *   instead of 18 ms for a team's case list after the demo seed);
 * - the pending list of the trigram index on names (GIN "fast update"): every new client goes to a
 *   list that each search reads row by row until a VACUUM merges it into the index, and the
 *   visibility map that lets index-only scans skip the table (one year of Utrecht: a name search
 *   7 ms after VACUUM, 20–55 ms before).
 * The server runs this at start and every hour (about a second on one year of Utrecht).
 * A PostgreSQL server's autovacuum does this by itself, but only after a delay: right after a bulk
 * load (an import, the demo, a benchmark dataset) `afterBulkLoad` runs it there too (measured on
 * one year of Utrecht: "Mijn dag" p50 89 ms before, see the README's benchmark section for after).
 */
export async function vacuumAnalyze(database: Pick<Database, 'db' | 'kind'>, options: { afterBulkLoad?: boolean } = {}): Promise<void> {
  if (database.kind === 'pglite' || options.afterBulkLoad) await database.db.execute(sql`vacuum analyze`);
}
