// Attaching a client of another team (koppelen) in a real browser, on the demo organisation: a
// Zuilen worker registers a person the duplicate check finds at Overvecht (shown without id or birth
// date), attaches them with the BSN and a reason, sees the master data but not Overvecht's case and
// cannot change them; adds another Overvecht client to a Zuilen household the same way; kwaliteit
// judges the attach on Toegang beoordelen, after which the worker can change the master data.
// axe checks every page, also at 390 px wide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { type RunningServer, checkPage, checkPageNarrow, login, logout, startServer } from './support';

interface Person {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  bsn: string | null;
}

let server: RunningServer;
let browser: Browser;
let page: Page;
let registered: Person;
let householdMember: Person;
const REASON = 'Mevrouw woont sinds kort in Zuilen en meldt zich bij ons met een vraag over schulden.';
const HOUSEHOLD_REASON = 'Hij woont sinds deze maand bij het gezin in en hoort bij de hulpvraag.';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const h1 = () => page.getByRole('heading', { level: 1 }).textContent();
const nav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });
const initials = (firstName: string) =>
  firstName
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((p) => `${p[0]!.toUpperCase()}.`)
    .join('');

describe('attaching a client of another team', () => {
  it('picks two Overvecht clients with a BSN, through the Overvecht worker', async () => {
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    const people = await page.evaluate(async () => {
      const mine = (await (await fetch('/api/v1/work/mine')).json()) as { cases: { mainClient: { id: string } | null }[] };
      const found: { id: string; firstName: string; lastName: string; birthDate: string; bsn: string | null }[] = [];
      for (const c of mine.cases) {
        if (!c.mainClient || found.some((p) => p.id === c.mainClient!.id)) continue;
        const client = await (await fetch(`/api/v1/clients/${c.mainClient.id}`)).json();
        if (client.bsn && client.birthDate) found.push(client);
        if (found.length === 2) break;
      }
      return found;
    });
    expect(people).toHaveLength(2);
    [registered, householdMember] = people as [Person, Person];
    await logout(page);
  });

  it('shows the Overvecht client to the Zuilen worker only as initials, last name and birth year, and attaches with the BSN and a reason', async () => {
    await login(page, server.baseUrl, 'medewerker.zuilen@demo.keukentafel.nl');
    await nav().getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    await expect.poll(h1).toBe('Nieuwe aanmelding');
    await page.getByLabel('Voornaam', { exact: true }).fill(registered.firstName);
    await page.getByLabel('Achternaam', { exact: true }).fill(registered.lastName);
    await page.getByLabel('BSN', { exact: true }).fill(registered.bsn!);
    await page.getByRole('button', { name: 'Controleer op dubbele inschrijving' }).click();
    const elsewhere = page.getByRole('table', { name: 'Bekend bij een ander team' });
    const shown = `${initials(registered.firstName)} ${registered.lastName}`;
    await expect.poll(() => elsewhere.getByRole('rowheader', { name: shown }).isVisible()).toBe(true);
    const table = await elsewhere.innerText();
    expect(table).toContain(registered.birthDate.slice(0, 4));
    expect(table).not.toContain(registered.firstName);
    expect(await page.content()).not.toContain(registered.id);
    await checkPage(page, 'dubbel-ander-team');

    await elsewhere.getByRole('button', { name: `Koppelen: ${shown}` }).click();
    await expect.poll(() => page.getByText(/U koppelt/).isVisible()).toBe(true);
    expect(await page.getByLabel('BSN', { exact: true }).inputValue()).toBe(registered.bsn);
    await page.getByLabel('Waarom koppelt u deze persoon aan uw team?').fill('Ze belde ons');
    await page.getByLabel('Melder', { exact: true }).selectOption({ label: 'Zelfmelder' });
    await page.getByLabel('Vraag van de bewoner', { exact: true }).fill('Ik heb schulden en weet niet waar ik moet beginnen.');
    await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await expect.poll(() => page.getByRole('link', { name: /ten minste 20 tekens/ }).isVisible()).toBe(true);
    await checkPage(page, 'koppelen-reden-te-kort');

    await page.getByLabel('Waarom koppelt u deze persoon aan uw team?').fill(REASON);
    await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await expect.poll(h1).toBe('Triage');
  });

  it('opens the master data for reading, not for changing, and not the Overvecht case', async () => {
    await page.goto(`${server.baseUrl}/clienten/${registered.id}`);
    await expect.poll(h1).toBe(`${registered.firstName} ${registered.lastName}`);
    await expect.poll(() => page.getByText(/Uw team heeft deze cliënt gekoppeld/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Gegevens wijzigen' }).count()).toBe(0);
    await expect.poll(() => page.getByText('Deze cliënt heeft (nog) geen casus.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/U ziet de toestemmingen en verstrekkingen die uw team heeft vastgelegd/).isVisible()).toBe(true);
    await checkPage(page, 'gekoppelde-client');
  });

  it('adds another Overvecht client to a Zuilen household through Koppelen, at 390 px wide', async () => {
    const caseId = await page.evaluate(async () => {
      const mine = (await (await fetch('/api/v1/work/mine')).json()) as { cases: { id: string; status: string }[] };
      return mine.cases.find((c) => c.status !== 'closed')!.id;
    });
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    // The household is in the part "Netwerk" of the case page.
    await page.goto(`${server.baseUrl}/casussen/${caseId}#netwerk`);
    await page.getByRole('button', { name: 'Huishoudlid toevoegen…' }).click();
    await page.getByLabel('Een andere persoon (nieuw, of bekend bij een ander team)').check();
    const form = page.getByRole('form', { name: 'Nieuw huishoudlid' });
    await form.getByLabel('Voornaam', { exact: true }).fill(householdMember.firstName);
    await form.getByLabel('Achternaam', { exact: true }).fill(householdMember.lastName);
    await form.getByLabel('BSN', { exact: true }).fill(householdMember.bsn!);
    await form.getByRole('button', { name: 'Controleer op dubbele inschrijving' }).click();
    const shown = `${initials(householdMember.firstName)} ${householdMember.lastName}`;
    await form.getByRole('button', { name: `Koppelen: ${shown}` }).click();
    await form.getByLabel('Waarom koppelt u deze persoon aan uw team?').fill(HOUSEHOLD_REASON);
    await checkPage(page, 'huishouden-koppelen-390');
    await form.getByRole('button', { name: 'Huishoudlid toevoegen' }).click();
    const household = page.getByRole('table', { name: 'Personen in dit huishouden' });
    await expect.poll(() => household.getByText(`${householdMember.firstName} ${householdMember.lastName}`).isVisible()).toBe(true);
    if (wide) await page.setViewportSize(wide);
    await logout(page);
  });

  it('kwaliteit sees both attachments with their reasons, without the client, and judges one justified', async () => {
    await login(page, server.baseUrl, 'kwaliteit@demo.keukentafel.nl');
    await nav().getByRole('link', { name: 'Toegang beoordelen', exact: true }).click();
    await expect.poll(h1).toBe('Toegang beoordelen');
    const attachments = page.getByRole('table', { name: 'Koppelingen, nieuwste eerst' });
    await expect.poll(() => attachments.getByText(REASON).isVisible()).toBe(true);
    await expect.poll(() => attachments.getByText(HOUSEHOLD_REASON).isVisible()).toBe(true);
    expect(await attachments.innerText()).not.toContain(registered.lastName);
    await checkPage(page, 'toegang-beoordelen');
    await checkPageNarrow(page, 'toegang-beoordelen');
    const row = attachments.getByRole('row').filter({ hasText: REASON });
    await row.getByRole('radio', { name: /Terecht/ }).check();
    await row.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await expect.poll(() => attachments.getByText(REASON).count()).toBe(0);
    await page.getByLabel('Toon').selectOption('beoordeeld');
    await expect.poll(() => page.getByRole('table', { name: 'Koppelingen, nieuwste eerst' }).getByRole('cell', { name: /^Terecht/ }).count()).toBe(1);
    await logout(page);
  });

  it('after the judgement the Zuilen worker can change the master data', async () => {
    await login(page, server.baseUrl, 'medewerker.zuilen@demo.keukentafel.nl');
    await page.goto(`${server.baseUrl}/clienten/${registered.id}`);
    await expect.poll(() => page.getByRole('button', { name: 'Gegevens wijzigen' }).isVisible()).toBe(true);
    expect(await page.getByText(/Uw team heeft deze cliënt gekoppeld/).count()).toBe(0);
  });
});
