// Sensitive journal entries and plan parts over HTTP: the author marks them; colleagues in the team who
// are not the case's workers (a worker who never wrote in the case, the team leader) see that they exist
// and nothing else, in the journal, its versions, the dashboard, the plan, its versions, comparison and
// a conflicting save; a colleague's save keeps the withheld plan parts; only the author changes a mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { openCaseDetail } from '../support/open-case';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { Contact, ContactVersion, JournalEntry } from '../../src/server/modules/journal/journal.schemas';
import { planContent, type Plan, type PlanContent, type PlanVersion } from '../../src/server/modules/plans/plans.schemas';
import type { Dashboard } from '../../src/server/modules/worklists/worklists.schemas';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';

const today = todayInNetherlands();
const SECRET_NOTE = 'Mevrouw vertelt dat haar partner haar slaat als hij gedronken heeft';
const SECRET_SITUATION = 'Thuis is het niet veilig; de politie is twee keer geweest';
const SECRET_AGREEMENT = 'Samen met Veilig Thuis een veiligheidsplan maken';
const VISIBLE_AGREEMENT_ID = '0b8f3c0e-1d2a-4e5f-8a9b-0c1d2e3f4a5b';
const SECRET_AGREEMENT_ID = '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f';
/** Nothing of these may reach a colleague outside the case's workers, the mark's category included. */
const SECRETS = [SECRET_NOTE, 'partner haar slaat', SECRET_SITUATION, 'politie', SECRET_AGREEMENT, 'Veilig Thuis', 'huiselijk_geweld', 'Huiselijk geweld'];

let t: TestApp;
let anna: Session; // workerA: lead worker of the case and the author of the marks
let ahmed: Session; // workerA2: same team, has not written in the case
let lotte: Session; // leadA: the team leader
let caseDetail: CaseDetail;
let secretContact: Contact;
let plainContact: Contact;

/** Every answer a colleague received, to search for the secrets at the end. */
const colleagueAnswers: string[] = [];

