// The annual report on a small hand-made history whose right answers are worked out below, case by
// case: boundaries of months, quarters and years, close-reason buckets, a household, a client of two
// teams, provisions with extensions and voided rows, legacy ZRM rows, quarterly and team reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../support/test-app';
import { TEAM_A, TEAM_B, teamId } from '../support/fixtures';
import type { Database } from '../../src/server/db/database';
import { caseClients, cases, clients, provisions, zrmAssessments } from '../../src/server/db/schema';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { computeAnnualReport } from '../../src/server/modules/reports/annual-report';
import { annualReport, type AnnualReport } from '../../src/server/modules/reports/reports.schemas';
import { Invalid } from '../../src/server/lib/errors';
import type { FirstMeetingLocation } from '../../src/server/modules/cases/case-rules';

let database: Database;
let drop: () => Promise<void>;
let organisationId: string;
const id: Record<string, string> = {};

/*
 * The history (team A = overvecht-centrum unless said otherwise; P1..P10 are clients):
 *
 * case  team registered  first meeting        closed      reasons                  outcomes              mark  zelf verder  clients
 * c1    A    2015-12-31  -                    2016-01-01  volgens_plan+eenz_client eigen_netwerk         -     -            P5
 * c2    A    2015-06-15  2016-01-05 thuis     -           -                        -                     -     -            P6, P5
 * c3    A    2016-03-31  2016-04-01 thuis     2016-12-31  (none)                   -                     -     ja           P7
 * c4    A    2016-04-01  2016-04-06 kantoor   2016-06-30  volgens_plan             eigen_netwerk+huisarts 8    ja           P1, P2, P3
 * c5    B    2016-07-01  2016-07-01 elders    -           -                        -                     -     -            P1
 * c6    A    2016-12-31  2017-01-04 thuis     -           -                        -                     -     -            P8
 * c7    A    2017-01-01  -                    -           -                        -                     -     -            P9
 * c8    A    2016-01-10  2016-01-14 thuis     2016-02-20  eenzijdig_aanbieder      huisarts              5     nee          P4, P1
 * c9    A    2016-02-29  2016-03-02 kantoor   2016-09-30  externe_omstandigheden   -                     10    -            P10
 *
 * referrers: c2 huisarts, c3 zelfmelder, c4 huisarts, c5 '' (empty), c6 onbekend, c7 zelfmelder, c8 zelfmelder, c9 huisarts.
 */
const CASES = [
  { key: 'c1', team: 'A', registeredOn: '2015-12-31', closedOn: '2016-01-01', closeReasons: ['volgens_plan', 'eenzijdig_client'], closeOutcomes: ['eigen_netwerk'], referrerCode: 'zelfmelder', clients: ['P5'] },
  { key: 'c2', team: 'A', registeredOn: '2015-06-15', firstMeetingOn: '2016-01-05', firstMeetingLocation: 'thuis', referrerCode: 'huisarts', clients: ['P6', 'P5'] },
  { key: 'c3', team: 'A', registeredOn: '2016-03-31', firstMeetingOn: '2016-04-01', firstMeetingLocation: 'thuis', closedOn: '2016-12-31', canContinueAlone: true, referrerCode: 'zelfmelder', clients: ['P7'] },
  { key: 'c4', team: 'A', registeredOn: '2016-04-01', firstMeetingOn: '2016-04-06', firstMeetingLocation: 'kantoor', closedOn: '2016-06-30', closeReasons: ['volgens_plan'], closeOutcomes: ['eigen_netwerk', 'huisarts'], satisfactionScore: 8, canContinueAlone: true, referrerCode: 'huisarts', clients: ['P1', 'P2', 'P3'] },
  { key: 'c5', team: 'B', registeredOn: '2016-07-01', firstMeetingOn: '2016-07-01', firstMeetingLocation: 'elders', referrerCode: '', clients: ['P1'] },
  { key: 'c6', team: 'A', registeredOn: '2016-12-31', firstMeetingOn: '2017-01-04', firstMeetingLocation: 'thuis', referrerCode: 'onbekend', clients: ['P8'] },
  { key: 'c7', team: 'A', registeredOn: '2017-01-01', referrerCode: 'zelfmelder', clients: ['P9'] },
  { key: 'c8', team: 'A', registeredOn: '2016-01-10', firstMeetingOn: '2016-01-14', firstMeetingLocation: 'thuis', closedOn: '2016-02-20', closeReasons: ['eenzijdig_aanbieder'], closeOutcomes: ['huisarts'], satisfactionScore: 5, canContinueAlone: false, referrerCode: 'zelfmelder', clients: ['P4', 'P1'] },
  { key: 'c9', team: 'A', registeredOn: '2016-02-29', firstMeetingOn: '2016-03-02', firstMeetingLocation: 'kantoor', closedOn: '2016-09-30', closeReasons: ['externe_omstandigheden'], satisfactionScore: 10, referrerCode: 'huisarts', clients: ['P10'] },
];

