// Measures what a burst of wrong passwords from one address does to a real server (the server as
// `npm start` runs it, in its own process, over loopback): how many password checks it lets
// through, and how fast another user is served meanwhile. Prints a table (standard error) and one
// JSON object (standard output).
//
//   npx tsx scripts/security/login-burst.ts [--requests 800] [--processes 1]
//   DATABASE_URL=postgres://… npx tsx scripts/security/login-burst.ts --processes 2
//
// Scenarios, each from a fresh attacker address:
// - one account, every request on its own connection (as fast as the client opens them);
// - one account over 50 keep-alive connections (stays under the per-address connection limit, so
//   only the login limit and the argon2 cap answer);
// - a spray: every request another e-mail address, over 50 connections;
// and the answer time of a wrong password for an existing account and for an unknown address
// (they must not differ: the login must not tell which accounts exist).
// "Password checks let through" = answers 401 (a refused request, 429 or 503, runs no check), and
// for the attacked account also the server's own count: its 'wrong_password' rows in the access log.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../../src/server/db/database';
import { auditLog, users } from '../../src/server/db/schema';
import { latencyFromTimes, type Latency } from '../bench/measure';
import { ACCOUNTS, countBy, login, PASSWORD, probeDuring, sessionCookie, sleep, startServer, type Answer, type ProbeSpec } from './support';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '800' }, processes: { type: 'string', default: '1' } } });
const REQUESTS = Number(values.requests);

interface Scenario {
  name: string;
  sockets: number | 'one per request';
  email: (i: number) => string;
}

const scenarios: Scenario[] = [
  { name: 'one account, a connection per request', sockets: 'one per request', email: () => ACCOUNTS.attacked },
  { name: 'one account, 50 keep-alive connections', sockets: 50, email: () => ACCOUNTS.attacked },
  { name: 'spray: another address each, 50 connections', sockets: 50, email: (i) => `gok.${i}@meting.nl` },
];

const server = await startServer({ KEUKENTAFEL_PROCESSES: values.processes!, LOG_LEVEL: 'error' });
const figures: Record<string, unknown> = { requests: REQUESTS, processes: Number(values.processes), database: process.env.DATABASE_URL ? 'postgres' : 'pglite' };
try {
  const port = server.port;
  const other = await login(port, '127.0.0.2', ACCOUNTS.other, PASSWORD);
  if (other.status !== 200) throw new Error(`login of the other user: ${other.status} ${other.body}`);
  const cookie = sessionCookie(other);
  // The other user, in a process of its own: the session's "who am I" every 20 ms, and a login with
  // the right password from a third address every 100 ms.
  const probes: ProbeSpec[] = [
    { name: 'me', method: 'GET', path: '/api/v1/auth/me', localAddress: '127.0.0.2', cookie, pauseMs: 20 },
    { name: 'login', method: 'POST', path: '/api/v1/auth/login', localAddress: '127.0.0.3', body: { email: ACCOUNTS.other, password: PASSWORD }, pauseMs: 100 },
  ];
  const quiet = (await probeDuring(port, probes, () => sleep(3000))).answers;
  figures.quiet = { me: latencies(quiet.me!), login: latencies(quiet.login!) };

  const results: Record<string, unknown> = {};
  let attacker = 0;
  for (const scenario of scenarios) {
    const address = `127.0.1.${++attacker}`;
    const agent = scenario.sockets === 'one per request' ? undefined : new http.Agent({ keepAlive: true, maxSockets: scenario.sockets });
    const started = performance.now();
    const { result: answers, answers: during } = await probeDuring(port, probes, () =>
      Promise.all(Array.from({ length: REQUESTS }, (_, i) => login(port, address, scenario.email(i), `fout-${i}`, agent))),
    );
    agent?.destroy();
    results[scenario.name] = {
      seconds: round((performance.now() - started) / 1000),
      answers: countBy(answers, (a) => (a.status === 0 ? `no answer (${a.error})` : a.status)),
      passwordChecksLetThrough: answers.filter((a) => a.status === 401).length,
      attackerAnswer: latencies(answers.filter((a) => a.status !== 0)),
      otherUserMe: latencies(during.me!),
      otherUserLogin: latencies(during.login!),
    };
  }
  figures.bursts = results;

  // Enumeration by timing: alternate an existing and an unknown address, each from a fresh client address.
  const existing: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 60; i++) {
    const from = `127.2.${Math.floor(i / 200)}.${(i % 200) + 1}`;
    const answer = await login(port, from, i % 2 ? ACCOUNTS.other : `onbekend.${i}@meting.nl`, 'fout-wachtwoord');
    (i % 2 ? existing : unknown).push(answer.ms);
  }
  figures.wrongPasswordAnswer = { existingAccount: latencyFromTimes(existing), unknownAddress: latencyFromTimes(unknown) };
} finally {
  await server.stop();
}

