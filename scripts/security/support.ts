// Shared by the security measurements (scripts/security/*.ts): a fresh database with two accounts,
// the server as `npm start` runs it in its own process, and HTTP requests from a chosen local
// address (Linux routes all of 127.0.0.0/8 to loopback, so 127.0.0.2 is another client than
// 127.0.0.1). Embedded database by default; with DATABASE_URL a new database on that server.
import { fork } from 'node:child_process';
import http from 'node:http';
import { openDatabase } from '../../src/server/db/database';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { createUser } from '../../src/server/modules/users/users.service';
import { hashPassword } from '../../src/server/modules/auth/password';
import { createEmptyDatabase } from '../../tests/support/empty-database';
import { freePort, spawnServer } from '../../tests/support/server-process';

export const PASSWORD = 'een-lang-meetwachtwoord';
export const ACCOUNTS = { attacked: 'aangevallen@meting.nl', other: 'collega@meting.nl' } as const;

export interface Server {
  port: number;
  /** The database's environment for a process that opens it after the server stopped. */
  databaseEnv: Record<string, string>;
  output: () => string;
  stop(): Promise<void>;
  drop(): Promise<void>;
}

/** A new database with the two accounts, and the server on it (`env` adds settings, e.g. KEUKENTAFEL_PROCESSES). */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const empty = await createEmptyDatabase();
  const database = await openDatabase(empty.env.DATABASE_URL ? { databaseUrl: empty.env.DATABASE_URL } : { dataDir: empty.env.KEUKENTAFEL_DATA_DIR });
  const organisationId = await ensureOrganisation(database.db);
  const passwordHash = await hashPassword(PASSWORD);
  for (const email of Object.values(ACCOUNTS)) await createUser(database.db, organisationId, { email, name: email, role: 'analist', password: PASSWORD }, { passwordHash });
  await database.close();
  const port = await freePort();
  const server = await spawnServer({ ...empty.env, KEUKENTAFEL_DEMO: 'false', ...env }, port);
  let stopped = false;
  return {
    port,
    databaseEnv: empty.env,
    output: server.output,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    },
    drop: () => empty.drop(),
  };
}

export interface Answer {
  status: number;
  /** 0 when the connection failed (reset, refused). */
  ms: number;
  body: string;
  setCookie: string[];
  error?: string;
}

/** One request from `localAddress`; a failed connection is an answer with status 0. */
export function request(port: number, options: { method: string; path: string; localAddress: string; body?: unknown; cookie?: string; agent?: http.Agent }): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        localAddress: options.localAddress,
        agent: options.agent ?? false,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(options.cookie ? { cookie: options.cookie } : {}) },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, ms: performance.now() - t0, body, setCookie: response.headers['set-cookie'] ?? [] }));
        response.on('error', (error) => resolve({ status: 0, ms: performance.now() - t0, body, setCookie: [], error: (error as NodeJS.ErrnoException).code ?? error.message }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, ms: performance.now() - t0, body: '', setCookie: [], error: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end(payload);
  });
}

export function login(port: number, localAddress: string, email: string, password: string, agent?: http.Agent): Promise<Answer> {
  return request(port, { method: 'POST', path: '/api/v1/auth/login', localAddress, body: { email, password }, agent });
}

export function sessionCookie(answer: Answer): string {
  return answer.setCookie.map((c) => c.split(';')[0]).join('; ');
}

export function countBy<T>(items: T[], key: (item: T) => string | number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ProbeSpec {
  name: string;
  method: string;
  path: string;
  localAddress: string;
  /** Pause after each answer before the next request. */
  pauseMs: number;
  body?: unknown;
  cookie?: string;
}

/**
 * Runs the probes (probe.ts) in a process of their own while `work` runs, so the work's own load on
 * this process's event loop does not count in the probes' times; resolves with every probe's answers.
 */
export async function probeDuring<T>(port: number, probes: ProbeSpec[], work: () => Promise<T>): Promise<{ result: T; answers: Record<string, Answer[]> }> {
  const child = fork(new URL('./probe.ts', import.meta.url).pathname, [JSON.stringify({ port, probes })], { execArgv: ['--import', 'tsx'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`probe process exited with ${code}`)));
  });
  try {
    const result = await work();
    const answers = new Promise<Record<string, Answer[]>>((resolve) => child.once('message', (m) => resolve(m as Record<string, Answer[]>)));
    child.send('stop');
    return { result, answers: await answers };
  } finally {
    child.removeAllListeners('exit');
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
  }
}
