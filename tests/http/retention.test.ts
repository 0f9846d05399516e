// Retention over HTTP: the daily job finds the clients whose term has passed (a history backdated in
// the database) and no others; with four eyes, one person of kwaliteit proposes and another confirms
// (the personal data go, the reports stay the same), anyone declines; a client's request has the
// legal term of 3 months and is confirmed by someone other than its recorder; no other role sees any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { openCaseDetail } from '../support/open-case';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { ClientDetail, ClientSummary, DuplicateMatch } from '../../src/server/modules/clients/clients.schemas';
import type { DestructionItem, DestructionPage } from '../../src/server/modules/retention/retention.schemas';
import { listDueForRetention } from '../../src/server/modules/retention/retention.service';
import { requestDueOn } from '../../src/server/modules/retention/retention-rules';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import type { TestUser } from '../support/fixtures';

let t: TestApp;
let anna: Session;
let karin: Session;
let kees: Session;
let organisationId: string;
const today = todayInNetherlands();
const oldYear = Number(today.slice(0, 4)) - 16;
const Y = (monthDay: string) => `${oldYear}-${monthDay}`;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

interface Person {
  lastName: string;
  street?: string;
  bsn?: string;
  birthDate?: string;
  postcode?: string;
}

async function openCase(person: Person, registeredOn = addDays(today, -30)): Promise<CaseDetail> {
  return openCaseDetail(anna, {
    client: { firstName: 'Tess', street: 'Kastanjelaan', houseNumber: '12', city: 'Utrecht', phone: '06-12345678', ...person },
    registeredOn,
    referrerCode: 'anders',
    referrerOther: `Buurvrouw van ${person.lastName}`,
    question: `Schulden en eenzaamheid van ${person.lastName}`,
  });
}

async function closeCase(c: CaseDetail, on: string): Promise<CaseDetail> {
  let detail = await anna.post<CaseDetail>(`/api/v1/cases/${c.id}/first-meeting`, { firstMeetingOn: addDays(c.registeredOn, 3), location: 'thuis', version: c.version });
  detail = await anna.post<CaseDetail>(`/api/v1/cases/${c.id}/start`, { version: detail.version });
  return anna.post<CaseDetail>(`/api/v1/cases/${c.id}/close`, { closedOn: on, reasons: ['volgens_plan'], outcomes: ['eigen_netwerk'], satisfactionScore: 8, canContinueAlone: true, version: detail.version });
}

/** Moves a case and everything dated in it into the old year, through the database. */
async function backdate(caseId: string, firstMeetingOn = Y('03-04')) {
  await t.database.db.execute(sql`update cases set registered_on = ${Y('03-01')}, first_meeting_on = ${firstMeetingOn}, closed_on = ${Y('09-30')} where id = ${caseId}`);
  await t.database.db.execute(sql`update registrations set registered_on = ${Y('03-01')} where case_id = ${caseId}`);
  await t.database.db.execute(sql`update contacts set contact_on = ${Y('04-01')} where case_id = ${caseId}`);
  await t.database.db.execute(sql`update zrm_assessments set assessed_on = case when type = 'nul' then ${Y('03-10')}::date else ${Y('09-25')}::date end where case_id = ${caseId}`);
}

async function queue(status = 'open', as = karin) {
  const page = await as.get<DestructionPage>(`/api/v1/retention?status=${status}`);
  expect(page.total).toBe(page.items.length);
  return page.items;
}

async function reports(analyst: Session) {
  return {
    annual: await analyst.get(`/api/v1/reports/annual?year=${oldYear}`),
    zrm: await analyst.get(`/api/v1/reports/zrm?year=${oldYear}`),
    figures: await analyst.get('/api/v1/work/figures'),
  };
}

