// Memory and event loop of the server while uploads reach the web import (issue 11): the largest
// rejected uploads (186 MB with a Content-Length and chunked, and the 172 MB that the zip bomb
// unpacked to), and the Utrecht-scale history checked and imported through the web. A measurement,
// not a test: the figures depend on the machine and on what else runs on it.
//
// The server runs in a child process the way `npm start` runs it (tsx), one fresh process per part,
// with memory-probe.mjs preloaded; the figures are that process's peaks during the request (RSS:
// everything, worker threads included; heap and buffers: the main thread) and its event-loop delay.
//
//   npx tsx scripts/security/upload-memory.ts [--server-dir DIR] [--parts PART,…] [--cases 35000] [--small-heap-mb 256]
//
// Parts: length-186 (186 MB with a Content-Length), chunked-186, chunked-172, utrecht-validate,
// utrecht-import, largest-validate and largest-import (a synthetic history of 95% of IMPORT_MAX_MB:
// what the largest upload the web import takes costs), utrecht-import-small-heap and
// largest-import-small-heap (the import in a server whose heap is limited to --small-heap-mb, 256
// unless given, as on a small machine: it fits, or is refused with 413, or the server dies). --server-dir runs another checkout's server (e.g. the commit before the change, with
// this checkout's node_modules linked into it) to measure before and after the same way. With
// DATABASE_URL set the server uses a new database on that server; else an embedded one in a
// temporary folder. Prints a table (standard error) and one JSON object (standard output).
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../../src/server/config';
import { generateExchange } from '../synthetic-exchange';
import { createEmptyDatabase } from '../../tests/support/empty-database';
import { freePort } from '../../tests/support/server-process';

const PARTS = ['length-186', 'chunked-186', 'chunked-172', 'utrecht-validate', 'utrecht-import', 'largest-validate', 'largest-import', 'utrecht-import-small-heap', 'largest-import-small-heap'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    'server-dir': { type: 'string', default: process.cwd() },
    parts: { type: 'string', default: PARTS.join(',') },
    cases: { type: 'string', default: '35000' },
    'small-heap-mb': { type: 'string', default: '256' },
  },
});
const serverDir = path.resolve(values['server-dir']!);
const parts = values.parts!.split(',') as Part[];
for (const part of parts) if (!PARTS.includes(part)) throw new Error(`unknown part ${part}; parts: ${PARTS.join(', ')}`);

const MB = 1024 * 1024;
const EMAIL = 'meting@keukentafel.test';
const PASSWORD = 'meetwachtwoord-voor-uploads-2024';
const PROBE = new URL('./memory-probe.mjs', import.meta.url).href;

interface Probe {
  peak: Record<'rss' | 'heapUsed' | 'heapTotal' | 'external' | 'arrayBuffers', number>;
  eventLoop: { maxMs: number; p99Ms: number; meanMs: number; longestTimerGapMs: number };
}

interface Server {
  child: ChildProcess;
  url: string;
  ask(message: 'reset' | 'read'): Promise<Probe>;
  /** The highest resident size read from /proc since the start. */
  peakRssSeen(): number;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = fork(path.join(serverDir, 'src/server/main.ts'), [], {
    cwd: serverDir,
    execArgv: ['--import', 'tsx', '--import', PROBE],
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KEUKENTAFEL_DEMO: 'false' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  // The resident size seen from outside (Linux): it is there also for a server that dies of the upload.
  let peakRss = 0;
  const watch = setInterval(() => {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    peakRss = Math.max(peakRss, Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024);
  }, 20);
  child.once('exit', () => clearInterval(watch));
  // A server that dies of an upload closes the channel under a message: its exit says it.
  child.on('error', () => undefined);
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false)) break;
    if (tries > 600) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    url,
    ask: (message) =>
      new Promise((resolve, reject) => {
        if (!child.connected) return reject(new Error('the server has stopped'));
        const stopped = () => reject(new Error('the server has stopped'));
        child.once('exit', stopped);
        child.once('message', (answer) => (child.off('exit', stopped), resolve(answer as Probe)));
        child.send(message, (error) => error && stopped());
      }),
    peakRssSeen: () => peakRss,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // A server still reading a body it will never get does not finish; it is not measured any more.
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(kill);
    },
  };
}

