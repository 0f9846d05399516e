// The access log of refused looks and list views, generated from the route table like the
// authorisation matrix (tests/http/authorization.test.ts, tests/support/route-policy.ts):
// - every route × caller × relation that answers 404 on an existing record of the fixture leaves
//   exactly one 'denied' row naming the caller, the record (entity type and id) and its client; every
//   other call leaves none: an allowed call, an unknown id, an anonymous request;
// - every list of clients or their records writes one row per view that names the fixture's client
//   exactly when the view showed it;
// - the denied row is written after the answer has been sent.
import { auditAfterAnswerSettled } from '../../src/server/audit/after-answer';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/server/access/permissions';
import { buildApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { Db } from '../../src/server/db/database';
import { TEST_USERS } from '../support/fixtures';
import { fixtureFactory, type FixtureFactory } from '../support/record-fixtures';
import {
  CALLER_USER,
  CALLERS,
  describeExpected,
  documentedRoutes,
  expectedOutcome,
  policyOf,
  RELATIONS,
  ROUTE_POLICY,
  routeKey,
  unknownId,
  UNDOCUMENTED_ROUTES,
  type Caller,
  type Expected,
  type Fixture,
  type Relation,
  type RoutePolicy,
} from '../support/route-policy';
import { createTestApp, loginByEmail, openTestDatabase, type Session } from '../support/test-app';
import type { RouteEntry } from '../../src/server/http/auth-hook';
import { DENIED_ROUTES } from '../../src/server/audit/denied-routes';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const t = await createTestApp();
afterAll(() => t.close());
const db = t.database.db;

const documented = await documentedRoutes(t.app);
const routeTable = new Map(t.app.routeTable.filter((r) => !(r.url in UNDOCUMENTED_ROUTES)).map((r) => [routeKey(r), r]));

interface LogRow {
  action: string;
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  clientIds: string[] | null;
  actorId: string | null;
  actorRole: string | null;
  actorTeamId: string | null;
  outcome: string;
}

async function rows<T>(query: ReturnType<typeof sql>, on: Db = db): Promise<T[]> {
  return ((await on.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The rows a call wrote, once every refused look of it has been logged. */
async function loggedBy(call: () => Promise<LightMyRequestResponse>): Promise<{ response: LightMyRequestResponse; written: LogRow[] }> {
  const [{ mark }] = await rows<{ mark: string }>(sql`select clock_timestamp()::text as mark`);
  const response = await call();
  await auditAfterAnswerSettled();
  const written = await rows<LogRow>(sql`
    select action, entity_type as "entityType", entity_id as "entityId", client_id as "clientId", client_ids::text[] as "clientIds",
           actor_id as "actorId", actor_role as "actorRole", actor_team_id as "actorTeamId", outcome
      from audit_log where at >= ${mark}::timestamptz`);
  return { response, written };
}

/** The kind of a record the fixture refers to, found by its id: its table is the denied row's entity type. */
const RECORD_TABLES = [
  'clients',
  'cases',
  'contacts',
  'registrations',
  'network_members',
  'provision_requests',
  'provision_decisions',
  'provisions',
  'teams',
  'consents',
  'quality_reports',
  'emergency_access',
  'client_attachments',
  'destructions',
  'tasks',
  'documents',
  'appointments',
] as const;
const ENTITY_OF: Record<(typeof RECORD_TABLES)[number], string> = {
  clients: 'client',
  cases: 'case',
  contacts: 'contact',
  registrations: 'registration',
  network_members: 'network_member',
  provision_requests: 'provision_request',
  provision_decisions: 'provision_decision',
  provisions: 'provision',
  teams: 'team',
  consents: 'consent',
  quality_reports: 'quality_report',
  emergency_access: 'emergency_access',
  client_attachments: 'client_attachment',
  destructions: 'destruction',
  tasks: 'task',
  documents: 'document',
  appointments: 'appointment',
};
/** Records of a team, not of a client: their rows name no client. */
const WITHOUT_CLIENT = new Set(['team', 'quality_report']);

async function existingEntity(id: string): Promise<string | null> {
  for (const table of RECORD_TABLES) {
    const [found] = await rows<{ id: string }>(sql`select id from ${sql.identifier(table)} where id = ${id}::uuid`);
    if (found) return ENTITY_OF[table];
  }
  return null;
}

/** The record a call addresses: the one `make` made, else the policy's kind of the fixture (a plan version: its case). */
function addressedId(policy: RoutePolicy, f: Fixture, madeId: string | undefined): string {
  if (madeId) return madeId;
  const ids: Record<Exclude<RoutePolicy['record'], 'none'>, string> = {
    client: f.client.id,
    case: f.case.id,
    contact: f.contact.id,
    registration: f.registration.id,
    'network member': f.networkMember.id,
    'plan version': f.case.id,
    team: f.team.id,
  };
  return ids[policy.record as Exclude<RoutePolicy['record'], 'none'>];
}

let factory: FixtureFactory;
const shared = {} as Record<Relation, Fixture>;
const sessions = {} as Record<Role, Session>;
const callers = {} as Record<Role, { id: string; teamId: string | null }>;

beforeAll(async () => {
  factory = await fixtureFactory(t);
  for (const relation of RELATIONS) shared[relation] = await factory.create(relation);
  for (const role of ROLES) sessions[role] = await t.login(CALLER_USER[role]);
  const users = await rows<{ id: string; email: string; teamId: string | null }>(sql`select id, email, team_id as "teamId" from users`);
  for (const role of ROLES) callers[role] = users.find((u) => u.email === TEST_USERS[CALLER_USER[role]].email)!;
  for (const route of routeTable.values()) {
    const policy = ROUTE_POLICY[routeKey(route)];
    if (policy?.make) for (const relation of RELATIONS) await factory.callOn(route, policy, shared[relation]);
  }
});

function statusMatches(expected: Expected, response: LightMyRequestResponse): boolean {
  return expected.allowed ? response.statusCode >= 200 && response.statusCode < 300 : response.statusCode === expected.status;
}

/** How many calls each check judged, so the test cannot pass by checking nothing. */
const judged = { denied: 0, none: 0, views: 0, named: 0 };

const summary = (r: LogRow) => `${r.outcome} ${r.action} ${r.entityType} ${r.entityId ?? '-'} client ${r.clientId ?? '-'} by ${r.actorRole ?? '-'}`;

/** What is wrong with the rows of one call, or null. */
async function check(route: RouteEntry, policy: RoutePolicy, caller: Caller, relation: Relation): Promise<string | null> {
  const f = shared[relation];
  const callerId = caller === 'none' ? undefined : callers[caller].id;
  const expected = expectedOutcome(route, policy, caller, relation, callerId, f);
  // A change that would succeed is left to the authorisation test: it answers 2xx, never a refused look.
  if (expected.allowed && route.method !== 'GET' && !policy.list) return null;
  const { url, body, madeId } = await factory.callOn(route, policy, f);
  const method = route.method as Method;
  const { response, written } = await loggedBy(() => (caller === 'none' ? t.app.inject({ method, url, payload: body as never }) : sessions[caller].request(method, url, body)));
  const where = `${caller.padEnd(10)} ${relation.padEnd(15)}`;
  if (!statusMatches(expected, response)) return `${where} expected ${describeExpected(expected)}, got ${response.statusCode} (see the authorisation test)`;

  const denied = written.filter((r) => r.outcome === 'denied');
  const id = addressedId(policy, f, madeId);
  const entity = await existingEntity(id);
  // A list is about no one record: refusing it is no refused look.
  if (!policy.list && !expected.allowed && expected.status === 404 && caller !== 'none' && entity) {
    const want = { entityType: entity, entityId: id, clientId: WITHOUT_CLIENT.has(entity) ? null : f.client.id, actorId: callers[caller].id, actorRole: caller, actorTeamId: callers[caller].teamId };
    const got = denied.map(({ entityType, entityId, clientId, actorId, actorRole, actorTeamId }) => ({ entityType, entityId, clientId, actorId, actorRole, actorTeamId }));
    judged.denied++;
    if (got.length !== 1 || JSON.stringify(got[0]) !== JSON.stringify(want)) return `${where} 404 on an existing ${entity}: expected one denied row ${JSON.stringify(want)}, got ${denied.map(summary).join('; ') || 'none'}`;
    const action = denied[0]!.action;
    if (route.method === 'GET' ? !['read', 'export'].includes(action) : action === 'read') return `${where} a denied ${route.method} logged as ${action}`;
  } else {
    judged.none++;
    if (denied.length > 0) return `${where} ${describeExpected(expected)}: expected no denied row, got ${denied.map(summary).join('; ')}`;
  }

  if (policy.list && expected.allowed && !WITHOUT_CLIENT.has(entity ?? '')) {
    const views = written.filter((r) => r.clientIds !== null);
    if (views.length !== 1) return `${where} expected one row naming the clients the view showed, got ${views.length}`;
    const named = views[0]!.clientIds!.includes(f.client.id);
    judged.views++;
    if (named) judged.named++;
    // Shown: the answer holds the client, their (unique) last name, or one of their records (a case, a
    // registration, the made record). A client of another team in the duplicate check is shown by name, without id.
    const shown = [f.client.id, f.client.lastName, f.case.id, f.registration.id, madeId].some((ref) => !!ref && response.body.includes(ref));
    if (named !== shown || (expected.listed && !named)) return `${where} the view ${shown ? 'showed' : 'did not show'} the client (listed: ${expected.listed}), its row ${named ? 'names' : 'does not name'} them`;
  }
  return null;
}

describe('every route × caller × relation leaves exactly its denied and list rows', () => {
  for (const { method, url } of documented) {
    const key = routeKey({ method, url });
    const policy = ROUTE_POLICY[key];
    if (!policy || policy.record === 'none' || policy.off) continue;
    it(key, { timeout: 120_000 }, async () => {
      const route = routeTable.get(key)!;
      const wrong: string[] = [];
      for (const caller of CALLERS) {
        for (const relation of RELATIONS) {
          const problem = await check(route, policyOf(route), caller, relation);
          if (problem) wrong.push(problem);
        }
      }
      expect(wrong, `${key}: caller, relation, problem`).toEqual([]);
    });
  }

  it('covered every route about a record, and every list, judging hundreds of calls', () => {
    const covered = documented.filter((r) => ROUTE_POLICY[routeKey(r)]?.record !== 'none').map(routeKey);
    expect(covered.length).toBeGreaterThan(40);
    expect(covered.filter((key) => ROUTE_POLICY[key]!.list).length).toBeGreaterThanOrEqual(9);
    expect(judged.denied).toBeGreaterThan(300);
    expect(judged.none).toBeGreaterThan(200);
    expect(judged.views).toBeGreaterThan(30);
    expect(judged.named).toBeGreaterThan(10);
    expect(judged.named).toBeLessThan(judged.views);
  });
});

describe('the table of refused looks (src/server/audit/denied-routes.ts)', () => {
  it('names only routes that exist, and every route the policy says is about one record', () => {
    const routes = new Set(t.app.routeTable.map(routeKey));
    expect(Object.keys(DENIED_ROUTES).filter((key) => !routes.has(key))).toEqual([]);
    const aboutOne = documented.filter((r) => { const p = ROUTE_POLICY[routeKey(r)]; return p && p.record !== 'none' && !p.list; }).map(routeKey);
    expect(aboutOne.filter((key) => !DENIED_ROUTES[key])).toEqual([]);
  });
});

describe('no row for a record that does not exist', () => {
  it('leaves no denied row for an unknown id, for any refused caller of any route', async () => {
    const wrong: string[] = [];
    for (const { method, url } of documented) {
      const key = routeKey({ method, url });
      const policy = ROUTE_POLICY[key];
      if (!policy || policy.record === 'none' || policy.off || policy.list) continue;
      const route = routeTable.get(key)!;
      for (const caller of ROLES) {
        const expected = expectedOutcome(route, policy, caller, 'other team', callers[caller].id, shared['other team']);
        if (expected.allowed || expected.status !== 404) continue;
        const { url: real, body, madeId } = await factory.callOn(route, policy, shared['other team']);
        const id = addressedId(policy, shared['other team'], madeId);
        const unknown = unknownId();
        const target = real.replace(id, unknown);
        const payload = target === real ? JSON.parse(JSON.stringify(body).replaceAll(id, unknown)) : body;
        const { response, written } = await loggedBy(() => sessions[caller].request(method as Method, target, payload));
        if (response.statusCode !== 404) wrong.push(`${key} ${caller}: expected 404 for an unknown id, got ${response.statusCode}`);
        const denied = written.filter((r) => r.outcome === 'denied');
        if (denied.length) wrong.push(`${key} ${caller}: ${denied.map(summary).join('; ')}`);
        break; // one refused caller per route is enough: the lookup finds nothing for anyone
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the denied row comes after the answer', () => {
  it('is not there yet when the 404 is sent, and is there once the log has settled', async () => {
    // An app of its own with a hook that looks in the log at the moment the answer goes out
    // (onSend), for the refused look at a client of another team.
    const { database, drop } = await openTestDatabase();
    const app = await buildApp({ db: database.db, config: { ...readConfig({}), logLevel: 'silent' }, databaseKind: database.kind });
    const atSend: number[] = [];
    const deniedRows = async (clientId: string) =>
      Number((await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where outcome = 'denied' and client_id = ${clientId}::uuid`, database.db))[0]!.n);
    app.addHook('onSend', async (request, _reply, payload) => {
      const probe = request.headers['x-probe-client'];
      if (typeof probe === 'string') atSend.push(await deniedRows(probe));
      return payload;
    });
    await app.ready();
    try {
      const owner = await loginByEmail(app, TEST_USERS.workerB.email, 'workerB');
      const registration = await owner.post<{ client: { id: string } }>('/api/v1/registrations', { client: { firstName: 'Tijd', lastName: 'Meting' }, registeredOn: todayInNetherlands(), referrerCode: 'zelfmelder', question: 'Vraag' });
      const clientId = registration.client.id;
      const stranger = await loginByEmail(app, TEST_USERS.workerA.email, 'workerA');
      const response = await app.inject({ method: 'GET', url: `/api/v1/clients/${clientId}`, headers: { cookie: stranger.cookie, 'x-probe-client': clientId } });
      expect(response.statusCode).toBe(404);
      expect(atSend).toEqual([0]);
      await auditAfterAnswerSettled();
      expect(await deniedRows(clientId)).toBe(1);
    } finally {
      await app.close();
      await drop();
    }
  });
});
