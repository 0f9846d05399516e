// The kitchen table in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation): the demo medewerker opens one of her running cases → krachtplan with agreements for
// the client, a network member and the team → the client's agreement → nulmeting, doel and a later
// periodic ZRM → the chart on the case and the client page → the print view → two people saving
// the same plan: the second gets the conflict with the other's change. axe checks every page.
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';

import path from 'node:path';
import { launchChromium } from '../support/chromium';
import { artifactDir, checkPage, login, newPage, type RunningServer, startServer, openCasePart } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
let caseUrl = '';
const today = todayInNetherlands();
const WORKER = 'medewerker@demo.keukentafel.nl';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function loginToMyWork(p: Page, email: string) {
  await login(p, server.baseUrl, email);
  await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toMatch(/Mijn dag/);
  await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
  await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toMatch(/Mijn werk/);
}

const h1 = (p: Page) => p.getByRole('heading', { level: 1 }).textContent();

describe('a krachtplan and ZRM at the kitchen table', () => {
  it('opens one of her running cases from "Mijn werk"', async () => {
    await loginToMyWork(page, WORKER);
    const row = page.getByRole('table', { name: /Wat het eerst moet staat bovenaan/ }).getByRole('row').filter({ hasText: 'Lopend' }).first();
    await row.getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await checkPage(page, 'casus');
    await openCasePart(page, 'ZRM');
    await expect.poll(() => page.getByRole('heading', { name: 'Zelfredzaamheid (ZRM)', level: 2 }).isVisible()).toBe(true);
    await openCasePart(page, 'Krachtplan');
    await expect.poll(() => page.getByRole('heading', { name: 'Krachtplan', level: 2 }).isVisible()).toBe(true);
  });

  it('makes a krachtplan: Financiën with agreements for the client, the network and the team', async () => {
    await page.getByRole('link', { name: 'Krachtplan openen' }).click();
    await expect.poll(() => h1(page)).toMatch(/^Krachtplan/);
    await checkPage(page, 'krachtplan-leeg');

    await page.getByLabel('Leefgebied toevoegen', { exact: true }).selectOption({ label: 'Financiën' });
    await page.getByRole('button', { name: 'Leefgebied toevoegen' }).click();
    const domain = page.getByRole('region', { name: 'Financiën', exact: true });
    await domain.getByLabel('Situatie in de woorden van de cliënt', { exact: true }).fill('Ik maak de post niet meer open sinds mijn vrouw er niet meer is.');
    await domain.getByLabel('Wat gaat goed (krachten)', { exact: true }).fill('Mijn dochter Samira wil helpen. Ik heb een vast inkomen.');
    await domain.getByLabel('Doel', { exact: true }).fill('Ik weet wat ik moet betalen en heb geen nieuwe schulden.');

    // Kitchen-table order: the client first, then the network, and only then the team.
    const owners = await domain.getByRole('button', { name: /^Afspraak voor/ }).allTextContents();
    expect(owners[0]).toMatch(/cliënt zelf/);
    expect(owners.at(-1)).toMatch(/buurtteam/);

    await domain.getByRole('button', { name: 'Afspraak voor de cliënt zelf bij Financiën' }).click();
    const first = domain.getByRole('group', { name: 'Financiën: afspraak 1' });
    // The new agreement's first field has focus; saving it empty gives the error summary.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-domains-0-agreements-0-what');
    await page.getByRole('button', { name: 'Krachtplan opslaan' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('kt-error-summary'))).toBe(true);
    await page.getByRole('link', { name: 'Financiën, afspraak 1: Beschrijf de afspraak' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-domains-0-agreements-0-what');
    await checkPage(page, 'krachtplan-fout');
    await first.getByLabel('Afspraak', { exact: true }).fill('Elke maandag de post openen en in de map doen.');
    await first.getByLabel('Wanneer klaar', { exact: true }).fill(addDays(today, 14));
    expect(await first.getByLabel('Wie', { exact: true }).inputValue()).toBe('client');

    await domain.getByRole('button', { name: 'Afspraak voor het netwerk bij Financiën' }).click();
    const second = domain.getByRole('group', { name: 'Financiën: afspraak 2' });
    await second.getByLabel('Afspraak', { exact: true }).fill('Samen met vader de rekeningen doorlopen.');
    await second.getByLabel('Naam', { exact: true }).fill('dochter Samira');
    expect(await second.getByLabel('Wie', { exact: true }).inputValue()).toBe('network');

    await domain.getByRole('button', { name: 'Afspraak voor het buurtteam bij Financiën' }).click();
    const third = domain.getByRole('group', { name: 'Financiën: afspraak 3' });
    await third.getByLabel('Afspraak', { exact: true }).fill('Aanmelden bij de thuisadministratie van Humanitas.');
    await third.getByLabel('Naam', { exact: true }).fill('Sanne Verhoeven');
    expect(await third.getByLabel('Wie', { exact: true }).inputValue()).toBe('team');

    await page.getByLabel('Wederkerigheid: wat geeft de cliënt terug?', { exact: true }).fill('Helpt de buurman met zijn tuin.');
    await page.getByLabel('Trede bij de start', { exact: true }).selectOption('1');
    await page.getByLabel('Trede nu', { exact: true }).selectOption('2');
    await page.getByLabel('Verwachte einddatum van de ondersteuning', { exact: true }).fill(addDays(today, 120));
    await page.getByLabel('Evaluatiedatum', { exact: true }).fill(addDays(today, 60));
    await page.getByLabel('Signalen dat het misgaat', { exact: true }).fill('Post blijft weer liggen, neemt de telefoon niet op.');
    await page.getByLabel('Wat doet de cliënt dan', { exact: true }).fill('Belt zijn dochter.');
    await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    const contact = page.getByRole('group', { name: 'Contactpersoon 1' });
    await contact.getByLabel('Naam', { exact: true }).fill('Samira');
    await contact.getByLabel('Rol', { exact: true }).fill('dochter');
    await contact.getByLabel('Telefoon', { exact: true }).fill('06-12345678');
    await checkPage(page, 'krachtplan-ingevuld');

    await page.getByRole('button', { name: 'Krachtplan opslaan' }).click();
    await expect.poll(() => page.getByText('Het krachtplan is opgeslagen als versie 1.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('list', { name: /Versies van het krachtplan/ }).textContent()).toMatch(/Versie 1 — .* door Sanne Verhoeven — nog geen akkoord/);
  });

  it('records the client\'s agreement with version 1', async () => {
    const form = page.getByRole('form', { name: 'Akkoord van de cliënt vastleggen' });
    await form.getByLabel('Datum akkoord', { exact: true }).fill(today);
    await form.getByRole('radiogroup', { name: 'Hoe gaf de cliënt akkoord?' }).getByLabel('Mondeling, in het gesprek').check();
    await form.getByRole('button', { name: 'Akkoord vastleggen' }).click();
    const [y, m, d] = today.split('-');
    await expect.poll(() => page.getByRole('list', { name: /Versies van het krachtplan/ }).textContent()).toContain(`akkoord ${d}-${m}-${y} mondeling`);
    await checkPage(page, 'krachtplan-akkoord');
  });

  it('shows the plan on the case page and records a nulmeting, a goal and a later periodic ZRM', async () => {
    await page.getByRole('link', { name: 'Terug naar de casus' }).click();
    await expect.poll(() => page.url()).toBe(caseUrl);
    await openCasePart(page, 'Krachtplan');
    const plan = page.getByRole('region', { name: 'Krachtplan', exact: true });
    await expect.poll(() => plan.textContent()).toMatch(/Akkoord \d\d-\d\d-\d{4} mondeling/);

    await openCasePart(page, 'ZRM');
    const form = page.getByRole('form', { name: 'ZRM-meting toevoegen' });
    // The form opens on "Meting toevoegen" (or is open already when a measurement is due soon); it closes after saving.
    const openForm = async () => {
      const toggle = page.getByRole('button', { name: 'Meting toevoegen', exact: true });
      await expect.poll(() => toggle.isVisible()).toBe(true);
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      await expect.poll(() => form.isVisible()).toBe(true);
    };
    const record = async (date: string, type: string, scores: Record<string, string>, saved: string) => {
      await openForm();
      await form.getByLabel('Datum meting', { exact: true }).fill(date);
      await form.getByLabel('Soort meting', { exact: true }).selectOption({ label: type });
      for (const [domain, score] of Object.entries(scores)) await form.getByLabel(domain, { exact: true }).selectOption(score);
      await form.getByRole('button', { name: 'ZRM-meting toevoegen' }).click();
      await expect.poll(() => page.getByRole('region', { name: 'Zelfredzaamheid (ZRM)' }).getByRole('status').first().textContent()).toMatch(new RegExp(`^${saved} van .* is opgeslagen`));
      await expect.poll(() => form.count()).toBe(0);
    };
    // Nothing scored: the error summary names it and its link leads to the first domain.
    await openForm();
    await form.getByLabel('Soort meting', { exact: true }).selectOption({ label: 'Nulmeting' });
    await form.getByRole('button', { name: 'ZRM-meting toevoegen' }).click();
    await form.getByRole('link', { name: 'Geef bij minstens één leefgebied een score' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('zrm-scores');
    await checkPage(page, 'zrm-fout');
    await record(addDays(today, -10), 'Nulmeting', { Financiën: '2', Dagbesteding: '3' }, 'De nulmeting');
    await record(addDays(today, -10), 'Doel', { Financiën: '4', Dagbesteding: '4' }, 'Het doel');
    await record(today, 'Periodiek', { Financiën: '3', Dagbesteding: '3' }, 'De periodieke meting');

    const chart = page.getByRole('img', { name: /Lijndiagram van de ZRM-scores/ }).first();
    await expect.poll(() => chart.isVisible()).toBe(true);
    const label = (await chart.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/Financiën: 2 op .*, 3 op .*; doel 4/);
    await chart.screenshot({ path: path.join(artifactDir(), 'zrm-grafiek.png') });
    await expect.poll(() => page.getByRole('table', { name: /^ZRM-scores van .* per leefgebied$/ }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: /ZRM-metingen in deze casus/ }).getByRole('row').count()).toBeGreaterThanOrEqual(4);
    await checkPage(page, 'casus-zrm');
  });

  it('shows the chart on the client page', async () => {
    await openCasePart(page, 'Netwerk');
    await page.getByRole('table', { name: 'Personen in dit huishouden' }).getByRole('row').filter({ hasText: 'Hoofdcliënt' }).getByRole('link').click();
    await expect.poll(() => page.url()).toMatch(/\/clienten\/[0-9a-f-]{36}$/);
    const chart = page.getByRole('img', { name: /Lijndiagram van de ZRM-scores/ });
    await expect.poll(() => chart.isVisible()).toBe(true);
    expect(await chart.getAttribute('aria-label')).toMatch(/Financiën: .*3 op .*; doel 4/);
    await checkPage(page, 'client-zrm');
  });

  it('prints the plan in plain Dutch, without navigation', async () => {
    await page.goto(`${caseUrl}/plan`);
    await page.getByRole('link', { name: 'Afdrukversie voor de cliënt' }).click();
    await expect.poll(() => page.url()).toBe(`${caseUrl}/plan/afdrukken`);
    await expect.poll(() => h1(page)).toMatch(/^Krachtplan van /);
    await expect.poll(() => page.getByRole('heading', { name: 'Uw doel' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Ik weet wat ik moet betalen en heb geen nieuwe schulden.').isVisible()).toBe(true);
    for (const heading of ['Wat u zelf doet', 'Wat uw familie of buren doen', 'Wat het buurtteam doet']) {
      expect(await page.getByRole('heading', { name: heading }).isVisible(), heading).toBe(true);
    }
    expect(await page.getByText(/Elke maandag de post openen/).isVisible()).toBe(true);
    expect(await page.getByText(/Samen met vader de rekeningen doorlopen\. \(dochter Samira\)|Samen met vader de rekeningen doorlopen \(dochter Samira\)/).isVisible()).toBe(true);
    expect(await page.getByText(/Uw contactpersoon bij het buurtteam is /).isVisible()).toBe(true);
    expect(await page.getByText(/de hulp stopt op /).isVisible()).toBe(true);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    await checkPage(page, 'krachtplan-afdrukken');
    await page.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    await page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the second saver the other person\'s change, keeping their own text', async () => {
    await page.goto(`${caseUrl}/plan`);
    await expect.poll(() => page.getByRole('button', { name: 'Krachtplan opslaan' }).isVisible()).toBe(true);

    const colleague = await newPage(browser);
    await loginToMyWork(colleague, WORKER);
    await colleague.goto(`${caseUrl}/plan`);
    const theirGoal = colleague.getByRole('region', { name: 'Financiën', exact: true }).getByLabel('Doel', { exact: true });
    await theirGoal.fill('Ik betaal mijn rekeningen zelf op tijd.');
    await colleague.getByRole('button', { name: 'Krachtplan opslaan' }).click();
    await expect.poll(() => colleague.getByText('Het krachtplan is opgeslagen als versie 2.').isVisible()).toBe(true);
    await colleague.context().close();

    await page.getByLabel('Wederkerigheid: wat geeft de cliënt terug?', { exact: true }).fill('Helpt de buurman met zijn tuin en doet boodschappen voor de buurvrouw.');
    await page.getByRole('button', { name: 'Krachtplan opslaan' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Gegevens zijn intussen gewijzigd' }).isVisible()).toBe(true);
    const changes = page.getByRole('list', { name: /^Wijzigingen van / });
    await expect.poll(() => changes.textContent()).toContain('Ik betaal mijn rekeningen zelf op tijd.');
    expect(await changes.textContent()).toContain('Ik weet wat ik moet betalen en heb geen nieuwe schulden.');
    // Nothing overwritten: the own text is still there, and no version 3 was made.
    expect(await page.getByLabel('Wederkerigheid: wat geeft de cliënt terug?', { exact: true }).inputValue()).toMatch(/boodschappen voor de buurvrouw/);
    expect(await page.getByRole('list', { name: /Versies van het krachtplan/ }).textContent()).not.toMatch(/Versie 3/);
    await checkPage(page, 'krachtplan-conflict');

    await page.getByRole('button', { name: 'Nieuwste gegevens laden' }).click();
    const goal = page.getByRole('region', { name: 'Financiën', exact: true }).getByLabel('Doel', { exact: true });
    await expect.poll(() => goal.inputValue()).toBe('Ik betaal mijn rekeningen zelf op tijd.');
    await page.getByRole('button', { name: 'Krachtplan opslaan' }).click();
    await expect.poll(() => page.getByText('Het krachtplan is opgeslagen als versie 3.').isVisible()).toBe(true);
  });

  it('compares two versions', async () => {
    const section = page.getByRole('region', { name: 'Versies vergelijken' });
    await expect.poll(() => section.isVisible()).toBe(true);
    await section.getByLabel('Van versie', { exact: true }).selectOption('1');
    await section.getByLabel('Naar versie', { exact: true }).selectOption('2');
    await expect.poll(() => section.textContent()).toContain('Ik betaal mijn rekeningen zelf op tijd.');
    await checkPage(page, 'krachtplan-vergelijken');
  });

  it('stays accessible on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Krachtplan opslaan' }).isVisible()).toBe(true);
    await checkPage(page, 'krachtplan-smal');
    await page.goto(`${caseUrl}#zrm`);
    const chart = page.getByRole('img', { name: /Lijndiagram van de ZRM-scores/ }).first();
    await expect.poll(() => chart.isVisible()).toBe(true);
    await chart.screenshot({ path: path.join(artifactDir(), 'zrm-grafiek-smal.png') });
    await checkPage(page, 'casus-smal');
    await page.goto(`${caseUrl}/plan/afdrukken`);
    await expect.poll(() => page.getByRole('heading', { name: 'Uw doel' }).isVisible()).toBe(true);
    await checkPage(page, 'krachtplan-afdrukken-smal');
  });
});
