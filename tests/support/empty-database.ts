// An empty database for tests of entry points (CLI, server start) that must create everything
// themselves: a temporary folder for PGlite, or a new database on the PostgreSQL server.
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
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `kt_empty_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    return {
      env: { DATABASE_URL: withDatabase(serverUrl, name) },
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keukentafel-test-'));
  return { env: { KEUKENTAFEL_DATA_DIR: dir, DATABASE_URL: '' }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
