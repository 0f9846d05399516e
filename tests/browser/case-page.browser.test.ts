// The case page as a workspace, in a real browser, on the server as `npm start` runs it (empty
// database → demo organisation), at 1280 px and at 390 px: the header stays in view; the parts of
// the page are links in the address (keyboard, reload, back button); "Nieuwe journaalregel" opens
// the form with focus in it, saving closes it and says so; typed text is not lost without a
// question; focus goes back on "Annuleren"; closing mentions the plan's open agreements; a closed
// case's plan is readable on the page; the client page shows the access log collapsed and paged;
// no sideways scrolling at 390 px. axe checks every step.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { Plan } from '../../src/server/modules/plans/plans.schemas';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { UNSAVED_CHANGES_QUESTION } from '../../src/web/app/use-unsaved-changes';
import { launchChromium } from '../support/chromium';
import { apiSession, type ApiSession, artifactDir, checkPage, followMenu, login, newPage, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
const WORKER = 'medewerker@demo.keukentafel.nl';
const today = todayInNetherlands();
/** A word too long for a phone's width, as a pasted link is. */
const LONG_WORD = 'https://www.voorbeeld-gemeente.nl/zorg-en-ondersteuning/wmo/aanvragen/huishoudelijke-ondersteuning/formulier-aanvraag-2026';

type Api = ApiSession;


/** A new case of the demo worker, its support started, with a plan of two open agreements and one done. */
async function runningCaseWithPlan(api: Api, lastName: string): Promise<CaseDetail> {
  const registration = await api.post<Registration>('/api/v1/registrations', {
    client: { firstName: 'Fatima', lastName, birthDate: '1958-04-02' },
    registeredOn: addDays(today, -9),
    referrerCode: 'huisarts',
    question: `Hulp bij de post; zij stuurde ons deze link: ${LONG_WORD}`,
  });
  const triaged = await api.post<Registration>(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: registration.version });
  let detail = await api.get<CaseDetail>(`/api/v1/cases/${triaged.caseId}`);
  detail = await api.post<CaseDetail>(`/api/v1/cases/${detail.id}/first-meeting`, { firstMeetingOn: addDays(today, -7), location: 'thuis', version: detail.version });
  detail = await api.post<CaseDetail>(`/api/v1/cases/${detail.id}/start`, { version: detail.version });
  const agreement = (what: string, owner: string, status = 'open') => ({ id: crypto.randomUUID(), what, owner, ownerName: '', dueOn: addDays(today, 10), status, result: '' });
  await api.put<Plan>(`/api/v1/cases/${detail.id}/plan`, {
    baseVersion: 0,
    content: {
      domains: [
        {
          domain: 'financien',
          situation: 'De post blijft liggen.',
          strengths: 'Haar zoon helpt graag.',
          goal: 'Geen nieuwe schulden.',
          agreements: [agreement('Elke maandag de post openen', 'client'), agreement('Samen de rekeningen doorlopen', 'network'), agreement('Budgetcursus zoeken', 'team', 'done')],
        },
      ],
      reciprocity: '',
      participation: { start: null, now: null },
      expectedEndOn: null,
      reviewOn: addDays(today, 40),
      crisisPlan: { signs: '', clientDoes: '', carerDoes: '', contacts: [] },
    },
  });
  return detail;
}

/** A fact of the header, by its term. */
const fact = (page: Page, term: string) => page.locator('.kt-case-facts__item', { has: page.locator('dt', { hasText: term }) }).locator('dd').textContent();
const partsNav = (page: Page) => page.getByRole('navigation', { name: 'Onderdelen van de casus' });
const headerAction = (page: Page) => page.getByRole('list', { name: 'Acties voor deze casus' }).getByRole('button', { name: 'Nieuwe journaalregel' });
const activeElement = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '', tag: document.activeElement?.tagName ?? '' }));

/** No sideways scrolling (the page itself; a wide table scrolls in its own box). */
async function fitsWidth(page: Page, name: string) {
  const layout = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wider = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest('.kt-table-scroll'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wider };
  });
  expect(layout.scrollWidth, `${name}: the page scrolls sideways (wider: ${layout.wider.join(', ')})`).toBeLessThanOrEqual(layout.width);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

