// The kitchen table in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation): the demo medewerker opens one of her running cases → krachtplan, one part at a
// time, with agreements for the client, a network member and the team → the client's agreement → nulmeting, doel and a later
// periodic ZRM → the chart on the case and the client page → the print view → two people saving
// the same plan: the second gets the conflict with the other's change. axe checks every page.
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { dutchDate } from '../../src/server/lib/dutch-dates';
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
/** The short confirmation after saving a part of the plan. */
const saved = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text }).isVisible();

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

    await page.getByRole('button', { name: 'Leefgebied toevoegen' }).click();
    const add = page.getByRole('form', { name: 'Leefgebied toevoegen' });
    await add.getByLabel('Leefgebied', { exact: true }).selectOption({ label: 'Financiën' });
    await add.getByLabel('Situatie in de woorden van de cliënt', { exact: true }).fill('Ik maak de post niet meer open sinds mijn vrouw er niet meer is.');
    await add.getByLabel('Wat gaat goed (krachten)', { exact: true }).fill('Mijn dochter Samira wil helpen. Ik heb een vast inkomen.');
    await add.getByLabel('Doel', { exact: true }).fill('Ik weet wat ik moet betalen en heb geen nieuwe schulden.');
    await add.getByRole('button', { name: 'Leefgebied opslaan' }).click();
    await expect.poll(() => saved(page, 'Financiën staat in het krachtplan. Dit is nu versie 1 van het krachtplan.')).toBe(true);
    const domain = page.getByRole('region', { name: 'Financiën', exact: true });

    await domain.getByRole('button', { name: 'Nieuwe afspraak bij Financiën' }).click();
    const first = page.getByRole('form', { name: 'Nieuwe afspraak bij Financiën' });
    // Kitchen-table order: the client first, then the network, and only then the team.
    const owners = await first.getByLabel('Wie', { exact: true }).locator('option').allTextContents();
    expect(owners.indexOf('De cliënt zelf')).toBe(1);
    expect(owners.indexOf('Iemand uit het eigen netwerk')).toBeLessThan(owners.indexOf('Het buurtteam'));
    // The new agreement's first field has focus; saving it empty gives the error summary.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-new-agreement-financien-what');
    await first.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('kt-error-summary'))).toBe(true);
    await first.getByRole('link', { name: 'Beschrijf de afspraak' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-new-agreement-financien-what');
    await checkPage(page, 'krachtplan-fout');
    const agree = async (what: string, owner: string, name: string, dueOn: string | null, version: number) => {
      if (!(await page.getByRole('form', { name: 'Nieuwe afspraak bij Financiën' }).count())) await domain.getByRole('button', { name: 'Nieuwe afspraak bij Financiën' }).click();
      const form = page.getByRole('form', { name: 'Nieuwe afspraak bij Financiën' });
      await form.getByLabel('Afspraak', { exact: true }).fill(what);
      await form.getByLabel('Wie', { exact: true }).selectOption(owner);
      if (name) await form.getByLabel('Naam', { exact: true }).fill(name);
      if (dueOn) await form.getByLabel('Wanneer klaar', { exact: true }).fill(dueOn);
      await form.getByRole('button', { name: 'Afspraak opslaan' }).click();
      await expect.poll(() => saved(page, `De afspraak staat bij Financiën. Dit is nu versie ${version} van het krachtplan.`)).toBe(true);
    };
    await agree('Elke maandag de post openen en in de map doen.', 'client', '', addDays(today, 14), 2);
    await agree('Samen met vader de rekeningen doorlopen.', 'network', 'dochter Samira', null, 3);
    await agree('Aanmelden bij de thuisadministratie van Humanitas.', 'team', 'Sanne Verhoeven', null, 4);
    const agreements = await domain.getByRole('list', { name: 'Afspraken' }).getByRole('listitem').allTextContents();
    expect(agreements.map((text) => text.replace(/Wie: .*$/, ''))).toEqual(['Elke maandag de post openen en in de map doen.', 'Samen met vader de rekeningen doorlopen.', 'Aanmelden bij de thuisadministratie van Humanitas.']);
    expect(agreements[1]).toContain('Wie: Iemand uit het eigen netwerk (dochter Samira)');

    await page.getByRole('button', { name: 'Bewerken: meedoen en wederkerigheid' }).click();
    const participation = page.getByRole('form', { name: 'Meedoen en wederkerigheid bewerken' });
    await participation.getByLabel('Wederkerigheid: wat geeft de cliënt terug?', { exact: true }).fill('Helpt de buurman met zijn tuin.');
    await participation.getByLabel('Trede bij de start', { exact: true }).selectOption('1');
    await participation.getByLabel('Trede nu', { exact: true }).selectOption('2');
    await participation.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => saved(page, 'Meedoen en wederkerigheid zijn opgeslagen. Dit is nu versie 5 van het krachtplan.')).toBe(true);

    await page.getByRole('button', { name: 'Bewerken: einde van de ondersteuning' }).click();
    const end = page.getByRole('form', { name: 'Einde en evaluatie bewerken' });
    await end.getByLabel('Verwachte einddatum van de ondersteuning', { exact: true }).fill(addDays(today, 120));
    await end.getByLabel('Evaluatiedatum', { exact: true }).fill(addDays(today, 60));
    await end.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => saved(page, 'De data zijn opgeslagen. Dit is nu versie 6 van het krachtplan.')).toBe(true);

    await page.getByRole('button', { name: 'Bewerken: crisisplan' }).click();
    const crisis = page.getByRole('form', { name: 'Crisisplan bewerken' });
    await crisis.getByLabel('Signalen dat het misgaat', { exact: true }).fill('Post blijft weer liggen, neemt de telefoon niet op.');
    await crisis.getByLabel('Wat doet de cliënt dan', { exact: true }).fill('Belt zijn dochter.');
    await crisis.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    const contact = crisis.getByRole('group', { name: 'Contactpersoon 1' });
    await contact.getByLabel('Naam', { exact: true }).fill('Samira');
    await contact.getByLabel('Rol', { exact: true }).fill('dochter');
    await contact.getByLabel('Telefoon', { exact: true }).fill('06-12345678');
    await checkPage(page, 'krachtplan-crisisplan');
    await crisis.getByRole('button', { name: 'Crisisplan opslaan' }).click();
    await expect.poll(() => saved(page, 'Het crisisplan is opgeslagen. Dit is nu versie 7 van het krachtplan.')).toBe(true);
    expect(await page.getByRole('region', { name: 'Crisisplan' }).textContent()).toContain('Samira, dochter, 06-12345678');
    await checkPage(page, 'krachtplan-ingevuld');
    await expect.poll(() => page.getByRole('list', { name: /Versies van het krachtplan/ }).getByRole('listitem').first().textContent()).toMatch(/^Versie 7 — .* door Sanne Verhoeven — nog geen akkoord van de cliënt \(huidige versie\)$/);
  });

  it('records the client\'s agreement with version 7', async () => {
    await page.getByRole('button', { name: 'Akkoord van de cliënt vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Akkoord van de cliënt vastleggen' });
    await form.getByLabel('Datum akkoord', { exact: true }).fill(today);
    await form.getByRole('radiogroup', { name: 'Hoe gaf de cliënt akkoord?' }).getByLabel('Mondeling, in het gesprek').check();
    await form.getByRole('button', { name: 'Akkoord vastleggen' }).click();
    await expect.poll(() => page.getByRole('list', { name: /Versies van het krachtplan/ }).textContent()).toContain(`akkoord cliënt ${dutchDate(today)} (mondeling)`);
    await checkPage(page, 'krachtplan-akkoord');
  });

  it('shows the plan on the case page and records a nulmeting, a goal and a later periodic ZRM', async () => {
    await page.getByRole('link', { name: 'Terug naar de casus' }).click();
    await expect.poll(() => page.url()).toBe(caseUrl);
    await openCasePart(page, 'Krachtplan');
    const plan = page.getByRole('region', { name: 'Krachtplan', exact: true });
    await expect.poll(() => plan.textContent()).toContain(`Akkoord op ${dutchDate(today)} (mondeling)`);

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
    await expect.poll(() => page.getByRole('button', { name: 'Bewerken: meedoen en wederkerigheid' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Bewerken: meedoen en wederkerigheid' }).click();

    const colleague = await newPage(browser);
    await loginToMyWork(colleague, WORKER);
    await colleague.goto(`${caseUrl}/plan`);
    await colleague.getByRole('button', { name: 'Bewerken: leefgebied Financiën' }).click();
    await colleague.getByRole('form', { name: 'Financiën bewerken' }).getByLabel('Doel', { exact: true }).fill('Ik betaal mijn rekeningen zelf op tijd.');
    await colleague.getByRole('button', { name: 'Leefgebied opslaan' }).click();
    await expect.poll(() => saved(colleague, 'Financiën is opgeslagen. Dit is nu versie 8 van het krachtplan.')).toBe(true);
    await colleague.context().close();

    const reciprocity = page.getByLabel('Wederkerigheid: wat geeft de cliënt terug?', { exact: true });
    await reciprocity.fill('Helpt de buurman met zijn tuin en doet boodschappen voor de buurvrouw.');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Gegevens zijn intussen gewijzigd' }).isVisible()).toBe(true);
    const changes = page.getByRole('list', { name: /^Wijzigingen van / });
    await expect.poll(() => changes.textContent()).toContain('Ik betaal mijn rekeningen zelf op tijd.');
    expect(await changes.textContent()).toContain('Ik weet wat ik moet betalen en heb geen nieuwe schulden.');
    // Nothing overwritten: the own text is still there, and no version 8 of this user was made.
    expect(await reciprocity.inputValue()).toMatch(/boodschappen voor de buurvrouw/);
    expect(await page.getByRole('list', { name: /Versies van het krachtplan/ }).textContent()).not.toMatch(/Versie 8/);
    await checkPage(page, 'krachtplan-conflict');

    // The newest version loads under the open form, which keeps the own text; saving adds it.
    await page.getByRole('button', { name: 'Nieuwste gegevens laden' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Financiën', exact: true }).textContent()).toContain('Ik betaal mijn rekeningen zelf op tijd.');
    expect(await reciprocity.inputValue()).toMatch(/boodschappen voor de buurvrouw/);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => saved(page, 'Meedoen en wederkerigheid zijn opgeslagen. Dit is nu versie 9 van het krachtplan.')).toBe(true);
    expect(await page.getByRole('region', { name: 'Meedoen en wederkerigheid' }).textContent()).toContain('boodschappen voor de buurvrouw');
    expect(await page.getByRole('region', { name: 'Financiën', exact: true }).textContent()).toContain('Ik betaal mijn rekeningen zelf op tijd.');
  });

  it('compares two versions', async () => {
    const section = page.getByRole('region', { name: 'Versies vergelijken' });
    await expect.poll(() => section.isVisible()).toBe(true);
    await section.getByLabel('Van versie', { exact: true }).selectOption('7');
    await section.getByLabel('Naar versie', { exact: true }).selectOption('8');
    await expect.poll(() => section.textContent()).toContain('Ik betaal mijn rekeningen zelf op tijd.');
    await checkPage(page, 'krachtplan-vergelijken');
  });

  it('stays accessible on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await expect.poll(() => page.getByRole('region', { name: 'Financiën', exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
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
