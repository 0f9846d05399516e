// The quality registers in a real browser, on the demo organisation: the demo medewerker files an
// aggression incident and gets a confirmation (no register); kwaliteit finds it in the register,
// adds a handling step, tries to close it without a lesson (error summary), then closes it with
// the evaluation and the lesson learned. axe checks every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { checkPage, followMenu, login, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const TITLE = 'Uitgescholden bij huisbezoek';

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

const h1 = () => page.getByRole('heading', { level: 1 }).textContent();
const nav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });

describe('the quality registers', () => {
  it('lets a worker file an aggression incident and shows her a confirmation, not the register', async () => {
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    expect(await nav().getByRole('link', { name: 'Kwaliteit', exact: true }).count()).toBe(0);
    await followMenu(page, 'Melding doen');
    await expect.poll(h1).toBe('Melding doen');
    await page.getByLabel('Incident', { exact: true }).check();
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    // Nothing chosen yet: the error summary takes focus and names the missing fields.
    await expect.poll(() => page.getByRole('heading', { name: 'Controleer de invoer' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Kies de soort incident' }).count()).toBe(1);
    await checkPage(page, 'melding-fouten');
    await page.getByLabel('Soort incident', { exact: true }).selectOption({ label: 'Verbale agressie' });
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('Wat is er gebeurd?', { exact: true }).fill('Meneer werd boos over de uitkering en schold mij uit. Ik heb het gesprek beëindigd.');
    expect(await page.getByLabel('Wie doet de melding', { exact: true }).inputValue()).toBe('Sanne Verhoeven');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await expect.poll(h1).toBe('Melding ontvangen');
    await checkPage(page, 'melding-ontvangen');
    await page.goto(`${server.baseUrl}/kwaliteit`);
    await expect.poll(h1).toBe('Geen toegang');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
  });

  it('lets kwaliteit handle it: a step, then closing with the evaluation and the lesson learned', async () => {
    await login(page, server.baseUrl, 'kwaliteit@demo.keukentafel.nl');
    await nav().getByRole('link', { name: 'Kwaliteit', exact: true }).click();
    await expect.poll(h1).toBe('Kwaliteit: klachten, bezwaren en incidenten');
    const table = page.getByRole('table', { name: 'Meldingen, laatst ontvangen eerst' });
    await expect.poll(() => table.isVisible()).toBe(true);
    await checkPage(page, 'kwaliteit-register');
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Klacht' });
    await expect.poll(() => page.getByText('Geen meldingen met deze keuze.').isVisible()).toBe(true);
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Incident' });
    await table.getByRole('link', { name: TITLE }).click();
    await expect.poll(h1).toBe(`Incident: ${TITLE}`);
    await checkPage(page, 'melding');

    await page.getByLabel('Wat is er gedaan', { exact: true }).fill('Gesprek met Sanne over de opvang; brief aan meneer over de huisregels.');
    await page.getByRole('button', { name: 'Stap toevoegen' }).click();
    const steps = page.getByRole('list', { name: 'Stappen, oudste eerst' });
    await expect.poll(() => steps.textContent()).toContain('brief aan meneer over de huisregels');
    expect(await steps.textContent()).toContain('Ingrid van der Linden');

    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Afgehandeld' });
    await page.getByLabel('Evaluatie', { exact: true }).fill('Goed opgepakt: de collega ging niet alleen terug.');
    await page.getByRole('button', { name: 'Melding afhandelen' }).click();
    await expect.poll(() => page.getByRole('link', { name: /Beschrijf de les voor de organisatie/ }).isVisible()).toBe(true);
    await page.getByLabel('Les voor de organisatie', { exact: true }).fill('Bij bekende spanning gaan we met z’n tweeën op huisbezoek.');
    await page.getByRole('button', { name: 'Melding afhandelen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Afhandeling' }).isVisible()).toBe(true);
    expect(await page.getByText('Bij bekende spanning gaan we met z’n tweeën op huisbezoek.').first().isVisible()).toBe(true);
    expect(await page.getByRole('form', { name: 'Stap toevoegen' }).count()).toBe(0);
    await checkPage(page, 'melding-afgehandeld');

    await page.getByRole('link', { name: 'Terug naar de meldingen' }).click();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Afgehandeld' });
    await expect.poll(() => table.getByRole('row', { name: new RegExp(TITLE) }).textContent()).toContain('Afgehandeld');
  });
});
