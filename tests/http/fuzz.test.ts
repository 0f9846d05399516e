// Property-based test: every route of the OpenAPI document gets random and malformed requests (any
// JSON value, its valid body with a broken field and extra properties, unreadable JSON, other
// content types, bad path parameters, odd query strings) from a caller whose role may use the route,
// on a record of the caller's own team, so only the input is wrong. The server never answers 5xx and
// never changes the database (every table but audit_log and sessions, fingerprinted).
// Reproduce a failure with the printed seed: FUZZ_SEED=<seed> npx vitest run tests/http/fuzz.test.ts -t '<route>'.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/server/access/permissions';
import { createSession, SESSION_COOKIE } from '../../src/server/modules/auth/sessions.repo';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { clearLimitsStartingWith } from '../../src/server/lib/rate-limit';
import { changedTables, fingerprint } from '../support/db-fingerprint';
import { fixtureFactory, type FixtureFactory } from '../support/record-fixtures';
import { CALLER_USER, CALLERS, documentedRoutes, expectedOutcome, policyOf, routeKey, UNDOCUMENTED_ROUTES, type Caller, type DocumentedRoute, type Fixture, type RoutePolicy } from '../support/route-policy';
import { createTestApp } from '../support/test-app';
import type { RouteEntry } from '../../src/server/http/auth-hook';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

const t = await createTestApp();
afterAll(() => t.close());
const documented = await documentedRoutes(t.app);
const routeTable = new Map(t.app.routeTable.filter((r) => !(r.url in UNDOCUMENTED_ROUTES)).map((r) => [routeKey(r), r]));

let factory: FixtureFactory;
let shared: Fixture;
let organisationId: string;
beforeAll(async () => {
  factory = await fixtureFactory(t);
  shared = await factory.create('own team');
  organisationId = (await findOrganisationId(t.database.db))!;
});

// ---- malformed values -------------------------------------------------------------------------

const HUGE = 'x'.repeat(100_000);
const BAD_DATES = ['2020-13-01', '2021-02-29', '2020-00-10', '2020-12-32', '0000-01-01', '1899-12-31', '2999-01-01', '2020-1-1', '31-12-2020', '2020-02-30T00:00:00Z', '२०२०-०१-०१'];
const NUMBERS_AS_STRINGS = ['1', '0', '-1', '1e309', '0x10', 'NaN', 'Infinity', ' 2 ', '1,5'];
const ODD_STRINGS = ["' or 1=1 --", '\u0000', '../../etc/passwd', '%00', '<script>alert(1)</script>', '{{7*7}}', '\u202e\u0647\u0644\u0648', '👩‍👩‍👧‍👦', 'e\u0301', '\ud800', ''];

/** Any string worth trying where a string goes: unicode, huge, numbers, dates, injections, uuids. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(HUGE, ...BAD_DATES, ...NUMBERS_AS_STRINGS, ...ODD_STRINGS),
  fc.uuid(),
);

/** A JSON value nested deeper than any schema goes. */
const deep = fc.integer({ min: 20, max: 300 }).map((depth) => {
  let value: unknown = 'bodem';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

/** Values of another JSON type than `original` (never null: an optional field may accept it). */
function otherType(original: unknown): fc.Arbitrary<unknown> {
  const objects = fc.oneof(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), deep);
  const arrays = fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 });
  const numbers = fc.oneof(fc.integer(), fc.constantFrom(-1.5, 0.5, 2.5, 1e300));
  if (typeof original === 'string') {
    // PostgreSQL stores no NUL character: in any string it is a defect the server must refuse.
    const forms = [numbers, fc.boolean(), objects, arrays, fc.constantFrom(`${original}\u0000`, '\u0000')];
    if (/^\d{4}-\d{2}-\d{2}$/.test(original)) forms.push(fc.constantFrom(...BAD_DATES, HUGE));
    // A reference to another record: not an id, or an id of nothing (the service must refuse it).
    if (/^[0-9a-f]{8}-/.test(original)) forms.push(fc.constantFrom('geen-nummer', '1', HUGE, ...ODD_STRINGS), fc.uuid());
    return fc.oneof(...forms);
  }
  // A number becomes a string, a fraction or out of range: no body takes fractions or negatives.
  if (typeof original === 'number') return fc.oneof(fc.constantFrom(...NUMBERS_AS_STRINGS), fc.constantFrom(-1.5, 0.5, 2.5, -1), fc.boolean(), objects, arrays);
  if (typeof original === 'boolean') return fc.oneof(fc.constantFrom('true', 'false', 1, 0), objects, arrays);
  if (Array.isArray(original)) return fc.oneof(nastyString, numbers, objects);
  return fc.oneof(nastyString, numbers, fc.boolean(), arrays);
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);
}