async function login(url: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/** clients.csv rows as JSON text, 16 bytes a row, unique ids: the body of an oversized upload, made as it is sent. */
const PREFIX = Buffer.from('{"files":{"clients.csv":"client_id,bsn,birth_date,gender,postcode\\n');
const SUFFIX = Buffer.from('"}}');
const ROW = 16;
const ROWS_PER_CHUNK = 4096;

interface Sent {
  status: number | null;
  message: string;
  /** Bytes written when the answer came (or all of them). */
  sentMb: number;
  seconds: number;
}

function sendLarge(url: string, session: { cookie: string; csrfToken: string }, bytes: number, chunked: boolean): Promise<Sent> {
  const rows = Math.floor((bytes - PREFIX.length - SUFFIX.length) / ROW);
  const total = PREFIX.length + rows * ROW + SUFFIX.length;
  const started = performance.now();
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    const finish = (status: number | null, message: string) => {
      if (done) return;
      done = true;
      request.destroy();
      resolve({ status, message, sentMb: sent / MB, seconds: (performance.now() - started) / 1000 });
    };
    const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = String(total);
    const request = http.request(`${url}/api/v1/exchange/validate`, { method: 'POST', agent: false, headers });
    request.setMaxListeners(0);
    const message = (text: string) => {
      try {
        return (JSON.parse(text) as { message: string }).message;
      } catch {
        return text.slice(0, 200);
      }
    };
    request.on('response', (response) => {
      let text = '';
      response.on('data', (c) => (text += c));
      response.on('end', () => finish(response.statusCode ?? null, message(text)));
    });
    // A server that answers early and closes makes the next write fail (EPIPE), and the reset that
    // follows can drop the answer on the client's side: then only the bytes sent are known.
    request.on('error', (error) => finish(null, `connection closed by the server (${(error as NodeJS.ErrnoException).code})`));
    const write = async () => {
      const chunks = function* () {
        yield PREFIX;
        for (let row = 0; row < rows; row += ROWS_PER_CHUNK) {
          const count = Math.min(ROWS_PER_CHUNK, rows - row);
          const chunk = Buffer.allocUnsafe(count * ROW);
          for (let i = 0; i < count; i++) chunk.write(`C${String(row + i).padStart(9, '0')},,,,\\n`, i * ROW, 'latin1');
          yield chunk;
        }
        yield SUFFIX;
      };
      for (const chunk of chunks()) {
        if (done) return;
        sent += chunk.length;
        if (!request.write(chunk)) await new Promise((r) => (request.once('drain', r), request.once('close', r)));
        if (request.destroyed) return;
      }
      if (!done) request.end();
    };
    request.flushHeaders();
    void write();
  });
}

/**
 * What the server answers to the headers of an upload of `bytes`, no body sent (as a client that
 * checks first sees it); a server that waits for the body answers nothing within 5 s.
 */
function answerTo(url: string, session: { cookie: string; csrfToken: string }, bytes: number): Promise<{ status: number | null; message: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      request.destroy();
      resolve({ status: null, message: 'no answer within 5 s: the server waits for the body' });
    }, 5000);
    const request = http.request(`${url}/api/v1/exchange/validate`, {
      method: 'POST',
      agent: false,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json', 'content-length': String(bytes) },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (c) => (text += c));
      response.on('end', () => {
        clearTimeout(timer);
        request.destroy();
        resolve({ status: response.statusCode!, message: (JSON.parse(text) as { message: string }).message });
      });
    });
    request.on('error', reject);
    request.flushHeaders();
  });
}

async function sendJson(url: string, session: { cookie: string; csrfToken: string }, route: string, body: string): Promise<Sent & { result?: unknown }> {
  const started = performance.now();
  const response = await fetch(`${url}${route}`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body }).catch(
    (error: Error) => error,
  );
  if (response instanceof Error) return { status: null, message: `no answer: ${(response.cause as Error | undefined)?.message ?? response.message}`, sentMb: Buffer.byteLength(body) / MB, seconds: (performance.now() - started) / 1000 };
  const json = (await response.json()) as { message?: string; valid?: boolean; imported?: boolean };
  return { status: response.status, message: json.message ?? `valid ${json.valid}, imported ${json.imported}`, sentMb: Buffer.byteLength(body) / MB, seconds: (performance.now() - started) / 1000 };
}

const mb = (bytes: number) => Math.round(bytes / MB);
const ms = (value: number) => Math.round(value);