/*
 * Provisions:
 * pv1  c4 P1  begeleiding/iab_groot   Careyn              2016-04-10  new (Q2)
 * pv2  c4 P1  extends pv1             Careyn              2016-07-10  extension (Q3)
 * pv3  c4 P1  extends pv2             Careyn              2016-10-10  extension of an extension (Q4)
 * pv4  c4 P1  extends pv3, voided     Careyn              2016-12-01  nowhere
 * pv5  c8 P4  dagbesteding/dagbegeleiding Boogh, voided   2016-02-01  nowhere
 * pv6  c9 P10 begeleiding/iab_klein   Eigen Aanbieder BV  2016-03-01  new (Q1), a provider outside the list
 * pv7  c2 P6  begeleiding/iab_groot   Careyn              2015-11-01  new in 2015: not in 2016
 * pv8  c2 P6  extends pv7             Careyn              2016-01-15  extension (Q1)
 * pv9  c5 P1  dagbesteding/dagbegeleiding Boogh (team B)  2016-08-01  new (Q3)
 */
const PROVISIONS = [
  { key: 'pv1', case: 'c4', client: 'P1', category: 'begeleiding', product: 'iab_groot', provider: 'Careyn', startOn: '2016-04-10' },
  { key: 'pv2', case: 'c4', client: 'P1', category: 'begeleiding', product: 'iab_groot', provider: 'Careyn', startOn: '2016-07-10', extends: 'pv1' },
  { key: 'pv3', case: 'c4', client: 'P1', category: 'begeleiding', product: 'iab_groot', provider: 'Careyn', startOn: '2016-10-10', extends: 'pv2' },
  { key: 'pv4', case: 'c4', client: 'P1', category: 'begeleiding', product: 'iab_groot', provider: 'Careyn', startOn: '2016-12-01', extends: 'pv3', voided: true },
  { key: 'pv5', case: 'c8', client: 'P4', category: 'dagbesteding', product: 'dagbegeleiding', provider: 'Boogh', startOn: '2016-02-01', voided: true },
  { key: 'pv6', case: 'c9', client: 'P10', category: 'begeleiding', product: 'iab_klein', provider: 'Eigen Aanbieder BV', startOn: '2016-03-01' },
  { key: 'pv7', case: 'c2', client: 'P6', category: 'begeleiding', product: 'iab_groot', provider: 'Careyn', startOn: '2015-11-01' },
  { key: 'pv8', case: 'c2', client: 'P6', category: 'begeleiding', product: 'iab_groot', provider: 'Careyn', startOn: '2016-01-15', extends: 'pv7' },
  { key: 'pv9', case: 'c5', client: 'P1', category: 'dagbesteding', product: 'dagbegeleiding', provider: 'Boogh', startOn: '2016-08-01' },
];

/*
 * ZRM: z1 c8/P4 2016-01-14 nul; z2 c8/P4 2016-02-20 eind; z3 c2/P6 2016-03-31 '' (legacy, no type);
 * z4 c2/P6 2016-04-01 onbekend (legacy, as imported); z5 c6/P8 2016-12-31 nul; z6 c7/P9 2017-01-02 nul;
 * z7 c4/P2 2016-06-30 periodiek.
 */
