// The road to specialist care in a real browser, on the demo organisation: the team leader's Team
// page lists the cases over three months and a toewijzing late to start (made through the API as a
// worker would, its provider never reporting the start), each row linking to the case; Cijfers →
// Uitstroom shows its tables and chart with the API's numbers for the team leader, and for the
// analyst the suppressed small numbers as "<5" / "x" with the explanation. axe checks every page at
// 1366 and at 390 px, where the page itself must not scroll sideways (wide tables scroll in place).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import type { FlowReport, PublishedFlowReport } from '../../src/server/modules/reports/flow-report.schemas';
import type { TeamOverview } from '../../src/server/modules/worklists/worklists.schemas';
import type { CaseMaatwerk } from '../../src/server/modules/maatwerk/maatwerk.schemas';
import { apiSession, checkPage, followMenu, login, logout, newPage, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const LEADER = 'teamleider@demo.keukentafel.nl';
const today = todayInNetherlands();
const lastYear = Number(today.slice(0, 4)) - 1;
/** The case and client of the toewijzing made late. */
let late: { caseId: string; clientName: string };

/** The API as a logged-in user calls it (session cookie and CSRF token). */

/** At 390 px: axe, and the page itself fits (wide tables scroll inside their own region). */
async function checkBothWidths(name: string) {
  await checkPage(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await checkPage(page, `${name}-390`);
    const layout = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wider = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
      return { fits: document.documentElement.scrollWidth <= width, wider };
    });
    expect(layout.fits, `${name}: the page scrolls sideways at 390 px (wider: ${layout.wider.join(', ')})`).toBe(true);
  } finally {
    await page.setViewportSize({ width: 1366, height: 900 });
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await newPage(browser);
  await page.setViewportSize({ width: 1366, height: 900 });
  // A toewijzing of the team leader's team that the provider never reported as started: granted a
  // month ago, to start 25 days ago.
  const leader = await apiSession(server.baseUrl, LEADER);
  const overview = await leader.get<TeamOverview>('/api/v1/work/team');
  const open = overview.cases.find((c) => c.mainClient && c.status === 'running')!;
  const made = await leader.post<CaseMaatwerk>(`/api/v1/cases/${open.id}/provision-requests`, {
    clientId: open.mainClient!.id,
    requestedOn: addDays(today, -45),
    asked: 'Hulp bij het huishouden na een val',
    category: 'hbh',
    requestedBy: 'client',
  });
  const request = made.requests.find((r) => r.asked === 'Hulp bij het huishouden na een val')!;
  await leader.post(`/api/v1/provision-requests/${request.id}/research`, { researchReportedOn: addDays(today, -35), researchReport: 'Kan niet meer zelf schoonmaken', version: 1 });
  const decided = await leader.post<CaseMaatwerk>(`/api/v1/provision-requests/${request.id}/decision`, { decidedOn: addDays(today, -30), outcome: 'toegekend', reasons: 'Nodig', version: 2 });
  await leader.post(`/api/v1/provision-decisions/${decided.requests.find((r) => r.id === request.id)!.decision!.id}/provisions`, {
    category: 'hbh',
    product: 'hbh',
    provider: 'Careyn',
    startOn: addDays(today, -25),
    endOn: null,
    volume: 3,
    unit: '04',
    frequency: '2',
  });
  late = { caseId: open.id, clientName: `${open.mainClient!.firstName} ${open.mainClient!.lastName}` };
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the Team page: the road in the team leader’s overview', () => {
  it('lists the toewijzing late to start and the cases over three months, each linked to its case', async () => {
    await login(page, server.baseUrl, LEADER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Team', exact: true }).click();
    const lateTable = page.getByRole('table', { name: /^Toewijzingen in natura zonder gemelde start/ });
    await expect.poll(() => lateTable.isVisible()).toBe(true);
    const lateRow = lateTable.getByRole('row').filter({ hasText: late.clientName });
    expect(await lateRow.count()).toBe(1);
    expect(await lateRow.textContent()).toContain('25 dagen');
    expect(await lateRow.textContent()).toContain('Careyn');

    const longTable = page.getByRole('table', { name: /^Open casussen langer dan drie maanden na de kennismaking/ });
    expect(await longTable.isVisible()).toBe(true);
    const api = (await (await page.request.get(`${server.baseUrl}/api/v1/work/team`)).json()) as TeamOverview;
    expect(api.longRunning.length).toBeGreaterThan(0);
    expect(await longTable.getByRole('row').count()).toBe(1 + Math.min(10, api.longRunning.length));
    if (api.longRunning.length > 10) {
      await page.getByRole('button', { name: `Toon alle ${api.longRunning.length}` }).click();
      await expect.poll(() => longTable.getByRole('row').count()).toBe(1 + api.longRunning.length);
    }
    await checkBothWidths('team-uitstroom');

    await lateRow.getByRole('link', { name: late.clientName }).click();
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/casussen/${late.caseId}`);
    await page.goBack();
    await longTable.getByRole('row').nth(1).getByRole('link').click();
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/casussen/${api.longRunning[0]!.caseId}`);
  });

  it('means one thing by "langer dan 5 dagen": the tile, the filter and the caseload agree; a worker’s name leads to their cases', async () => {
    await page.goto(`${server.baseUrl}/team`);
    const api = (await (await page.request.get(`${server.baseUrl}/api/v1/work/team`)).json()) as TeamOverview;
    const tile = page.locator('.kt-figures__item').filter({ hasText: 'Wachten langer dan 5 dagen' }).locator('dd');
    await expect.poll(() => tile.textContent()).toBe(String(api.overNorm));
    // Late first meetings are history: running cases with overNorm exist in the demo and stay out.
    expect(api.cases.some((c) => c.overNorm && c.status !== 'registered')).toBe(true);
    await page.getByLabel('Alleen wie langer dan 5 dagen wacht op de kennismaking').check();
    const list = page.getByRole('table', { name: /^Open casussen die langer dan 5 dagen wachten van het team/ });
    if (api.overNorm > 0) await expect.poll(() => list.getByRole('row').count()).toBe(1 + api.overNorm);
    else await expect.poll(() => page.getByText('Geen open casussen die langer dan 5 dagen wachten.').isVisible()).toBe(true);
    const caseload = page.getByRole('table', { name: 'Open casussen per medewerker' });
    const perWorker = await caseload.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => Number((r.children[3]?.textContent ?? '0').replace(/\./g, ''))));
    expect(perWorker.reduce((a, b) => a + b, 0)).toBe(api.overNorm);
    await page.getByLabel('Alleen wie langer dan 5 dagen wacht op de kennismaking').uncheck();

    const busiest = api.workers.find((w) => w.workerId !== null && w.openCases > 0)!;
    await caseload.getByRole('link', { name: `Open casussen van ${busiest.name}` }).click();
    await expect.poll(() => page.url()).toContain(`?medewerker=${busiest.workerId}`);
    const heading = page.getByRole('heading', { name: `Open casussen van ${busiest.name}` });
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
    const own = page.getByRole('table', { name: `Open casussen van ${busiest.name}, langst wachtend eerst` });
    await expect.poll(() => own.getByRole('row').count()).toBe(1 + busiest.openCases);
    await checkBothWidths('team-medewerker');
    await page.getByRole('link', { name: 'Toon de casussen van het hele team' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Open casussen van het team, langst wachtend eerst' }).getByRole('row').count()).toBe(1 + api.cases.length);
  });
});

