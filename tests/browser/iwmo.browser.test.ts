// iWmo-berichten in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation), with the message gateway's two folders set through the environment
// (KEUKENTAFEL_IWMO_OUTBOX_DIR, KEUKENTAFEL_IWMO_INBOX_DIR; startServer passes this process's
// environment on). The demo beheerder opens the page: the folders are in order and the log holds the
// demo's last weeks;
// "Nu versturen" (by keyboard) writes a WMO301 for every client and provider of the demo's
// toewijzingen and counts the ones it could not send (the demo has clients without a BSN); a
// provider's 305 is read with "Nu inlezen". No BSN of the files shows on the page; axe checks every
// step, at 1366 and at 390 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { clientOf301, startFor301, valuesOf } from '../support/iwmo-provider';
import { checkPage, checkPageNarrow, login, newPage, type RunningServer, startServer } from './support';

const BEHEERDER = 'beheerder@demo.keukentafel.nl';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iwmo-browser-'));
const outbox = path.join(tmp, 'uit');
const inbox = path.join(tmp, 'in');
const SETTINGS = { KEUKENTAFEL_IWMO_OUTBOX_DIR: outbox, KEUKENTAFEL_IWMO_INBOX_DIR: inbox } as const;
const saved = Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, process.env[name]]));

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(outbox);
  fs.mkdirSync(inbox);
  Object.assign(process.env, SETTINGS);
  server = await startServer();
  browser = await launchChromium();
  page = await newPage(browser);
  await page.setViewportSize({ width: 1366, height: 900 });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

const files301 = () => fs.readdirSync(outbox).filter((f) => /^WMO301_.*\.xml$/.test(f));
const number = (text: string) => Number(text.replace(/\./g, ''));
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
const status = () => page.locator('.kt-iwmo-status');
/** The messages of the demo's last weeks in the log before the test sends anything. */
let demoMessages = 0;


