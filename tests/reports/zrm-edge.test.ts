// The ZRM progress report on a small hand-made history whose answers are worked out below, client
// by client: two nulmetingen in two cases, an assessment the next year, one on the same day as the
// start, changes of zero, ties, goals and untyped rows that never count, team reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../support/test-app';
import { TEAM_A, TEAM_B, teamId } from '../support/fixtures';
import type { Database } from '../../src/server/db/database';
import { caseClients, cases, clients, zrmAssessments } from '../../src/server/db/schema';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { computeZrmReport } from '../../src/server/modules/zrm/zrm-report';
import { zrmReport, type ZrmReport } from '../../src/server/modules/zrm/zrm.schemas';
import { twoSidedNormalP } from '../../src/server/modules/zrm/wilcoxon';
import { Invalid } from '../../src/server/lib/errors';

let database: Database;
let drop: () => Promise<void>;
let organisationId: string;

/*
 * Cases (team A unless said otherwise) and their one client each:
 * c1 P1, c2 P2, c3 P2 (the same client again), c4 P3, c5 P4 (team B), c6 P5, c7 P6, c8 P7, c9 P8.
 * Assessments (F = financien, D = dagbesteding; a blank is a domain not scored):
 */
const CASES = [
  { key: 'c1', team: 'A', client: 'P1', registeredOn: '2016-01-05' },
  { key: 'c2', team: 'A', client: 'P2', registeredOn: '2015-05-20' },
  { key: 'c3', team: 'A', client: 'P2', registeredOn: '2016-01-20' },
  { key: 'c4', team: 'A', client: 'P3', registeredOn: '2016-02-20' },
  { key: 'c5', team: 'B', client: 'P4', registeredOn: '2015-10-20' },
  { key: 'c6', team: 'A', client: 'P5', registeredOn: '2015-12-01' },
  { key: 'c7', team: 'A', client: 'P6', registeredOn: '2016-05-20' },
  { key: 'c8', team: 'A', client: 'P7', registeredOn: '2016-12-01' },
  { key: 'c9', team: 'A', client: 'P8', registeredOn: '2014-12-20' },
];
const ZRM: { case: string; on: string; type: string; F?: number; D?: number }[] = [
  // P1: F 2 → 4 (the eind is the latest scoring F); D 3 → 3 (the eind does not score D: the periodic one counts).
  { case: 'c1', on: '2016-01-10', type: 'nul', F: 2, D: 3 },
  { case: 'c1', on: '2016-04-10', type: 'periodiek', F: 3, D: 3 },
  { case: 'c1', on: '2016-07-01', type: 'eind', F: 4 },
  // P2, two cases: F starts at the earliest nul of the client (1, in c2), not at 3 (c3): 1 → 2;
  // D is not scored in the first nul, so D starts at c3's nul: 2 → 4. Once per domain.
  { case: 'c2', on: '2015-06-01', type: 'nul', F: 1 },
  { case: 'c3', on: '2016-02-01', type: 'nul', F: 3, D: 2 },
  { case: 'c3', on: '2016-05-01', type: 'periodiek', F: 2, D: 4 },
  // P3: F 3 → 2, D 3 → 2; the eind of 2017 does not count in 2016 (it does in 2017: F 3 → 5, D 3 → 5).
  { case: 'c4', on: '2016-03-01', type: 'nul', F: 3, D: 3 },
  { case: 'c4', on: '2016-09-01', type: 'periodiek', F: 2, D: 2 },
  { case: 'c4', on: '2017-01-15', type: 'eind', F: 5, D: 5 },
  // P4 (team B): F 4 → 4, D 1 → 2; a goal (doel) is never a measurement.
  { case: 'c5', on: '2015-11-01', type: 'nul', F: 4, D: 1 },
  { case: 'c5', on: '2016-02-01', type: 'periodiek', F: 4, D: 2 },
  { case: 'c5', on: '2016-03-01', type: 'doel', F: 5, D: 5 },
  // P5: no nulmeting (an untyped old row is not one): never counts.
  { case: 'c6', on: '2016-01-01', type: 'onbekend', F: 5 },
  { case: 'c6', on: '2016-05-01', type: 'periodiek', F: 1 },
  // P6: F's periodic is on the start's day, not later: F does not count; D 2 → 3 on 31 December.
  { case: 'c7', on: '2016-06-01', type: 'nul', F: 2, D: 2 },
  { case: 'c7', on: '2016-06-01', type: 'periodiek', F: 4 },
  { case: 'c7', on: '2016-12-31', type: 'eind', D: 3 },
  // P7: the follow-up is in 2017 only: nothing in 2016; in 2017 F 1 → 3.
  { case: 'c8', on: '2016-12-31', type: 'nul', F: 1 },
  { case: 'c8', on: '2017-01-05', type: 'periodiek', F: 3 },
  // P8: the 2015 periodic is not in the year; the eind of 1 January is: F 3 → 3.
  { case: 'c9', on: '2015-01-01', type: 'nul', F: 3 },
  { case: 'c9', on: '2015-06-01', type: 'periodiek', F: 4 },
  { case: 'c9', on: '2016-01-01', type: 'eind', F: 3 },
];

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  const db = database.db;
  organisationId = (await findOrganisationId(db))!;
  const teams = { A: await teamId(db, TEAM_A), B: await teamId(db, TEAM_B) };
  const clientIds: Record<string, string> = {};
  const caseIds: Record<string, string> = {};
  for (let n = 1; n <= 8; n++) {
    const [row] = await db.insert(clients).values({ organisationId, firstName: 'Zrm', lastName: `P${n}` }).returning({ id: clients.id });
    clientIds[`P${n}`] = row!.id;
  }
  for (const c of CASES) {
    const [row] = await db
      .insert(cases)
      .values({ organisationId, teamId: teams[c.team as 'A' | 'B'], status: 'running', registeredOn: c.registeredOn })
      .returning({ id: cases.id });
    caseIds[c.key] = row!.id;
    await db.insert(caseClients).values({ organisationId, caseId: row!.id, clientId: clientIds[c.client]!, role: 'hoofdclient' });
  }
  const clientOf = Object.fromEntries(CASES.map((c) => [c.key, c.client]));
  await db.insert(zrmAssessments).values(
    ZRM.map((z) => ({
      organisationId,
      caseId: caseIds[z.case]!,
      clientId: clientIds[clientOf[z.case]!]!,
      assessedOn: z.on,
      type: z.type,
      scores: { ...(z.F !== undefined ? { financien: z.F } : {}), ...(z.D !== undefined ? { dagbesteding: z.D } : {}) },
    })),
  );
});
afterAll(async () => drop());

