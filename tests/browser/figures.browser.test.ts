// The figures in a real browser: the annual report page for the analyst (tables, charts, the CSV and
// Excel downloads open and hold the same numbers as the API) and the beheerder's import of the
// sample history; axe checks every page.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { unzipSync, zipSync, strFromU8 } from 'fflate';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { AnnualReport } from '../../src/server/modules/reports/reports.schemas';
import { type RunningServer, artifactDir, checkPage, launchBrowser, login, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const lastYear = Number(todayInNetherlands().slice(0, 4)) - 1;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the annual report for the analyst', () => {
  let report: AnnualReport;

  it('shows every table of a chosen year, with charts', async () => {
    await login(page, server.baseUrl, 'analist@demo.keukentafel.nl');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Jaarverslag' }).click();
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(lastYear));
    const table = page.getByRole('table', { name: 'Instroom, lopende casussen en uitstroom per maand, kwartaal en jaar' });
    await expect.poll(() => table.isVisible()).toBe(true);
    report = (await (await page.request.get(`${server.baseUrl}/api/reports/annual?year=${lastYear}`)).json()) as AnnualReport;
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

  it('downloads a CSV with the same numbers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const file = path.join(artifactDir(), `jaarverslag-${lastYear}.csv`);
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(50);
    expect(csv).toContain(String(report.cases.started.year));
    expect(csv).toContain(String(report.satisfaction.responses));
  });

  it('downloads an Excel workbook that opens, one sheet per table', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Excel (XLSX)' }).click()]);
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
    const api = (await (await page.request.get(`${server.baseUrl}/api/reports/zrm?year=${lastYear}`)).json()) as { domains: Record<string, { n: number }> };
    expect(Object.keys(api.domains)).toHaveLength(11);
    expect(api.domains.financien!.n).toBeGreaterThan(10);
    const financien = await table.getByRole('row', { name: /Financiën/ }).getByRole('cell').first().textContent();
    expect(financien).toBe(String(api.domains.financien!.n));
    await checkPage(page, 'zrm-voortgang');
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
    const dir = path.resolve('../shared/sample/data');
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