const ZRM = [
  { key: 'z1', case: 'c8', client: 'P4', assessedOn: '2016-01-14', type: 'nul' },
  { key: 'z2', case: 'c8', client: 'P4', assessedOn: '2016-02-20', type: 'eind' },
  { key: 'z3', case: 'c2', client: 'P6', assessedOn: '2016-03-31', type: '' },
  { key: 'z4', case: 'c2', client: 'P6', assessedOn: '2016-04-01', type: 'onbekend' },
  { key: 'z5', case: 'c6', client: 'P8', assessedOn: '2016-12-31', type: 'nul' },
  { key: 'z6', case: 'c7', client: 'P9', assessedOn: '2017-01-02', type: 'nul' },
  { key: 'z7', case: 'c4', client: 'P2', assessedOn: '2016-06-30', type: 'periodiek' },
];

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  const db = database.db;
  organisationId = (await findOrganisationId(db))!;
  const teams = { A: await teamId(db, TEAM_A), B: await teamId(db, TEAM_B) };
  for (let n = 1; n <= 10; n++) {
    const [row] = await db.insert(clients).values({ organisationId, externalId: `edge-P${n}`, firstName: 'Test', lastName: `P${n}` }).returning({ id: clients.id });
    id[`P${n}`] = row!.id;
  }
  for (const c of CASES) {
    const [row] = await db
      .insert(cases)
      .values({
        organisationId,
        externalId: `edge-${c.key}`,
        teamId: teams[c.team as 'A' | 'B'],
        status: c.closedOn ? 'closed' : 'running',
        registeredOn: c.registeredOn,
        referrerCode: c.referrerCode,
        firstMeetingOn: c.firstMeetingOn ?? null,
        firstMeetingLocation: (c.firstMeetingLocation ?? null) as FirstMeetingLocation | null,
        closedOn: c.closedOn ?? null,
        closeReasons: c.closeReasons ?? [],
        closeOutcomes: c.closeOutcomes ?? [],
        satisfactionScore: c.satisfactionScore ?? null,
        canContinueAlone: c.canContinueAlone ?? null,
      })
      .returning({ id: cases.id });
    id[c.key] = row!.id;
    await db.insert(caseClients).values(c.clients.map((p, i) => ({ organisationId, caseId: row!.id, clientId: id[p]!, role: i === 0 ? 'hoofdclient' : 'huishoudlid' })));
  }
  for (const p of PROVISIONS) {
    const [row] = await db
      .insert(provisions)
      .values({
        organisationId,
        externalId: `edge-${p.key}`,
        caseId: id[p.case]!,
        clientId: id[p.client]!,
        category: p.category,
        product: p.product,
        provider: p.provider,
        startOn: p.startOn,
        extendsProvisionId: p.extends ? id[p.extends]! : null,
        voided: p.voided ?? false,
      })
      .returning({ id: provisions.id });
    id[p.key] = row!.id;
  }
  await db.insert(zrmAssessments).values(ZRM.map((z) => ({ organisationId, externalId: `edge-${z.key}`, caseId: id[z.case]!, clientId: id[z.client]!, assessedOn: z.assessedOn, type: z.type, scores: {} })));
});
afterAll(async () => drop());

const zeros = (n: number) => Array<number>(n).fill(0);
const quarterZeros = { quarters: [0, 0, 0, 0], year: 0 };

