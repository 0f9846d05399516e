// Documents in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation), at full width and at 390 px: the demo medewerker opens "Nieuw document" from the case
// header with the keyboard (focus goes into the form), chooses a PDF through the file chooser the
// keyboard opens, saves, sees it listed and downloads the same bytes; a PNG renamed to .pdf is refused
// with the server's Dutch message and nothing is listed. axe checks every state; nothing scrolls
// sideways at 390 px.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { launchChromium } from '../support/chromium';
import { PNG_BASE64, tinyPdf } from '../support/documents';
import { apiSession, artifactDir, checkPage, checkPageNarrow, login, newPage, type RunningServer, startServer } from './support';

const WORKER = 'medewerker@demo.keukentafel.nl';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

for (const width of [1280, 390]) {
  describe(`a document on a case at ${width} px`, () => {
    let page: Page;
    let caseUrl = '';
    let pdfPath = '';
    let lyingPath = '';
    let workerName = '';
    const title = `Brief van de corporatie (${width})`;
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');

    beforeAll(async () => {
      const api = await apiSession(server.baseUrl, WORKER);
      workerName = (await api.get<{ name: string }>('/api/v1/auth/me')).name;
      const registration = await api.post<Registration>('/api/v1/registrations', { client: { firstName: 'Dina', lastName: `Documenta${width}`, birthDate: '1966-05-05' }, registeredOn: todayInNetherlands(), referrerCode: 'zelfmelder', question: 'Hulp bij de post' });
      const triaged = await api.post<Registration>(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: registration.version });
      caseUrl = `${server.baseUrl}/casussen/${triaged.caseId}`;
      const dir = path.join(artifactDir(), `bestanden-${width}`);
      fs.mkdirSync(dir, { recursive: true });
      pdfPath = path.join(dir, 'brief-corporatie.pdf');
      fs.writeFileSync(pdfPath, await tinyPdf(`Huurachterstand ${width}`));
      lyingPath = path.join(dir, 'foto-meterkast.pdf');
      fs.writeFileSync(lyingPath, Buffer.from(PNG_BASE64, 'base64'));
      page = await newPage(browser);
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    });
    afterAll(async () => {
      await page?.context().close();
    });

    /** Opens the form with the case header's action, with the keyboard; focus lands in the title field. */
    async function openForm() {
      const action = page.locator('.kt-case-header').getByRole('button', { name: width === 390 ? /^(Nieuw )?[Dd]ocument$/ : 'Nieuw document' });
      await action.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).hash).toBe('#documenten');
      await expect.poll(focused).toBe('casus-documenten-nieuw-title');
      expect(await action.getAttribute('aria-expanded')).toBe('true');
    }

    /** Types the title, opens the file chooser from the file field with the keyboard and chooses `file`, then sends with Enter. */
    async function fillAndSend(name: string, file: string) {
      await page.keyboard.type(name);
      await page.keyboard.press('Tab');
      await expect.poll(focused).toBe('casus-documenten-nieuw-contentBase64');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
      await chooser.setFiles(file);
      await expect.poll(() => page.getByText(`Gekozen: ${path.basename(file)}`).isVisible()).toBe(true);
      const save = page.getByRole('button', { name: 'Document opslaan' });
      await save.focus();
      await page.keyboard.press('Enter');
    }

    it('uploads a PDF with the keyboard and lists it with its type, size, date and uploader', async () => {
      await login(page, server.baseUrl, WORKER);
      await page.goto(caseUrl);
      await expect.poll(() => page.locator('.kt-case-header').isVisible()).toBe(true);
      await openForm();
      await checkPage(page, `${width}-formulier`);
      await fillAndSend(title, pdfPath);
      const list = page.getByRole('list', { name: 'Documenten van deze casus' });
      const item = list.getByRole('listitem').filter({ hasText: title });
      await expect.poll(() => item.isVisible()).toBe(true);
      const text = (await item.textContent()) ?? '';
      expect(text).toContain('PDF');
      expect(text).toMatch(/\d+ kB/);
      expect(text).toContain(`door ${workerName}`);
      await expect.poll(() => page.getByText(`Het document “${title}” is opgeslagen.`).isVisible()).toBe(true);
      await checkPage(page, `${width}-lijst`);
      if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    });

    it('downloads the same bytes', async () => {
      const link = page.getByRole('link', { name: `Downloaden: ${title}` });
      await link.focus();
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe('brief-corporatie.pdf');
      const saved = path.join(artifactDir(), `download-${width}.pdf`);
      await download.saveAs(saved);
      expect(sha256(fs.readFileSync(saved))).toBe(sha256(fs.readFileSync(pdfPath)));
    });

    it('refuses a PNG renamed to .pdf with the message, and lists nothing', async () => {
      await openForm();
      await fillAndSend('Foto van de meterkast', lyingPath);
      const message = 'Dit bestand is geen PDF, al eindigt de naam op .pdf. Het is een PNG-afbeelding.';
      await expect.poll(() => page.getByText(message).first().isVisible()).toBe(true);
      expect(await page.getByRole('list', { name: 'Documenten van deze casus' }).getByRole('listitem').filter({ hasText: 'meterkast' }).count()).toBe(0);
      await checkPage(page, `${width}-geweigerd`);
      if (width !== 390) await checkPageNarrow(page, `${width}-geweigerd`);
      // Cancel: the form closes, focus goes back to the header's action.
      await page.getByRole('button', { name: 'Annuleren' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.kt-case-header') !== null)).toBe(true);
    });
  });
}
