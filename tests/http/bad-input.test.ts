// Bad input gets a clear 400 (or the status its kind of error has) in the app's error shape and
// changes nothing; never a 5xx. One probe per class: text that is not well-formed Unicode or holds a
// NUL, integers beyond the database's integer column, a change that does not fit the record's state
// (a plan saved on a closed case), and requests Node or Fastify refuse before a route runs (an
// oversized header, a malformed URL). tests/http/fuzz.test.ts generates the same classes at random.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { ImportResult } from '../../src/server/modules/exchange/exchange.schemas';
import { changedTables, fingerprint } from '../support/db-fingerprint';
import { fixtureFactory, type FixtureFactory } from '../support/record-fixtures';
import type { Fixture } from '../support/route-policy';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { API_VERSION } from '../../src/server/http/api-version';

const today = todayInNetherlands();
const INT4_MAX = 2 ** 31 - 1;

let t: TestApp;
let factory: FixtureFactory;
let f: Fixture;
let worker: Session;
beforeAll(async () => {
  t = await createTestApp();
  factory = await fixtureFactory(t);
  f = await factory.create('own team');
  worker = await t.login('workerA');
});
afterAll(async () => t.close());

interface ErrorAnswer {
  code: string;
  detail: string;
  invalidParams?: { name: string; reason: string }[];
}

function errorOf(response: LightMyRequestResponse): ErrorAnswer {
  expect(response.headers['content-type'], response.body).toMatch(/^application\/problem\+json/);
  return response.json() as ErrorAnswer;
}

/** The request is refused with 400 naming `path` among its fields, and the database is as before. */
async function expectRefused(send: () => Promise<LightMyRequestResponse>, path: string): Promise<ErrorAnswer> {
  await factory.refresh(f);
  const before = await fingerprint(t.database.db);
  const response = await send();
  expect(response.statusCode, response.body).toBe(400);
  const body = errorOf(response);
  expect(body.code).toBe('invalid');
  expect(body.invalidParams?.map((field) => field.name), response.body).toContain(path);
  expect(changedTables(before, await fingerprint(t.database.db))).toEqual([]);
  return body;
}

// ---- text that PostgreSQL cannot store and give back unchanged ------------------------------------

/** Lone UTF-16 surrogates, high and low, at the start, in the middle and at the end; and the NUL. */
const BAD_TEXT = {
  'a high surrogate at the start': '\ud800Jansen',
  'a low surrogate at the end': 'Jansen\udfff',
  'a high surrogate in the middle': 'Jan\udbffsen',
  'a low surrogate before a high one': 'Jan\udc00\ud800sen',
  'a NUL character': 'Jan\u0000sen',
} as const;
const variants = Object.entries(BAD_TEXT);
const variant = (i: number) => variants[i % variants.length]!;

