// Notifications over HTTP: one for each event, to the right people and never to whoever caused it,
// written with the change; the list (newest first, paged, a fixed order), the unread count and
// marking read; and the list's scope: a case handed on since shows without its client.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { NotificationPage } from '../../src/server/modules/notifications/notifications.schemas';
import { NO_LONGER_READABLE } from '../../src/server/modules/notifications/notification-text';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { openCaseDetail } from '../support/open-case';
import { TEAM_A, TEAM_B, teamId, type TestUser } from '../support/fixtures';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
const s = {} as Record<TestUser, Session>;
const id = {} as Record<TestUser, string>;
const today = todayInNetherlands();
const TEAM_USERS: TestUser[] = ['workerA', 'workerA2', 'leadA', 'workerB', 'quality'];

beforeAll(async () => {
  t = await createTestApp();
  for (const user of TEAM_USERS) {
    s[user] = await t.login(user);
    id[user] = (await s[user].get<{ id: string }>('/api/v1/auth/me')).id;
  }
});
afterAll(() => t.close());

const page = (user: TestUser, query = '') => s[user].get<NotificationPage>(`/api/v1/notifications${query}`);
const unread = async (user: TestUser) => (await s[user].get<{ unread: number }>('/api/v1/notifications/unread-count')).unread;

/** What each user got from `action`: the kinds of their new notifications, newest first. */
async function received(action: () => Promise<unknown>): Promise<Record<string, string[]>> {
  const before = new Map<TestUser, Set<string>>();
  for (const user of TEAM_USERS) before.set(user, new Set((await page(user, '?limit=100')).items.map((n) => n.id)));
  await action();
  const got: Record<string, string[]> = {};
  for (const user of TEAM_USERS) {
    const fresh = (await page(user, '?limit=100')).items.filter((n) => !before.get(user)!.has(n.id)).map((n) => n.kind);
    if (fresh.length) got[user] = fresh;
  }
  return got;
}

