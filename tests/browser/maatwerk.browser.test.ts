// Maatwerk in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation): the demo medewerker opens one of her running cases → records a melding (after the
// form asked for what was missing) → the onderzoek's report → a beschikking → a toewijzing to a
// provider → extends it; the decision letter downloads as a PDF. The section shows the legal terms, the decision number, the
// ToewijzingNummer; axe checks every step, at 1366 and at 390 px.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { checkPage, checkPageNarrow, login, newPage, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const WORKER = 'medewerker@demo.keukentafel.nl';
const ASKED = 'Mevrouw kan het huis niet meer schoonhouden sinds haar heupoperatie';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await newPage(browser);
  await page.setViewportSize({ width: 1366, height: 900 });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const section = () => page.getByRole('region', { name: 'Maatwerkvoorzieningen' });
const request = () => section().getByRole('article').filter({ hasText: ASKED });
const focusedClass = () => page.evaluate(() => document.activeElement?.className ?? '');

describe('maatwerk on the case page', () => {
  it('opens a running case of hers', async () => {
    await login(page, server.baseUrl, WORKER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    const row = page.getByRole('table', { name: /Wat het eerst moet staat bovenaan/ }).getByRole('row').filter({ hasText: 'Lopend' }).first();
    await row.getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    await expect.poll(() => section().getByRole('button', { name: 'Nieuwe aanvraag…' }).isVisible()).toBe(true);
  });

  it('records a melding, after the form asked for what was missing', async () => {
    await section().getByRole('button', { name: 'Nieuwe aanvraag…' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe aanvraag voor een voorziening' });
    await form.getByRole('button', { name: 'Aanvraag vastleggen' }).click();
    await expect.poll(focusedClass).toContain('kt-error-summary');
    await expect.poll(() => form.getByRole('link', { name: 'Beschrijf wat er gevraagd wordt' }).isVisible()).toBe(true);
    await checkPage(page, 'maatwerk-aanvraag-fout');

    const voorWie = form.getByLabel('Voor wie', { exact: true });
    if ((await voorWie.inputValue()) === '') await voorWie.selectOption({ index: 1 });
    await form.getByLabel('Datum van de melding', { exact: true }).fill(addDays(todayInNetherlands(), -3));
    await form.getByLabel('Wat wordt er gevraagd', { exact: true }).fill(ASKED);
    await form.getByLabel('Soort voorziening', { exact: true }).selectOption({ label: 'Hulp bij het huishouden' });
    await form.getByRole('button', { name: 'Aanvraag vastleggen' }).click();
    await expect.poll(() => request().getByText('Onderzoek loopt').isVisible()).toBe(true);
    // Six weeks from the melding, three days ago.
    await expect.poll(() => request().textContent()).toMatch(/Verslag uiterlijk .*: loopt/);
    await checkPage(page, 'maatwerk-aanvraag');
  });

  it('records the onderzoek and the beschikking', async () => {
    await request().getByRole('button', { name: 'Verslag onderzoek vastleggen' }).click();
    const research = page.getByRole('form', { name: 'Verslag van het onderzoek' });
    await research.getByLabel('Wat heeft het onderzoek opgeleverd', { exact: true }).fill('Haar dochter woont ver weg; de buurvrouw doet de boodschappen. Schoonmaken lukt niemand.');
    await research.getByRole('button', { name: 'Verslag vastleggen' }).click();
    await expect.poll(() => request().getByText('Onderzocht, besluit nodig').isVisible()).toBe(true);
    await expect.poll(() => request().textContent()).toMatch(/Verslag uiterlijk .*: op tijd/);

    await request().getByRole('button', { name: 'Besluit vastleggen' }).click();
    const decision = page.getByRole('form', { name: 'Besluit (beschikking)' });
    await decision.getByRole('radio', { name: 'Toegekend', exact: true }).check();
    await decision.getByLabel('Motivering', { exact: true }).fill('Mevrouw kan haar huis niet zelf schoonhouden en haar netwerk kan dit niet overnemen.');
    await checkPage(page, 'maatwerk-besluit-formulier');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => request().getByText('Besloten').isVisible()).toBe(true);
    await expect.poll(() => request().textContent()).toMatch(/Beschikking \d+Toegekend op/);
    expect(await request().textContent()).toMatch(/Bezwaar kan tot en met/);
    const [download] = await Promise.all([page.waitForEvent('download'), request().getByRole('link', { name: /^Beschikkingsbrief \d+ downloaden \(PDF\)$/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^beschikking-\d+\.pdf$/);
    const bytes = await fs.promises.readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('assigns the provision to a provider and extends it', async () => {
    await request().getByRole('button', { name: 'Toewijzing toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Toewijzing aan een aanbieder' });
    await form.getByLabel('Soort voorziening', { exact: true }).selectOption({ label: 'Hulp bij het huishouden' });
    await form.getByLabel('Product', { exact: true }).selectOption({ label: 'Hulp bij het huishouden' });
    await form.getByLabel('Aanbieder', { exact: true }).selectOption({ label: 'Careyn' });
    await form.getByLabel('Einddatum', { exact: true }).fill(addDays(todayInNetherlands(), 90));
    await form.getByLabel('Omvang', { exact: true }).fill('3');
    await form.getByRole('button', { name: 'Toewijzing vastleggen' }).click();
    const provision = request().getByRole('listitem').filter({ hasText: 'Careyn' }).first();
    await expect.poll(() => provision.textContent()).toMatch(/Wacht op start levering/);
    expect(await provision.textContent()).toMatch(/3 uur per week/);
    expect(await provision.textContent()).toMatch(/Toewijzingsnummer\d+/);
    await checkPageNarrow(page, 'maatwerk-toewijzing');

    await provision.getByRole('button', { name: 'Verlengen' }).click();
    const extend = page.getByRole('form', { name: 'Toewijzing verlengen' });
    await extend.getByLabel('Nieuwe einddatum', { exact: true }).fill(addDays(todayInNetherlands(), 270));
    await extend.getByRole('button', { name: 'Verlengen' }).click();
    await expect.poll(() => request().getByRole('listitem').filter({ hasText: 'Verlenging:' }).count()).toBe(1);
    await expect.poll(() => request().getByText('Verlengd', { exact: true }).isVisible()).toBe(true);
    await checkPage(page, 'maatwerk-verlengd');
  });
});
