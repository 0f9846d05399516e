// Bewaartermijn en vernietiging in a real browser, on the server as `npm start` runs it (empty
// database → demo organisation, the retention job at start): kwaliteit sees the empty queue, records
// a client's request for destruction, sees it in the queue without the client's name, confirms the
// destruction after the warning that it cannot be undone, and finds it under "Vernietigd"; the
// worker then sees "Vernietigd dossier" on the client's page. axe checks every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { requestDueOn } from '../../src/server/modules/retention/retention-rules';
import { formatDate } from '../../src/web/app/format';
import { checkPage, launchBrowser, login, newPage, type RunningServer, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let worker: Page;
let quality: Page;
let clientId = '';
let clientName = '';
const today = todayInNetherlands();
const receivedOn = addDays(today, -20);

const h1 = (p: Page) => p.getByRole('heading', { level: 1 }).textContent();

async function loggedIn(email: string): Promise<Page> {
  const p = await newPage(browser);
  await login(p, server.baseUrl, email);
  return p;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('bewaartermijn en vernietiging', () => {
  it('finds a client of the demo whose cases are all closed (the worker looks it up)', async () => {
    worker = await loggedIn('medewerker@demo.keukentafel.nl');
    quality = await loggedIn('kwaliteit@demo.keukentafel.nl');
    type Summary = { mainClient: { id: string; firstName: string; lastName: string } | null };
    const closed = (await (await worker.request.get(`${server.baseUrl}/api/cases?scope=team&status=closed&limit=100`)).json()) as { items: Summary[] };
    const waiting = (await (await worker.request.get(`${server.baseUrl}/api/registrations?status=untriaged`)).json()) as { client: { id: string } }[];
    for (const item of closed.items) {
      if (!item.mainClient || waiting.some((r) => r.client.id === item.mainClient!.id)) continue;
      const client = (await (await worker.request.get(`${server.baseUrl}/api/clients/${item.mainClient.id}`)).json()) as { cases: { status: string }[] };
      if (client.cases.every((c) => c.status === 'closed')) {
        clientId = item.mainClient.id;
        clientName = `${item.mainClient.firstName} ${item.mainClient.lastName}`;
        break;
      }
    }
    expect(clientId).not.toBe('');
  });

  it('shows kwaliteit an empty queue: nothing in the demo is 15 years old', async () => {
    await quality.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bewaartermijn en vernietiging' }).click();
    await expect.poll(() => h1(quality)).toBe('Bewaartermijn en vernietiging');
    await expect.poll(() => quality.getByText('Er is niets te beoordelen.', { exact: false }).isVisible()).toBe(true);
    await checkPage(quality, 'bewaartermijn-leeg');
  });

  it("records the client's written request, with the legal term of 3 months", async () => {
    await quality.goto(`${server.baseUrl}/bewaartermijn/verzoek/${clientId}`);
    await expect.poll(() => h1(quality)).toBe('Verzoek tot vernietiging vastleggen');
    await checkPage(quality, 'verzoek-formulier');
    // A date in the future is refused with the error summary.
    await quality.getByLabel('Datum ontvangst', { exact: true }).fill(addDays(today, 2));
    await quality.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await expect.poll(() => quality.getByRole('link', { name: 'De datum van ontvangst kan niet in de toekomst liggen' }).isVisible()).toBe(true);

    await quality.getByLabel('Datum ontvangst', { exact: true }).fill(receivedOn);
    await expect.poll(() => quality.getByText(`Uiterlijk afhandelen op ${formatDate(requestDueOn(receivedOn))}`).isVisible()).toBe(true);
    await quality.getByLabel('Toelichting', { exact: true }).fill('Brief ontvangen per post');
    await quality.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await expect.poll(() => quality.getByRole('status').filter({ hasText: 'Het verzoek is vastgelegd' }).isVisible()).toBe(true);
    await checkPage(quality, 'verzoek-vastgelegd');
  });

  it('lists the request on facts only, and destroys after the warning that it cannot be undone', async () => {
    await quality.getByRole('link', { name: 'Naar Bewaartermijn en vernietiging' }).click();
    await expect.poll(() => h1(quality)).toBe('Bewaartermijn en vernietiging');
    const card = quality.getByRole('article', { name: /Verzoek van de cliënt/ });
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(formatDate(requestDueOn(receivedOn)));
    expect(text).toContain('Brief ontvangen per post');
    expect(text).not.toContain(clientName.split(' ').at(-1)!);
    await checkPage(quality, 'bewaartermijn-te-beoordelen');

    await card.getByRole('button', { name: 'Vernietigen…' }).click();
    const step = card.getByRole('group', { name: /wilt vernietigen\? Dit kan niet ongedaan worden gemaakt/ });
    await expect.poll(() => step.isVisible()).toBe(true);
    await checkPage(quality, 'bewaartermijn-bevestigen');
    // Cancelling changes nothing; then for real.
    await step.getByRole('button', { name: 'Annuleren' }).click();
    await card.getByRole('button', { name: 'Vernietigen…' }).click();
    await card.getByLabel('Toelichting bij het besluit', { exact: true }).fill('Verzoek terecht, geen belang van derden');
    await card.getByRole('button', { name: 'Ja, definitief vernietigen' }).click();
    await expect.poll(() => quality.getByRole('status').filter({ hasText: /is vernietigd/ }).isVisible()).toBe(true);
    await expect.poll(() => quality.getByText('Er is niets te beoordelen.', { exact: false }).isVisible()).toBe(true);

    await quality.getByLabel('Toon', { exact: true }).selectOption({ label: 'Vernietigd' });
    const done = quality.getByRole('article', { name: /Verzoek van de cliënt/ });
    await expect.poll(() => done.textContent()).toMatch(/Ingrid van der Linden.*Verzoek terecht, geen belang van derden/);
    await checkPage(quality, 'bewaartermijn-vernietigd');
  });

  it('leaves the worker a "Vernietigd dossier" where the client was', async () => {
    await worker.goto(`${server.baseUrl}/clienten/${clientId}`);
    await expect.poll(() => h1(worker)).toBe('Vernietigd dossier');
    await checkPage(worker, 'client-vernietigd');
  });
});
