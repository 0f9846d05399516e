// The generated authorisation test: every route of the OpenAPI document × every caller (the five
// roles and no session) × every relation of the record (own team, other team, no relation, break
// the glass, attached) answers what tests/support/route-policy.ts derives from the permission table
// and the record-level policy; and no answer to a team whose client link is an attach shows anything
// of the other team's records.
// A new route fails here until it has an entry in ROUTE_POLICY.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, fingerprint } from '../support/db-fingerprint';
import { fixtureFactory, type FixtureFactory } from '../support/record-fixtures';
import {
  CALLER_USER,
  CALLERS,
  describeExpected,
  documentedRoutes,
  expectedOutcome,
  listedId,
  otherTeamTracesIn,
  policyOf,
  relationsOf,
  RELATIONS,
  ROUTE_POLICY,
  routeKey,
  UNDOCUMENTED_ROUTES,
  type Caller,
  type Expected,
  type Fixture,
  type Relation,
  type RoutePolicy,
} from '../support/route-policy';
import { createTestApp, type Session } from '../support/test-app';
import type { RouteEntry } from '../../src/server/http/auth-hook';
import type { Role } from '../../src/server/access/permissions';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const t = await createTestApp();
afterAll(() => t.close());

const documented = await documentedRoutes(t.app);
const routeTable = new Map(t.app.routeTable.filter((r) => !(r.url in UNDOCUMENTED_ROUTES)).map((r) => [routeKey(r), r]));

let factory: FixtureFactory;
const shared = {} as Record<Relation, Fixture>;
const sessions = {} as Record<Role, Session>;
let sharedBefore: Record<string, string>;

beforeAll(async () => {
  factory = await fixtureFactory(t);
  for (const relation of RELATIONS) shared[relation] = await factory.create(relation);
  for (const [role, user] of Object.entries(CALLER_USER) as [Role, (typeof CALLER_USER)[Role]][]) sessions[role] = await t.login(user);
  // The records of the routes' own kinds (consents, queue rows, ...) on the shared fixtures, made
  // now so the fingerprint covers them: a refusal must not change them either.
  for (const route of routeTable.values()) {
    const policy = ROUTE_POLICY[routeKey(route)];
    if (policy?.make) for (const relation of RELATIONS) await factory.callOn(route, policy, shared[relation]);
  }
  sharedBefore = await fingerprint(t.database.db, { mentioning: RELATIONS.flatMap((r) => factory.recordIds(shared[r])) });
});

describe('the route list', () => {
  it('is the same in the OpenAPI document and in app.routeTable', () => {
    expect(documented.map(routeKey).sort()).toEqual([...routeTable.keys()].sort());
    expect(documented.length).toBeGreaterThan(40);
  });

  it('leaves out of the document only the catch-all, which answers 404 to everyone', async () => {
    expect(t.app.routeTable.filter((r) => r.url in UNDOCUMENTED_ROUTES).map((r) => r.url)).toContain('/api/*');
    for (const session of [null, ...Object.values(sessions)]) {
      for (const method of ['GET', 'POST'] as const) {
        const response = session ? await session.request(method, '/api/v1/bestaat/niet', {}) : await t.app.inject({ method, url: '/api/v1/bestaat/niet', payload: {} });
        expect(response.statusCode, `${session?.user ?? 'none'} ${method}`).toBe(404);
      }
    }
  });

  it('has a policy entry for every route, and a route for every entry', () => {
    const keys = documented.map(routeKey);
    const missing = keys.filter((key) => !ROUTE_POLICY[key]).map((key) => `no policy entry for ${key}: add one to tests/support/route-policy.ts`);
    const stale = Object.keys(ROUTE_POLICY)
      .filter((key) => !keys.includes(key))
      .map((key) => `policy entry for ${key} matches no route: remove it from tests/support/route-policy.ts`);
    expect([...missing, ...stale]).toEqual([]);
  });
});

async function matches(expected: Expected, policy: RoutePolicy, response: LightMyRequestResponse, listed: () => string): Promise<boolean> {
  if (!expected.allowed) return response.statusCode === expected.status;
  if (response.statusCode < 200 || response.statusCode > 299) return false;
  if (expected.partShown !== undefined && (await policy.part!.shown(response)) !== expected.partShown) return false;
  return expected.listed === undefined || response.body.includes(listed()) === expected.listed;
}

/**
 * The fixture a call runs on. A change that is expected to succeed gets new records, so every
 * allowed caller applies its valid body once, to a record in the state the body needs (2xx, never
 * a 409 from an earlier caller). Reads and refusals share one fixture per relation; the last test
 * checks that the refusals changed nothing in it.
 */