// The cast of this file.
let old: CaseDetail; // closed 16 years ago: its main client and household member are due
let oldClientId: string;
let partnerId: string;
let recent: CaseDetail; // closed today: not due
let stillHelped: CaseDetail; // an old case whose client is a household member in an open case
let waiting: CaseDetail; // an old case whose client has a registration waiting for triage

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
  karin = await t.login('quality');
  kees = await t.login('quality2');
  organisationId = (await findOrganisationId(t.database.db))!;

  old = await openCase({ lastName: 'Oudhof', bsn: '111222333', birthDate: '1950-05-05', postcode: '3555AB', street: 'Oudhoflaan' });
  oldClientId = old.household[0]!.clientId;
  const withPartner = await anna.post<CaseDetail>(`/api/v1/cases/${old.id}/household`, { client: { firstName: 'Piet', lastName: 'Oudhof-Partner', birthDate: '1949-01-01' }, version: old.version });
  partnerId = withPartner.household.find((m) => m.lastName === 'Oudhof-Partner')!.clientId;
  const note = await anna.post<{ id: string; version: number }>(`/api/v1/cases/${old.id}/contacts`, { contactOn: today, kind: 'huisbezoek', minutes: 60, note: 'Mevrouw vertelt over haar schulden bij de Kredietbank' });
  await anna.put(`/api/v1/contacts/${note.id}`, { contactOn: today, kind: 'huisbezoek', minutes: 60, note: 'Mevrouw vertelt over schulden en haar zoon', version: note.version });
  await anna.put(`/api/v1/cases/${old.id}/plan`, { baseVersion: 0, content: { domains: [{ domain: 'financien', situation: 'Schulden bij de Kredietbank', goal: 'Schuldenvrij', agreements: [] }] } });
  await anna.post(`/api/v1/cases/${old.id}/network`, { name: 'Zoon Kees', kind: 'family', relation: 'zoon', closeness: 1, phone: '06-99999999' });
  await anna.post(`/api/v1/cases/${old.id}/zrm`, { clientId: oldClientId, assessedOn: today, type: 'nul', scores: { financien: 1, huisvesting: 2 } });
  await anna.post(`/api/v1/cases/${old.id}/zrm`, { clientId: oldClientId, assessedOn: today, type: 'eind', scores: { financien: 3, huisvesting: 4 } });
  // A maatwerk road with free text about her: the text goes, the dates, codes and numbers stay.
  type Maatwerk = { requests: { id: string; decision: { id: string } | null }[]; provisions: { id: string; version: number }[] };
  const asked = await anna.post<Maatwerk>(`/api/v1/cases/${old.id}/provision-requests`, { clientId: oldClientId, requestedOn: today, asked: 'Traplift voor mevrouw Oudhof', requestedBy: 'client' });
  const requestId = asked.requests[0]!.id;
  await anna.post(`/api/v1/provision-requests/${requestId}/research`, { researchReportedOn: today, researchReport: 'Oudhof kan de trap niet meer op', version: 1 });
  const decided = await anna.post<Maatwerk>(`/api/v1/provision-requests/${requestId}/decision`, { decidedOn: today, outcome: 'toegekend', reasons: 'Oudhof woont boven', version: 2 });
  const assigned = await anna.post<Maatwerk>(`/api/v1/provision-decisions/${decided.requests[0]!.decision!.id}/provisions`, { category: 'hbh', product: 'hbh', provider: 'Careyn', startOn: today, endOn: null, volume: 2, unit: '04', frequency: '2' });
  await anna.post(`/api/v1/provisions/${assigned.provisions[0]!.id}/end`, { endOn: today, reason: '02', note: 'Mevrouw Oudhof is overleden', version: 1 });
  old = await closeCase(await anna.get<CaseDetail>(`/api/v1/cases/${old.id}`), today);
  // A longer wait than the other old cases, so the mean per location would move if this case went.
  await backdate(old.id, Y('03-11'));

  recent = await closeCase(await openCase({ lastName: 'Recent' }), today);

  stillHelped = await openCase({ lastName: 'Nogsteeds' });
  stillHelped = await closeCase(stillHelped, today);
  await backdate(stillHelped.id);
  const open = await openCase({ lastName: 'Lopend' });
  await anna.post(`/api/v1/cases/${open.id}/household`, { clientId: stillHelped.household[0]!.clientId, version: open.version });

  waiting = await closeCase(await openCase({ lastName: 'Wachtend' }), today);
  await backdate(waiting.id);
  await anna.post('/api/v1/registrations', { clientId: waiting.household[0]!.clientId, registeredOn: today, referrerCode: 'zelfmelder', question: 'Nieuwe vraag' });
});
afterAll(async () => t.close());

