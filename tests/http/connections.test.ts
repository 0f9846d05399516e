// Connections that cannot knock the server over, on a real listening server: one address gets a
// limited number of open connections (the rest are reset at once), a client that sends its
// headers slowly or not at all is cut off after the headers timeout, and everybody else is still
// served meanwhile. Linux routes all of 127.0.0.0/8 to loopback, so 127.0.0.2 and 127.0.0.3 are
// other clients.
import http from 'node:http';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { readConfig, type Config } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { openTestDatabase } from '../support/test-app';

let database: Database;
let drop: () => Promise<void>;
const apps: FastifyInstance[] = [];
const sockets: net.Socket[] = [];

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  for (const app of apps) await app.close();
  await drop();
});

async function listening(overrides: Partial<Config>, logLines?: string[]): Promise<{ app: FastifyInstance; port: number }> {
  const config = { ...readConfig({}), logLevel: logLines ? 'warn' : 'silent', ...overrides };
  const app = await buildApp({ db: database.db, config, databaseKind: database.kind }, logLines ? { logStream: { write: (line) => void logLines.push(line) } } : {});
  await app.listen({ port: 0, host: '127.0.0.1' });
  apps.push(app);
  return { app, port: (app.server.address() as net.AddressInfo).port };
}

interface Watched {
  socket: net.Socket;
  received: () => string;
  /** Resolves once connected; rejects when the connection was reset first. */
  connected: Promise<void>;
  /** Resolves with the milliseconds from the start of the connection to its close. */
  closed: Promise<number>;
}

function open(port: number, localAddress: string): Watched {
  const startedAt = performance.now();
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  sockets.push(socket);
  let data = '';
  socket.on('data', (chunk) => (data += chunk));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  // A reset shows as an error before the close; `closed` is what the tests wait for.
  connected.catch(() => undefined);
  socket.on('error', () => undefined);
  const closed = new Promise<number>((done) => socket.once('close', () => done(performance.now() - startedAt)));
  return { socket, received: () => data, connected, closed };
}

/** A connection that stays open: resolves once it is connected. */
async function connect(port: number, localAddress: string): Promise<Watched> {
  const watched = open(port, localAddress);
  await watched.connected;
  return watched;
}

function get(port: number, localAddress: string, path = '/api/v1/health'): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, localAddress, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    });
    request.on('error', reject);
  });
}

async function serverSees(app: FastifyInstance, count: number): Promise<void> {
  await expect.poll(() => new Promise<number>((resolve) => app.server.getConnections((_, n) => resolve(n)))).toBe(count);
}

describe('connections per address', () => {
  it('resets the connection beyond the limit at once, keeps the others, and serves other addresses', async () => {
    const logLines: string[] = [];
    const { app, port } = await listening({ connectionsPerAddress: 5 }, logLines);
    const idle = await Promise.all(Array.from({ length: 5 }, () => connect(port, '127.0.0.1')));
    await serverSees(app, 5);

    const sixth = open(port, '127.0.0.1');
    await sixth.closed;
    expect(sixth.received()).toBe('');
    expect(idle.every((w) => !w.socket.destroyed)).toBe(true);
    expect(logLines.join('')).toContain('too many connections from one address');

    // Another client is served as usual.
    expect(await get(port, '127.0.0.2')).toBe(200);
    // One of the five closes: the address may connect again.
    idle[0]!.socket.destroy();
    await serverSees(app, 4);
    expect(await get(port, '127.0.0.1')).toBe(200);
  });

  it('shares the limit out over the cluster’s processes, each counting its own', async () => {
    const { app, port } = await listening({ connectionsPerAddress: 5, processes: 2 });
    await Promise.all(Array.from({ length: 3 }, () => connect(port, '127.0.0.1')));
    await serverSees(app, 3);
    const fourth = open(port, '127.0.0.1');
    await fourth.closed;
    expect(fourth.received()).toBe('');
  });

  it('does not limit a trusted proxy (TRUST_PROXY), which carries many clients', async () => {
    const { app, port } = await listening({ connectionsPerAddress: 2, trustProxy: '127.0.0.1' });
    const fromProxy = await Promise.all(Array.from({ length: 4 }, () => connect(port, '127.0.0.1')));
    await serverSees(app, 4);
    expect(fromProxy.every((w) => !w.socket.destroyed)).toBe(true);
    // Another address is not the proxy: limited.
    await Promise.all(Array.from({ length: 2 }, () => connect(port, '127.0.0.2')));
    await serverSees(app, 6);
    const third = open(port, '127.0.0.2');
    await third.closed;
    expect(third.received()).toBe('');
  });
});

describe('timeouts', () => {
  const HEADERS_TIMEOUT_MS = 1000;

  it('cuts off a client that sends its headers a byte at a time, and one that sends nothing, while serving others', async () => {
    const { port } = await listening({ headersTimeoutMs: HEADERS_TIMEOUT_MS });
    const slow = await connect(port, '127.0.0.3');
    slow.socket.write('GET /api/v1/health HTTP/1.1\r\nHost: keukentafel\r\n');
    const drip = setInterval(() => slow.socket.writable && slow.socket.write('X'), 100);
    const silent = await connect(port, '127.0.0.3');
    try {
      // Served while the slow ones hang.
      expect(await get(port, '127.0.0.2')).toBe(200);
      const [slowMs, silentMs] = await Promise.all([slow.closed, silent.closed]);
      // Never before the timeout; the upper bound is the test's own timeout.
      expect(slowMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
      expect(silentMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
    }
  }, 15_000);

  it('refuses settings that cannot work: a headers timeout longer than the request timeout, or nonsense', () => {
    expect(() => readConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '200', HTTP_REQUEST_TIMEOUT_SECONDS: '100' })).toThrow(/HTTP_HEADERS_TIMEOUT_SECONDS must not be longer/);
    expect(() => readConfig({ MAX_CONNECTIONS_PER_ADDRESS: '0' })).toThrow(/MAX_CONNECTIONS_PER_ADDRESS must be a positive whole number/);
    expect(() => readConfig({ LOGIN_CONCURRENCY: '1.5' })).toThrow(/LOGIN_CONCURRENCY must be a positive whole number/);
    expect(() => readConfig({ HTTP_REQUEST_TIMEOUT_SECONDS: 'lang' })).toThrow(/HTTP_REQUEST_TIMEOUT_SECONDS must be a positive number/);
    const defaults = readConfig({});
    expect(defaults.headersTimeoutMs).toBeLessThanOrEqual(defaults.requestTimeoutMs);
    expect(defaults.loginConcurrency).toBeGreaterThanOrEqual(1);
  });
});