async function fixtureFor(route: RouteEntry, policy: RoutePolicy, expected: Expected, relation: Relation): Promise<Fixture> {
  if (!expected.allowed || route.method === 'GET' || policy.record === 'none') return shared[relation];
  const f = await factory.create(relation);
  const owner = factory.owner(relation);
  if (policy.prepare && owner) {
    await factory.refresh(f);
    await policy.prepare(owner, f);
  }
  return f;
}

async function call(route: RouteEntry, policy: RoutePolicy, caller: Caller, relation: Relation): Promise<string | null> {
  const session = caller === 'none' ? null : policy.ownAccount ? await factory.standIn(caller) : policy.endsSession ? await t.login(CALLER_USER[caller]) : sessions[caller];
  const callerId = caller === 'none' ? undefined : factory.userId(CALLER_USER[caller]);
  const expected = expectedOutcome(route, policy, caller, relation, callerId, shared[relation]);
  const f = await fixtureFor(route, policy, expected, relation);
  const { url, body, madeId } = await factory.callOn(route, policy, f);
  const method = route.method as Method;
  const response = session ? await session.request(method, url, body) : await t.app.inject({ method, url, payload: body as never });
  if (!(await matches(expected, policy, response, () => listedId(policy, f, madeId)))) {
    return `${caller.padEnd(10)} ${relation.padEnd(15)} expected ${describeExpected(expected, policy)}, got ${response.statusCode} ${response.body.slice(0, 160)}`;
  }
  const traces = otherTeamTracesIn(response.body, caller, f);
  return traces.length ? `${caller.padEnd(10)} ${relation.padEnd(15)} ${response.statusCode} shows the other team's ${traces.join(', ')}` : null;
}

describe('every route × caller × relation answers as the policy derives', () => {
  for (const { method, url } of documented) {
    it(`${method} ${url}`, async () => {
      const route = routeTable.get(routeKey({ method, url }));
      expect(route, `${method} ${url} is documented but not in app.routeTable`).toBeDefined();
      const policy = policyOf(route!);
      const wrong: string[] = [];
      for (const caller of CALLERS) {
        for (const relation of relationsOf(policy)) {
          const problem = await call(route!, policy, caller, relation);
          if (problem) wrong.push(problem);
        }
      }
      expect(wrong, `${method} ${url}: caller, relation, expected, got`).toEqual([]);
    });
  }
});

const WITHOUT_EMERGENCY = RELATIONS.filter((r) => r !== 'break the glass');

