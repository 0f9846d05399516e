// The benchmark (issue 6): builds or reuses a dataset, then measures, and prints one JSON object of
// figures (stdout, and a file in .bench/results/) and readable tables (stderr). A script, not a
// test: it asserts nothing.
//   screens  server-side latency of the screens a worker uses all day (in process, app.inject)
//   reports  the annual report, the ZRM report, Uitstroom and Cijfers (exact, and as the analyst
//            gets them, suppressed over the family of reports); the annual report's SQL floor and ratio
//   load     230 simulated workers against the server in its own process, at 1× and 5× their rate
//   web      first-load JavaScript/CSS and time to interactive of Mijn dag in headless Chromium
//   import   a Utrecht-scale exchange folder into a fresh database
//
//   npm run bench -- [--dataset utrecht-1y|utrecht-10y] [--requests 100] [--load-seconds 60]
//                    [--load-multipliers 1,5] [--parts screens,reports,load,web,import]
//   DATABASE_URL=postgres://…/kt_bench npm run bench -- …   (a database of its own: it is filled)
//
// The embedded database keeps the dataset in .bench/<dataset>/ and reuses it on the next run.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { openDatabase, vacuumAnalyze } from '../../src/server/db/database';
import { DEMO_PASSWORD, ensureDemo, type HistorySize } from '../../src/server/demo/demo.seed';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { sql } from 'drizzle-orm';
import { users } from '../../src/server/db/schema';
import { freePort, spawnServer } from '../../tests/support/server-process';
import { annualReportFloorQuery, floorTotals, reportTotals } from './annual-report-floor';
import { describeImportFigures, measureImport } from './import';
import { latencyOf, type Latency } from './measure';
import { formatLoadTable, runLoad } from './load';
import { describeWebFigures, measureWebApp } from './web';

const DATASETS: Record<string, HistorySize & { description: string }> = {
  // One year of Utrecht: about 14,000 cases, 18 teams, about 230 workers.
  'utrecht-1y': { description: 'één jaar Utrecht', targetCases: 14_000, spanDays: 365, workersPerTeam: [11, 14] },
  // Ten years: about 140,000 cases with their clients, journals and ZRM assessments.
  'utrecht-10y': { description: 'tien jaar Utrecht', targetCases: 140_000, spanDays: 3_650, workersPerTeam: [11, 14] },
};

const PARTS = ['screens', 'reports', 'load', 'web', 'import'] as const;
const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'utrecht-1y' },
    requests: { type: 'string', default: '100' },
    'load-seconds': { type: 'string', default: '60' },
    'load-multipliers': { type: 'string', default: '1,5' },
    parts: { type: 'string', default: PARTS.join(',') },
  },
});
const parts = new Set(values.parts!.split(','));
for (const part of parts) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`Unknown part ${part}; choose from ${PARTS.join(', ')}`);
const dataset = DATASETS[values.dataset!];
if (!dataset) throw new Error(`Unknown dataset ${values.dataset}; choose ${Object.keys(DATASETS).join(' or ')}`);
const REQUESTS = Number(values.requests);
const config = readConfig();
const kind = config.databaseUrl ? 'postgres' : 'pglite';
const dataDir = path.resolve('.bench', values.dataset!);
if (!config.databaseUrl) fs.mkdirSync(dataDir, { recursive: true });

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const started = performance.now();
const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir });
const organisationId = await ensureOrganisation(database.db);
const seeded = await ensureDemo(database.db, organisationId, { size: dataset });
await vacuumAnalyze(database, { afterBulkLoad: true });
const datasetSeconds = seconds(performance.now() - started);
console.error(`${values.dataset} on ${kind}: ${seeded.created ? `built (${seeded.cases} cases)` : 'reused'} in ${datasetSeconds} s`);

const app = await buildApp({ db: database.db, config: { ...config, logLevel: 'silent' }, databaseKind: database.kind, version: 'bench' });
await app.ready();

