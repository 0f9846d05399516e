// The figures in a real browser: the analyst's Cijfers pages (figures per team, the annual report
// with tables, charts, the CSV and Excel downloads holding the same numbers as the API, the ZRM
// progress) show suppressed small numbers as "<5" / "x" with the explanation and no count of 1–4;
// and the beheerder's import of the sample history. axe checks every page.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { unzipSync, zipSync, strFromU8 } from 'fflate';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { AnnualReport, PublishedAnnualReport } from '../../src/server/modules/reports/reports.schemas';
import type { PublishedTeamFigures } from '../../src/server/modules/worklists/worklists.schemas';
import { launchChromium } from '../support/chromium';
import { type RunningServer, artifactDir, checkPage, checkPageNarrow, login, startServer } from './support';
import { SAMPLE_DATA } from '../support/paths';

let server: RunningServer;
let browser: Browser;
let page: Page;
const lastYear = Number(todayInNetherlands().slice(0, 4)) - 1;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A shown count of 1 up to 4 (a number without decimals). */
const smallCount = (text: string) => /^[1-4]$/.test(text.trim());

describe('the figures per team for the analyst', () => {
  it('shows suppressed figures as their markers, explained, and no count of 1 to 4', async () => {
    await login(page, server.baseUrl, 'analist@demo.keukentafel.nl');
    const table = page.getByRole('table', { name: 'Cijfers per team' });
    await expect.poll(() => table.isVisible()).toBe(true);
    const figures = (await (await page.request.get(`${server.baseUrl}/api/v1/work/figures`)).json()) as PublishedTeamFigures;
    expect(figures.suppression).toBeDefined();
    const cells = figures.suppression!.cells;
    const fields = ['openCases', 'awaitingFirstMeeting', 'overNorm', 'startedLast90Days', 'closedLast90Days', 'meanDaysToFirstMeeting'] as const;
    const rows = await table.getByRole('row').all();
    expect(rows.length).toBe(figures.teams.length + 1);
    for (const [index, team] of figures.teams.entries()) {
      const shown = await rows[index + 1]!.getByRole('cell').allTextContents();
      fields.forEach((field, column) => {
        const reason = cells[`/teams/${index}/${field}`];
        if (reason) expect(shown[column], `${team.teamName} ${field}`).toBe(reason === 'small' ? '<5' : 'x');
        else if (field !== 'meanDaysToFirstMeeting') expect(smallCount(shown[column]!), `${team.teamName} ${field} = ${shown[column]}`).toBe(false);
      });
    }
    const explanation = page.getByRole('heading', { name: 'Afgeschermde kleine aantallen' });
    expect(await explanation.count()).toBe(Object.keys(cells).length > 0 ? 1 : 0);
    await checkPage(page, 'cijfers-analist');
    await checkPageNarrow(page, 'cijfers-analist');
  });
});