function withValue(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = withValue(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

/**
 * The valid body with one field of the wrong type (a hard defect the schema must refuse), plus
 * sometimes extra properties and odd strings in other fields: never a body the route may apply.
 */
function brokenBody(valid: object): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  if (paths.length === 0) return fc.constant([valid]);
  return fc
    .constantFrom(...paths)
    .chain((path) => fc.tuple(fc.constant(path), otherType(valueAt(valid, path))))
    .chain(([path, wrong]) =>
      fc.tuple(fc.constant(withValue(valid, path, wrong)), fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(nastyString, fc.jsonValue({ maxDepth: 3 })), { maxKeys: 3 })),
    )
    .map(([body, extra]) => (body && typeof body === 'object' && !Array.isArray(body) ? { ...extra, ...body } : body));
}

interface FuzzRequest {
  path: string;
  query: string;
  body?: unknown;
  raw?: { payload: string; contentType: string };
}

const UNREADABLE = ['{"version": 1', '{"a":1}garbage', '\u0000', "{'version':1}", '[1,2,', '{"__proto__": {"admin": true}}', 'null', '"tekst"', `{"x":"${HUGE}${HUGE}${HUGE}${HUGE}${HUGE}${HUGE}${HUGE}${HUGE}${HUGE}${HUGE}${HUGE}"}`];

