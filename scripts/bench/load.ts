// The mixed load (issue 6): the workers of the benchmark dataset use the screens they use all day,
// at their realistic rate or a multiple of it, against a server in another process over loopback.
// Prints throughput, latencies per screen and errors. A measurement: it asserts nothing.
//
// Open loop: every screen action has a scheduled start (Poisson arrivals, seeded), and its latency
// counts from that scheduled start, so a slow server shows as latency and not as a lower rate
// (no coordinated omission). The mix and the rate are derived in load-mix.ts.
//
//   node --import tsx scripts/bench/load.ts --base-url http://127.0.0.1:PORT [--multiplier 1] [--seconds 30]
//   (the workers' e-mail addresses come from the database at DATABASE_URL or --database-url;
//    every user's password is the demo password unless --password is given)
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { planArrivals, ratePerSecond, SCREENS, TEAM_LEADER_EXTRA, WORKER_DAY, type Arrival, type Screen } from './load-mix';
import { latencyFromTimes, type Latency } from './measure';

export interface LoadOptions {
  baseUrl: string;
  emails: string[];
  password: string;
  rateMultiplier: number;
  durationSeconds: number;
  /** The date journal entries and registrations get (yyyy-mm-dd, the server's today). */
  today: string;
}

export interface ScreenFigures extends Latency {
  /** Screen actions with at least one request that failed. */
  errors: number;
}

export interface LoadFigures {
  workers: number;
  teamLeaders: number;
  rateMultiplier: number;
  durationSeconds: number;
  /** Screen actions a second that the schedule starts. */
  ratePerSecondTarget: number;
  /**
   * Screen actions answered without error, a second, over the run (its duration, or until the last
   * answer when that comes later). Poisson arrivals vary (± √n actions), so on a short run it may
   * lie a little above or below the target.
   */
  ratePerSecondAchieved: number;
  /** Screen actions started. */
  actions: number;
  /** HTTP requests sent during the load (the client screen is four). */
  requests: number;
  requestsPerSecond: number;
  /** Failed requests (no 2xx/3xx answer, or no answer), and the first few distinct failures. */
  errors: { count: number; first: string[] };
  /** Of every screen action, from its scheduled start until its last answer, in ms. */
  latency: Latency;
  screens: Partial<Record<Screen, ScreenFigures>>;
  /** The logins up front (a few at a time) and loading each worker's own cases, before the load. */
  setup: { loginSeconds: number; login: Latency; mineSeconds: number };
  /**
   * The load generator itself: CPU of this process against wall time (100 = one core), and how late
   * it started the actions against their schedule (the lateness is inside the latencies above).
   */
  generator: { cpuPercent: number; startLag: Latency; maxStartLagMs: number };
}

/** The same schedule on every run. */
const SEED = 20_240_601;
/** A request without an answer after this long is an error. */
const REQUEST_TIMEOUT_MS = 30_000;
/** argon2 is slow on purpose; a few logins at a time keep the 2-core machine usable. */
const SETUP_PARALLEL = 4;
const FIRST_ERRORS = 5;

interface Answer {
  status: number;
  body: string;
  setCookie: string[];
}

interface Target {
  caseId: string;
  clientId: string;
  lastName: string;
}

