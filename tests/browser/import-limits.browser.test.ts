// A zip bomb never leaves the browser: the import page reads a zip's declared sizes before
// unpacking and refuses one that declares more than the server takes, and it stops a zip whose
// directory understates what it unpacks to. Either way the page says so in Dutch and sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { zipSync } from 'fflate';
import { readConfig } from '../../src/server/config';
import { launchChromium } from '../support/chromium';
import { type RunningServer, checkPage, login, startServer } from './support';

const LIMIT = readConfig({}).importMaxBytes;

let server: RunningServer;
let browser: Browser;
let page: Page;
const uploads: string[] = [];

/** clients.csv of one byte more than the server takes: a few tens of kilobytes zipped. */
function oversizedZip(): Buffer {
  const clients = new Uint8Array(LIMIT + 1).fill(0x30);
  clients.set(new TextEncoder().encode('client_id\n'));
  return Buffer.from(zipSync({ 'export/clients.csv': clients, 'export/cases.csv': new TextEncoder().encode('case_id\n') }));
}

/** The same zip, its central directory declaring clients.csv to be 2 kB. */
function understatingZip(): Buffer {
  const zip = oversizedZip();
  const directory = zip.readUInt32LE(zip.length - 22 + 16);
  expect(zip.readUInt32LE(directory)).toBe(0x02014b50);
  zip.writeUInt32LE(2048, directory + 24);
  return zip;
}

async function choose(name: string, zip: Buffer): Promise<void> {
  await page.getByLabel('Zip-bestand', { exact: true }).setInputFiles({ name, mimeType: 'application/zip', buffer: zip });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  page.on('request', (request) => {
    if (/\/api\/exchange\/(validate|import)$/.test(request.url())) uploads.push(request.url());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the import page with a zip bomb', () => {
  it('refuses a zip that declares more than the server takes, before unpacking, and sends nothing', async () => {
    await login(page, server.baseUrl, 'beheerder@demo.keukentafel.nl');
    await page.goto(`${server.baseUrl}/beheer/import`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Import/);
    await choose('groot.zip', oversizedZip());
    const message = page.getByText(/^Uitgepakt zijn de CSV-bestanden in groot\.zip groter dan [\d,]+ MB, de grens voor een import via de website\./).first();
    await expect.poll(() => message.isVisible()).toBe(true);
    expect(await message.textContent()).toContain('met de opdrachtregel (npm run cli -- import MAP)');
    await page.getByRole('button', { name: 'Controleren' }).click();
    // The error summary repeats it; the field keeps it.
    await expect.poll(() => page.getByRole('link', { name: /Uitgepakt zijn de CSV-bestanden in groot\.zip/ }).isVisible()).toBe(true);
    await checkPage(page, 'zip-te-groot-390');
    expect(uploads).toEqual([]);
  });

  it('stops a zip whose directory understates its size, and sends nothing', async () => {
    await choose('bom.zip', understatingZip());
    const message = page.getByText(/^bom\.zip is beschadigd of misleidend: export\/clients\.csv pakt uit tot meer dan het zip-bestand opgeeft\./).first();
    await expect.poll(() => message.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await checkPage(page, 'zip-misleidend-390');
    expect(uploads).toEqual([]);
  });

  it('says a file that is not a zip is not one, also after Controleren (not "Kies een zip-bestand")', async () => {
    await page.getByLabel('Zip-bestand', { exact: true }).setInputFiles({ name: 'verslag.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') });
    const message = page.getByText('verslag.pdf is geen geldig zip-bestand of is beschadigd.').first();
    await expect.poll(() => message.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect.poll(() => page.getByRole('link', { name: /verslag\.pdf is geen geldig zip-bestand/ }).isVisible()).toBe(true);
    expect(await page.getByText('Kies een zip-bestand of een map met de CSV-bestanden').count()).toBe(0);
    expect(uploads).toEqual([]);
  });
});
