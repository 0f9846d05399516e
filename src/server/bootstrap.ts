// What every entry point (server, CLI) does first: open the configured database, migrate it, and make
// sure the organisation and its reference data exist.
import type { Config } from './config';
import { openDatabase, type Database } from './db/database';
import { ensureOrganisation } from './modules/reference/reference.service';

export async function bootstrap(config: Config): Promise<{ database: Database; organisationId: string }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const organisationId = await ensureOrganisation(database.db);
  return { database, organisationId };
}

export const VERSION = process.env.npm_package_version ?? '0.1.0';