describe('iWmo-berichten', () => {
  it("shows the folders in order and the demo's last weeks of messages", async () => {
    await login(page, server.baseUrl, BEHEERDER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'iWmo-berichten' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'iWmo-berichten' }).isVisible()).toBe(true);
    const log = page.getByRole('table', { name: 'iWmo-berichten, nieuwste eerst' });
    await expect.poll(() => log.isVisible()).toBe(true);
    demoMessages = number(/^([\d.]+) berichten/.exec((await page.getByText(/^[\d.]+ berichten(, .* getoond)?\.$/).textContent())!)![1]!);
    expect(demoMessages).toBeGreaterThan(10);
    // Sent and accepted, and the providers' starts and ends with our answers.
    expect(await log.getByText('Geschreven; geaccepteerd door de aanbieder').count()).toBeGreaterThan(0);
    for (const kind of ['WMO305', 'WMO306', 'WMO307']) expect(await log.getByRole('cell', { name: new RegExp(`^${kind}`) }).count(), kind).toBeGreaterThan(0);
    expect(await page.getByText(outbox, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('In orde. Er wachten geen berichten op de berichtengateway.').isVisible()).toBe(true);
    expect(await page.getByText('In orde. Er staan geen berichten klaar om in te lezen.').isVisible()).toBe(true);
    await checkPage(page, 'iwmo-demo');
    await checkPageNarrow(page, 'iwmo-demo');
  });

  it("sends the demo's toewijzingen with the keyboard, and says in words what was sent and what not", async () => {
    await page.getByRole('button', { name: 'Nu versturen' }).focus();
    await page.keyboard.press('Enter');
    // The demo's first run writes a 301 for every client and provider with a toewijzing decided in the last two weeks.
    await expect.poll(focusedId, { timeout: 120_000 }).toBe('iwmo-resultaat-title');
    const sentence = (await status().textContent())!.trim();
    const match = /^([\d.]+) berichten WMO301 geschreven met ([\d.]+) toewijzingen, aan ([\d.]+) aanbieders\. ([\d.]+) berichten zijn niet verstuurd; hieronder staat waarom\.$/.exec(sentence);
    expect(match, sentence).not.toBeNull();
    const [written, assignments, providers, skipped] = match!.slice(1).map(number);
    // What the sentence says is what lies in the folder.
    expect(files301()).toHaveLength(written!);
    expect(assignments).toBeGreaterThanOrEqual(written!);
    expect(providers).toBeGreaterThan(1);
    // The demo has clients without a BSN: their toewijzingen wait, counted per provider, never named.
    expect(skipped).toBeGreaterThan(0);
    const notSent = page.getByRole('table', { name: 'Niet verstuurd, per aanbieder en reden' });
    expect(await notSent.isVisible()).toBe(true);
    const counted = (await notSent.locator('tbody tr td:last-child').allTextContents()).map(number);
    expect(counted.reduce((a, b) => a + b, 0)).toBe(skipped);
    expect(await notSent.getByText('Van de cliënt ontbreekt een geldig BSN').first().isVisible()).toBe(true);
    // The same words, visible, under the heading that took focus.
    expect(await page.getByRole('region', { name: 'Resultaat van het versturen' }).getByText(sentence, { exact: true }).isVisible()).toBe(true);

    // The files carry BSNs for the gateway; the page shows none of them.
    const bsns = files301().flatMap((f) => valuesOf(fs.readFileSync(path.join(outbox, f), 'utf8'), 'Bsn'));
    expect(bsns.length).toBe(written);
    const text = await page.locator('main').innerText();
    expect(bsns.filter((bsn) => text.includes(bsn))).toEqual([]);
    await expect.poll(() => page.getByText(`In orde. ${written} berichten wachten tot de berichtengateway ze ophaalt.`).isVisible()).toBe(true);
    await checkPage(page, 'iwmo-verstuurd');
    await checkPageNarrow(page, 'iwmo-verstuurd');
  });

  it('lists the messages newest first, by the page, and filters them', async () => {
    const written = files301().length;
    expect(written).toBeGreaterThan(0);
    const total = demoMessages + written;
    const log = page.getByRole('table', { name: 'iWmo-berichten, nieuwste eerst' });
    await expect.poll(() => page.getByText(new RegExp(`^${total} berichten(, 1–50 getoond)?\\.$`)).isVisible()).toBe(true);
    // The run just now on top.
    const files = await log.getByRole('rowheader').allTextContents();
    expect(files.slice(0, written).every((file) => /^WMO301_0344_\d{8}_\d{12}\.xml$/.test(file)), files.slice(0, written).join(', ')).toBe(true);
    expect(await log.getByRole('row').nth(1).textContent()).toContain('nog geen retour van de aanbieder');
    if (total > 50) {
      await page.getByRole('button', { name: 'Volgende' }).click();
      await expect.poll(() => page.getByText(`${total} berichten, 51–${Math.min(total, 100)} getoond.`).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Vorige' }).click();
      await expect.poll(() => page.getByText(`${total} berichten, 1–50 getoond.`).isVisible()).toBe(true);
    }
    await page.getByLabel('Richting', { exact: true }).selectOption({ label: 'Ontvangen' });
    await expect.poll(async () => (await log.getByRole('cell', { name: 'Ontvangen', exact: true }).count()) > 0).toBe(true);
    expect(await log.getByRole('cell', { name: 'Verstuurd', exact: true }).count()).toBe(0);
    await page.getByLabel('Uitkomst', { exact: true }).selectOption({ label: 'Afgekeurd' });
    await expect.poll(() => page.getByText('Geen berichten met deze keuze.').isVisible()).toBe(true);
    await page.getByLabel('Uitkomst', { exact: true }).selectOption({ label: 'Alle uitkomsten' });
    await page.getByLabel('Richting', { exact: true }).selectOption({ label: 'Verstuurd en ontvangen' });
    await expect.poll(() => page.getByText(new RegExp(`^${total} berichten`)).isVisible()).toBe(true);
  });

  it("reads a provider's 305 and answers it", async () => {
    // A start for the first toewijzing of the first 301, as its provider would send it.
    const sent = fs.readFileSync(path.join(outbox, files301().sort()[0]!), 'utf8');
    const [assignment] = valuesOf(sent, 'ToewijzingNummer');
    fs.writeFileSync(path.join(inbox, 'start.xml'), startFor301(sent, assignment!, todayInNetherlands()));
    const { bsn, surname } = clientOf301(sent);
    await page.reload();
    await expect.poll(() => page.getByText('In orde. 1 bericht staat klaar om in te lezen.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Nu inlezen' }).click();
    await expect.poll(focusedId, { timeout: 60_000 }).toBe('iwmo-resultaat-title');
    // A start the demo had already recorded is answered with a retour code (9326); a new one is recorded.
    expect((await status().textContent())!.trim()).toMatch(/^1 bestand ingelezen: 1 verwerkt(, waarvan 1 bericht met retourcodes afgewezen)?, 0 afgekeurd\.$/);
    const files = page.getByRole('table', { name: 'Ingelezen bestanden' });
    expect(await files.getByRole('row', { name: /start\.xml/ }).textContent()).toMatch(/WMO305 start levering.*Verwerkt.*WMO306_0344_/);
    expect(fs.readdirSync(outbox).filter((f) => f.startsWith('WMO306_'))).toHaveLength(1);
    expect(fs.existsSync(path.join(inbox, 'verwerkt', 'start.xml'))).toBe(true);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(bsn);
    expect(text).not.toContain(surname);
    await checkPage(page, 'iwmo-ingelezen');
    await checkPageNarrow(page, 'iwmo-ingelezen');
  });
});