describe('the daily job', () => {
  it('lists the clients of a case closed longer ago than the retention term, and no others', async () => {
    expect(await queue()).toEqual([]);
    expect(await listDueForRetention(t.database.db, organisationId, today)).toEqual({ listed: 2, retentionYears: 15 });
    const listed = await rows<{ client_id: string; reason: string; status: string; requested_on: string; due_on: string }>(
      sql`select client_id, reason, status, requested_on::text, due_on::text from destructions order by client_id`,
    );
    expect(listed.map((r) => r.client_id).sort()).toEqual([oldClientId, partnerId].sort());
    expect(listed.every((r) => r.reason === 'bewaartermijn' && r.status === 'te_beoordelen' && r.requested_on === today && r.due_on === today)).toBe(true);
  });

  it('is idempotent: a second run lists nothing new', async () => {
    expect(await listDueForRetention(t.database.db, organisationId, today)).toEqual({ listed: 0, retentionYears: 15 });
    expect(await queue()).toHaveLength(2);
  });

  it('follows the organisation setting', async () => {
    // With a term of 17 years nothing is due yet (the rows already listed stay).
    await t.database.db.execute(sql`update organisations set retention_years = 17`);
    const due = await rows<{ n: number }>(sql`select count(*)::int as n from destructions`);
    expect(await listDueForRetention(t.database.db, organisationId, today)).toEqual({ listed: 0, retentionYears: 17 });
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from destructions`))[0]!.n).toBe(due[0]!.n);
    await t.database.db.execute(sql`update organisations set retention_years = 15`);
  });

  it('logs each listing on behalf of the daily job, without a user', async () => {
    const audit = await rows<{ actor_id: string | null; on_behalf_of: string; action: string; client_id: string }>(
      sql`select actor_id, on_behalf_of, action, client_id from audit_log where entity_type = 'destruction' order by client_id`,
    );
    expect(audit).toEqual(
      [oldClientId, partnerId].sort().map((clientId) => ({ actor_id: null, on_behalf_of: 'dagelijkse taak', action: 'create', client_id: clientId })),
    );
  });
});

describe('the queue', () => {
  it('shows the facts kwaliteit decides on, and no name or BSN', async () => {
    const response = await karin.request('GET', '/api/v1/retention');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/Oudhof|111222333|Tess|Kastanjelaan|Oudhoflaan/);
    const [first] = (response.json() as DestructionPage).items;
    expect(first).toMatchObject({
      reason: 'bewaartermijn',
      status: 'te_beoordelen',
      teams: ['Overvecht Centrum'],
      caseCount: 1,
      lastClosedOn: Y('09-30'),
      otherPersons: 1,
      blockedBy: null,
      proposedByName: null,
      turn: 'propose',
      version: 1,
    });
    expect(first).not.toHaveProperty('clientId');
    expect((await karin.request('GET', '/api/v1/retention?status=onzin')).statusCode).toBe(400);
  });

  it('is 404 for every other role, on every route', async () => {
    const [item] = await queue();
    for (const user of ['workerA', 'leadA', 'workerB', 'analyst', 'admin'] as TestUser[]) {
      const session = await t.login(user);
      expect((await session.request('GET', '/api/v1/retention')).statusCode, user).toBe(404);
      expect((await session.request('POST', `/api/v1/retention/${item!.id}/propose`, { version: 1, note: '' })).statusCode, user).toBe(404);
      expect((await session.request('POST', `/api/v1/retention/${item!.id}/confirm`, { version: 1 })).statusCode, user).toBe(404);
      expect((await session.request('POST', `/api/v1/retention/${item!.id}/decline`, { version: 1, note: 'Van aanzienlijk belang voor een ander' })).statusCode, user).toBe(404);
      expect((await session.request('POST', `/api/v1/clients/${oldClientId}/destruction-request`, { receivedOn: today, note: '' })).statusCode, user).toBe(404);
    }
    expect((await queue()).map((i) => i.status)).toEqual(['te_beoordelen', 'te_beoordelen']);
  });
});

describe('confirming', () => {
  // The team leader reads exact figures (an analyst's are suppressed below 5).
  let analyst: Session;
  let before: Awaited<ReturnType<typeof reports>>;
  let destroyed: DestructionItem;

  beforeAll(async () => {
    analyst = await t.login('leadA');
    before = await reports(analyst);
  });

  const target = async () => (await rows<{ id: string; version: number }>(sql`select id, version from destructions where client_id = ${oldClientId}`))[0]!;
  const name = async () => (await rows<{ last_name: string }>(sql`select last_name from clients where id = ${oldClientId}`))[0]!.last_name;

  it('refuses a stale version with 409 and changes nothing', async () => {
    const item = (await queue()).find((i) => i.otherPersons === 1)!;
    const stale = await karin.request('POST', `/api/v1/retention/${item.id}/confirm`, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect((await karin.request('POST', `/api/v1/retention/${item.id}/propose`, { version: 7, note: '' })).statusCode).toBe(409);
    expect(await name()).toBe('Oudhof');
  });

  it('cannot confirm what nobody proposed', async () => {
    const { id, version } = await target();
    const early = await kees.request('POST', `/api/v1/retention/${id}/confirm`, { version, note: '' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/nog niet voorgesteld/);
    expect(await name()).toBe('Oudhof');
  });

  it('is proposed by one person (logged), who then cannot confirm it: the other sees it is their turn', async () => {
    const { id, version } = await target();
    const proposed = await karin.post<DestructionItem>(`/api/v1/retention/${id}/propose`, { version, note: 'Niets bijzonders in het dossier' });
    expect(proposed).toMatchObject({ status: 'voorgesteld', proposedByName: 'Karin Kwak', proposalNote: 'Niets bijzonders in het dossier', turn: 'wait', version: version + 1 });
    expect(proposed.proposedAt).not.toBeNull();
    expect((await karin.request('POST', `/api/v1/retention/${id}/propose`, { version: version + 1, note: '' })).statusCode).toBe(409);
    expect((await queue('open', kees)).find((i) => i.id === id)).toMatchObject({ status: 'voorgesteld', proposedByName: 'Karin Kwak', turn: 'confirm' });

    const own = await karin.request('POST', `/api/v1/retention/${id}/confirm`, { version: version + 1, note: '' });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toBe('U heeft deze vernietiging zelf voorgesteld of het verzoek vastgelegd. Een andere medewerker kwaliteit moet haar bevestigen (vier ogen).');
    expect(await name()).toBe('Oudhof');
    // The other roles' refused attempts (404 above) are logged as denied; this is the one proposal.
    const audit = await rows<{ actor_id: string; changes: unknown }>(sql`select actor_id, changes from audit_log where entity_type = 'destruction' and entity_id = ${id} and action = 'update' and outcome = 'success'`);
    expect(audit).toEqual([{ actor_id: expect.any(String), changes: { from: { status: 'te_beoordelen' }, to: { status: 'voorgesteld', proposalNote: 'Niets bijzonders in het dossier' } } }]);
  });

  it('destroys the personal data on the second person\'s confirmation and keeps what the reports count', async () => {
    const { id, version } = await target();
    destroyed = await kees.post<DestructionItem>(`/api/v1/retention/${id}/confirm`, { version, note: 'Termijn verstreken, niets bijzonders' });
    expect(destroyed).toMatchObject({ status: 'vernietigd', proposedByName: 'Karin Kwak', decidedByName: 'Kees Keurig', decisionNote: 'Termijn verstreken, niets bijzonders', turn: 'decided', version: 3 });

    const [client] = await rows<Record<string, unknown>>(sql`select first_name, last_name, bsn, birth_date, gender, street, house_number, postcode, city, phone, destroyed_at from clients where id = ${oldClientId}`);
    expect(client).toMatchObject({ first_name: '', last_name: '', bsn: null, birth_date: null, gender: null, street: null, house_number: null, postcode: null, city: null, phone: null });
    expect(client!.destroyed_at).not.toBeNull();
    const [caseRow] = await rows<Record<string, unknown>>(sql`select question, referrer_other, first_meeting_location, closed_on::text, close_reasons, satisfaction_score from cases where id = ${old.id}`);
    expect(caseRow).toMatchObject({ question: null, referrer_other: null, first_meeting_location: 'thuis', closed_on: Y('09-30'), satisfaction_score: 8 });
    expect(await rows(sql`select note, kind, minutes from contacts where case_id = ${old.id}`)).toEqual([{ note: '', kind: 'huisbezoek', minutes: 60 }]);
    const count = async (table: string, column: string, id: string) => (await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where ${sql.raw(column)} = ${id}`))[0]!.n;
    expect(await count('contact_versions', 'contact_id', (await rows<{ id: string }>(sql`select id from contacts where case_id = ${old.id}`))[0]!.id)).toBe(0);
    expect(await count('plans', 'case_id', old.id)).toBe(0);
    expect(await count('plan_versions', 'case_id', old.id)).toBe(0);
    expect(await count('network_members', 'case_id', old.id)).toBe(0);
    expect(await count('zrm_assessments', 'case_id', old.id)).toBe(2);
    expect(await rows(sql`select question, referrer_other, triage_advice from registrations where client_id = ${oldClientId}`)).toEqual([{ question: '', referrer_other: null, triage_advice: null }]);
    expect(await rows(sql`select asked, research_report, status, requested_on is not null as dated from provision_requests where case_id = ${old.id}`)).toEqual([{ asked: '', research_report: null, status: 'besloten', dated: true }]);
    expect(await rows(sql`select d.reasons, d.outcome from provision_decisions d join provision_requests r on r.id = d.request_id where r.case_id = ${old.id}`)).toEqual([{ reasons: '', outcome: 'toegekend' }]);
    expect(await rows(sql`select end_reason, change_reason, category from provisions where case_id = ${old.id}`)).toEqual([{ end_reason: null, change_reason: '02', category: 'hbh' }]);
    // The access log keeps every row, without the values; the destroy row holds counts only.
    const audit = await rows<{ action: string; changes: unknown; actor_id: string | null; outcome: string }>(sql`select action, changes, actor_id, outcome from audit_log where client_id = ${oldClientId} order by at`);
    expect(audit.length).toBeGreaterThan(5);
    expect(audit.filter((a) => a.action !== 'destroy' && a.changes !== null)).toEqual([]);
    // The destruction itself; the other roles' refused attempts (404 above) are logged as denied.
    const destroyRow = audit.filter((a) => a.action === 'destroy' && a.outcome === 'success');
    expect(destroyRow).toHaveLength(1);
    expect(JSON.stringify(destroyRow[0]!.changes)).not.toMatch(/Oudhof|111222333|Kredietbank|Kees/);
    expect(destroyRow[0]!.changes).toMatchObject({ reason: 'bewaartermijn', removed: { cases: 1, contacts: 1, contactVersions: 1, plans: 1, networkMembers: 1, registrations: 1, provisionRequests: 1 } });
    // Both pairs of eyes: the confirmer is the row's actor, the proposer is named in it.
    const karinId = (await rows<{ id: string }>(sql`select id from users where name = 'Karin Kwak'`))[0]!.id;
    const keesId = (await rows<{ id: string }>(sql`select id from users where name = 'Kees Keurig'`))[0]!.id;
    expect(destroyRow[0]).toMatchObject({ actor_id: keesId, changes: { proposedBy: karinId } });
    const everything = await rows<{ text: string }>(sql`select string_agg(coalesce(changes::text, ''), ' ') as text from audit_log`);
    expect(everything[0]!.text).not.toMatch(/"Oudhof"|111222333|1950-05-05|3555AB|Oudhoflaan|Kredietbank|Zoon Kees|Buurvrouw van Oudhof"|Schulden en eenzaamheid van Oudhof"|Traplift|trap niet|woont boven|overleden/);
  });

  it('leaves the annual report, the ZRM report and the figures of that year the same', async () => {
    const after = await reports(analyst);
    expect((before.annual as { cases: { started: { year: number } } }).cases.started.year).toBe(3);
    expect((before.zrm as { domains: { financien: { n: number } } }).domains.financien.n).toBe(1);
    expect(after).toEqual(before);
  });

  it('takes the destroyed client out of search and the duplicate check, and names them "Vernietigd dossier"', async () => {
    expect(await anna.post<ClientSummary[]>('/api/v1/clients/search', { search: 'Oudhof' })).toEqual([expect.objectContaining({ lastName: 'Oudhof-Partner' })]);
    expect(await anna.post<ClientSummary[]>('/api/v1/clients/search', { search: '111222333' })).toEqual([]);
    expect(await anna.post<DuplicateMatch[]>('/api/v1/clients/duplicate-check', { firstName: '', lastName: '', bsn: '111222333' })).toEqual([]);
    const household = (await anna.get<CaseDetail>(`/api/v1/cases/${old.id}`)).household;
    expect(household.find((m) => m.clientId === oldClientId)).toMatchObject({ firstName: '', lastName: 'Vernietigd dossier', birthDate: null });
    const detail = await anna.get<ClientDetail>(`/api/v1/clients/${oldClientId}`);
    expect(detail).toMatchObject({ lastName: 'Vernietigd dossier', bsn: null });
    // Never written again, nor chosen for a new registration.
    expect((await anna.request('PUT', `/api/v1/clients/${oldClientId}`, { firstName: 'Tess', lastName: 'Oudhof', version: detail.version })).statusCode).toBe(404);
    expect((await anna.request('POST', '/api/v1/registrations', { clientId: oldClientId, registeredOn: today, referrerCode: 'zelfmelder', question: 'Weer terug' })).statusCode).toBe(404);
  });

  it('is done once: confirming, proposing or declining again is a conflict', async () => {
    expect((await kees.request('POST', `/api/v1/retention/${destroyed.id}/confirm`, { version: destroyed.version })).statusCode).toBe(409);
    expect((await karin.request('POST', `/api/v1/retention/${destroyed.id}/propose`, { version: destroyed.version, note: '' })).statusCode).toBe(409);
    expect((await karin.request('POST', `/api/v1/retention/${destroyed.id}/decline`, { version: destroyed.version, note: 'Toch langer bewaren graag' })).statusCode).toBe(409);
    expect((await queue('vernietigd')).map((i) => i.id)).toEqual([destroyed.id]);
  });
});