describe('text that is not well-formed Unicode or holds a NUL', () => {
  // One probe per kind of text field; each takes the next kind of bad text, so all of them meet
  // every kind of field across the table.
  const probes: { what: string; path: string; send: (text: string) => Promise<LightMyRequestResponse> }[] = [
    {
      what: 'a registration (client name)',
      path: 'client.firstName',
      send: (text) => worker.request('POST', '/api/v1/registrations', { client: { firstName: text, lastName: 'Bewoner' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Hulp bij post' }),
    },
    {
      what: "a registration (the resident's question)",
      path: 'question',
      send: (text) => worker.request('POST', '/api/v1/registrations', { client: { firstName: 'Nieuwe', lastName: 'Bewoner' }, registeredOn: today, referrerCode: 'zelfmelder', question: text }),
    },
    { what: 'a client', path: 'city', send: (text) => worker.request('PUT', `/api/v1/clients/${f.client.id}`, { firstName: 'Truus', lastName: f.client.lastName, city: text, version: f.client.version }) },
    { what: 'a client search', path: 'search', send: (text) => worker.request('POST', '/api/v1/clients/search', { search: text }) },
    { what: 'a network member', path: 'name', send: (text) => worker.request('POST', `/api/v1/cases/${f.case.id}/network`, { name: text, kind: 'family' }) },
    {
      what: 'a consent',
      path: 'recipientName',
      send: (text) =>
        worker.request('POST', `/api/v1/clients/${f.client.id}/consents`, { recipientKind: 'huisarts', recipientName: text, dataShared: 'Het krachtplan', purpose: 'Afstemming', validFrom: today, givenHow: 'mondeling' }),
    },
    { what: 'a plan', path: 'content.reciprocity', send: (text) => worker.request('PUT', `/api/v1/cases/${f.case.id}/plan`, { content: { reciprocity: text }, baseVersion: f.plan.version }) },
    {
      what: 'a plan agreement, deep in the plan',
      path: 'content.domains.0.agreements.0.what',
      send: (text) =>
        worker.request('PUT', `/api/v1/cases/${f.case.id}/plan`, {
          content: { domains: [{ domain: 'financien', agreements: [{ id: crypto.randomUUID(), what: text, owner: 'client' }] }] },
          baseVersion: f.plan.version,
        }),
    },
    { what: 'a journal entry', path: 'note', send: (text) => worker.request('POST', `/api/v1/cases/${f.case.id}/contacts`, { contactOn: today, kind: 'telefoon', note: text }) },
    { what: 'a journal edit', path: 'note', send: (text) => worker.request('PUT', `/api/v1/contacts/${f.contact.id}`, { contactOn: today, kind: 'telefoon', note: text, version: f.contact.version }) },
    {
      what: 'a quality report',
      path: 'title',
      send: (text) => worker.request('POST', '/api/v1/quality-reports', { kind: 'klacht', title: text, description: 'Wachtte tevergeefs', occurredOn: today, receivedOn: today, filedBy: 'Een bewoner' }),
    },
  ];
  probes.forEach((probe, i) => {
    const [kind, text] = variant(i);
    it(`refuses ${kind} in ${probe.what} with 400 naming the field`, async () => {
      const body = await expectRefused(() => probe.send(text), probe.path);
      expect(body.detail).toMatch(text.includes('\u0000') ? /nulteken/ : /geen geldige tekst/);
    });
  });

  it('refuses a lone surrogate or a NUL in a key, also of a property the route does not take', async () => {
    await expectRefused(() => worker.request('POST', `/api/v1/cases/${f.case.id}/zrm`, { clientId: f.client.id, assessedOn: today, type: 'nul', scores: { 'financien\ud800': 3 } }), 'scores.financien\ufffd');
    await expectRefused(
      () => worker.request('POST', '/api/v1/registrations', { client: { firstName: 'Nieuwe', lastName: 'Bewoner', '\udc00extra': 'x' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Hulp' }),
      'client.\ufffdextra',
    );
    await expectRefused(() => worker.request('POST', `/api/v1/cases/${f.case.id}/network`, { name: 'Oom Piet', kind: 'family', 'nul\u0000': true }), 'nul\ufffd');
  });

  it('refuses them in a query string, a path parameter and a header the app reads', async () => {
    await expectRefused(() => t.app.inject({ method: 'GET', url: '/api/v1/cases?scope=team&status=all&zoek=%00', headers: { cookie: worker.cookie } }), 'zoek');
    await expectRefused(() => t.app.inject({ method: 'GET', url: '/api/v1/cases/%00', headers: { cookie: worker.cookie } }), 'id');
    const idempotencyKey = await expectRefused(
      () => t.app.inject({ method: 'POST', url: `/api/v1/cases/${f.case.id}/contacts`, headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrfToken, 'idempotency-key': '\ud800' }, payload: { contactOn: today, kind: 'telefoon', note: 'Gebeld' } }),
      'idempotency-key',
    );
    expect(idempotencyKey.detail).toMatch(/geen geldige tekst/);
  });

  it('refuses a query string with a malformed percent-encoding', async () => {
    for (const query of ['?scope=team&status=%E0%A4%A', '?scope=%ED%A0%80', '?scope=team&status=all&x=%zz', '?scope=team&status=all&x=100%']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/cases${query}`, headers: { cookie: worker.cookie } });
      expect(response.statusCode, query).toBe(400);
      expect(errorOf(response), query).toMatchObject({ code: 'invalid', detail: expect.stringMatching(/adres/) });
    }
  });

  it('refuses a JSON body that is not UTF-8', async () => {
    const payload = Buffer.concat([Buffer.from('{"search":"Jan'), Buffer.from([0xff, 0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/clients/search', headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrfToken, 'content-type': 'application/json' }, payload });
    expect(response.statusCode, response.body).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: 'invalid', detail: expect.stringMatching(/UTF-8/) });
  });

  describe('in an exchange import', () => {
    const folder = (clientId: string) => ({
      'clients.csv': `client_id,bsn,birth_date,gender,postcode\n${clientId},,1970-01-01,v,\n`,
      'cases.csv': 'case_id,team_code,registered_on,referrer,first_meeting_on,first_meeting_location,closed_on,close_reasons,close_outcomes,satisfaction_score,can_continue_alone\nK1,west,2016-01-04,zelfmelder,,,,,,,\n',
      'case_clients.csv': `case_id,client_id,role\nK1,${clientId},hoofdclient\n`,
    });

    it('refuses a lone surrogate in an id with the file and line in the message, and a re-import never fails', async () => {
      const admin = await t.login('admin');
      const ok = await admin.post<ImportResult>('/api/v1/exchange/import', { files: folder('C\ufffd1') });
      expect(ok.imported).toBe(true);
      for (let i = 0; i < 2; i++) {
        const body = await expectRefused(() => admin.request('POST', '/api/v1/exchange/import', { files: folder('C\ud8001') }), 'files.clients.csv');
        expect(body.detail).toMatch(/clients\.csv/);
        expect(body.detail).toMatch(/regel 2/);
      }
      // Stored text comes back as it was sent, so the same folder matches every row again.
      const again = await admin.post<ImportResult>('/api/v1/exchange/import', { files: folder('C\ufffd1') });
      expect(again.files.map((file) => [file.file, file.created, file.updated])).toEqual(['clients.csv', 'cases.csv', 'case_clients.csv'].map((file) => [file, 0, 0]));
    });
  });
});

// ---- integers beyond the database's integer column -------------------------------------------------

describe('integers beyond the integer column (int4)', () => {
  it('refuses a plan version beyond int4 in the path with 400', async () => {
    for (const version of ['99999999999', String(INT4_MAX + 1), '9223372036854775808', '1e309']) {
      await expectRefused(() => worker.request('GET', `/api/v1/cases/${f.case.id}/plan/versions/${version}`), 'version');
      await expectRefused(() => worker.request('POST', `/api/v1/cases/${f.case.id}/plan/versions/${version}/agreement`, { agreedOn: today, how: 'gesprek' }), 'version');
    }
  });

  it('refuses one in a query string and in a body', async () => {
    await expectRefused(() => worker.request('GET', `/api/v1/cases/${f.case.id}/plan/compare?from=1&to=${INT4_MAX + 1}`), 'to');
    await expectRefused(() => worker.request('GET', `/api/v1/cases?scope=team&status=all&offset=${2 ** 53}`), 'offset');
    await expectRefused(() => worker.request('PUT', `/api/v1/clients/${f.client.id}`, { firstName: 'Truus', lastName: f.client.lastName, version: INT4_MAX + 1 }), 'version');
    await expectRefused(() => worker.request('PUT', `/api/v1/cases/${f.case.id}/plan`, { content: {}, baseVersion: Number.MAX_SAFE_INTEGER + 2 }), 'baseVersion');
    await expectRefused(() => worker.request('POST', `/api/v1/network/${f.networkMember.id}/remove`, { version: -(2 ** 31) - 1 }), 'version');
  });

  it('gives every integer the API takes bounds that fit int4 (the OpenAPI document)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const unbounded: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const inputs: [string, unknown][] = [
          ...(operation.parameters ?? []).map((p): [string, unknown] => [`${p.in} ${p.name}`, p.schema]),
          ['body', operation.requestBody?.content?.['application/json']?.schema],
        ];
        for (const [where, schema] of inputs) for (const problem of numberProblems(schema)) unbounded.push(`${method.toUpperCase()} ${path} ${where}${problem}`);
      }
    }
    expect(unbounded).toEqual([]);
  });
});

interface Operation {
  parameters?: { in: string; name: string; schema: unknown }[];
  requestBody?: { content?: Record<string, { schema: unknown }> };
}

/** Every number in a JSON schema: an integer with both bounds inside int4, or a problem naming it. */
function numberProblems(schema: unknown, at = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const problems: string[] = [];
  const types = [s.type].flat();
  // A fixed value (`const`, or `enum` in OpenAPI 3.0) is bounded by itself.
  const fixed = s.const !== undefined ? [s.const] : Array.isArray(s.enum) ? s.enum : null;
  if (fixed) {
    for (const value of fixed) if (typeof value === 'number' && !(Number.isInteger(value) && value >= -(2 ** 31) && value <= INT4_MAX)) problems.push(`${at}: ${value}`);
  } else if (types.includes('number') || types.includes('integer')) {
    if (!types.includes('integer')) problems.push(`${at}: a number that is not an integer`);
    const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
    const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
    if (min === undefined || min < -(2 ** 31) || max === undefined || max > INT4_MAX) problems.push(`${at}: bounds ${min}..${max}`);
  }
  for (const [key, child] of Object.entries(s)) {
    if (key === 'properties' || key === 'patternProperties') for (const [name, property] of Object.entries(child as object)) problems.push(...numberProblems(property, `${at}.${name}`));
    else if (Array.isArray(child)) child.forEach((c, i) => problems.push(...numberProblems(c, `${at}[${i}]`)));
    else if (child && typeof child === 'object') problems.push(...numberProblems(child, at));
  }
  return problems;
}

// ---- a change that does not fit the record's state ----------------------------------------------

describe('a change on a closed case', () => {
  it('saving the plan answers 409 "afgesloten" and changes nothing', async () => {
    const closed = await factory.create('own team');
    await worker.post(`/api/v1/cases/${closed.case.id}/close`, { closedOn: today, reasons: ['volgens_plan'], version: closed.case.version });
    await factory.refresh(closed);
    const before = await fingerprint(t.database.db);
    const response = await worker.request('PUT', `/api/v1/cases/${closed.case.id}/plan`, { content: { reciprocity: 'Helpt de buurvrouw' }, baseVersion: closed.plan.version });
    expect(response.statusCode, response.body).toBe(409);
    expect(errorOf(response)).toMatchObject({ code: 'conflict', detail: expect.stringMatching(/^Deze casus is afgesloten/) });
    expect(changedTables(before, await fingerprint(t.database.db))).toEqual([]);
  });

  it('a save over someone else\u2019s still answers 409 with their version and changes', async () => {
    await factory.refresh(f);
    await worker.put(`/api/v1/cases/${f.case.id}/plan`, { content: { domains: [{ domain: 'financien', goal: 'Overzicht in de post' }], reciprocity: 'Eerst' }, baseVersion: f.plan.version });
    const response = await worker.request('PUT', `/api/v1/cases/${f.case.id}/plan`, { content: { domains: [{ domain: 'financien', goal: 'Overzicht in de post' }], reciprocity: 'Tweede' }, baseVersion: f.plan.version });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict', current: { version: f.plan.version + 1 }, changes: [expect.objectContaining({ to: 'Eerst' })] });
  });
});

// ---- requests refused before a route runs ---------------------------------------------------------

describe('requests Node or Fastify refuse before a route runs', () => {
  it('answers a malformed URL with 400 in the app shape', async () => {
    for (const url of ['/api/v1/cases/%E0%A4%A', '/api/v1/%ff', '/api/v1/cases/%ED%A0%80/plan', '/api/v1/clients/%C0%AF']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: worker.cookie } });
      expect(response.statusCode, url).toBe(400);
      expect(errorOf(response), url).toMatchObject({ code: 'invalid', detail: 'Het adres van dit verzoek is niet leesbaar: er staat een ongeldige %-code in.' });
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['api-version'], url).toBe(API_VERSION);
    }
  });

  describe('over a real connection', () => {
    let port = 0;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as net.AddressInfo).port;
    });

    it('answers a 20 KB header with 431 in the app shape, with a Dutch message', async () => {
      const answer = await rawRequest(port, `GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Opvulling: ${'x'.repeat(20 * 1024)}\r\n\r\n`);
      expect(answer.status).toBe(431);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers['api-version']).toBe(API_VERSION);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(answer.body)).toEqual({
        type: 'about:blank',
        title: 'Kopregels te groot',
        status: 431,
        code: 'invalid',
        detail: 'De kopregels van dit verzoek zijn te groot. Verwijder de cookies van deze site en probeer het opnieuw.',
      });
    });

    it('answers a request Node cannot parse with 400 in the app shape', async () => {
      const answer = await rawRequest(port, 'GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Kapot\u0000: ja\r\n\r\n');
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'invalid', detail: 'Het verzoek is niet leesbaar' });
    });

    it('answers a malformed URL with 400 in the app shape', async () => {
      const answer = await rawRequest(port, 'GET /api/v1/cases/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'invalid' });
    });
  });
});

/** Sends raw bytes over HTTP/1.1 and reads the first answer (status, headers, body by Content-Length). */
function rawRequest(port: number, request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request, 'latin1'));
    let data = '';
    const finish = () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const body = rest.join('\r\n\r\n');
      const length = Number(headers['content-length'] ?? body.length);
      if (body.length < length) return false;
      socket.destroy();
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body.slice(0, length) });
      return true;
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      if (data.includes('\r\n\r\n')) finish();
    });
    socket.on('end', () => finish() || reject(new Error(`no full answer: ${data}`)));
    socket.on('error', (error) => (data ? finish() || reject(error) : reject(error)));
    socket.setTimeout(10_000, () => reject(new Error(`timeout: ${data}`)));
  });
}