describe('Cijfers → Uitstroom', () => {
  it('shows the team leader every table and the chart, with the API’s numbers', async () => {
    await followMenu(page, 'Uitstroom');
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(lastYear));
    const perTeam = page.getByRole('table', { name: `Uitstroom per team in ${lastYear}` });
    await expect.poll(() => perTeam.isVisible()).toBe(true);
    const report = (await (await page.request.get(`${server.baseUrl}/api/v1/reports/flow?year=${lastYear}`)).json()) as FlowReport;
    expect(report.total.toDecision.fromRegistration.n.year).toBeGreaterThan(10);
    const total = await perTeam.getByRole('row', { name: /^Hele organisatie/ }).getByRole('cell').allTextContents();
    expect(total[1]!.replace(/\./g, '')).toBe(String(report.total.toDecision.fromRegistration.n.year));
    expect(total[3]!.replace(/\./g, '')).toBe(String(report.total.toStart.fromRegistration.n.year));
    for (const caption of [
      /^Aanmeldingen die het team niet zelf hielp/,
      /^Dagen tot de beschikking/,
      /^Dagen tot de start van de voorziening/,
      /^Cliënten die wachten op de start/,
      /^Naar maatwerk/,
      /^Open casussen langer dan 3 maanden/,
    ]) {
      expect(await page.getByRole('table', { name: caption }).count(), String(caption)).toBe(1);
    }
    const over = await page.getByRole('table', { name: /^Open casussen langer dan 3 maanden/ }).getByRole('cell').allTextContents();
    expect(over.map((text) => text.replace(/\./g, ''))).toEqual(report.total.overThreeMonths.months.map(String));
    await expect.poll(() => page.getByRole('img', { name: /^Lijndiagram van de mediaan/ }).count()).toBe(1);
    await checkBothWidths('uitstroom');
  });

  it('shows one team by month', async () => {
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Overvecht Centrum' });
    await expect.poll(() => page.getByText(`Uitstroom ${lastYear} · Overvecht Centrum`).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: `Uitstroom per team in ${lastYear}` }).count()).toBe(0);
    const report = (await (await page.request.get(`${server.baseUrl}/api/v1/reports/flow?year=${lastYear}&team=overvecht-centrum`)).json()) as FlowReport;
    const row = await page.getByRole('table', { name: /^Dagen tot de beschikking/ }).getByRole('row', { name: /^Cliënten met een eerste beschikking/ }).getByRole('cell').allTextContents();
    expect(row.map((text) => text.replace(/\./g, ''))).toEqual([...report.total.toDecision.fromRegistration.n.months, report.total.toDecision.fromRegistration.n.year].map(String));
    await checkPage(page, 'uitstroom-team');
  });

  it('shows the analyst the suppressed small numbers as "<5" and "x", explained, and no count of 1 to 4', async () => {
    await logout(page);
    await login(page, server.baseUrl, 'analist@demo.keukentafel.nl');
    await page.goto(`${server.baseUrl}/cijfers/uitstroom?jaar=${lastYear}`);
    await expect.poll(() => page.getByRole('table', { name: `Uitstroom per team in ${lastYear}` }).isVisible()).toBe(true);
    const report = (await (await page.request.get(`${server.baseUrl}/api/v1/reports/flow?year=${lastYear}`)).json()) as PublishedFlowReport;
    expect(Object.values(report.suppression!.cells)).toContain('small');
    expect(await page.getByRole('heading', { name: 'Afgeschermde kleine aantallen' }).isVisible()).toBe(true);
    expect(await page.getByText('<5', { exact: true }).first().isVisible()).toBe(true);
    // No count of 1 to 4 in the tables of counts (days and shares are no counts).
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('table')].map((table) => ({
        caption: table.querySelector('caption')?.textContent ?? '',
        rows: [...table.querySelectorAll('tbody tr')].map((row) => ({ name: row.querySelector('th')?.textContent ?? '', cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '') })),
      })),
    );
    expect(tables.length).toBeGreaterThanOrEqual(7);
    for (const { caption, rows } of tables) {
      for (const { name, cells } of rows) {
        if (/Mediaan|Gemiddeld|Aandeel/.test(name)) continue;
        // The per-team table mixes counts with medians and a share: only its count columns.
        const counts = /per team/.test(caption) ? cells.filter((_, i) => [0, 1, 3, 6, 7].includes(i)) : cells;
        for (const text of counts) expect(/^[1-4]$/.test(text.trim()), `${caption} / ${name}: ${text}`).toBe(false);
      }
    }
    await checkBothWidths('uitstroom-analist');
  });
});
