// Audit completeness (NEN 7513): each kind of action leaves exactly the expected access-log rows,
// with who (user, role, team), what, which record, which client (or, for a search or list view, every
// client it showed) and the outcome; and the log is append-only in the database itself. The generated
// matrix of refused looks and list views over every route is tests/http/audit-refusals.test.ts.
import { auditAfterAnswerSettled } from '../../src/server/audit/after-answer';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/server/access/permissions';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { DuplicateMatch } from '../../src/server/modules/clients/clients.schemas';
import type { Contact } from '../../src/server/modules/journal/journal.schemas';
import type { NetworkMember } from '../../src/server/modules/network/network.schemas';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import type { ZrmAssessment } from '../../src/server/modules/zrm/zrm.schemas';
import { listDueForRetention } from '../../src/server/modules/retention/retention.service';
import type { AccessLogPage } from '../../src/server/modules/access-log/access-log.schemas';
import { TEAM_A, TEAM_B, TEST_PASSWORD, TEST_USERS, teamId, type TestUser } from '../support/fixtures';
import { openCase } from '../support/open-case';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

interface AuditRow {
  action: string;
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  /** A search or list view: every client it showed, sorted. */
  clientIds: string[] | null;
  actorId: string | null;
  actorRole: string | null;
  actorTeamId: string | null;
  outcome: string;
  emergency: boolean;
  onBehalfOf: string | null;
}

let t: TestApp;
let worker: Session;
const today = todayInNetherlands();
const users = {} as Record<TestUser, { id: string; role: Role; teamId: string | null }>;

async function query<T>(text: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(text)) as unknown as { rows: T[] }).rows;
}

const auditIds = async () => new Set((await query<{ id: string }>(sql`select id from audit_log`)).map((r) => r.id));

/** The rows an action wrote: everything not in the log before it, refused looks included (written after the answer). */
async function logged(action: () => Promise<unknown>): Promise<AuditRow[]> {
  const before = await auditIds();
  await action();
  await auditAfterAnswerSettled();
  const rows = await query<AuditRow & { id: string }>(sql`
    select id, action, entity_type as "entityType", entity_id as "entityId", client_id as "clientId", client_ids::text[] as "clientIds", actor_id as "actorId",
           actor_role as "actorRole", actor_team_id as "actorTeamId", outcome, emergency, on_behalf_of as "onBehalfOf"
    from audit_log`);
  return sortRows(rows.filter((r) => !before.has(r.id)).map(({ id: _id, ...row }) => row));
}