interface Worker {
  headers: Record<string, string>;
  teamLeader: boolean;
  /** Own open cases with a main client. */
  targets: Target[];
}

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const base = new URL(options.baseUrl);
  // One keep-alive pool for all simulated workers, as many connections as there are requests in flight.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) => request(agent, base, method, path, headers, body);
  try {
    // Setup: log every worker in once and load their own cases to pick targets from.
    let started = performance.now();
    const loginTimes: number[] = [];
    const sessions = await inParallel(options.emails, SETUP_PARALLEL, async (email) => {
      const t0 = performance.now();
      const answer = await send('POST', '/api/v1/auth/login', {}, { email, password: options.password });
      loginTimes.push(performance.now() - t0);
      if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${answer.body.slice(0, 200)}`);
      const me = JSON.parse(answer.body) as { csrfToken: string; permissions: string[] };
      const cookie = answer.setCookie.map((c) => c.split(';')[0]).join('; ');
      return { headers: { cookie, 'x-csrf-token': me.csrfToken }, teamLeader: me.permissions.includes('team:overview') };
    });
    const loginSeconds = seconds(performance.now() - started);
    started = performance.now();
    type Mine = { cases: { id: string; status: string; mainClient: { id: string; lastName: string } | null }[] };
    const workers: Worker[] = await inParallel(sessions, SETUP_PARALLEL, async (session) => {
      const answer = await send('GET', '/api/v1/work/mine', session.headers);
      if (answer.status !== 200) throw new Error(`GET /api/v1/work/mine: ${answer.status} ${answer.body.slice(0, 200)}`);
      const mine = JSON.parse(answer.body) as Mine;
      const targets = mine.cases.flatMap((c) => (c.mainClient && c.status !== 'closed' ? [{ caseId: c.id, clientId: c.mainClient.id, lastName: c.mainClient.lastName }] : []));
      return { ...session, targets };
    });
    const mineSeconds = seconds(performance.now() - started);
    // Last names to search for by a worker without clients of their own.
    const allTargets = workers.flatMap((w) => w.targets);
    if (allTargets.length === 0) throw new Error('none of the workers has an open case with a client');

    // A worker without cases of their own neither opens nor writes in one.
    const days = workers.map((w) => {
      const day = { ...WORKER_DAY, ...(w.teamLeader ? TEAM_LEADER_EXTRA : {}) };
      if (w.targets.length === 0) {
        delete day['cliënt met plan en journaal'];
        delete day['contact toevoegen'];
      }
      return day;
    });
    const rate = ratePerSecond(days, options.rateMultiplier);
    const arrivals = planArrivals(days, rate, options.durationSeconds, SEED);

    const times = new Map<Screen, number[]>(SCREENS.map((s) => [s, []]));
    const failedActions = new Map<Screen, number>();
    const errors = new ErrorTally();
    let requests = 0;

    /** One request of a screen action; false when it failed (counted and kept). */
    const call = async (worker: Worker, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<boolean> => {
      requests++;
      try {
        const answer = await send(method, path, { ...worker.headers, ...headers }, body);
        if (answer.status >= 200 && answer.status < 400) return true;
        errors.add(`${answer.status} ${method} ${withoutIds(path)}: ${withoutIds(answer.body.slice(0, 160))}`);
      } catch (error) {
        errors.add(`${method} ${withoutIds(path)}: ${(error as Error).message}`);
      }
      return false;
    };

    const perform = async (arrival: Arrival): Promise<boolean> => {
      const worker = workers[arrival.worker]!;
      const own = worker.targets.length > 0 ? worker.targets : allTargets;
      const target = own[Math.floor(arrival.pick * own.length)]!;
      switch (arrival.screen) {
        case 'mijn dag':
          return call(worker, 'GET', '/api/v1/work/dashboard');
        case 'mijn werk':
          return call(worker, 'GET', '/api/v1/work/mine');
        case 'cliënt zoeken':
          return call(worker, 'POST', '/api/v1/clients/search', { search: target.lastName });
        case 'cliënt met plan en journaal': {
          // What the client and case pages ask for together.
          const answers = await Promise.all([
            call(worker, 'GET', `/api/v1/clients/${target.clientId}`),
            call(worker, 'GET', `/api/v1/cases/${target.caseId}`),
            call(worker, 'GET', `/api/v1/cases/${target.caseId}/plan`),
            call(worker, 'GET', `/api/v1/cases/${target.caseId}/contacts`),
          ]);
          return answers.every(Boolean);
        }
        case 'contact toevoegen':
          return call(
            worker,
            'POST',
            `/api/v1/cases/${target.caseId}/contacts`,
            { contactOn: options.today, kind: 'telefoon', minutes: 10, note: `Belastingtest ${arrival.seq}: gebeld over de voortgang van het plan.` },
            { 'idempotency-key': randomUUID() },
          );
        case 'bewoner aanmelden':
          return call(worker, 'POST', '/api/v1/registrations', {
            client: { firstName: 'Belasting', lastName: `Test ${arrival.seq}` },
            registeredOn: options.today,
            referrerCode: 'zelfmelder',
            question: 'Vraagt hulp bij het ordenen van de post en de schulden.',
          });
        case 'teamoverzicht (teamleider)':
          return call(worker, 'GET', '/api/v1/work/team');
      }
    };

    const cpuBefore = process.cpuUsage();
    const start = performance.now() + 20;
    const lags: number[] = [];
    const running: Promise<void>[] = [];
    for (const arrival of arrivals) {
      const due = start + arrival.at;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      lags.push(performance.now() - due);
      running.push(
        perform(arrival).then((ok) => {
          times.get(arrival.screen)!.push(performance.now() - due);
          if (!ok) failedActions.set(arrival.screen, (failedActions.get(arrival.screen) ?? 0) + 1);
        }),
      );
    }
    await Promise.all(running);
    // The run lasts its scheduled duration, or longer when answers come in after it.
    const wallMs = Math.max(options.durationSeconds * 1000, performance.now() - start);
    const cpu = process.cpuUsage(cpuBefore);

    const screens: Partial<Record<Screen, ScreenFigures>> = {};
    for (const [screen, list] of times) {
      if (list.length > 0) screens[screen] = { ...latencyFromTimes(list), errors: failedActions.get(screen) ?? 0 };
    }
    const failed = [...failedActions.values()].reduce((sum, n) => sum + n, 0);
    const perSecond = (n: number) => Math.round((n / (wallMs / 1000)) * 100) / 100;
    return {
      workers: workers.length,
      teamLeaders: workers.filter((w) => w.teamLeader).length,
      rateMultiplier: options.rateMultiplier,
      durationSeconds: options.durationSeconds,
      ratePerSecondTarget: Math.round(rate * 100) / 100,
      ratePerSecondAchieved: perSecond(arrivals.length - failed),
      actions: arrivals.length,
      requests,
      requestsPerSecond: perSecond(requests),
      errors: { count: errors.count, first: errors.first },
      latency: latencyFromTimes([...times.values()].flat()),
      screens,
      setup: { loginSeconds, login: latencyFromTimes(loginTimes), mineSeconds },
      generator: {
        cpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 1000) / 10,
        startLag: latencyFromTimes(lags),
        maxStartLagMs: Math.round(lags.reduce((max, lag) => Math.max(max, lag), 0) * 10) / 10,
      },
    };
  } finally {
    agent.destroy();
  }
}

/** A readable table of the figures. */
export function formatLoadTable(f: LoadFigures): string {
  const row = (name: string, l: Latency, errors: number | string) =>
    `${name.padEnd(30)} ${String(l.p50).padStart(8)} ${String(l.p95).padStart(8)} ${String(l.p99).padStart(8)} ${String(l.n).padStart(6)} ${String(errors).padStart(7)}`;
  return [
    `${f.workers} workers (${f.teamLeaders} team leader${f.teamLeaders === 1 ? '' : 's'}), ${f.rateMultiplier}× the realistic rate for ${f.durationSeconds} s`,
    `screen actions/s: target ${f.ratePerSecondTarget}, achieved ${f.ratePerSecondAchieved}; ${f.requests} requests (${f.requestsPerSecond}/s), ${f.errors.count} failed`,
    ...f.errors.first.map((e) => `  error: ${e}`),
    `setup: logins ${f.setup.loginSeconds} s (each p50 ${f.setup.login.p50} ms), own cases ${f.setup.mineSeconds} s; load generator ${f.generator.cpuPercent}% CPU, started actions late by p99 ${f.generator.startLag.p99} ms, at most ${f.generator.maxStartLagMs} ms`,
    '',
    'ms from scheduled start             p50      p95      p99      n  errors',
    ...Object.entries(f.screens).map(([name, l]) => row(name, l, l.errors)),
    row('alle schermen', f.latency, ''),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      multiplier: { type: 'string', default: '1' },
      seconds: { type: 'string', default: '30' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      password: { type: 'string' },
    },
  });
  if (!values['base-url']) throw new Error('--base-url http://127.0.0.1:PORT is required');
  if (!values['database-url']) throw new Error('the workers come from the database: set DATABASE_URL or --database-url');
  const { DEMO_PASSWORD } = await import('../../src/server/demo/demo.seed');
  const { todayInNetherlands } = await import('../../src/server/lib/dates');
  const figures = await runLoad({
    baseUrl: values['base-url'],
    emails: await workerEmails(values['database-url']),
    password: values.password ?? DEMO_PASSWORD,
    rateMultiplier: Number(values.multiplier),
    durationSeconds: Number(values.seconds),
    today: todayInNetherlands(),
  });
  console.log(JSON.stringify(figures));
  console.error(`\n${formatLoadTable(figures)}`);
}

/** The active workers and team leaders of the database: the people who use these screens all day. */
async function workerEmails(databaseUrl: string): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ email: string }>("select email from users where active and role in ('medewerker', 'teamleider') order by email");
    return result.rows.map((r) => r.email);
  } finally {
    await client.end();
  }
}

/** Counts failures and keeps the first few distinct ones. */
class ErrorTally {
  count = 0;
  readonly first: string[] = [];

  add(message: string): void {
    this.count++;
    if (this.first.length < FIRST_ERRORS && !this.first.includes(message)) this.first.push(message);
  }
}

/** Record ids out of a path or message, so that the same failure on different records is one. */
function withoutIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id');
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** `fn` over every item, at most `limit` at a time; the results in the items' order. */
async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** One HTTP request with a JSON body (if any); resolves with the whole answer. */
function request(agent: http.Agent, base: URL, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), setCookie: res.headers['set-cookie'] ?? [] }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

// Run from the command line, not when imported by the benchmark.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
