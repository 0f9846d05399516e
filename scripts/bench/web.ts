// The web app in a real browser (issue 6): the JavaScript and CSS a browser downloads for the first
// screens (the login page, then what "Mijn dag" adds after logging in), taken from Chromium's own
// network, and the time to interactive of "Mijn dag" on a cold cache. A measurement, not a test.
//
//   node --import tsx scripts/bench/web.ts --base-url http://127.0.0.1:3902 --email E --password P [--runs 5]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Response } from 'playwright-core';
import { launchChromium } from '../../tests/support/chromium';
import { latencyFromTimes, type Latency } from './measure';

/** A quiet main thread for this long after the content is on screen counts as interactive (TTI-style). */
const QUIET_WINDOW_MS = 500;
const TIMEOUT_MS = 30_000;
/** The dashboard shows this section only once its data have arrived (docs/screens.md, "Mijn dag"). */
const DASHBOARD_TITLE = 'Mijn dag';
const DASHBOARD_LOADED_HEADING = 'Indeling';

export interface Asset {
  /** Path of the file on the server, e.g. /assets/index-abc.js. */
  path: string;
  kind: 'js' | 'css';
  /** The screen that first asked for it. */
  screen: 'inloggen' | 'mijn dag';
  rawBytes: number;
  gzipBytes: number;
  /** 'server': the Content-Encoding size Chromium received; 'zlib': the body gzipped here at level 9. */
  gzipFrom: 'server' | 'zlib';
}

export interface AssetTotals {
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

export interface ScreenAssets {
  js: AssetTotals;
  css: AssetTotals;
}

export interface WebFigures {
  /** How the gzip sizes were obtained, over all files. */
  gzipFrom: 'server' | 'zlib' | 'mixed';
  loginPage: ScreenAssets;
  /** What the dashboard downloads on top of the login page. */
  dashboardAdds: ScreenAssets;
  /** The login page plus what the dashboard adds. */
  firstLoad: ScreenAssets;
  assets: Asset[];
  runs: number;
  quietWindowMs: number;
  /** From navigation start, cold cache, with a session: ms. */
  firstContentfulPaint: Latency;
  /** Until the dashboard's blocks (with their data) are on screen. */
  dashboardContent: Latency;
  /** Content on screen and no long task since, for the quiet window (the window not counted). */
  timeToInteractive: Latency;
  /** When the last long task (> 50 ms) seen during a run ended; 0 when there was none. */
  lastLongTaskEnd: Latency;
}

/** A fresh context is a fresh profile: empty cache, no cookies. */
function coldContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
}

function kindOf(response: Response): Asset['kind'] | null {
  const type = response.headers()['content-type'] ?? '';
  if (type.includes('javascript')) return 'js';
  if (type.includes('text/css')) return 'css';
  return null;
}

async function assetOf(response: Response, screen: Asset['screen']): Promise<Asset | null> {
  const kind = kindOf(response);
  if (!kind || response.status() !== 200) return null;
  const body = await response.body(); // decoded
  const encoded = Boolean(response.headers()['content-encoding']);
  const gzipBytes = encoded ? (await response.request().sizes()).responseBodySize : gzipSync(body, { level: 9 }).length;
  return { path: new URL(response.url()).pathname, kind, screen, rawBytes: body.length, gzipBytes, gzipFrom: encoded ? 'server' : 'zlib' };
}

function totals(assets: Asset[]): ScreenAssets {
  const sum = (kind: Asset['kind']): AssetTotals => {
    const of = assets.filter((a) => a.kind === kind);
    return { files: of.length, rawBytes: of.reduce((s, a) => s + a.rawBytes, 0), gzipBytes: of.reduce((s, a) => s + a.gzipBytes, 0) };
  };
  return { js: sum('js'), css: sum('css') };
}

/** Opens the login page on a cold cache, logs in through the form and waits for "Mijn dag" with its data. */
async function firstLoadAssets(browser: Browser, baseUrl: string, email: string, password: string): Promise<Asset[]> {
  const context = await coldContext(browser);
  try {
    const page = await context.newPage();
    let screen: Asset['screen'] = 'inloggen';
    const seen = new Set<string>();
    const pending: Promise<Asset | null>[] = [];
    page.on('response', (response) => {
      if (seen.has(response.url())) return;
      seen.add(response.url());
      pending.push(assetOf(response, screen));
    });
    await page.goto(`${baseUrl}/inloggen`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Inloggen', exact: true }).waitFor();
    screen = 'mijn dag';
    await page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: DASHBOARD_TITLE }).waitFor({ timeout: TIMEOUT_MS });
    await page.getByRole('heading', { level: 2, name: DASHBOARD_LOADED_HEADING }).waitFor({ timeout: TIMEOUT_MS });
    await page.waitForLoadState('networkidle');
    return (await Promise.all(pending)).filter((a): a is Asset => a !== null);
  } finally {
    await context.close();
  }
}

/** The session cookie of a login through the API, for cold runs that do not go through the form. */
async function sessionCookies(baseUrl: string, email: string, password: string): Promise<{ name: string; value: string; url: string }[]> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((header) => {
    const [pair] = header.split(';');
    const at = pair!.indexOf('=');
    return { name: pair!.slice(0, at).trim(), value: pair!.slice(at + 1).trim(), url: baseUrl };
  });
}