describe('declining', () => {
  it('needs a reason, keeps the data and does not list the client again the next day', async () => {
    const [item] = await queue();
    const noNote = await karin.request('POST', `/api/v1/retention/${item!.id}/decline`, { version: item!.version, note: ' ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().invalidParams[0].name).toBe('note');
    const declined = await karin.post<DestructionItem>(`/api/v1/retention/${item!.id}/decline`, { version: item!.version, note: 'Van aanzienlijk belang voor een ander: lopende procedure' });
    expect(declined).toMatchObject({ status: 'afgewezen', decisionNote: 'Van aanzienlijk belang voor een ander: lopende procedure', version: 2 });
    expect((await rows<{ last_name: string; destroyed_at: unknown }>(sql`select last_name, destroyed_at from clients where id = ${partnerId}`))[0]).toEqual({ last_name: 'Oudhof-Partner', destroyed_at: null });
    expect(await queue()).toEqual([]);
    expect((await listDueForRetention(t.database.db, organisationId, addDays(today, 1))).listed).toBe(0);
    // A year later kwaliteit is asked again.
    expect((await listDueForRetention(t.database.db, organisationId, addDays(today, 366))).listed).toBe(1);
    // One decline (the other roles' refused attempts on the queue are logged as denied).
    const audit = await rows<{ action: string; actor_id: string }>(sql`select action, actor_id from audit_log where entity_type = 'destruction' and entity_id = ${item!.id} and action = 'update' and outcome = 'success'`);
    expect(audit).toHaveLength(1);
  });
});

describe('four eyes', () => {
  it('refuses the person who recorded a request to confirm it, and destroys nothing', async () => {
    const registration = await anna.post<Registration>('/api/v1/registrations', { client: { firstName: 'Vier', lastName: 'Ogen' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' });
    await anna.post(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'social_base', advice: 'De vrijwilligerscentrale', version: registration.version });
    const clientId = registration.client.id;
    const item = await karin.post<DestructionItem>(`/api/v1/clients/${clientId}/destruction-request`, { receivedOn: today, note: 'Brief' });
    const own = await karin.request('POST', `/api/v1/retention/${item.id}/confirm`, { version: item.version, note: '' });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/andere medewerker kwaliteit/);
    expect((await rows<{ last_name: string; destroyed_at: unknown }>(sql`select last_name, destroyed_at from clients where id = ${clientId}`))[0]).toEqual({ last_name: 'Ogen', destroyed_at: null });
    expect((await kees.post<DestructionItem>(`/api/v1/retention/${item.id}/confirm`, { version: item.version, note: '' })).status).toBe('vernietigd');
    expect((await rows<{ last_name: string }>(sql`select last_name from clients where id = ${clientId}`))[0]!.last_name).toBe('');
  });

  it('refuses to propose the destruction of a client who is still helped; declining stays possible', async () => {
    const helped = await openCase({ lastName: 'Voorstel' });
    const clientId = helped.household[0]!.clientId;
    // As the daily job would list it (the case was opened after the listing).
    const [listing] = await rows<{ id: string }>(sql`insert into destructions (organisation_id, client_id, reason, requested_on, due_on) values (${organisationId}, ${clientId}, 'bewaartermijn', ${today}, ${today}) returning id`);
    const item = (await queue()).find((i) => i.id === listing!.id)!;
    expect(item).toMatchObject({ turn: 'propose', blockedBy: expect.stringMatching(/lopende casus/) });
    const refused = await karin.request('POST', `/api/v1/retention/${item.id}/propose`, { version: item.version, note: '' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/lopende casus/);
    expect((await rows<{ status: string; version: number }>(sql`select status, version from destructions where id = ${item.id}`))[0]).toEqual({ status: 'te_beoordelen', version: 1 });
    expect((await karin.post<DestructionItem>(`/api/v1/retention/${item.id}/decline`, { version: item.version, note: 'Cliënt wordt weer geholpen' })).status).toBe('afgewezen');
  });
});

describe("a client's request", () => {
  it('gets the legal term of 3 months, and can be confirmed once the cases are closed', async () => {
    const clientId = recent.household[0]!.clientId;
    const receivedOn = addDays(today, -10);
    const bad = await karin.request('POST', `/api/v1/clients/${clientId}/destruction-request`, { receivedOn: addDays(today, 1), note: '' });
    expect(bad.statusCode).toBe(400);
    expect((await karin.request('POST', '/api/v1/clients/00000000-0000-4000-8000-000000000000/destruction-request', { receivedOn, note: '' })).statusCode).toBe(404);

    const response = await karin.request('POST', `/api/v1/clients/${clientId}/destruction-request`, { receivedOn, note: 'Brief van de cliënt' });
    expect(response.statusCode).toBe(201);
    const item = response.json() as DestructionItem;
    expect(item).toMatchObject({ reason: 'verzoek', status: 'voorgesteld', proposedByName: 'Karin Kwak', turn: 'wait', requestedOn: receivedOn, dueOn: requestDueOn(receivedOn), requestNote: 'Brief van de cliënt', blockedBy: null });
    expect((await karin.request('POST', `/api/v1/clients/${clientId}/destruction-request`, { receivedOn, note: '' })).statusCode).toBe(409);
    const audit = await rows<{ action: string; actor_id: string | null }>(sql`select action, actor_id from audit_log where entity_type = 'destruction' and client_id = ${clientId}`);
    expect(audit).toEqual([{ action: 'create', actor_id: expect.any(String) }]);

    expect((await kees.post<DestructionItem>(`/api/v1/retention/${item.id}/confirm`, { version: item.version })).status).toBe('vernietigd');
    expect((await rows<{ last_name: string }>(sql`select last_name from clients where id = ${clientId}`))[0]!.last_name).toBe('');
    expect((await karin.request('POST', `/api/v1/clients/${clientId}/destruction-request`, { receivedOn, note: '' })).statusCode).toBe(409);
  });

  it('is recorded for a client who is still helped, but cannot be carried out until that ends', async () => {
    const clientId = stillHelped.household[0]!.clientId;
    const item = await karin.post<DestructionItem>(`/api/v1/clients/${clientId}/destruction-request`, { receivedOn: today, note: '' });
    expect(item.blockedBy).toMatch(/lopende casus/);
    const refused = await kees.request('POST', `/api/v1/retention/${item.id}/confirm`, { version: item.version });
    expect(refused.statusCode).toBe(409);
    expect((await rows<{ last_name: string }>(sql`select last_name from clients where id = ${clientId}`))[0]!.last_name).toBe('Nogsteeds');
    const waitingItem = await karin.post<DestructionItem>(`/api/v1/clients/${waiting.household[0]!.clientId}/destruction-request`, { receivedOn: today, note: '' });
    expect(waitingItem.blockedBy).toMatch(/triage/);
  });

  it('takes over a client already listed for the retention term, keeping the earlier date to act by', async () => {
    // The partner was listed again "a year later" above (so with that day as the date to act by).
    const listed = (await queue()).filter((i) => i.reason === 'bewaartermijn');
    expect(listed).toEqual([expect.objectContaining({ dueOn: addDays(today, 366) })]);
    const item = await karin.post<DestructionItem>(`/api/v1/clients/${partnerId}/destruction-request`, { receivedOn: today, note: 'Telefonisch en per brief' });
    expect(item).toMatchObject({
      id: listed[0]!.id,
      reason: 'verzoek',
      status: 'voorgesteld',
      proposedByName: 'Karin Kwak',
      requestedOn: today,
      dueOn: requestDueOn(today),
      requestNote: 'Telefonisch en per brief',
      version: listed[0]!.version + 1,
    });
  });
});
