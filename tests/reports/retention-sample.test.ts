// "Past reports stay the same": on the shared sample history, the annual reports, the ZRM reports and
// the figures per team are computed before and after destroying every client whose retention term
// has passed by a day far enough ahead, and must be equal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/server/db/database';
import { users } from '../../src/server/db/schema';
import type { Actor } from '../../src/server/access/actor';
import type { Role } from '../../src/server/access/permissions';
import { computeAnnualReport } from '../../src/server/modules/reports/annual-report';
import { computeZrmReport } from '../../src/server/modules/zrm/zrm-report';
import { teamFigures } from '../../src/server/modules/worklists/worklists.service';
import { confirmDestruction, listDueForRetention, listQueue, proposeDestruction } from '../../src/server/modules/retention/retention.service';
import { TEST_USERS } from '../support/fixtures';
import path from 'node:path';
import { readExchangeFolder, validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import { SAMPLE } from '../support/paths';
import { openSampleDatabase } from '../support/sample';

let database: Database;
let drop: () => Promise<void>;
let organisationId: string;

const YEARS = [2014, 2015, 2016, 2017];
// 15 years after 1 July 2015: the clients whose last closing or registration was before then
// (about a fifth of the sample; all of them would make this test take minutes).
const FAR_AHEAD = '2030-07-01';

async function actor(email: string, role: Role): Promise<Actor> {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  return { organisationId, userId: user!.id, role, teamId: user!.teamId, name: user!.name, emergencyClientIds: [] };
}

async function allReports(analyst: Actor) {
  const out: Record<string, unknown> = {};
  for (const year of YEARS) {
    out[`annual-${year}`] = await computeAnnualReport(database.db, organisationId, { year });
    out[`annual-${year}-q2-west`] = await computeAnnualReport(database.db, organisationId, { year, quarter: 2, teamCode: 'west' });
    out[`zrm-${year}`] = await computeZrmReport(database.db, organisationId, { year });
  }
  out.figures = await teamFigures(database.db, analyst);
  return out;
}

beforeAll(async () => {
  ({ database, drop, organisationId } = await openSampleDatabase());
});
afterAll(async () => drop());

describe('destroying clients of the sample history', () => {
  it('leaves every report of the past the same', { timeout: 300_000 }, async () => {
    const analyst = await actor(TEST_USERS.analyst.email, 'analist');
    const quality = await actor(TEST_USERS.quality.email, 'kwaliteit');
    const secondPair = await actor(TEST_USERS.quality2.email, 'kwaliteit');
    const before = await allReports(analyst);

    const { listed } = await listDueForRetention(database.db, organisationId, FAR_AHEAD);
    // A real share of the history, not a handful.
    expect(listed).toBeGreaterThan(300);
    // kwaliteit works through the queue page by page, one person proposing, another confirming:
    // confirmed rows leave it.
    let confirmed = 0;
    for (;;) {
      const page = await listQueue(database.db, quality, { status: 'open', limit: 500, offset: 0 });
      expect(page.total).toBe(listed - confirmed);
      if (page.items.length === 0) break;
      for (const item of page.items) {
        const proposed = await proposeDestruction(database.db, quality, item.id, { version: item.version, note: '' });
        await confirmDestruction(database.db, secondPair, item.id, { version: proposed.version, note: '' }, FAR_AHEAD);
      }
      confirmed += page.items.length;
    }

    const [counts] = ((await database.db.execute(sql`select count(*) filter (where destroyed_at is not null)::int as destroyed,
        count(*) filter (where destroyed_at is not null and (last_name <> '' or bsn is not null or birth_date is not null or postcode is not null))::int as left_over
        from clients`)) as unknown as { rows: { destroyed: number; left_over: number }[] }).rows;
    expect(counts).toEqual({ destroyed: listed, left_over: 0 });

    expect(await allReports(analyst)).toEqual(before);

    // Importing the old history again does not bring the destroyed personal data back.
    const again = await validateAndImport(database.db, organisationId, await readExchangeFolder(path.join(SAMPLE, 'data')), { write: true, userId: null });
    expect(again.imported).toBe(true);
    const [afterImport] = ((await database.db.execute(sql`select count(*) filter (where destroyed_at is not null and (bsn is not null or birth_date is not null or postcode is not null or gender is not null))::int as left_over
        from clients`)) as unknown as { rows: { left_over: number }[] }).rows;
    expect(afterImport!.left_over).toBe(0);
  });
});
