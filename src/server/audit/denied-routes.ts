// The central table of refused looks (audit/denied-log.ts): for every /api route about one record,
// which record it is (its kind, and where the id is: a path parameter or a field of the body) and
// what a caller attempted. A route with a path parameter and no line here refuses to start, so a
// new route cannot forget to log its refusals. Adding a route: one line, keyed as in app.routeTable.
import type { AccessMode } from '../access/access.policy';
import type { AuditAction } from './audit.writer';
import type { RecordKind, Visibility } from './denied-records';

export interface DeniedRoute {
  kind: RecordKind;
  /** What the caller attempted: the action of the denied row. */
  action: AuditAction;
  /** Where the record's id is; default the path parameter `id`. */
  from?: { param: string } | { body: string };
  /** Who may see the record; default its kind's record scope. */
  visibility?: Visibility;
}

const read = (kind: RecordKind, extra: Partial<DeniedRoute> = {}): DeniedRoute => ({ kind, action: 'read', ...extra });
const attempt = (kind: RecordKind, action: AuditAction = 'update', extra: Partial<DeniedRoute> = {}): DeniedRoute => ({ kind, action, ...extra });

export const DENIED_ROUTES: Record<string, DeniedRoute> = {
  'GET /api/v1/teams/:teamId/workers': read('team', { from: { param: 'teamId' } }),

  'GET /api/v1/clients/:id': read('client'),
  'PUT /api/v1/clients/:id': attempt('client'),
  'GET /api/v1/clients/:id/zrm': read('client'),
  'GET /api/v1/clients/:id/file': attempt('client', 'export'),
  'GET /api/v1/clients/:id/file.pdf': attempt('client', 'export'),
  'GET /api/v1/clients/:id/access-log': read('client', { visibility: 'access log' }),
  'GET /api/v1/clients/:id/consents': read('client'),
  'POST /api/v1/clients/:id/consents': attempt('client', 'create', { visibility: 'own team' }),
  'POST /api/v1/clients/:id/disclosures': attempt('client', 'disclose', { visibility: 'own team' }),
  'POST /api/v1/consents/:id/withdraw': attempt('consent'),
  // Registering for an existing client by id: one the team holds (another team's comes in by an attach).
  'POST /api/v1/registrations': attempt('client', 'create', { from: { body: 'clientId' }, visibility: 'own team' }),

  'POST /api/v1/emergency-access': attempt('client', 'emergency_access', { from: { body: 'clientId' }, visibility: 'permission' }),
  'POST /api/v1/emergency-access/:id/review': attempt('emergency_access'),
  'POST /api/v1/attachments/:id/review': attempt('client_attachment'),

  'POST /api/v1/retention/:id/propose': attempt('destruction'),
  'POST /api/v1/retention/:id/confirm': attempt('destruction', 'destroy'),
  'POST /api/v1/retention/:id/decline': attempt('destruction'),
  'POST /api/v1/clients/:id/destruction-request': attempt('client', 'create', { visibility: 'permission' }),

  'GET /api/v1/quality-reports/:id': read('quality_report'),
  'PUT /api/v1/quality-reports/:id': attempt('quality_report'),
  'POST /api/v1/quality-reports/:id/steps': attempt('quality_report'),

  'GET /api/v1/registrations/:id': read('registration'),
  'POST /api/v1/registrations/:id/triage': attempt('registration'),

  'GET /api/v1/cases/:id': read('case'),
  'POST /api/v1/cases/:id/first-meeting': attempt('case'),
  'POST /api/v1/cases/:id/start': attempt('case'),
  'POST /api/v1/cases/:id/close': attempt('case'),
  'POST /api/v1/cases/:id/reopen': attempt('case'),
  'PUT /api/v1/cases/:id/lead-worker': attempt('case'),
  'POST /api/v1/cases/:id/household': attempt('case'),
  'POST /api/v1/cases/:id/transfer': attempt('case'),
  'GET /api/v1/cases/:id/contacts': read('case'),
  'POST /api/v1/cases/:id/contacts': attempt('case', 'create'),
  'PUT /api/v1/contacts/:id': attempt('contact'),
  'GET /api/v1/contacts/:id/versions': read('contact'),
  'GET /api/v1/cases/:id/plan': read('case'),
  'PUT /api/v1/cases/:id/plan': attempt('case'),
  'GET /api/v1/cases/:id/plan/versions/:version': read('case'),
  'POST /api/v1/cases/:id/plan/versions/:version/agreement': attempt('case'),
  'GET /api/v1/cases/:id/plan/compare': read('case'),
  'POST /api/v1/cases/:id/plan/print': attempt('case', 'print'),
  'GET /api/v1/cases/:id/zrm': read('case'),
  'POST /api/v1/cases/:id/zrm': attempt('case', 'create'),
  'GET /api/v1/cases/:id/network': read('case'),
  'POST /api/v1/cases/:id/network': attempt('case', 'create'),
  'PUT /api/v1/network/:id': attempt('network_member'),
  'POST /api/v1/network/:id/remove': attempt('network_member', 'delete'),
  'GET /api/v1/cases/:id/maatwerk': read('case'),
  'POST /api/v1/cases/:id/provision-requests': attempt('case', 'create'),
  'POST /api/v1/provision-requests/:id/research': attempt('provision_request'),
  'POST /api/v1/provision-requests/:id/withdrawal': attempt('provision_request'),
  'POST /api/v1/provision-requests/:id/decision': attempt('provision_request', 'create'),
  'GET /api/v1/provision-decisions/:id/letter.pdf': attempt('provision_decision', 'export'),
  'POST /api/v1/provision-decisions/:id/provisions': attempt('provision_decision', 'create'),
  'POST /api/v1/provisions/:id/extension': attempt('provision', 'create'),
  'POST /api/v1/provisions/:id/end': attempt('provision'),
  'POST /api/v1/provisions/:id/void': attempt('provision'),

  'GET /api/v1/cases/:id/tasks': read('case'),
  'POST /api/v1/cases/:id/tasks': attempt('case', 'create'),
  'POST /api/v1/tasks/:id/done': attempt('task'),
  'POST /api/v1/tasks/:id/reopen': attempt('task'),

  // A letter's draft is the start of making one: it needs the case's write scope.
  'POST /api/v1/cases/:id/letter-draft': attempt('case', 'create'),
  'POST /api/v1/cases/:id/letters': attempt('case', 'create'),
  'GET /api/v1/cases/:id/documents': read('case'),
  'POST /api/v1/cases/:id/documents': attempt('case', 'create'),
  'GET /api/v1/clients/:id/documents': read('client'),
  'POST /api/v1/clients/:id/documents': attempt('client', 'create', { visibility: 'own team' }),
  'GET /api/v1/documents/:id/content': read('document'),
  'PUT /api/v1/documents/:id': attempt('document'),
  'POST /api/v1/documents/:id/remove': attempt('document', 'delete'),
  'GET /api/v1/cases/:id/appointments': read('case'),
  'POST /api/v1/cases/:id/appointments': attempt('case', 'create'),
  'PUT /api/v1/appointments/:id': attempt('appointment'),
  'POST /api/v1/appointments/:id/cancel': attempt('appointment'),
  'POST /api/v1/appointments/:id/journal-entry': attempt('appointment'),
};

/** Looking (read, print, export) needs read access; anything else write access (break-the-glass never writes). */
export function modeOf(action: AuditAction): AccessMode {
  return action === 'read' || action === 'print' || action === 'export' ? 'read' : 'write';
}

/** The path parameters of a route URL (`/api/v1/cases/:id/plan/versions/:version` → id, version). */
export function pathParameters(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
}

/** Where the route's record id is, as a problem to fix when the table and the route disagree. */
export function tableProblem(method: string, url: string): string | null {
  const key = `${method} ${url}`;
  const entry = DENIED_ROUTES[key];
  const params = pathParameters(url);
  if (!entry) {
    return params.length ? `Route ${key} has a path parameter but no line in the table of refused looks (src/server/audit/denied-routes.ts)` : null;
  }
  const from = entry.from ?? { param: 'id' };
  if ('param' in from && !params.includes(from.param)) return `Route ${key}: the table of refused looks names the path parameter :${from.param}, which the route does not have`;
  return null;
}
