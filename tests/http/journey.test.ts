// The everyday path over HTTP: register → duplicate check → triage → first meeting → journal →
// close → reopen, with the rules that guard each step.
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import type { CaseDetail, CaseSummary } from '../../src/server/modules/cases/cases.schemas';
import type { Contact, ContactVersion } from '../../src/server/modules/journal/journal.schemas';
import type { ClientDetail, ClientSummary, DuplicateMatch } from '../../src/server/modules/clients/clients.schemas';

let t: TestApp;
let worker: Session;
const today = todayInNetherlands();

beforeAll(async () => {
  t = await createTestApp();
  worker = await t.login('workerA');
});
afterAll(async () => t.close());

const resident = {
  firstName: 'Fatima',
  lastName: 'El Amrani',
  birthDate: '1971-04-12',
  bsn: '999993847',
  street: 'Zamenhofdreef',
  houseNumber: '12',
  postcode: '3562jt',
  city: 'Utrecht',
  phone: '06-12345678',
};

describe('from registration to a closed case', () => {
  let registration: Registration;
  let caseDetail: CaseDetail;

  it('registers a resident, normalising postcode and BSN', async () => {
    registration = await worker.post<Registration>('/api/v1/registrations', {
      client: resident,
      registeredOn: addDays(today, -3),
      referrerCode: 'huisarts',
      question: 'Ik heb schulden en durf de post niet meer open te maken.',
    });
    expect(registration.client).toMatchObject({ firstName: 'Fatima', postcode: '3562 JT', bsnMasked: '*****3847' });
    expect(registration.triageOutcome).toBeNull();
    expect(registration.waitingDays).toBe(3);
    const queue = await worker.get<Registration[]>('/api/v1/registrations?status=untriaged');
    expect(queue.map((r) => r.id)).toContain(registration.id);
  });

  it('finds the same person by BSN and by a misspelt name with the birth date', async () => {
    const byBsn = await worker.post<DuplicateMatch[]>('/api/v1/clients/duplicate-check', { bsn: '999993847' });
    expect(byBsn).toHaveLength(1);
    expect(byBsn[0]).toMatchObject({ id: registration.client.id, reason: 'bsn' });
    const fuzzy = await worker.post<DuplicateMatch[]>('/api/v1/clients/duplicate-check', { firstName: 'Fatma', lastName: 'el Amrani', birthDate: '1971-04-12' });
    expect(fuzzy.map((m) => (m.kind === 'known' ? m.id : m.kind))).toEqual([registration.client.id]);
    expect(fuzzy[0]!.reason).toBe('name_birth');
    const nobody = await worker.post<DuplicateMatch[]>('/api/v1/clients/duplicate-check', { firstName: 'Pieter', lastName: 'Jansen', birthDate: '1971-04-12' });
    expect(nobody).toEqual([]);
  });

  it('refuses a second client with the same BSN and changes nothing', async () => {
    const before = await worker.get<Registration[]>('/api/v1/registrations?status=all');
    const again = await worker.request('POST', '/api/v1/registrations', {
      client: { ...resident, firstName: 'Fatima Z.' },
      registeredOn: today,
      referrerCode: 'zelfmelder',
      question: 'Nog een keer',
    });
    expect(again.statusCode).toBe(409);
    expect(await worker.get<Registration[]>('/api/v1/registrations?status=all')).toHaveLength(before.length);
  });

  it('attaches a new registration to an existing client', async () => {
    const second = await worker.post<Registration>('/api/v1/registrations', {
      clientId: registration.client.id,
      registeredOn: today,
      referrerCode: 'anders',
      referrerOther: 'Buurvrouw',
      question: 'Ook een vraag over de woning.',
    });
    expect(second.client.id).toBe(registration.client.id);
    expect(second.referrerOther).toBe('Buurvrouw');
  });

  it('validates a registration field by field in Dutch', async () => {
    const response = await worker.request('POST', '/api/v1/registrations', {
      client: { ...resident, bsn: '123456789', postcode: '0123 AB', firstName: '', houseNumber: 'twaalf' },
      registeredOn: addDays(today, 2),
      referrerCode: 'anders',
      question: '',
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.json().invalidParams as { name: string }[]).map((f) => f.name).sort();
    expect(paths).toEqual(['client.bsn', 'client.firstName', 'client.houseNumber', 'client.postcode', 'question', 'referrerOther', 'registeredOn'].sort());
    const bsn = response.json().invalidParams.find((f: { name: string }) => f.name === 'client.bsn');
    expect(bsn.reason).toBe('Dit BSN klopt niet (11-proef)');
  });

  it('asks more than one letter for the question, and changes nothing', async () => {
    const before = (await worker.get<unknown[]>('/api/v1/registrations?status=all')).length;
    const response = await worker.request('POST', '/api/v1/registrations', { client: resident, registeredOn: today, referrerCode: 'huisarts', question: ' x ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([{ name: 'question', reason: 'Beschrijf de vraag in de woorden van de bewoner, in minstens een paar woorden' }]);
    expect((await worker.get<unknown[]>('/api/v1/registrations?status=all')).length).toBe(before);
  });

  it('needs a referral advice for every triage outcome but generalist support', async () => {
    const response = await worker.request('POST', `/api/v1/registrations/${registration.id}/triage`, { outcome: 'specialist', version: registration.version });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams[0].name).toBe('advice');
  });

  it('opens a case on generalist triage, with the worker as lead', async () => {
    registration = await worker.post<Registration>(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: registration.version });
    expect(registration.triageOutcome).toBe('generalist');
    expect(registration.caseId).toBeTruthy();
    caseDetail = await worker.get<CaseDetail>(`/api/v1/cases/${registration.caseId}`);
    expect(caseDetail).toMatchObject({ status: 'registered', referrerCode: 'huisarts', registeredOn: addDays(today, -3), waitingDays: 3, overNorm: false });
    expect(caseDetail.leadWorker?.name).toBe('Anna Aalders');
    expect(caseDetail.household).toEqual([expect.objectContaining({ clientId: registration.client.id, role: 'hoofdclient' })]);
    const again = await worker.request('POST', `/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: registration.version });
    expect(again.statusCode).toBe(409);
  });

  it('lists the case in my work, waiting for a first meeting', async () => {
    const mine = await worker.get<{ cases: CaseSummary[] }>('/api/v1/work/mine');
    const item = mine.cases.find((c) => c.id === caseDetail.id)!;
    expect(item.due).toEqual({ kind: 'first_meeting', on: addDays(today, 2) });
  });

  it('records the first meeting, refusing a date before the registration', async () => {
    const early = await worker.request('POST', `/api/v1/cases/${caseDetail.id}/first-meeting`, { firstMeetingOn: addDays(today, -4), location: 'thuis', version: caseDetail.version });
    expect(early.statusCode).toBe(400);
    caseDetail = await worker.post<CaseDetail>(`/api/v1/cases/${caseDetail.id}/first-meeting`, { firstMeetingOn: addDays(today, -1), location: 'thuis', version: caseDetail.version });
    expect(caseDetail).toMatchObject({ status: 'first_meeting', firstMeetingOn: addDays(today, -1), firstMeetingLocation: 'thuis', waitingDays: 2 });
  });

  it('refuses a change made on an outdated version', async () => {
    const stale = await worker.request('POST', `/api/v1/cases/${caseDetail.id}/start`, { version: caseDetail.version - 1 });
    expect(stale.statusCode).toBe(409);
    caseDetail = await worker.post<CaseDetail>(`/api/v1/cases/${caseDetail.id}/start`, { version: caseDetail.version });
    expect(caseDetail.status).toBe('running');
  });

  let contact: Contact;
  it('keeps a journal, newest first, and keeps earlier versions of an edited contact', async () => {
    await worker.post(`/api/v1/cases/${caseDetail.id}/contacts`, { contactOn: addDays(today, -1), kind: 'huisbezoek', minutes: 60, note: 'Kennismaking aan de keukentafel.' });
    contact = await worker.post<Contact>(`/api/v1/cases/${caseDetail.id}/contacts`, { contactOn: today, kind: 'telefoon', minutes: 10, note: 'Afspraak bij de schuldhulp gemaakt.' });
    const journal = await worker.get<Contact[]>(`/api/v1/cases/${caseDetail.id}/contacts`);
    expect(journal.map((c) => c.kind)).toEqual(['telefoon', 'huisbezoek']);

    const edited = await worker.put<Contact>(`/api/v1/contacts/${contact.id}`, { contactOn: today, kind: 'telefoon', minutes: 15, note: 'Afspraak bij de schuldhulp gemaakt voor dinsdag.', version: 1 });
    expect(edited.version).toBe(2);
    const stale = await worker.request('PUT', `/api/v1/contacts/${contact.id}`, { contactOn: today, kind: 'telefoon', minutes: 20, note: 'Overschreven?', version: 1 });
    expect(stale.statusCode).toBe(409);
    const versions = await worker.get<ContactVersion[]>(`/api/v1/contacts/${contact.id}/versions`);
    expect(versions).toEqual([expect.objectContaining({ version: 1, minutes: 10, note: 'Afspraak bij de schuldhulp gemaakt.', replacedByName: 'Anna Aalders' })]);

    const bad = await worker.request('POST', `/api/v1/cases/${caseDetail.id}/contacts`, { contactOn: today, kind: 'brief', minutes: 2000 });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().invalidParams as { name: string }[]).map((f) => f.name).sort()).toEqual(['kind', 'minutes']);
  });

  it('closes with reasons, outcomes, mark and "kunt u zelf verder?"', async () => {
    const noReason = await worker.request('POST', `/api/v1/cases/${caseDetail.id}/close`, { closedOn: today, reasons: [], version: caseDetail.version });
    expect(noReason.statusCode).toBe(400);
    const unknown = await worker.request('POST', `/api/v1/cases/${caseDetail.id}/close`, { closedOn: today, reasons: ['verhuisd'], version: caseDetail.version });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams[0]).toMatchObject({ name: 'reasons' });
    caseDetail = await worker.post<CaseDetail>(`/api/v1/cases/${caseDetail.id}/close`, {
      closedOn: today,
      reasons: ['volgens_plan'],
      outcomes: ['eigen_netwerk', 'vrijwilligers_maatjes'],
      satisfactionScore: 8,
      canContinueAlone: true,
      version: caseDetail.version,
    });
    expect(caseDetail).toMatchObject({ status: 'closed', closedOn: today, closeReasons: ['volgens_plan'], satisfactionScore: 8, canContinueAlone: true });
    const closedContact = await worker.request('POST', `/api/v1/cases/${caseDetail.id}/contacts`, { contactOn: today, kind: 'telefoon' });
    expect(closedContact.statusCode).toBe(409);
  });

  it('reopens with a reason, keeping the earlier close in the history', async () => {
    const noReason = await worker.request('POST', `/api/v1/cases/${caseDetail.id}/reopen`, { reason: '', version: caseDetail.version });
    expect(noReason.statusCode).toBe(400);
    caseDetail = await worker.post<CaseDetail>(`/api/v1/cases/${caseDetail.id}/reopen`, { reason: 'Per ongeluk afgesloten', version: caseDetail.version });
    expect(caseDetail).toMatchObject({ status: 'running', closedOn: null, closeReasons: [], satisfactionScore: null });
    expect(caseDetail.events[0]).toMatchObject({ kind: 'reopened', reason: 'Per ongeluk afgesloten', actorName: 'Anna Aalders' });
    expect(caseDetail.events.map((e) => e.kind)).toEqual(['reopened', 'closed', 'started', 'first_meeting', 'opened']);
  });

  it('adds a household member and changes the lead worker to a colleague of the team only', async () => {
    caseDetail = await worker.post<CaseDetail>(`/api/v1/cases/${caseDetail.id}/household`, { client: { firstName: 'Youssef', lastName: 'El Amrani', birthDate: '1969-01-30' }, version: caseDetail.version });
    expect(caseDetail.household.map((h) => [h.firstName, h.role])).toEqual([
      ['Fatima', 'hoofdclient'],
      ['Youssef', 'huishoudlid'],
    ]);
    const workers = await worker.get<{ id: string; name: string }[]>(`/api/v1/teams/${caseDetail.teamId}/workers`);
    const colleague = workers.find((w) => w.name === 'Ahmed Amrani')!;
    const lead = await t.login('leadA');
    const overview = await lead.get<{ workers: { name: string }[] }>('/api/v1/work/team');
    expect(overview.workers.map((w) => w.name)).toContain('Anna Aalders');
    caseDetail = await worker.put<CaseDetail>(`/api/v1/cases/${caseDetail.id}/lead-worker`, { leadWorkerId: colleague.id, version: caseDetail.version });
    expect(caseDetail.leadWorker?.name).toBe('Ahmed Amrani');
  });

  it('finds the client by name, birth date, postcode and BSN, masking the BSN in the list', async () => {
    // 'Fatma el Amrani': a typo, found by similarity (not a part of the name).
    for (const search of ['amrani', 'Fatima El', 'Fatma el Amrani', '1971-04-12', '12-04-1971', '3562 jt', '999993847']) {
      const results = await worker.post<ClientSummary[]>('/api/v1/clients/search', { search });
      expect(results.map((r) => r.id), search).toContain(registration.client.id);
      expect(JSON.stringify(results)).not.toContain('999993847');
    }
    const detail = await worker.get<ClientDetail>(`/api/v1/clients/${registration.client.id}`);
    expect(detail.bsn).toBe('999993847');
    expect(detail.cases).toHaveLength(1);
  });

  it('passes a registration for another neighbourhood on to that team', async () => {
    const other = await worker.post<Registration>('/api/v1/registrations', {
      client: { firstName: 'Kees', lastName: 'de Vries', birthDate: '1950-02-02', postcode: '3552 AB' },
      registeredOn: today,
      referrerCode: 'zelfmelder',
      question: 'Ik woon in Zuilen maar belde jullie.',
    });
    const workers = await worker.get<Registration[]>('/api/v1/registrations?status=all');
    expect(workers.map((r) => r.id)).toContain(other.id);
    const reference = await worker.get<{ teams: { id: string; code: string }[] }>('/api/v1/reference');
    const zuilen = reference.teams.find((x) => x.code === 'zuilen')!;
    const triaged = await worker.post<Registration>(`/api/v1/registrations/${other.id}/triage`, { outcome: 'other_team', teamId: zuilen.id, advice: 'Buurtteam Zuilen neemt contact op.', version: other.version });
    expect(triaged).toMatchObject({ triageOutcome: 'other_team', triageTeamName: 'Zuilen', caseId: null });
    const zuilenWorker = await t.login('workerB');
    const queue = await zuilenWorker.get<Registration[]>('/api/v1/registrations?status=untriaged');
    expect(queue.map((r) => [r.client.lastName, r.referrerCode, r.registeredOn])).toEqual([['de Vries', 'bt_sociaal', today]]);
  });
});