for (const width of [1280, 390] as const) {
  describe(`the case page at ${width} px`, () => {
    let page: Page;
    let detail: CaseDetail;
    let caseUrl = '';
    const narrow = width === 390;
    const shot = (name: string) => checkPage(page, `${width}-${name}`);

    beforeAll(async () => {
      const api = await apiSession(server.baseUrl, WORKER);
      detail = await runningCaseWithPlan(api, `Werkplek${width}`);
      caseUrl = `${server.baseUrl}/casussen/${detail.id}`;
      page = await newPage(browser);
      await page.setViewportSize({ width, height: narrow ? 844 : 900 });
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it('shows the header with who, status, lead worker, wait and next step, and the overview first', async () => {
      await login(page, server.baseUrl, WORKER);
      await page.goto(caseUrl);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Casus Fatima Werkplek${width}`);
      await expect.poll(() => fact(page, 'Huishouden')).toBe(`Fatima Werkplek${width}`);
      expect(await fact(page, 'Regisseur')).toBe('Sanne Verhoeven');
      expect(await fact(page, 'Tot de kennismaking')).toBe('Kennismaking na 2 dagen — binnen de norm');
      // The earliest dated step within two weeks: the nulmeting, due 14 days after the first meeting (before the agreements, due in 10 days).
      await expect.poll(() => fact(page, 'Volgende stap')).toMatch(/^Nulmeting ZRM vastleggen vóór \d+ \w+ \d{4}$/);
      expect(await page.locator('.kt-case-header').getByRole('link', { name: 'Nulmeting ZRM vastleggen' }).getAttribute('href')).toBe(`/casussen/${detail.id}#zrm`);
      expect(await partsNav(page).getByRole('link', { name: 'Overzicht' }).getAttribute('aria-current')).toBe('page');
      // Overview: what needs doing now, read only.
      const agreements = page.getByRole('list', { name: 'Open afspraken, eerst te doen bovenaan' });
      await expect.poll(() => agreements.getByRole('listitem').count()).toBe(2);
      expect(await agreements.textContent()).not.toContain('Budgetcursus zoeken');
      expect(await page.getByRole('heading', { name: 'Wat wilt u doen?' }).isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('region', { name: 'Gepland' }).textContent()).toContain('Krachtplan evalueren met de cliënt');
      // The forms are closed until asked for.
      expect(await page.getByRole('form').count()).toBe(0);
      await shot('overzicht');
      await fitsWidth(page, 'overzicht');
    });

    it('keeps the header in view when scrolling (on a phone: the actions and the parts)', async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
      const nav = await partsNav(page).boundingBox();
      expect(nav!.y).toBeGreaterThanOrEqual(0);
      expect(nav!.y).toBeLessThan(narrow ? 120 : 200);
      expect(await headerAction(page).isVisible()).toBe(true);
      const sticky = await page.evaluate(() => {
        const header = document.querySelector<HTMLElement>(getComputedStyle(document.querySelector('.kt-case-header')!).position === 'sticky' ? '.kt-case-header' : '.kt-case-header__bar')!;
        return header.getBoundingClientRect().height;
      });
      // Compact: on a phone less than a fifth of the screen; at full width four actions and ten
      // parts take two rows under the title and facts, about a quarter of a 900 px screen.
      expect(sticky).toBeLessThan(narrow ? 844 / 5 : 240);
      await page.screenshot({ path: path.join(artifactDir(), `${width}-kop-in-beeld.png`) });
      await page.evaluate(() => window.scrollTo(0, 0));
    });

    it('switches parts with the keyboard; the part is in the address, survives a reload and the back button', async () => {
      const journal = partsNav(page).getByRole('link', { name: 'Journaal' });
      await journal.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toBe(`${caseUrl}#journaal`);
      // Focus on the heading of the part that appeared.
      await expect.poll(() => activeElement(page)).toMatchObject({ id: 'journaal-title' });
      expect(await journal.getAttribute('aria-current')).toBe('page');
      expect(await partsNav(page).getByRole('link', { name: 'Overzicht' }).getAttribute('aria-current')).toBeNull();
      expect(await page.getByRole('heading', { name: 'Wat wilt u doen?' }).count()).toBe(0);
      await expect.poll(() => page.title()).toBe(`Journaal · Casus Fatima Werkplek${width} · Keukentafel`);

      await partsNav(page).getByRole('link', { name: 'ZRM' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toBe(`${caseUrl}#zrm`);
      await expect.poll(() => page.getByRole('heading', { name: 'Zelfredzaamheid (ZRM)', level: 2 }).isVisible()).toBe(true);
      // The nulmeting is due within two weeks of the first meeting: the form is open already.
      await expect.poll(() => page.getByRole('button', { name: 'Meting toevoegen', exact: true }).getAttribute('aria-expanded')).toBe('true');
      expect(await page.getByRole('form', { name: 'ZRM-meting toevoegen' }).isVisible()).toBe(true);
      await shot('zrm');
      await fitsWidth(page, 'zrm');

      await page.reload();
      await expect.poll(() => page.getByRole('heading', { name: 'Zelfredzaamheid (ZRM)', level: 2 }).isVisible()).toBe(true);
      expect(await partsNav(page).getByRole('link', { name: 'ZRM' }).getAttribute('aria-current')).toBe('page');

      await page.goBack();
      await expect.poll(() => page.url()).toBe(`${caseUrl}#journaal`);
      await expect.poll(() => page.getByRole('heading', { name: 'Contactjournaal', level: 2 }).isVisible()).toBe(true);
      await page.goForward();
      await expect.poll(() => page.getByRole('heading', { name: 'Zelfredzaamheid (ZRM)', level: 2 }).isVisible()).toBe(true);
      // The skip link jumps within the page (#main); the part stays.
      await page.getByRole('link', { name: 'Naar de inhoud' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toBe(`${caseUrl}#main`);
      expect(await page.getByRole('heading', { name: 'Zelfredzaamheid (ZRM)', level: 2 }).isVisible()).toBe(true);

      for (const [part, heading] of [['Krachtplan', 'Krachtplan'], ['Netwerk', 'Netwerk rond het huishouden'], ['Voorzieningen', 'Maatwerkvoorzieningen'], ['Geschiedenis', 'Geschiedenis']] as const) {
        await partsNav(page).getByRole('link', { name: part }).click();
        await expect.poll(() => page.getByRole('heading', { name: heading, level: 2 }).isVisible()).toBe(true);
        await shot(part.toLowerCase());
        await fitsWidth(page, part);
      }
    });

    it('opens the journal form from the header with focus in it; saving closes it and says so', async () => {
      await partsNav(page).getByRole('link', { name: 'Overzicht' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Wat wilt u doen?' }).isVisible()).toBe(true);
      expect(await headerAction(page).getAttribute('aria-expanded')).toBe('false');
      await headerAction(page).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toBe(`${caseUrl}#journaal`);
      const form = page.getByRole('form', { name: 'Nieuwe journaalregel' });
      await expect.poll(() => form.isVisible()).toBe(true);
      await expect.poll(() => activeElement(page)).toMatchObject({ id: 'contact-nieuw-contactOn' });
      expect(await headerAction(page).getAttribute('aria-expanded')).toBe('true');
      await form.getByLabel('Soort contact', { exact: true }).selectOption({ label: 'Telefonisch' });
      await form.getByLabel('Notitie', { exact: true }).fill(`Gebeld over de aanvraag. Zie ${LONG_WORD}`);
      await shot('journaalregel-open');
      await fitsWidth(page, 'journaalregel-open');
      await form.getByRole('button', { name: 'Journaalregel opslaan' }).click();
      await expect.poll(() => form.count()).toBe(0);
      await expect.poll(() => page.getByRole('status').filter({ hasText: /^De journaalregel van .* is opgeslagen\.$/ }).count()).toBe(1);
      await expect.poll(() => activeElement(page)).toMatchObject({ text: 'Nieuwe journaalregel' });
      expect(await headerAction(page).getAttribute('aria-expanded')).toBe('false');
      const entries = page.getByRole('list', { name: 'Contacten, nieuwste eerst' });
      await expect.poll(() => entries.textContent()).toContain('Gebeld over de aanvraag.');
      // The long link wraps: no sideways scrolling.
      await shot('journaalregel-opgeslagen');
      await fitsWidth(page, 'journaalregel-opgeslagen');
    });

    it('opens a new task from the header in the part Taken; saving lists it and says so', async () => {
      const action = page.getByRole('list', { name: 'Acties voor deze casus' }).getByRole('button', { name: 'Nieuwe taak' });
      await action.click();
      await expect.poll(() => page.url()).toBe(`${caseUrl}#taken`);
      const form = page.getByRole('form', { name: 'Nieuwe taak bij deze casus' });
      await expect.poll(() => form.isVisible()).toBe(true);
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '')).toContain('Wat moet er gebeuren');
      await form.getByLabel('Wat moet er gebeuren', { exact: true }).fill(`Huisbezoek plannen ${width}`);
      await form.getByLabel('Klaar op', { exact: true }).fill(addDays(today, 3));
      await form.getByRole('button', { name: 'Taak opslaan' }).click();
      await expect.poll(() => form.count()).toBe(0);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'De taak staat in uw lijst.' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('list', { name: 'Open taken van deze casus' }).textContent()).toContain(`Huisbezoek plannen ${width}`);
      await expect.poll(() => activeElement(page)).toMatchObject({ text: 'Nieuwe taak' });
      await shot('taak-opgeslagen');
      await fitsWidth(page, 'taak-opgeslagen');
    });

    it('puts focus back on the button after "Annuleren"', async () => {
      await headerAction(page).click();
      const form = page.getByRole('form', { name: 'Nieuwe journaalregel' });
      await expect.poll(() => form.isVisible()).toBe(true);
      await form.getByRole('button', { name: 'Annuleren' }).click();
      await expect.poll(() => form.count()).toBe(0);
      await expect.poll(() => activeElement(page)).toMatchObject({ text: 'Nieuwe journaalregel' });

      // The same for an inline form of another part: the household.
      await partsNav(page).getByRole('link', { name: 'Netwerk' }).click();
      const add = page.getByRole('button', { name: 'Huishoudlid toevoegen…' });
      await add.click();
      expect(await add.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'INPUT' });
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio');
      await page.getByRole('region', { name: 'Huishouden' }).getByRole('button', { name: 'Annuleren' }).click();
      await expect.poll(() => activeElement(page)).toMatchObject({ text: 'Huishoudlid toevoegen…' });
      expect(await add.getAttribute('aria-expanded')).toBe('false');
    });

    it('asks before a change of part throws away typed text, also by the back button', async () => {
      await headerAction(page).click();
      const form = page.getByRole('form', { name: 'Nieuwe journaalregel' });
      await expect.poll(() => form.isVisible()).toBe(true);
      await form.getByLabel('Notitie', { exact: true }).fill('Nog niet opgeslagen tekst');

      const questions: string[] = [];
      const answer = (accept: boolean) => (dialog: Dialog) => {
        questions.push(dialog.message());
        void (accept ? dialog.accept() : dialog.dismiss());
      };
      // "Annuleren" in the question: the part and the text stay.
      page.once('dialog', answer(false));
      await partsNav(page).getByRole('link', { name: 'Overzicht' }).click();
      await expect.poll(() => questions.length).toBe(1);
      expect(questions[0]).toBe(UNSAVED_CHANGES_QUESTION);
      expect(page.url()).toBe(`${caseUrl}#journaal`);
      expect(await form.getByLabel('Notitie', { exact: true }).inputValue()).toBe('Nog niet opgeslagen tekst');

      // The back button changes the address first; "Annuleren" puts the part with the text back.
      page.once('dialog', answer(false));
      await page.goBack();
      await expect.poll(() => questions.length).toBe(2);
      await expect.poll(() => page.url()).toBe(`${caseUrl}#journaal`);
      expect(await form.getByLabel('Notitie', { exact: true }).inputValue()).toBe('Nog niet opgeslagen tekst');

      // A link to another screen asks too.
      page.once('dialog', answer(false));
      await page.evaluate(() => window.scrollTo(0, 0));
      await followMenu(page, 'Mijn werk');
      await expect.poll(() => questions.length).toBe(3);
      expect(page.url()).toBe(`${caseUrl}#journaal`);
      // On a phone the menu is a drawer over the page: the user stays, so it closes again.
      if (narrow) {
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
      }

      // "OK": the part changes, the text is gone.
      page.once('dialog', answer(true));
      await partsNav(page).getByRole('link', { name: 'Overzicht' }).click();
      await expect.poll(() => questions.length).toBe(4);
      await expect.poll(() => page.url()).toBe(`${caseUrl}#overzicht`);
      await expect.poll(() => page.getByRole('heading', { name: 'Wat wilt u doen?' }).isVisible()).toBe(true);
      // Nothing unsaved any more: no question.
      await partsNav(page).getByRole('link', { name: 'Journaal' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Contactjournaal', level: 2 }).isVisible()).toBe(true);
      expect(questions).toHaveLength(4);
      expect(await page.getByRole('form', { name: 'Nieuwe journaalregel' }).count()).toBe(0);
    });

    it('mentions the open agreements of the plan before the case is closed', async () => {
      await partsNav(page).getByRole('link', { name: 'Overzicht' }).click();
      const close = page.getByRole('button', { name: 'Afsluiten', exact: true });
      await close.click();
      expect(await close.getAttribute('aria-expanded')).toBe('true');
      const form = page.getByRole('form', { name: 'Casus afsluiten' });
      await expect.poll(() => activeElement(page)).toMatchObject({ id: 'afsluiten-closedOn' });
      await expect.poll(() => form.textContent()).toContain('Let op: in het krachtplan staan nog 2 open afspraken.');
      const open = form.getByRole('list', { name: 'Open afspraken in het krachtplan' });
      expect(await open.getByRole('listitem').allTextContents()).toEqual(['Elke maandag de post openen (De cliënt zelf)', 'Samen de rekeningen doorlopen (Iemand uit het eigen netwerk)']);
      await shot('afsluiten');
      await fitsWidth(page, 'afsluiten');
      await form.getByRole('group', { name: 'Reden van afsluiten' }).getByLabel('Beëindigd volgens plan').check();
      await form.getByRole('button', { name: 'Casus afsluiten' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'De casus is afgesloten.' }).count()).toBe(1);
      await expect.poll(() => activeElement(page)).toMatchObject({ id: 'acties-title' });
      expect(await headerAction(page).count()).toBe(0);
    });

    it("shows a closed case's plan on the page, read only", async () => {
      await partsNav(page).getByRole('link', { name: 'Krachtplan' }).click();
      const plan = page.getByRole('region', { name: 'Het plan, versie 1' });
      await expect.poll(() => plan.isVisible()).toBe(true);
      expect(await plan.getByRole('heading', { name: 'Financiën' }).isVisible()).toBe(true);
      const list = plan.getByRole('list', { name: 'Afspraken bij Financiën' });
      expect(await list.textContent()).toContain('Budgetcursus zoeken');
      expect(await list.textContent()).toContain('Gedaan');
      expect(await plan.textContent()).toContain('Geen nieuwe schulden.');
      expect(await plan.getByRole('textbox').count()).toBe(0);
      await shot('krachtplan-afgesloten');
      await fitsWidth(page, 'krachtplan-afgesloten');
    });

    it('shows the access log on the client page collapsed, ten rows a page, without sideways scrolling', async () => {
      await page.goto(`${server.baseUrl}/clienten/${detail.mainClient!.id}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Wie heeft dit dossier ingezien', level: 2 }).isVisible()).toBe(true);
      const show = page.getByRole('button', { name: 'Toon toegangslog' });
      expect(await show.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('table', { name: /^Wie heeft het dossier van/ }).count()).toBe(0);
      await fitsWidth(page, 'client');
      await shot('client');
      await show.click();
      expect(await show.getAttribute('aria-expanded')).toBe('true');
      const table = page.getByRole('table', { name: /^Wie heeft het dossier van Fatima Werkplek\d+ ingezien, nieuwste eerst \(pagina 1 van \d+\)$/ });
      await expect.poll(() => table.isVisible()).toBe(true);
      expect(await table.locator('tbody tr').count()).toBe(10);
      const older = page.getByRole('button', { name: 'Oudere regels' });
      await older.click();
      await expect.poll(() => page.getByRole('table', { name: /\(pagina 2 van \d+\)$/ }).count()).toBe(1);
      // The button keeps focus while the page turns.
      expect(await activeElement(page)).toMatchObject({ text: 'Oudere regels' });
      await expect.poll(() => page.getByRole('button', { name: 'Nieuwere regels' }).getAttribute('aria-disabled')).toBe('false');
      await shot('client-toegangslog');
      await fitsWidth(page, 'client-toegangslog');

      // "Gegevens wijzigen": focus into the form, back to the button after "Annuleren".
      await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
      await expect.poll(() => activeElement(page)).toMatchObject({ id: 'client-firstName' });
      await page.getByRole('form', { name: 'Gegevens wijzigen' }).getByRole('button', { name: 'Annuleren' }).click();
      await expect.poll(() => activeElement(page)).toMatchObject({ text: 'Gegevens wijzigen' });
    });
  });
}
