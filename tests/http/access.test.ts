// Access over HTTP for every route: the permission table, 401 without a session, 404 for a worker of
// another team and for roles without a reason to see client data, and 400 on malformed bodies.
import { todayInNetherlands } from '../../src/server/lib/dates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { openCase } from '../support/open-case';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { Contact } from '../../src/server/modules/journal/journal.schemas';

import { roleAllows } from '../../src/server/access/permissions';
import { TEST_USERS } from '../support/fixtures';
import { MINIMAL_PDF_BASE64 } from '../support/documents';

let t: TestApp;
let owner: Session;
const today = todayInNetherlands();
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.login('workerA');
  const opened = await openCase(owner, { client: { firstName: 'Truus', lastName: 'Geheim', birthDate: '1960-06-06', bsn: '999992077', postcode: '3562 AB' }, question: 'Vertrouwelijke vraag' });
  const caseDetail = await owner.get<CaseDetail>(`/api/v1/cases/${opened.caseId}`);
  const contact = await owner.post<Contact>(`/api/v1/cases/${caseDetail.id}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Geheim gesprek' });
  const untriaged = await owner.post<Registration>('/api/v1/registrations', { clientId: opened.clientId, registeredOn: today, referrerCode: 'huisarts', question: 'Tweede vraag' });
  const member = await owner.post<{ id: string }>(`/api/v1/cases/${caseDetail.id}/network`, { name: 'Buurvrouw', kind: 'neighbour' });
  const task = await owner.post<{ id: string }>(`/api/v1/cases/${caseDetail.id}/tasks`, { title: 'Geheim huisbezoek plannen', dueOn: today });
  const document = await owner.post<{ id: string }>(`/api/v1/cases/${caseDetail.id}/documents`, { title: 'Geheime brief', fileName: 'brief.pdf', contentBase64: MINIMAL_PDF_BASE64 });
  ids.document = document.id;
  const appointment = await owner.post<{ id: string }>(`/api/v1/cases/${caseDetail.id}/appointments`, { kind: 'huisbezoek', date: today, startTime: '00:00', endTime: '00:30', place: 'Geheimstraat 1', withWhom: 'Truus Geheim' });
  Object.assign(ids, { client: opened.clientId, case: caseDetail.id, contact: contact.id, registration: untriaged.id, team: caseDetail.teamId, worker: caseDetail.leadWorker!.id, network: member.id, task: task.id, appointment: appointment.id });
});
afterAll(async () => t.close());

/** A well-formed body per route, so a refusal is about access, not about the input. */
function validBody(method: string, url: string): unknown {
  const bodies: Record<string, unknown> = {
    'PUT /api/v1/clients/:id': { firstName: 'Truus', lastName: 'Anders', version: 1 },
    'POST /api/v1/clients/search': { search: 'Geheim' },
    'POST /api/v1/search': { search: 'Geheim' },
    'POST /api/v1/auth/password': { currentPassword: 'test-wachtwoord-1', newPassword: 'een-heel-nieuw-wachtwoord' },
    'POST /api/v1/clients/duplicate-check': { firstName: 'Truus', lastName: 'Geheim', birthDate: '1960-06-06' },
    'POST /api/v1/registrations': { client: { firstName: 'A', lastName: 'B' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' },
    'POST /api/v1/registrations/:id/triage': { outcome: 'generalist', version: 1 },
    'POST /api/v1/cases/:id/first-meeting': { firstMeetingOn: today, location: 'thuis', version: 1 },
    'POST /api/v1/cases/:id/start': { version: 1 },
    'POST /api/v1/cases/:id/close': { closedOn: today, reasons: ['volgens_plan'], version: 1 },
    'POST /api/v1/cases/:id/reopen': { reason: 'Reden genoeg', version: 1 },
    'PUT /api/v1/cases/:id/lead-worker': { leadWorkerId: ids.worker, version: 1 },
    'POST /api/v1/cases/:id/household': { client: { firstName: 'C', lastName: 'D' }, version: 1 },
    'POST /api/v1/cases/:id/contacts': { contactOn: today, kind: 'telefoon' },
    'PUT /api/v1/contacts/:id': { contactOn: today, kind: 'telefoon', version: 1 },
    'POST /api/v1/cases/:id/letter-draft': { kind: 'uitnodiging', recipientId: ids.client },
    'POST /api/v1/cases/:id/letters': { kind: 'afsluiting', recipientId: ids.client, subject: 'Wij stoppen', body: 'Tot ziens.' },
    'POST /api/v1/cases/:id/zrm': { clientId: ids.client, assessedOn: today, type: 'nul', scores: { financien: 3 } },
    'POST /api/v1/auth/login': { email: 'x@test.nl', password: 'x' },
    'POST /api/v1/emergency-access/search': { bsn: '999992077' },
    'POST /api/v1/emergency-access': { clientId: ids.client, reason: 'Crisis in het weekend, vaste medewerker afwezig' },
    'POST /api/v1/emergency-access/:id/review': { outcome: 'terecht', version: 1 },
    'PUT /api/v1/cases/:id/plan': { content: {}, baseVersion: 0 },
    'POST /api/v1/cases/:id/network': { name: 'Oom Piet', kind: 'family' },
    'PUT /api/v1/network/:id': { name: 'Buurvrouw', kind: 'neighbour', version: 1 },
    'POST /api/v1/network/:id/remove': { version: 1 },
    'POST /api/v1/cases/:id/transfer': { leadWorkerId: ids.worker, note: 'Overdracht aan een collega', version: 1 },
    'PUT /api/v1/work/dashboard/layout': { order: ['first_meetings', 'legal_terms', 'agreements_due', 'plan_reviews', 'zrm_due', 'no_contact', 'recent_journal'], hidden: [] },
    'POST /api/v1/cases/:id/plan/versions/:version/agreement': { agreedOn: today, how: 'gesprek' },
    'POST /api/v1/clients/:id/consents': { recipientKind: 'huisarts', recipientName: 'Praktijk', dataShared: 'Medicatie', purpose: 'Afstemmen', validFrom: today, givenHow: 'mondeling' },
    'POST /api/v1/consents/:id/withdraw': { withdrawnOn: today, version: 1 },
    'POST /api/v1/clients/:id/disclosures': { recipient: 'Rechtbank', dataShared: 'Dossier', ground: 'wettelijke_plicht', reasoning: 'Vordering op grond van de wet, schriftelijk ontvangen', disclosedOn: today },
    'POST /api/v1/retention/:id/propose': { version: 1 },
    'POST /api/v1/retention/:id/confirm': { version: 1 },
    'POST /api/v1/retention/:id/decline': { version: 1, note: 'Van aanzienlijk belang voor een ander' },
    'POST /api/v1/clients/:id/destruction-request': { receivedOn: today, note: '' },
    'POST /api/v1/quality-reports': { kind: 'klacht', title: 'Klacht', description: 'Niet teruggebeld', occurredOn: today, receivedOn: today, filedBy: 'Een bewoner' },
    'PUT /api/v1/quality-reports/:id': { status: 'in_behandeling', version: 1 },
    'POST /api/v1/quality-reports/:id/steps': { stepOn: today, description: 'Gebeld' },
    'POST /api/v1/cases/:id/provision-requests': { clientId: ids.client, requestedOn: today, asked: 'Hulp bij het huishouden', requestedBy: 'client' },
    'POST /api/v1/provision-requests/:id/research': { researchReportedOn: today, researchReport: 'Verslag', version: 1 },
    'POST /api/v1/provision-requests/:id/withdrawal': { reason: 'Reden', version: 1 },
    'POST /api/v1/provision-requests/:id/decision': { decidedOn: today, outcome: 'toegekend', reasons: 'Nodig', version: 1 },
    'POST /api/v1/provision-decisions/:id/provisions': { category: 'hbh', product: 'hbh', provider: 'Careyn', startOn: today, volume: 1, unit: '04', frequency: '2' },
    'POST /api/v1/provisions/:id/extension': { endOn: today, version: 1 },
    'POST /api/v1/provisions/:id/end': { endOn: today, reason: '05', version: 1 },
    'POST /api/v1/provisions/:id/void': { reason: 'Fout', version: 1 },
    'POST /api/v1/cases/:id/tasks': { title: 'Huisbezoek plannen', dueOn: today },
    'POST /api/v1/tasks': { title: 'Verlof aanvragen', dueOn: today },
    'POST /api/v1/tasks/:id/done': { version: 1 },
    'POST /api/v1/tasks/:id/reopen': { version: 1 },
    'POST /api/v1/cases/:id/appointments': { kind: 'telefoon', date: today, startTime: '09:00', endTime: '09:15' },
    'PUT /api/v1/appointments/:id': { kind: 'telefoon', date: today, startTime: '09:00', endTime: '09:15', version: 1 },
    'POST /api/v1/appointments/:id/cancel': { version: 1 },
    'POST /api/v1/appointments/:id/journal-entry': { version: 1 },
    'POST /api/v1/notifications/read': { ids: [ids.case] },
    'POST /api/v1/cases/:id/documents': { title: 'Brief', fileName: 'brief.pdf', contentBase64: MINIMAL_PDF_BASE64 },
    'POST /api/v1/clients/:id/documents': { title: 'Brief', fileName: 'brief.pdf', contentBase64: MINIMAL_PDF_BASE64 },
    'PUT /api/v1/documents/:id': { title: 'Andere titel', version: 1 },
    'POST /api/v1/documents/:id/remove': { version: 1 },
    'POST /api/v1/notifications/read-all': { seenUpTo: new Date().toISOString() },
  };
  return bodies[`${method} ${url}`] ?? (method === 'GET' ? undefined : {});
}

function concreteUrl(url: string): string {
  const idFor = url.startsWith('/api/v1/clients')
    ? ids.client
    : url.startsWith('/api/v1/cases')
      ? ids.case
      : url.startsWith('/api/v1/contacts')
        ? ids.contact
        : url.startsWith('/api/v1/registrations')
          ? ids.registration
          : url.startsWith('/api/v1/network')
            ? ids.network
            : url.startsWith('/api/v1/tasks')
              ? ids.task
              : url.startsWith('/api/v1/documents')
                ? ids.document
                : url.startsWith('/api/v1/appointments')
                  ? ids.appointment
                  : ids.team;
  const query = url === '/api/v1/cases/:id/plan/compare' ? '?from=1&to=1' : url === '/api/v1/agenda' || url === '/api/v1/agenda/team' ? `?from=${today}&to=${today}` : url === '/api/v1/agenda-feed/agenda.ics' ? '?token=onbekend' : '';
  return url.replace(':id', idFor!).replace(':teamId', ids.team!).replace(':version', '1').replace('/*', '/onbekend') + query;
}

const apiRoutes = () => t.app.routeTable.filter((r) => r.url !== '/api/*');
/** Permissions that give no access to client data: aggregates, administration, the session itself. */
// The quality registers hold no link to a client record (who filed is free text): see tests/http/quality.test.ts.
// The iWmo screen's answers hold no BSN, name or client id: tests/http/iwmo-screen.test.ts.
// The letter templates are the organisation's texts, about no one: tests/http/letters.test.ts.
const NO_CLIENT_DATA = ['public', 'session', 'figures:read', 'reports:read', 'users:manage', 'exchange:import', 'quality:file', 'quality:manage', 'iwmo:manage', 'letters:manage'];
/**
 * Break-the-glass routes and the review of attachments are open to kwaliteit on purpose (the review
 * shows no client identity); tests/http/emergency.test.ts and tests/http/attach.test.ts cover them.
 */
const EMERGENCY = ['emergency:request', 'emergency:review', 'attachments:review'];
const clientDataRoutes = () => apiRoutes().filter((r) => !NO_CLIENT_DATA.includes(r.permission) && !EMERGENCY.includes(r.permission));

describe('access', () => {
  it('declares a permission for every route (a change here is a security review)', () => {
    const table = apiRoutes()
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(36)} ${r.permission}`)
      .sort();
    expect(table).toMatchSnapshot();
  });

  it('answers 401 on every non-public route without a session', async () => {
    for (const route of apiRoutes().filter((r) => r.permission !== 'public')) {
      const response = await t.app.inject({ method: route.method as 'GET', url: concreteUrl(route.url), payload: validBody(route.method, route.url) as never });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers 404 to a worker of another team on every route with a record of this team', async () => {
    const stranger = await t.login('workerB');
    const scoped = apiRoutes().filter((r) => r.url.includes(':'));
    expect(scoped.length).toBeGreaterThan(12);
    for (const route of scoped) {
      const response = await stranger.request(route.method as 'GET', concreteUrl(route.url), validBody(route.method, route.url));
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    const search = await stranger.post<unknown[]>('/api/v1/clients/search', { search: 'Geheim' });
    expect(search).toEqual([]);
    expect(await stranger.post('/api/v1/search', { search: '999992077' })).toEqual({ clients: [], more: false });
    const mine = await stranger.get<{ cases: unknown[]; registrationsToTriage: unknown[] }>('/api/v1/work/mine');
    expect(mine).toEqual({ cases: [], registrationsToTriage: [] });
  });

  it('answers 404 to the analyst, quality officer and administrator on every route with client data', async () => {
    for (const user of ['analyst', 'quality', 'admin'] as const) {
      const session = await t.login(user);
      for (const route of clientDataRoutes()) {
        const response = await session.request(route.method as 'GET', concreteUrl(route.url), validBody(route.method, route.url));
        if (user === 'quality' && route.url === '/api/v1/clients/:id/destruction-request') {
          // kwaliteit records a client's request for destruction for any client of the organisation
          // (retention); the answer holds the queue facts, never the client's data.
          expect(response.statusCode, `${user} ${route.method} ${route.url}`).toBe(201);
          expect(response.body).not.toContain('Geheim');
          continue;
        }
        if (user === 'quality' && response.statusCode === 200 && (!route.url.includes(':') || route.permission === 'accesslog:read')) {
          // kwaliteit holds clients:read and cases:read (lists, its own dashboard layout), but its
          // record scope is empty without break-the-glass: nothing of the team's records shows.
          // It reads every client's access log (who did what, when), which holds no client data.
          expect(response.body, `${user} ${route.method} ${route.url}`).not.toContain(ids.client!);
          expect(response.body, `${user} ${route.method} ${route.url}`).not.toContain('Geheim');
          continue;
        }
        expect(response.statusCode, `${user} ${route.method} ${route.url}`).toBe(404);
      }
      const figures = await session.get<{ teams: { teamName: string }[] }>('/api/v1/work/figures');
      expect(figures.teams).toHaveLength(18);
      expect(JSON.stringify(figures)).not.toContain('Geheim');
    }
  });

  it('answers 400 and changes nothing on a malformed body for every route that takes one', async () => {
    const before = await owner.get<CaseDetail>(`/api/v1/cases/${ids.case}`);
    const sessions = [owner, await t.login('admin'), await t.login('quality')];
    for (const route of apiRoutes().filter((r) => ['POST', 'PUT'].includes(r.method) && r.url !== '/api/v1/auth/logout')) {
      // Each route as a user whose role may use it, so the answer is about the body.
      const session = sessions.find((s) => roleAllows(TEST_USERS[s.user].role, route.permission));
      expect(session, route.url).toBeDefined();
      const response = await session!.request(route.method as 'POST', concreteUrl(route.url), [1, 2, 3]);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(400);
      expect(response.json().detail).toMatch(/niet geldig/);
    }
    const after = await owner.get<CaseDetail>(`/api/v1/cases/${ids.case}`);
    expect(after.version).toBe(before.version);
  });

  it('hides the record of another team also on a malformed id', async () => {
    const response = await owner.request('GET', '/api/v1/cases/niet-een-nummer');
    expect(response.statusCode).toBe(400);
    const unknown = await owner.request('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });
});
