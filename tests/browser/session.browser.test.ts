// The end of an idle session (WCAG 2.2.1, issue 14): a warning two minutes before, with a way to
// stay; text typed and not saved comes back after a new login, and goes with a logout on purpose.
// The page's clock is Playwright's fake one, moved forward; the server's session is ended by
// dropping its cookie, as the server would after 30 minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { type RunningServer, checkPage, login, logout, startServer } from './support';

const WORKER = 'medewerker@demo.keukentafel.nl';
const QUESTION = 'Mevrouw heeft schulden en durft de post niet meer open te maken.';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  await page.clock.install();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const question = () => page.getByLabel('Vraag van de bewoner', { exact: true });
const dialog = () => page.getByRole('alertdialog', { name: 'Blijft u ingelogd?' });

describe('an idle session', () => {
  it('counts the characters of the question against the limit the server checks', async () => {
    await login(page, server.baseUrl, WORKER);
    await page.goto(`${server.baseUrl}/aanmeldingen/nieuw`);
    await question().fill(QUESTION);
    await expect.poll(() => page.getByText(`Nog ${(5000 - QUESTION.length).toLocaleString('nl-NL')} van 5.000 tekens`).isVisible()).toBe(true);
  });

  it('warns two minutes before the end; Escape or "Ingelogd blijven" keeps the session and the focus', async () => {
    await question().focus();
    await page.clock.fastForward('26:00');
    expect(await dialog().isVisible()).toBe(false);
    await page.clock.fastForward('01:10');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(await dialog().textContent()).toContain('Over 2 minuten logt Keukentafel u uit');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ingelogd blijven');
    await checkPage(page, 'sessie-waarschuwing');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toContain('question');

    await page.clock.fastForward('27:10');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await dialog().getByRole('button', { name: 'Ingelogd blijven' }).click();
    await expect.poll(() => dialog().isVisible()).toBe(false);
  });

  it('keeps the typed question across the end of the session and a new login', async () => {
    await page.clock.fastForward('27:10');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await context.clearCookies();
    await page.clock.fastForward('03:00');
    await expect.poll(() => page.getByRole('button', { name: 'Inloggen' }).isVisible()).toBe(true);
    await page.getByLabel('E-mailadres', { exact: true }).fill(WORKER);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('keukentafel-demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/aanmeldingen/nieuw`);
    await expect.poll(() => question().inputValue()).toBe(QUESTION);
    expect(await page.getByText('Deze tekst had u nog niet opgeslagen toen uw sessie afliep. Hij is teruggezet.').isVisible()).toBe(true);
    await checkPage(page, 'tekst-teruggezet');
  });

  it('forgets the kept text on a logout on purpose', async () => {
    await logout(page);
    await login(page, server.baseUrl, WORKER);
    await page.goto(`${server.baseUrl}/aanmeldingen/nieuw`);
    await expect.poll(() => question().isVisible()).toBe(true);
    expect(await question().inputValue()).toBe('');
  });
});
