// Consent and sharing in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation): the demo medewerker opens a client of one of her cases → records the client's
// consent for the GP → records a disclosure on it (after the form insisted on a reasoning for a
// legal duty) → withdraws the consent with a note → the consent can no longer carry a disclosure.
// axe checks every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { checkPage, checkPageNarrow, login, type RunningServer, startServer, openCasePart } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const WORKER = 'medewerker@demo.keukentafel.nl';
const GP = 'Huisartsenpraktijk De Linde';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const section = () => page.getByRole('region', { name: 'Toestemming en verstrekkingen' });
const focusedClass = () => page.evaluate(() => document.activeElement?.className ?? '');

describe('consent and sharing on the client page', () => {
  it('opens a client of one of her cases and shows the empty register', async () => {
    await login(page, server.baseUrl, WORKER);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Mijn dag/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    const row = page.getByRole('table', { name: /Wat het eerst moet staat bovenaan/ }).getByRole('row').filter({ hasText: 'Lopend' }).first();
    await row.getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    await openCasePart(page, 'Netwerk');
    await page.getByRole('table', { name: 'Personen in dit huishouden' }).getByRole('row').filter({ hasText: 'Hoofdcliënt' }).getByRole('link').click();
    await expect.poll(() => page.url()).toMatch(/\/clienten\/[0-9a-f-]{36}$/);
    await expect.poll(() => section().getByText('Er is nog geen toestemming vastgelegd.').isVisible()).toBe(true);
    await expect.poll(() => section().getByText('Er zijn nog geen gegevens van deze cliënt verstrekt.').isVisible()).toBe(true);
    await checkPage(page, 'leeg');
  });

  it('records a consent, after the form asked for what was missing', async () => {
    await section().getByRole('button', { name: 'Nieuwe toestemming vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Toestemming vastleggen' });
    await form.getByRole('button', { name: 'Toestemming opslaan' }).click();
    await expect.poll(focusedClass).toContain('kt-error-summary');
    await expect.poll(() => form.getByRole('link', { name: 'Vul de naam van de ontvanger in' }).isVisible()).toBe(true);
    await checkPage(page, 'toestemming-fout');

    await form.getByLabel('Soort ontvanger', { exact: true }).selectOption({ label: 'Huisarts of huisartsenpraktijk' });
    await form.getByLabel('Naam ontvanger', { exact: true }).fill(GP);
    await form.getByLabel('Welke gegevens', { exact: true }).fill('Medicatie en de afspraken in het krachtplan over gezondheid');
    await form.getByLabel('Doel', { exact: true }).fill('Afstemmen van de zorg rond de depressie');
    await form.getByRole('radio', { name: 'Schriftelijk' }).check();
    await form.getByRole('button', { name: 'Toestemming opslaan' }).click();

    await expect.poll(() => section().getByRole('status').first().textContent()).toBe(`De toestemming voor ${GP} is vastgelegd.`);
    const consentRow = section().getByRole('table', { name: /^Toestemmingen van / }).getByRole('row').filter({ hasText: GP });
    await expect.poll(() => consentRow.textContent()).toMatch(/Actief/);
    expect(await consentRow.textContent()).toMatch(/Schriftelijk/);
    // Focus went back to the button that opened the form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Nieuwe toestemming vastleggen');
    await checkPage(page, 'toestemming-vastgelegd');
  });

  it('records a disclosure on that consent; without consent the form asks for a reasoning', async () => {
    await section().getByRole('button', { name: 'Nieuwe verstrekking vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Verstrekking vastleggen' });
    await form.getByRole('radio', { name: 'Wettelijke plicht' }).check();
    await form.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
    await expect.poll(focusedClass).toContain('kt-error-summary');
    await expect.poll(() => form.getByRole('link', { name: /^Onderbouw waarom u zonder toestemming/ }).isVisible()).toBe(true);
    await checkPage(page, 'verstrekking-fout');

    await form.getByRole('radio', { name: 'Toestemming van de cliënt' }).check();
    const picker = form.getByLabel('Toestemming', { exact: true });
    const option = (await picker.locator('option').allTextContents()).find((text) => text.startsWith(GP))!;
    expect(option).toMatch(/\(Huisarts of huisartsenpraktijk\), geldig vanaf /);
    await picker.selectOption({ label: option });
    // Choosing the consent fills in the recipient.
    expect(await form.getByLabel('Ontvanger', { exact: true }).inputValue()).toBe(GP);
    await form.getByLabel('Welke gegevens', { exact: true }).fill('Overzicht van de medicatie die mevrouw noemde');
    await form.getByRole('button', { name: 'Verstrekking vastleggen' }).click();

    await expect.poll(() => section().getByRole('status').last().textContent()).toBe(`De verstrekking aan ${GP} is vastgelegd.`);
    const disclosureRow = section().getByRole('table', { name: /^Verstrekkingen van / }).getByRole('row').filter({ hasText: 'Overzicht van de medicatie' });
    await expect.poll(() => disclosureRow.textContent()).toMatch(new RegExp(`Toestemming van de cliënt: toestemming voor ${GP}`));
    expect(await disclosureRow.textContent()).toMatch(/Sanne Verhoeven/);
    expect(await section().getByText('Een verstrekking kan niet worden gewijzigd of verwijderd.', { exact: false }).isVisible()).toBe(true);
    // The box the table scrolls in is named after its caption, so keyboard and screen reader users find it.
    expect(await section().getByRole('region', { name: /^Tabel: Verstrekkingen van / }).getAttribute('tabindex')).toBe('0');
    await checkPage(page, 'verstrekking-vastgelegd');
    await checkPageNarrow(page, 'verstrekking-vastgelegd');
  });

  it('withdraws the consent after a confirmation; it stays listed and no longer carries a disclosure', async () => {
    await section().getByRole('button', { name: `Intrekken: toestemming voor ${GP}` }).click();
    const confirm = page.getByRole('form', { name: `Weet u zeker dat u de toestemming voor ${GP} wilt intrekken?` });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await checkPage(page, 'intrekken-bevestigen');
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Intrekken: toestemming voor ${GP}`);

    await section().getByRole('button', { name: `Intrekken: toestemming voor ${GP}` }).click();
    await confirm.getByLabel('Toelichting bij de intrekking', { exact: true }).fill('Mevrouw belde: zij regelt het voortaan zelf met de huisarts.');
    await confirm.getByRole('button', { name: 'Ja, intrekken' }).click();
    await expect.poll(() => section().getByRole('status').first().textContent()).toBe(`De toestemming voor ${GP} is ingetrokken.`);
    const consentRow = section().getByRole('table', { name: /^Toestemmingen van / }).getByRole('row').filter({ hasText: GP });
    await expect.poll(() => consentRow.textContent()).toMatch(/Ingetrokken.*door Sanne Verhoeven: Mevrouw belde/);
    expect(await consentRow.getByRole('button').count()).toBe(0);

    await section().getByRole('button', { name: 'Nieuwe verstrekking vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Verstrekking vastleggen' });
    await form.getByRole('radio', { name: 'Toestemming van de cliënt' }).check();
    await expect.poll(() => form.getByText('Er is geen toestemming die op deze datum geldt.', { exact: false }).isVisible()).toBe(true);
    await checkPage(page, 'ingetrokken');
  });
});
