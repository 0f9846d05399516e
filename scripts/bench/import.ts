// Import time of a Utrecht-scale exchange folder (issue 6): a synthetic history (synthetic-exchange.ts)
// written to a temporary folder and imported into a fresh database the way `npm run cli -- import`
// does it (read the folder, validate, import in one transaction, ANALYZE). A measurement, not a test.
//
// "Utrecht scale" is what the README and scripts/bench-report.ts call it: 35,000 cases from 2014 to
// 2017 (about 40,000 clients, 75,000 contacts, 38,000 ZRM rows), the generator's default.
//
// The fresh database: on the embedded database a new PGlite folder in the temp dir; on PostgreSQL the
// database `<name>_import` next to the one in databaseUrl, dropped and created again for each run and
// dropped afterwards. The database in databaseUrl itself is never opened.
//
//   node --import tsx scripts/bench/import.ts [--database-url postgres://…/kt_bench] [--cases 35000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, vacuumAnalyze, type Database } from '../../src/server/db/database';
import { readExchangeFolder, validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { generateExchange } from '../synthetic-exchange';
import { withDatabase } from '../../tests/support/global-setup';

export const UTRECHT_SCALE = { cases: 35_000, from: '2014-01-01', to: '2017-12-31', seed: 1 };

export interface ImportedFile {
  file: string;
  rows: number;
  bytes: number;
  /** Time of this file's part of the import transaction. */
  seconds: number;
}

export interface ImportFigures {
  database: 'pglite' | 'postgres';
  /** The PGlite folder or the PostgreSQL database name imported into. */
  target: string;
  cases: number;
  period: { from: string; to: string };
  files: ImportedFile[];
  rows: number;
  /** Generating the history and writing its files. */
  generationSeconds: number;
  /** Reading the folder, validating, importing and ANALYZE, as the CLI command times it. */
  importSeconds: number;
  rowsPerSecond: number;
  /** The embedded database's folder after the import (PGlite), or pg_database_size (PostgreSQL). */
  databaseBytes: number;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/** The same server as databaseUrl, another database: `<name>_import`; the admin connection goes to `postgres`. */
function importDatabaseUrl(databaseUrl: string): { url: string; name: string; admin: string } {
  const name = `${decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'postgres'}_import`;
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unexpected database name ${name}`);
  return { url: withDatabase(databaseUrl, name), name, admin: withDatabase(databaseUrl, 'postgres') };
}

async function onServer(adminUrl: string, statement: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

/**
 * What `npm run cli -- import DIR` does (src/server/cli/commands/exchange.ts), on a migrated database
 * with the organisation (what the CLI has before its timer starts), timed the same way.
 */
async function importFolder(database: Database, folder: string) {
  const organisationId = await ensureOrganisation(database.db);
  const fileSeconds: Record<string, number> = {};
  const started = performance.now();
  const files = await readExchangeFolder(folder);
  const result = await validateAndImport(database.db, organisationId, files, { write: true, userId: null, onProgress: (c, ms) => (fileSeconds[c.file] = seconds(ms)) });
  if (!result.valid) throw new Error(`the generated history has problems: ${JSON.stringify(result.problems.slice(0, 5))}`);
  await vacuumAnalyze(database, { afterBulkLoad: true });
  return { result, importMs: performance.now() - started, fileSeconds };
}

export async function measureImport(options: { databaseUrl?: string; cases?: number } = {}): Promise<ImportFigures> {
  const cases = options.cases ?? UTRECHT_SCALE.cases;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kt-import-'));
  const folder = path.join(work, 'exchange');
  const server = options.databaseUrl ? importDatabaseUrl(options.databaseUrl) : null;
  const dataDir = path.join(work, 'pglite');
  try {
    const started = performance.now();
    const generated = generateExchange({ ...UTRECHT_SCALE, cases });
    fs.mkdirSync(folder);
    for (const [name, content] of Object.entries(generated)) fs.writeFileSync(path.join(folder, name), content);
    const generationSeconds = seconds(performance.now() - started);

    if (server) {
      await onServer(server.admin, `drop database if exists "${server.name}" with (force)`);
      await onServer(server.admin, `create database "${server.name}"`);
    }
    const database = await openDatabase(server ? { databaseUrl: server.url } : { dataDir });
    let imported: Awaited<ReturnType<typeof importFolder>>;
    try {
      imported = await importFolder(database, folder);
    } finally {
      await database.close();
    }
    const { result, importMs, fileSeconds } = imported;
    const databaseBytes = server ? Number((await onServer(server.admin, `select pg_database_size('${server.name}') as bytes`))[0]!.bytes) : folderBytes(dataDir);

    const files = result.files.map((f) => ({ file: f.file, rows: f.rows, bytes: Buffer.byteLength(generated[f.file] ?? ''), seconds: fileSeconds[f.file] ?? 0 }));
    const rows = files.reduce((s, f) => s + f.rows, 0);
    return {
      database: server ? 'postgres' : 'pglite',
      target: server ? server.name : dataDir,
      cases,
      period: { from: UTRECHT_SCALE.from, to: UTRECHT_SCALE.to },
      files,
      rows,
      generationSeconds,
      importSeconds: seconds(importMs),
      rowsPerSecond: Math.round(rows / (importMs / 1000)),
      databaseBytes,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    if (server) await onServer(server.admin, `drop database if exists "${server.name}" with (force)`);
  }
}

/** The figures as a readable table. */
export function describeImportFigures(f: ImportFigures): string {
  return [
    `import of ${f.cases} cases (${f.period.from}..${f.period.to}) into a fresh ${f.database} database (${f.target})`,
    ...f.files.map((file) => `${file.file.padEnd(17)} ${String(file.rows).padStart(8)} rows ${(file.bytes / 1e6).toFixed(1).padStart(6)} MB ${String(file.seconds).padStart(6)} s`),
    `generated in ${f.generationSeconds} s; imported ${f.rows} rows in ${f.importSeconds} s (${f.rowsPerSecond} rows/s); database ${(f.databaseBytes / 1e6).toFixed(0)} MB afterwards`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, cases: { type: 'string' } } });
  const figures = await measureImport({ databaseUrl: values['database-url'], cases: values.cases ? Number(values.cases) : undefined });
  console.log(JSON.stringify(figures));
  console.error(describeImportFigures(figures));
}