// Runs in the page before any of its scripts: remembers when the last long task ended.
const LONG_TASK_OBSERVER = `
  window.__ktLongTaskEnd = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__ktLongTaskEnd = Math.max(window.__ktLongTaskEnd, e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

interface Run {
  firstContentfulPaint: number;
  content: number;
  interactive: number;
  lastLongTaskEnd: number;
}

/** One cold navigation to "Mijn dag" with a session; every time is page time since navigation start. */
async function dashboardRun(browser: Browser, baseUrl: string, cookies: Awaited<ReturnType<typeof sessionCookies>>): Promise<Run> {
  const context = await coldContext(browser);
  try {
    await context.addCookies(cookies);
    await context.addInitScript(LONG_TASK_OBSERVER);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/mijn-dag`, { waitUntil: 'commit' });
    // Checked every animation frame: the first frame in which the loaded dashboard is in the DOM.
    const content = await page.waitForFunction(
      (heading) => ([...document.querySelectorAll('h2')].some((h) => h.textContent?.trim() === heading) ? performance.now() : 0),
      DASHBOARD_LOADED_HEADING,
      { polling: 'raf', timeout: TIMEOUT_MS },
    );
    const contentAt = (await content.jsonValue()) as number;
    const interactive = await page.waitForFunction(
      ({ contentAt, quiet }) => {
        const start = Math.max(contentAt, (window as unknown as { __ktLongTaskEnd: number }).__ktLongTaskEnd);
        return performance.now() - start >= quiet ? start : 0;
      },
      { contentAt, quiet: QUIET_WINDOW_MS },
      { polling: 50, timeout: TIMEOUT_MS },
    );
    const [fcp, lastLongTaskEnd] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      (window as unknown as { __ktLongTaskEnd: number }).__ktLongTaskEnd,
    ]);
    return { firstContentfulPaint: fcp!, content: contentAt, interactive: (await interactive.jsonValue()) as number, lastLongTaskEnd: lastLongTaskEnd! };
  } finally {
    await context.close();
  }
}

export async function measureWebApp(options: { baseUrl: string; email: string; password: string; runs?: number }): Promise<WebFigures> {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const runs = options.runs ?? 5;
  const browser = await launchChromium();
  try {
    const assets = await firstLoadAssets(browser, baseUrl, options.email, options.password);
    const cookies = await sessionCookies(baseUrl, options.email, options.password);
    const times: Run[] = [];
    for (let i = 0; i < runs; i++) times.push(await dashboardRun(browser, baseUrl, cookies));
    const sources = new Set(assets.map((a) => a.gzipFrom));
    return {
      gzipFrom: sources.size === 1 ? [...sources][0]! : 'mixed',
      loginPage: totals(assets.filter((a) => a.screen === 'inloggen')),
      dashboardAdds: totals(assets.filter((a) => a.screen === 'mijn dag')),
      firstLoad: totals(assets),
      assets,
      runs,
      quietWindowMs: QUIET_WINDOW_MS,
      firstContentfulPaint: latencyFromTimes(times.map((t) => t.firstContentfulPaint)),
      dashboardContent: latencyFromTimes(times.map((t) => t.content)),
      timeToInteractive: latencyFromTimes(times.map((t) => t.interactive)),
      lastLongTaskEnd: latencyFromTimes(times.map((t) => t.lastLongTaskEnd)),
    };
  } finally {
    await browser.close();
  }
}

/** The figures as a readable table. */
export function describeWebFigures(f: WebFigures): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
  const row = (name: string, t: AssetTotals) => `${name.padEnd(24)} ${String(t.files).padStart(5)} ${kb(t.rawBytes)} ${kb(t.gzipBytes)}`;
  const ms = (name: string, l: Latency) => `${name.padEnd(24)} ${String(l.p50).padStart(8)} ${String(l.p95).padStart(8)}`;
  return [
    `files (gzip: ${f.gzipFrom === 'zlib' ? 'each body gzipped at level 9 here; the server does not compress' : f.gzipFrom})`,
    `${''.padEnd(24)} files        raw       gzip`,
    row('JS   inloggen', f.loginPage.js),
    row('JS   + mijn dag', f.dashboardAdds.js),
    row('JS   first load', f.firstLoad.js),
    row('CSS  inloggen', f.loginPage.css),
    row('CSS  + mijn dag', f.dashboardAdds.css),
    row('CSS  first load', f.firstLoad.css),
    '',
    `Mijn dag, cold cache, ${f.runs} runs, ms   p50      p95`,
    ms('first contentful paint', f.firstContentfulPaint),
    ms('content on screen', f.dashboardContent),
    ms(`interactive (${f.quietWindowMs} ms quiet)`, f.timeToInteractive),
    ms('last long task ended', f.lastLongTaskEnd),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: { 'base-url': { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, runs: { type: 'string', default: '5' } },
  });
  if (!values['base-url'] || !values.email || !values.password) {
    console.error('Usage: node --import tsx scripts/bench/web.ts --base-url URL --email E --password P [--runs 5]');
    process.exit(2);
  }
  const figures = await measureWebApp({ baseUrl: values['base-url'], email: values.email, password: values.password, runs: Number(values.runs) });
  console.log(JSON.stringify(figures));
  console.error(describeWebFigures(figures));
}
