// An empty database for tests of entry points (CLI, server start) that must create everything
// themselves: a temporary folder for PGlite, or a new database on the PostgreSQL server. And a copy
// of such a database once filled (the browser tests' demo organisation, made once per run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from './global-setup';

export interface EmptyDatabase {
  /** Environment for a child process: KEUKENTAFEL_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  return newDatabase(null);
}

/**
 * A copy of a database that no process has open: the PGlite folder copied, or a PostgreSQL
 * database created with the source as its template. `drop()` removes the copy; the source stays.
 */
export async function copyDatabase(source: EmptyDatabase['env']): Promise<EmptyDatabase> {
  return newDatabase(source);
}

async function newDatabase(source: EmptyDatabase['env'] | null): Promise<EmptyDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `kt_empty_${randomBytes(6).toString('hex')}`;
    const template = source ? ` template ${new URL(source.DATABASE_URL!).pathname.slice(1)}` : '';
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}${template}`);
    return {
      env: { DATABASE_URL: withDatabase(serverUrl, name) },
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keukentafel-test-'));
  if (source) fs.cpSync(source.KEUKENTAFEL_DATA_DIR!, dir, { recursive: true });
  return { env: { KEUKENTAFEL_DATA_DIR: dir, DATABASE_URL: '' }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
