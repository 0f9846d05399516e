// The household's network, handing a case over, and the worker's dashboard, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { openCaseDetail } from '../support/open-case';
import type { CaseDetail, TransferResult } from '../../src/server/modules/cases/cases.schemas';
import type { NetworkMember } from '../../src/server/modules/network/network.schemas';
import type { Dashboard } from '../../src/server/modules/worklists/worklists.schemas';
import type { Plan } from '../../src/server/modules/plans/plans.schemas';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';

let t: TestApp;
let anna: Session;
const today = todayInNetherlands();

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
});
afterAll(async () => t.close());

describe('network', () => {
  it('adds, changes and removes people around the household, refusing stale changes', async () => {
    const c = await openCaseDetail(anna, { client: { firstName: 'Test', lastName: 'Netwerk' } });
    const daughter = await anna.post<NetworkMember>(`/api/v1/cases/${c.id}/network`, { name: 'Samira', kind: 'family', relation: 'dochter', doesNow: 'Helpt met de post', closeness: 1 });
    await anna.post(`/api/v1/cases/${c.id}/network`, { name: 'Dr. Jansen', kind: 'professional', relation: 'huisarts', closeness: 3, email: 'praktijk@example.nl' });
    const bad = await anna.request('POST', `/api/v1/cases/${c.id}/network`, { name: '', kind: 'kat', email: 'geen-adres', closeness: 7 });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().invalidParams as { name: string }[]).map((f) => f.name).sort()).toEqual(['closeness', 'email', 'kind', 'name']);
    expect((await anna.get<NetworkMember[]>(`/api/v1/cases/${c.id}/network`)).map((m) => m.name)).toEqual(['Samira', 'Dr. Jansen']);

    const changed = await anna.put<NetworkMember>(`/api/v1/network/${daughter.id}`, { ...daughter, couldDo: 'Eens per week boodschappen', version: 1 });
    expect(changed).toMatchObject({ couldDo: 'Eens per week boodschappen', version: 2 });
    expect((await anna.request('PUT', `/api/v1/network/${daughter.id}`, { ...daughter, version: 1 })).statusCode).toBe(409);
    expect((await anna.request('POST', `/api/v1/network/${daughter.id}/remove`, { version: 1 })).statusCode).toBe(409);
    expect((await anna.request('POST', `/api/v1/network/${daughter.id}/remove`, { version: 2 })).statusCode).toBe(204);
    expect((await anna.get<NetworkMember[]>(`/api/v1/cases/${c.id}/network`)).map((m) => m.name)).toEqual(['Dr. Jansen']);
    const stranger = await t.login('workerB');
    expect((await stranger.request('GET', `/api/v1/cases/${c.id}/network`)).statusCode).toBe(404);
  });
});

