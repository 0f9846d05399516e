// The everyday journey in a real browser, on the server as `npm start` runs it (empty database →
// demo organisation): log in → register a resident → triage → first meeting → journal entry →
// close the case; then the team leader's and the analyst's screens. axe checks every page.
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';

import { TRIAGE_LABELS } from '../../src/server/modules/registrations/triage';
import { launchChromium } from '../support/chromium';
import { type RunningServer, checkPage, checkPageNarrow, login, logout, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const today = todayInNetherlands();

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

describe('a worker takes a resident from registration to a closed case', () => {
  it('refuses a wrong password and logs in', async () => {
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Inloggen/);
    await checkPage(page, 'inloggen');
    await page.getByLabel('E-mailadres', { exact: true }).fill('medewerker@demo.keukentafel.nl');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByText('klopt niet').first().isVisible()).toBe(true);
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    // A worker starts the day on "Mijn dag"; "Mijn werk" lists all her open cases.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Mijn dag/);
    await checkPage(page, 'mijn-dag');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Mijn werk/);
    await checkPage(page, 'mijn-werk');
  });

  it('registers a resident after the duplicate check', async () => {
    await page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    await page.getByLabel('Voornaam', { exact: true }).fill('Mohamed');
    await page.getByLabel('Achternaam', { exact: true }).fill('Testbewoner');
    // A name alone cannot be checked: the check says so instead of "nothing found".
    await page.getByRole('button', { name: 'Controleer op dubbele inschrijving' }).click();
    await expect.poll(() => page.getByText(/^Nog niet gecontroleerd op dubbele inschrijving\. Vul een geldig BSN in/).isVisible()).toBe(true);
    await page.getByLabel('Geboortedatum', { exact: true }).fill('1964-03-15');
    await page.getByLabel('BSN', { exact: true }).fill('999990482');
    await page.getByLabel('Straat', { exact: true }).fill('Gagelrode');
    await page.getByLabel('Huisnummer', { exact: true }).fill('7');
    await page.getByLabel('Postcode', { exact: true }).fill('3564 bd');
    await page.getByLabel('Woonplaats', { exact: true }).fill('Utrecht');
    await page.getByLabel('Telefoonnummer', { exact: true }).fill('06-11223344');
    await page.getByRole('button', { name: 'Controleer op dubbele inschrijving' }).click();
    await expect.poll(() => page.getByText('Geen mogelijke dubbele inschrijving gevonden, op BSN en op naam. U kunt de gegevens als nieuwe cliënt opslaan.').isVisible()).toBe(true);
    await page.getByLabel('Melder', { exact: true }).selectOption({ label: 'Huisarts' });
    await page.getByLabel('Datum aanmelding', { exact: true }).fill(addDays(today, -2));
    await page.getByLabel('Vraag van de bewoner', { exact: true }).fill('Mijn vrouw is overleden en ik red het niet met de administratie en het huishouden.');
    await checkPage(page, 'nieuwe-aanmelding');
    await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await expect.poll(() => page.url()).toMatch(/\/aanmeldingen\/[0-9a-f-]{36}$/);
  });

  it('triages to generalist support, which opens the case', async () => {
    await page.getByLabel(TRIAGE_LABELS.generalist, { exact: true }).check();
    await checkPage(page, 'triage');
    await page.getByRole('button', { name: 'Triage opslaan' }).click();
    await expect.poll(() => page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Testbewoner/);
    await expect.poll(() => page.getByText('Aangemeld', { exact: true }).first().isVisible()).toBe(true);
    await checkPage(page, 'casus-aangemeld');
  });

  it('records the first meeting and starts support', async () => {
    await page.getByLabel('Datum kennismaking', { exact: true }).fill(addDays(today, -1));
    await page.getByRole('radio', { name: 'Thuis' }).check();
    await page.getByRole('button', { name: 'Kennismaking vastleggen' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Ondersteuning starten' }).isVisible()).toBe(true);
    await checkPage(page, 'casus-kennismaking');
    await page.getByRole('button', { name: 'Ondersteuning starten' }).click();
    await expect.poll(() => page.getByText('Lopend', { exact: true }).first().isVisible()).toBe(true);
  });

  it('adds a journal entry', async () => {
    // The header's action opens the journal part with the form.
    await page.getByRole('button', { name: 'Nieuwe journaalregel' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe journaalregel' });
    await form.getByLabel('Datum contact', { exact: true }).fill(today);
    await form.getByLabel('Soort contact', { exact: true }).selectOption({ label: 'Huisbezoek' });
    await form.getByLabel('Minuten', { exact: true }).fill('45');
    await form.getByLabel('Notitie', { exact: true }).fill('Aan de keukentafel het krachtplan besproken; dochter helpt met de post.');
    await page.getByRole('button', { name: 'Journaalregel opslaan' }).click();
    await expect.poll(() => page.getByText('dochter helpt met de post').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^De journaalregel van .* is opgeslagen\.$/ }).count()).toBe(1);
    await checkPage(page, 'journaal');
  });

  it('closes the case with reasons, outcomes, mark and the client\'s answer', async () => {
    await page.getByRole('navigation', { name: 'Onderdelen van de casus' }).getByRole('link', { name: 'Overzicht' }).click();
    await page.getByRole('button', { name: 'Afsluiten', exact: true }).click();
    const form = page.getByRole('form', { name: 'Casus afsluiten' });
    await form.getByLabel('Datum afsluiting', { exact: true }).fill(today);
    await form.getByRole('group', { name: 'Reden van afsluiten' }).getByLabel('Beëindigd volgens plan').check();
    await form.getByRole('group', { name: 'Wat draagt de cliënt verder' }).getByLabel('Eigen netwerk').check();
    await form.getByLabel('Rapportcijfer', { exact: true }).selectOption('8');
    await form.getByRole('radiogroup', { name: 'Kunt u zelf verder?' }).getByLabel('Ja', { exact: true }).check();
    await checkPage(page, 'afsluiten');
    await form.getByRole('button', { name: 'Casus afsluiten' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Heropenen' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Afgesloten', { exact: true }).first().isVisible()).toBe(true);
    await checkPage(page, 'casus-afgesloten');
  });

  it('finds the client by name, with the BSN masked in the list', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten', exact: true }).click();
    await page.getByLabel('Zoek cliënt', { exact: true }).fill('testbewoner');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.getByText('*****0482').isVisible()).toBe(true);
    expect(await page.getByText('999990482').count()).toBe(0);
    expect(page.url()).not.toContain('testbewoner');
    await checkPage(page, 'clienten-zoeken');
    await logout(page);
  });
});

describe('the team leader and the analyst', () => {
  it('shows the team leader the team\'s waiting times and caseload', async () => {
    await login(page, server.baseUrl, 'teamleider@demo.keukentafel.nl');
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Open casussen per medewerker' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Wettelijke termijnen maatwerk', level: 2 }).isVisible()).toBe(true);
    await checkPage(page, 'team');
    await checkPageNarrow(page, 'team');
    await logout(page);
  });

  it('shows the analyst figures per team and no client data', async () => {
    await login(page, server.baseUrl, 'analist@demo.keukentafel.nl');
    await expect.poll(() => page.getByRole('table', { name: 'Cijfers per team' }).isVisible()).toBe(true);
    // No way to a client: no menu link, no search box in the header.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents()).toEqual(['Cijfers per team', 'Jaarverslag', 'ZRM-voortgang', 'Uitstroom']);
    expect(await page.getByRole('combobox', { name: 'Zoek cliënt of casus' }).count()).toBe(0);
    await checkPage(page, 'cijfers');
  });
});