describe('a notification for each event, never to whoever caused it', () => {
  let c: CaseDetail;

  it('a registration for the team: its workers and team leader', async () => {
    let registration!: Registration;
    const got = await received(async () => {
      registration = await s.workerA.post<Registration>('/api/v1/registrations', { client: { firstName: 'Nora', lastName: 'Melding' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Hulp bij geldzaken' });
    });
    expect(got).toEqual({ workerA2: ['registration'], leadA: ['registration'] });
    const [note] = (await page('workerA2')).items;
    expect(note).toMatchObject({ kind: 'registration', registrationId: registration.id, caseId: null, read: false });
    expect(note!.text).toBe('Nieuwe aanmelding voor uw team: Nora Melding. Aangemeld door Anna Aalders.');
    // Triage to another team puts it in that team's queue: its worker is told.
    const zuilen = await teamId(t.database.db, TEAM_B);
    const again = await received(() => s.workerA.post(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'other_team', teamId: zuilen, advice: 'Woont in Zuilen', version: 1 }));
    expect(again).toEqual({ workerB: ['registration'] });
  });

  it('a case handed to you: triage with you as lead worker, the lead worker set to you, a transfer to you', async () => {
    const registration = await s.workerA.post<Registration>('/api/v1/registrations', { client: { firstName: 'Olga', lastName: 'Regie' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Eenzaamheid' });
    const triaged = await received(() => s.workerA.post(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', leadWorkerId: id.workerA2, version: 1 }));
    expect(triaged).toEqual({ workerA2: ['case_assigned'] });
    c = await openCaseDetail(s.workerA, { client: { firstName: 'Piet', lastName: 'Overdracht' } });
    expect(await received(() => s.leadA.put(`/api/v1/cases/${c.id}/lead-worker`, { leadWorkerId: id.workerA2, version: c.version }))).toEqual({ workerA2: ['case_assigned'] });
    // Taking a case oneself is no news to oneself.
    expect(await received(() => s.workerA.put(`/api/v1/cases/${c.id}/lead-worker`, { leadWorkerId: id.workerA, version: c.version + 1 }))).toEqual({});
    expect(await received(() => s.workerA.post(`/api/v1/cases/${c.id}/transfer`, { leadWorkerId: id.workerA2, note: 'Ahmed kent de familie al', version: c.version + 2 }))).toEqual({ workerA2: ['case_assigned'] });
    const [note] = (await page('workerA2')).items;
    expect(note).toMatchObject({ kind: 'case_assigned', caseId: c.id, text: 'Anna Aalders heeft u regisseur gemaakt van de casus van Piet Overdracht.' });
  });

  it('a case handed to your team: its team leader, who assigns it', async () => {
    const theirs = await openCaseDetail(s.workerB, { client: { firstName: 'Quinten', lastName: 'Teamwissel' } });
    const overvecht = await teamId(t.database.db, TEAM_A);
    expect(await received(() => s.workerB.post(`/api/v1/cases/${theirs.id}/transfer`, { teamId: overvecht, note: 'Verhuisd naar Overvecht', version: theirs.version }))).toEqual({ leadA: ['case_to_team'] });
    const [note] = (await page('leadA')).items;
    expect(note!.text).toBe('Bram Bakker heeft de casus van Quinten Teamwissel overgedragen aan uw team. Kies een regisseur.');
    // Team B has no team leader: its worker hears of it.
    const ours = await openCaseDetail(s.workerA, { client: { firstName: 'Ruud', lastName: 'Naarzuilen' } });
    const zuilen = await teamId(t.database.db, TEAM_B);
    expect(await received(() => s.workerA.post(`/api/v1/cases/${ours.id}/transfer`, { teamId: zuilen, note: 'Verhuisd naar Zuilen', version: ours.version }))).toEqual({ workerB: ['case_to_team'] });
  });

  it('a task given to you, not one made for oneself', async () => {
    expect(await received(() => s.workerA.post('/api/v1/tasks', { title: 'Zelf bellen', dueOn: today }))).toEqual({});
    expect(await received(() => s.workerA.post('/api/v1/tasks', { title: 'Rapport lezen', dueOn: today, assigneeId: id.leadA }))).toEqual({ leadA: ['task_assigned'] });
    expect(await received(() => s.workerA2.post(`/api/v1/cases/${c.id}/tasks`, { title: 'Huurachterstand bespreken', dueOn: today, assigneeId: id.workerA }))).toEqual({ workerA: ['task_assigned'] });
    const [note] = (await page('workerA')).items;
    expect(note).toMatchObject({ kind: 'task_assigned', caseId: c.id, text: 'Ahmed Amrani heeft u een taak gegeven: Huurachterstand bespreken (casus van Piet Overdracht).' });
  });

  it('a colleague’s journal entry on a case you lead, not your own', async () => {
    // c is Ahmed's since the transfer.
    expect(await received(() => s.workerA.post(`/api/v1/cases/${c.id}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Vertrouwelijk: zorgen om de kinderen', sensitivity: 'huiselijk_geweld' }))).toEqual({ workerA2: ['journal_entry'] });
    expect(await received(() => s.workerA2.post(`/api/v1/cases/${c.id}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Teruggebeld' }))).toEqual({});
    const [note] = (await page('workerA2')).items;
    // The entry's text never travels in a notification.
    expect(note!.text).toBe('Anna Aalders schreef in het journaal van de casus van Piet Overdracht.');
  });

  it('is written with the change: a refused change leaves none', async () => {
    expect(await received(() => s.workerB.request('PUT', `/api/v1/cases/${c.id}/lead-worker`, { leadWorkerId: id.workerB, version: 99 }))).toEqual({});
    expect(await received(() => s.workerA.request('PUT', `/api/v1/cases/${c.id}/lead-worker`, { leadWorkerId: id.workerA, version: 1 }))).toEqual({});
  });
});

describe('the list, the count and marking read', () => {
  it('lists newest first with a fixed order for the same moment, in pages, with the unread count', async () => {
    // Three tasks for Lotte in one transaction-moment cannot be made over HTTP: stamp two alike.
    for (const title of ['Eerste', 'Tweede', 'Derde']) await s.workerA2.post('/api/v1/tasks', { title, dueOn: today, assigneeId: id.leadA });
    const moment = new Date().toISOString();
    await t.database.db.execute(sql`update notifications set created_at = ${moment}::timestamptz where recipient_id = ${id.leadA}::uuid and kind = 'task_assigned' and actor_id = ${id.workerA2}::uuid`);
    const all = await page('leadA', '?limit=100');
    expect(all.total).toBe(all.items.length);
    const times = all.items.map((n) => n.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const tied = all.items.filter((n) => n.createdAt === moment);
    expect(tied).toHaveLength(3);
    expect(tied.map((n) => n.id)).toEqual(tied.map((n) => n.id).sort().reverse());
    const first = await page('leadA', '?limit=2');
    const second = await page('leadA', '?limit=2&offset=2');
    expect([...first.items, ...second.items].map((n) => n.id)).toEqual(all.items.slice(0, 4).map((n) => n.id));
    expect(first.total).toBe(all.total);
    expect(all.unread).toBe(await unread('leadA'));
    expect(all.unread).toBe(all.items.filter((n) => !n.read).length);
    expect((await s.leadA.request('GET', '/api/v1/notifications?limit=0')).statusCode).toBe(400);
  });

  it('marks one read, only one’s own; marks all read up to the newest seen', async () => {
    const before = await unread('leadA');
    const [newest] = (await page('leadA')).items;
    // Somebody else's id changes nothing for them.
    expect((await s.workerA.post<{ unread: number }>('/api/v1/notifications/read', { ids: [newest!.id] })).unread).toBe(await unread('workerA'));
    expect(await unread('leadA')).toBe(before);
    expect((await s.leadA.post<{ unread: number }>('/api/v1/notifications/read', { ids: [newest!.id] })).unread).toBe(before - 1);
    expect((await page('leadA')).items[0]!.read).toBe(true);

    const seen = (await page('leadA')).items[0]!.createdAt;
    // One that arrives after the page was shown stays unread.
    await t.database.db.execute(sql`update notifications set created_at = now() + interval '1 minute' where id = (select id from notifications where recipient_id = ${id.leadA}::uuid and read_at is null order by created_at limit 1)`);
    expect((await s.leadA.post<{ unread: number }>('/api/v1/notifications/read-all', { seenUpTo: seen })).unread).toBe(1);
    expect((await s.leadA.request('POST', '/api/v1/notifications/read-all', { seenUpTo: 'gisteren' })).statusCode).toBe(400);
  });

  it('is empty for a role without a team, and its count 0', async () => {
    expect(await page('quality')).toEqual({ items: [], total: 0, unread: 0 });
  });
});

describe('the list shows only what the reader may see now', () => {
  const lastListed = async () =>
    ((await t.database.db.execute(sql`select client_ids::text[] as ids from audit_log where actor_id = ${id.workerA}::uuid and entity_type = 'notification_list' order by at desc limit 1`)) as unknown as { rows: { ids: string[] }[] }).rows[0]!.ids;

  it('a case handed to another team since: no client name, no link, not in the log row of the view', async () => {
    // A case of team B comes to team A, whose team leader gives it to Anna; Anna hands it back.
    const c = await openCaseDetail(s.workerB, { client: { firstName: 'Rosa', lastName: 'Weggegeven' } });
    await s.workerB.post(`/api/v1/cases/${c.id}/transfer`, { teamId: await teamId(t.database.db, TEAM_A), note: 'Verhuisd naar Overvecht', version: c.version });
    await s.leadA.put(`/api/v1/cases/${c.id}/lead-worker`, { leadWorkerId: id.workerA, version: c.version + 1 });
    let [note] = (await page('workerA')).items;
    expect(note).toMatchObject({ kind: 'case_assigned', readable: true, caseId: c.id, text: 'Lotte Leeuw heeft u regisseur gemaakt van de casus van Rosa Weggegeven.' });
    expect(await lastListed()).toContain(c.household[0]!.clientId);

    await s.workerA.post(`/api/v1/cases/${c.id}/transfer`, { teamId: await teamId(t.database.db, TEAM_B), note: 'Toch terug naar Zuilen', version: c.version + 2 });
    [note] = (await page('workerA')).items;
    expect(note).toMatchObject({ kind: 'case_assigned', readable: false, caseId: null, text: `Lotte Leeuw heeft u regisseur gemaakt van een casus. ${NO_LONGER_READABLE.case}` });
    expect(JSON.stringify(await page('workerA', '?limit=100'))).not.toContain('Weggegeven');
    expect(await lastListed()).not.toContain(c.household[0]!.clientId);
  });
});
