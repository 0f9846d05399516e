// The annual report on the shared sample history against the independently computed reports
// (shared/sample/expected-YYYY.json), compared the way the acceptance check does.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { computeAnnualReport } from '../../src/server/modules/reports/annual-report';
import { annualReport } from '../../src/server/modules/reports/reports.schemas';
import { compareReport, parseExpected } from './compare';
import { SAMPLE } from '../support/paths';
import { openSampleDatabase } from '../support/sample';

let database: Database;
let drop: () => Promise<void>;
let organisationId: string;

beforeAll(async () => {
  ({ database, drop, organisationId } = await openSampleDatabase());
});
afterAll(async () => drop());

describe('annual report on the sample history', () => {
  for (const year of [2015, 2016, 2017]) {
    it(`matches expected-${year}.json`, async () => {
      const report = await computeAnnualReport(database.db, organisationId, { year });
      expect(annualReport.safeParse(report).success).toBe(true);
      const expected = parseExpected(fs.readFileSync(path.join(SAMPLE, `expected-${year}.json`), 'utf8'));
      expect(compareReport(report, expected)).toEqual([]);
    });
  }

  it('gives the same quarters in a quarterly report as in the annual one, and nothing after', async () => {
    const year = await computeAnnualReport(database.db, organisationId, { year: 2016 });
    const q2 = await computeAnnualReport(database.db, organisationId, { year: 2016, quarter: 2 });
    expect(q2.cases.started.months).toEqual([...year.cases.started.months.slice(0, 6), 0, 0, 0, 0, 0, 0]);
    expect(q2.cases.running.quarters).toEqual([...year.cases.running.quarters.slice(0, 2), 0, 0]);
    expect(q2.unique_clients.quarters).toEqual([...year.unique_clients.quarters.slice(0, 2), 0, 0]);
    expect(q2.days_to_first_meeting.quarters).toEqual([...year.days_to_first_meeting.quarters.slice(0, 2), null, null]);
    expect(q2.cases.started.year).toBe(year.cases.started.quarters[0]! + year.cases.started.quarters[1]!);
    // Running in the half year lies between the largest quarter and the sum of both.
    expect(q2.cases.running.year).toBeGreaterThanOrEqual(Math.max(...year.cases.running.quarters.slice(0, 2)));
    expect(q2.cases.running.year).toBeLessThan(year.cases.running.year);
  });

  it('restricts a team report to that team', async () => {
    const all = await computeAnnualReport(database.db, organisationId, { year: 2016 });
    const west = await computeAnnualReport(database.db, organisationId, { year: 2016, teamCode: 'west' });
    expect(Object.keys(west.teams)).toEqual(['west']);
    expect(west.teams.west).toEqual(all.teams.west);
    expect(west.cases.started).toEqual(all.teams.west!.started);
    expect(west.unique_clients).toEqual(all.teams.west!.unique_clients);
    const closedByReason = Object.values(west.closed_by_reason).reduce((n, r) => n + r.year, 0);
    expect(closedByReason).toBe(all.teams.west!.closed.year);
  });
});
