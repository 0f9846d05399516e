// Does a refused look teach the caller that the record exists? Times a look at an existing client of
// another team (answered 404, logged as refused) against a look at an id that exists nowhere (also
// 404), on the same route (GET /api/v1/clients/:id), many times each. The server runs in its own process
// as `npm start` runs it and the requests go over loopback HTTP, so the times are what a caller sees:
// work the server does after sending the answer is not in them (in process, app.inject would share
// one event loop with that work and count it). A script that prints figures, not a test.
//
//   npx tsx scripts/security/denied-timing.ts [--reps 1000] [--clients 50] [--pause-ms 25]
//   DATABASE_URL=postgres://… npx tsx scripts/security/denied-timing.ts   (a database of its own is made and dropped)
//
// Two orders: "paused" leaves --pause-ms between requests (time for the server to finish what a refused
// look left behind); "back to back" sends the next request at once, so such work (on the embedded
// database: its one connection) shows in the following answer. The kinds alternate in a fixed
// pseudo-random order, so each follows each as often. Standard error: a table; standard output: JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/database';
import { hashPassword } from '../../src/server/modules/auth/password';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { createUser } from '../../src/server/modules/users/users.service';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { freePort, spawnServer } from '../../tests/support/server-process';
import { latencyFromTimes, type Latency } from '../bench/measure';

const { values: args } = parseArgs({ options: { reps: { type: 'string', default: '1000' }, clients: { type: 'string', default: '50' }, 'pause-ms': { type: 'string', default: '25' } } });
const REPS = Number(args.reps);
const CLIENTS = Number(args.clients);
const PAUSE_MS = Number(args['pause-ms']);
const PASSWORD = 'meet-de-tijd-van-een-weigering';
const PEOPLE = [
  { email: 'meter.a@test.nl', name: 'Meter A', team: 'overvecht-centrum' },
  { email: 'meter.b@test.nl', name: 'Meter B', team: 'zuilen' },
];

/** A new database (a temporary folder, or a database on the server) with the organisation and two workers. */
async function prepare(): Promise<{ env: Record<string, string>; kind: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  if (serverUrl) {
    const name = `kt_denied_timing_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    drop = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keukentafel-timing-'));
    env = { KEUKENTAFEL_DATA_DIR: dir, DATABASE_URL: '' };
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const database = await openDatabase(serverUrl ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.KEUKENTAFEL_DATA_DIR });
  const organisationId = await ensureOrganisation(database.db);
  const passwordHash = await hashPassword(PASSWORD);
  for (const p of PEOPLE) await createUser(database.db, organisationId, { email: p.email, name: p.name, role: 'medewerker', teamCode: p.team, password: PASSWORD }, { passwordHash });
  const kind = database.kind;
  await database.close();
  return { env: { ...env, KEUKENTAFEL_DEMO: 'false' }, kind, drop };
}

/** A fixed sequence of true/false, half of each, shuffled with a seeded generator. */
function alternation(n: number): boolean[] {
  const kinds = Array.from({ length: n }, (_, i) => i % 2 === 0);
  let seed = 20240611;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  return kinds;
}

async function main() {
  const prepared = await prepare();
  const server = await spawnServer(prepared.env, await freePort());
  try {
    const login = async (email: string) => {
      const r = await fetch(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      if (r.status !== 200) throw new Error(`login ${email}: ${r.status}`);
      return { cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
    };
    const [a, b] = [await login(PEOPLE[0]!.email), await login(PEOPLE[1]!.email)];
    const existing: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const r = await fetch(`${server.baseUrl}/api/v1/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: b.cookie, 'x-csrf-token': b.csrf },
        body: JSON.stringify({ client: { firstName: 'Bestaat', lastName: `Wel${i}` }, registeredOn: todayInNetherlands(), referrerCode: 'zelfmelder', question: 'Vraag' }),
      });
      existing.push(((await r.json()) as { client: { id: string } }).client.id);
    }
    const look = async (id: string) => {
      const t0 = process.hrtime.bigint();
      const r = await fetch(`${server.baseUrl}/api/v1/clients/${id}`, { headers: { cookie: a.cookie } });
      await r.arrayBuffer();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 404) throw new Error(`expected 404, got ${r.status}`);
      return ms;
    };

    const results: Record<string, { refused: Latency; unknown: Latency }> = {};
    for (const order of ['paused', 'back to back'] as const) {
      for (let i = 0; i < 200; i++) await look(i % 2 ? existing[i % CLIENTS]! : randomUUID()); // warm up
      await sleep(500);
      const times = { refused: [] as number[], unknown: [] as number[] };
      let n = 0;
      for (const refused of alternation(REPS * 2)) {
        const ms = await look(refused ? existing[n++ % CLIENTS]! : randomUUID());
        (refused ? times.refused : times.unknown).push(ms);
        if (order === 'paused') await sleep(PAUSE_MS);
      }
      results[order] = { refused: latencyFromTimes(times.refused), unknown: latencyFromTimes(times.unknown) };
    }

    console.error(`GET /api/v1/clients/:id over HTTP, ${REPS} looks of each kind per order, ${prepared.kind}; ms`);
    console.error('order          kind                          p50     p95     p99');
    for (const [order, r] of Object.entries(results)) {
      for (const [kind, l] of [['refused (exists, other team)', r.refused], ['unknown id', r.unknown]] as const) {
        console.error(`${order.padEnd(14)} ${kind.padEnd(29)} ${String(l.p50).padStart(6)}  ${String(l.p95).padStart(6)}  ${String(l.p99).padStart(6)}`);
      }
    }
    console.log(JSON.stringify({ route: 'GET /api/v1/clients/:id', database: prepared.kind, reps: REPS, pauseMs: PAUSE_MS, results }));
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    await prepared.drop();
  }
}

await main();