describe('2016, the whole organisation', () => {
  let r: ZrmReport;
  beforeAll(async () => {
    r = await computeZrmReport(database.db, organisationId, { year: 2016 });
  });

  it('has the shape of the contract, every domain of the matrix', () => {
    expect(zrmReport.parse(r)).toEqual(r);
    expect(Object.keys(r.domains)).toHaveLength(11);
    expect(r.domains.justitie).toEqual({ n: 0, mean_start: null, mean_latest: null, mean_change: null, p_value: null, p_value_method: 'wilcoxon', p_wilcoxon: null, p_pratt: null });
  });

  /*
   * financien: P1 2→4 (+2), P2 1→2 (+1), P3 3→2 (−1), P4 4→4 (0), P8 3→3 (0); n = 5,
   * mean start 13/5 = 2.6, latest 15/5 = 3, change 2/5 = 0.4.
   * Zeros discarded: |d| 2, 1, 1 → ranks 3, 1.5, 1.5; T+ = 3 + 1.5 = 4.5, mean 6/2 = 3,
   *   var (9 + 2.25 + 2.25)/4 = 3.375, z = 1.5/√3.375 = √(2/3) (p ≈ 0.4142).
   * Pratt: |d| 2, 1, 1, 0, 0 → ranks 5, 3.5, 3.5 (zeros 1.5); T+ = 8.5, mean 12/2 = 6,
   *   var (25 + 12.25 + 12.25)/4 = 12.375, z = 2.5/√12.375 (p ≈ 0.4773).
   */
  it('financien', () => {
    expect(r.domains.financien).toMatchObject({ n: 5, mean_start: 2.6, mean_latest: 3, mean_change: 0.4 });
    expect(r.domains.financien!.p_wilcoxon).toBeCloseTo(twoSidedNormalP(Math.sqrt(2 / 3)), 14);
    expect(r.domains.financien!.p_pratt).toBeCloseTo(twoSidedNormalP(2.5 / Math.sqrt(12.375)), 14);
    expect(r.domains.financien!.p_value).toBe(r.domains.financien!.p_wilcoxon);
    expect(r.domains.financien!.p_wilcoxon).toBeCloseTo(0.4142, 4);
  });

  /*
   * dagbesteding: P1 3→3 (0), P2 2→4 (+2), P3 3→2 (−1), P4 1→2 (+1), P6 2→3 (+1); n = 5,
   * mean start 11/5 = 2.2, latest 14/5 = 2.8, change 3/5 = 0.6.
   * Zeros discarded: |d| 2, 1, 1, 1 → ranks 4, 2, 2, 2; T+ = 4 + 2 + 2 = 8, mean 10/2 = 5,
   *   var (16 + 4 + 4 + 4)/4 = 7, z = 3/√7.
   * Pratt: |d| 0, 2, 1, 1, 1 → ranks (1), 5, 3, 3, 3; T+ = 11, mean 14/2 = 7, var (25 + 27)/4 = 13, z = 4/√13.
   */
  it('dagbesteding', () => {
    expect(r.domains.dagbesteding).toMatchObject({ n: 5, mean_start: 2.2, mean_latest: 2.8, mean_change: 0.6 });
    expect(r.domains.dagbesteding!.p_wilcoxon).toBeCloseTo(twoSidedNormalP(3 / Math.sqrt(7)), 14);
    expect(r.domains.dagbesteding!.p_pratt).toBeCloseTo(twoSidedNormalP(4 / Math.sqrt(13)), 14);
  });
});

