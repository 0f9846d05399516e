// Measures what many half-open connections from one host do to a real server (the server as
// `npm start` runs it, in its own process, over loopback): each flood connection sends the start of
// a request and then nothing. Meanwhile another client (its own process) asks GET /api/v1/health
// every 50 ms. Prints a
// table (standard error) and one JSON object (standard output): how many flood connections the
// server kept, how many it reset at once, when it had closed the last one, and whether and how
// fast the other client was served.
//
//   npx tsx scripts/security/connection-flood.ts [--connections 20000] [--in-flight 500] [--processes 1]
//
// The client needs a file descriptor per open connection: `ulimit -n` must exceed what the server
// keeps open (MAX_CONNECTIONS_PER_ADDRESS, 100 by default).
import net from 'node:net';
import { parseArgs } from 'node:util';
import { latencyFromTimes } from '../bench/measure';
import { countBy, probeDuring, sleep, startServer, type Answer, type ProbeSpec } from './support';

const { values } = parseArgs({ options: { connections: { type: 'string', default: '20000' }, 'in-flight': { type: 'string', default: '500' }, processes: { type: 'string', default: '1' } } });
const TOTAL = Number(values.connections);
const IN_FLIGHT = Number(values['in-flight']);
/** After the flood, how long to wait for the server to close what it kept. */
const DRAIN_LIMIT_MS = 120_000;

const server = await startServer({ KEUKENTAFEL_PROCESSES: values.processes!, LOG_LEVEL: 'error' });
const outcome = { connected: 0, resetWithinASecond: 0, failedToConnect: {} as Record<string, number>, mostOpenAtOnce: 0 };
let open = 0;
let lastCloseAt = 0;
const lived: number[] = [];

function flood(): Promise<void> {
  return new Promise((done) => {
    const socket = net.connect({ port: server.port, host: '127.0.0.1', localAddress: '127.0.0.1' });
    const startedAt = performance.now();
    let connected = false;
    socket.on('connect', () => {
      connected = true;
      outcome.connected++;
      open++;
      outcome.mostOpenAtOnce = Math.max(outcome.mostOpenAtOnce, open);
      socket.write('GET /api/v1/health HTTP/1.1\r\nHost: keukentafel\r\n');
      done();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected) {
        outcome.failedToConnect[error.code ?? error.message] = (outcome.failedToConnect[error.code ?? error.message] ?? 0) + 1;
        done();
      }
    });
    socket.on('close', () => {
      if (!connected) return;
      open--;
      lastCloseAt = performance.now();
      const ms = lastCloseAt - startedAt;
      lived.push(ms);
      if (ms < 1000) outcome.resetWithinASecond++;
    });
    socket.resume();
  });
}

const figures: Record<string, unknown> = { connections: TOTAL, inFlight: IN_FLIGHT, processes: Number(values.processes), database: process.env.DATABASE_URL ? 'postgres' : 'pglite' };
try {
  // The other client, in a process of its own.
  const probes: ProbeSpec[] = [{ name: 'health', method: 'GET', path: '/api/v1/health', localAddress: '127.0.0.2', pauseMs: 50 }];
  const quiet = (await probeDuring(server.port, probes, () => sleep(3000))).answers.health!;

  const started = performance.now();
  let floodEnded = 0;
  const { answers } = await probeDuring(server.port, probes, async () => {
    let next = 0;
    const workers = Array.from({ length: IN_FLIGHT }, async () => {
      while (next < TOTAL) {
        next++;
        await flood();
      }
    });
    await Promise.all(workers);
    floodEnded = performance.now();
    // Until the server has closed every flood connection it kept (or the limit).
    while (open > 0 && performance.now() - floodEnded < DRAIN_LIMIT_MS) await sleep(100);
  });
  const during = answers.health!;
  figures.floodSeconds = round((floodEnded - started) / 1000);
  figures.flood = { ...outcome, stillOpenAtEnd: open, lastClosedSecondsAfterFlood: open > 0 ? null : round((lastCloseAt - floodEnded) / 1000), longestLivedSeconds: round(Math.max(0, ...lived) / 1000) };
  figures.otherClient = { quiet: summary(quiet), during: summary(during), answers: countBy(during, (a) => (a.status === 0 ? `no answer (${a.error})` : a.status)) };
} finally {
  await server.stop();
  await server.drop();
}

console.error(describe(figures));
console.log(JSON.stringify(figures));

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function summary(answers: Answer[]) {
  const ok = answers.filter((a) => a.status === 200);
  return { ...latencyFromTimes(ok.map((a) => a.ms)), max: round(Math.max(0, ...ok.map((a) => a.ms))), failed: answers.length - ok.length };
}

function describe(f: Record<string, unknown>): string {
  const flood = f.flood as typeof outcome & { stillOpenAtEnd: number; lastClosedSecondsAfterFlood: number | null; longestLivedSeconds: number };
  const other = f.otherClient as { quiet: ReturnType<typeof summary>; during: ReturnType<typeof summary>; answers: Record<string, number> };
  const line = (s: ReturnType<typeof summary>) => `p50 ${s.p50} / p95 ${s.p95} / max ${s.max} ms (n ${s.n}${s.failed ? `, ${s.failed} failed` : ''})`;
  return [
    `connection flood: ${f.connections} half-open connections from 127.0.0.1 (${f.inFlight} connecting at a time), ${f.processes} process(es), ${f.database}`,
    `flood took ${f.floodSeconds} s; connected ${flood.connected}, failed to connect ${JSON.stringify(flood.failedToConnect)}`,
    `  reset by the server within a second: ${flood.resetWithinASecond}; most open at once: ${flood.mostOpenAtOnce}`,
    `  last kept connection closed ${flood.lastClosedSecondsAfterFlood ?? `— (${flood.stillOpenAtEnd} still open after ${DRAIN_LIMIT_MS / 1000} s)`} s after the flood; longest lived ${flood.longestLivedSeconds} s`,
    `other client GET /api/v1/health: quiet ${line(other.quiet)}`,
    `                         during ${line(other.during)}; answers ${JSON.stringify(other.answers)}`,
  ].join('\n');
}
