// Heavy client-file exports (issue 11): how long a PDF of a ~700-page file takes, how long it holds
// the main thread's event loop, and how another user's ordinary request (GET /api/v1/cases/:id) fares
// while six such PDFs are made at once by six users. A measurement: it prints figures and asserts
// nothing. It runs the real app in this process (so the event loop measured is the server's) on a
// database of its own, and talks to it over loopback.
//
//   npx tsx scripts/security/client-file-pdf.ts [--entries 4900] [--parallel 6]
//   DATABASE_URL=postgres://… npx tsx scripts/security/client-file-pdf.ts   (a database of its own is made and dropped)
//
// It uses only what the app had before the PDFs moved to worker threads, so the same script measures
// the code before and after (copy it into a checkout of the older code). The figures depend on the
// machine and on what else runs on it: compare runs made on the same, quiet machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PDFDocument } from 'pdf-lib';
import { buildApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { contacts, users } from '../../src/server/db/schema';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { createUser } from '../../src/server/modules/users/users.service';
import { hashPassword } from '../../src/server/modules/auth/password';
import { seedFixtures, TEAM_A, TEST_PASSWORD, TEST_USERS } from '../../tests/support/fixtures';
import { latencyFromTimes } from '../bench/measure';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '4900' }, parallel: { type: 'string', default: '6' } } });
const ENTRIES = Number(values.entries);
const PARALLEL = Number(values.parallel);

/** A database of its own: a PGlite folder in the temp directory, or a new database on the server at DATABASE_URL. */
async function freshDatabase() {
  if (!process.env.DATABASE_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kt-pdf-bench-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, drop: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const name = `kt_pdf_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

interface Session {
  cookie: string;
  csrf: string;
}

let baseUrl = '';

async function login(email: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function call(session: Session, method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; bytes: Uint8Array; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, bytes, ms: performance.now() - started };
}

async function json<T>(session: Session, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const answer = await call(session, method, url, body);
  if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${new TextDecoder().decode(answer.bytes).slice(0, 200)}`);
  return JSON.parse(new TextDecoder().decode(answer.bytes)) as T;
}

const note = (i: number) =>
  `Gesprek ${i} met mevrouw over de voortgang. ${'De schuldhulp loopt; de afspraken met de bank en de woningcorporatie zijn besproken, en de volgende stap is samen gepland. '.repeat(4)}`;

/** The event loop's delay while `work` runs, in ms: its maximum and 99th percentile (10 ms resolution). */
async function underDelayMonitor<T>(work: () => Promise<T>): Promise<{ result: T; maxDelayMs: number; p99DelayMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    const result = await work();
    return { result, maxDelayMs: Math.round(histogram.max / 1e6), p99DelayMs: Math.round(histogram.percentile(99) / 1e6) };
  } finally {
    histogram.disable();
  }
}

