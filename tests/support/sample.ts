// A test database holding ../shared/sample/data, imported the way `npm run cli -- import` does.
import { expect } from 'vitest';
import { vacuumAnalyze, type Database } from '../../src/server/db/database';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { readExchangeFolder, validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import { SAMPLE_DATA } from './paths';
import { openTestDatabase } from './test-app';


export async function openSampleDatabase(): Promise<{ database: Database; organisationId: string; drop(): Promise<void> }> {
  const { database, drop } = await openTestDatabase();
  const organisationId = (await findOrganisationId(database.db))!;
  const result = await validateAndImport(database.db, organisationId, await readExchangeFolder(SAMPLE_DATA), { write: true, userId: null });
  expect(result.allProblems).toEqual([]);
  expect(result.imported).toBe(true);
  await vacuumAnalyze(database, { afterBulkLoad: true });
  return { database, organisationId, drop };
}
