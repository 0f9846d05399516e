// No page scrolls sideways on a phone (issue 14): every screen of the router, for every role that
// may open it, at 390 px wide. The screens come from router.tsx itself, so a new screen is covered
// the day it is added; a screen with an id in its address gets one from the links of the screens
// visited before it. Wide tables may scroll inside their own box (ScrollTable); the page may not.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO } from '../support/paths';
import { launchChromium } from '../support/chromium';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { apiSession, type RunningServer, login, logout, startServer } from './support';

const ROLES = ['medewerker', 'teamleider', 'kwaliteit', 'analist', 'beheerder'] as const;
const EMAIL = (role: string) => `${role}@demo.keukentafel.nl`;

interface Screen {
  path: string;
  permission: string | null;
}

/** The screens inside the app's shell, with the permission their guard asks (null: any session). */
function screensOfRouter(): Screen[] {
  const source = fs.readFileSync(path.join(REPO, 'src/web/app/router.tsx'), 'utf8');
  const screens: Screen[] = [];
  for (const match of source.matchAll(/<Route path="([^"]+)" element=\{(?:guarded(?:Lazy)?\('([^']+)'|<)/g)) {
    const [, routePath, permission] = match;
    if (routePath === '*' || routePath === '/inloggen' || routePath!.endsWith('/afdrukken')) continue;
    screens.push({ path: `/${routePath}`, permission: permission ?? null });
  }
  return screens;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A screen's address as a pattern that finds its ids in the links of other screens. */
function linkPattern(screenPath: string): RegExp {
  return new RegExp(`^${screenPath.replace(/:[A-Za-z]+/g, UUID).replace(/\//g, '\\/')}$`);
}

let server: RunningServer;
let browser: Browser;
let page: Page;
const screens = screensOfRouter();
const reached = new Set<string>();
/**
 * Addresses linked from the screens visited so far by any role: an id for a screen no screen of
 * the role itself links to (kwaliteit's destruction request names a client it cannot open).
 */
const seenByAny = new Set<string>();

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  // The demo's quality register is empty: one report, so that a report's screen has an id; and
  // kwaliteit opens one client through break-the-glass, where the destruction request starts.
  const leader = await apiSession(server.baseUrl, EMAIL('teamleider'));
  const today = todayInNetherlands();
  await leader.post('/api/v1/quality-reports', { kind: 'incident', category: 'agressie_verbaal', title: 'Schelden aan de balie', description: 'Een bezoeker schold een collega uit', occurredOn: today, receivedOn: today, filedBy: 'Een medewerker' });
  const team = (await leader.get('/api/v1/work/team')) as { cases: { mainClient: { id: string } | null }[] };
  const clientId = team.cases.find((c) => c.mainClient)!.mainClient!.id;
  await (await apiSession(server.baseUrl, EMAIL('kwaliteit'))).post('/api/v1/emergency-access', { clientId, reason: 'Klacht over de afhandeling, het dossier nodig voor het onderzoek' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What sticks out past the right edge of a page that scrolls sideways (nothing when it fits). */
async function overflow(): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)} px)`)
      .concat(`page ${root.scrollWidth} px wide in ${root.clientWidth} px`);
  });
}

async function linksOnPage(): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('a[href^="/"]')].map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('at 390 px wide, no screen scrolls sideways', () => {
  for (const role of ROLES) {
    it(`for the ${role}`, async () => {
      await login(page, server.baseUrl, EMAIL(role));
      const me = (await (await page.request.get(`${server.baseUrl}/api/v1/auth/me`)).json()) as { permissions: string[] };
      const mine = screens.filter((s) => s.permission === null || me.permissions.includes(s.permission));
      // Screens without an id first: their links give the ids of the others.
      const ordered = [...mine.filter((s) => !s.path.includes(':')), ...mine.filter((s) => s.path.includes(':'))];
      const seen = new Set<string>();
      const problems: string[] = [];
      for (const screen of ordered) {
        // A screen below a record (`/casussen/:id/plan`) may be reached from the record itself.
        const record = screen.path.replace(/(\/:[A-Za-z]+)(\/[^:]+)$/, '$1');
        const below = screen.path.slice(record.length);
        const linked = (links: Set<string>): string | undefined => {
          const direct = [...links].find((link) => linkPattern(screen.path).test(link));
          if (direct || !below) return direct;
          const parent = [...links].find((link) => linkPattern(record).test(link));
          return parent ? parent + below : undefined;
        };
        const address = screen.path.includes(':') ? (linked(seen) ?? linked(seenByAny)) : screen.path;
        if (!address) continue;
        await page.goto(`${server.baseUrl}${address}`);
        await page.waitForLoadState('networkidle');
        // The screen, or its message that the record is not there for this role: both must fit.
        await expect.poll(() => page.locator('h1, [role="alert"]').count(), { message: address }).toBeGreaterThan(0);
        reached.add(screen.path);
        for (const link of await linksOnPage()) {
          seen.add(link);
          seenByAny.add(link);
        }
        const sticking = await overflow();
        if (sticking.length > 0) problems.push(`${address}: ${sticking.join(', ')}`);
      }
      expect(problems).toEqual([]);
      await logout(page);
    });
  }

  it('reached every screen of the router with some role', () => {
    // A screen no demo role opens, or whose id no other screen links to, would go unmeasured.
    expect(screens.map((s) => s.path).filter((p) => !reached.has(p))).toEqual([]);
  });
});