describe('the year 2016', () => {
  let r: AnnualReport;
  beforeAll(async () => {
    r = await computeAnnualReport(database.db, organisationId, { year: 2016 });
  });

  it('has the shape of the contract', () => {
    expect(annualReport.parse(r)).toEqual(r);
    expect(r.year).toBe(2016);
  });

  it('counts started cases by registration date, both ends of each period included', () => {
    // c8 Jan 10, c9 Feb 29, c3 Mar 31, c4 Apr 1, c5 Jul 1 (team B), c6 Dec 31; c1 (2015-12-31) and c7 (2017-01-01) not.
    expect(r.cases.started).toEqual({ months: [1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1], quarters: [3, 1, 1, 1], year: 6 });
    expect(r.teams[TEAM_A]!.started).toEqual({ months: [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1], quarters: [3, 1, 0, 1], year: 5 });
    expect(r.teams[TEAM_B]!.started).toEqual({ months: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], quarters: [0, 0, 1, 0], year: 1 });
  });

  it('counts a case as running in every period it was open at some moment', () => {
    // Jan: c1 (closed Jan 1), c2, c8. Feb: c2, c8, c9. Mar: c2, c3 (from Mar 31), c9. Apr-Jun: c2, c3, c4, c9.
    // Jul-Sep: c2, c3, c5, c9 (closed Sep 30). Oct-Nov: c2, c3, c5. Dec: c2, c3 (closed Dec 31), c5, c6 (from Dec 31).
    expect(r.cases.running.months).toEqual([3, 3, 3, 4, 4, 4, 4, 4, 4, 3, 3, 4]);
    // Q1: c1 c2 c3 c8 c9; Q2: c2 c3 c4 c9; Q3: c2 c3 c5 c9; Q4: c2 c3 c5 c6; year: all but c7.
    expect(r.cases.running.quarters).toEqual([5, 4, 4, 4]);
    expect(r.cases.running.year).toBe(8);
    expect(r.teams[TEAM_A]!.running).toEqual({ months: [3, 3, 3, 4, 4, 4, 3, 3, 3, 2, 2, 3], quarters: [5, 4, 3, 3], year: 7 });
    expect(r.teams[TEAM_B]!.running).toEqual({ months: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], quarters: [0, 0, 1, 1], year: 1 });
  });

  it('counts closed cases by closing date', () => {
    // c1 Jan 1, c8 Feb 20, c4 Jun 30, c9 Sep 30, c3 Dec 31.
    expect(r.cases.closed).toEqual({ months: [1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1], quarters: [2, 1, 1, 1], year: 5 });
  });

  it('counts unique clients per team, and a client of two teams once per team in the total', () => {
    // Team A. Q1: c1 P5, c2 P6 P5, c3 P7, c8 P4 P1, c9 P10 → 6. Q2: c2 P6 P5, c3 P7, c4 P1 P2 P3, c9 P10 → 7.
    // Q3: c2 P6 P5, c3 P7, c9 P10 → 4. Q4: c2 P6 P5, c3 P7, c6 P8 → 4. Year: P1..P8 and P10 → 9.
    expect(r.teams[TEAM_A]!.unique_clients).toEqual({ quarters: [6, 7, 4, 4], year: 9 });
    // Team B: c5 with P1 from July.
    expect(r.teams[TEAM_B]!.unique_clients).toEqual({ quarters: [0, 0, 1, 1], year: 1 });
    // P1 is counted by both teams: 9 + 1 = 10 although there are 9 distinct people.
    expect(r.unique_clients).toEqual({ quarters: [6, 7, 5, 5], year: 10 });
  });

  it('averages days to first meeting over the cases registered in the period', () => {
    // c8 Jan thuis 4, c9 Feb kantoor 2 (Feb 29 → Mar 2), c3 Mar thuis 1, c4 Apr kantoor 5, c5 Jul elders 0,
    // c6 Dec thuis 4 (meeting in 2017, registered in 2016). c2 (registered 2015) does not count.
    const d = r.days_to_first_meeting;
    expect(d.by_location.thuis!.months).toEqual([4, null, 1, null, null, null, null, null, null, null, null, 4]);
    expect(d.by_location.kantoor!.months).toEqual([null, 2, null, 5, null, null, null, null, null, null, null, null]);
    expect(d.by_location.elders!.months).toEqual([null, null, null, null, null, null, 0, null, null, null, null, null]);
    // Q1: (4 + 2 + 1) / 3 = 2.333.. → 2.33; Q2: 5; Q3: 0 (a real zero, not null); Q4: 4.
    expect(d.quarters).toEqual([2.33, 5, 0, 4]);
    // Year: (4 + 2 + 1 + 5 + 0 + 4) / 6 = 2.666.. → 2.67
    expect(d.year).toBe(2.67);
  });

  it('counts started cases per referrer, an empty referrer as onbekend', () => {
    // c8 zelfmelder Q1, c9 huisarts Q1, c3 zelfmelder Q1, c4 huisarts Q2, c5 '' Q3, c6 onbekend Q4.
    expect(r.started_by_referrer.zelfmelder).toEqual({ quarters: [2, 0, 0, 0], year: 2 });
    expect(r.started_by_referrer.huisarts).toEqual({ quarters: [1, 1, 0, 0], year: 2 });
    expect(r.started_by_referrer.onbekend).toEqual({ quarters: [0, 0, 1, 1], year: 2 });
    expect(r.started_by_referrer['']).toBeUndefined();
    // Every referrer of the code list is there, with zeros.
    expect(r.started_by_referrer.politie).toEqual(quarterZeros);
    expect(Object.keys(r.started_by_referrer)).toHaveLength(26);
  });

  it('counts a closed case once under one reason, meerdere_redenen or onbekend', () => {
    // c1 two reasons (Q1), c8 eenzijdig_aanbieder (Q1), c4 volgens_plan (Q2), c9 externe_omstandigheden (Q3), c3 none (Q4).
    expect(r.closed_by_reason).toEqual({
      volgens_plan: { quarters: [0, 1, 0, 0], year: 1 },
      eenzijdig_aanbieder: { quarters: [1, 0, 0, 0], year: 1 },
      voortijdig_overeenstemming: quarterZeros,
      eenzijdig_client: quarterZeros,
      externe_omstandigheden: { quarters: [0, 0, 1, 0], year: 1 },
      meerdere_redenen: { quarters: [1, 0, 0, 0], year: 1 },
      onbekend: { quarters: [0, 0, 0, 1], year: 1 },
    });
  });

  it('counts the distinct clients of the whole household per outcome', () => {
    // eigen_netwerk: c1 (Q1) P5; c4 (Q2) P1 P2 P3 → year 4.
    expect(r.clients_by_outcome.eigen_netwerk).toEqual({ quarters: [1, 3, 0, 0], year: 4 });
    // huisarts: c8 (Q1) P4 P1; c4 (Q2) P1 P2 P3 → year {P1, P2, P3, P4} = 4, not 2 + 3.
    expect(r.clients_by_outcome.huisarts).toEqual({ quarters: [2, 3, 0, 0], year: 4 });
    expect(r.clients_by_outcome.werk).toEqual(quarterZeros);
    expect(Object.keys(r.clients_by_outcome)).toHaveLength(13);
  });

  it('counts new provisions and extensions apart, and voided rows nowhere', () => {
    const p = r.provisions;
    // New: pv6 (Q1, provider outside the list), pv1 (Q2), pv9 (Q3). pv5 is voided, pv7 started in 2015.
    expect(p.new_by_provider.begeleiding!.Careyn).toEqual({ quarters: [0, 1, 0, 0], year: 1 });
    expect(p.new_by_provider.begeleiding!['Eigen Aanbieder BV']).toEqual({ quarters: [1, 0, 0, 0], year: 1 });
    expect(p.new_by_provider.dagbesteding!.Boogh).toEqual({ quarters: [0, 0, 1, 0], year: 1 });
    expect(p.new_by_product.begeleiding!.iab_groot).toEqual({ quarters: [0, 1, 0, 0], year: 1 });
    expect(p.new_by_product.begeleiding!.iab_klein).toEqual({ quarters: [1, 0, 0, 0], year: 1 });
    expect(p.new_by_product.dagbesteding!.dagbegeleiding).toEqual({ quarters: [0, 0, 1, 0], year: 1 });
    const total = (table: typeof p.new_by_provider) => Object.values(table).flatMap((c) => Object.values(c)).reduce((n, x) => n + x.year, 0);
    expect(total(p.new_by_provider)).toBe(3);
    expect(total(p.new_by_product)).toBe(3);
    // Extensions: pv8 (Q1, of a 2015 provision), pv2 (Q3), pv3 (Q4, an extension of an extension); pv4 voided.
    expect(p.extensions).toEqual({ quarters: [1, 0, 1, 1], year: 3 });
    // Clients with a new provision: P10 (pv6), P1 (pv1 and pv9: once). P4's provision was voided.
    expect(p.clients_with_new_provision).toEqual({ year: 2 });
    // Complete tables: every provider of the list under every category, products under their own category.
    expect(p.new_by_provider.vervoer!.Abrona).toEqual(quarterZeros);
    expect(Object.keys(p.new_by_product.begeleiding!)).toContain('zg_visueel');
    expect(Object.keys(p.new_by_product.begeleiding!)).not.toContain('dagbegeleiding');
  });

  it('summarises satisfaction over the cases closed in the year', () => {
    // Closed: c1 (no mark), c8 5/nee, c4 8/ja, c9 10/-, c3 -/ja.
    expect(r.satisfaction).toEqual({
      distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1, '6': 0, '7': 0, '8': 1, '9': 0, '10': 1 },
      responses: 3,
      mean: 7.67, // 23 / 3
      can_continue_alone_pct: 66.67, // ja for c4 and c3 out of 3 answers
    });
  });

  it('counts ZRM assessments per type, legacy rows without a type as onbekend', () => {
    expect(r.zrm.nul).toEqual({ months: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], quarters: [1, 0, 0, 1], year: 2 });
    expect(r.zrm.eind).toEqual({ months: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], quarters: [1, 0, 0, 0], year: 1 });
    expect(r.zrm.periodiek).toEqual({ months: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], quarters: [0, 1, 0, 0], year: 1 });
    // z3 (empty type) in March and z4 (onbekend) in April.
    expect(r.zrm.onbekend).toEqual({ months: [0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], quarters: [1, 1, 0, 0], year: 2 });
    expect(r.zrm.doel).toEqual({ months: zeros(12), quarters: zeros(4), year: 0 });
    expect(r.zrm['']).toBeUndefined();
  });

  it('lists every team of the organisation', () => {
    expect(Object.keys(r.teams)).toHaveLength(18);
    expect(r.teams.west).toEqual({ started: { months: zeros(12), quarters: zeros(4), year: 0 }, running: { months: zeros(12), quarters: zeros(4), year: 0 }, closed: { months: zeros(12), quarters: zeros(4), year: 0 }, unique_clients: quarterZeros });
  });
});

