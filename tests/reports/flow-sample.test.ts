// The report Uitstroom on the demo organisation's synthetic history (requests, beschikkingen,
// toewijzingen with starts, extensions, early ends and voids), plus a few rows made for the edges of
// what flow-report.ts reads: its queries read only what can count in the year (for speed), so here
// the report must equal the counting over every row of every table.
import { eq, max, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '../../src/server/db/database';
import { cases, provisionDecisions, provisionRequests, provisions } from '../../src/server/db/schema';
import { ensureDemo } from '../../src/server/demo/demo.seed';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { loadReportCodeLists, type ReportCodeLists } from '../../src/server/modules/reports/annual-report';
import { countFlow, type FlowRows } from '../../src/server/modules/reports/flow-rules';
import { computeFlowReport, flowAsOf } from '../../src/server/modules/reports/flow-report';
import { createEmptyDatabase, type EmptyDatabase } from '../support/empty-database';

const TODAY = '2026-06-30';
let empty: EmptyDatabase;
let database: Database;
let organisationId: string;
let codeLists: ReportCodeLists;

/** Every row of every table the report reads, unfiltered. */
async function everyRow(): Promise<FlowRows> {
  const db = database.db;
  const org = organisationId;
  return {
    registrations: await rowsOf(db, sql`select team_id as "teamId", registered_on::text as "registeredOn", triage_outcome as "triageOutcome" from registrations where organisation_id = ${org} and triage_outcome is not null`),
    cases: await rowsOf(db, sql`select id, team_id as "teamId", registered_on::text as "registeredOn", first_meeting_on::text as "firstMeetingOn", closed_on::text as "closedOn" from cases where organisation_id = ${org}`),
    caseClients: await rowsOf(db, sql`select case_id as "caseId", client_id as "clientId" from case_clients where organisation_id = ${org}`),
    decisions: await rowsOf(
      db,
      sql`select r.case_id as "caseId", r.client_id as "clientId", d.decided_on::text as "decidedOn", d.outcome
            from provision_decisions d join provision_requests r on r.organisation_id = d.organisation_id and r.id = d.request_id where d.organisation_id = ${org}`,
    ),
    provisions: await rowsOf(
      db,
      sql`select p.id, p.extends_provision_id as "extendsProvisionId", p.case_id as "caseId", p.client_id as "clientId", p.voided, p.delivery_form as "deliveryForm",
                 d.outcome as "decisionOutcome", d.decided_on::text as "decidedOn", p.start_on::text as "startOn", p.end_on::text as "endOn", p.delivery_started_on::text as "deliveryStartedOn"
            from provisions p left join provision_decisions d on d.organisation_id = p.organisation_id and d.id = p.decision_id where p.organisation_id = ${org}`,
    ),
  };
}

/** A request of the case's main client with a beschikking on `decidedOn`; its decision id. */
async function decide(caseId: string, decidedOn: string, outcome: 'toegekend' | 'afgewezen' = 'toegekend'): Promise<string> {
  const db = database.db;
  const [main] = await rowsOf<{ clientId: string }>(db, sql`select client_id as "clientId" from case_clients where organisation_id = ${organisationId} and case_id = ${caseId} and role = 'hoofdclient'`);
  const [request] = await db
    .insert(provisionRequests)
    .values({ organisationId, caseId, clientId: main!.clientId, requestedOn: decidedOn, asked: 'Randgeval', requestedBy: 'client', researchReportedOn: decidedOn, researchReport: 'Onderzocht', status: 'besloten' })
    .returning({ id: provisionRequests.id });
  const [{ last }] = (await db.select({ last: max(provisionDecisions.decisionNumber) }).from(provisionDecisions).where(eq(provisionDecisions.organisationId, organisationId))) as [{ last: number | null }];
  const [decision] = await db
    .insert(provisionDecisions)
    .values({ organisationId, requestId: request!.id, decisionNumber: (last ?? 0) + 1, decidedOn, outcome, reasons: 'Randgeval' })
    .returning({ id: provisionDecisions.id });
  return decision!.id;
}

beforeAll(async () => {
  empty = await createEmptyDatabase();
  database = await openDatabase(empty.env.DATABASE_URL ? { databaseUrl: empty.env.DATABASE_URL } : { dataDir: empty.env.KEUKENTAFEL_DATA_DIR! });
  organisationId = await ensureOrganisation(database.db);
  await ensureDemo(database.db, organisationId, { today: TODAY });
  codeLists = await loadReportCodeLists(database.db, organisationId);

  // The edges of what the queries read, on cases of the history.
  const db = database.db;
  const some = await db.select({ id: cases.id, registeredOn: cases.registeredOn, closedOn: cases.closedOn }).from(cases).where(eq(cases.organisationId, organisationId)).orderBy(cases.registeredOn, cases.id);
  const closedEarly = some.filter((c) => c.closedOn !== null && c.closedOn < '2024-06-01' && c.registeredOn >= '2024-01-01');
  // 1. A client with a beschikking in 2024 and another in 2025: the one in 2025 is not the first.
  await decide(closedEarly[0]!.id, '2024-05-20');
  await decide(closedEarly[0]!.id, '2025-02-03', 'afgewezen');
  // 2. A case closed in 2024 whose toewijzing, granted in 2024 and never started, ended in 2024 but
  //    was extended into 2025 (the chain still waits there).
  const decision = await decide(closedEarly[1]!.id, '2024-04-02');
  const [main] = await rowsOf<{ clientId: string }>(db, sql`select client_id as "clientId" from case_clients where case_id = ${closedEarly[1]!.id} and role = 'hoofdclient'`);
  const base = { organisationId, caseId: closedEarly[1]!.id, clientId: main!.clientId, category: 'hbh', product: 'hbh', provider: 'Careyn', decisionId: decision, deliveryForm: 'zin' as const };
  const [first] = await db.insert(provisions).values({ ...base, startOn: '2024-04-10', endOn: '2024-12-31' }).returning({ id: provisions.id });
  await db.insert(provisions).values({ ...base, startOn: '2025-01-01', endOn: '2025-09-30', extendsProvisionId: first!.id });
  // 3. A case closed in 2024 whose toewijzing, granted then, the provider started in 2025.
  const late = await decide(closedEarly[2]!.id, '2024-05-02');
  const [lateMain] = await rowsOf<{ clientId: string }>(db, sql`select client_id as "clientId" from case_clients where case_id = ${closedEarly[2]!.id} and role = 'hoofdclient'`);
  await db.insert(provisions).values({ ...base, caseId: closedEarly[2]!.id, clientId: lateMain!.clientId, decisionId: late, startOn: '2024-05-10', endOn: null, deliveryStartedOn: '2025-01-15' });
  // 4. And one granted then without an end date that never starts: it waits all of 2025.
  const open = await decide(closedEarly[3]!.id, '2024-03-01');
  const [openMain] = await rowsOf<{ clientId: string }>(db, sql`select client_id as "clientId" from case_clients where case_id = ${closedEarly[3]!.id} and role = 'hoofdclient'`);
  await db.insert(provisions).values({ ...base, caseId: closedEarly[3]!.id, clientId: openMain!.clientId, decisionId: open, startOn: '2024-03-10', endOn: null });
}, 180_000);
afterAll(async () => {
  await database?.close();
  await empty?.drop();
});

describe('the report Uitstroom on the synthetic history', () => {
  for (const year of [2024, 2025, 2026]) {
    it(`is the counting over every row, for ${year}, the organisation and a team`, async () => {
      const asOf = flowAsOf(year, TODAY);
      const teamIds = codeLists.teams.map((t) => t.id);
      const expected = countFlow(await everyRow(), { year, asOf }, teamIds);
      const report = await computeFlowReport(database.db, organisationId, { year, today: TODAY });
      expect(report.total).toEqual(expected.total.scope);
      for (const team of codeLists.teams) expect(report.teams[team.code], team.code).toEqual(expected.teams.get(team.id)!.scope);
      const west = codeLists.teams.find((t) => t.code === 'west')!;
      expect((await computeFlowReport(database.db, organisationId, { year, teamCode: 'west', today: TODAY })).total).toEqual(expected.teams.get(west.id)!.scope);
      // The history has the road in it.
      expect(report.total.toDecision.fromRegistration.n.year).toBeGreaterThan(20);
      expect(report.total.toStart.fromRegistration.n.year).toBeGreaterThan(10);
      expect(report.total.overThreeMonths.months.some((n) => n !== null && n > 0)).toBe(true);
    }, 60_000);
  }

  it('counts the edges: a second beschikking is no first, an extended chain waits, a late start on a closed case starts, an open-ended one waits', async () => {
    const report = await computeFlowReport(database.db, organisationId, { year: 2025, today: TODAY });
    const rows = await everyRow();
    const withoutEdges: FlowRows = {
      ...rows,
      decisions: rows.decisions.filter((d) => !(d.decidedOn === '2025-02-03' && d.outcome === 'afgewezen')),
    };
    const teamIds = codeLists.teams.map((t) => t.id);
    // The refusal of 3 February 2025 is a second beschikking of its client: removing it changes nothing.
    expect(countFlow(withoutEdges, { year: 2025, asOf: '2025-12-31' }, teamIds).total.scope.toDecision).toEqual(report.total.toDecision);
    // The start of 15 January 2025 counts, on a case closed in 2024.
    expect(report.total.toStart.fromRegistration.n.months[0]).toBeGreaterThanOrEqual(1);
    // The extended chain (to 30 September) and the open-ended one wait at the end of every month they run.
    const closedCases = new Set(rows.cases.filter((c) => c.closedOn !== null && c.closedOn < '2025-01-01').map((c) => c.id));
    const waitingOnClosed = rows.provisions.filter((p) => closedCases.has(p.caseId) && p.decidedOn !== null && p.decidedOn < '2024-06-01' && p.deliveryStartedOn === null && !p.voided);
    expect(waitingOnClosed.length).toBeGreaterThanOrEqual(3);
    expect(report.total.waitingForStart.months[11]).toBeGreaterThanOrEqual(1);
  });
});
