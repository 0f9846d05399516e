// The shell in a real browser, for every role of the demo: where each lands, which groups of the
// main menu it sees, the folded groups and the phone's Menu drawer by keyboard (Escape closes and
// gives focus back), no sideways scrolling at 390 px, and the header's height at 1280 and 390 px
// (written to test-results/browser/navigation/header-heights.txt). Then the header search with the
// keyboard only: a demo client by name and by BSN, arrow keys, Enter to the client and to the case,
// Escape; only the count in the live region; the term in no address. axe checks every state.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { artifactDir, checkPage, followMenu, login, newPage, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
const heights: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  if (heights.length) fs.writeFileSync(path.join(artifactDir(), 'header-heights.txt'), `${heights.join('\n')}\n`);
  await browser?.close();
  await server?.stop();
});

interface RoleCase {
  role: string;
  landing: string;
  h1: RegExp;
  /** The links in the bar itself on a wide screen. */
  links: string[];
  /** The folded groups on a wide screen, with their links. */
  folded: Record<string, string[]>;
  /** The group headings in the phone's drawer. */
  groups: string[];
  search: boolean;
}

const ROLES: RoleCase[] = [
  {
    role: 'medewerker',
    landing: '/mijn-dag',
    h1: /Mijn dag/,
    links: ['Mijn dag', 'Mijn werk', 'Taken', 'Agenda', 'Aanmeldingen', 'Nieuwe aanmelding', 'Cliënten'],
    folded: { 'Kwaliteit en toegang': ['Melding doen', 'Noodtoegang'] },
    groups: ['Werk', 'Kwaliteit en toegang'],
    search: true,
  },
  {
    role: 'teamleider',
    landing: '/team',
    h1: /Team/,
    links: ['Mijn dag', 'Mijn werk', 'Taken', 'Agenda', 'Aanmeldingen', 'Nieuwe aanmelding', 'Cliënten', 'Team'],
    folded: { Cijfers: ['Cijfers per team', 'Jaarverslag', 'ZRM-voortgang', 'Uitstroom'], 'Kwaliteit en toegang': ['Kwaliteit', 'Melding doen', 'Noodtoegang'] },
    groups: ['Werk', 'Team', 'Cijfers', 'Kwaliteit en toegang'],
    search: true,
  },
  {
    role: 'kwaliteit',
    landing: '/kwaliteit',
    h1: /Kwaliteit/,
    links: ['Kwaliteit', 'Melding doen', 'Noodtoegang', 'Toegang beoordelen', 'Bewaartermijn en vernietiging'],
    folded: { Cijfers: ['Cijfers per team', 'Jaarverslag', 'ZRM-voortgang', 'Uitstroom'] },
    groups: ['Kwaliteit en toegang', 'Cijfers'],
    search: false,
  },
  {
    role: 'analist',
    landing: '/cijfers',
    h1: /Cijfers/,
    links: ['Cijfers per team', 'Jaarverslag', 'ZRM-voortgang', 'Uitstroom'],
    folded: {},
    groups: ['Cijfers'],
    search: false,
  },
  {
    role: 'beheerder',
    landing: '/beheer/iwmo',
    h1: /iWmo/,
    links: ['iWmo-berichten', 'Import', 'Brieven'],
    folded: { Cijfers: ['Cijfers per team', 'Jaarverslag', 'ZRM-voortgang', 'Uitstroom'] },
    groups: ['Beheer', 'Cijfers'],
    search: false,
  },
];

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const headerHeight = (page: Page) => page.evaluate(() => Math.round(document.querySelector('.kt-header')!.getBoundingClientRect().height));
const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
/** The count a page announces (the ResultCount in main), not a passing "Bezig met laden". */
const resultCount = (page: Page, scope = page.getByRole('main')) =>
  scope.getByRole('status').filter({ hasNotText: /^Bezig met laden/ }).first().textContent();
const focused = (page: Page) => page.evaluate(() => {
  const element = document.activeElement;
  return element ? `${element.tagName.toLowerCase()}:${(element.textContent ?? '').trim()}` : '';
});

/** The names of the visible links and buttons directly in the bar, in order. */
async function barEntries(page: Page): Promise<string[]> {
  return nav(page).locator('.kt-nav__list > li > a, .kt-nav__list > li > button').evaluateAll((elements) =>
    elements.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e.textContent ?? '').trim()),
  );
}

