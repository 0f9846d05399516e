// Browser test support: start the real server on a copy of the demo organisation's database, drive
// Debian's Chromium, check each page with axe, and keep a screenshot of every step in
// test-results/browser/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, inject } from 'vitest';
import { copyDatabase, type EmptyDatabase } from '../support/empty-database';
import { freePort, spawnServer, stopServer } from '../support/server-process';
import { DEMO_PASSWORD } from '../../src/server/demo/demo.seed';
import { REPO, WEB_DIST } from '../support/paths';

export const SCREENSHOT_DIR = path.join(REPO, 'test-results/browser');

export interface RunningServer {
  baseUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The database in which global-setup.ts let `npm start` create the demo organisation. */
    demoDatabase: EmptyDatabase['env'];
  }
}

/**
 * `npm start`'s entry point on a database of this test file's own: a copy of the one in which the
 * global setup let the same entry point migrate an empty database and create the demo organisation
 * (made once per run: creating it takes some 10 s).
 */
export async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('Build the web app first: npm run build:web');
  const database = await copyDatabase(inject('demoDatabase'));
  const { child, baseUrl, output } = await spawnServer(database.env, await freePort());
  return {
    baseUrl,
    output,
    stop: async () => {
      await stopServer(child);
      await database.drop();
    },
  };
}

let step = 0;

/** Where this test file's screenshots and downloads go: test-results/browser/<file>/. */
export function artifactDir(): string {
  const dir = path.join(SCREENSHOT_DIR, path.basename(expect.getState().testPath ?? 'browser', '.browser.test.ts'));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Checks the page with axe (WCAG 2.1 A/AA) and keeps a screenshot named after the step. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  step++;
  await page.screenshot({ path: path.join(artifactDir(), `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${name}`).toEqual([]);
}

/** `checkPage` at a phone's width (390 px), then back at the page's own width. */
export async function checkPageNarrow(page: Page, name: string): Promise<void> {
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await checkPage(page, `${name}-390`);
  } finally {
    if (wide) await page.setViewportSize(wide);
  }
}

/** A fresh page in Dutch, in the Netherlands' time zone. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  return context.newPage();
}

/** Logs in on the login page and waits until the shell shows the logout button (on a phone: the Menu button). */
export async function login(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const shell = page.getByRole('button', { name: 'Uitloggen' }).or(page.getByRole('button', { name: 'Menu', exact: true }));
  await expect.poll(() => shell.first().isVisible()).toBe(true);
}

export async function logout(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Inloggen' }).isVisible()).toBe(true);
}

/** Shows a part of the case page ("Netwerk", "Journaal", …) by its link in the case's own navigation. */
export async function openCasePart(page: Page, part: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Onderdelen van de casus' }).getByRole('link', { name: part, exact: true }).click();
  await expect.poll(() => new URL(page.url()).hash).toBe(`#${part.toLowerCase()}`);
}

/**
 * Follows a link of the main menu ("Hoofdmenu") as a user would: on a wide screen in the bar,
 * opening the folded group that holds it first; on a phone in the drawer behind "Menu".
 */
export async function followMenu(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  if (await menu.isVisible()) await menu.click();
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const link = nav.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) {
    const group = nav.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true, includeHidden: true }) }).getByRole('button');
    await group.click();
  }
  await link.click();
}

/** The API as a logged-in demo user calls it (session cookie and CSRF token), to set up records quickly. */
export async function apiSession(baseUrl: string, email: string) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${baseUrl}${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  return { get: <T>(url: string) => call<T>('GET', url), post: <T>(url: string, body: unknown) => call<T>('POST', url, body), put: <T>(url: string, body: unknown) => call<T>('PUT', url, body) };
}
export type ApiSession = Awaited<ReturnType<typeof apiSession>>;