async function main() {
  const database = await createEmptyDatabase();
  const env = database.env;
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/main.ts', 'user', 'add', '--email', EMAIL, '--password', PASSWORD, '--role', 'beheerder'], {
    cwd: serverDir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (cli.status !== 0) throw new Error(`user add failed: ${cli.stderr}`);

  const history = (cases: number) => JSON.stringify({ files: generateExchange({ cases, from: '2014-01-01', to: '2017-12-31', seed: 1 }) });
  const utrecht = parts.some((p) => p.startsWith('utrecht') || p.startsWith('largest')) ? history(Number(values.cases)) : '';
  // The synthetic history grows linearly with its cases: as many as fill 95% of the limit.
  const largest = parts.some((p) => p.startsWith('largest')) ? history(Math.floor((0.95 * readConfig().importMaxBytes * Number(values.cases)) / Buffer.byteLength(utrecht))) : '';
  const results: Record<string, unknown>[] = [];
  try {
    for (const part of parts) {
      const server = await startServer(part.endsWith('small-heap') ? { ...env, NODE_OPTIONS: `--max-old-space-size=${values['small-heap-mb']}` } : env);
      try {
        const session = await login(server.url);
        const refusal = !/^(length|chunked)-/.test(part) ? null : await answerTo(server.url, session, Number(part.split('-')[1]) * MB);
        const idle = await server.ask('reset');
        let sent: Sent;
        if (part === 'length-186') sent = await sendLarge(server.url, session, 186 * MB, false);
        else if (part === 'chunked-186') sent = await sendLarge(server.url, session, 186 * MB, true);
        else if (part === 'chunked-172') sent = await sendLarge(server.url, session, 172 * MB, true);
        else if (part === 'utrecht-validate') sent = await sendJson(server.url, session, '/api/v1/exchange/validate', utrecht);
        else if (part === 'utrecht-import' || part === 'utrecht-import-small-heap') sent = await sendJson(server.url, session, '/api/v1/exchange/import', utrecht);
        else if (part === 'largest-import-small-heap') sent = await sendJson(server.url, session, '/api/v1/exchange/import', largest);
        else if (part === 'largest-validate') sent = await sendJson(server.url, session, '/api/v1/exchange/validate', largest);
        else sent = await sendJson(server.url, session, '/api/v1/exchange/import', largest);
        // The peaks up to now; a server that died answers nothing.
        const probe = await server.ask('read').catch(() => null);
        const healthy = await fetch(`${server.url}/api/v1/health`).then((r) => r.ok, () => false);
        results.push({
          part,
          status: sent.status,
          message: sent.message,
          answerToHeaders: refusal,
          sentMb: Math.round(sent.sentMb * 10) / 10,
          seconds: Math.round(sent.seconds * 10) / 10,
          serverAlive: healthy,
          idleRssMb: mb(idle.peak.rss),
          peakRssMb: probe ? mb(probe.peak.rss) : null,
          peakRssFromOutsideMb: mb(server.peakRssSeen()),
          peakHeapUsedMb: probe ? mb(probe.peak.heapUsed) : null,
          peakArrayBuffersMb: probe ? mb(probe.peak.arrayBuffers) : null,
          eventLoopMaxMs: probe ? ms(probe.eventLoop.maxMs) : null,
          eventLoopP99Ms: probe ? ms(probe.eventLoop.p99Ms) : null,
          longestTimerGapMs: probe ? ms(probe.eventLoop.longestTimerGapMs) : null,
        });
      } finally {
        await server.stop();
      }
    }
  } finally {
    await database.drop();
  }

  const columns = ['part', 'status', 'sentMb', 'seconds', 'serverAlive', 'idleRssMb', 'peakRssMb', 'peakRssFromOutsideMb', 'peakHeapUsedMb', 'peakArrayBuffersMb', 'eventLoopMaxMs', 'longestTimerGapMs'];
  console.error(`\nserver: ${serverDir} (${env.DATABASE_URL ? 'PostgreSQL' : 'embedded database'}), Node ${process.version}, ${os.cpus().length} cores, ${mb(os.totalmem())} MB\n`);
  console.error(columns.join('\t'));
  for (const r of results) console.error(columns.map((c) => String(r[c])).join('\t'));
  for (const r of results) console.error(`${r.part}: ${r.message}${r.answerToHeaders ? `; to the headers alone: ${JSON.stringify(r.answerToHeaders)}` : ''}`);
  console.log(JSON.stringify({ serverDir, database: env.DATABASE_URL ? 'postgres' : 'pglite', node: process.version, cores: os.cpus().length, results }, null, 2));
}

await main();
