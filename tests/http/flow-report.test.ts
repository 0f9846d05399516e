// The report "Uitstroom" over HTTP (GET /api/v1/reports/flow and its CSV twin): exact for the team
// leader, small numbers suppressed for the analyst (and nothing that follows from the organisation's
// and every team's report together, tests/support/flow-attack.ts), 400 on a bad query, 404 for a
// role without reports. And the team page's two lists that go with it: cases over three months and
// toewijzingen late to start. Last year, so that every date lies in the past.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisions } from '../../src/server/db/schema';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { CaseMaatwerk } from '../../src/server/modules/maatwerk/maatwerk.schemas';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import type { FlowReport, PublishedFlowReport } from '../../src/server/modules/reports/flow-report.schemas';
import type { TeamOverview } from '../../src/server/modules/worklists/worklists.schemas';
import { TEAM_A, TEAM_B } from '../support/fixtures';
import { attackFlow, type FlowVariant } from '../support/flow-attack';
import { openCase } from '../support/open-case';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let lead: Session;
let analyst: Session;
const year = Number(todayInNetherlands().slice(0, 4)) - 1;
const on = (monthDay: string) => `${year}-${monthDay}`;
/** The toewijzingen made, by client last name. */
const assigned = new Map<string, string>();

/**
 * A case registered on 2 March and met on 4 March, with a beschikking on 1 April for its client and
 * a toewijzing of home help from 10 April without an end (zorg in natura); `started`: the provider's 305 says 14 April.
 */
async function caseToMaatwerk(session: Session, lastName: string, started: boolean): Promise<string> {
  const { caseId, clientId } = await openCase(session, { client: { firstName: 'Weg', lastName }, registeredOn: on('03-02'), referrerCode: 'huisarts' });
  const detail = await session.get<CaseDetail>(`/api/v1/cases/${caseId}`);
  await session.post(`/api/v1/cases/${caseId}/first-meeting`, { firstMeetingOn: on('03-04'), location: 'thuis', version: detail.version });
  const made = await session.post<CaseMaatwerk>(`/api/v1/cases/${caseId}/provision-requests`, { clientId, requestedOn: on('03-10'), asked: 'Hulp in het huishouden', category: 'hbh', requestedBy: 'client' });
  const request = made.requests[0]!;
  await session.post(`/api/v1/provision-requests/${request.id}/research`, { researchReportedOn: on('03-20'), researchReport: 'Lukt niet meer zelf', version: 1 });
  const decided = await session.post<CaseMaatwerk>(`/api/v1/provision-requests/${request.id}/decision`, { decidedOn: on('04-01'), outcome: 'toegekend', reasons: 'Nodig', version: 2 });
  const decision = decided.requests[0]!.decision!;
  const withProvision = await session.post<CaseMaatwerk>(`/api/v1/provision-decisions/${decision.id}/provisions`, {
    category: 'hbh',
    product: 'hbh',
    provider: 'Careyn',
    startOn: on('04-10'),
    endOn: null,
    volume: 3,
    unit: '04',
    frequency: '2',
  });
  const provisionId = withProvision.provisions[0]!.id;
  assigned.set(lastName, provisionId);
  // What the iWmo inbox records from the provider's 305.
  if (started) await t.database.db.update(provisions).set({ deliveryStartedOn: on('04-14') }).where(eq(provisions.id, provisionId));
  return caseId;
}

async function triaged(session: Session, outcome: 'specialist' | 'social_base', lastName: string) {
  const registration = await session.post<Registration>('/api/v1/registrations', {
    client: { firstName: 'Door', lastName },
    registeredOn: on('02-03'),
    referrerCode: 'zelfmelder',
    question: 'Een vraag',
  });
  await session.post(`/api/v1/registrations/${registration.id}/triage`, { outcome, advice: 'Verwezen', version: registration.version });
}

