// The report endpoints over HTTP: who may read them, validation of the query, the CSV download.
import { todayInNetherlands } from '../../src/server/lib/dates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { openCase } from '../support/open-case';
import type { TestUser } from '../support/fixtures';
import type { AnnualReport, PublishedAnnualReport } from '../../src/server/modules/reports/reports.schemas';

let t: TestApp;
const today = todayInNetherlands();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  // One registration, triaged into a case of team A today: it shows in this year's report.
  const worker = await t.login('workerA');
  await openCase(worker, { client: { firstName: 'Rapport', lastName: 'Cliënt', birthDate: '1970-01-01' }, referrerCode: 'huisarts' });
});
afterAll(async () => t.close());

describe('GET /api/v1/reports/annual', () => {
  // The analyst's output leaves the organisation: small numbers suppressed (tests/http/small-numbers.test.ts).
  for (const user of ['leadA', 'quality', 'admin'] as TestUser[]) {
    it(`gives the ${user} the report with exact figures, aggregates only`, async () => {
      const session = await t.login(user);
      const report = await session.get<AnnualReport>(`/api/v1/reports/annual?year=${year}`);
      expect(report.year).toBe(year);
      expect(report.cases.started.year).toBe(1);
      expect(report.teams['overvecht-centrum']!.unique_clients.year).toBe(1);
      expect(report.started_by_referrer.huisarts!.year).toBe(1);
      expect(JSON.stringify(report)).not.toContain('Rapport');
    });
  }

  it('gives the analyst the report with the single case suppressed', async () => {
    const report = await (await t.login('analyst')).get<PublishedAnnualReport>(`/api/v1/reports/annual?year=${year}`);
    expect(report.cases.started.year).toBeNull();
    expect(report.suppression!.cells['/cases/started/year']).toBe('small');
    expect(JSON.stringify(report)).not.toContain('Rapport');
  });

  it('answers 404 to a worker: the role has no reason to read reports', async () => {
    const worker = await t.login('workerA');
    expect((await worker.request('GET', `/api/v1/reports/annual?year=${year}`)).statusCode).toBe(404);
    expect((await worker.request('GET', `/api/v1/reports/annual.csv?year=${year}`)).statusCode).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/annual?year=${year}` })).statusCode).toBe(401);
  });

  it('answers 400 on a bad year, quarter or team', async () => {
    const analyst = await t.login('analyst');
    for (const query of ['', 'year=abc', 'year=1800', 'year=2016&quarter=5', 'year=2016&quarter=0', 'year=2016&team=atlantis']) {
      const response = await analyst.request('GET', `/api/v1/reports/annual?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('invalid');
    }
  });

  it('gives a quarterly report of one team', async () => {
    const analyst = await t.login('analyst');
    const report = await analyst.get<AnnualReport>(`/api/v1/reports/annual?year=${year}&quarter=4&team=zuilen`);
    expect(Object.keys(report.teams)).toEqual(['zuilen']);
    expect(report.cases.started.year).toBe(0);
  });
});

describe('GET /api/v1/reports/annual.csv', () => {
  it('answers a CSV attachment with a section per table', async () => {
    const lead = await t.login('leadA');
    const response = await lead.request('GET', `/api/v1/reports/annual.csv?year=${year}&quarter=4&team=overvecht-centrum`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="kwartaalrapportage-${year}-k4-overvecht-centrum.csv"`);
    expect(response.body).toContain('\nCasussen per team\n');
    expect(response.body).toContain('\nOvervecht Centrum,Gestart,');
    expect(response.body).toMatch(/\nHuisarts,(\d,){4}1\n/);
    expect(response.body).not.toContain('Rapport,');
  });

  it('answers 400 on a bad year', async () => {
    const analyst = await t.login('analyst');
    expect((await analyst.request('GET', '/api/v1/reports/annual.csv?year=twee')).statusCode).toBe(400);
  });
});
