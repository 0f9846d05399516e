// The web import cannot run the server out of memory: a body over IMPORT_MAX_MB is refused with 413
// and a Dutch message, before it is read (Content-Length) or as soon as it passes the limit
// (chunked); the check of a large upload runs in a worker thread while the event loop goes on; one
// upload at a time; a body that is not an upload is 400 and changes nothing; the Utrecht-scale
// history fits.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/server/db/schema';
import type { ImportResult } from '../../src/server/modules/exchange/exchange.schemas';
import { uploadTooLargeMessage } from '../../src/server/modules/exchange/upload-limit';
import { readConfig } from '../../src/server/config';
import { generateExchange } from '../../scripts/synthetic-exchange';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

const MB = 1024 * 1024;
const DEFAULT_LIMIT = readConfig({}).importMaxBytes;

interface RawAnswer {
  status: number;
  body: { code: string; detail: string };
  /** Bytes of the body written when the answer came. */
  sent: number;
}

/** The server on a real port, for requests whose body the test writes itself. */
async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

/**
 * POSTs to `url` and writes the body with `write` until the server answers; `write` gets a
 * function that writes one chunk (respecting back-pressure) and says whether to go on.
 */
function rawPost(url: string, session: Session, headers: Record<string, string>, write: (send: (chunk: Buffer) => Promise<boolean>) => Promise<void>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(url, { method: 'POST', agent: false, headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json', ...headers } });
    request.on('response', (response) => {
      answered = true;
      const sentAtAnswer = sent;
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()), sent: sentAtAnswer });
      });
    });
    // Writing into a connection the server has closed after answering fails; that is expected.
    request.on('error', (error) => (answered ? undefined : reject(error)));
    request.flushHeaders();
    const send = async (chunk: Buffer) => {
      if (answered || request.destroyed) return false;
      sent += chunk.length;
      if (!request.write(chunk)) await new Promise((r) => (request.once('drain', r), request.once('close', r), request.once('response', r)));
      return !answered && !request.destroyed;
    };
    write(send).then(
      () => (answered || request.destroyed ? undefined : request.end()),
      reject,
    );
  });
}

describe('an upload over the limit', () => {
  let t: TestApp;
  let admin: Session;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    url = await listen(t);
  });
  afterAll(() => t.close());

  it('is refused with 413 and the limit in Dutch when its Content-Length is over the limit, before the body is sent', async () => {
    // Not a byte of the body is written: an answer can only come from the Content-Length.
    const answer = await rawPost(`${url}/api/v1/exchange/validate`, admin, { 'content-length': String(DEFAULT_LIMIT + 1) }, async () => undefined);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'tooLarge', detail: uploadTooLargeMessage(DEFAULT_LIMIT) });
    expect(answer.body.detail).toBe(
      'De bestanden zijn samen groter dan 40 MB, de grens voor een import via de website. Een grotere geschiedenis importeert de beheerder van de server met de opdrachtregel (npm run cli -- import MAP); die leest de bestanden van schijf.',
    );
    expect(await t.database.db.$count(cases)).toBe(0);
  });

  it('tells how large the server takes, for the browser to check before sending', async () => {
    expect(await admin.get('/api/v1/exchange/limits')).toEqual({ maxUploadBytes: DEFAULT_LIMIT });
  });
});

describe('a chunked upload over the limit', () => {
  const LIMIT = MB;
  let t: TestApp;
  let admin: Session;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp({ config: { importMaxBytes: LIMIT } });
    admin = await t.login('admin');
    url = await listen(t);
  });
  afterAll(() => t.close());

  it('is cut off at the limit with 413, and the server holds no more of it than the limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const attempt = 250 * MB;
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 2);
    const answer = await rawPost(`${url}/api/v1/exchange/import`, admin, {}, async (send) => {
      if (!(await send(Buffer.from('{"files":{"clients.csv":"')))) return;
      for (let sent = 0; sent < attempt; sent += chunk.length) if (!(await send(chunk))) return;
    });
    clearInterval(sampler);
    expect(answer.status).toBe(413);
    expect(answer.body.detail).toBe(uploadTooLargeMessage(LIMIT));
    expect(answer.body.detail).toMatch(/^De bestanden zijn samen groter dan 1 MB/);
    // The answer came while the client was still sending: what it got out by then is the limit
    // plus what the sockets buffer on the way, far from the 250 MB it tried.
    expect(answer.sent).toBeLessThan(LIMIT + 32 * MB);
    expect(peak - before, 'memory outside the heap (buffers) grew by').toBeLessThan(64 * MB);
    expect(await t.database.db.$count(cases)).toBe(0);
  });
});

