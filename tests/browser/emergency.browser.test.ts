// Break the glass in a real browser, on the demo organisation: a Zuilen worker finds a client of
// another team by last name and birth date, states a reason, reads the file, the case and its
// krachtplan (with the notice, and no way to change anything: the server's mayWrite), and kwaliteit
// reviews the access. axe checks every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { checkPage, followMenu, login, logout, openCasePart, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
let target: { id: string; firstName: string; lastName: string; birthDate: string; caseId: string };

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

describe('break the glass', () => {
  it('a client of another team is not found by the Zuilen worker', async () => {
    // Pick a client of the first demo worker's team (Overvecht), through that worker's own session.
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    target = await page.evaluate(async () => {
      const mine = (await (await fetch('/api/v1/work/mine')).json()) as { cases: { id: string; status: string; mainClient: { id: string } | null }[] };
      // An open case: a closed one would hide the plan editor for its own team too.
      const chosen = mine.cases.find((c) => c.mainClient && c.status !== 'closed')!;
      const client = (await (await fetch(`/api/v1/clients/${chosen.mainClient!.id}`)).json()) as { id: string; firstName: string; lastName: string; birthDate: string };
      return { ...client, caseId: chosen.id };
    });
    expect(target.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await logout(page);

    await login(page, server.baseUrl, 'medewerker.zuilen@demo.keukentafel.nl');
    await page.goto(`${server.baseUrl}/clienten/${target.id}`);
    await expect.poll(() => page.getByText('Deze gegevens bestaan niet (meer), of u heeft er geen toegang toe.').isVisible()).toBe(true);
  });

  it('finds the person by last name and birth date and opens the file after a reason', async () => {
    await followMenu(page, 'Noodtoegang');
    await expect.poll(h1).toBe('Noodtoegang');
    await checkPage(page, 'noodtoegang');
    const search = page.getByRole('form', { name: 'Persoon zoeken voor noodtoegang' });
    await search.getByLabel('Achternaam').fill(target.lastName);
    await search.getByLabel('Geboortedatum').fill(target.birthDate);
    await search.getByRole('button', { name: 'Zoeken' }).click();
    const name = `${target.firstName} ${target.lastName}`;
    await page.getByRole('button', { name: `Noodtoegang vragen voor ${name}` }).click();

    const reasonForm = page.getByRole('form', { name: 'Reden voor noodtoegang' });
    await reasonForm.getByRole('button', { name: 'Dossier openen met noodtoegang' }).click();
    await expect.poll(() => page.getByRole('link', { name: /Beschrijf de reden/ }).isVisible()).toBe(true);
    await checkPage(page, 'noodtoegang-reden-fout');
    await reasonForm.getByLabel('Waarom heeft u dit dossier nu nodig').fill('Crisismelding van de politie in het weekend; de vaste medewerker is niet bereikbaar.');
    await reasonForm.getByRole('button', { name: 'Dossier openen met noodtoegang' }).click();

    await expect.poll(h1).toBe(name);
    await expect.poll(() => page.getByText(/U bekijkt dit dossier buiten uw team tot/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Gegevens wijzigen' }).count()).toBe(0);
    await checkPage(page, 'client-met-noodtoegang');
  });

  it('reads the case and its krachtplan without any way to change them', async () => {
    // The Zuilen worker holds cases:write in her own team; the case of another team is read only.
    await page.goto(`${server.baseUrl}/casussen/${target.caseId}`);
    await expect.poll(h1).toMatch(/^Casus/);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.getByRole('heading', { name: 'Overzicht', level: 2 }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Wat wilt u doen?' }).count()).toBe(0);
    // No action in the header, and none in any part of the page.
    expect(await page.getByRole('list', { name: 'Acties voor deze casus' }).count()).toBe(0);
    const writes = ['Afsluiten', 'Overdragen', 'Regisseur wijzigen', 'Heropenen', 'Nieuwe journaalregel', 'Huishoudlid toevoegen…', 'Iemand toevoegen aan het netwerk', 'Meting toevoegen', 'ZRM-meting toevoegen', 'Nieuwe aanvraag…', 'Nieuw document'];
    for (const part of ['Overzicht', 'Journaal', 'Krachtplan', 'ZRM', 'Netwerk', 'Voorzieningen', 'Documenten', 'Geschiedenis']) {
      await openCasePart(page, part);
      await page.waitForLoadState('networkidle');
      for (const button of writes) expect(await page.getByRole('button', { name: button, exact: true }).count(), `${part}: ${button}`).toBe(0);
      expect(await page.getByRole('form').count(), part).toBe(0);
    }
    expect(await page.getByRole('heading', { name: 'Geschiedenis', level: 2 }).isVisible()).toBe(true);

    await page.goto(`${server.baseUrl}/casussen/${target.caseId}/plan`);
    await expect.poll(h1).toMatch(/^Krachtplan/);
    await expect.poll(() => page.getByText(/U kunt dit krachtplan niet wijzigen/).isVisible()).toBe(true);
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Bewerken|Nieuwe afspraak|Leefgebied toevoegen|Akkoord van de cliënt vastleggen)/ }).count()).toBe(0);
    await checkPage(page, 'krachtplan-met-noodtoegang');
    await logout(page);
  });

  it('kwaliteit sees the access with its reason and records the review', async () => {
    await login(page, server.baseUrl, 'kwaliteit@demo.keukentafel.nl');
    await nav().getByRole('link', { name: 'Toegang beoordelen', exact: true }).click();
    await expect.poll(h1).toBe('Toegang beoordelen');
    await expect.poll(() => page.getByText('Crisismelding van de politie in het weekend; de vaste medewerker is niet bereikbaar.').isVisible()).toBe(true);
    await checkPage(page, 'noodtoegang-beoordelen');
    const form = page.getByRole('form', { name: /Beoordeling van de noodtoegang van/ });
    await form.getByRole('radio', { name: /Terecht/ }).check();
    await form.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await expect.poll(() => page.getByText('Er is geen noodtoegang die nog beoordeeld moet worden.').isVisible()).toBe(true);
    await page.getByLabel('Toon').selectOption('beoordeeld');
    await expect.poll(() => page.getByRole('cell', { name: /^Terecht/ }).count()).toBe(1);
  });
});