describe('the derivation itself', () => {
  it("lets an attach read the client's master data, never write it, nor reach the other team's records", () => {
    const attached = (key: string, role: Role) => expectedOutcome(routeTable.get(key)!, ROUTE_POLICY[key]!, role, 'attached');
    for (const role of ['medewerker', 'teamleider'] as const) {
      expect(attached('GET /api/v1/clients/:id', role)).toEqual({ allowed: true });
      expect(attached('PUT /api/v1/clients/:id', role)).toEqual({ allowed: false, status: 404 });
      // The team uses the client in its own work: a new registration, its own consents.
      expect(attached('POST /api/v1/registrations', role)).toEqual({ allowed: true });
      expect(attached('POST /api/v1/clients/:id/consents', role)).toEqual({ allowed: true });
      for (const key of ['GET /api/v1/cases/:id', 'GET /api/v1/cases/:id/contacts', 'GET /api/v1/cases/:id/plan', 'GET /api/v1/registrations/:id', 'POST /api/v1/consents/:id/withdraw']) {
        expect(attached(key, role), key).toEqual({ allowed: false, status: 404 });
      }
      expect(attached('GET /api/v1/cases', role)).toEqual({ allowed: true, listed: false });
    }
    // Break the glass reads, it never links a client to the team's work.
    expect(expectedOutcome(routeTable.get('POST /api/v1/registrations')!, ROUTE_POLICY['POST /api/v1/registrations']!, 'medewerker', 'break the glass')).toEqual({ allowed: false, status: 404 });
  });

  it('lets break the glass read and never write', () => {
    const opened = (route: RouteEntry, role: Role) => expectedOutcome(route, ROUTE_POLICY[routeKey(route)]!, role, 'break the glass');
    const byKey = (key: string) => routeTable.get(key)!;
    for (const role of ['medewerker', 'teamleider', 'kwaliteit'] as const) {
      expect(opened(byKey('GET /api/v1/clients/:id'), role)).toEqual({ allowed: true });
      expect(opened(byKey('GET /api/v1/cases/:id/contacts'), role)).toEqual({ allowed: true });
      expect(opened(byKey('PUT /api/v1/clients/:id'), role)).toEqual({ allowed: false, status: 404 });
      expect(opened(byKey('POST /api/v1/cases/:id/contacts'), role)).toEqual({ allowed: false, status: 404 });
    }
  });

  it('refuses analist and beheerder every route with client data, and kwaliteit every record of the team policy without break-the-glass', () => {
    for (const route of routeTable.values()) {
      const policy = ROUTE_POLICY[routeKey(route)];
      if (!policy || policy.record === 'none') continue;
      for (const relation of WITHOUT_EMERGENCY) {
        for (const role of ['analist', 'beheerder', 'kwaliteit'] as const) {
          const expected = expectedOutcome(route, policy, role, relation);
          const refused = !expected.allowed || expected.listed === false;
          // kwaliteit's own registers (access log, quality reports, destruction queue, the review of
          // emergency accesses, finding and opening a client through break-the-glass) state their access.
          if (role !== 'kwaliteit' || !policy.access) expect(refused, `${role} ${routeKey(route)} ${relation}`).toBe(true);
          if (role !== 'kwaliteit') expect(expected, `${role} ${routeKey(route)}`).toEqual({ allowed: false, status: 404 });
        }
      }
    }
  });

  it('lets kwaliteit reach a client of a team only through its own registers and break-the-glass', () => {
    const reachable = [...routeTable.values()]
      .filter((route) => {
        const policy = ROUTE_POLICY[routeKey(route)];
        return policy && policy.record !== 'none' && WITHOUT_EMERGENCY.some((relation) => {
          const expected = expectedOutcome(route, policy, 'kwaliteit', relation);
          return expected.allowed && expected.listed !== false;
        });
      })
      .map(routeKey)
      .sort();
    expect(reachable).toEqual(
      [
        'GET /api/v1/clients/:id/access-log',
        'GET /api/v1/attachments',
        'POST /api/v1/attachments/:id/review',
        'GET /api/v1/emergency-access',
        'POST /api/v1/emergency-access/:id/review',
        'POST /api/v1/emergency-access/search',
        'POST /api/v1/emergency-access',
        'GET /api/v1/quality-reports',
        'GET /api/v1/quality-reports/:id',
        'PUT /api/v1/quality-reports/:id',
        'POST /api/v1/quality-reports/:id/steps',
        'GET /api/v1/retention',
        'POST /api/v1/retention/:id/propose',
        'POST /api/v1/retention/:id/confirm',
        'POST /api/v1/retention/:id/decline',
        'POST /api/v1/clients/:id/destruction-request',
      ].sort(),
    );
  });

  it("gives the access log inside the client's file to exactly those whom the access-log route answers", () => {
    const log = routeTable.get('GET /api/v1/clients/:id/access-log')!;
    for (const key of ['GET /api/v1/clients/:id/file', 'GET /api/v1/clients/:id/file.pdf']) {
      const file = routeTable.get(key)!;
      for (const caller of CALLERS) {
        for (const relation of RELATIONS) {
          const lead = factory.userId(CALLER_USER.medewerker);
          for (const leadWorkerId of [lead, null]) {
            const f = { ...shared[relation], leadWorkerId };
            const callerId = caller === 'none' ? undefined : factory.userId(CALLER_USER[caller]);
            const fileAnswer = expectedOutcome(file, ROUTE_POLICY[key]!, caller, relation, callerId, f);
            const logAnswer = expectedOutcome(log, ROUTE_POLICY['GET /api/v1/clients/:id/access-log']!, caller, relation, callerId, f);
            if (fileAnswer.allowed) expect(fileAnswer.partShown, `${key} ${caller} ${relation}`).toBe(logAnswer.allowed);
          }
        }
      }
    }
  });

  it('gives a clear message for a route without an entry', () => {
    expect(() => policyOf({ method: 'POST', url: '/api/v1/x' })).toThrow('no policy entry for POST /api/v1/x: add one to tests/support/route-policy.ts');
  });
});

describe('the refusals', () => {
  it('changed none of the shared records', async () => {
    const after = await fingerprint(t.database.db, { mentioning: RELATIONS.flatMap((r) => factory.recordIds(shared[r])) });
    expect(changedTables(sharedBefore, after)).toEqual([]);
  });
});