beforeAll(async () => {
  t = await createTestApp();
  const anna = await t.login('workerA');
  const bram = await t.login('workerB');
  // Team A: six cases on the road, one never started; two registrations sent to a specialist.
  for (let i = 0; i < 6; i++) await caseToMaatwerk(anna, `Aalbers ${i}`, i > 0);
  await triaged(anna, 'specialist', 'Specialist 1');
  await triaged(anna, 'specialist', 'Specialist 2');
  // Team B: two, a small number.
  for (let i = 0; i < 2; i++) await caseToMaatwerk(bram, `Bosman ${i}`, true);
  await triaged(bram, 'social_base', 'Sociaal 1');
  // A second toewijzing for Aalbers 0, voided: it counts nowhere.
  const maatwerk = await anna.get<{ provisions: { id: string; decisionId: string | null }[] }>(`/api/v1/cases/${(await t.database.db.select({ caseId: provisions.caseId }).from(provisions).where(eq(provisions.id, assigned.get('Aalbers 0')!)))[0]!.caseId}/maatwerk`);
  const decisionId = maatwerk.provisions[0]!.decisionId!;
  const again = await anna.post<CaseMaatwerk>(`/api/v1/provision-decisions/${decisionId}/provisions`, { category: 'hbh', product: 'hbh', provider: 'Lister', startOn: on('04-10'), endOn: on('12-31'), volume: 2, unit: '04', frequency: '2' });
  const second = again.provisions.find((p) => p.provider === 'Lister')!;
  await anna.post(`/api/v1/provisions/${second.id}/void`, { reason: 'Bij de verkeerde aanbieder vastgelegd', version: 1 });
  [lead, analyst] = await Promise.all([t.login('leadA'), t.login('analyst')]);
}, 120_000);
afterAll(async () => t.close());

