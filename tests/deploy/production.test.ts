// The production setup of the README, whole (issue 6): a PostgreSQL primary with a streaming
// replica, pgbouncer in transaction pooling mode in front of the primary, and Keukentafel in two
// worker processes (KEUKENTAFEL_PROCESSES=2) on one port, with DATABASE_URL on pgbouncer and
// DATABASE_REPLICA_URL on the replica. Run by .ci/run (vitest.deploy.config.ts), not by `npm test`.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { loginOverHttp, sendUntilAcknowledged, type HttpSession } from '../support/http-session';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import { DATABASE, POOL_SIZE, query, startPostgresCluster, type PostgresCluster } from './postgres-cluster';

let databases: PostgresCluster;
let server: ServerProcess;

beforeAll(async () => {
  databases = await startPostgresCluster();
  server = await spawnServer(
    { DATABASE_URL: databases.pooledUrl, DATABASE_REPLICA_URL: databases.replicaUrl, KEUKENTAFEL_PROCESSES: '2', KEUKENTAFEL_DEMO: 'true', LOG_LEVEL: 'info' },
    await freePort(),
  );
  await until(() => workerPids().length === 2, 'both workers listening');
}, 180_000);
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await databases?.close();
}, 60_000);

// --- what the processes print: JSON log lines (pino's in the workers, the primary's in the same shape)

function logLines(): { pid: number; msg: string; workerPid?: number; req?: { method: string; url: string } }[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return []; // a line still being written
      }
    });
}

/** The pids of the workers that listen now, from the primary's log, in order of start. */
function workerPids(): number[] {
  const lines = logLines();
  const died = new Set(lines.filter((l) => l.msg === 'worker died, starting a new one').map((l) => l.workerPid));
  return lines.filter((l) => l.msg === 'worker listening' && !died.has(l.workerPid)).map((l) => l.workerPid!);
}

