// The worker's day in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation): the demo medewerker arranges "Mijn dag" (a block up, one hidden, kept after a
// reload) → opens a running case → adds two people to the network (family close by, a
// professional further away) → the ecogram and the list show them → hands the case to a colleague
// with a note → the history shows the note. axe checks every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

import { DASHBOARD_BLOCK_LABELS, DASHBOARD_BLOCKS } from '../../src/server/modules/worklists/worklists.schemas';
import { launchChromium } from '../support/chromium';
import { artifactDir, checkPage, followMenu, login, openCasePart, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
const LABELS: string[] = DASHBOARD_BLOCKS.map((b) => DASHBOARD_BLOCK_LABELS[b]);

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

/** The block titles as they stand on the page, top to bottom (the count after each title left off). */
async function blockOrder(): Promise<string[]> {
  const texts = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
  return texts.map((t) => t.replace(/\s*\(\d+\)$/, '').trim()).filter((t) => LABELS.includes(t));
}

function layoutSaved() {
  return page.waitForResponse((r) => r.url().endsWith('/api/v1/work/dashboard/layout') && r.request().method() === 'PUT' && r.ok());
}

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe("the worker's day", () => {
  it('shows the blocks of "Mijn dag" in the default order', async () => {
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    await expect.poll(() => page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn dag', exact: true }).click();
    await expect.poll(h1).toMatch(/Mijn dag/);
    await expect.poll(blockOrder).toEqual(LABELS);
    await checkPage(page, 'mijn-dag');
  });

  it('moves a block up and hides one, keeping focus on the control used, and remembers it after a reload', async () => {
    const moved = LABELS[2]!;
    let saved = layoutSaved();
    await page.getByRole('button', { name: `Omhoog: ${moved}` }).click();
    await saved;
    await expect.poll(blockOrder).toEqual([LABELS[0], moved, LABELS[1], ...LABELS.slice(3)]);
    expect(await focusedId()).toBe(`blok-${DASHBOARD_BLOCKS[2]}-omhoog`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'staat nu op plaats 2' }).count()).toBe(1);

    // Keyboard: the same button, pressed with Enter, moves it to the top; focus stays on it.
    saved = layoutSaved();
    await page.keyboard.press('Enter');
    await saved;
    await expect.poll(blockOrder).toEqual([moved, LABELS[0], LABELS[1], ...LABELS.slice(3)]);
    expect(await focusedId()).toBe(`blok-${DASHBOARD_BLOCKS[2]}-omhoog`);

    const hidden = LABELS[5]!;
    saved = layoutSaved();
    // Checking moves the block to the hidden list at the bottom; focus follows to its checkbox there.
    await page.getByRole('checkbox', { name: `Verbergen: ${hidden}` }).click();
    await saved;
    expect(await focusedId()).toBe(`blok-${DASHBOARD_BLOCKS[5]}-verbergen`);
    await expect.poll(blockOrder).toEqual([moved, LABELS[0], LABELS[1], LABELS[3], LABELS[4], ...LABELS.slice(6)]);
    expect(await page.getByRole('list', { name: 'Verborgen blokken' }).getByRole('checkbox', { name: `Verbergen: ${hidden}` }).isChecked()).toBe(true);
    await checkPage(page, 'mijn-dag-ingedeeld');

    await page.reload();
    await expect.poll(h1).toMatch(/Mijn dag/);
    await expect.poll(blockOrder).toEqual([moved, LABELS[0], LABELS[1], LABELS[3], LABELS[4], ...LABELS.slice(6)]);
    expect(await page.getByRole('list', { name: 'Verborgen blokken' }).getByRole('checkbox', { name: `Verbergen: ${hidden}` }).isChecked()).toBe(true);
    await checkPage(page, 'mijn-dag-herladen');
  });

  it('opens one of her running cases', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk', exact: true }).click();
    await expect.poll(h1).toMatch(/Mijn werk/);
    const row = page.getByRole('table', { name: /Wat het eerst moet staat bovenaan/ }).getByRole('row').filter({ hasText: 'Lopend' }).first();
    await row.getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    await openCasePart(page, 'Netwerk');
    await expect.poll(() => page.getByRole('heading', { name: 'Netwerk rond het huishouden', level: 2 }).isVisible()).toBe(true);
    await checkPage(page, 'casus');
  });

  it('adds two people to the network: the ecogram and the list show them', async () => {
    await page.getByRole('button', { name: 'Iemand toevoegen aan het netwerk' }).click();
    const form = page.getByRole('form', { name: 'Iemand toevoegen aan het netwerk' });
    // An empty form: the error summary takes focus and links to the fields.
    await form.getByRole('button', { name: 'Toevoegen aan netwerk' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/Controleer de invoer/);
    await expect.poll(() => form.getByRole('link', { name: 'Vul een naam in' }).isVisible()).toBe(true);
    await checkPage(page, 'netwerk-fouten');

    await form.getByLabel('Naam', { exact: true }).fill('Samira Bakker');
    await form.getByLabel('Wie is dit', { exact: true }).selectOption({ label: 'Familie' });
    await form.getByLabel('Relatie', { exact: true }).fill('dochter');
    await form.getByLabel('Wat doet deze persoon nu', { exact: true }).fill('Komt elke zondag eten brengen.');
    await form.getByLabel('Wat zou deze persoon kunnen doen', { exact: true }).fill('Samen de post openen.');
    await form.getByLabel('Telefoonnummer', { exact: true }).fill('06-12345678');
    await form.getByRole('radiogroup', { name: 'Hoe dichtbij' }).getByLabel('1 – Dichtbij').check();
    await form.getByRole('button', { name: 'Toevoegen aan netwerk' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Samira Bakker/, level: 4 }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Iemand toevoegen aan het netwerk' }).click();
    await form.getByLabel('Naam', { exact: true }).fill('Dr. Jansen');
    await form.getByLabel('Wie is dit', { exact: true }).selectOption({ label: 'Professional' });
    await form.getByLabel('Relatie', { exact: true }).fill('huisarts');
    await form.getByLabel('Wat doet deze persoon nu', { exact: true }).fill('Medicatie en verwijzingen.');
    await form.getByLabel('E-mailadres', { exact: true }).fill('praktijk@example.nl');
    await form.getByRole('radiogroup', { name: 'Hoe dichtbij' }).getByLabel('3 – Verder weg').check();
    await form.getByRole('button', { name: 'Toevoegen aan netwerk' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Dr\. Jansen/, level: 4 }).isVisible()).toBe(true);
    // Focus goes back to the button that opened the form; a status message says who was added.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Iemand toevoegen aan het netwerk');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Dr. Jansen staat in het netwerk.' }).isVisible()).toBe(true);

    const ecogram = page.getByRole('img', { name: /^Ecogram/ });
    const label = (await ecogram.getAttribute('aria-label')) ?? '';
    expect(label).toContain('Dichtbij: Samira Bakker (dochter, familie)');
    expect(label).toContain('Ertussenin: niemand');
    expect(label).toContain('Verder weg: Dr. Jansen (huisarts, professional)');
    // The groups differ by shape: a circle for the own network, a diamond for professionals.
    expect(await ecogram.locator('circle.kt-ecogram__shape--eigen').count()).toBe(1);
    expect(await ecogram.locator('polygon.kt-ecogram__shape--professioneel').count()).toBe(1);
    expect(await ecogram.locator('text', { hasText: 'Samira Bakker' }).count()).toBe(1);
    await ecogram.screenshot({ path: path.join(artifactDir(), 'ecogram.png') });

    const own = page.getByRole('region', { name: 'Eigen netwerk (1)' });
    await expect.poll(() => own.getByText('Samen de post openen.').isVisible()).toBe(true);
    const professional = page.getByRole('region', { name: 'Professioneel (1)' });
    await expect.poll(() => professional.getByRole('link', { name: 'praktijk@example.nl' }).isVisible()).toBe(true);
    await checkPage(page, 'netwerk');
  });

  it('removes someone only after a confirmation, and says so when someone else changed them meanwhile', async () => {
    // Someone else (here: a second tab) changes Dr. Jansen while this page still has the old version.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByRole('button', { name: 'Wijzigen: Dr. Jansen' }).click();
    const edit = other.getByRole('form', { name: 'Bewerken: Dr. Jansen' });
    await edit.getByLabel('Wat zou deze persoon kunnen doen', { exact: true }).fill('Een verwijzing naar de POH-GGZ.');
    await edit.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await expect.poll(() => other.getByText('Een verwijzing naar de POH-GGZ.').isVisible()).toBe(true);
    await other.close();

    await page.getByRole('button', { name: 'Verwijderen: Dr. Jansen' }).click();
    const confirm = page.getByRole('group', { name: /Dr\. Jansen uit het netwerk wilt verwijderen/ });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await checkPage(page, 'netwerk-verwijderen');
    await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect.poll(() => confirm.getByText('Gegevens zijn intussen gewijzigd').isVisible()).toBe(true);
    await checkPage(page, 'netwerk-conflict');
    await confirm.getByRole('button', { name: 'Nieuwste gegevens laden' }).click();
    await expect.poll(() => page.getByText('Een verwijzing naar de POH-GGZ.').isVisible()).toBe(true);
    // Not removed after all: back, and Dr. Jansen stays in the network.
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Dr\. Jansen/, level: 4 }).isVisible()).toBe(true);
  });

  it('hands the case to a colleague with a note, which the history shows', async () => {
    const note = 'Mevrouw wil liever een vaste contactpersoon op dinsdag; dochter Samira helpt met de post.';
    await openCasePart(page, 'Overzicht');
    await page.getByRole('button', { name: 'Overdragen', exact: true }).click();
    const form = page.getByRole('form', { name: 'Casus overdragen' });
    expect(await form.getByRole('radio', { name: 'Aan een collega in het team' }).isChecked()).toBe(true);
    await form.getByLabel('Overdrachtsnotitie', { exact: true }).fill('kort');
    await form.getByRole('button', { name: 'Overdragen…' }).click();
    await expect.poll(() => form.getByRole('link', { name: /minstens 10 tekens/ }).isVisible()).toBe(true);
    await expect.poll(() => form.getByRole('link', { name: 'Kies een collega of een ander team' }).isVisible()).toBe(true);

    const colleague = form.getByLabel('Collega', { exact: true });
    await expect.poll(() => colleague.locator('option').count()).toBeGreaterThan(1);
    await colleague.selectOption({ index: 1 });
    const name = (await colleague.locator('option:checked').textContent())!.trim();
    await form.getByLabel('Overdrachtsnotitie', { exact: true }).fill(note);
    await form.getByRole('button', { name: 'Overdragen…' }).click();
    const confirm = page.getByRole('group', { name: 'Overdracht bevestigen' });
    await expect.poll(() => confirm.getByText(name).isVisible()).toBe(true);
    await checkPage(page, 'overdragen-bevestigen');
    await confirm.getByRole('button', { name: 'Ja, overdragen' }).click();

    await expect.poll(() => page.getByRole('status').filter({ hasText: `De casus is overgedragen aan ${name}` }).isVisible()).toBe(true);
    const facts = page.getByRole('main').locator('.kt-datalist').first();
    await expect.poll(() => facts.getByText(name).isVisible()).toBe(true);
    await openCasePart(page, 'Geschiedenis');
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await expect.poll(() => history.getByText(note).isVisible()).toBe(true);
    await checkPage(page, 'overgedragen');
  });
});

