// Small numbers over HTTP: the analyst's figures leave the organisation, so counts of 1 to 4 and the
// cells they could be recalculated from are suppressed (null in JSON, "<5" / "x" in the CSV) in the
// reports and on the Cijfers page; the team leader reads the same figures exactly. The current
// year's reports and the Cijfers page together give nothing away (tests/support/small-number-attack.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { AnnualReport, PublishedAnnualReport } from '../../src/server/modules/reports/reports.schemas';
import type { PublishedTeamFigures } from '../../src/server/modules/worklists/worklists.schemas';
import type { PublishedZrmReport, ZrmReport } from '../../src/server/modules/zrm/zrm.schemas';
import { FamilyAttack, type AnnualVariant, type ZrmVariant } from '../support/small-number-attack';
import { openCase } from '../support/open-case';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let analyst: Session;
let lead: Session;
let quality: Session;
const today = todayInNetherlands();
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7)) - 1;
const A = 'overvecht-centrum';
const B = 'zuilen';

async function openCases(session: Session, n: number, lastName: string) {
  for (let i = 0; i < n; i++) {
    await openCase(session, { client: { firstName: 'Klein', lastName: `${lastName} ${i}` }, referrerCode: 'huisarts' });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  // Team A opens 6 cases, team B 2: team B's 2 is a small number.
  await openCases(await t.login('workerA'), 6, 'Aalbers');
  await openCases(await t.login('workerB'), 2, 'Bosman');
  [analyst, lead, quality] = await Promise.all([t.login('analyst'), t.login('leadA'), t.login('quality')]);
});
afterAll(async () => t.close());

describe('the annual report', () => {
  it('gives the team leader exact figures', async () => {
    const report = await lead.get<PublishedAnnualReport>(`/api/v1/reports/annual?year=${year}`);
    expect(report.suppression).toBeUndefined();
    expect(report.teams[B]!.started.year).toBe(2);
    expect(report.teams[A]!.started.year).toBe(6);
    expect(report.cases.started.year).toBe(8);
  });

  it('gives the analyst team B’s 2 suppressed, and team A’s 6 too: with the total of 8 it would give the 2 away', async () => {
    const report = await analyst.get<PublishedAnnualReport>(`/api/v1/reports/annual?year=${year}`);
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
    const csv = (await analyst.request('GET', `/api/v1/reports/annual.csv?year=${year}`)).body;
    const lines = csv.split('\n');
    expect(lines[1]).toMatch(/^"?Kleine aantallen zijn afgeschermd/);
    expect(lines.find((l) => l.startsWith('Zuilen,Gestart,'))!.split(',').at(-1)).toBe('<5');
    expect(lines.find((l) => l.startsWith('Overvecht Centrum,Gestart,'))!.split(',').at(-1)).toBe('x');
    expect(lines.find((l) => l.startsWith('Gestart,'))!.split(',').at(-1)).toBe('8');

    const exact = (await lead.request('GET', `/api/v1/reports/annual.csv?year=${year}`)).body;
    expect(exact).not.toContain('Kleine aantallen');
    expect(exact).not.toContain('<5');
    expect(exact.split('\n').find((l) => l.startsWith('Zuilen,Gestart,'))!.split(',').at(-1)).toBe('2');
  });
});

describe('the Cijfers page (figures per team)', () => {
  it('gives the team leader exact figures', async () => {
    const figures = await lead.get<PublishedTeamFigures>('/api/v1/work/figures');
    expect(figures.suppression).toBeUndefined();
    expect(figures.teams.find((row) => row.teamName === 'Zuilen')).toMatchObject({ openCases: 2, awaitingFirstMeeting: 2, startedLast90Days: 2 });
  });

  it('gives the analyst no count of 1 to 4: team B’s are suppressed, and a further team’s', async () => {
    const figures = await analyst.get<PublishedTeamFigures>('/api/v1/work/figures');
    expect(figures.suppression).toMatchObject({ min_count: 5, min_observations: 10 });
    const cells = figures.suppression!.cells;
    figures.teams.forEach((row, index) => {
      for (const [field, value] of Object.entries(row)) {
        if (field === 'teamId' || field === 'teamName' || field === 'meanDaysToFirstMeeting') continue;
        expect(value === null || value === 0 || (value as number) >= 5, `${row.teamName} ${field} = ${value}`).toBe(true);
        expect(value === null, `${row.teamName} ${field}`).toBe(`/teams/${index}/${field}` in cells);
      }
    });
    const zuilen = figures.teams.findIndex((row) => row.teamName === 'Zuilen');
    const overvecht = figures.teams.findIndex((row) => row.teamName === 'Overvecht Centrum');
    expect(cells[`/teams/${zuilen}/openCases`]).toBe('small');
    expect(cells[`/teams/${overvecht}/openCases`]).toBe('secondary');
    // The mean over no cases is no mean; there is nothing to hide.
    expect(figures.teams[zuilen]!.meanDaysToFirstMeeting).toBeNull();
  });

  it('together with this year’s reports gives nothing away', async () => {
    const reference = await analyst.get<{ teams: { id: string; code: string }[] }>('/api/v1/reference');
    const teams = reference.teams.map((team) => team.code);
    const annual: AnnualVariant[] = [];
    const zrm: ZrmVariant[] = [];
    for (const team of [null, ...teams]) {
      for (const quarter of [1, 2, 3, 4] as const) {
        const query = `year=${year}${quarter < 4 ? `&quarter=${quarter}` : ''}${team ? `&team=${team}` : ''}`;
        annual.push({ year, quarter, team, published: await analyst.get<PublishedAnnualReport>(`/api/v1/reports/annual?${query}`), exact: await quality.get<AnnualReport>(`/api/v1/reports/annual?${query}`) });
      }
      const query = `year=${year}${team ? `&team=${team}` : ''}`;
      zrm.push({ year, team, published: await analyst.get<PublishedZrmReport>(`/api/v1/reports/zrm?${query}`), exact: await quality.get<ZrmReport>(`/api/v1/reports/zrm?${query}`) });
    }
    const codeOf = new Map(reference.teams.map((team) => [team.id, team.code]));
    const byCode = (figures: PublishedTeamFigures) => Object.fromEntries(figures.teams.map(({ teamId, teamName: _name, ...row }) => [codeOf.get(teamId)!, row]));
    const attacker = new FamilyAttack();
    attacker.addAnnual(annual);
    attacker.addZrm(zrm);
    attacker.addFigures({ published: byCode(await analyst.get('/api/v1/work/figures')), exact: byCode(await lead.get('/api/v1/work/figures')) }, teams, `${year + 1}-01-01`);
    const result = attacker.run();
    expect(result.wrong).toEqual([]);
    expect(result.smallPublished).toEqual([]);
    expect(result.leaks.map((leak) => `${leak.cell} = ${leak.exact} (${leak.why})`)).toEqual([]);
  }, 300_000);
});