const { database, drop } = await freshDatabase();
const config = { ...readConfig({}), logLevel: 'silent' };
const app = await buildApp({ db: database.db, config, databaseKind: database.kind, version: 'bench' });
try {
  await seedFixtures(database.db);
  const organisationId = (await findOrganisationId(database.db))!;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const exporters = Array.from({ length: PARALLEL }, (_, i) => `exporteur.${i + 1}@test.nl`);
  for (const [i, email] of exporters.entries()) {
    await createUser(database.db, organisationId, { email, name: `Exporteur ${i + 1}`, role: 'medewerker', password: TEST_PASSWORD, teamCode: TEAM_A }, { passwordHash });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // A client with a long journal, and a small one to start the PDF machinery before measuring.
  const anna = await login(TEST_USERS.workerA.email);
  const make = async (lastName: string) => {
    const registration = await json<{ id: string; version: number; client: { id: string } }>(anna, 'POST', '/api/v1/registrations', {
      client: { firstName: 'Fatma', lastName, birthDate: '1968-04-05' },
      registeredOn: '2025-01-06',
      referrerCode: 'huisarts',
      question: 'Schulden en eenzaamheid',
    });
    const triaged = await json<{ caseId: string }>(anna, 'POST', `/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: registration.version });
    return { clientId: registration.client.id, caseId: triaged.caseId };
  };
  const small = await make('Klein');
  const big = await make('Lang');
  const [author] = await database.db.select({ id: users.id }).from(users);
  for (let start = 0; start < ENTRIES; start += 500) {
    const rows = Array.from({ length: Math.min(500, ENTRIES - start) }, (_, k) => ({
      organisationId,
      caseId: big.caseId,
      contactOn: `2025-${String(1 + ((start + k) % 12)).padStart(2, '0')}-15`,
      kind: 'huisbezoek' as const,
      minutes: 45,
      note: note(start + k),
      authorId: author!.id,
    }));
    await database.db.insert(contacts).values(rows);
  }
  const pdfUrl = (clientId: string) => `/api/v1/clients/${clientId}/file.pdf`;
  const warm = await call(anna, 'GET', pdfUrl(small.clientId));
  if (warm.status !== 200) throw new Error(`warm-up PDF: ${warm.status}`);

  // 1. One PDF of the long file, nothing else running.
  const one = await underDelayMonitor(() => call(anna, 'GET', pdfUrl(big.clientId)));
  if (one.result.status !== 200) throw new Error(`PDF: ${one.result.status} ${new TextDecoder().decode(one.result.bytes).slice(0, 200)}`);
  const pages = (await PDFDocument.load(one.result.bytes)).getPageCount();

  // 2. Six users make that PDF at once; another user opens a case page again and again meanwhile.
  const sessions = await Promise.all(exporters.map(login));
  const reader = await login(TEST_USERS.workerA2.email);
  const caseUrl = `/api/v1/cases/${big.caseId}`;
  const quiet = latencyFromTimes(await sequential(20, () => call(reader, 'GET', caseUrl)));
  let running = true;
  const readerTimes: number[] = [];
  const readerLoop = (async () => {
    while (running) {
      const answer = await call(reader, 'GET', caseUrl);
      if (answer.status !== 200) throw new Error(`case page: ${answer.status}`);
      readerTimes.push(answer.ms);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const started = performance.now();
  const parallel = await underDelayMonitor(() => Promise.all(sessions.map((s) => call(s, 'GET', pdfUrl(big.clientId)))));
  const parallelSeconds = (performance.now() - started) / 1000;
  running = false;
  await readerLoop;
  const busy = latencyFromTimes(readerTimes);
  const statuses = parallel.result.map((r) => r.status).reduce<Record<number, number>>((count, s) => ({ ...count, [s]: (count[s] ?? 0) + 1 }), {});

  const figures = {
    machine: { cores: os.availableParallelism(), load1: Number(os.loadavg()[0]!.toFixed(2)), database: database.kind },
    file: { journalEntries: ENTRIES, pages, pdfBytes: one.result.bytes.length },
    onePdf: { seconds: Number((one.result.ms / 1000).toFixed(2)), eventLoopMaxDelayMs: one.maxDelayMs, eventLoopP99DelayMs: one.p99DelayMs },
    parallelPdfs: {
      users: PARALLEL,
      statuses,
      secondsUntilAllAnswered: Number(parallelSeconds.toFixed(2)),
      slowestPdfSeconds: Number((Math.max(...parallel.result.map((r) => r.ms)) / 1000).toFixed(2)),
      eventLoopMaxDelayMs: parallel.maxDelayMs,
      eventLoopP99DelayMs: parallel.p99DelayMs,
    },
    otherUsersCasePage: {
      quietMs: { p50: round(quiet.p50), p95: round(quiet.p95) },
      duringPdfsMs: { requests: readerTimes.length, p50: round(busy.p50), p95: round(busy.p95), max: round(Math.max(...readerTimes)) },
    },
  };
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await app.close();
  await drop();
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

async function sequential(n: number, action: () => Promise<{ status: number; ms: number }>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const answer = await action();
    if (answer.status !== 200) throw new Error(`status ${answer.status}`);
    times.push(answer.ms);
  }
  return times;
}
