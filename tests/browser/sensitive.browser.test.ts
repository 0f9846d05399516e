// Sensitive entries in a real browser, on the server as `npm start` runs it (empty database → demo
// organisation): the demo medewerker marks a journal entry and a life domain of the krachtplan as
// domestic violence; the team leader of her team, who is not one of the case's workers, sees only
// placeholders. axe checks every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { checkPage, login, newPage, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let caseUrl = '';
const SECRET_NOTE = 'Mevrouw vertelt dat haar man haar bedreigt als er geen geld is';
const SECRET_SITUATION = 'Ik ben bang als mijn man thuiskomt';
const WITHHELD = 'Afgeschermde notitie: alleen zichtbaar voor de betrokken medewerkers van deze casus.';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function loggedIn(email: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, server.baseUrl, email);
  return page;
}

describe('a sensitive journal entry', () => {
  let author: Page;

  it('is marked by its author with the "Gevoelig" choice, and shown with a tag', async () => {
    author = await loggedIn('medewerker@demo.keukentafel.nl');
    await author.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    const row = author.getByRole('table', { name: /Wat het eerst moet staat bovenaan/ }).getByRole('row').filter({ hasText: 'Lopend' }).first();
    await row.getByRole('link').first().click();
    await expect.poll(() => author.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
    caseUrl = author.url();

    await author.getByRole('button', { name: 'Nieuwe journaalregel' }).click();
    const form = author.getByRole('form', { name: 'Nieuwe journaalregel' });
    await form.getByLabel('Soort contact', { exact: true }).selectOption({ label: 'Huisbezoek' });
    await form.getByLabel('Notitie', { exact: true }).fill(SECRET_NOTE);
    const mark = form.getByLabel('Gevoelig', { exact: true });
    expect(await mark.locator('option').allTextContents()).toEqual(['Geen', 'Huiselijk geweld', 'Gezondheid', 'Justitie']);
    // The keyboard alone: focus the choice and pick with the arrow key.
    await mark.focus();
    await author.keyboard.press('ArrowDown');
    expect(await mark.inputValue()).toBe('huiselijk_geweld');
    await form.getByRole('button', { name: 'Journaalregel opslaan' }).click();

    const entry = author.getByRole('list', { name: 'Contacten, nieuwste eerst' }).getByRole('article').filter({ hasText: SECRET_NOTE });
    await expect.poll(() => entry.getByText('Gevoelig: Huiselijk geweld').isVisible()).toBe(true);
    await checkPage(author, 'journaal-gemarkeerd');
  });

  it('and a life domain of the krachtplan too', async () => {
    await author.goto(`${caseUrl}/plan`);
    await expect.poll(() => author.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Krachtplan/);
    await author.getByRole('button', { name: 'Leefgebied toevoegen' }).click();
    const form = author.getByRole('form', { name: 'Leefgebied toevoegen' });
    await form.getByLabel('Leefgebied', { exact: true }).selectOption({ label: 'Huiselijke relaties' });
    await form.getByLabel('Situatie in de woorden van de cliënt', { exact: true }).fill(SECRET_SITUATION);
    await form.getByLabel('Doel', { exact: true }).fill('Veilig thuis wonen');
    await form.getByLabel('Gevoelig: leefgebied Huiselijke relaties', { exact: true }).selectOption({ label: 'Huiselijk geweld' });
    await form.getByRole('button', { name: 'Leefgebied opslaan' }).click();
    await expect.poll(() => author.getByRole('status').filter({ hasText: /Huiselijke relaties staat in het krachtplan\. Dit is nu versie \d+ van het krachtplan\./ }).isVisible()).toBe(true);
    const domain = author.getByRole('region', { name: 'Huiselijke relaties', exact: true });
    await expect.poll(() => domain.getByText('Gevoelig: Huiselijk geweld').isVisible()).toBe(true);
    await checkPage(author, 'krachtplan-gemarkeerd');
  });

  it('shows a colleague in the team (the team leader) only the placeholder', async () => {
    const colleague = await loggedIn('teamleider@demo.keukentafel.nl');
    // The overview's latest entries show the placeholder too.
    await colleague.goto(caseUrl);
    await expect.poll(() => colleague.getByRole('list', { name: /^De laatste 3 journaalregels/ }).getByText(WITHHELD).first().isVisible()).toBe(true);
    expect(await colleague.content()).not.toContain('bedreigt');
    await colleague.goto(`${caseUrl}#journaal`);
    const journal = colleague.getByRole('list', { name: 'Contacten, nieuwste eerst' });
    await expect.poll(() => journal.getByText(WITHHELD).first().isVisible()).toBe(true);
    // The placeholder describes the entry for screen readers; the entry keeps its date, kind and author.
    const entry = journal.getByRole('article').filter({ hasText: WITHHELD }).first();
    expect(await entry.getAttribute('aria-describedby')).toMatch(/-withheld$/);
    expect(await entry.getByRole('heading', { level: 3 }).textContent()).toMatch(/Huisbezoek$/);
    expect(await entry.getByRole('button').count()).toBe(0);
    expect(await colleague.content()).not.toContain('bedreigt');
    expect(await colleague.content()).not.toContain('Gevoelig: Huiselijk geweld');
    await checkPage(colleague, 'journaal-afgeschermd');

    await colleague.goto(`${caseUrl}/plan`);
    const domain = colleague.getByRole('region', { name: 'Huiselijke relaties', exact: true });
    await expect.poll(() => domain.getByText('Afgeschermd leefgebied: alleen zichtbaar voor de betrokken medewerkers van deze casus.').isVisible()).toBe(true);
    expect(await colleague.content()).not.toContain('bang als mijn man');
    // The domain cannot be added a second time, and the colleague has no mark to set.
    await colleague.getByRole('button', { name: 'Leefgebied toevoegen' }).click();
    const options = colleague.getByRole('form', { name: 'Leefgebied toevoegen' }).getByLabel('Leefgebied', { exact: true }).locator('option');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    expect(await options.filter({ hasText: 'Huiselijke relaties' }).count()).toBe(0);
    expect(await colleague.getByLabel(/^Gevoelig/).count()).toBe(0);
    await checkPage(colleague, 'krachtplan-afgeschermd');

    // The plan as the case page shows it to read: the domain withheld in the same way.
    await colleague.goto(`${caseUrl}#krachtplan`);
    const read = colleague.getByRole('region', { name: /^Het plan, versie \d+$/ });
    await expect.poll(() => read.getByText('Afgeschermd leefgebied: alleen zichtbaar voor de betrokken medewerkers van deze casus.').isVisible()).toBe(true);
    expect(await colleague.content()).not.toContain('bang als mijn man');
  });
});
