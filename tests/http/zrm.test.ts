// ZRM over HTTP: recording an assessment (with its audit row), the Dutch answers to bad input, what
// is due, the client's series, access (another team and the analyst get 404) and the report.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { auditLog } from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { openCase } from '../support/open-case';
import type { TestUser } from '../support/fixtures';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { CaseZrm, ClientZrm, ZrmAssessment, PublishedZrmReport, ZrmReport } from '../../src/server/modules/zrm/zrm.schemas';

let t: TestApp;
let worker: Session;
const today = todayInNetherlands();
const registeredOn = addDays(today, -120);
const firstMeetingOn = addDays(today, -118);
let caseId: string;
let clientId: string;
let otherClientId: string;

beforeAll(async () => {
  t = await createTestApp();
  worker = await t.login('workerA');
  ({ caseId, clientId } = await openCase(worker, { client: { firstName: 'Zelma', lastName: 'Redzaam', birthDate: '1975-05-05' }, registeredOn }));
  const detail = await worker.get<CaseDetail>(`/api/v1/cases/${caseId}`);
  await worker.post(`/api/v1/cases/${caseId}/first-meeting`, { firstMeetingOn, location: 'thuis', version: detail.version });
  // A client of the same team but not of this household.
  otherClientId = (await openCase(worker, { client: { firstName: 'Otto', lastName: 'Anders', birthDate: '1980-01-01' }, referrerCode: 'huisarts' })).clientId;
});
afterAll(async () => t.close());

const post = (body: unknown) => worker.request('POST', `/api/v1/cases/${caseId}/zrm`, body);

describe('the ZRM of a case', () => {
  it('asks for a nulmeting 14 days after the first meeting, overdue by now', async () => {
    const zrm = await worker.get<CaseZrm>(`/api/v1/cases/${caseId}/zrm`);
    expect(zrm).toEqual({ assessments: [], due: [{ kind: 'nul', dueOn: addDays(firstMeetingOn, 14), overdue: true }] });
  });

  it('records a nulmeting, a goal and a periodic assessment, with an audit row each', async () => {
    const response = await post({ clientId, assessedOn: addDays(firstMeetingOn, 7), type: 'nul', scores: { financien: 2, sociaal_netwerk: 1, adl: 4 } });
    expect(response.statusCode).toBe(201);
    const nul = response.json<ZrmAssessment>();
    expect(nul).toMatchObject({ caseId, clientId, assessedOn: addDays(firstMeetingOn, 7), type: 'nul', scores: { financien: 2, sociaal_netwerk: 1, adl: 4 } });
    await worker.post(`/api/v1/cases/${caseId}/zrm`, { clientId, assessedOn: addDays(firstMeetingOn, 7), type: 'doel', scores: { financien: 4, sociaal_netwerk: 3 } });
    await worker.post(`/api/v1/cases/${caseId}/zrm`, { clientId, assessedOn: today, type: 'periodiek', scores: { financien: 3, sociaal_netwerk: 1 } });

    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'zrm'), eq(auditLog.action, 'create')));
    expect(audit).toHaveLength(3);
    expect(audit.find((a) => a.entityId === nul.id)).toMatchObject({ clientId, changes: { to: { caseId, type: 'nul', scores: { financien: 2, sociaal_netwerk: 1, adl: 4 } } } });
  });

  it('lists the assessments newest first, with the next periodic one 91 days after the latest', async () => {
    const zrm = await worker.get<CaseZrm>(`/api/v1/cases/${caseId}/zrm`);
    expect(zrm.assessments.map((a) => a.type)).toEqual(['periodiek', 'doel', 'nul']);
    expect(zrm.due).toEqual([{ kind: 'periodiek', dueOn: addDays(today, 91), overdue: false }]);
  });

  it('answers 400 with Dutch messages on bad input, and records nothing', async () => {
    const valid = { clientId, assessedOn: today, type: 'eind', scores: { financien: 3 } };
    const cases: [unknown, string, RegExp][] = [
      [{ ...valid, assessedOn: addDays(today, 1) }, 'assessedOn', /toekomst/],
      [{ ...valid, assessedOn: addDays(registeredOn, -1) }, 'assessedOn', /aanmelding/],
      [{ ...valid, assessedOn: '2016-02-30' }, 'assessedOn', /JJJJ-MM-DD/],
      [{ ...valid, type: 'onbekend' }, 'type', /soort meting/],
      [{ ...valid, scores: {} }, 'scores', /ten minste één domein/],
      [{ ...valid, scores: { financien: 6 } }, 'scores.financien', /1 tot en met 5/],
      [{ ...valid, scores: { financien: 2.5 } }, 'scores.financien', /geheel getal/],
      [{ ...valid, scores: { werk_en_opleiding: 3 } }, 'scores.werk_en_opleiding', /Onbekend ZRM-domein/],
      [{ ...valid, clientId: otherClientId }, 'clientId', /huishouden/],
      [{ ...valid, clientId: 'niet-een-nummer' }, 'clientId', /cliënt/],
    ];
    for (const [body, path, message] of cases) {
      const response = await post(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const field = response.json<{ invalidParams: { name: string; reason: string }[] }>().invalidParams.find((f) => f.name === path);
      expect(field?.reason, `${path} in ${JSON.stringify(response.json())}`).toMatch(message);
    }
    expect((await worker.get<CaseZrm>(`/api/v1/cases/${caseId}/zrm`)).assessments).toHaveLength(3);
  });

  it("gives the client's series per domain for the chart, goals included", async () => {
    const zrm = await worker.get<ClientZrm>(`/api/v1/clients/${clientId}/zrm`);
    expect(zrm.domains).toHaveLength(11);
    expect(zrm.domains.find((d) => d.code === 'financien')).toEqual({
      code: 'financien',
      label: 'Financiën',
      points: [
        { assessedOn: addDays(firstMeetingOn, 7), score: 2, type: 'nul', caseId },
        { assessedOn: addDays(firstMeetingOn, 7), score: 4, type: 'doel', caseId },
        { assessedOn: today, score: 3, type: 'periodiek', caseId },
      ],
    });
    expect(zrm.domains.find((d) => d.code === 'adl')!.points).toHaveLength(1);
    expect(zrm.domains.find((d) => d.code === 'justitie')!.points).toEqual([]);
  });

  it('asks for an eindmeting once the case is closed, accepts it up to the closing date and not after', async () => {
    const detail = await worker.get<CaseDetail>(`/api/v1/cases/${caseId}`);
    const closedOn = addDays(today, -1);
    await worker.post(`/api/v1/cases/${caseId}/close`, { closedOn, reasons: ['volgens_plan'], version: detail.version });
    expect((await worker.get<CaseZrm>(`/api/v1/cases/${caseId}/zrm`)).due).toEqual([{ kind: 'eind', dueOn: closedOn, overdue: true }]);
    const late = await post({ clientId, assessedOn: today, type: 'eind', scores: { financien: 4 } });
    expect(late.statusCode).toBe(400);
    expect(late.json().invalidParams[0].reason).toMatch(/afsluiting/);
    expect((await post({ clientId, assessedOn: closedOn, type: 'eind', scores: { financien: 4 } })).statusCode).toBe(201);
    expect((await worker.get<CaseZrm>(`/api/v1/cases/${caseId}/zrm`)).due).toEqual([]);
  });
});

