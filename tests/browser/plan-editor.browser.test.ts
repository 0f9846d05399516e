// The krachtplan editor (issue 14) in a real browser, at 1280 and at 390 px wide, each on a running
// case of the demo medewerker: the plan reads as a plan and one part is edited at a time, with the
// keyboard; an empty plan and a past evaluation date are refused in Dutch; opening another part,
// "Annuleren" or a link away with unsaved changes asks first (and "Verder bewerken" keeps the
// text); the texts come back after the session ends; the versions list counts one way; a closed
// case's plan can be read on the page. axe on every state; at 390 px the page never scrolls sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { dutchDate } from '../../src/server/lib/dutch-dates';
import { EMPTY_PLAN_MESSAGE } from '../../src/server/modules/plans/plan-rules';
import { launchChromium } from '../support/chromium';
import { checkPage, login, newPage, type RunningServer, startServer } from './support';

const WORKER = 'medewerker@demo.keukentafel.nl';
const today = todayInNetherlands();

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const activeId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');
/** The title of the form that holds the focus. */
const focusedForm = (p: Page) => p.evaluate(() => document.getElementById(document.activeElement?.closest('form')?.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');
const noSideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
const leaveDialog = (p: Page) => p.getByRole('alertdialog', { name: 'Wijzigingen niet opgeslagen' });
const versions = (p: Page) => p.getByRole('list', { name: 'Versies van het krachtplan, nieuwste eerst' });

/** Presses a button with the keyboard: focus, then Enter. */
async function press(p: Page, name: string | RegExp) {
  const button = p.getByRole('button', { name, exact: typeof name === 'string' });
  await button.focus();
  await p.keyboard.press('Enter');
}

describe.each([
  { width: 1280, row: 0 },
  { width: 390, row: 1 },
])('the krachtplan at $width px', ({ width, row }) => {
  let page: Page;
  let planUrl = '';
  const check = async (name: string) => {
    if (width === 390) expect(await noSideways(page), `${name}: no sideways scrolling`).toBe(true);
    await checkPage(page, `${name}-${width}`);
  };

  it('opens the empty plan of a running case', async () => {
    page = await newPage(browser);
    await page.setViewportSize({ width, height: 900 });
    await login(page, server.baseUrl, WORKER);
    await page.goto(`${server.baseUrl}/mijn-werk`);
    const rows = page.getByRole('table', { name: /Wat het eerst moet staat bovenaan/ }).getByRole('row').filter({ hasText: 'Lopend' });
    await rows.nth(row).getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    planUrl = `${page.url()}/plan`;
    await page.goto(planUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Krachtplan/);
    expect(await page.getByText('Er is nog geen krachtplan.', { exact: false }).isVisible()).toBe(true);
    await check('krachtplan-leeg');
  });

  it('refuses a first version without a goal or an agreement, in Dutch, and saves nothing', async () => {
    await press(page, 'Leefgebied toevoegen');
    // Focus is in the form, on its first field.
    await expect.poll(() => activeId(page)).toBe('plan-new-domain-domain');
    expect(await page.getByRole('button', { name: 'Leefgebied toevoegen' }).getAttribute('aria-expanded')).toBe('true');
    const form = page.getByRole('form', { name: 'Leefgebied toevoegen' });
    await form.getByLabel('Leefgebied', { exact: true }).selectOption({ label: 'Financiën' });
    await form.getByLabel('Situatie in de woorden van de cliënt', { exact: true }).fill('Ik maak de post niet meer open sinds mijn vrouw er niet meer is.');
    await form.getByRole('button', { name: 'Leefgebied opslaan' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('kt-error-summary'))).toBe(true);
    await form.getByRole('link', { name: EMPTY_PLAN_MESSAGE }).click();
    await expect.poll(() => activeId(page)).toBe('plan-new-domain-goal');
    expect(await versions(page).count()).toBe(0);
    expect(await page.getByText('Er is nog geen versie opgeslagen.').isVisible()).toBe(true);
    await check('krachtplan-leeg-geweigerd');
  });

  it('saves the domain with a goal: the form closes with a confirmation and focus goes back to its button', async () => {
    const form = page.getByRole('form', { name: 'Leefgebied toevoegen' });
    await form.getByLabel('Doel', { exact: true }).fill('Ik weet wat ik moet betalen en heb geen nieuwe schulden.');
    await press(page, 'Leefgebied opslaan');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Financiën staat in het krachtplan. Dit is nu versie 1 van het krachtplan.' }).isVisible()).toBe(true);
    expect(await form.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Leefgebied toevoegen');
    const financien = page.getByRole('region', { name: 'Financiën', exact: true });
    expect(await financien.textContent()).toContain('Ik weet wat ik moet betalen en heb geen nieuwe schulden.');

    // A second domain, and an agreement in the first, all with the keyboard.
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('plan-new-domain-domain');
    await page.getByRole('form', { name: 'Leefgebied toevoegen' }).getByLabel('Leefgebied', { exact: true }).selectOption({ label: 'Dagbesteding' });
    await page.getByLabel('Doel', { exact: true }).focus();
    await page.keyboard.type('Twee ochtenden per week iets buiten de deur doen.');
    await press(page, 'Leefgebied opslaan');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Dagbesteding staat in het krachtplan. Dit is nu versie 2' }).isVisible()).toBe(true);

    await press(page, 'Nieuwe afspraak bij Financiën');
    const agreement = page.getByRole('form', { name: 'Nieuwe afspraak bij Financiën' });
    await expect.poll(() => activeId(page)).toBe('plan-new-agreement-financien-what');
    // The owners in kitchen-table order: the client first, the team after the network.
    const owners = await agreement.getByLabel('Wie', { exact: true }).locator('option').allTextContents();
    expect(owners.slice(1)).toEqual(['De cliënt zelf', 'Iemand uit het eigen netwerk', 'Een vrijwilliger of maatje', 'Een groep of collectief aanbod', 'Het buurtteam', 'Specialistische hulp']);
    await page.keyboard.type('Elke maandag de post openen en in de map doen.');
    await agreement.getByLabel('Wie', { exact: true }).selectOption('client');
    await agreement.getByLabel('Wanneer klaar', { exact: true }).fill(addDays(today, 14));
    await check('krachtplan-nieuwe-afspraak');
    await press(page, 'Afspraak opslaan');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De afspraak staat bij Financiën. Dit is nu versie 3' }).isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Nieuwe afspraak bij Financiën');
    const item = financien.getByRole('listitem').filter({ hasText: 'Elke maandag de post openen' });
    expect(await item.textContent()).toContain(`Wie: De cliënt zelf Klaar: ${dutchDate(addDays(today, 14))} Status: Open`);
    await check('krachtplan-gelezen');
  });

  it('edits one domain at a time: another one asks first, and "Verder bewerken" keeps the text', async () => {
    const edit = page.getByRole('button', { name: 'Bewerken: leefgebied Financiën' });
    await edit.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('plan-domain-financien-situation');
    expect(await edit.getAttribute('aria-expanded')).toBe('true');
    const form = page.getByRole('form', { name: 'Financiën bewerken' });
    await form.getByLabel('Doel', { exact: true }).focus();
    // Control+End: the end of the text, also when it wraps over several lines.
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Mijn dochter helpt me.');

    await press(page, 'Bewerken: leefgebied Dagbesteding');
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(true);
    expect(await leaveDialog(page).textContent()).toContain('U heeft het leefgebied Financiën gewijzigd, maar nog niet opgeslagen.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Verder bewerken');
    await check('krachtplan-wijzigingen-niet-opgeslagen');
    await page.keyboard.press('Enter');
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(false);
    // Still the one form, with the typed text; focus back in it.
    expect(await form.getByLabel('Doel', { exact: true }).inputValue()).toBe('Ik weet wat ik moet betalen en heb geen nieuwe schulden. Mijn dochter helpt me.');
    expect(await page.getByRole('form', { name: 'Dagbesteding bewerken' }).count()).toBe(0);
    await expect.poll(() => focusedForm(page)).toBe('Financiën bewerken');

    // "Annuleren" with changes asks too; Escape means "Verder bewerken".
    await form.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(false);
    expect(await form.getByLabel('Doel', { exact: true }).inputValue()).toMatch(/Mijn dochter helpt me\.$/);

    await press(page, 'Leefgebied opslaan');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Financiën is opgeslagen. Dit is nu versie 4 van het krachtplan.' }).isVisible()).toBe(true);
    expect(await form.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Bewerken: leefgebied Financiën');
    expect(await edit.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('region', { name: 'Financiën', exact: true }).textContent()).toContain('Mijn dochter helpt me.');

    // Without changes another part opens at once; "Annuleren" closes and gives focus back.
    await press(page, 'Bewerken: leefgebied Dagbesteding');
    await expect.poll(() => activeId(page)).toBe('plan-domain-dagbesteding-situation');
    await press(page, 'Bewerken: meedoen en wederkerigheid');
    expect(await leaveDialog(page).isVisible()).toBe(false);
    await expect.poll(() => activeId(page)).toBe('plan-participation-reciprocity');
    expect(await page.getByRole('form', { name: 'Dagbesteding bewerken' }).count()).toBe(0);
    await page.getByRole('form', { name: 'Meedoen en wederkerigheid bewerken' }).getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Bewerken: meedoen en wederkerigheid');
  });

  it('refuses an evaluation date in the past, and takes one ahead', async () => {
    await press(page, 'Bewerken: einde van de ondersteuning');
    const form = page.getByRole('form', { name: 'Einde en evaluatie bewerken' });
    const pastDate = addDays(today, -400);
    await form.getByLabel('Evaluatiedatum', { exact: true }).fill(pastDate);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const message = `De evaluatiedatum ${dutchDate(pastDate)} ligt in het verleden. Kies vandaag of een latere datum.`;
    await expect.poll(() => form.getByRole('link', { name: message }).isVisible()).toBe(true);
    expect(await form.getByText(message).count()).toBeGreaterThanOrEqual(2);
    await check('krachtplan-evaluatie-verleden');
    expect(await versions(page).getByRole('listitem').count()).toBe(4);

    await form.getByLabel('Evaluatiedatum', { exact: true }).fill(addDays(today, 60));
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De data zijn opgeslagen. Dit is nu versie 5' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Einde van de ondersteuning' }).textContent()).toContain(dutchDate(addDays(today, 60)));
  });

  it('lists the versions newest first, one number each, the current one marked', async () => {
    await press(page, 'Akkoord van de cliënt vastleggen');
    const form = page.getByRole('form', { name: 'Akkoord van de cliënt vastleggen' });
    await expect.poll(() => activeId(page)).toBe('akkoord-agreedOn');
    await form.getByRole('radiogroup', { name: 'Hoe gaf de cliënt akkoord?' }).getByLabel('Mondeling, in het gesprek').check();
    await form.getByRole('button', { name: 'Akkoord vastleggen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Het akkoord van de cliënt op versie 5 is vastgelegd.' }).isVisible()).toBe(true);

    const items = await versions(page).getByRole('listitem').allTextContents();
    const numbers = items.map((text) => Number(/^Versie (\d+) — /.exec(text)?.[1]));
    expect(numbers).toEqual([5, 4, 3, 2, 1]);
    expect(items[0]).toBe(`Versie 5 — ${dutchDate(today)} door Sanne Verhoeven — akkoord cliënt ${dutchDate(today)} (mondeling) (huidige versie)`);
    expect(items.slice(1).every((text) => text.endsWith('nog geen akkoord van de cliënt'))).toBe(true);
    // No list numbering beside them that would count the other way.
    expect(await versions(page).evaluate((list) => [list.tagName, getComputedStyle(list.querySelector('li')!).listStyleType])).toEqual(['UL', 'none']);
    expect(await page.getByText(`Versie 5 van ${dutchDate(today)}, opgeslagen door Sanne Verhoeven: akkoord cliënt ${dutchDate(today)} (mondeling).`).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Akkoord van de cliënt vastleggen' }).count()).toBe(0);
    await check('krachtplan-versies');
  });

  it('asks before a link leaves the page with unsaved changes, and keeps them on "Verder bewerken"', async () => {
    await press(page, 'Bewerken: crisisplan');
    const form = page.getByRole('form', { name: 'Crisisplan bewerken' });
    await form.getByLabel('Signalen dat het misgaat', { exact: true }).fill('Post blijft weer liggen, neemt de telefoon niet op.');
    // Closing the tab or reloading: the browser's own question.
    // (The guard is set once React has drawn the typed change: ask until it is.)
    await expect.poll(() => page.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })))).toBe(true);

    const back = page.getByRole('link', { name: 'Terug naar de casus' });
    await back.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(true);
    expect(await leaveDialog(page).textContent()).toContain('U heeft het crisisplan gewijzigd');
    await check('krachtplan-link-weg');
    await leaveDialog(page).getByRole('button', { name: 'Verder bewerken' }).click();
    expect(page.url()).toBe(planUrl);
    expect(await form.getByLabel('Signalen dat het misgaat', { exact: true }).inputValue()).toBe('Post blijft weer liggen, neemt de telefoon niet op.');

    // A click asks as well; "Wijzigingen weggooien" follows the link.
    await back.click();
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(true);
    await leaveDialog(page).getByRole('button', { name: 'Wijzigingen weggooien' }).click();
    await expect.poll(() => page.url()).toBe(planUrl.replace(/\/plan$/, ''));
    // Thrown away: the plan opens closed, the crisis plan as it was saved.
    await page.goto(planUrl);
    await expect.poll(() => page.getByRole('region', { name: 'Crisisplan' }).isVisible()).toBe(true);
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Crisisplan' }).textContent()).not.toContain('Post blijft weer liggen');
  });

  it('keeps the open part and its text across the end of the session', async () => {
    await press(page, 'Bewerken: crisisplan');
    const signs = page.getByRole('form', { name: 'Crisisplan bewerken' }).getByLabel('Signalen dat het misgaat', { exact: true });
    await signs.fill('Belt niet meer terug.');
    // The server ends the session; the next request answers 401 and the app asks to log in.
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Crisisplan opslaan' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Inloggen' }).isVisible()).toBe(true);
    await page.getByLabel('E-mailadres', { exact: true }).fill(WORKER);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('keukentafel-demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.url()).toBe(planUrl);
    await expect.poll(() => signs.inputValue()).toBe('Belt niet meer terug.');
    expect(await page.getByText('Deze tekst had u nog niet opgeslagen toen uw sessie afliep. Hij is teruggezet.').isVisible()).toBe(true);
    await press(page, 'Crisisplan opslaan');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Het crisisplan is opgeslagen. Dit is nu versie 6' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Crisisplan' }).textContent()).toContain('Belt niet meer terug.');
  });

  it('shows a closed case\'s plan on the page, to read only', async () => {
    const caseId = planUrl.split('/').at(-2)!;
    const closed = await page.evaluate(async ({ caseId, today }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const detail = await (await fetch(`/api/v1/cases/${caseId}`)).json();
      const response = await fetch(`/api/v1/cases/${caseId}/close`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ closedOn: today, reasons: ['volgens_plan'], version: detail.version }) });
      return response.status;
    }, { caseId, today });
    expect(closed).toBe(200);
    await page.goto(planUrl);
    await expect.poll(() => page.getByText('De casus is afgesloten. U kunt dit krachtplan lezen, maar niet wijzigen.').isVisible()).toBe(true);
    const financien = page.getByRole('region', { name: 'Financiën', exact: true });
    expect(await financien.textContent()).toContain('Mijn dochter helpt me.');
    expect(await financien.textContent()).toContain('Elke maandag de post openen en in de map doen.');
    expect(await page.getByRole('region', { name: 'Crisisplan' }).textContent()).toContain('Belt niet meer terug.');
    expect(await versions(page).getByRole('listitem').count()).toBe(6);
    expect(await page.getByRole('button', { name: /^Bewerken|Nieuwe afspraak|Leefgebied toevoegen|Akkoord/ }).count()).toBe(0);
    await check('krachtplan-afgesloten');
    await page.context().close();
  });
});