describe.each(ROLES)('the $role', ({ role, landing, h1: title, links, folded, groups, search }) => {
  let page: Page;

  beforeAll(async () => {
    page = await newPage(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => page.context().close());

  it(`lands on ${landing} with the current page marked, and sees only its own groups`, async () => {
    await login(page, server.baseUrl, `${role}@demo.keukentafel.nl`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(landing);
    await expect.poll(() => h1(page)).toMatch(title);
    expect(await barEntries(page)).toEqual([...links, ...Object.keys(folded)]);
    const current = nav(page).locator('[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe(landing);
    expect(await page.getByRole('combobox', { name: 'Zoek cliënt of casus' }).isVisible()).toBe(search);
    heights.push(`${role} 1280 px: header ${await headerHeight(page)} px`);
    expect(await fits(page)).toBe(true);
    await checkPage(page, `${role}-start`);
  });

  it('opens each folded group with the keyboard and closes it with Escape, focus back on its button', async () => {
    for (const [label, inside] of Object.entries(folded)) {
      const button = nav(page).getByRole('button', { name: label, exact: true });
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await button.focus();
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const panel = page.locator(`#${await button.getAttribute('aria-controls')}`);
      expect(await panel.getByRole('link').allTextContents()).toEqual(inside);
      await checkPage(page, `${role}-${label}-open`);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe(`a:${inside[0]}`);
      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await panel.isVisible()).toBe(false);
      expect(await focused(page)).toBe(`button:${label}`);
    }
  });

  it('at 390 px: a compact header, no sideways scrolling, and the Menu drawer by keyboard', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const height = await headerHeight(page);
    heights.push(`${role} 390 px: header ${height} px`);
    // Before the drawer the header took 262 to 437 px of the phone's 844.
    expect(height).toBeLessThanOrEqual(search ? 140 : 80);
    expect(await fits(page)).toBe(true);
    expect(await nav(page).count()).toBe(0);

    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const drawer = page.locator(`#${await menu.getAttribute('aria-controls')}`);
    await expect.poll(() => drawer.isVisible()).toBe(true);
    // Focus is in the menu, on its first link.
    expect(await focused(page)).toBe(`a:${links[0]}`);
    expect(await drawer.getByRole('heading', { level: 2 }).allTextContents()).toEqual(groups);
    expect(await nav(page).locator('[aria-current="page"]').getAttribute('href')).toBe(landing);
    expect(await drawer.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
    expect(await fits(page)).toBe(true);
    await checkPage(page, `${role}-menu-390`);
    await page.screenshot({ path: path.join(artifactDir(), `${role}-menu-390-scherm.png`) });
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('button:Menu');

    // Open again, walk to the last link of the last group and follow it.
    await page.keyboard.press('Space');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    const all = await nav(page).getByRole('link').allTextContents();
    const target = all.at(-1)!;
    for (let i = 0; i < 40 && (await focused(page)) !== `a:${target}`; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await expect.poll(() => h1(page)).not.toMatch(title);
    expect(await fits(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('the header search, with the keyboard only', () => {
  let page: Page;
  const urls: string[] = [];
  let name = '';
  let bsn = '';
  let clientPath = '';

  beforeAll(async () => {
    page = await newPage(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
    page.on('request', (request) => urls.push(request.url()));
  });
  afterAll(async () => page.context().close());

  const box = () => page.getByRole('combobox', { name: 'Zoek cliënt of casus' });
  const status = () => page.getByRole('search', { name: 'Cliënten en casussen' }).getByRole('status');

  /**
   * To the search box with Tab as a keyboard user gets there: forward from the top of a fresh page,
   * back up from the heading that takes the focus after moving to another page.
   */
  /** A choice from the list opened this page, and its heading took the focus (as after every move in the app). */
  async function opened(path: string | RegExp) {
    await expect.poll(() => new URL(page.url()).pathname).toMatch(path);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  }

  async function tabToSearch() {
    // A page that is still loading moves the focus to its heading once it is there.
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    const inBox = () => box().evaluate((e) => e === document.activeElement);
    const fresh = await page.evaluate(() => !document.activeElement || document.activeElement === document.body);
    for (let i = 0; i < 20 && !(await inBox()); i++) await page.keyboard.press(fresh ? 'Tab' : 'Shift+Tab');
    expect(await inBox()).toBe(true);
  }

  it('says to type at least 2 characters, then finds the client by name; ArrowDown and Enter open the client', async () => {
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    // A client of the demo worker's own open cases who has a BSN (the API, as the page would read it).
    const found = await page.evaluate(async () => {
      const mine = (await (await fetch('/api/v1/work/mine')).json()) as { cases: { mainClient: { id: string } | null }[] };
      for (const { mainClient } of mine.cases) {
        if (!mainClient) continue;
        const client = (await (await fetch(`/api/v1/clients/${mainClient.id}`)).json()) as { id: string; firstName: string; lastName: string; bsn: string | null };
        if (client.bsn) return { id: client.id, name: `${client.firstName} ${client.lastName}`, bsn: client.bsn };
      }
      return null;
    });
    expect(found).not.toBeNull();
    ({ name, bsn } = found!);
    clientPath = `/clienten/${found!.id}`;
    await tabToSearch();
    await page.keyboard.type(name.slice(0, 1));
    await expect.poll(() => status().textContent()).toBe('Typ minstens 2 tekens');
    await page.keyboard.type(name.slice(1));
    const list = page.getByRole('listbox', { name: 'Zoekresultaten' });
    await expect.poll(() => list.isVisible()).toBe(true);
    expect(await box().getAttribute('aria-expanded')).toBe('true');
    // Only the count is announced, not who was found.
    await expect.poll(() => status().textContent()).toMatch(/^(\d+ cliënt(en)? gevonden|Meer dan 8 cliënten gevonden)$/);
    const options = list.getByRole('option');
    expect(await options.first().textContent()).toContain(name);
    expect(await options.first().textContent()).toMatch(/geboren \d{1,2} [a-z]+ \d{4}/);
    await checkPage(page, 'zoeken-resultaten');

    await page.keyboard.press('ArrowDown');
    const activeId = await box().getAttribute('aria-activedescendant');
    expect(activeId).toBe(await options.first().getAttribute('id'));
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await opened(/^\/clienten\/[0-9a-f-]{36}$/);
    await expect.poll(() => h1(page)).toContain(name);
    expect(await box().inputValue()).toBe('');
  });

  it('finds the same client by BSN, and opens the open case from the line below the client', async () => {
    await tabToSearch();
    await page.keyboard.type(bsn);
    const options = page.getByRole('listbox', { name: 'Zoekresultaten' }).getByRole('option');
    await expect.poll(() => status().textContent()).toBe('1 cliënt gevonden');
    const texts = await options.allTextContents();
    expect(texts[0]).toContain(name);
    expect(texts[1]).toMatch(new RegExp(`^Casus van ${name}.*(Aangemeld|Kennismaking gehad|Lopend)`));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await opened(/^\/casussen\/[0-9a-f-]{36}$/);

    await tabToSearch();
    await page.keyboard.type(bsn);
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await opened(clientPath);
  });

  it('closes the list with Escape, clears with a second Escape, and says "Geen resultaten"', async () => {
    await tabToSearch();
    await page.keyboard.type('Qxzqwv');
    await expect.poll(() => status().textContent()).toBe('Geen resultaten');
    expect(await page.getByRole('search', { name: 'Cliënten en casussen' }).getByText('Geen resultaten', { exact: true }).first().isVisible()).toBe(true);
    for (let i = 0; i < 'Qxzqwv'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(name.split(' ').at(-1)!);
    const list = page.getByRole('listbox', { name: 'Zoekresultaten' });
    await expect.poll(() => list.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await list.isVisible()).toBe(false);
    expect(await box().getAttribute('aria-expanded')).toBe('false');
    expect(await box().inputValue()).not.toBe('');
    await page.keyboard.press('Escape');
    expect(await box().inputValue()).toBe('');
  });

  it('works at 390 px without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await tabToSearch();
    await page.keyboard.type(bsn);
    const list = page.getByRole('listbox', { name: 'Zoekresultaten' });
    await expect.poll(() => list.isVisible()).toBe(true);
    expect(await fits(page)).toBe(true);
    await checkPage(page, 'zoeken-390');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // The page that was open already: it stays, and so does the focus.
    await expect.poll(() => new URL(page.url()).pathname).toBe(clientPath);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('with nothing chosen, Enter shows every result on Cliënten zoeken, which announces the count and not the rows', async () => {
    const lastName = name.split(' ').at(-1)!;
    await tabToSearch();
    await page.keyboard.type(lastName);
    await expect.poll(() => page.getByRole('listbox', { name: 'Zoekresultaten' }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => h1(page)).toBe('Cliënten zoeken');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/clienten');
    expect(await page.getByLabel('Zoek cliënt', { exact: true }).inputValue()).toBe(lastName);
    const table = page.getByRole('table', { name: /gevonden voor/ });
    await expect.poll(() => table.isVisible()).toBe(true);
    const rows = (await table.getByRole('row').count()) - 1;
    await expect.poll(() => resultCount(page)).toBe(rows === 1 ? '1 cliënt gevonden' : `${rows} cliënten gevonden`);
    expect(await page.locator('[aria-live] table, [role="status"] table, [role="alert"] table').count()).toBe(0);
    await checkPage(page, 'clienten-zoeken');
  });

  it('never put the search text in an address', async () => {
    expect(urls.some((u) => u.endsWith('/api/v1/search'))).toBe(true);
    expect(urls.filter((u) => u.includes(bsn) || decodeURIComponent(u).includes(name))).toEqual([]);
  });
});

describe('the filters announce how many results they give', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => page.context().close());

  /** The data rows of a table, or 0 when the page shows no table. */
  const rowsOf = async (caption: string | RegExp) => {
    const table = page.getByRole('table', { name: caption });
    return (await table.count()) === 0 ? 0 : (await table.getByRole('row').count()) - 1;
  };

  it('Aanmeldingen', async () => {
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    await page.goto(`${server.baseUrl}/aanmeldingen`);
    await page.getByLabel('Toon', { exact: true }).selectOption({ label: 'Alle aanmeldingen' });
    await expect.poll(() => page.getByRole('table', { name: 'Alle aanmeldingen van het team' }).isVisible()).toBe(true);
    const rows = await rowsOf('Alle aanmeldingen van het team');
    expect(rows).toBeGreaterThan(1);
    await expect.poll(() => resultCount(page)).toBe(`${rows} aanmeldingen`);
    await logoutFromMenu();
  });

  it('Kwaliteit, Toegang beoordelen and ZRM-voortgang', async () => {
    await login(page, server.baseUrl, 'kwaliteit@demo.keukentafel.nl');
    await expect.poll(() => h1(page)).toMatch(/^Kwaliteit/);
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Klacht' });
    await expect.poll(() => resultCount(page)).toMatch(/met deze keuze\.?$/);
    const complaints = await rowsOf('Meldingen, laatst ontvangen eerst');
    expect(await resultCount(page)).toBe(complaints === 0 ? 'Geen meldingen met deze keuze.' : `${complaints} ${complaints === 1 ? 'melding' : 'meldingen'} met deze keuze`);

    await page.goto(`${server.baseUrl}/kwaliteit/toegang`);
    await page.getByLabel('Toon', { exact: true }).selectOption({ label: 'Alle' });
    for (const [section, caption, one, many] of [
      ['Noodtoegang', 'Noodtoegang, nieuwste eerst', 'noodtoegang', 'noodtoegangen'],
      ['Koppelingen', 'Koppelingen, nieuwste eerst', 'koppeling', 'koppelingen'],
    ] as const) {
      const region = page.getByRole('region', { name: section, exact: true });
      await expect.poll(() => resultCount(page, region)).not.toBe('');
      const rows = await region.getByRole('table', { name: caption }).count() === 0 ? 0 : (await region.getByRole('table', { name: caption }).getByRole('row').count()) - 1;
      expect(await resultCount(page, region)).toBe(rows === 0 ? `Geen ${many}` : `${rows} ${rows === 1 ? one : many}`);
    }

    await followMenu(page, 'ZRM-voortgang');
    const year = String(new Date().getFullYear() - 2);
    await page.getByLabel('Jaar', { exact: true }).selectOption(year);
    await expect.poll(() => resultCount(page)).toMatch(new RegExp(`^(\\d+ leefgebied(en)? met metingen|Geen leefgebieden met metingen) in ${year}$`));
    // A life domain counts when its column Cliënten (the first cell after the domain's name) is not 0.
    const clients = await page.getByRole('table', { name: `ZRM-voortgang per leefgebied in ${year}` }).locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim()));
    const measured = clients.filter((n) => n !== '0').length;
    expect(await resultCount(page)).toBe(measured === 0 ? `Geen leefgebieden met metingen in ${year}` : `${measured} ${measured === 1 ? 'leefgebied' : 'leefgebieden'} met metingen in ${year}`);
  });

  async function logoutFromMenu() {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Inloggen' }).isVisible()).toBe(true);
  }
});