/** Raw bodies: unreadable or oversized JSON, or a content type the API does not take. */
const rawBody = fc.oneof(
  fc.record({ payload: fc.constantFrom(...UNREADABLE), contentType: fc.constant('application/json') }),
  fc.record({ payload: fc.string({ maxLength: 60 }), contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1') }),
);

/** Percent-encoded; a lone surrogate (which encodeURIComponent refuses) as the bytes of U+FFFD. */
function encode(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

/** A query string from the route's own parameters and random ones, with odd or repeated values. */
function queryString(names: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...names, 'limit', 'offset', '__proto__', 'constructor[prototype]', 'a[b]'), fc.string({ maxLength: 8 }));
  const pair = fc.tuple(name, nastyString).map(([k, v]) => `${encode(k)}=${encode(v.slice(0, 2000))}`);
  return fc.oneof(
    fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`),
    fc.constantFrom('?%zz=1', '?year=%E0%A4%A', '?&&==&', '?year=2024&year=2025', '?search', '?search=%00%00', '?search=%ED%A0%80%ED%A0%80', '?search=%C0%AF%C0%AF'),
  );
}

/** A path parameter that names no record: not a uuid, another uuid, or an odd number. */
const badParam = fc.oneof(nastyString.filter((s) => s.length > 0 && s.length < 5000), fc.uuid(), fc.constantFrom('0', '-1', '1.5', '99999999999999999999', 'NaN'));

function requestArbitrary(route: DocumentedRoute, validPath: string, params: Record<string, string>, validBody: unknown): fc.Arbitrary<FuzzRequest> {
  const takesBody = route.method !== 'GET' && validBody !== undefined;
  // Requests that change something carry a broken body, so a path or query that happens to be
  // harmless cannot make them valid.
  const body: fc.Arbitrary<unknown> = takesBody ? brokenBody(validBody as object) : fc.constant(undefined);
  const families: fc.Arbitrary<FuzzRequest>[] = [fc.record({ path: fc.constant(validPath), query: fc.constant(''), body })];
  if (takesBody) {
    families.push(fc.record({ path: fc.constant(validPath), query: fc.constant(''), body: fc.oneof(fc.anything({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 6 }), deep) }));
    families.push(fc.record({ path: fc.constant(validPath), query: fc.constant(''), raw: rawBody }));
  }
  families.push(fc.record({ path: fc.constant(validPath), query: queryString(route.query), body }));
  const names = Object.keys(params);
  if (names.length) {
    const path = fc
      .tuple(fc.constantFrom(...names), badParam)
      .filter(([name, value]) => !sameRecord(params[name]!, value))
      .map(([name, value]) => route.url.replace(/:(\w+)/g, (_m, n: string) => (n === name ? encode(value) : params[n]!)));
    families.push(fc.record({ path, query: fc.constant(''), body: takesBody ? fc.constant(validBody) : fc.constant(undefined) }));
  }
  return fc.oneof(...families);
}

/** Whether a fuzzed parameter still names the real record (a uuid in capitals, the version as "01"). */
function sameRecord(real: string, value: string): boolean {
  if (value.trim().toLowerCase() === real.toLowerCase()) return true;
  return /^\d+$/.test(real) && Number(value) === Number(real);
}

// ---- the property ------------------------------------------------------------------------------

/** The first caller the policy lets use the route on the own team's record. */
function allowedCaller(route: RouteEntry, policy: RoutePolicy): Caller {
  const caller = CALLERS.find((c) => c !== 'none' && expectedOutcome(route, policy, c, 'own team', undefined, shared).allowed) ?? 'none';
  return caller;
}

let address = 0;
/** A session of its own (straight in the database: no password hashing per run). */
async function sessionHeaders(role: Role | 'none') {
  if (role === 'none') return {};
  const session = await createSession(t.database.db, { organisationId, id: factory.userId(CALLER_USER[role]) }, 1);
  return { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken };
}

describe('counterexamples found earlier', () => {
  it('refuses a NUL character in a query or a text field with 400 and changes nothing', async () => {
    const worker = await t.login('workerA');
    const before = await fingerprint(t.database.db);
    const search = await worker.request('POST', '/api/clients/search', { search: '\u0000\u0000' });
    expect(search.statusCode, search.body).toBe(400);
    const registration = await worker.request('POST', '/api/registrations', {
      client: { firstName: 'Nul\u0000teken', lastName: 'Bewoner' },
      registeredOn: '2024-01-02',
      referrerCode: 'zelfmelder',
      question: 'Vraag',
    });
    expect(registration.statusCode, registration.body).toBe(400);
    expect(registration.json().message).toMatch(/nulteken/);
    const contact = await worker.request('POST', `/api/cases/${shared.case.id}/contacts`, { contactOn: '2024-01-02', kind: 'telefoon', note: 'a\u0000b' });
    expect(contact.statusCode, contact.body).toBe(400);
    expect(changedTables(before, await fingerprint(t.database.db))).toEqual([]);
  });
});

describe(`random and malformed requests (seed ${SEED}, ${NUM_RUNS} runs per route)`, () => {
  for (const documentedRoute of documented) {
    const key = routeKey(documentedRoute);
    it(key, async () => {
      const route = routeTable.get(key);
      expect(route, `${key} is documented but not in app.routeTable`).toBeDefined();
      const policy = policyOf(route!);
      const caller = allowedCaller(route!, policy);
      let f = shared;
      if (policy.prepare) {
        f = await factory.create('own team');
        await factory.refresh(f);
        await policy.prepare(factory.owner('own team')!, f);
      }
      // A change of one's own account (a wrong current password counts towards the lockout) runs
      // as a stand-in, so no fixture user is locked out.
      const standIn = policy.ownAccount && caller !== 'none' ? await factory.standIn(caller) : null;
      const valid = await factory.callOn(route!, policy, f);
      const validPath = valid.url.split('?')[0]!;
      const actual = validPath.split('/');
      const params = Object.fromEntries(route!.url.split('/').flatMap((segment, i) => (segment.startsWith(':') ? [[segment.slice(1), actual[i]!]] : [])));
      let headers = standIn ? { cookie: standIn.cookie, 'x-csrf-token': standIn.csrfToken } : policy.endsSession ? {} : await sessionHeaders(caller);
      const before = await fingerprint(t.database.db);
      await fc.assert(
        fc.asyncProperty(requestArbitrary(documentedRoute, validPath, params, valid.body), async (request) => {
          if (policy.endsSession) headers = await sessionHeaders(caller);
          const response = await t.app.inject({
            method: route!.method as 'GET',
            url: request.path + request.query,
            remoteAddress: `10.0.${Math.floor(++address / 250) % 250}.${address % 250}`,
            headers: { ...headers, ...(request.raw ? { 'content-type': request.raw.contentType } : {}) },
            payload: (request.raw ? request.raw.payload : request.body) as never,
          });
          expect(response.statusCode, `${key} as ${caller}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
          if (route!.method !== 'GET') expect(changedTables(before, await fingerprint(t.database.db)), `${key} as ${caller} changed the database (${response.statusCode})`).toEqual([]);
        }),
        { numRuns: NUM_RUNS, seed: SEED },
      );
      expect(changedTables(before, await fingerprint(t.database.db)), `${key} changed the database`).toEqual([]);
      // Failed logins are counted by design (rate_limits is left out of the fingerprint): forget
      // them (POST /api/auth/login fuzzes with a fixture user's address) so later logins work.
      await clearLimitsStartingWith(t.database.db, 'login:');
    });
  }
});