describe('year boundaries', () => {
  it('counts a case registered on 31 December in that year only', async () => {
    const r2015 = await computeAnnualReport(database.db, organisationId, { year: 2015 });
    // Started in 2015: c2 (June), c1 (Dec 31). Running in December 2015: c1, c2. Nothing closed.
    expect(r2015.cases.started).toEqual({ months: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1], quarters: [0, 1, 0, 1], year: 2 });
    expect(r2015.cases.running.months[11]).toBe(2);
    expect(r2015.cases.closed.year).toBe(0);
    // pv7 is a new provision of 2015.
    expect(r2015.provisions.new_by_provider.begeleiding!.Careyn).toEqual({ quarters: [0, 0, 0, 1], year: 1 });
  });

  it('no longer counts a case closed on 31 December in the next year', async () => {
    const r2017 = await computeAnnualReport(database.db, organisationId, { year: 2017 });
    // January 2017: c2, c5, c6 still open, c7 registered Jan 1. c3 closed 2016-12-31.
    expect(r2017.cases.running.months[0]).toBe(4);
    expect(r2017.cases.started.months[0]).toBe(1);
    expect(r2017.zrm.nul!.months[0]).toBe(1);
    // c6 was registered in 2016: its first meeting in 2017 does not count in 2017.
    expect(r2017.days_to_first_meeting.year).toBeNull();
  });
});