describe('a team report', () => {
  /*
   * Team A leaves out P4 (team B). financien: P1 +2, P2 +1, P3 −1, P8 0: n = 4, start 9/4 = 2.25,
   * latest 11/4 = 2.75, change 2/4 = 0.5; zeros discarded the same ranks as above: z = √(2/3).
   * dagbesteding: P1 0, P2 +2, P3 −1, P6 +1: n = 4; nonzero |d| 2, 1, 1 → T+ = 3 + 1.5, z = √(2/3).
   * Team B: P4 only: financien 4→4 (n 1, no p-value), dagbesteding 1→2.
   */
  it('counts only the assessments of the team', async () => {
    const a = await computeZrmReport(database.db, organisationId, { year: 2016, teamCode: TEAM_A });
    expect(a.domains.financien).toMatchObject({ n: 4, mean_start: 2.25, mean_latest: 2.75, mean_change: 0.5 });
    expect(a.domains.financien!.p_wilcoxon).toBeCloseTo(twoSidedNormalP(Math.sqrt(2 / 3)), 14);
    expect(a.domains.dagbesteding).toMatchObject({ n: 4, mean_start: 2.5, mean_latest: 3, mean_change: 0.5 });
    expect(a.domains.dagbesteding!.p_wilcoxon).toBeCloseTo(twoSidedNormalP(Math.sqrt(2 / 3)), 14);
    const b = await computeZrmReport(database.db, organisationId, { year: 2016, teamCode: TEAM_B });
    expect(b.domains.financien).toMatchObject({ n: 1, mean_start: 4, mean_latest: 4, mean_change: 0, p_value: null });
    expect(b.domains.dagbesteding).toMatchObject({ n: 1, mean_start: 1, mean_latest: 2, mean_change: 1 });
  });

  it('refuses an unknown team', async () => {
    await expect(computeZrmReport(database.db, organisationId, { year: 2016, teamCode: 'atlantis' })).rejects.toBeInstanceOf(Invalid);
  });
});

describe('other years', () => {
  /*
   * 2017: P3 F 3→5, D 3→5 (the eind of 15 January); P7 F 1→3. P6's nul of 2016 has no follow-up in 2017.
   * financien n = 2, start 2, latest 4, change 2; dagbesteding n = 1, change 2.
   * 2015: P4's nul is of 2015 but its follow-up of 2016; P8 F 3→4 (June 2015): n = 1.
   */
  it('2017 counts the follow-ups of 2017 only', async () => {
    const r = await computeZrmReport(database.db, organisationId, { year: 2017 });
    expect(r.domains.financien).toMatchObject({ n: 2, mean_start: 2, mean_latest: 4, mean_change: 2 });
    expect(r.domains.dagbesteding).toMatchObject({ n: 1, mean_start: 3, mean_latest: 5, mean_change: 2 });
  });

  it('2015 counts the follow-ups of 2015 only', async () => {
    const r = await computeZrmReport(database.db, organisationId, { year: 2015 });
    expect(r.domains.financien).toMatchObject({ n: 1, mean_start: 3, mean_latest: 4, mean_change: 1 });
    expect(r.domains.dagbesteding!.n).toBe(0);
  });
});
