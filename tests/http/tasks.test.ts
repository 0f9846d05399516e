// Tasks and reminders over HTTP: the rules of a new task (a due day not in the past, a colleague of
// one's own team), done and open again at a version (409 when stale), the order of the lists (due
// day, then the order made; late ones marked), who sees which task (a case's follows the case; one of
// one's own its assignee, its maker and their team leader), and the access-log rows.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { DUE_IN_PAST, DUE_TOO_FAR } from '../../src/server/modules/tasks/task-rules';
import { TASK_ASSIGNEE_MESSAGE, type Task } from '../../src/server/modules/tasks/tasks.schemas';
import type { Worker } from '../../src/server/modules/users/users.schemas';
import { destroyClientData } from '../../src/server/modules/retention/destroy-client';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { openCaseDetail } from '../support/open-case';
import { TEAM_B, teamId } from '../support/fixtures';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let anna: Session;
let ahmed: Session;
let lotte: Session;
let bram: Session;
const today = todayInNetherlands();
const id = {} as Record<'anna' | 'ahmed' | 'lotte' | 'bram', string>;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}
const taskCount = async () => Number((await rows<{ n: number }>(sql`select count(*)::int as n from tasks`))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  [anna, ahmed, lotte, bram] = await Promise.all([t.login('workerA'), t.login('workerA2'), t.login('leadA'), t.login('workerB')]);
  const me = async (s: Session) => (await s.get<{ id: string }>('/api/v1/auth/me')).id;
  Object.assign(id, { anna: await me(anna), ahmed: await me(ahmed), lotte: await me(lotte), bram: await me(bram) });
});
afterAll(() => t.close());

const fieldsOf = (body: string) => (JSON.parse(body) as { invalidParams?: { name: string; reason: string }[] }).invalidParams ?? [];

describe('a new task', () => {
  it('refuses a due day in the past or years ahead with a Dutch message, and makes nothing', async () => {
    const before = await taskCount();
    const past = await anna.request('POST', '/api/v1/tasks', { title: 'Verlof aanvragen', dueOn: addDays(today, -1) });
    expect(past.statusCode).toBe(400);
    expect(fieldsOf(past.body)).toEqual([{ name: 'dueOn', reason: DUE_IN_PAST }]);
    const far = await anna.request('POST', '/api/v1/tasks', { title: 'Verlof aanvragen', dueOn: addDays(today, 800) });
    expect(fieldsOf(far.body)).toEqual([{ name: 'dueOn', reason: DUE_TOO_FAR }]);
    const short = await anna.request('POST', '/api/v1/tasks', { title: ' a ', dueOn: today });
    expect(short.statusCode).toBe(400);
    expect(fieldsOf(short.body).map((f) => f.name)).toEqual(['title']);
    expect(fieldsOf(short.body)[0]!.reason).toMatch(/minstens 3 tekens/);
    const long = await anna.request('POST', '/api/v1/tasks', { title: 'x'.repeat(121), dueOn: today });
    expect(fieldsOf(long.body)).toEqual([{ name: 'title', reason: 'Maximaal 120 tekens' }]);
    expect(await taskCount()).toBe(before);
  });

  it('is for oneself or a colleague of one’s own team: another team’s worker and an unknown id get the same field error', async () => {
    const before = await taskCount();
    for (const assigneeId of [id.bram, crypto.randomUUID()]) {
      const refused = await anna.request('POST', '/api/v1/tasks', { title: 'Dossier overdragen', dueOn: today, assigneeId });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused.body)).toEqual([{ name: 'assigneeId', reason: TASK_ASSIGNEE_MESSAGE }]);
    }
    expect(await taskCount()).toBe(before);
    const forAhmed = await anna.post<Task>('/api/v1/tasks', { title: 'Dossier overdragen', description: 'Map ligt in de kast', dueOn: today, assigneeId: id.ahmed });
    expect(forAhmed).toMatchObject({ title: 'Dossier overdragen', description: 'Map ligt in de kast', assignee: { id: id.ahmed, name: 'Ahmed Amrani' }, createdBy: { id: id.anna, name: 'Anna Aalders' }, caseId: null, clientName: null, done: false, overdue: false, mayWrite: true, version: 1 });
    const forLotte = await anna.post<Task>('/api/v1/tasks', { title: 'Rooster bespreken', dueOn: today, assigneeId: id.lotte });
    expect(forLotte.assignee.name).toBe('Lotte Leeuw');
    const mine = await anna.post<Task>('/api/v1/tasks', { title: 'Zelf iets doen', dueOn: today });
    expect(mine.assignee.id).toBe(id.anna);
  });

  it('on a case: the case’s write scope applies (another team: 404), and it goes with the case’s client in the log', async () => {
    const c = await openCaseDetail(anna, { client: { firstName: 'Taak', lastName: 'Opdecasus' } });
    const before = await taskCount();
    expect((await bram.request('POST', `/api/v1/cases/${c.id}/tasks`, { title: 'Huisbezoek plannen', dueOn: today })).statusCode).toBe(404);
    expect((await bram.request('GET', `/api/v1/cases/${c.id}/tasks`)).statusCode).toBe(404);
    expect(await taskCount()).toBe(before);
    const made = await anna.post<Task>(`/api/v1/cases/${c.id}/tasks`, { title: 'Huisbezoek plannen', dueOn: today, assigneeId: id.ahmed });
    expect(made).toMatchObject({ caseId: c.id, clientName: 'Taak Opdecasus', assignee: { id: id.ahmed } });
    const logged = await rows<{ action: string; entity_type: string; client_id: string }>(sql`select action, entity_type, client_id from audit_log where entity_id = ${made.id}::uuid`);
    expect(logged).toEqual([{ action: 'create', entity_type: 'task', client_id: c.household[0]!.clientId }]);
    // The case's tasks, for the team (and only the team).
    expect((await lotte.get<Task[]>(`/api/v1/cases/${c.id}/tasks`)).map((x) => x.title)).toEqual(['Huisbezoek plannen']);
  });
});