describe('a quarterly report', () => {
  it('is the annual object with everything after the quarter zeroed and year figures over the quarters so far', async () => {
    const q2 = await computeAnnualReport(database.db, organisationId, { year: 2016, quarter: 2 });
    expect(annualReport.parse(q2)).toEqual(q2);
    expect(q2.cases.started).toEqual({ months: [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], quarters: [3, 1, 0, 0], year: 4 });
    // Running in Jan 1..Jun 30: c1 c2 c3 c4 c8 c9.
    expect(q2.cases.running).toEqual({ months: [3, 3, 3, 4, 4, 4, 0, 0, 0, 0, 0, 0], quarters: [5, 4, 0, 0], year: 6 });
    expect(q2.cases.closed).toEqual({ months: [1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], quarters: [2, 1, 0, 0], year: 3 });
    // Team A's clients in the half year: P1..P7, P10 → 8; team B has not started yet.
    expect(q2.teams[TEAM_A]!.unique_clients).toEqual({ quarters: [6, 7, 0, 0], year: 8 });
    expect(q2.teams[TEAM_B]!.unique_clients).toEqual(quarterZeros);
    expect(q2.unique_clients).toEqual({ quarters: [6, 7, 0, 0], year: 8 });
    // Days: c8 4, c9 2, c3 1, c4 5 → (4 + 2 + 1 + 5) / 4 = 3; c6 (December) is outside the window.
    expect(q2.days_to_first_meeting.quarters).toEqual([2.33, 5, null, null]);
    expect(q2.days_to_first_meeting.year).toBe(3);
    expect(q2.days_to_first_meeting.by_location.thuis!.months).toEqual([4, null, 1, null, null, null, null, null, null, null, null, null]);
    // Closed in the window: c1 (no mark), c8 5/nee, c4 8/ja.
    expect(q2.satisfaction).toMatchObject({ responses: 2, mean: 6.5, can_continue_alone_pct: 50 });
    expect(q2.clients_by_outcome.huisarts).toEqual({ quarters: [2, 3, 0, 0], year: 4 });
    expect(q2.provisions.extensions).toEqual({ quarters: [1, 0, 0, 0], year: 1 });
    expect(q2.provisions.new_by_provider.dagbesteding!.Boogh).toEqual(quarterZeros);
    expect(q2.zrm.nul).toEqual({ months: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], quarters: [1, 0, 0, 0], year: 1 });
  });

  it('counts in the first quarter only what happened in it', async () => {
    const q1 = await computeAnnualReport(database.db, organisationId, { year: 2016, quarter: 1 });
    expect(q1.provisions.clients_with_new_provision).toEqual({ year: 1 }); // P10 (pv6)
    expect(q1.satisfaction).toMatchObject({ responses: 1, mean: 5, can_continue_alone_pct: 0 }); // c8
    expect(q1.closed_by_reason.meerdere_redenen).toEqual({ quarters: [1, 0, 0, 0], year: 1 });
    expect(q1.closed_by_reason.volgens_plan).toEqual(quarterZeros);
  });
});

