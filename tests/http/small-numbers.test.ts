// Small numbers over HTTP: the analyst's report leaves the organisation, so counts of 1 to 4 and the
// cells they could be recalculated from are suppressed (null in JSON, "<5" / "x" in the CSV); the
// team leader reads the same report with exact figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { PublishedAnnualReport } from '../../src/server/modules/reports/reports.schemas';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let analyst: Session;
let lead: Session;
const today = todayInNetherlands();
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7)) - 1;
const A = 'overvecht-centrum';
const B = 'zuilen';

async function openCases(session: Session, n: number, lastName: string) {
  for (let i = 0; i < n; i++) {
    const registration = await session.post<Registration>('/api/registrations', { client: { firstName: 'Klein', lastName: `${lastName} ${i}` }, registeredOn: today, referrerCode: 'huisarts', question: 'Vraag' });
    await session.post(`/api/registrations/${registration.id}/triage`, { outcome: 'generalist', version: 1 });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  // Team A opens 6 cases, team B 2: team B's 2 is a small number.
  await openCases(await t.login('workerA'), 6, 'Aalbers');
  await openCases(await t.login('workerB'), 2, 'Bosman');
  [analyst, lead] = await Promise.all([t.login('analyst'), t.login('leadA')]);
});
afterAll(async () => t.close());

describe('the annual report', () => {
  it('gives the team leader exact figures', async () => {
    const report = await lead.get<PublishedAnnualReport>(`/api/reports/annual?year=${year}`);
    expect(report.suppression).toBeUndefined();
    expect(report.teams[B]!.started.year).toBe(2);
    expect(report.teams[A]!.started.year).toBe(6);
    expect(report.cases.started.year).toBe(8);
  });

  it('gives the analyst team B’s 2 suppressed, and team A’s 6 too: with the total of 8 it would give the 2 away', async () => {
    const report = await analyst.get<PublishedAnnualReport>(`/api/reports/annual?year=${year}`);
    expect(report.suppression).toMatchObject({ min_count: 5, min_observations: 10 });
    const cells = report.suppression!.cells;
    expect(report.teams[B]!.started.year).toBeNull();
    expect(report.teams[B]!.started.months[month]).toBeNull();
    expect(cells[`/teams/${B}/started/year`]).toBe('small');
    expect(report.teams[A]!.started.year).toBeNull();
    expect(cells[`/teams/${A}/started/year`]).toBe('secondary');
    // The organisation's 8 and the 8 from the GP are no small numbers.
    expect(report.cases.started.year).toBe(8);
    expect(report.started_by_referrer.huisarts!.year).toBe(8);
    // Zero stays zero.
    expect(report.teams.west!.started.year).toBe(0);
    // Every null count is explained, and every explained cell is null.
    for (const at of Object.keys(cells)) expect(at).toMatch(/^\//);
    expect(report.teams[B]!.running.year).toBeNull();
    expect(cells[`/teams/${B}/running/year`]).toBe('small');
  });

  it('marks suppressed cells in the analyst’s CSV and explains them; the team leader’s CSV is exact', async () => {
    const csv = (await analyst.request('GET', `/api/reports/annual.csv?year=${year}`)).body;
    const lines = csv.split('\n');
    expect(lines[1]).toMatch(/^"?Kleine aantallen zijn afgeschermd/);
    expect(lines.find((l) => l.startsWith('Zuilen,Gestart,'))!.split(',').at(-1)).toBe('<5');
    expect(lines.find((l) => l.startsWith('Overvecht Centrum,Gestart,'))!.split(',').at(-1)).toBe('x');
    expect(lines.find((l) => l.startsWith('Gestart,'))!.split(',').at(-1)).toBe('8');

    const exact = (await lead.request('GET', `/api/reports/annual.csv?year=${year}`)).body;
    expect(exact).not.toContain('Kleine aantallen');
    expect(exact).not.toContain('<5');
    expect(exact.split('\n').find((l) => l.startsWith('Zuilen,Gestart,'))!.split(',').at(-1)).toBe('2');
  });
});