describe('on a phone-sized screen', () => {
  it('keeps the case page with its ecogram and Mijn dag usable, without sideways scrolling', async () => {
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 800 });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    await page.reload();
    await openCasePart(page, 'Netwerk');
    const ecogram = page.getByRole('img', { name: /^Ecogram/ });
    await expect.poll(() => ecogram.isVisible()).toBe(true);
    await ecogram.screenshot({ path: path.join(artifactDir(), 'ecogram-smal.png') });
    expect(await fits()).toBe(true);
    await checkPage(page, 'casus-smal');
    // On a phone the menu sits behind the Menu button.
    await followMenu(page, 'Mijn dag');
    await expect.poll(h1).toMatch(/Mijn dag/);
    expect(await fits()).toBe(true);
    await checkPage(page, 'mijn-dag-smal');
    if (wide) await page.setViewportSize(wide);
  });
});

describe('a case handed to another team', () => {
  it('is out of sight afterwards: the confirmation says where it went and leads back to Mijn werk', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk', exact: true }).click();
    await expect.poll(h1).toMatch(/Mijn werk/);
    const row = page.getByRole('table', { name: /Wat het eerst moet staat bovenaan/ }).getByRole('row').filter({ hasText: 'Lopend' }).first();
    const client = (await row.getByRole('link').first().textContent())!.trim();
    await row.getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();

    await page.getByRole('button', { name: 'Overdragen', exact: true }).click();
    const form = page.getByRole('form', { name: 'Casus overdragen' });
    await form.getByRole('radio', { name: 'Aan een ander buurtteam' }).check();
    await form.getByLabel('Buurtteam', { exact: true }).selectOption({ label: 'Buurtteam Zuilen' });
    await form.getByLabel('Overdrachtsnotitie', { exact: true }).fill('Cliënt is verhuisd naar Zuilen; graag binnen een week kennismaken.');
    await form.getByRole('button', { name: 'Overdragen…' }).click();
    const confirm = page.getByRole('group', { name: 'Overdracht bevestigen' });
    await expect.poll(() => confirm.getByText('ziet u de casus niet meer').isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Ja, overdragen' }).click();

    await expect.poll(h1).toMatch(/Casus overgedragen/);
    await expect.poll(() => page.getByRole('main').textContent()).toContain(`De casus van ${client} is overgedragen aan Buurtteam Zuilen.`);
    await checkPage(page, 'overgedragen-ander-team');
    await page.getByRole('link', { name: 'Terug naar Mijn werk' }).click();
    await expect.poll(h1).toMatch(/Mijn werk/);
    await page.goto(caseUrl);
    await expect.poll(() => page.getByText('Deze gegevens bestaan niet (meer)').isVisible()).toBe(true);
  });
});