describe('a team report', () => {
  it('restricts every table to the cases of that team', async () => {
    const b = await computeAnnualReport(database.db, organisationId, { year: 2016, teamCode: TEAM_B });
    expect(Object.keys(b.teams)).toEqual([TEAM_B]);
    expect(b.cases.started).toEqual({ months: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], quarters: [0, 0, 1, 0], year: 1 });
    expect(b.unique_clients).toEqual({ quarters: [0, 0, 1, 1], year: 1 });
    expect(b.started_by_referrer.onbekend).toEqual({ quarters: [0, 0, 1, 0], year: 1 });
    expect(b.started_by_referrer.zelfmelder).toEqual(quarterZeros);
    expect(b.days_to_first_meeting.year).toBe(0);
    expect(b.provisions.new_by_provider.dagbesteding!.Boogh).toEqual({ quarters: [0, 0, 1, 0], year: 1 });
    expect(b.provisions.new_by_provider.begeleiding!.Careyn).toEqual(quarterZeros);
    expect(b.provisions.extensions).toEqual(quarterZeros);
    expect(b.provisions.clients_with_new_provision).toEqual({ year: 1 });
    expect(b.clients_by_outcome.huisarts).toEqual(quarterZeros);
    expect(b.satisfaction.responses).toBe(0);
    expect(b.satisfaction.mean).toBeNull();
    expect(b.zrm.nul!.year).toBe(0);
  });

  it('refuses an unknown team', async () => {
    await expect(computeAnnualReport(database.db, organisationId, { year: 2016, teamCode: 'atlantis' })).rejects.toBeInstanceOf(Invalid);
  });
});