// The server's own count: wrong-password rows of the attacked account in the access log.
const database = await openDatabase(server.databaseEnv.DATABASE_URL ? { databaseUrl: server.databaseEnv.DATABASE_URL } : { dataDir: server.databaseEnv.KEUKENTAFEL_DATA_DIR! });
try {
  const [attacked] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, ACCOUNTS.attacked));
  const reasons = await database.db
    .select({ reason: sql<string>`${auditLog.changes}->>'reason'`, n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'login'), eq(auditLog.outcome, 'denied'), eq(auditLog.entityId, attacked!.id)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  figures.accessLogRowsOfAttackedAccount = Object.fromEntries(reasons.map((r) => [r.reason, r.n]));
} finally {
  await database.close();
  await server.drop();
}

console.error(describe(figures));
console.log(JSON.stringify(figures));

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function latencies(answers: Answer[]): Latency & { max: number; failed: number } {
  const ok = answers.filter((a) => a.status !== 0);
  return { ...latencyFromTimes(ok.map((a) => a.ms)), max: round(Math.max(0, ...ok.map((a) => a.ms))), failed: answers.length - ok.length };
}

function describe(f: Record<string, unknown>): string {
  const line = (l: Latency & { max: number; failed: number }) => `p50 ${l.p50} / p95 ${l.p95} / max ${l.max} ms (n ${l.n}${l.failed ? `, ${l.failed} failed` : ''})`;
  const quietFigures = f.quiet as { me: Parameters<typeof line>[0]; login: Parameters<typeof line>[0] };
  const out = [
    `login burst: ${f.requests} wrong passwords at once from one address, ${f.processes} process(es), ${f.database}`,
    `quiet:  other user GET /api/v1/auth/me ${line(quietFigures.me)}; right-password login ${line(quietFigures.login)}`,
  ];
  for (const [name, r] of Object.entries(f.bursts as Record<string, Record<string, unknown>>)) {
    out.push(`\n${name} (${r.seconds} s)`);
    out.push(`  answers: ${JSON.stringify(r.answers)}; password checks let through: ${r.passwordChecksLetThrough}`);
    out.push(`  attacker's answers: ${line(r.attackerAnswer as Parameters<typeof line>[0])}`);
    out.push(`  other user during it: me ${line(r.otherUserMe as Parameters<typeof line>[0])}`);
    out.push(`                        login ${line(r.otherUserLogin as Parameters<typeof line>[0])}`);
  }
  const timing = f.wrongPasswordAnswer as { existingAccount: Latency; unknownAddress: Latency };
  out.push(`\nwrong password, existing account: p50 ${timing.existingAccount.p50} / p95 ${timing.existingAccount.p95} ms; unknown address: p50 ${timing.unknownAddress.p50} / p95 ${timing.unknownAddress.p95} ms`);
  out.push(`access log rows of the attacked account: ${JSON.stringify(f.accessLogRowsOfAttackedAccount)}`);
  return out.join('\n');
}