describe('the annual report for the analyst', () => {
  let report: AnnualReport;

  it('shows every table of a chosen year, with charts', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Jaarverslag' }).click();
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(lastYear));
    const table = page.getByRole('table', { name: 'Instroom, lopende casussen en uitstroom per maand, kwartaal en jaar' });
    await expect.poll(() => table.isVisible()).toBe(true);
    report = (await (await page.request.get(`${server.baseUrl}/api/v1/reports/annual?year=${lastYear}`)).json()) as AnnualReport;
    expect(report.cases.started.year).toBeGreaterThan(100);
    // The table shows the API's numbers.
    await expect.poll(async () => (await table.textContent())?.replace(/\D/g, '').includes(String(report.cases.started.year))).toBe(true);
    for (const caption of ['Afgesloten casussen per reden van afsluiten', 'Verdeling van de rapportcijfers bij afsluiten', 'ZRM-metingen per soort meting', 'Nieuwe voorzieningen per product, per categorie']) {
      expect(await page.getByRole('table', { name: caption }).count(), caption).toBe(1);
    }
    // The charts load lazily.
    await expect.poll(() => page.getByRole('img').count()).toBeGreaterThanOrEqual(5);
    await checkPage(page, 'jaarverslag');
  });

  it('shows the suppressed small numbers as "<5" and "x", explained, and no count of 1 to 4', async () => {
    const published = report as PublishedAnnualReport;
    const cells = published.suppression!.cells;
    expect(Object.values(cells)).toContain('small');
    await expect.poll(() => page.getByRole('heading', { name: 'Afgeschermde kleine aantallen' }).isVisible()).toBe(true);
    // The table per team: each cell of a team as the API has it.
    const teams = page.getByRole('table', { name: /^Casussen en unieke cliënten per team/ });
    const shown = await teams.getByRole('row', { name: /^Zuilen/ }).getByRole('cell').allTextContents();
    const zuilen = published.teams.zuilen!;
    const expected = (['started', 'running', 'closed', 'unique_clients'] as const).map((measure) => {
      const reason = cells[`/teams/zuilen/${measure}/year`];
      return reason ? (reason === 'small' ? '<5' : 'x') : String(zuilen[measure].year);
    });
    expect(shown.map((text) => text.replace(/\./g, ''))).toEqual(expected);
    // No table of the page shows a count of 1 to 4 (the tables of means excepted).
    for (const table of await page.getByRole('table').all()) {
      const caption = (await table.locator('caption').textContent()) ?? '';
      if (/dagen|Tevredenheid/i.test(caption)) continue;
      for (const text of await table.getByRole('cell').allTextContents()) expect(smallCount(text), `${caption}: ${text}`).toBe(false);
    }
  });

  it('downloads a CSV with the same numbers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Downloaden als CSV-bestand' }).click()]);
    const file = path.join(artifactDir(), `jaarverslag-${lastYear}.csv`);
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(50);
    expect(csv).toContain(String(report.cases.started.year));
    expect(csv).toContain(String(report.satisfaction.responses));
    // The page and the CSV write the same tables (report-tables.ts): the same teams, in the same order, with the same cells.
    const section = csv.split('\n\n').find((block) => block.startsWith('Casussen en unieke cliënten per team'))!;
    const inCsv = section.split('\n').slice(2).map((line) => line.split(','));
    const shown: string[][] = [];
    for (const row of (await page.getByRole('table', { name: /^Casussen en unieke cliënten per team/ }).getByRole('row').all()).slice(1)) {
      shown.push([(await row.getByRole('rowheader').textContent()) ?? '', ...(await row.getByRole('cell').allTextContents()).map((text) => text.replace(/\./g, ''))]);
    }
    expect(shown.length).toBeGreaterThan(10);
    expect(shown).toEqual(inCsv);
  });

  it('downloads an Excel workbook that opens, one sheet per table', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden als Excel-bestand' }).click()]);
    const file = path.join(artifactDir(), `jaarverslag-${lastYear}.xlsx`);
    await download.saveAs(file);
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(Object.keys(parts)).toContain('xl/workbook.xml');
    const sheets = Object.keys(parts).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBeGreaterThanOrEqual(15);
    const everything = sheets.map((name) => strFromU8(parts[name]!)).join('') + (parts['xl/sharedStrings.xml'] ? strFromU8(parts['xl/sharedStrings.xml']) : '');
    expect(everything).toContain(String(report.cases.started.year));
  });

  it('shows the ZRM progress per life domain', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'ZRM-voortgang' }).click();
    // The page is lazy-loaded: until it is there the annual report (with its own "Jaar") stays on
    // screen, and choosing a year there would navigate back to it.
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'ZRM-voortgang' }).isVisible()).toBe(true);
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(lastYear));
    const table = page.getByRole('table', { name: `ZRM-voortgang per leefgebied in ${lastYear}` });
    await expect.poll(() => table.isVisible()).toBe(true);
    const api = (await (await page.request.get(`${server.baseUrl}/api/v1/reports/zrm?year=${lastYear}`)).json()) as { domains: Record<string, { n: number }> };
    expect(Object.keys(api.domains)).toHaveLength(11);
    expect(api.domains.financien!.n).toBeGreaterThan(10);
    const financien = await table.getByRole('row', { name: /Financiën/ }).getByRole('cell').first().textContent();
    expect(financien).toBe(String(api.domains.financien!.n));
    await checkPage(page, 'zrm-voortgang');
    await checkPageNarrow(page, 'zrm-voortgang');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Jaarverslag' }).click();
  });

  it('shows a quarterly report for one team', async () => {
    await page.getByLabel('Periode', { exact: true }).selectOption({ label: 't/m kwartaal 2' });
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Zuilen' });
    await expect.poll(() => page.url()).toContain('team=zuilen');
    await expect.poll(() => page.getByRole('table', { name: 'Instroom, lopende casussen en uitstroom per maand, kwartaal en jaar' }).isVisible()).toBe(true);
    await checkPage(page, 'jaarverslag-kwartaal-team');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
  });
});

describe('the beheerder imports a history', () => {
  it('checks the sample folder as a zip, then imports it', async () => {
    const dir = SAMPLE_DATA;
    const zip = zipSync(Object.fromEntries(fs.readdirSync(dir).map((name) => [name, new Uint8Array(fs.readFileSync(path.join(dir, name)))])));
    await login(page, server.baseUrl, 'beheerder@demo.keukentafel.nl');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Zip-bestand', { exact: true }).setInputFiles({ name: 'voorbeeld.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Resultaat van de controle' }).isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.getByText(/^Alles in orde: [\d.]+ regels/).isVisible()).toBe(true);
    await checkPage(page, 'import-gecontroleerd');
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('button', { name: 'Ja, importeren' }).click();
    const result = page.getByRole('table', { name: 'Geïmporteerde rijen per bestand' });
    await expect.poll(() => result.isVisible(), { timeout: 60_000 }).toBe(true);
    const cases = fs.readFileSync(path.join(dir, 'cases.csv'), 'utf8').trim().split('\n').length - 1;
    // Regels, Nieuw, Gewijzigd, Ongewijzigd, with Dutch thousands separators.
    const cells = await result.getByRole('row', { name: /cases\.csv/ }).getByRole('cell').allTextContents();
    expect(cells.slice(-4).map((c) => c.replace(/\./g, ''))).toEqual([String(cases), String(cases), '0', '0']);
    await checkPage(page, 'import-klaar');
  });
});