describe('the check of an upload', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('runs off the event loop: the main thread keeps turning while a large upload is checked', async () => {
    const files = generateExchange({ cases: 10_000, from: '2014-01-01', to: '2017-12-31', seed: 3 });
    const payload = JSON.stringify({ files });
    // A timer that should fire every 5 ms: its longest gap is the longest the main thread was blocked.
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    const started = performance.now();
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/exchange/validate', payload, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' } });
    const ended = performance.now();
    clearInterval(timer);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ImportResult>()).toMatchObject({ valid: true, imported: false });
    const moments = [started, ...ticks.filter((tick) => tick > started && tick < ended), ended];
    const longestBlock = Math.max(...moments.slice(1).map((m, i) => m - moments[i]!));
    // Checked on the main thread, the check itself (most of the request) would be one block.
    expect(longestBlock, `longest block ${Math.round(longestBlock)} ms of a ${Math.round(ended - started)} ms check`).toBeLessThan((ended - started) / 2);
  });

  it('takes one upload at a time: a second one meanwhile gets 429 without its body being read', async () => {
    const files = generateExchange({ cases: 3_000, from: '2016-01-01', to: '2016-12-31', seed: 4 });
    const [first, second] = await Promise.all([admin.request('POST', '/api/v1/exchange/validate', { files }), admin.request('POST', '/api/v1/exchange/validate', { files })]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 429]);
    const refused = first.statusCode === 429 ? first : second;
    expect(refused.json()).toMatchObject({ code: 'tooManyRequests', detail: 'Er wordt al een import gecontroleerd of uitgevoerd. Probeer het over een minuut opnieuw.' });
    expect(refused.headers['retry-after']).toBe('60');
    expect((await admin.request('POST', '/api/v1/exchange/validate', { files })).statusCode).toBe(200);
  });

  it('answers a body that is not an upload with 400 or 415, and changes nothing', async () => {
    const send = (payload: string | Buffer, contentType = 'application/json') =>
      t.app.inject({ method: 'POST', url: '/api/v1/exchange/import', payload, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': contentType } });
    const notJson = await send('{"files": {"clients.csv": "client_id\\n"');
    expect([notJson.statusCode, notJson.json()]).toMatchObject([400, { code: 'invalid', detail: 'Het verzoek is niet leesbaar' }]);
    const notUtf8 = await send(Buffer.from([0x7b, 0x7d, 0xc3]));
    expect([notUtf8.statusCode, notUtf8.json().detail]).toEqual([400, 'Het verzoek is niet leesbaar']);
    const wrongShape = await send(JSON.stringify({ files: ['clients.csv'] }));
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json()).toMatchObject({ code: 'invalid', detail: 'De invoer is niet geldig', invalidParams: [{ name: 'files' }] });
    const text = await send('client_id\n', 'text/plain');
    expect([text.statusCode, text.json().detail]).toEqual([415, 'Dit soort inhoud wordt niet ondersteund']);
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/exchange/import', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken } });
    expect([empty.statusCode, empty.json().detail]).toEqual([400, 'Het verzoek is niet leesbaar']);
    expect(await t.database.db.$count(cases)).toBe(0);
  });

  it('takes the Utrecht-scale history (35,000 cases) well within the limit', async () => {
    const files = generateExchange({ cases: 35_000, from: '2014-01-01', to: '2017-12-31', seed: 1 });
    const payload = JSON.stringify({ files });
    expect(Buffer.byteLength(payload)).toBeLessThan(DEFAULT_LIMIT / 2);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/exchange/validate', payload, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ImportResult>().files.find((f) => f.file === 'cases.csv')).toMatchObject({ rows: 35_000 });
  });
});
