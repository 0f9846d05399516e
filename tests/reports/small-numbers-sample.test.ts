// The analyst's reports on the shared sample history: small numbers suppressed, the answer still
// valid, every hidden cell explained, and every shown figure the exact one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { computeAnnualFamily, computeAnnualReport, computeAnnualReportCsv, loadReportCodeLists, publishAnnualReport } from '../../src/server/modules/reports/annual-report';
import { publishedAnnualReport } from '../../src/server/modules/reports/reports.schemas';
import { DEFAULT_SMALL_NUMBERS } from '../../src/server/modules/reports/small-numbers';
import { computeZrmReport, publishZrmReport } from '../../src/server/modules/zrm/zrm-report';
import { publishedZrmReport } from '../../src/server/modules/zrm/zrm.schemas';
import { openSampleDatabase } from '../support/sample';

let database: Database;
let drop: () => Promise<void>;
let organisationId: string;

beforeAll(async () => {
  ({ database, drop, organisationId } = await openSampleDatabase());
});
afterAll(async () => drop());

/** Every leaf of a report with its JSON Pointer. */
function leaves(value: unknown, at = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`));
  }
  return [[at, value]];
}

describe('the analyst’s family of reports on the sample history', () => {
  it('computes every variant exactly as the report on its own (one set of queries for all)', async () => {
    const family = await computeAnnualFamily(database.db, organisationId, 2016);
    const teams = (await loadReportCodeLists(database.db, organisationId)).teams.map((t) => t.code);
    for (const team of [null, ...teams]) {
      for (const quarter of [1, 2, 3, 4]) {
        const alone = await computeAnnualReport(database.db, organisationId, { year: 2016, quarter: quarter < 4 ? quarter : undefined, teamCode: team ?? undefined });
        expect(family.variant(quarter, team).report, `${team} K${quarter}`).toEqual(alone);
      }
    }
  }, 300_000);
});

describe('small numbers on the sample history', () => {
  for (const options of [{ year: 2016 }, { year: 2016, quarter: 2 }, { year: 2016, teamCode: 'west' }]) {
    it(`suppresses the annual report ${JSON.stringify(options)} and keeps every other figure exact`, async () => {
      const exact = await computeAnnualReport(database.db, organisationId, options);
      const published = await publishAnnualReport(database.db, organisationId, options, DEFAULT_SMALL_NUMBERS);
      expect(publishedAnnualReport.safeParse(published).success).toBe(true);
      const cells = published.suppression!.cells;
      expect(Object.values(cells)).toContain('small');
      const exactLeaves = new Map(leaves(exact));
      for (const [at, value] of leaves({ ...published, suppression: undefined })) {
        if (at in cells) {
          expect(value, at).toBeNull();
          const original = exactLeaves.get(at);
          if (cells[at] === 'small') expect(original, at).toBeGreaterThan(0);
          if (cells[at] === 'small') expect(original, at).toBeLessThan(5);
          // A zero is suppressed only as the last resort (family-suppression.ts), never shown as a count of 1–4.
          if (cells[at] === 'secondary') expect(original, at).toBeGreaterThanOrEqual(0);
        } else {
          expect(value, at).toEqual(exactLeaves.get(at));
          if (typeof value === 'number' && Number.isInteger(value) && !at.startsWith('/days_to_first_meeting') && !at.startsWith('/satisfaction/mean') && !at.startsWith('/satisfaction/can_continue') && at !== '/year') {
            expect(value === 0 || value >= 5, `${at} = ${value}`).toBe(true);
          }
        }
      }
      const csv = await computeAnnualReportCsv(database.db, organisationId, options, DEFAULT_SMALL_NUMBERS);
      expect(csv).toContain('<5');
      expect(csv.split('\n')[1]).toMatch(/Kleine aantallen/);
    });
  }

  it('suppresses the ZRM report of one team', async () => {
    const exact = await computeZrmReport(database.db, organisationId, { year: 2016, teamCode: 'west' });
    const published = await publishZrmReport(database.db, organisationId, { year: 2016, teamCode: 'west' }, DEFAULT_SMALL_NUMBERS);
    expect(publishedZrmReport.safeParse(published).success).toBe(true);
    for (const [code, result] of Object.entries(published.domains)) {
      const n = exact.domains[code]!.n;
      expect(result.n, code).toBe(n > 0 && n < 5 ? null : n);
      if (n < 10) expect(result.mean_change, code).toBeNull();
      else expect(result, code).toEqual(exact.domains[code]);
    }
  });
});