interface Session {
  headers: Record<string, string>;
}

async function login(email: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { headers: { cookie, 'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken } };
}

async function call<T>(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<T> {
  const response = await app.inject({ method, url, payload: payload as never, headers: session.headers });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  return (response.body ? response.json() : undefined) as T;
}

const WORKER_EMAIL = 'medewerker@demo.keukentafel.nl';
const QUALITY_EMAIL = 'kwaliteit@demo.keukentafel.nl';
const worker = await login(WORKER_EMAIL);
const leader = await login('teamleider@demo.keukentafel.nl');
const today = todayInNetherlands();
const pick = <T>(list: T[], i: number) => list[i % list.length]!;

async function measureScreens(): Promise<Record<string, Latency>> {
  type Mine = { cases: { id: string; status: string; registeredOn: string; mainClient: { id: string; lastName: string } | null }[] };
  const mine = await call<Mine>(worker, 'GET', '/api/v1/work/mine');
  const withClient = mine.cases.filter((c) => c.mainClient);
  if (withClient.length === 0) throw new Error('the demo worker has no cases');
  const screens: Record<string, Latency> = {};
  screens['inloggen'] = await latencyOf(Math.min(REQUESTS, 30), () => login(WORKER_EMAIL));
  screens['mijn dag'] = await latencyOf(REQUESTS, () => call(worker, 'GET', '/api/v1/work/dashboard'));
  screens['mijn werk'] = await latencyOf(REQUESTS, () => call(worker, 'GET', '/api/v1/work/mine'));
  screens['cliënt zoeken'] = await latencyOf(REQUESTS, (i) => call(worker, 'POST', '/api/v1/clients/search', { search: pick(withClient, i).mainClient!.lastName }));
  screens['cliënt met plan en journaal'] = await latencyOf(REQUESTS, async (i) => {
    const c = pick(withClient, i);
    // What the client and case pages ask for together.
    await Promise.all([
      call(worker, 'GET', `/api/v1/clients/${c.mainClient!.id}`),
      call(worker, 'GET', `/api/v1/cases/${c.id}`),
      call(worker, 'GET', `/api/v1/cases/${c.id}/plan`),
      call(worker, 'GET', `/api/v1/cases/${c.id}/contacts`),
    ]);
  });
  // The case page of a case with maatwerk: the case and its requests, decisions and toewijzingen.
  const withMaatwerk: Mine['cases'] = [];
  for (const c of withClient) {
    if ((await call<{ requests: unknown[] }>(worker, 'GET', `/api/v1/cases/${c.id}/maatwerk`)).requests.length > 0) withMaatwerk.push(c);
  }
  if (withMaatwerk.length === 0) throw new Error('none of the demo worker\'s cases has maatwerk');
  screens[`casus met maatwerk (${withMaatwerk.length} casussen)`] = await latencyOf(REQUESTS, (i) => {
    const c = pick(withMaatwerk, i);
    return Promise.all([call(worker, 'GET', `/api/v1/cases/${c.id}`), call(worker, 'GET', `/api/v1/cases/${c.id}/maatwerk`)]);
  });
  const open = withClient.filter((c) => c.status !== 'closed');
  screens['contact toevoegen'] = await latencyOf(REQUESTS, (i) => {
    const c = pick(open, i);
    return call(worker, 'POST', `/api/v1/cases/${c.id}/contacts`, { contactOn: today, kind: 'telefoon', minutes: 10, note: `Benchmark ${i}` });
  });
  screens['bewoner aanmelden'] = await latencyOf(REQUESTS, (i) =>
    call(worker, 'POST', '/api/v1/registrations', { client: { firstName: 'Bench', lastName: `Mark ${i}` }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' }),
  );
  // Closing: the team leader closes running cases of the team (each case once; the dataset keeps them closed).
  const closable = (await call<{ items: { id: string }[] }>(leader, 'GET', '/api/v1/cases?scope=team&status=open&limit=100')).items;
  screens['casus afsluiten'] = await latencyOf(Math.min(REQUESTS, closable.length), async (i) => {
    const c = closable[i]!;
    const detail = await call<{ version: number }>(leader, 'GET', `/api/v1/cases/${c.id}`);
    const t0 = performance.now();
    await call(leader, 'POST', `/api/v1/cases/${c.id}/close`, { closedOn: today, reasons: ['volgens_plan'], version: detail.version });
    return performance.now() - t0;
  });
  screens['teamoverzicht (teamleider)'] = await latencyOf(REQUESTS, () => call(leader, 'GET', '/api/v1/work/team'));
  // Kwaliteit's registers: the review of emergency accesses and attachments (one page, two lists),
  // and the destruction queue. The synthetic history holds none of their rows: this is their floor.
  const quality = await login(QUALITY_EMAIL);
  screens['toegang beoordelen (kwaliteit)'] = await latencyOf(REQUESTS, () =>
    Promise.all([call(quality, 'GET', '/api/v1/emergency-access?status=alle'), call(quality, 'GET', '/api/v1/attachments?status=alle')]),
  );
  screens['vernietigen (kwaliteit)'] = await latencyOf(REQUESTS, () => call(quality, 'GET', '/api/v1/retention?status=open&limit=50&offset=0'));
  return screens;
}

/**
 * The reports of last year, and the annual report's floor: the same counts by one hand-written
 * query (annual-report-floor.ts), with the ratio report ÷ floor and whether their totals agree.
 */
async function measureReports() {
  const reportYear = Number(today.slice(0, 4)) - 1;
  const annual = (await call(leader, 'GET', `/api/v1/reports/annual?year=${reportYear}`)) as Parameters<typeof reportTotals>[0];
  const floorQuery = annualReportFloorQuery(organisationId, reportYear);
  const runFloor = async () => {
    const result = (await database.db.execute(floorQuery)) as unknown as { rows: { floor: unknown }[] };
    const floor = result.rows[0]!.floor;
    return (typeof floor === 'string' ? JSON.parse(floor) : floor) as Parameters<typeof floorTotals>[0];
  };
  // The analyst: the first call suppresses the year's whole family of reports (its p99 here), the
  // others find it kept and only run the queries (scripts/security/small-numbers-family.ts splits this up).
  const analyst = await login('analist@demo.keukentafel.nl');
  const teamCodes = (await call<{ teams: { code: string }[] }>(leader, 'GET', '/api/v1/reference')).teams.map((t) => t.code);
  const latencies: Record<string, Latency> = {
    jaarverslag: await latencyOf(5, () => call(leader, 'GET', `/api/v1/reports/annual?year=${reportYear}`)),
    'jaarverslag: SQL-vloer': await latencyOf(5, runFloor),
    'jaarverslag (analist)': await latencyOf(5, (i) => call(analyst, 'GET', `/api/v1/reports/annual?year=${reportYear}&quarter=${1 + (i % 4)}&team=${pick(teamCodes, i)}`)),
    'zrm-rapport': await latencyOf(5, () => call(leader, 'GET', `/api/v1/reports/zrm?year=${reportYear}`)),
    'zrm-rapport (analist)': await latencyOf(5, () => call(analyst, 'GET', `/api/v1/reports/zrm?year=${reportYear}`)),
    // Uitstroom: the team leader's (exact, the organisation), and the analyst's per team (the first
    // call suppresses the year's family, the others find it kept and only read the rows).
    uitstroom: await latencyOf(5, () => call(leader, 'GET', `/api/v1/reports/flow?year=${reportYear}`)),
    'uitstroom (analist)': await latencyOf(5, (i) => call(analyst, 'GET', `/api/v1/reports/flow?year=${reportYear}&team=${pick(teamCodes, i)}`)),
    'cijfers per team': await latencyOf(5, () => call(leader, 'GET', '/api/v1/work/figures')),
    'cijfers per team (analist)': await latencyOf(5, () => call(analyst, 'GET', '/api/v1/work/figures')),
  };
  const same = JSON.stringify(reportTotals(annual)) === JSON.stringify(floorTotals(await runFloor()));
  const ratio = Math.round((latencies['jaarverslag']!.p50 / latencies['jaarverslag: SQL-vloer']!.p50) * 100) / 100;
  return { year: reportYear, latencies, floor: { ratio, sameTotals: same, totals: reportTotals(annual) } };
}

const figures: Record<string, unknown> = {
  dataset: values.dataset,
  database: kind,
  cases: seeded.created ? seeded.cases : undefined,
  datasetSeconds,
  requestsPerScreen: REQUESTS,
};
const table = (title: string, rows: Record<string, Latency>) => {
  console.error(`\n${title.padEnd(34)}      p50      p95      p99   n`);
  for (const [name, l] of Object.entries(rows)) console.error(`${name.padEnd(34)} ${String(l.p50).padStart(8)} ${String(l.p95).padStart(8)} ${String(l.p99).padStart(8)}   ${l.n}`);
};
if (parts.has('screens')) {
  figures.screens = await measureScreens();
  table('ms (server side, app.inject)', figures.screens as Record<string, Latency>);
}
if (parts.has('reports')) {
  const reports = await measureReports();
  figures.reports = reports;
  table(`ms (reports over ${reports.year})`, reports.latencies);
  console.error(`jaarverslag ÷ SQL-vloer (p50): ${reports.floor.ratio}; same totals: ${reports.floor.sameTotals}`);
}

// The workers' emails for the load, read before the database is handed to the server process.
const staff = await database.db
  .select({ email: users.email })
  .from(users)
  .where(sql`${users.organisationId} = ${organisationId} and ${users.role} in ('medewerker', 'teamleider') and ${users.active}`)
  .orderBy(users.email);
await app.close();
await database.close();

if (parts.has('load') || parts.has('web')) {
  // The server as `npm start` runs it, in its own process, on the same dataset.
  const server = await spawnServer(
    { ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { KEUKENTAFEL_DATA_DIR: dataDir, DATABASE_URL: '' }), KEUKENTAFEL_DEMO: 'false' },
    await freePort(),
  );
  try {
    if (parts.has('load')) {
      const load: Record<string, unknown> = {};
      for (const rateMultiplier of values['load-multipliers']!.split(',').map(Number)) {
        const result = await runLoad({ baseUrl: server.baseUrl, emails: staff.map((s) => s.email), password: DEMO_PASSWORD, rateMultiplier, durationSeconds: Number(values['load-seconds']), today });
        load[`${rateMultiplier}x`] = result;
        console.error(`\nload at ${rateMultiplier}× the realistic rate\n${formatLoadTable(result)}`);
      }
      figures.load = load;
    }
    if (parts.has('web')) {
      const web = await measureWebApp({ baseUrl: server.baseUrl, email: WORKER_EMAIL, password: DEMO_PASSWORD });
      figures.web = web;
      console.error(`\nweb app\n${describeWebFigures(web)}`);
    }
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}
if (parts.has('import')) {
  const imported = await measureImport({ databaseUrl: config.databaseUrl });
  figures.import = imported;
  console.error(`\n${describeImportFigures(imported)}`);
}
// The figures go to standard output and into .bench/results/, so a run under `npm run` (which
// prints its own lines on standard output too) still leaves one clean JSON file.
const resultFile = path.resolve('.bench', 'results', `${values.dataset}-${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.mkdirSync(path.dirname(resultFile), { recursive: true });
fs.writeFileSync(resultFile, `${JSON.stringify(figures, null, 2)}\n`);
console.error(`\nfigures written to ${path.relative(process.cwd(), resultFile)}`);
console.log(JSON.stringify(figures));