describe('done and open again', () => {
  it('takes one call each, at the version read; a stale version is 409 and changes nothing', async () => {
    const made = await anna.post<Task>('/api/v1/tasks', { title: 'Formulier opsturen', dueOn: today });
    const done = await anna.post<Task>(`/api/v1/tasks/${made.id}/done`, { version: 1 });
    expect(done).toMatchObject({ done: true, doneBy: { id: id.anna, name: 'Anna Aalders' }, version: 2 });
    expect(done.doneAt).not.toBeNull();
    const stale = await anna.request('POST', `/api/v1/tasks/${made.id}/reopen`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/intussen gewijzigd/);
    const again = await anna.request('POST', `/api/v1/tasks/${made.id}/done`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Deze taak is al afgerond.');
    const reopened = await anna.post<Task>(`/api/v1/tasks/${made.id}/reopen`, { version: 2 });
    expect(reopened).toMatchObject({ done: false, doneAt: null, doneBy: null, version: 3 });
    const log = await rows<{ action: string; changes: { from: Record<string, unknown>; to: Record<string, unknown> } }>(
      sql`select action, changes from audit_log where entity_id = ${made.id}::uuid and action = 'update' order by at`,
    );
    expect(log.map((r) => Object.keys(r.changes.to).sort())).toEqual([['doneAt', 'doneBy'], ['doneAt', 'doneBy']]);
    expect(log[1]!.changes.to).toEqual({ doneAt: null, doneBy: null });
  });

  it('of one’s own task: its assignee and maker change it; a colleague gets 404, the team leader reads it but does not change it', async () => {
    const made = await anna.post<Task>('/api/v1/tasks', { title: 'Privé herinnering', dueOn: today });
    expect((await ahmed.request('POST', `/api/v1/tasks/${made.id}/done`, { version: 1 })).statusCode).toBe(404);
    expect((await bram.request('POST', `/api/v1/tasks/${made.id}/done`, { version: 1 })).statusCode).toBe(404);
    expect((await lotte.request('POST', `/api/v1/tasks/${made.id}/done`, { version: 1 })).statusCode).toBe(404);
    const team = await lotte.get<Task[]>('/api/v1/tasks/team');
    expect(team.find((x) => x.id === made.id)).toMatchObject({ mayWrite: false });
    // The maker of a task for a colleague may mark it done too.
    const given = await anna.post<Task>('/api/v1/tasks', { title: 'Voor Ahmed', dueOn: today, assigneeId: id.ahmed });
    expect((await anna.post<Task>(`/api/v1/tasks/${given.id}/done`, { version: 1 })).done).toBe(true);
  });
});

describe('the lists', () => {
  it('give my open tasks by due day, then in the order made, the late ones marked; done ones the last done first', async () => {
    const fresh = await t.login('workerA2');
    // Ahmed's own list starts from what the tests above gave him.
    const start = (await fresh.get<Task[]>('/api/v1/tasks')).map((x) => x.id);
    const titles = ['Morgen A', 'Vandaag', 'Morgen B', 'Over een week', 'Eergisteren', 'Gisteren'];
    const made: Record<string, Task> = {};
    for (const title of titles) {
      const dueOn = title.startsWith('Morgen') ? addDays(today, 1) : title === 'Over een week' ? addDays(today, 7) : today;
      made[title] = await fresh.post<Task>('/api/v1/tasks', { title, dueOn });
    }
    // A task cannot be made late: it becomes late when its day passes.
    await t.database.db.execute(sql`update tasks set due_on = ${addDays(today, -2)}::date where id = ${made.Eergisteren!.id}::uuid`);
    await t.database.db.execute(sql`update tasks set due_on = ${addDays(today, -1)}::date where id = ${made.Gisteren!.id}::uuid`);
    const open = (await fresh.get<Task[]>('/api/v1/tasks')).filter((x) => !start.includes(x.id));
    expect(open.map((x) => x.title)).toEqual(['Eergisteren', 'Gisteren', 'Vandaag', 'Morgen A', 'Morgen B', 'Over een week']);
    expect(open.map((x) => x.overdue)).toEqual([true, true, false, false, false, false]);
    // Deterministic: the same order on every call.
    expect((await fresh.get<Task[]>('/api/v1/tasks')).filter((x) => !start.includes(x.id)).map((x) => x.id)).toEqual(open.map((x) => x.id));

    await fresh.post(`/api/v1/tasks/${made['Morgen B']!.id}/done`, { version: 1 });
    await fresh.post(`/api/v1/tasks/${made.Gisteren!.id}/done`, { version: 1 });
    const done = await fresh.get<Task[]>('/api/v1/tasks?status=done');
    expect(done.slice(0, 2).map((x) => x.title)).toEqual(['Gisteren', 'Morgen B']);
    expect(done[0]!.overdue).toBe(false);
    expect((await fresh.get<Task[]>('/api/v1/tasks')).map((x) => x.title)).not.toContain('Gisteren');
  });

  it('show the tasks I gave, and the team’s open tasks to the team leader only', async () => {
    const given = await anna.get<Task[]>('/api/v1/tasks?view=given');
    expect(given.length).toBeGreaterThan(0);
    expect(given.every((x) => x.createdBy.id === id.anna && x.assignee.id !== id.anna && !x.done)).toBe(true);
    expect((await anna.request('GET', '/api/v1/tasks/team')).statusCode).toBe(404);
    const team = await lotte.get<Task[]>('/api/v1/tasks/team');
    const assignees = new Set(team.map((x) => x.assignee.id));
    expect([...assignees].every((x) => [id.anna, id.ahmed, id.lotte].includes(x))).toBe(true);
    expect(assignees.has(id.ahmed)).toBe(true);
    expect(team.every((x) => !x.done)).toBe(true);
    const dueDays = team.map((x) => x.dueOn);
    expect(dueDays).toEqual([...dueDays].sort());
    // Another team's tasks are not the team leader's.
    const bramsCase = await openCaseDetail(bram, { client: { firstName: 'Ander', lastName: 'Teamtaak' } });
    const theirs = await bram.post<Task>(`/api/v1/cases/${bramsCase.id}/tasks`, { title: 'Van team B', dueOn: today });
    expect((await lotte.get<Task[]>('/api/v1/tasks/team')).map((x) => x.id)).not.toContain(theirs.id);
    expect(bramsCase.teamId).toBe(await teamId(t.database.db, TEAM_B));
  });

  it('log each view with the clients it showed', async () => {
    const c = await openCaseDetail(anna, { client: { firstName: 'Lijst', lastName: 'Taakclient' } });
    await anna.post(`/api/v1/cases/${c.id}/tasks`, { title: 'Bellen', dueOn: today });
    await anna.get('/api/v1/tasks');
    const [view] = await rows<{ entity_type: string; client_ids: string[] }>(sql`select entity_type, client_ids::text[] as client_ids from audit_log where action = 'list' and actor_id = ${id.anna}::uuid order by at desc limit 1`);
    expect(view!.entity_type).toBe('task_list');
    expect(view!.client_ids).toContain(c.household[0]!.clientId);
    await anna.get(`/api/v1/cases/${c.id}/tasks`);
    const [read] = await rows<{ action: string; entity_type: string; client_id: string }>(sql`select action, entity_type, client_id from audit_log where actor_id = ${id.anna}::uuid order by at desc limit 1`);
    expect(read).toEqual({ action: 'read', entity_type: 'tasks', client_id: c.household[0]!.clientId });
  });
});

describe('a task on a case goes with the case', () => {
  it('out of the old team’s sight when the case is handed to another team', async () => {
    const c = await openCaseDetail(anna, { client: { firstName: 'Verhuis', lastName: 'Taak' } });
    const made = await anna.post<Task>(`/api/v1/cases/${c.id}/tasks`, { title: 'Overdracht voorbereiden', dueOn: today });
    const zuilen = await teamId(t.database.db, TEAM_B);
    await anna.post(`/api/v1/cases/${c.id}/transfer`, { teamId: zuilen, note: 'Verhuisd naar Zuilen', version: c.version });
    expect((await anna.get<Task[]>('/api/v1/tasks')).map((x) => x.id)).not.toContain(made.id);
    expect((await anna.request('POST', `/api/v1/tasks/${made.id}/done`, { version: 1 })).statusCode).toBe(404);
    expect((await bram.get<Task[]>(`/api/v1/cases/${c.id}/tasks`)).map((x) => x.id)).toEqual([made.id]);
    const workers = await bram.get<Worker[]>(`/api/v1/teams/${zuilen}/workers`);
    expect(workers.map((w) => w.id)).toContain(id.bram);
  });
});

describe('destroying a client’s data', () => {
  it('deletes the tasks on their cases (free text about the household) and the notifications about them', async () => {
    const c = await openCaseDetail(anna, { client: { firstName: 'Vergeet', lastName: 'Mijtaak' } });
    const made = await anna.post<Task>(`/api/v1/cases/${c.id}/tasks`, { title: 'Schuldeisers bellen over de regeling', dueOn: today, assigneeId: id.ahmed });
    const own = await anna.post<Task>('/api/v1/tasks', { title: 'Blijft staan', dueOn: today });
    const about = async (taskId: string) => Number((await rows<{ n: number }>(sql`select (select count(*) from tasks where id = ${taskId}::uuid) + (select count(*) from notifications where task_id = ${taskId}::uuid) as n`))[0]!.n);
    expect(await about(made.id)).toBe(2);
    const organisationId = (await findOrganisationId(t.database.db))!;
    await t.database.db.transaction((tx) => destroyClientData(tx, organisationId, c.household[0]!.clientId));
    expect(await about(made.id)).toBe(0);
    expect(await about(own.id)).toBe(1);
    const [log] = await rows<{ changes: unknown }>(sql`select changes from audit_log where entity_id = ${made.id}::uuid and action = 'create'`);
    expect(log!.changes).toBeNull();
  });
});
