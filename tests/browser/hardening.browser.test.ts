// Hardening in a real browser: the app works under its Content-Security-Policy (no violation on
// any screen, charts and their tooltips included), a BSN search stays out of the address and the
// history, and a user changes their own password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/server/demo/demo.seed';
import { launchChromium } from '../support/chromium';
import { type RunningServer, checkPage, login, logout, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let page: Page;
/** Every CSP violation the browser reports, from the console and from the page's own event. */
const violations: string[] = [];
const requestedUrls: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (apply|load|execute|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  // Injected by the test driver, so the policy does not apply to this script itself.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('request', (request) => requestedUrls.push(request.url()));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function heading(): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

describe('the web app under its security headers', () => {
  it('serves the page with the policy and shows no organisation login when it is not set up', async () => {
    const response = await page.goto(`${server.baseUrl}/`);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    await expect.poll(heading).toMatch(/Inloggen/);
    expect(await page.getByRole('link', { name: 'Inloggen met uw organisatieaccount' }).count()).toBe(0);
  });

  it('searches a client by BSN without the number in any address', async () => {
    await login(page, server.baseUrl, 'medewerker@demo.keukentafel.nl');
    await expect.poll(heading).toMatch(/Mijn dag/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten', exact: true }).click();
    await page.getByLabel('Zoek cliënt', { exact: true }).fill('999993847');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.getByText(/gevonden voor “999993847”/).first().isVisible()).toBe(true);
    await checkPage(page, 'zoeken-op-bsn');
    expect(page.url()).not.toContain('999993847');
    expect(requestedUrls.filter((url) => url.includes('999993847'))).toEqual([]);
    expect(requestedUrls.some((url) => url.endsWith('/api/v1/clients/search'))).toBe(true);
  });

  it('draws the charts and their tooltips without a violation', async () => {
    await logout(page);
    await login(page, server.baseUrl, 'analist@demo.keukentafel.nl');
    await expect.poll(heading).toMatch(/Cijfers per team/);
    const chart = page.getByRole('img').first();
    await expect.poll(() => chart.isVisible()).toBe(true);
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    await checkPage(page, 'cijfers');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Jaarverslag' }).click();
    await expect.poll(heading, { timeout: 15_000 }).toMatch(/Jaarverslag/);
    await expect.poll(() => page.getByRole('img').first().isVisible(), { timeout: 15_000 }).toBe(true);
    const report = (await page.getByRole('img').first().boundingBox())!;
    await page.mouse.move(report.x + report.width / 2, report.y + report.height / 2);
    await checkPage(page, 'jaarverslag');
    expect(violations).toEqual([]);
  });
});

describe('Wachtwoord wijzigen', () => {
  it('refuses a weak password with the rules, changes it, and the new one logs in', async () => {
    await logout(page);
    await login(page, server.baseUrl, 'teamleider@demo.keukentafel.nl');
    await expect.poll(() => page.getByRole('link', { name: 'Wachtwoord wijzigen' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(heading).toMatch(/Wachtwoord wijzigen/);
    await checkPage(page, 'wachtwoord-wijzigen');

    await page.getByLabel('Huidig wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Wachtwoord2024!');
    await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill('Wachtwoord2024!');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(() => page.getByText('Dit wachtwoord is te bekend').first().isVisible()).toBe(true);
    await checkPage(page, 'wachtwoord-te-bekend');

    // The server checks the current password.
    await page.getByLabel('Huidig wachtwoord', { exact: true }).fill('niet-mijn-wachtwoord');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('drie kraanvogels boven Lunetten');
    await page.getByLabel('Herhaal het nieuwe wachtwoord', { exact: true }).fill('drie kraanvogels boven Lunetten');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(() => page.getByText('Uw huidige wachtwoord klopt niet').first().isVisible()).toBe(true);

    await page.getByLabel('Huidig wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(() => page.getByText('Uw wachtwoord is gewijzigd.').isVisible()).toBe(true);
    await checkPage(page, 'wachtwoord-gewijzigd');

    await logout(page);
    await login(page, server.baseUrl, 'teamleider@demo.keukentafel.nl', 'drie kraanvogels boven Lunetten');
    await expect.poll(heading).not.toMatch(/Inloggen/);
    expect(violations).toEqual([]);
  });

  it('sends the user to the login page with a notice when the session has ended, and back after login', async () => {
    // The server ended the session (idle, expired): from the browser's side the cookie no longer works.
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    await expect.poll(heading).toMatch(/Inloggen/);
    await expect.poll(() => page.getByText('Uw sessie is verlopen; log opnieuw in.').isVisible()).toBe(true);
    await checkPage(page, 'sessie-verlopen');
    await page.getByLabel('E-mailadres', { exact: true }).fill('teamleider@demo.keukentafel.nl');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('drie kraanvogels boven Lunetten');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(heading).toMatch(/Mijn werk/);
    expect(await page.getByText('Uw sessie is verlopen').count()).toBe(0);
    expect(violations).toEqual([]);
  });
});
