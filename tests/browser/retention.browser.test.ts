// Bewaartermijn en vernietiging in a real browser, on the server as `npm start` runs it (the demo
// organisation's database, the retention job at start), with four eyes: kwaliteit sees the
// empty queue and records a client's request for destruction, sees it in the queue without the
// client's name, and cannot destroy it herself (the button is disabled and the card says why); a
// second person of kwaliteit confirms it after the warning that it cannot be undone and finds it
// under "Vernietigd"; the worker then sees "Vernietigd dossier" on the client's page. Then the
// daily job lists the demo's clients as if 16 years had passed (the command line, between two runs
// of the server): the first person proposes one, the second sees it is their turn. axe checks every page.
import { execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { requestDueOn } from '../../src/server/modules/retention/retention-rules';
import { formatDate } from '../../src/web/app/format';
import { copyDatabase, type EmptyDatabase } from '../support/empty-database';
import { REPO } from '../support/paths';
import { freePort, spawnServer, stopServer } from '../support/server-process';
import { launchChromium } from '../support/chromium';
import { checkPage, checkPageNarrow, login, newPage } from './support';

let empty: EmptyDatabase;
let port: number;
let baseUrl: string;
let server: ChildProcess | null = null;
let browser: Browser;
let worker: Page;
let quality: Page;
let secondPair: Page;
let clientId = '';
let clientName = '';
const today = todayInNetherlands();
const receivedOn = addDays(today, -20);

const h1 = (p: Page) => p.getByRole('heading', { level: 1 }).textContent();

async function loggedIn(email: string): Promise<Page> {
  const p = await newPage(browser);
  await login(p, baseUrl, email);
  return p;
}

async function start() {
  const started = await spawnServer(empty.env, port);
  baseUrl = started.baseUrl;
  server = started.child;
}

async function stop() {
  if (server) await stopServer(server);
  server = null;
}

async function openQueue(page: Page) {
  await page.goto(`${baseUrl}/bewaartermijn`);
  await expect.poll(() => h1(page)).toBe('Bewaartermijn en vernietiging');
}

beforeAll(async () => {
  empty = await copyDatabase(inject('demoDatabase'));
  port = await freePort();
  await start();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stop();
  await empty?.drop();
});

describe('bewaartermijn en vernietiging, met vier ogen', () => {
  it('finds a client of the demo whose cases are all closed (the worker looks it up)', async () => {
    worker = await loggedIn('medewerker@demo.keukentafel.nl');
    quality = await loggedIn('kwaliteit@demo.keukentafel.nl');
    type Summary = { mainClient: { id: string; firstName: string; lastName: string } | null };
    const closed = (await (await worker.request.get(`${baseUrl}/api/v1/cases?scope=team&status=closed&limit=100`)).json()) as { items: Summary[] };
    const waiting = (await (await worker.request.get(`${baseUrl}/api/v1/registrations?status=untriaged`)).json()) as { client: { id: string } }[];
    for (const item of closed.items) {
      if (!item.mainClient || waiting.some((r) => r.client.id === item.mainClient!.id)) continue;
      const client = (await (await worker.request.get(`${baseUrl}/api/v1/clients/${item.mainClient.id}`)).json()) as { cases: { status: string }[] };
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
    await quality.goto(`${baseUrl}/bewaartermijn/verzoek/${clientId}`);
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
    await expect.poll(() => quality.getByText('Een andere medewerker kwaliteit moet de vernietiging bevestigen.').isVisible()).toBe(true);
    await checkPage(quality, 'verzoek-vastgelegd');
  });

  it('lists the request on facts only, and does not let the one who recorded it destroy it: the card says why', async () => {
    await quality.getByRole('link', { name: 'Naar Bewaartermijn en vernietiging' }).click();
    await expect.poll(() => h1(quality)).toBe('Bewaartermijn en vernietiging');
    const card = quality.getByRole('article', { name: /Verzoek van de cliënt/ });
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(formatDate(requestDueOn(receivedOn)));
    expect(text).toContain('Brief ontvangen per post');
    expect(text).not.toContain(clientName.split(' ').at(-1)!);
    expect(text).toContain('Voorgesteld, wacht op bevestiging');
    expect(text).toContain('U (Ingrid van der Linden)');

    const destroy = card.getByRole('button', { name: 'Vernietigen…' });
    expect(await destroy.isDisabled()).toBe(true);
    // The reason is the button's description, and on screen next to it.
    const why = await destroy.getAttribute('aria-describedby');
    expect(await quality.locator(`[id="${why}"]`).textContent()).toMatch(/Een andere medewerker kwaliteit moet haar bevestigen \(vier ogen\)/);
    expect(await card.getByRole('button', { name: 'Langer bewaren…' }).isEnabled()).toBe(true);
    await checkPage(quality, 'bewaartermijn-voorgesteld-door-mij');
  });

  it('lets a second person of kwaliteit confirm it, after the warning that it cannot be undone', async () => {
    secondPair = await loggedIn('kwaliteit2@demo.keukentafel.nl');
    await secondPair.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bewaartermijn en vernietiging' }).click();
    await expect.poll(() => h1(secondPair)).toBe('Bewaartermijn en vernietiging');
    const card = secondPair.getByRole('article', { name: /Verzoek van de cliënt/ });
    await expect.poll(() => card.textContent()).toMatch(/U bent aan de beurt/);
    expect(await card.textContent()).toContain('Ingrid van der Linden');
    await checkPage(secondPair, 'bewaartermijn-te-bevestigen');
    await checkPageNarrow(secondPair, 'bewaartermijn-te-bevestigen');

    await card.getByRole('button', { name: 'Vernietigen…' }).click();
    const step = card.getByRole('group', { name: /wilt vernietigen\? Dit kan niet ongedaan worden gemaakt/ });
    await expect.poll(() => step.isVisible()).toBe(true);
    await checkPage(secondPair, 'bewaartermijn-bevestigen');
    // Cancelling changes nothing; then for real, from the keyboard.
    await step.getByRole('button', { name: 'Annuleren' }).click();
    await card.getByRole('button', { name: 'Vernietigen…' }).click();
    await card.getByLabel('Toelichting bij het besluit', { exact: true }).fill('Verzoek terecht, geen belang van derden');
    await card.getByRole('button', { name: 'Ja, definitief vernietigen' }).focus();
    await secondPair.keyboard.press('Enter');
    await expect.poll(() => secondPair.getByRole('status').filter({ hasText: /is vernietigd/ }).isVisible()).toBe(true);
    await expect.poll(() => secondPair.getByText('Er is niets te beoordelen.', { exact: false }).isVisible()).toBe(true);

    await secondPair.getByLabel('Toon', { exact: true }).selectOption({ label: 'Vernietigd' });
    const done = secondPair.getByRole('article', { name: /Verzoek van de cliënt/ });
    await expect.poll(() => done.textContent()).toMatch(/Ingrid van der Linden.*Jeroen Smit.*Verzoek terecht, geen belang van derden/);
    await checkPage(secondPair, 'bewaartermijn-vernietigd');
  });

  it('leaves the worker a "Vernietigd dossier" where the client was', async () => {
    await worker.goto(`${baseUrl}/clienten/${clientId}`);
    await expect.poll(() => h1(worker)).toBe('Vernietigd dossier');
    await checkPage(worker, 'client-vernietigd');
  });

  it('lets one person propose what the daily job listed, and shows the other it is their turn', async () => {
    // The daily job as if 16 years had passed, by the command line on the stopped server's database.
    await stop();
    const later = `${Number(today.slice(0, 4)) + 16}-01-15`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/cli/main.ts', 'retention', 'list', '--today', later], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...empty.env },
      cwd: REPO,
    });
    expect(stdout).toMatch(/cliënten nieuw op de lijst/);
    await start();

    await openQueue(quality);
    const card = quality.getByRole('article', { name: /Bewaartermijn verstreken/ }).first();
    await expect.poll(() => card.textContent()).toMatch(/Een medewerker kwaliteit stelt de vernietiging voor/);
    const title = (await card.getByRole('heading', { level: 2 }).textContent())!;
    await checkPage(quality, 'bewaartermijn-op-de-lijst');

    await card.getByRole('button', { name: 'Vernietiging voorstellen…' }).click();
    const form = quality.getByRole('form', { name: /Vernietiging voorstellen: dossier/ });
    await expect.poll(() => form.isVisible()).toBe(true);
    expect(await form.textContent()).toContain('Er wordt nog niets gewist.');
    await form.getByLabel('Toelichting bij het voorstel', { exact: true }).fill('Niets bijzonders in het dossier');
    await checkPage(quality, 'bewaartermijn-voorstellen');
    await form.getByRole('button', { name: 'Voorstellen' }).click();
    await expect.poll(() => quality.getByRole('status').filter({ hasText: /is voorgesteld/ }).isVisible()).toBe(true);
    const proposed = quality.getByRole('article', { name: title });
    await expect.poll(() => proposed.textContent()).toMatch(/Voorgesteld, wacht op bevestiging/);
    expect(await proposed.getByRole('button', { name: 'Vernietigen…' }).isDisabled()).toBe(true);
    await checkPage(quality, 'bewaartermijn-voorgesteld');

    await openQueue(secondPair);
    const theirs = secondPair.getByRole('article', { name: title });
    await expect.poll(() => theirs.textContent()).toMatch(/Ingrid van der Linden.*Niets bijzonders in het dossier.*U bent aan de beurt/);
    expect(await theirs.getByRole('button', { name: 'Vernietigen…' }).isEnabled()).toBe(true);
  });
});