describe('transfer', () => {
  it('hands a case to a colleague with a note that stays in the history', async () => {
    const c = await openCaseDetail(anna, { client: { firstName: 'Test', lastName: 'Overdracht' } });
    const workers = await anna.get<{ id: string; name: string }[]>(`/api/v1/teams/${c.teamId}/workers`);
    const ahmed = workers.find((w) => w.name === 'Ahmed Amrani')!;
    const short = await anna.request('POST', `/api/v1/cases/${c.id}/transfer`, { leadWorkerId: ahmed.id, note: 'kort', version: c.version });
    expect(short.statusCode).toBe(400);
    const result = await anna.post<TransferResult>(`/api/v1/cases/${c.id}/transfer`, { leadWorkerId: ahmed.id, note: 'Mevrouw wil liever een mannelijke hulpverlener; schulden lopen via Humanitas.', version: c.version });
    expect(result).toMatchObject({ stillVisible: true, leadWorkerName: 'Ahmed Amrani' });
    const after = await (await t.login('workerA2')).get<CaseDetail>(`/api/v1/cases/${c.id}`);
    expect(after.leadWorker?.name).toBe('Ahmed Amrani');
    expect(after.events[0]).toMatchObject({ kind: 'transferred', reason: 'Mevrouw wil liever een mannelijke hulpverlener; schulden lopen via Humanitas.', actorName: 'Anna Aalders' });
  });

  it('hands a case to another team, where it waits for that team to assign it, with its journal', async () => {
    const c = await openCaseDetail(anna, { client: { firstName: 'Test', lastName: 'Verhuisd' } });
    await anna.post(`/api/v1/cases/${c.id}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Verhuist naar Zuilen' });
    const reference = await anna.get<{ teams: { id: string; code: string }[] }>('/api/v1/reference');
    const zuilen = reference.teams.find((x) => x.code === 'zuilen')!;
    const result = await anna.post<TransferResult>(`/api/v1/cases/${c.id}/transfer`, { teamId: zuilen.id, note: 'Cliënt is verhuisd naar Zuilen; graag kennismaken.', version: c.version });
    expect(result).toMatchObject({ stillVisible: false, teamName: 'Zuilen', leadWorkerName: null });
    expect((await anna.request('GET', `/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    const bram = await t.login('workerB');
    const moved = await bram.get<CaseDetail>(`/api/v1/cases/${c.id}`);
    expect(moved).toMatchObject({ teamName: 'Zuilen', leadWorker: null });
    expect((await bram.get<{ note: string }[]>(`/api/v1/cases/${c.id}/contacts`)).map((x) => x.note)).toEqual(['Verhuist naar Zuilen']);
  });
});

describe('dashboard', () => {
  it('shows what is due on my own cases, in the order I choose', async () => {
    const waiting = await openCaseDetail(anna, { client: { firstName: 'Test', lastName: 'Wacht' }, registeredOn: addDays(today, -7) });
    const running = await openCaseDetail(anna, { client: { firstName: 'Test', lastName: 'Loopt' }, registeredOn: addDays(today, -30) });
    let detail = await anna.post<CaseDetail>(`/api/v1/cases/${running.id}/first-meeting`, { firstMeetingOn: addDays(today, -28), location: 'thuis', version: running.version });
    detail = await anna.post<CaseDetail>(`/api/v1/cases/${running.id}/start`, { version: detail.version });
    await anna.put<Plan>(`/api/v1/cases/${running.id}/plan`, {
      baseVersion: 0,
      content: {
        domains: [{ domain: 'financien', agreements: [{ id: '5a5a5a5a-1111-4222-8333-444444444444', what: 'Bank bellen', owner: 'client', dueOn: addDays(today, 3) }] }],
        reviewOn: addDays(today, 10),
      },
    });
    const board = await anna.get<Dashboard>('/api/v1/work/dashboard');
    expect(board.layout.order[0]).toBe('first_meetings');
    expect(board.blocks.first_meetings.find((i) => i.caseId === waiting.id)).toMatchObject({ clientName: 'Test Wacht', overdue: true, on: addDays(today, -2) });
    expect(board.blocks.agreements_due).toEqual([expect.objectContaining({ caseId: running.id, text: 'Bank bellen — De cliënt zelf', on: addDays(today, 3), overdue: false })]);
    expect(board.blocks.plan_reviews.map((i) => i.on)).toEqual([addDays(today, 10)]);
    // First meeting 28 days ago and no nulmeting: it was due 14 days after the meeting.
    expect(board.blocks.zrm_due).toEqual([expect.objectContaining({ caseId: running.id, on: addDays(today, -14), overdue: true })]);

    const layout = { order: ['recent_journal', 'first_meetings', 'legal_terms', 'agreements_due', 'plan_reviews', 'zrm_due', 'no_contact'], hidden: ['no_contact'] };
    expect(await anna.put('/api/v1/work/dashboard/layout', layout)).toEqual(layout);
    expect((await anna.get<Dashboard>('/api/v1/work/dashboard')).layout).toEqual(layout);
    expect((await anna.request('PUT', '/api/v1/work/dashboard/layout', { order: ['recent_journal'], hidden: [] })).statusCode).toBe(400);
    // Another worker's layout is their own.
    expect((await (await t.login('workerA2')).get<Dashboard>('/api/v1/work/dashboard')).layout.order[0]).toBe('first_meetings');
  });
});
