// Maatwerk on a case over HTTP: melding → onderzoek → beschikking → toewijzing → verlenging, einde
// and vervallen; numbers, versions (409), field errors that change nothing, other teams, the log.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestDatabase, type Session, type TestApp } from '../support/test-app';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { loadExchangeCodes, validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import { exportHistory } from '../../src/server/modules/exchange/export-history';
import type { AnnualReport } from '../../src/server/modules/reports/reports.schemas';
import { pdfText } from '../support/pdf-text';
import type { ClientFile } from '../../src/server/modules/client-file/client-file.schemas';
import { dutchDate } from '../../src/server/lib/dutch-dates';
import { openCase } from '../support/open-case';
import { auditLog, provisionDecisions, provisionRequests, provisions } from '../../src/server/db/schema';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import type { CaseMaatwerk } from '../../src/server/modules/maatwerk/maatwerk.schemas';
import type { Dashboard, TeamOverview } from '../../src/server/modules/worklists/worklists.schemas';

let t: TestApp;
let anna: Session;
let bert: Session;
const today = todayInNetherlands();
let clientId = '';
let caseId = '';

const requestBody = (over: Record<string, unknown> = {}) => ({ clientId, requestedOn: addDays(today, -20), asked: 'Hulp bij het schoonhouden van het huis', category: 'hbh', requestedBy: 'client', ...over });
const assignment = (over: Record<string, unknown> = {}) => ({ category: 'hbh', product: 'hbh', provider: 'Careyn', startOn: addDays(today, -5), endOn: addDays(today, 60), volume: 3, unit: '04', frequency: '2', ...over });

async function counts() {
  const db = t.database.db;
  return { requests: (await db.select().from(provisionRequests)).length, decisions: (await db.select().from(provisionDecisions)).length, provisions: (await db.select().from(provisions)).length };
}

/** A request researched and granted; the answer and the request's id. */
async function grantedRequest(asked: string, over: Record<string, unknown> = {}) {
  const made = await anna.post<CaseMaatwerk>(`/api/v1/cases/${caseId}/provision-requests`, requestBody({ asked, ...over }));
  const id = made.requests.find((r) => r.asked === asked)!.id;
  await anna.post(`/api/v1/provision-requests/${id}/research`, { researchReportedOn: addDays(today, -10), researchReport: 'Lukt niet zelf', version: 1 });
  const decided = await anna.post<CaseMaatwerk>(`/api/v1/provision-requests/${id}/decision`, { decidedOn: addDays(today, -8), outcome: 'toegekend', reasons: 'Nodig', version: 2 });
  return decided.requests.find((r) => r.id === id)!;
}

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
  bert = await t.login('workerB');
  ({ clientId, caseId } = await openCase(anna, { client: { firstName: 'Mirjam', lastName: 'Maatwerk', birthDate: '1948-02-11' } }));
});
afterAll(async () => t.close());