describe('access to the ZRM of a case and a client', () => {
  for (const user of ['workerB', 'analyst', 'quality', 'admin'] as TestUser[]) {
    it(`answers 404 to ${user}`, async () => {
      const session = await t.login(user);
      expect((await session.request('GET', `/api/v1/cases/${caseId}/zrm`)).statusCode).toBe(404);
      expect((await session.request('POST', `/api/v1/cases/${caseId}/zrm`, { clientId, assessedOn: today, type: 'nul', scores: { financien: 3 } })).statusCode).toBe(404);
      expect((await session.request('GET', `/api/v1/clients/${clientId}/zrm`)).statusCode).toBe(404);
    });
  }
});

describe('GET /api/v1/reports/zrm', () => {
  const year = Number(today.slice(0, 4));
  // The analyst gets small numbers suppressed (tests/http/small-numbers.test.ts).
  for (const user of ['leadA', 'quality', 'admin'] as TestUser[]) {
    it(`gives the ${user} the report with exact figures, aggregates only`, async () => {
      const session = await t.login(user);
      const report = await session.get<ZrmReport>(`/api/v1/reports/zrm?year=${year}`);
      expect(report.year).toBe(year);
      expect(Object.keys(report.domains)).toHaveLength(11);
      // financien: nul 2 → the latest is the periodic 3 of today (the eind 4 is dated the day before).
      expect(report.domains.financien).toMatchObject({ n: 1, mean_start: 2, mean_latest: 3, mean_change: 1, p_value_method: 'wilcoxon' });
      expect(report.domains.sociaal_netwerk).toMatchObject({ n: 1, mean_change: 0, p_value: null });
      // adl has a nulmeting only.
      expect(report.domains.adl).toMatchObject({ n: 0, mean_start: null, p_value: null });
      expect(JSON.stringify(report)).not.toContain('Zelma');
    });
  }

  it('gives the analyst the number of clients and the statistics suppressed: one client is too few', async () => {
    const report = await (await t.login('analyst')).get<PublishedZrmReport>(`/api/v1/reports/zrm?year=${year}`);
    expect(report.domains.financien).toMatchObject({ n: null, mean_start: null, mean_latest: null, mean_change: null, p_value_method: 'wilcoxon' });
    expect(report.domains.adl).toMatchObject({ n: 0, mean_start: null });
    expect(report.suppression!.cells).toMatchObject({ '/domains/financien/n': 'small', '/domains/financien/mean_change': 'few_observations' });
    expect(report.suppression!.cells['/domains/adl/n']).toBeUndefined();
  });

  it('answers 404 to a worker and 400 on a bad year or team', async () => {
    expect((await worker.request('GET', `/api/v1/reports/zrm?year=${year}`)).statusCode).toBe(404);
    const analyst = await t.login('analyst');
    for (const query of ['', 'year=abc', 'year=1800', `year=${year}&team=atlantis`]) {
      const response = await analyst.request('GET', `/api/v1/reports/zrm?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('invalid');
    }
  });

  it('gives a team report of one team', async () => {
    const lead = await t.login('leadA');
    const other = await lead.get<ZrmReport>(`/api/v1/reports/zrm?year=${year}&team=zuilen`);
    expect(other.domains.financien!.n).toBe(0);
    const own = await lead.get<ZrmReport>(`/api/v1/reports/zrm?year=${year}&team=overvecht-centrum`);
    expect(own.domains.financien!.n).toBe(1);
  });
});