function sortRows(rows: AuditRow[]): AuditRow[] {
  const key = (r: AuditRow) => [r.action, r.entityType, r.entityId ?? '', r.clientId ?? ''].join(' ');
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

/** An expected row: the user's role and team as they are, success, no break-the-glass, on their own behalf. */
function row(user: TestUser, action: string, entityType: string, ids: { entityId?: string | null; clientId?: string | null; clientIds?: string[] }): AuditRow {
  const u = users[user];
  const clientIds = ids.clientIds ? [...ids.clientIds].sort() : null;
  return { action, entityType, entityId: ids.entityId ?? null, clientId: ids.clientId ?? null, clientIds, actorId: u.id, actorRole: u.role, actorTeamId: u.teamId, outcome: 'success', emergency: false, onBehalfOf: null };
}

const expectRows = (actual: AuditRow[], ...expected: AuditRow[]) => expect(actual).toEqual(sortRows(expected));

beforeAll(async () => {
  t = await createTestApp();
  const teams = { [TEAM_A]: await teamId(t.database.db, TEAM_A), [TEAM_B]: await teamId(t.database.db, TEAM_B) };
  const rows = await query<{ id: string; email: string; role: Role }>(sql`select id, email, role from users`);
  for (const [name, user] of Object.entries(TEST_USERS) as [TestUser, (typeof TEST_USERS)[TestUser]][]) {
    const found = rows.find((r) => r.email === user.email)!;
    users[name] = { id: found.id, role: found.role, teamId: user.team ? teams[user.team]! : null };
  }
  worker = await t.login('workerA');
});
afterAll(() => t.close());

describe('every kind of action leaves exactly its access-log rows', () => {
  let clientId: string;
  let registrationId: string;
  let caseId: string;
  let contact: Contact;

  it('login and logout', async () => {
    let session: Session | undefined;
    expectRows(await logged(async () => (session = await t.login('leadA'))), row('leadA', 'login', 'user', { entityId: users.leadA.id }));
    expectRows(await logged(() => session!.request('POST', '/api/v1/auth/logout')), row('leadA', 'logout', 'user', { entityId: users.leadA.id }));
  });

  it('a registration of a new client, and of a known one', async () => {
    let registration!: Registration;
    const rows = await logged(async () => {
      registration = await worker.post<Registration>('/api/v1/registrations', {
        client: { firstName: 'Joke', lastName: 'Logboek', birthDate: '1971-03-04' },
        registeredOn: today,
        referrerCode: 'zelfmelder',
        question: 'Hulp bij schulden',
      });
    });
    clientId = registration.client.id;
    registrationId = registration.id;
    expectRows(rows, row('workerA', 'create', 'client', { entityId: clientId, clientId }), row('workerA', 'create', 'registration', { entityId: registrationId, clientId }));

    let second!: Registration;
    const again = await logged(async () => {
      second = await worker.post<Registration>('/api/v1/registrations', { clientId, registeredOn: today, referrerCode: 'huisarts', question: 'Nog een vraag' });
    });
    expectRows(again, row('workerA', 'create', 'registration', { entityId: second.id, clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/registrations/${second.id}`)), row('workerA', 'read', 'registration', { entityId: second.id, clientId }));

    // Triage to another team: a new registration in that team's queue, and the outcome on this one.
    let passedOn: string | undefined;
    const triage = await logged(async () => {
      await worker.post(`/api/v1/registrations/${second.id}/triage`, { outcome: 'other_team', teamId: users.workerB.teamId, advice: 'Woont in Zuilen', version: second.version });
      passedOn = (await query<{ id: string }>(sql`select id from registrations where client_id = ${clientId} and team_id = ${users.workerB.teamId}`))[0]?.id;
    });
    expectRows(triage, row('workerA', 'create', 'registration', { entityId: passedOn, clientId }), row('workerA', 'update', 'registration', { entityId: second.id, clientId }));
  });

  it('triage that opens a case', async () => {
    const rows = await logged(async () => {
      caseId = (await worker.post<Registration>(`/api/v1/registrations/${registrationId}/triage`, { outcome: 'generalist', version: 1 })).caseId!;
    });
    expectRows(rows, row('workerA', 'create', 'case', { entityId: caseId, clientId }), row('workerA', 'update', 'registration', { entityId: registrationId, clientId }));
  });

  it('search, duplicate check and reads of a client, a case and a journal', async () => {
    // One row per search, naming every client it showed (never the search text).
    expectRows(await logged(() => worker.post('/api/v1/clients/search', { search: 'Logboek' })), row('workerA', 'search', 'client', { clientIds: [clientId] }));
    expectRows(await logged(() => worker.post('/api/v1/clients/search', { search: 'Niemandhier' })), row('workerA', 'search', 'client', { clientIds: [] }));
    const matches: DuplicateMatch[] = [];
    const duplicates = await logged(async () => matches.push(...(await worker.post<DuplicateMatch[]>('/api/v1/clients/duplicate-check', { firstName: 'Joke', lastName: 'Logboek', birthDate: '1971-03-04' }))));
    expect(matches.map((m) => (m.kind === 'known' ? m.id : m.kind))).toEqual([clientId]);
    expectRows(duplicates, row('workerA', 'search', 'client', { clientIds: [clientId] }));
    expectRows(await logged(() => worker.get(`/api/v1/clients/${clientId}`)), row('workerA', 'read', 'client', { entityId: clientId, clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/cases/${caseId}`)), row('workerA', 'read', 'case', { entityId: caseId, clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/cases/${caseId}/contacts`)), row('workerA', 'read', 'journal', { entityId: caseId, clientId }));
  });

  it('a change of the client', async () => {
    const rows = await logged(() => worker.put(`/api/v1/clients/${clientId}`, { firstName: 'Joke', lastName: 'Logboek-Jansen', birthDate: '1971-03-04', version: 1 }));
    expectRows(rows, row('workerA', 'update', 'client', { entityId: clientId, clientId }));
  });

  it('a journal entry: create, edit, read its versions', async () => {
    expectRows(
      await logged(async () => (contact = await worker.post<Contact>(`/api/v1/cases/${caseId}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Eerste gesprek' }))),
      row('workerA', 'create', 'contact', { entityId: contact?.id, clientId }),
    );
    expect(contact.id).toBeTruthy();
    expectRows(await logged(() => worker.put(`/api/v1/contacts/${contact.id}`, { contactOn: today, kind: 'huisbezoek', note: 'Toch langs', version: 1 })), row('workerA', 'update', 'contact', { entityId: contact.id, clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/contacts/${contact.id}/versions`)), row('workerA', 'read', 'contact_versions', { entityId: contact.id, clientId }));
  });

  it('changes of the case status, lead worker and household', async () => {
    const update = row('workerA', 'update', 'case', { entityId: caseId, clientId });
    expectRows(await logged(() => worker.post(`/api/v1/cases/${caseId}/first-meeting`, { firstMeetingOn: today, location: 'thuis', version: 1 })), update);
    expectRows(await logged(() => worker.post(`/api/v1/cases/${caseId}/start`, { version: 2 })), update);
    expectRows(await logged(() => worker.put(`/api/v1/cases/${caseId}/lead-worker`, { leadWorkerId: users.workerA2.id, version: 3 })), update);
    expectRows(await logged(() => worker.put(`/api/v1/cases/${caseId}/lead-worker`, { leadWorkerId: users.workerA.id, version: 4 })), update);
    let member: string | undefined;
    const household = await logged(async () => {
      const detail = await worker.post<CaseDetail>(`/api/v1/cases/${caseId}/household`, { client: { firstName: 'Kees', lastName: 'Logboek' }, version: 5 });
      member = detail.household.find((h) => h.firstName === 'Kees')?.clientId;
    });
    expectRows(household, row('workerA', 'create', 'client', { entityId: member, clientId: member }), update);
  });

  it('the krachtplan: save, save again, read, read a version, compare, agreement', async () => {
    const plan = (action: string, entityType = 'plan') => row('workerA', action, entityType, { entityId: caseId, clientId });
    expectRows(await logged(() => worker.put(`/api/v1/cases/${caseId}/plan`, { content: { domains: [{ domain: 'financien', goal: 'Overzicht' }], reciprocity: 'Helpt de buurvrouw' }, baseVersion: 0 })), plan('create'));
    expectRows(await logged(() => worker.put(`/api/v1/cases/${caseId}/plan`, { content: { domains: [{ domain: 'financien', goal: 'Overzicht' }], reciprocity: 'Helpt twee buren' }, baseVersion: 1 })), plan('update'));
    expectRows(await logged(() => worker.get(`/api/v1/cases/${caseId}/plan`)), plan('read'));
    expectRows(await logged(() => worker.get(`/api/v1/cases/${caseId}/plan/versions/1`)), plan('read'));
    expectRows(await logged(() => worker.get(`/api/v1/cases/${caseId}/plan/compare?from=1&to=2`)), plan('read'));
    expectRows(await logged(() => worker.post(`/api/v1/cases/${caseId}/plan/versions/2/agreement`, { agreedOn: today, how: 'gesprek' })), plan('update', 'plan_agreement'));
  });

  it('a ZRM assessment and the ZRM reads', async () => {
    let assessment: ZrmAssessment | undefined;
    const created = await logged(async () => (assessment = await worker.post<ZrmAssessment>(`/api/v1/cases/${caseId}/zrm`, { clientId, assessedOn: today, type: 'nul', scores: { financien: 2 } })));
    expectRows(created, row('workerA', 'create', 'zrm', { entityId: assessment?.id, clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/cases/${caseId}/zrm`)), row('workerA', 'read', 'zrm', { entityId: caseId, clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/clients/${clientId}/zrm`)), row('workerA', 'read', 'zrm', { entityId: clientId, clientId }));
  });

  it('the network: read, add, change, remove', async () => {
    let member!: NetworkMember;
    const entry = (action: string) => row('workerA', action, 'network_member', { entityId: member.id, clientId });
    expectRows(await logged(() => worker.get(`/api/v1/cases/${caseId}/network`)), row('workerA', 'read', 'network', { entityId: caseId, clientId }));
    const added = await logged(async () => (member = await worker.post<NetworkMember>(`/api/v1/cases/${caseId}/network`, { name: 'Buurman Wim', kind: 'neighbour' })));
    expectRows(added, entry('create'));
    expectRows(await logged(() => worker.put(`/api/v1/network/${member.id}`, { name: 'Buurman Wim', kind: 'neighbour', closeness: 1, version: 1 })), entry('update'));
    expectRows(await logged(() => worker.post(`/api/v1/network/${member.id}/remove`, { version: 2 })), entry('delete'));
  });

  it('tasks: one on the case and one of one’s own, the case’s tasks, my list, done and open again', async () => {
    let task!: { id: string };
    const made = await logged(async () => (task = await worker.post<{ id: string }>(`/api/v1/cases/${caseId}/tasks`, { title: 'Huisbezoek plannen', dueOn: today })));
    expectRows(made, row('workerA', 'create', 'task', { entityId: task?.id, clientId }));
    let own!: { id: string };
    // A task of one's own concerns no client.
    expectRows(await logged(async () => (own = await worker.post<{ id: string }>('/api/v1/tasks', { title: 'Verlof aanvragen', dueOn: today }))), row('workerA', 'create', 'task', { entityId: own?.id }));
    expectRows(await logged(() => worker.get(`/api/v1/cases/${caseId}/tasks`)), row('workerA', 'read', 'tasks', { entityId: caseId, clientId }));
    expectRows(await logged(() => worker.get('/api/v1/tasks')), row('workerA', 'list', 'task_list', { clientIds: [clientId] }));
    expectRows(await logged(() => worker.post(`/api/v1/tasks/${task.id}/done`, { version: 1 })), row('workerA', 'update', 'task', { entityId: task.id, clientId }));
    expectRows(await logged(() => worker.post(`/api/v1/tasks/${task.id}/reopen`, { version: 2 })), row('workerA', 'update', 'task', { entityId: task.id, clientId }));
    expectRows(await logged(() => worker.post(`/api/v1/tasks/${own.id}/done`, { version: 1 })), row('workerA', 'update', 'task', { entityId: own.id }));
    expectRows(await logged(() => worker.get('/api/v1/notifications')), row('workerA', 'list', 'notification_list', { clientIds: [] }));
  });

  it('closing, reopening and handing the case to another team', async () => {
    const update = row('workerA', 'update', 'case', { entityId: caseId, clientId });
    const version = async () => (await worker.get<CaseDetail>(`/api/v1/cases/${caseId}`)).version;
    let v = await version();
    expectRows(await logged(() => worker.post(`/api/v1/cases/${caseId}/close`, { closedOn: today, reasons: ['volgens_plan'], version: v })), update);
    expectRows(await logged(() => worker.post(`/api/v1/cases/${caseId}/reopen`, { reason: 'Nieuwe vraag', version: v + 1 })), update);
    v = await version();
    expectRows(await logged(() => worker.post(`/api/v1/cases/${caseId}/transfer`, { teamId: users.workerB.teamId, note: 'Verhuisd naar Zuilen', version: v })), update);
  });

  it('a refused read of an existing case outside the scope writes a denied row', async () => {
    // NEN 7513 logs the outcome: a look at a record outside one's scope is logged as refused (the
    // answer stays 404, so existence does not leak to the caller).
    const lead = await t.login('leadA');
    const rows = await logged(async () => {
      const response = await lead.request('GET', `/api/v1/cases/${caseId}`);
      expect(response.statusCode).toBe(404);
    });
    expectRows(rows, { ...row('leadA', 'read', 'case', { entityId: caseId, clientId }), outcome: 'denied' });
  });

  it('a change by another role is logged with that role and team', async () => {
    const b = await t.login('workerB');
    const rows = await logged(() => b.get(`/api/v1/cases/${caseId}`));
    expectRows(rows, row('workerB', 'read', 'case', { entityId: caseId, clientId }));
  });
});

/** A new client of `who`'s team, born on 1980-05-06, with an open case. */
async function clientWithCase(who: Session, firstName: string, lastName: string): Promise<{ clientId: string; caseId: string }> {
  return openCase(who, { client: { firstName, lastName, birthDate: '1980-05-06' } });
}

describe('break the glass, denied reads, consent, the access log, print, export, registers, retention, password', () => {
  let other: { clientId: string; caseId: string };
  let own: { clientId: string; caseId: string };
  const emergencyRow = (user: TestUser, action: string, entityType: string, ids: { entityId?: string | null; clientId?: string | null }) => ({ ...row(user, action, entityType, ids), emergency: true });

  beforeAll(async () => {
    other = await clientWithCase(await t.login('workerB'), 'Bep', 'Noodgeval');
    own = await clientWithCase(worker, 'Fenna', 'Nieuwlog');
  });

  it('a refused read of a client and a case of another team writes denied rows; an unknown id none', async () => {
    const lead = await t.login('leadA');
    const refused = async (url: string) => expect((await lead.request('GET', url)).statusCode).toBe(404);
    expectRows(await logged(() => refused(`/api/v1/clients/${other.clientId}`)), { ...row('leadA', 'read', 'client', { entityId: other.clientId, clientId: other.clientId }), outcome: 'denied' });
    expectRows(await logged(() => refused(`/api/v1/cases/${other.caseId}`)), { ...row('leadA', 'read', 'case', { entityId: other.caseId, clientId: other.clientId }), outcome: 'denied' });
    expectRows(await logged(() => refused(`/api/v1/clients/${crypto.randomUUID()}`)));
  });

  it('break the glass: the search, the grant, reads marked emergency, no write, the review', async () => {
    expectRows(await logged(() => worker.post('/api/v1/emergency-access/search', { lastName: 'Noodgeval', birthDate: '1980-05-06' })), row('workerA', 'search', 'client', { clientIds: [other.clientId] }));
    let grant!: { id: string };
    const granted = await logged(async () => (grant = await worker.post<{ id: string }>('/api/v1/emergency-access', { clientId: other.clientId, reason: 'Crisis in het weekend, het eigen team is niet bereikbaar' })));
    expectRows(granted, emergencyRow('workerA', 'emergency_access', 'client', { entityId: other.clientId, clientId: other.clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/clients/${other.clientId}`)), emergencyRow('workerA', 'read', 'client', { entityId: other.clientId, clientId: other.clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/cases/${other.caseId}`)), emergencyRow('workerA', 'read', 'case', { entityId: other.caseId, clientId: other.clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/cases/${other.caseId}/contacts`)), emergencyRow('workerA', 'read', 'journal', { entityId: other.caseId, clientId: other.clientId }));
    // Read only: a change is refused as not found and changes nothing; the attempt is logged as refused.
    const write = await logged(async () => {
      const response = await worker.request('POST', `/api/v1/cases/${other.caseId}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Mag niet' });
      expect(response.statusCode).toBe(404);
    });
    expectRows(write, { ...emergencyRow('workerA', 'create', 'case', { entityId: other.caseId, clientId: other.clientId }), outcome: 'denied' });
    const quality = await t.login('quality');
    expectRows(await logged(() => quality.request('POST', `/api/v1/emergency-access/${grant.id}/review`, { outcome: 'terecht', note: '', version: 1 })), row('quality', 'update', 'emergency_access', { entityId: grant.id }));
  });

  it('an attach of a client of another team: the attach and the registration; the review by kwaliteit', async () => {
    const theirs = await clientWithCase(await t.login('workerB'), 'Kees', 'Koppeling');
    let registration!: Registration;
    const attach = { lastName: 'Koppeling', birthDate: '1980-05-06', reason: 'De bewoner meldt zich bij ons met een nieuwe vraag' };
    const rows = await logged(async () => (registration = await worker.post<Registration>('/api/v1/registrations', { attach, registeredOn: today, referrerCode: 'zelfmelder', question: 'Hulp' })));
    expectRows(
      rows,
      row('workerA', 'attach', 'client', { entityId: theirs.clientId, clientId: theirs.clientId }),
      row('workerA', 'create', 'registration', { entityId: registration.id, clientId: theirs.clientId }),
    );
    const quality = await t.login('quality');
    const item = (await quality.get<{ id: string; clientId: string }[]>('/api/v1/attachments')).find((i) => i.clientId === theirs.clientId)!;
    expectRows(await logged(() => quality.request('POST', `/api/v1/attachments/${item.id}/review`, { outcome: 'terecht', note: '', version: 1 })), row('quality', 'update', 'client_attachment', { entityId: item.id }));
  });

  it('consent: record, withdraw, disclose, read the register', async () => {
    let consent!: { id: string };
    const recorded = await logged(
      async () =>
        (consent = await worker.post<{ id: string }>(`/api/v1/clients/${own.clientId}/consents`, {
          recipientKind: 'huisarts',
          recipientName: 'Huisartsenpraktijk De Linde',
          dataShared: 'Het krachtplan',
          purpose: 'Afstemming van de zorg',
          validFrom: today,
          givenHow: 'mondeling',
        })),
    );
    expectRows(recorded, row('workerA', 'create', 'consent', { entityId: consent?.id, clientId: own.clientId }));
    let disclosure!: { id: string };
    const disclosed = await logged(
      async () => (disclosure = await worker.post<{ id: string }>(`/api/v1/clients/${own.clientId}/disclosures`, { recipient: 'Huisartsenpraktijk De Linde', dataShared: 'Het krachtplan', ground: 'toestemming', consentId: consent.id, disclosedOn: today })),
    );
    expectRows(disclosed, row('workerA', 'disclose', 'disclosure', { entityId: disclosure?.id, clientId: own.clientId }));
    expectRows(await logged(() => worker.post(`/api/v1/consents/${consent.id}/withdraw`, { withdrawnOn: today, version: 1 })), row('workerA', 'update', 'consent', { entityId: consent.id, clientId: own.clientId }));
    expectRows(await logged(() => worker.get(`/api/v1/clients/${own.clientId}/consents`)), row('workerA', 'read', 'consents', { entityId: own.clientId, clientId: own.clientId }));
  });

  it('the access log read by the lead worker and by kwaliteit; the print of the plan; the export of the file', async () => {
    const log = (user: TestUser) => row(user, 'read', 'access_log', { entityId: own.clientId, clientId: own.clientId });
    expectRows(await logged(() => worker.get(`/api/v1/clients/${own.clientId}/access-log`)), log('workerA'));
    expectRows(await logged(async () => (await t.login('quality')).get(`/api/v1/clients/${own.clientId}/access-log`)), row('quality', 'login', 'user', { entityId: users.quality.id }), log('quality'));
    expectRows(await logged(() => worker.post(`/api/v1/cases/${own.caseId}/plan/print`, {})), row('workerA', 'print', 'plan', { entityId: own.caseId, clientId: own.clientId }));
    const exported = row('workerA', 'export', 'client_file', { entityId: own.clientId, clientId: own.clientId });
    expectRows(await logged(() => worker.get(`/api/v1/clients/${own.clientId}/file`)), exported);
    expectRows(await logged(() => worker.request('GET', `/api/v1/clients/${own.clientId}/file.pdf`)), exported);
  });

  it('a quality report: filed, read, handled, a step', async () => {
    const lead = await t.login('leadA');
    let report!: { id: string };
    const filed = await logged(
      async () =>
        (report = await worker.post<{ id: string }>('/api/v1/quality-reports', { kind: 'klacht', title: 'Afspraak niet nagekomen', description: 'De bewoner wachtte tevergeefs', occurredOn: today, receivedOn: today, filedBy: 'Een bewoner' })),
    );
    expectRows(filed, row('workerA', 'create', 'quality_report', { entityId: report?.id }));
    const entry = (action: string) => row('leadA', action, 'quality_report', { entityId: report.id });
    expectRows(await logged(() => lead.get(`/api/v1/quality-reports/${report.id}`)), entry('read'));
    expectRows(await logged(() => lead.put(`/api/v1/quality-reports/${report.id}`, { status: 'in_behandeling', version: 1 })), entry('update'));
    expectRows(await logged(() => lead.post(`/api/v1/quality-reports/${report.id}/steps`, { stepOn: today, description: 'Gesprek met de bewoner' })), entry('update'));
  });

  it("retention: the queue, a client's request, decline, confirm (destroy) by another person, the daily job and a proposal", async () => {
    const quality = await t.login('quality');
    const quality2 = await t.login('quality2');
    // The queue shows no names, but facts about each client's file: the row names the clients of the rows shown.
    let queue!: { items: { id: string }[] };
    const queueRows = await logged(async () => (queue = await quality.get('/api/v1/retention')));
    const shownClients = queue.items.length
      ? (await query<{ clientId: string }>(sql`select client_id as "clientId" from destructions where id in (${sql.join(queue.items.map((i) => sql`${i.id}::uuid`), sql`, `)})`)).map((d) => d.clientId)
      : [];
    expectRows(queueRows, row('quality', 'list', 'destruction_queue', { clientIds: [...new Set(shownClients)] }));
    let request!: { id: string };
    const requested = await logged(async () => (request = await quality.post<{ id: string }>(`/api/v1/clients/${own.clientId}/destruction-request`, { receivedOn: today })));
    expectRows(requested, row('quality', 'create', 'destruction', { entityId: request?.id, clientId: own.clientId }));
    const declined = await logged(() => quality.post(`/api/v1/retention/${request.id}/decline`, { version: 1, note: 'Langer bewaren: er loopt een klacht' }));
    expectRows(declined, row('quality', 'update', 'destruction', { entityId: request.id, clientId: own.clientId }));

    // A client with nothing running (the registration referred elsewhere): destroyed on confirmation.
    const registration = await worker.post<Registration>('/api/v1/registrations', { client: { firstName: 'Door', lastName: 'Vernietig' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' });
    await worker.post(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'social_base', advice: 'De vrijwilligerscentrale', version: registration.version });
    const gone = registration.client.id;
    // A search showed this client and another one (with an open case, so not destroyed).
    const kept = await clientWithCase(worker, 'Blijf', 'Vernietigdniet');
    const search = await logged(() => worker.post('/api/v1/clients/search', { search: 'Vernietig' }));
    expectRows(search, row('workerA', 'search', 'client', { clientIds: [gone, kept.clientId] }));
    const viewRow = async () => query<{ changes: unknown; clientIds: string[] }>(sql`select changes, client_ids::text[] as "clientIds" from audit_log where action = 'search' and client_ids @> array[${gone}::uuid] and client_ids @> array[${kept.clientId}::uuid]`);
    const viewBefore = await viewRow();
    expect(viewBefore).toHaveLength(1);
    const second = await quality.post<{ id: string }>(`/api/v1/clients/${gone}/destruction-request`, { receivedOn: today });
    expectRows(await logged(() => quality2.post(`/api/v1/retention/${second.id}/confirm`, { version: 1 })), row('quality2', 'destroy', 'client', { entityId: gone, clientId: gone }));
    // The view's row holds nothing about the destroyed client (the kind of search and a count) and is
    // the other client's log too: it stays whole, naming both.
    expect(await viewRow()).toEqual(viewBefore);
    const keptLog = await worker.get<AccessLogPage>(`/api/v1/clients/${kept.clientId}/access-log`);
    expect(keptLog.entries.filter((e) => e.what === 'zag de cliënt in de zoekresultaten van Cliënten zoeken')).toHaveLength(1);

    // The daily job, run as if 16 years from now, after a case is closed: one row per client it
    // lists (that client among them), on behalf of the job and without a user.
    const closed = await clientWithCase(worker, 'Sluit', 'Bewaartermijn');
    await worker.post(`/api/v1/cases/${closed.caseId}/close`, { closedOn: today, reasons: ['volgens_plan'], version: 1 });
    const { organisationId } = (await query<{ organisationId: string }>(sql`select organisation_id as "organisationId" from users limit 1`))[0]!;
    const later = `${Number(today.slice(0, 4)) + 16}-01-15`;
    const before = new Set((await query<{ id: string }>(sql`select id from destructions`)).map((d) => d.id));
    const job = await logged(() => listDueForRetention(t.database.db, organisationId, later));
    const listed = (await query<{ id: string; clientId: string }>(sql`select id, client_id as "clientId" from destructions where reason = 'bewaartermijn'`)).filter((d) => !before.has(d.id));
    expect(listed.map((d) => d.clientId)).toContain(closed.clientId);
    const byJob = (d: { id: string; clientId: string }): AuditRow => ({
      action: 'create',
      entityType: 'destruction',
      entityId: d.id,
      clientId: d.clientId,
      clientIds: null,
      actorId: null,
      actorRole: null,
      actorTeamId: null,
      outcome: 'success',
      emergency: false,
      onBehalfOf: 'dagelijkse taak',
    });
    expectRows(job, ...listed.map(byJob));
    const mine = listed.find((d) => d.clientId === closed.clientId)!;
    expectRows(await logged(() => quality.post(`/api/v1/retention/${mine.id}/propose`, { version: 1, note: '' })), row('quality', 'update', 'destruction', { entityId: mine.id, clientId: closed.clientId }));
  });

  it('a password change; a wrong current password leaves no row (it counts towards the lockout)', async () => {
    const a2 = await t.login('workerA2');
    const wrong = await logged(async () => expect((await a2.request('POST', '/api/v1/auth/password', { currentPassword: 'niet-mijn-wachtwoord', newPassword: 'Zeven zilveren zwanen zwemmen' })).statusCode).toBe(400));
    expectRows(wrong);
    const changed = await logged(async () => expect((await a2.request('POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Zeven zilveren zwanen zwemmen' })).statusCode).toBe(204));
    expectRows(changed, row('workerA2', 'update', 'user', { entityId: users.workerA2.id }));
  });
});

describe('list views and refused looks', () => {
  let own: { clientId: string; caseId: string };
  let other: { clientId: string; caseId: string };

  beforeAll(async () => {
    own = await clientWithCase(worker, 'Lijst', 'Lijstenmaker');
    other = await clientWithCase(await t.login('workerB'), 'Ver', 'Wegwijk');
  });

  it('Mijn werk, Mijn dag, the team overview and the lists of cases and registrations each write one row naming every client shown', async () => {
    type Listed = { mainClient: { id: string } | null };
    const lead = await t.login('leadA');
    let mine!: { cases: Listed[]; registrationsToTriage: { client: { id: string } }[] };
    const mineRows = await logged(async () => (mine = await worker.get('/api/v1/work/mine')));
    const shownInMine = [...mine.cases.flatMap((c) => (c.mainClient ? [c.mainClient.id] : [])), ...mine.registrationsToTriage.map((r) => r.client.id)];
    expect(shownInMine).toContain(own.clientId);
    expectRows(mineRows, row('workerA', 'list', 'my_work', { clientIds: [...new Set(shownInMine)] }));

    const dashboard = await logged(() => worker.get('/api/v1/work/dashboard'));
    expect(dashboard).toHaveLength(1);
    expect(dashboard[0]).toMatchObject({ action: 'list', entityType: 'dashboard' });
    expect(dashboard[0]!.clientIds).toContain(own.clientId);

    await worker.post('/api/v1/registrations', { client: { firstName: 'Wacht', lastName: 'Optriage' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' });
    let team!: { cases: Listed[]; registrationsToTriage: number };
    const teamRows = await logged(async () => (team = await lead.get('/api/v1/work/team')));
    expectRows(teamRows, row('leadA', 'list', 'team_overview', { clientIds: [...new Set(team.cases.map((c) => c.mainClient!.id))] }));
    // The registrations waiting for triage are counted there, not shown (so not named).
    expect(team.registrationsToTriage).toBe((await lead.get<unknown[]>('/api/v1/registrations?status=untriaged')).length);
    expect(team.registrationsToTriage).toBeGreaterThan(0);
    expect(teamRows[0]!.clientIds).toContain(own.clientId);
    expect(teamRows[0]!.clientIds).not.toContain(other.clientId);

    let page!: { items: Listed[] };
    const caseRows = await logged(async () => (page = await worker.get('/api/v1/cases?scope=team&status=all&limit=200')));
    expectRows(caseRows, row('workerA', 'list', 'case_list', { clientIds: [...new Set(page.items.map((c) => c.mainClient!.id))] }));

    let registrations!: { client: { id: string } }[];
    const registrationRows = await logged(async () => (registrations = await worker.get('/api/v1/registrations?status=all')));
    expectRows(registrationRows, row('workerA', 'list', 'registration_list', { clientIds: [...new Set(registrations.map((r) => r.client.id))] }));
    expect(registrationRows[0]!.clientIds).toContain(own.clientId);
  });

  it("shows each view in the client's access log in words", async () => {
    const log = await worker.get<AccessLogPage>(`/api/v1/clients/${own.clientId}/access-log`);
    const said = log.entries.map((e) => e.what);
    for (const sentence of ['zag de cliënt in de lijst Mijn werk', 'zag de cliënt op Mijn dag', 'zag de cliënt in het teamoverzicht', 'zag de cliënt in een lijst van casussen', 'zag de cliënt in de lijst Aanmeldingen']) {
      expect(said).toContain(sentence);
    }
    // The other team's client was in none of them.
    const quality = await t.login('quality');
    const otherLog = await quality.get<AccessLogPage>(`/api/v1/clients/${other.clientId}/access-log`);
    expect(otherLog.entries.filter((e) => e.who === 'Anna Aalders')).toEqual([]);
  });

  it('logs a refused look by a role without the permission, also for a client named only in the body', async () => {
    const analyst = await t.login('analyst');
    const read = await logged(async () => expect((await analyst.request('GET', `/api/v1/clients/${own.clientId}`)).statusCode).toBe(404));
    expectRows(read, { ...row('analyst', 'read', 'client', { entityId: own.clientId, clientId: own.clientId }), outcome: 'denied' });
    const attach = { clientId: own.clientId, registeredOn: today, referrerCode: 'huisarts', question: 'Mag niet' };
    const attached = await logged(async () => expect((await analyst.request('POST', '/api/v1/registrations', attach)).statusCode).toBe(404));
    expectRows(attached, { ...row('analyst', 'create', 'client', { entityId: own.clientId, clientId: own.clientId }), outcome: 'denied' });
    const unknown = await logged(async () => expect((await analyst.request('POST', '/api/v1/registrations', { ...attach, clientId: crypto.randomUUID() })).statusCode).toBe(404));
    expectRows(unknown);
  });

  it('logs nothing for a 404 about a record the caller may see (a plan version that does not exist)', async () => {
    const rows = await logged(async () => expect((await worker.request('GET', `/api/v1/cases/${own.caseId}/plan/versions/99`)).statusCode).toBe(404));
    expectRows(rows);
  });

  it("logs a colleague's refused look at the access log, and the client page asks for it only when it may be read", async () => {
    const colleague = await t.login('leadA');
    const detail = await colleague.get<{ mayReadAccessLog: boolean }>(`/api/v1/clients/${own.clientId}`);
    expect(detail.mayReadAccessLog).toBe(false);
    expect((await worker.get<{ mayReadAccessLog: boolean }>(`/api/v1/clients/${own.clientId}`)).mayReadAccessLog).toBe(true);
    const refused = await logged(async () => expect((await colleague.request('GET', `/api/v1/clients/${own.clientId}/access-log`)).statusCode).toBe(404));
    expectRows(refused, { ...row('leadA', 'read', 'client', { entityId: own.clientId, clientId: own.clientId }), outcome: 'denied' });
    const log = await worker.get<AccessLogPage>(`/api/v1/clients/${own.clientId}/access-log`);
    expect(log.entries.find((e) => e.outcome === 'geweigerd')).toMatchObject({ who: 'Lotte Leeuw', role: 'Teamleider', what: 'probeerde het dossier te bekijken' });
  });
});

describe('the access log is append-only', () => {
  const count = async () => Number((await query<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0]!.n);

  it('refuses UPDATE, DELETE and TRUNCATE in the database', async () => {
    const before = await count();
    expect(before).toBeGreaterThan(10);
    await expect(t.database.db.execute(sql`update audit_log set action = 'read' where action = 'login'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`update audit_log set changes = null`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log where action = 'search'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await count()).toBe(before);
    const refusal = await t.database.db.execute(sql`delete from audit_log`).catch((e: Error) => `${e.message} ${String((e.cause as Error | undefined)?.message)}`);
    expect(refusal).toMatch(/append-only: DELETE refused/);
  });

  it('lets destruction blank only the changes of rows, and only when it says so', async () => {
    const before = await query<{ id: string; action: string }>(sql`select id, action from audit_log where changes is not null limit 1`);
    const id = before[0]!.id;
    // Outside a destruction, or changing anything but `changes`, is refused even with the setting on.
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('keukentafel.destruction', 'on', true)`);
        await tx.execute(sql`update audit_log set action = 'read', changes = null where id = ${id}`);
      }),
    ).rejects.toThrow();
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('keukentafel.destruction', 'on', true)`);
      await tx.execute(sql`update audit_log set changes = null where id = ${id}`);
    });
    const after = await query<{ action: string; changes: unknown }>(sql`select action, changes from audit_log where id = ${id}`);
    expect(after).toEqual([{ action: before[0]!.action, changes: null }]);
  });
});
