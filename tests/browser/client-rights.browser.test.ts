// The client's rights in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation): the demo medewerker opens one of her clients → the section "Wie heeft dit dossier
// ingezien" lists her own reads, and that she saw the client in Mijn werk → she downloads the file as
// PDF (a real PDF, logged; the page says it is being made) → when the server cannot make one now (429:
// one at a time), the page shows its message → the print view of the krachtplan is logged too → the
// team leader, who may open the client but not read the log, gets no section and causes no refused
// look. axe checks every page.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { launchChromium } from '../support/chromium';
import { artifactDir, checkPage, checkPageNarrow, login, type RunningServer, startServer, openCasePart } from './support';
import { PDF_IN_PROGRESS } from '../../src/server/modules/client-file/client-file.service';

let server: RunningServer;
let browser: Browser;
let page: Page;
let clientUrl = '';
let caseUrl = '';
const WORKER = 'medewerker@demo.keukentafel.nl';
const WORKER_NAME = 'Sanne Verhoeven';

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

const accessLog = () => page.getByRole('table', { name: /^Wie heeft het dossier van .* ingezien, nieuwste eerst/ });
/** Opens the collapsed log (after a reload it is collapsed again). */
async function showLog() {
  const show = page.getByRole('button', { name: 'Toon toegangslog' });
  await expect.poll(() => show.isVisible()).toBe(true);
  if ((await show.getAttribute('aria-expanded')) === 'false') await show.click();
  await expect.poll(() => accessLog().isVisible()).toBe(true);
}
const byWorker = (what: string) => (rows: Locator) => rows.filter({ hasText: WORKER_NAME }).filter({ hasText: what });

/**
 * How many rows of the whole log match, on every page (ten rows a page): loads the client page
 * again, opens the log and turns the pages with "Oudere regels".
 */
async function countInLog(match: (rows: Locator) => Locator): Promise<number> {
  await page.reload();
  await showLog();
  const pager = page.getByRole('navigation', { name: "Pagina's van het overzicht wie het dossier inzag" });
  let total = 0;
  for (let shown = 1; ; shown++) {
    total += await match(accessLog().getByRole('row')).count();
    if ((await pager.count()) === 0) return total;
    const [, pages] = /van (\d+)/.exec((await pager.getByRole('status').textContent()) ?? '') ?? [];
    if (shown >= Number(pages)) return total;
    await pager.getByRole('button', { name: 'Oudere regels' }).click();
    // The new page is in when its number shows and the buttons are usable again.
    await expect.poll(() => pager.getByRole('status').textContent()).toMatch(new RegExp(`^Pagina ${shown + 1} van`));
    await expect.poll(() => pager.getByRole('button', { name: 'Nieuwere regels' }).getAttribute('aria-disabled')).toBe('false');
  }
}

describe("the client's rights", () => {
  it('shows the case worker who looked at the file, starting with her own reads', async () => {
    await login(page, server.baseUrl, WORKER);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Mijn dag/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    const row = page.getByRole('table', { name: /Wat het eerst moet staat bovenaan/ }).getByRole('row').filter({ hasText: 'Lopend' }).first();
    await row.getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await openCasePart(page, 'Netwerk');
    await page.getByRole('table', { name: 'Personen in dit huishouden' }).getByRole('row').filter({ hasText: 'Hoofdcliënt' }).getByRole('link').click();
    await expect.poll(() => page.url()).toMatch(/\/clienten\/[0-9a-f-]{36}$/);
    clientUrl = page.url();

    await expect.poll(() => page.getByRole('heading', { name: 'Wie heeft dit dossier ingezien', level: 2 }).isVisible()).toBe(true);
    // Collapsed until asked for (asking is itself a logged read), ten rows a page.
    expect(await accessLog().count()).toBe(0);
    await showLog();
    expect(await accessLog().locator('tbody tr').count()).toBeLessThanOrEqual(10);
    await expect.poll(() => byWorker('bekeek de persoonsgegevens')(accessLog().getByRole('row')).count()).toBeGreaterThanOrEqual(1);
    const first = byWorker('bekeek de persoonsgegevens')(accessLog().getByRole('row')).first();
    expect(await first.textContent()).toMatch(/Buurtteammedewerker.*Overvecht Centrum/);
    expect(await first.textContent()).toMatch(/Gelukt/);
    // She opened the case from Mijn werk, which showed the client.
    expect(await countInLog(byWorker('bekeek de casus'))).toBeGreaterThanOrEqual(1);
    expect(await countInLog(byWorker('zag de cliënt in de lijst Mijn werk'))).toBeGreaterThanOrEqual(1);
    await showLog();
    await checkPage(page, 'client-inzage');
    await checkPageNarrow(page, 'client-inzage');
  });

  it('downloads the file as a PDF, and the download is in the log', async () => {
    const button = page.getByRole('button', { name: 'Dossier downloaden (PDF)' });
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Dossier downloaden als gegevensbestand' }).isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De pdf is klaar en gedownload' }).count()).toBe(1);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^dossier-[a-z0-9-]+-${todayInNetherlands()}\\.pdf$`));
    const saved = path.join(artifactDir(), download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = fs.readFileSync(saved);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(1);

    // The same address answered with a PDF for this session (the cookie authenticates the GET).
    const response = await page.request.get(`${server.baseUrl}/api/v1/clients/${clientUrl.split('/').pop()}/file.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="dossier-/);

    await expect.poll(() => countInLog(byWorker('exporteerde het dossier'))).toBe(2);
    await checkPage(page, 'client-inzage-na-download');
  });

  it('shows the server\'s message when a PDF cannot be made now, and the button stays usable by keyboard', async () => {
    // The server answers 429 while the same user's previous PDF is still being made.
    await page.route('**/file.pdf', (route) => route.fulfill({ status: 429, contentType: 'application/json', headers: { 'retry-after': '5' }, body: JSON.stringify({ code: 'tooManyRequests', detail: PDF_IN_PROGRESS }) }));
    try {
      const button = page.getByRole('button', { name: 'Dossier downloaden (PDF)' });
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('alert').filter({ hasText: PDF_IN_PROGRESS }).count()).toBe(1);
      expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
      await checkPage(page, 'client-inzage-pdf-bezet');
    } finally {
      await page.unroute('**/file.pdf');
    }
  });

  it('logs opening the print view of the krachtplan', async () => {
    await page.goto(`${caseUrl}/plan/afdrukken`);
    await expect.poll(() => page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).isVisible()).toBe(true);
    await page.goto(clientUrl);
    await expect.poll(() => countInLog(byWorker('drukte het krachtplan af'))).toBe(1);
  });

  it("shows the team leader the client without the log section, and her visit causes no refused look", async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const leader = await context.newPage();
    await login(leader, server.baseUrl, 'teamleider@demo.keukentafel.nl');
    // The team leader starts on the team's overview.
    await expect.poll(() => leader.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Team/);
    await leader.goto(clientUrl);
    await expect.poll(() => leader.getByRole('button', { name: 'Dossier downloaden (PDF)' }).isVisible()).toBe(true);
    expect(await leader.getByRole('heading', { name: 'Wie heeft dit dossier ingezien' }).count()).toBe(0);
    await checkPage(leader, 'client-teamleider-zonder-inzage');
    await context.close();

    await expect.poll(() => countInLog((rows) => rows.filter({ hasText: 'Teamleider' }).filter({ hasText: 'bekeek de persoonsgegevens' }))).toBeGreaterThanOrEqual(1);
    expect(await countInLog((rows) => rows.filter({ hasText: 'Geweigerd' }))).toBe(0);
  });
});