describe('GET /api/v1/reports/flow', () => {
  it('gives the team leader exact figures per team and month, aggregates only', async () => {
    const report = await lead.get<FlowReport>(`/api/v1/reports/flow?year=${year}`);
    expect(report).toMatchObject({ year, asOf: on('12-31'), team: null });
    const a = report.teams[TEAM_A]!;
    expect(a.triage.specialist).toEqual({ months: [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], year: 2 });
    // 2 March → 1 April: 30 days; from the first meeting on 4 March: 28.
    expect(a.toDecision.fromRegistration.n.months[3]).toBe(6);
    expect(a.toDecision.fromRegistration.medianDays.year).toBe(30);
    expect(a.toDecision.fromFirstMeeting.meanDays.year).toBe(28);
    // Five started on 14 April: 43 days after the registration.
    expect(a.toStart.fromRegistration.n.year).toBe(5);
    expect(a.toStart.fromRegistration.medianDays.months[3]).toBe(43);
    // The one never started waits from the end of April to the end of its toewijzing; the voided one nowhere.
    expect(a.waitingForStart.months).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(a.toMaatwerk).toMatchObject({ met: { year: 6 }, granted: { year: 6 } });
    expect(a.toMaatwerk.sharePct.months[2]).toBe(100);
    // Met on 4 March: more than three months on from the end of June.
    expect(a.overThreeMonths.months).toEqual([0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6]);
    expect(report.teams[TEAM_B]!.toDecision.fromRegistration.n.year).toBe(2);
    expect(report.total.toDecision.fromRegistration.n.months[3]).toBe(8);
    expect(report.total.triage.social_base.year).toBe(1);
    expect(JSON.stringify(report)).not.toMatch(/Aalbers|Bosman|Careyn/);
  });

  it('gives a team report of another team too, as the annual report does: the figures are aggregates', async () => {
    const report = await lead.get<FlowReport>(`/api/v1/reports/flow?year=${year}&team=${TEAM_B}`);
    expect(Object.keys(report.teams)).toEqual([TEAM_B]);
    expect(report.team).toBe(TEAM_B);
    expect(report.total.toDecision.fromRegistration.n.year).toBe(2);
    expect(report.total.triage.social_base.months[1]).toBe(1);
  });

  it('gives the analyst the small numbers suppressed, and what would give them away', async () => {
    const report = await analyst.get<PublishedFlowReport>(`/api/v1/reports/flow?year=${year}`);
    const cells = report.suppression!.cells;
    expect(report.teams[TEAM_B]!.toDecision.fromRegistration.n.months[3]).toBeNull();
    expect(cells[`/teams/${TEAM_B}/toDecision/fromRegistration/n/months/3`]).toBe('small');
    // Team A's 6 would give team B's 2 away with the organisation's 8.
    expect(cells[`/teams/${TEAM_A}/toDecision/fromRegistration/n/months/3`]).toBe('secondary');
    expect(report.total.toDecision.fromRegistration.n.months[3]).toBe(8);
    // A median over fewer than 10 clients is not shown.
    expect(report.total.toDecision.fromRegistration.medianDays.months[3]).toBeNull();
    expect(cells['/total/toDecision/fromRegistration/medianDays/months/3']).toBe('few_observations');
    // The team's own report hides the same cells.
    const own = await analyst.get<PublishedFlowReport>(`/api/v1/reports/flow?year=${year}&team=${TEAM_B}`);
    expect(own.total.toDecision.fromRegistration.n.months[3]).toBeNull();
    expect(own.suppression!.cells[`/total/toDecision/fromRegistration/n/months/3`]).toBe('small');
  });

  it('together, the analyst’s reports of the organisation and every team give nothing away', async () => {
    const reference = await analyst.get<{ teams: { code: string }[] }>('/api/v1/reference');
    const variants: FlowVariant[] = [];
    for (const team of [null, ...reference.teams.map((r) => r.code)]) {
      const query = `year=${year}${team ? `&team=${team}` : ''}`;
      variants.push({ team, published: await analyst.get<PublishedFlowReport>(`/api/v1/reports/flow?${query}`), exact: await lead.get<FlowReport>(`/api/v1/reports/flow?${query}`) });
    }
    const result = attackFlow(variants);
    expect(result.wrong).toEqual([]);
    expect(result.smallPublished).toEqual([]);
    expect(result.leaks).toEqual([]);
  }, 120_000);

  it('answers 400 on a bad year or team, 404 to a worker, 401 without a session', async () => {
    for (const query of ['', 'year=abc', 'year=1800', 'year=2016&team=atlantis']) {
      const response = await analyst.request('GET', `/api/v1/reports/flow?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('invalid');
    }
    expect((await lead.request('GET', '/api/v1/reports/flow.csv?year=twee')).statusCode).toBe(400);
    const worker = await t.login('workerA');
    expect((await worker.request('GET', `/api/v1/reports/flow?year=${year}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/flow?year=${year}` })).statusCode).toBe(401);
  });

  it('downloads the same tables as CSV: exact for the team leader, with the markers for the analyst', async () => {
    const response = await lead.request('GET', `/api/v1/reports/flow.csv?year=${year}&team=${TEAM_A}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="uitstroom-${year}-${TEAM_A}.csv"`);
    const lines = response.body.split('\n');
    expect(lines[0]).toBe(`Uitstroom ${year} (team Overvecht Centrum)`);
    expect(lines).toContain('Naar specialistische hulp,0,2,0,0,0,0,0,0,0,0,0,0,2');
    expect(lines).toContain('Langer dan 3 maanden,0,0,0,0,0,6,6,6,6,6,6,6');
    const published = (await analyst.request('GET', `/api/v1/reports/flow.csv?year=${year}`)).body;
    expect(published.split('\n')[1]).toMatch(/^"?Kleine aantallen zijn afgeschermd/);
    expect(published).toContain('<5');
  });
});

describe('GET /api/v1/work/team: the road in the team leader’s overview', () => {
  it('lists the open cases over three months and the toewijzingen late to start, each with its case', async () => {
    const overview = await lead.get<TeamOverview>('/api/v1/work/team');
    expect(overview.longRunning.map((c) => c.clientName).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `Weg Aalbers ${i}`));
    expect(overview.longRunning[0]).toMatchObject({ firstMeetingOn: on('03-04'), leadWorkerName: 'Anna Aalders' });
    expect(overview.longRunning[0]!.months).toBeGreaterThanOrEqual(9);
    // Aalbers 0's toewijzing never started; the voided second one is not late, it does not exist.
    expect(overview.lateStarts).toEqual([
      { caseId: expect.any(String), clientName: 'Weg Aalbers 0', product: expect.any(String), provider: 'Careyn', startOn: on('04-10'), daysSinceStart: expect.any(Number), leadWorkerName: 'Anna Aalders' },
    ]);
    expect(overview.lateStarts[0]!.daysSinceStart).toBeGreaterThan(14);
    // Once the provider reports the start, it is no longer late.
    await t.database.db.update(provisions).set({ deliveryStartedOn: on('05-01') }).where(and(inArray(provisions.id, [assigned.get('Aalbers 0')!])));
    expect((await lead.get<TeamOverview>('/api/v1/work/team')).lateStarts).toEqual([]);
    await t.database.db.update(provisions).set({ deliveryStartedOn: null }).where(eq(provisions.id, assigned.get('Aalbers 0')!));
  });
});