async function asColleague(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<LightMyRequestResponse> {
  const response = await session.request(method, url, body);
  colleagueAnswers.push(`${session.user} ${method} ${url} → ${response.statusCode} ${response.body}`);
  return response;
}

const firstPlan: PlanContent = planContent.parse({
  domains: [
    {
      domain: 'financien',
      situation: 'Ik durf de post niet meer open te maken.',
      strengths: 'Mijn dochter wil helpen.',
      goal: 'Overzicht over de rekeningen',
      agreements: [
        { id: VISIBLE_AGREEMENT_ID, what: 'Samen de post openen', owner: 'network', ownerName: 'dochter Samira', dueOn: addDays(today, 7), status: 'open', result: '' },
        { id: SECRET_AGREEMENT_ID, what: SECRET_AGREEMENT, owner: 'specialist', ownerName: '', dueOn: addDays(today, 3), status: 'open', result: '', sensitivity: 'huiselijk_geweld' },
      ],
    },
    { domain: 'huiselijke_relaties', situation: SECRET_SITUATION, strengths: '', goal: 'Veilig thuis wonen', agreements: [], sensitivity: 'huiselijk_geweld' },
  ],
  participation: { start: 2, now: 2 },
});

beforeAll(async () => {
  t = await createTestApp();
  [anna, ahmed, lotte] = await Promise.all([t.login('workerA'), t.login('workerA2'), t.login('leadA')]);
  caseDetail = await openCaseDetail(anna, { client: { firstName: 'Fatma', lastName: 'Gevoelig' }, registeredOn: addDays(today, -10) });
});
afterAll(async () => t.close());

describe('the author marks', () => {
  it('a journal entry as sensitive, and sees it whole', async () => {
    plainContact = await anna.post<Contact>(`/api/v1/cases/${caseDetail.id}/contacts`, { contactOn: addDays(today, -2), kind: 'telefoon', minutes: 10, note: 'Afspraak voor een huisbezoek gemaakt.' });
    secretContact = await anna.post<Contact>(`/api/v1/cases/${caseDetail.id}/contacts`, { contactOn: addDays(today, -1), kind: 'huisbezoek', minutes: 45, note: SECRET_NOTE, sensitivity: 'huiselijk_geweld' });
    expect(secretContact).toMatchObject({ note: SECRET_NOTE, sensitivity: 'huiselijk_geweld', mayChangeSensitivity: true, withheld: false });
    expect(plainContact).toMatchObject({ sensitivity: null, withheld: false });
    const journal = await anna.get<JournalEntry[]>(`/api/v1/cases/${caseDetail.id}/contacts`);
    expect(journal.map((c) => (c.withheld ? null : c.note))).toEqual([SECRET_NOTE, 'Afspraak voor een huisbezoek gemaakt.']);
    const bad = await anna.request('POST', `/api/v1/cases/${caseDetail.id}/contacts`, { contactOn: today, kind: 'telefoon', note: 'x', sensitivity: 'geheim' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams).toEqual([{ name: 'sensitivity', reason: 'Kies bij gevoelig: geen, huiselijk geweld, gezondheid of justitie' }]);
  });

  it('plan parts as sensitive, and sees them whole', async () => {
    const plan = await anna.put<Plan>(`/api/v1/cases/${caseDetail.id}/plan`, { content: firstPlan, baseVersion: 0 });
    expect(plan.mayMarkSensitive).toBe(true);
    expect(plan.content.withheld).toBeUndefined();
    expect(plan.content.domains.map((d) => d.domain)).toEqual(['financien', 'huiselijke_relaties']);
    expect(plan.content.domains[0]!.agreements[1]).toMatchObject({ what: SECRET_AGREEMENT, sensitivity: 'huiselijk_geweld' });
  });

  it('and the lead worker sees the note in the dashboard', async () => {
    const dashboard = await anna.get<Dashboard>('/api/v1/work/dashboard');
    expect(dashboard.blocks.recent_journal.map((i) => i.text)).toContain(`Huisbezoek: ${SECRET_NOTE}`);
    expect(dashboard.blocks.agreements_due.map((i) => i.text)).toContain(`${SECRET_AGREEMENT} — Specialistische hulp`);
  });
});

describe('a colleague outside the case', () => {
  it('sees the entry in the journal as withheld: date, kind and author only', async () => {
    for (const colleague of [ahmed, lotte]) {
      const response = await asColleague(colleague, 'GET', `/api/v1/cases/${caseDetail.id}/contacts`);
      expect(response.statusCode).toBe(200);
      const journal = response.json<JournalEntry[]>();
      expect(journal[0]).toEqual({ id: secretContact.id, caseId: caseDetail.id, contactOn: addDays(today, -1), kind: 'huisbezoek', authorName: 'Anna Aalders', withheld: true });
      expect(journal[1]).toMatchObject({ id: plainContact.id, note: 'Afspraak voor een huisbezoek gemaakt.', withheld: false, mayChangeSensitivity: false });
    }
  });

  it('cannot read its versions nor change it (not found)', async () => {
    for (const colleague of [ahmed, lotte]) {
      expect((await asColleague(colleague, 'GET', `/api/v1/contacts/${secretContact.id}/versions`)).statusCode).toBe(404);
      const edit = await asColleague(colleague, 'PUT', `/api/v1/contacts/${secretContact.id}`, { contactOn: addDays(today, -1), kind: 'huisbezoek', note: 'Overschreven', version: 1 });
      expect(edit.statusCode).toBe(404);
    }
    const stored = await anna.get<JournalEntry[]>(`/api/v1/cases/${caseDetail.id}/contacts`);
    expect(stored[0]).toMatchObject({ note: SECRET_NOTE, version: 1 });
  });

  it('sees the plan without the marked parts, in every version and in a comparison', async () => {
    const response = await asColleague(ahmed, 'GET', `/api/v1/cases/${caseDetail.id}/plan`);
    const plan = response.json<Plan>();
    expect(plan.mayMarkSensitive).toBe(false);
    expect(plan.content.domains.map((d) => d.domain)).toEqual(['financien']);
    expect(plan.content.domains[0]!.agreements.map((a) => a.id)).toEqual([VISIBLE_AGREEMENT_ID]);
    expect(plan.content.withheld).toEqual({ domains: ['huiselijke_relaties'], agreements: [{ id: SECRET_AGREEMENT_ID, domain: 'financien' }] });
    expect((await asColleague(lotte, 'GET', `/api/v1/cases/${caseDetail.id}/plan/versions/1`)).json<PlanVersion>().content.withheld).toEqual(plan.content.withheld);
  });

  it('saves the plan without losing or changing the withheld parts', async () => {
    const seen = (await asColleague(ahmed, 'GET', `/api/v1/cases/${caseDetail.id}/plan`)).json<Plan>();
    const edited = structuredClone(seen.content);
    edited.domains[0]!.goal = 'Rust in de financiën';
    edited.domains[0]!.agreements.push({ id: '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a', what: 'Zelf de bank bellen', owner: 'client', ownerName: '', dueOn: null, status: 'open', result: '' });
    const saved = await asColleague(ahmed, 'PUT', `/api/v1/cases/${caseDetail.id}/plan`, { content: edited, baseVersion: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<Plan>().content.withheld).toEqual(seen.content.withheld);

    // Without the withheld list the server keeps them all the same.
    const again = structuredClone(saved.json<Plan>().content);
    delete again.withheld;
    again.reciprocity = 'Helpt de buurvrouw met boodschappen';
    expect((await asColleague(lotte, 'PUT', `/api/v1/cases/${caseDetail.id}/plan`, { content: again, baseVersion: 2 })).statusCode).toBe(200);

    const whole = await anna.get<Plan>(`/api/v1/cases/${caseDetail.id}/plan`);
    expect(whole.version).toBe(3);
    expect(whole.content.domains.map((d) => d.domain)).toEqual(['financien', 'huiselijke_relaties']);
    expect(whole.content.domains[1]).toEqual(firstPlan.domains[1]);
    expect(whole.content.domains[0]!.goal).toBe('Rust in de financiën');
    expect(whole.content.domains[0]!.agreements.map((a) => a.what)).toEqual(['Samen de post openen', SECRET_AGREEMENT, 'Zelf de bank bellen']);
    expect(whole.content.domains[0]!.agreements[1]).toEqual(firstPlan.domains[0]!.agreements[1]);
    expect(whole.content.reciprocity).toBe('Helpt de buurvrouw met boodschappen');
  });

  it('may not mark a part, nor remove a life domain that holds a withheld agreement', async () => {
    const seen = (await asColleague(ahmed, 'GET', `/api/v1/cases/${caseDetail.id}/plan`)).json<Plan>();
    const marked = structuredClone(seen.content);
    marked.domains[0]!.agreements[0]!.sensitivity = 'justitie';
    const refused = await asColleague(ahmed, 'PUT', `/api/v1/cases/${caseDetail.id}/plan`, { content: marked, baseVersion: 3 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams).toEqual([
      { name: 'content.domains.0.agreements.0.sensitivity', reason: 'Financiën, afspraak 1: Alleen de betrokken medewerkers van deze casus kunnen een onderdeel als gevoelig markeren' },
    ]);
    const removed = await asColleague(lotte, 'PUT', `/api/v1/cases/${caseDetail.id}/plan`, { content: { ...seen.content, domains: [] }, baseVersion: 3 });
    expect(removed.statusCode).toBe(400);
    expect(removed.json().invalidParams[0].reason).toBe('Financiën heeft een afgeschermde afspraak; alleen de betrokken medewerkers van deze casus kunnen dit leefgebied verwijderen');
    expect((await anna.get<Plan>(`/api/v1/cases/${caseDetail.id}/plan`)).version).toBe(3);
  });

  it('gets a comparison and a conflict without the withheld text', async () => {
    // Anna changes the withheld parts; the colleague compares and then saves on an old version.
    const whole = await anna.get<Plan>(`/api/v1/cases/${caseDetail.id}/plan`);
    const changed = structuredClone(whole.content);
    changed.domains[1]!.situation = `${SECRET_SITUATION}, en de politie kwam opnieuw`;
    changed.domains[0]!.agreements[1]!.what = `${SECRET_AGREEMENT} vóór vrijdag`;
    await anna.put(`/api/v1/cases/${caseDetail.id}/plan`, { content: changed, baseVersion: 3 });
    const comparison = await asColleague(ahmed, 'GET', `/api/v1/cases/${caseDetail.id}/plan/compare?from=1&to=4`);
    expect(comparison.statusCode).toBe(200);
    expect(comparison.json().changes.map((c: { label: string }) => c.label)).toEqual([
      'Financiën — doel',
      'Financiën — afspraak',
      'Wederkerigheid',
    ]);
    const conflict = await asColleague(lotte, 'PUT', `/api/v1/cases/${caseDetail.id}/plan`, { content: whole.content, baseVersion: 3 });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().current.content.withheld).toEqual({ domains: ['huiselijke_relaties'], agreements: [{ id: SECRET_AGREEMENT_ID, domain: 'financien' }] });
    expect(conflict.json().changes).toEqual([]);
  });

  it('finds nothing of the text in the dashboard', async () => {
    for (const colleague of [ahmed, lotte]) expect((await asColleague(colleague, 'GET', '/api/v1/work/dashboard')).statusCode).toBe(200);
  });

  it('never received any of the withheld text or its mark', () => {
    expect(colleagueAnswers.length).toBeGreaterThan(15);
    for (const answer of colleagueAnswers) for (const secret of SECRETS) expect(answer, answer.slice(0, 80)).not.toContain(secret);
  });
});

describe('the case workers', () => {
  it('include the lead worker: after a handover the new lead reads the entry and the plan whole', async () => {
    const workers = await anna.get<{ id: string; name: string }[]>(`/api/v1/teams/${caseDetail.teamId}/workers`);
    const ahmedId = workers.find((w) => w.name === 'Ahmed Amrani')!.id;
    const current = await anna.get<CaseDetail>(`/api/v1/cases/${caseDetail.id}`);
    await anna.post(`/api/v1/cases/${caseDetail.id}/transfer`, { leadWorkerId: ahmedId, note: 'Anna gaat met verlof; de veiligheid thuis staat in het journaal.', version: current.version });
    const journal = await ahmed.get<JournalEntry[]>(`/api/v1/cases/${caseDetail.id}/contacts`);
    expect(journal[0]).toMatchObject({ id: secretContact.id, note: SECRET_NOTE, sensitivity: 'huiselijk_geweld', withheld: false, mayChangeSensitivity: false });
    const plan = await ahmed.get<Plan>(`/api/v1/cases/${caseDetail.id}/plan`);
    expect(plan.mayMarkSensitive).toBe(true);
    expect(plan.content.domains.map((d) => d.domain)).toEqual(['financien', 'huiselijke_relaties']);
    const dashboard = await ahmed.get<Dashboard>('/api/v1/work/dashboard');
    expect(dashboard.blocks.recent_journal.map((i) => i.text)).toContain(`Huisbezoek: ${SECRET_NOTE}`);
    // The team leader still is no case worker, not even after writing a note in the case.
    await lotte.post(`/api/v1/cases/${caseDetail.id}/contacts`, { contactOn: addDays(today, -3), kind: 'telefoon', note: 'Even gebeld om te vragen hoe het gaat.' });
    const leaderView = await lotte.get<JournalEntry[]>(`/api/v1/cases/${caseDetail.id}/contacts`);
    expect(leaderView.find((e) => e.id === secretContact.id)).toMatchObject({ withheld: true });
  });

  it('edit the text and keep the mark; only the author changes the mark', async () => {
    const path = `/api/v1/contacts/${secretContact.id}`;
    const fields = { contactOn: addDays(today, -1), kind: 'huisbezoek', minutes: 45 };
    const kept = await ahmed.put<Contact>(path, { ...fields, note: `${SECRET_NOTE}. Veilig Thuis is gebeld.`, version: 1 });
    expect(kept).toMatchObject({ sensitivity: 'huiselijk_geweld', version: 2 });
    const same = await ahmed.put<Contact>(path, { ...fields, note: `${SECRET_NOTE}. Veilig Thuis is gebeld.`, sensitivity: 'huiselijk_geweld', version: 2 });
    expect(same).toMatchObject({ sensitivity: 'huiselijk_geweld', version: 3 });
    for (const sensitivity of ['gezondheid', null]) {
      const refused = await ahmed.request('PUT', path, { ...fields, note: 'Iets anders', sensitivity, version: 3 });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().invalidParams).toEqual([{ name: 'sensitivity', reason: 'Alleen wie de notitie schreef, kan de markering gevoelig zetten, wijzigen of weghalen' }]);
    }
    const byAuthor = await anna.put<Contact>(path, { ...fields, note: 'Gesprek over gezondheid.', sensitivity: 'gezondheid', version: 3 });
    expect(byAuthor).toMatchObject({ sensitivity: 'gezondheid', version: 4, mayChangeSensitivity: true });
    // Earlier versions keep the mark they had.
    const versions = await anna.get<ContactVersion[]>(`${path}/versions`);
    expect(versions.map((v) => [v.version, v.sensitivity, v.note.slice(0, 20)])).toEqual([
      [3, 'huiselijk_geweld', SECRET_NOTE.slice(0, 20)],
      [2, 'huiselijk_geweld', SECRET_NOTE.slice(0, 20)],
      [1, 'huiselijk_geweld', SECRET_NOTE.slice(0, 20)],
    ]);
    // The plain entry: only its author may mark it.
    expect((await ahmed.request('PUT', `/api/v1/contacts/${plainContact.id}`, { contactOn: addDays(today, -2), kind: 'telefoon', note: 'x', sensitivity: 'justitie', version: 1 })).statusCode).toBe(400);
  });

  it('another team gets not found', async () => {
    const stranger = await t.login('workerB');
    expect((await stranger.request('GET', `/api/v1/contacts/${secretContact.id}/versions`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/v1/cases/${caseDetail.id}/contacts`)).statusCode).toBe(404);
  });
});