/** The pids of the processes whose log says they received `method path`. */
function servedBy(method: string, path: string): Set<number> {
  return new Set(logLines().filter((l) => l.msg === 'incoming request' && l.req?.method === method && l.req.url === path).map((l) => l.pid));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for: ${what}\n${server.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// --- HTTP as a browser would: a session cookie and the CSRF token

const login = (email: string) => loginOverHttp(server.baseUrl, email);

function call(session: HttpSession, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

const today = todayInNetherlands();
const year = Number(today.slice(0, 4));
const REPORTS = [`/api/v1/reports/annual?year=${year}`, `/api/v1/reports/annual.csv?year=${year}`, `/api/v1/reports/zrm?year=${year}`, '/api/v1/work/figures'];

async function openCase(worker: HttpSession): Promise<string> {
  const mine = (await (await call(worker, 'GET', '/api/v1/work/mine')).json()) as { cases: { id: string; status: string }[] };
  return mine.cases.find((c) => c.status !== 'closed')!.id;
}

function addContact(worker: HttpSession, caseId: string, key: string, note: string): Promise<Response> {
  return call(worker, 'POST', `/api/v1/cases/${caseId}/contacts`, { contactOn: today, kind: 'telefoon', note }, { 'idempotency-key': key });
}

async function contactIds(worker: HttpSession, caseId: string): Promise<string[]> {
  const response = await call(worker, 'GET', `/api/v1/cases/${caseId}/contacts`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }[]).map((c) => c.id);
}

async function pgbouncerStats(): Promise<{ transactions: number; poolMode: string }> {
  const [stats] = await query<{ total_xact_count: string }>(databases.adminUrl, `show stats`).then((rows) => rows.filter((r) => (r as unknown as { database: string }).database === DATABASE));
  const [pool] = await query<{ pool_mode: string }>(databases.adminUrl, `show pools`).then((rows) => rows.filter((r) => (r as unknown as { database: string }).database === DATABASE));
  return { transactions: Number(stats!.total_xact_count), poolMode: pool!.pool_mode };
}

describe('production setup: two processes, pgbouncer, a streaming replica', () => {
  it('serves requests from both worker processes, the primary serving none', async () => {
    const [first, second] = workerPids();
    const worker = await login('medewerker@demo.keukentafel.nl');
    // Concurrent requests open several connections; the primary hands connections out in turn.
    const answers = await Promise.all(Array.from({ length: 16 }, () => call(worker, 'GET', '/api/v1/work/mine')));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect([...servedBy('GET', '/api/v1/work/mine')].sort()).toEqual([first, second].sort());
    expect(servedBy('GET', '/api/v1/work/mine').has(server.child.pid!)).toBe(false);
  });

  it('writes through pgbouncer in transaction mode, fewer server connections than the app opens', async () => {
    const before = await pgbouncerStats();
    expect(before.poolMode).toBe('transaction');
    const worker = await login('medewerker@demo.keukentafel.nl');

    const registration = await call(worker, 'POST', '/api/v1/registrations', { client: { firstName: 'Productie', lastName: 'Proef' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Hulp bij de administratie' });
    expect(registration.status).toBe(201);
    const registrationId = ((await registration.json()) as { id: string }).id;

    const caseId = await openCase(worker);
    const keys = Array.from({ length: 8 }, () => randomUUID());
    const answers = await Promise.all(keys.map((key, i) => addContact(worker, caseId, key, `Productieproef ${i}`)));
    expect(answers.map((a) => a.status)).toEqual(keys.map(() => 201));
    const made = await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id));
    // The same key again (a client that missed the answer): the same entry, not a new one.
    const again = await addContact(worker, caseId, keys[0]!, 'Productieproef 0');
    expect(again.status).toBe(201);
    expect(((await again.json()) as { id: string }).id).toBe(made[0]);

    const ids = await contactIds(worker, caseId);
    expect(made.filter((entry) => ids.filter((id) => id === entry).length !== 1)).toEqual([]);
    const onPrimary = await query<{ id: string }>(databases.primaryUrl, 'select id from registrations where id = $1 union all select id from contacts where id = any($2)', [registrationId, made]);
    expect(onPrimary).toHaveLength(1 + keys.length);

    const after = await pgbouncerStats();
    expect(after.transactions - before.transactions).toBeGreaterThanOrEqual(keys.length + 2);
    // Three processes with pools of up to 10 each, yet at most POOL_SIZE connections reach the primary.
    const [{ connections }] = await query<{ connections: number }>(databases.primaryUrl, 'select count(*)::int as connections from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [DATABASE]);
    expect(connections).toBeLessThanOrEqual(POOL_SIZE);

    // The replica streams the primary's writes: they arrive there (within seconds).
    await until(async () => (await query(databases.replicaUrl, 'select id from contacts where id = any($1)', [made])).length === made.length, 'the writes on the replica', 30_000);
  });

  it('answers the reports from the replica: without it they fail while the screens keep working', { timeout: 120_000 }, async () => {
    const analyst = await login('analist@demo.keukentafel.nl');
    const worker = await login('medewerker@demo.keukentafel.nl');
    const statuses = async () => Promise.all(REPORTS.map(async (path) => (await call(analyst, 'GET', path)).status));
    const health = async () => (await (await fetch(`${server.baseUrl}/api/v1/health`)).json()) as { status: string; replica: string };

    expect(await statuses()).toEqual(REPORTS.map(() => 200));
    expect(await health()).toMatchObject({ status: 'ok', replica: 'ok' });

    await databases.stopReplica();
    try {
      const down = await statuses();
      // 503 (the database is not reachable, try again), not 500 (something went wrong).
      expect(down.filter((status) => status !== 503), `report statuses with the replica stopped: ${down}`).toEqual([]);
      expect(await health()).toMatchObject({ status: 'ok', replica: 'unreachable' });
      // Sessions, screens and writes are on the primary.
      const caseId = await openCase(worker);
      expect((await call(worker, 'GET', '/api/v1/work/dashboard')).status).toBe(200);
      expect((await addContact(worker, caseId, randomUUID(), 'Terwijl de replica stil ligt')).status).toBe(201);
    } finally {
      await databases.startReplica();
    }
    // Back: the pools drop the dead connections and open new ones.
    await until(async () => (await statuses()).every((status) => status === 200), 'the reports after the replica is back', 30_000);
    expect(await health()).toMatchObject({ replica: 'ok' });
  });

  it('replaces a worker killed with SIGKILL under a write load, losing and doubling no acknowledged write', { timeout: 120_000 }, async () => {
    // Enough writers that each worker always has several writes in flight: the kill must hit some.
    const WRITERS = 10;
    const WRITES_PER_WRITER = 18;
    const worker = await login('medewerker@demo.keukentafel.nl');
    const caseId = await openCase(worker);
    const before = await contactIds(worker, caseId);
    const victim = workerPids()[0]!;

    const acknowledged = new Set<string>();
    let unanswered = 0;
    /** When each write now on its way was sent (by key). */
    const inFlight = new Map<string, number>();
    /** One write, sent again with the same key until a 2xx arrives. */
    const write = async (key: string, note: string) => {
      const send = () => {
        inFlight.set(key, Date.now());
        return addContact(worker, caseId, key, note).finally(() => inFlight.delete(key));
      };
      const { attempts, id } = await sendUntilAcknowledged(send, 50);
      unanswered += attempts - 1;
      acknowledged.add(id);
    };
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < WRITES_PER_WRITER; i++) {
        const key = randomUUID();
        await write(key, `Schrijver ${w}, bericht ${i}`);
      }
    });
    const killer = (async () => {
      await until(() => acknowledged.size >= 30, 'writes flowing');
      // Which process serves which keep-alive connection is the primary's choice, and a write takes
      // milliseconds: a kill at a random moment may hit none. Freeze the victim first, so the writes
      // on its connections stay on their way, and kill it once one has waited for a second.
      process.kill(victim, 'SIGSTOP');
      await until(() => [...inFlight.values()].some((sentAt) => Date.now() - sentAt > 1000), 'a write held by the stopped worker');
      process.kill(victim, 'SIGKILL');
    })();
    await Promise.all([...writers, killer]);

    // The primary noticed and started a new worker; two listen again, the killed one is gone.
    await until(() => workerPids().length === 2 && !workerPids().includes(victim), 'a new worker in place of the killed one');
    expect(isRunning(victim)).toBe(false);
    expect(server.output()).toContain('"signal":"SIGKILL"');

    const after = await contactIds(worker, caseId);
    expect(acknowledged.size).toBe(WRITERS * WRITES_PER_WRITER);
    expect([...acknowledged].filter((made) => after.filter((id) => id === made).length !== 1)).toEqual([]);
    expect(after.length).toBe(before.length + acknowledged.size);
    // The kill hit writes in flight: some had to be sent again.
    expect(unanswered).toBeGreaterThan(0);
    console.log(`production setup: ${acknowledged.size} entries acknowledged across a worker kill, ${unanswered} attempts unanswered and retried; all present once`);
  });

  it('stops the primary and every worker on SIGTERM', async () => {
    const pids = workerPids();
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(pids.filter(isRunning)).toEqual([]);
  });
});