describe('the road of a provision', () => {
  it('goes from melding to toewijzing, with the legal terms, the numbers and the log', async () => {
    const made = await anna.post<CaseMaatwerk>(`/api/v1/cases/${caseId}/provision-requests`, requestBody());
    const request = made.requests[0]!;
    expect(request).toMatchObject({ clientId, clientName: 'Mirjam Maatwerk', status: 'open', requestedBy: 'client', createdByName: 'Anna Aalders', decision: null, decisionTerm: null, version: 1 });
    // Six weeks from the melding; 20 days ago leaves 22 days: in time.
    expect(request.researchTerm).toEqual({ dueOn: addDays(today, 22), state: 'op_tijd' });
    expect(made.mayWrite).toBe(true);

    const researched = await anna.post<CaseMaatwerk>(`/api/v1/provision-requests/${request.id}/research`, { researchReportedOn: addDays(today, -10), researchReport: 'Mevrouw kan niet meer bukken', version: 1 });
    expect(researched.requests[0]).toMatchObject({ status: 'onderzocht', researchTerm: { state: 'gehaald' }, decisionTerm: { dueOn: addDays(today, 4), state: 'bijna' }, version: 2 });

    const decided = await anna.post<CaseMaatwerk>(`/api/v1/provision-requests/${request.id}/decision`, { decidedOn: addDays(today, -8), outcome: 'toegekend', reasons: 'Zij kan het huishouden niet zelf', version: 2 });
    const decision = decided.requests[0]!.decision!;
    expect(decision).toMatchObject({ outcome: 'toegekend', decidedOn: addDays(today, -8), objectionUntil: addDays(today, 34), decidedByName: 'Anna Aalders' });
    expect(decided.requests[0]).toMatchObject({ status: 'besloten', decisionTerm: { state: 'gehaald' } });

    const assigned = await anna.post<CaseMaatwerk>(`/api/v1/provision-decisions/${decision.id}/provisions`, assignment());
    const letter = await anna.request('GET', `/api/v1/provision-decisions/${decision.id}/letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-disposition']).toBe(`attachment; filename="beschikking-${decision.decisionNumber}.pdf"`);
    const text = (await pdfText(letter.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Mirjam Maatwerk');
    expect(text).toContain(String(decision.decisionNumber));
    expect(text).toContain('Zij kan het huishouden niet zelf');
    expect(text).toContain('Careyn');
    expect(text).toContain(dutchDate(decision.objectionUntil));
    expect(text).toContain('Postbus 16200');
    const provision = assigned.provisions[0]!;
    expect(provision).toMatchObject({ decisionId: decision.id, deliveryForm: 'zin', providerAgb: expect.stringMatching(/^\d{8}$/), volume: 3, unit: '04', frequency: '2', extended: false, voided: false });
    expect(provision.assignmentNumber).toBeGreaterThan(0);

    const extended = await anna.post<CaseMaatwerk>(`/api/v1/provisions/${provision.id}/extension`, { endOn: addDays(today, 240), version: 1 });
    const extension = extended.provisions.find((p) => p.extendsProvisionId === provision.id)!;
    expect(extension).toMatchObject({ startOn: addDays(today, 61), endOn: addDays(today, 240), changeReason: '04', assignmentNumber: provision.assignmentNumber, providerAgb: provision.providerAgb });
    expect(extended.provisions.find((p) => p.id === provision.id)).toMatchObject({ extended: true, version: 2 });

    const ended = await anna.post<CaseMaatwerk>(`/api/v1/provisions/${extension.id}/end`, { endOn: addDays(today, 100), reason: '07', version: 1 });
    expect(ended.provisions.find((p) => p.id === extension.id)).toMatchObject({ endOn: addDays(today, 100), changeReason: '07', endReason: 'Verhuizing naar een andere gemeente' });

    // The client's file (inzage) holds the road, in words.
    const file = await anna.get<ClientFile>(`/api/v1/clients/${clientId}/file`);
    expect(file.provisionRequests[0]).toMatchObject({ asked: 'Hulp bij het schoonhouden van het huis', status: 'Besloten', researchReport: 'Mevrouw kan niet meer bukken', decision: { number: decision.decisionNumber, outcome: 'Toegekend' } });
    expect(file.provisions.find((p) => p.provider === 'Careyn' && !p.extension)).toMatchObject({ deliveryForm: 'Zorg in natura', size: '3 uur per week', endReason: null });

    const log = await t.database.db
      .select({ action: auditLog.action, entityType: auditLog.entityType })
      .from(auditLog)
      .where(and(eq(auditLog.clientId, clientId), inArray(auditLog.entityType, ['provision_request', 'provision_decision', 'provision', 'decision_letter'])))
      // One row per step, each in a transaction of its own: the time tells the order.
      .orderBy(asc(auditLog.at));
    expect(log.map((r) => `${r.action} ${r.entityType}`)).toEqual([
      'create provision_request',
      'update provision_request',
      'create provision_decision',
      'create provision',
      'export decision_letter',
      'create provision',
      'update provision',
    ]);
  });

  it('numbers decisions and toewijzingen in turn; a pgb gets no ToewijzingNummer', async () => {
    const first = await grantedRequest('Begeleiding bij de post');
    const second = await grantedRequest('Een budget voor begeleiding');
    expect(second.decision!.decisionNumber).toBe(first.decision!.decisionNumber + 1);
    const zin = await anna.post<CaseMaatwerk>(`/api/v1/provision-decisions/${first.decision!.id}/provisions`, assignment({ category: 'begeleiding', product: 'iab_klein', provider: 'Lister' }));
    const pgb = await anna.post<CaseMaatwerk>(`/api/v1/provision-decisions/${second.decision!.id}/provisions`, assignment({ category: 'pgb', product: 'pgb', volume: null, unit: null, frequency: null, budgetCents: 250_000 }));
    const own = zin.provisions.find((p) => p.decisionId === first.decision!.id)!;
    const budget = pgb.provisions.find((p) => p.decisionId === second.decision!.id)!;
    expect(own.assignmentNumber).toBeGreaterThan(0);
    expect(budget).toMatchObject({ deliveryForm: 'pgb', assignmentNumber: null, budgetCents: 250_000, volume: null });
  });

  it('voids a toewijzing: kept, marked, and an extension can be undone the same way', async () => {
    const granted = await grantedRequest('Dagbesteding');
    const assigned = await anna.post<CaseMaatwerk>(`/api/v1/provision-decisions/${granted.decision!.id}/provisions`, assignment({ category: 'dagbesteding', product: 'dagbegeleiding', provider: 'Abrona' }));
    const provision = assigned.provisions.find((p) => p.decisionId === granted.decision!.id)!;
    const extended = await anna.post<CaseMaatwerk>(`/api/v1/provisions/${provision.id}/extension`, { endOn: addDays(today, 300), version: 1 });
    const extension = extended.provisions.find((p) => p.extendsProvisionId === provision.id)!;
    // The extended link changes no more: its extension does.
    const refused = await anna.request('POST', `/api/v1/provisions/${provision.id}/void`, { reason: 'Fout', version: 2 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toMatch(/al verlengd/);
    const undone = await anna.post<CaseMaatwerk>(`/api/v1/provisions/${extension.id}/void`, { reason: 'Verlenging per vergissing', version: 1 });
    expect(undone.provisions.find((p) => p.id === extension.id)).toMatchObject({ voided: true, voidReason: 'Verlenging per vergissing', changeReason: '13' });
    expect(undone.provisions.find((p) => p.id === provision.id)).toMatchObject({ extended: false });
  });
});

describe('what the reports and the exchange format make of it', () => {
  it('counts toewijzingen made here in the annual report as imported ones (an extension as a verlenging, a void nowhere), and exports them so that export → import → export is byte-identical', async () => {
    const year = Number(today.slice(0, 4));
    const lead = await t.login('leadA');
    const annual = () => lead.get<AnnualReport>(`/api/v1/reports/annual?year=${year}`);
    const before = (await annual()).provisions;

    const made = await anna.post<CaseMaatwerk>(`/api/v1/cases/${caseId}/provision-requests`, requestBody({ asked: 'Voor het jaarverslag', requestedOn: `${year}-01-10` }));
    const id = made.requests.find((r) => r.asked === 'Voor het jaarverslag')!.id;
    await anna.post(`/api/v1/provision-requests/${id}/research`, { researchReportedOn: `${year}-01-20`, researchReport: 'Nodig', version: 1 });
    const decided = await anna.post<CaseMaatwerk>(`/api/v1/provision-requests/${id}/decision`, { decidedOn: `${year}-01-25`, outcome: 'toegekend', reasons: 'Nodig', version: 2 });
    const decisionId = decided.requests.find((r) => r.id === id)!.decision!.id;
    const first = (await anna.post<CaseMaatwerk>(`/api/v1/provision-decisions/${decisionId}/provisions`, assignment({ provider: 'Lister', startOn: `${year}-02-01`, endOn: `${year}-03-31` }))).provisions.find((p) => p.decisionId === decisionId)!;
    await anna.post(`/api/v1/provisions/${first.id}/extension`, { endOn: `${year}-06-30`, version: 1 });
    const mistaken = (await anna.post<CaseMaatwerk>(`/api/v1/provision-decisions/${decisionId}/provisions`, assignment({ provider: 'Boogh', startOn: `${year}-02-01`, endOn: `${year}-03-31` }))).provisions.find((p) => p.provider === 'Boogh')!;
    await anna.post(`/api/v1/provisions/${mistaken.id}/void`, { reason: 'Verkeerde aanbieder', version: 1 });

    const after = (await annual()).provisions;
    expect(after.new_by_provider.hbh!.Lister!.quarters[0]).toBe(before.new_by_provider.hbh!.Lister!.quarters[0]! + 1);
    expect(after.new_by_product.hbh!.hbh!.year).toBe(before.new_by_product.hbh!.hbh!.year + 1);
    expect(after.extensions.quarters[1]).toBe(before.extensions.quarters[1]! + 1);
    expect(after.new_by_provider.hbh!.Boogh).toEqual(before.new_by_provider.hbh!.Boogh);

    const organisationId = (await findOrganisationId(t.database.db))!;
    const { zrmDomains } = await loadExchangeCodes(t.database.db, organisationId);
    const exported = await exportHistory(t.database.db, organisationId, zrmDomains);
    const line = exported['provisions.csv'].split('\n').find((l) => l.startsWith(`${first.id},`));
    expect(line).toBe(`${first.id},${caseId},${clientId},hbh,hbh,Lister,${year}-02-01,${year}-03-31,,nee`);
    expect(exported['provisions.csv']).toContain(`${mistaken.id},${caseId},${clientId},hbh,hbh,Boogh,${year}-02-01,${year}-03-31,,ja`);
    const elsewhere = await openTestDatabase();
    try {
      const otherOrganisation = (await findOrganisationId(elsewhere.database.db))!;
      expect((await validateAndImport(elsewhere.database.db, otherOrganisation, exported, { write: true, userId: null })).problems).toEqual([]);
      const again = await exportHistory(elsewhere.database.db, otherOrganisation, zrmDomains);
      for (const file of Object.keys(exported) as (keyof typeof exported)[]) expect(again[file], file).toBe(exported[file]);
    } finally {
      await elsewhere.drop();
    }
  });
});

describe('legal terms in sight', () => {
  it("shows reports and decisions due within two weeks or late on Mijn dag and the team page, not the ones far off or met", async () => {
    const { caseId: termsCase } = await openCase(anna, { client: { firstName: 'Teun', lastName: 'Termijn', birthDate: '1950-05-05' } });
    const teun = (await anna.get<CaseMaatwerk>(`/api/v1/cases/${termsCase}/maatwerk`)).clients[0]!.id;
    const ask = (asked: string, daysAgo: number) =>
      anna.post<CaseMaatwerk>(`/api/v1/cases/${termsCase}/provision-requests`, { clientId: teun, requestedOn: addDays(today, -daysAgo), asked, requestedBy: 'client' });
    await ask('Rolstoel (te laat)', 50);
    await ask('Traplift (bijna)', 38);
    await ask('Woningaanpassing (ver weg)', 2);
    const researched = (await ask('Dagbesteding (besluit)', 30)).requests.find((r) => r.asked === 'Dagbesteding (besluit)')!;
    await anna.post(`/api/v1/provision-requests/${researched.id}/research`, { researchReportedOn: addDays(today, -15), researchReport: 'Nodig', version: 1 });

    const board = await anna.get<Dashboard>('/api/v1/work/dashboard');
    const mine = board.blocks.legal_terms.filter((i) => i.caseId === termsCase);
    expect(mine.map((i) => [i.text, i.on, i.overdue])).toEqual([
      ['Verslag van het onderzoek: Rolstoel (te laat)', addDays(today, -8), true],
      ['Besluit op de aanvraag: Dagbesteding (besluit)', addDays(today, -1), true],
      ['Verslag van het onderzoek: Traplift (bijna)', addDays(today, 4), false],
    ]);
    const team = await (await t.login('leadA')).get<TeamOverview>('/api/v1/work/team');
    expect(team.legalTerms.filter((i) => i.caseId === termsCase).map((i) => [i.kind, i.state, i.clientName])).toEqual([
      ['onderzoek', 'te_laat', 'Teun Termijn'],
      ['besluit', 'te_laat', 'Teun Termijn'],
      ['onderzoek', 'bijna', 'Teun Termijn'],
    ]);
    // Mijn dag is about the cases one leads: a colleague's shows none of it.
    const colleague = await (await t.login('workerA2')).get<Dashboard>('/api/v1/work/dashboard');
    expect(colleague.blocks.legal_terms.filter((i) => i.caseId === termsCase)).toEqual([]);
  });
});

describe('refusals', () => {
  it('answers bad input with Dutch field errors and changes nothing', async () => {
    const before = await counts();
    const future = await anna.request('POST', `/api/v1/cases/${caseId}/provision-requests`, requestBody({ requestedOn: addDays(today, 1) }));
    expect(future.statusCode).toBe(400);
    expect(future.json().invalidParams).toEqual([{ name: 'requestedOn', reason: 'Deze datum ligt in de toekomst' }]);
    const stranger = await anna.request('POST', `/api/v1/cases/${caseId}/provision-requests`, requestBody({ clientId: '00000000-0000-4000-8000-000000000000', category: 'geen_code' }));
    expect(stranger.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['clientId', 'category']);
    const empty = await anna.request('POST', `/api/v1/cases/${caseId}/provision-requests`, { clientId, requestedOn: today, asked: '  ', requestedBy: 'buurman' });
    expect(empty.json().invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['asked', 'requestedBy']);

    const granted = await grantedRequest('Vervoer naar de dagbesteding');
    const wrongProduct = await anna.request('POST', `/api/v1/provision-decisions/${granted.decision!.id}/provisions`, assignment({ category: 'vervoer', product: 'hbh', provider: 'Nobody' }));
    expect(wrongProduct.statusCode).toBe(400);
    expect(wrongProduct.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['product', 'provider']);
    const afterGranted = await counts();
    expect(afterGranted).toEqual({ requests: before.requests + 1, decisions: before.decisions + 1, provisions: before.provisions });
  });

  it('answers 409 on a stale version, and decides a request once', async () => {
    const made = await anna.post<CaseMaatwerk>(`/api/v1/cases/${caseId}/provision-requests`, requestBody({ asked: 'Twee tegelijk' }));
    const id = made.requests.find((r) => r.asked === 'Twee tegelijk')!.id;
    await anna.post(`/api/v1/provision-requests/${id}/research`, { researchReportedOn: today, researchReport: 'Klaar', version: 1 });
    const stale = await anna.request('POST', `/api/v1/provision-requests/${id}/withdrawal`, { reason: 'Toch niet', version: 1 });
    expect(stale.statusCode).toBe(409);
    await anna.post(`/api/v1/provision-requests/${id}/decision`, { decidedOn: today, outcome: 'afgewezen', reasons: 'Het netwerk helpt', version: 2 });
    const again = await anna.request('POST', `/api/v1/provision-requests/${id}/decision`, { decidedOn: today, outcome: 'toegekend', reasons: 'Toch wel', version: 3 });
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toMatch(/al besloten/);
    const decisionId = (await anna.get<CaseMaatwerk>(`/api/v1/cases/${caseId}/maatwerk`)).requests.find((r) => r.id === id)!.decision!.id;
    const onRefusal = await anna.request('POST', `/api/v1/provision-decisions/${decisionId}/provisions`, assignment());
    expect(onRefusal.json().detail).toMatch(/afwijzing/);
  });

  it("keeps another team's maatwerk out of sight", async () => {
    const maatwerk = await anna.get<CaseMaatwerk>(`/api/v1/cases/${caseId}/maatwerk`);
    expect((await bert.request('GET', `/api/v1/cases/${caseId}/maatwerk`)).statusCode).toBe(404);
    const provision = maatwerk.provisions[0]!;
    expect((await bert.request('POST', `/api/v1/provisions/${provision.id}/end`, { endOn: today, reason: '05', version: provision.version })).statusCode).toBe(404);
  });
});
