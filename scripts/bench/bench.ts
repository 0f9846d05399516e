// The benchmark (issue 6): builds or reuses a dataset, then measures the server-side latency of the
// screens a worker uses all day and of the reports, and prints one JSON object of figures and a
// readable table. A script, not a test: it asserts nothing, it measures.
//
//   npm run bench -- [--dataset utrecht-1y|utrecht-10y] [--requests 100]
//   DATABASE_URL=postgres://…/kt_bench npm run bench -- …   (a database of its own: it is filled)
//
// The embedded database keeps the dataset in .bench/<dataset>/ and reuses it on the next run.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { openDatabase, refreshPlannerStatistics } from '../../src/server/db/database';
import { DEMO_PASSWORD, ensureDemo, type HistorySize } from '../../src/server/demo/demo.seed';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { latencyOf, type Latency } from './measure';

const DATASETS: Record<string, HistorySize & { description: string }> = {
  // One year of Utrecht: about 14,000 cases, 18 teams, about 230 workers.
  'utrecht-1y': { description: 'één jaar Utrecht', targetCases: 14_000, spanDays: 365, workersPerTeam: [11, 14] },
  // Ten years: about 140,000 cases with their clients, journals and ZRM assessments.
  'utrecht-10y': { description: 'tien jaar Utrecht', targetCases: 140_000, spanDays: 3_650, workersPerTeam: [11, 14] },
};

const { values } = parseArgs({ options: { dataset: { type: 'string', default: 'utrecht-1y' }, requests: { type: 'string', default: '100' } } });
const dataset = DATASETS[values.dataset!];
if (!dataset) throw new Error(`Unknown dataset ${values.dataset}; choose ${Object.keys(DATASETS).join(' or ')}`);
const REQUESTS = Number(values.requests);
const config = readConfig();
const kind = config.databaseUrl ? 'postgres' : 'pglite';
const dataDir = path.resolve('.bench', values.dataset!);
if (!config.databaseUrl) fs.mkdirSync(dataDir, { recursive: true });

const seconds = (ms: number) => Math.round(ms / 100) / 10;
let started = performance.now();
const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir });
const organisationId = await ensureOrganisation(database.db);
const seeded = await ensureDemo(database.db, organisationId, todayInNetherlands(), dataset);
await refreshPlannerStatistics(database, { afterBulkLoad: true });
const datasetSeconds = seconds(performance.now() - started);
console.error(`${values.dataset} on ${kind}: ${seeded.created ? `built (${seeded.cases} cases)` : 'reused'} in ${datasetSeconds} s`);

const app = await buildApp({ db: database.db, config: { ...config, logLevel: 'silent' }, databaseKind: database.kind, version: 'bench' });
await app.ready();

interface Session {
  headers: Record<string, string>;
}

async function login(email: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { headers: { cookie, 'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken } };
}

async function call<T>(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<T> {
  const response = await app.inject({ method, url, payload: payload as never, headers: session.headers });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  return (response.body ? response.json() : undefined) as T;
}

const worker = await login('medewerker@demo.keukentafel.nl');
const leader = await login('teamleider@demo.keukentafel.nl');
type Mine = { cases: { id: string; status: string; registeredOn: string; mainClient: { id: string; lastName: string } | null }[] };
const mine = await call<Mine>(worker, 'GET', '/api/work/mine');
const withClient = mine.cases.filter((c) => c.mainClient);
if (withClient.length === 0) throw new Error('the demo worker has no cases');
const today = todayInNetherlands();
const pick = <T>(list: T[], i: number) => list[i % list.length]!;

const screens: Record<string, Latency> = {};
screens['inloggen'] = await latencyOf(Math.min(REQUESTS, 30), () => login('medewerker@demo.keukentafel.nl'));
screens['mijn dag'] = await latencyOf(REQUESTS, () => call(worker, 'GET', '/api/work/dashboard'));
screens['mijn werk'] = await latencyOf(REQUESTS, () => call(worker, 'GET', '/api/work/mine'));
screens['cliënt zoeken'] = await latencyOf(REQUESTS, (i) => call(worker, 'POST', '/api/clients/search', { search: pick(withClient, i).mainClient!.lastName }));
screens['cliënt met plan en journaal'] = await latencyOf(REQUESTS, async (i) => {
  const c = pick(withClient, i);
  // What the client and case pages ask for together.
  await Promise.all([
    call(worker, 'GET', `/api/clients/${c.mainClient!.id}`),
    call(worker, 'GET', `/api/cases/${c.id}`),
    call(worker, 'GET', `/api/cases/${c.id}/plan`),
    call(worker, 'GET', `/api/cases/${c.id}/contacts`),
  ]);
});
const open = withClient.filter((c) => c.status !== 'closed');
screens['contact toevoegen'] = await latencyOf(REQUESTS, (i) => {
  const c = pick(open, i);
  return call(worker, 'POST', `/api/cases/${c.id}/contacts`, { contactOn: today, kind: 'telefoon', minutes: 10, note: `Benchmark ${i}` });
});
screens['bewoner aanmelden'] = await latencyOf(REQUESTS, (i) =>
  call(worker, 'POST', '/api/registrations', { client: { firstName: 'Bench', lastName: `Mark ${i}` }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' }),
);
// Closing: the team leader closes running cases of the team (each case once; the dataset keeps them closed).
const closable = (await call<{ items: { id: string }[] }>(leader, 'GET', '/api/cases?scope=team&status=open&limit=100')).items;
screens['casus afsluiten'] = await latencyOf(Math.min(REQUESTS, closable.length), async (i) => {
  const c = closable[i]!;
  const detail = await call<{ version: number }>(leader, 'GET', `/api/cases/${c.id}`);
  const t0 = performance.now();
  await call(leader, 'POST', `/api/cases/${c.id}/close`, { closedOn: today, reasons: ['volgens_plan'], version: detail.version });
  return performance.now() - t0;
});
screens['teamoverzicht (teamleider)'] = await latencyOf(REQUESTS, () => call(leader, 'GET', '/api/work/team'));

const reportYear = Number(today.slice(0, 4)) - 1;
const reports: Record<string, Latency> = {
  jaarverslag: await latencyOf(5, () => call(leader, 'GET', `/api/reports/annual?year=${reportYear}`)),
  'zrm-rapport': await latencyOf(5, () => call(leader, 'GET', `/api/reports/zrm?year=${reportYear}`)),
  'cijfers per team': await latencyOf(5, () => call(leader, 'GET', '/api/work/figures')),
};

const figures = {
  dataset: values.dataset,
  database: kind,
  cases: seeded.created ? seeded.cases : undefined,
  datasetSeconds,
  requestsPerScreen: REQUESTS,
  screens,
  reports,
};
console.log(JSON.stringify(figures));
console.error('\nms (server side, app.inject)      p50      p95      p99   n');
for (const [name, l] of Object.entries({ ...screens, ...reports })) {
  console.error(`${name.padEnd(30)} ${String(l.p50).padStart(8)} ${String(l.p95).padStart(8)} ${String(l.p99).padStart(8)}   ${l.n}`);
}
await app.close();
await database.close();
