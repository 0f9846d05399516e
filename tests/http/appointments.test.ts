// Appointments and the agenda over HTTP: the rules of an appointment (end after start, at most 12
// hours, a place for a home visit), closed cases, another team (404), a stale version (409), "took
// place" as one journal entry (a second call 409), the own and the team's agenda, and the agenda
// feed: a secret address shown once, read by a real iCalendar parser (ical.js), with no client name
// or BSN in it, revoked → 404, rate-limited; and the access-log rows.
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { END_NOT_AFTER_START, PLACE_NEEDED, PERIOD_TOO_LONG, TOO_LONG, caseReference, dutchMoment } from '../../src/server/modules/appointments/appointment-rules';
import { APPOINTMENT_WORKER_MESSAGE, type AgendaFeedStatus, type Appointment, type NewAgendaFeed, type TookPlaceResult } from '../../src/server/modules/appointments/appointments.schemas';
import type { JournalEntry } from '../../src/server/modules/journal/journal.schemas';
import { FEED_LIMIT_PER_TOKEN } from '../../src/server/modules/appointments/agenda-feed.service';
import { openCase } from '../support/open-case';
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
const count = async () => Number((await rows<{ n: number }>(sql`select count(*)::int as n from appointments`))[0]!.n);
const fieldsOf = (body: string) => (JSON.parse(body) as { invalidParams?: { name: string; reason: string }[] }).invalidParams ?? [];

beforeAll(async () => {
  t = await createTestApp();
  [anna, ahmed, lotte, bram] = await Promise.all([t.login('workerA'), t.login('workerA2'), t.login('leadA'), t.login('workerB')]);
  const me = async (s: Session) => (await s.get<{ id: string }>('/api/v1/auth/me')).id;
  Object.assign(id, { anna: await me(anna), ahmed: await me(ahmed), lotte: await me(lotte), bram: await me(bram) });
});
afterAll(() => t.close());

const visit = (extra: Record<string, unknown> = {}) => ({ kind: 'huisbezoek', date: addDays(today, 1), startTime: '10:00', endTime: '11:00', place: 'Thuis, Kanaalweg 12', withWhom: 'Mevrouw en haar dochter', ...extra });

describe('a new appointment', () => {
  it('refuses an end before the start, more than 12 hours, and a home visit without a place, in Dutch, and makes nothing', async () => {
    const { caseId } = await openCase(anna, { client: { firstName: 'Regel', lastName: 'Tijdens' } });
    const before = await count();
    const backwards = await anna.request('POST', `/api/v1/cases/${caseId}/appointments`, visit({ startTime: '11:00', endTime: '10:30' }));
    expect(backwards.statusCode).toBe(400);
    expect(fieldsOf(backwards.body)).toEqual([{ name: 'endTime', reason: END_NOT_AFTER_START }]);
    const long = await anna.request('POST', `/api/v1/cases/${caseId}/appointments`, visit({ startTime: '07:00', endTime: '19:30' }));
    expect(fieldsOf(long.body)).toEqual([{ name: 'endTime', reason: TOO_LONG }]);
    const nowhere = await anna.request('POST', `/api/v1/cases/${caseId}/appointments`, visit({ place: '  ' }));
    expect(fieldsOf(nowhere.body)).toEqual([{ name: 'place', reason: PLACE_NEEDED }]);
    const badTime = await anna.request('POST', `/api/v1/cases/${caseId}/appointments`, visit({ startTime: '25:00' }));
    expect(fieldsOf(badTime.body).map((f) => f.name)).toEqual(['startTime']);
    const otherTeam = await anna.request('POST', `/api/v1/cases/${caseId}/appointments`, visit({ workerId: id.bram }));
    expect(fieldsOf(otherTeam.body)).toEqual([{ name: 'workerId', reason: APPOINTMENT_WORKER_MESSAGE }]);
    expect(await count()).toBe(before);
    // A phone call needs no place; the times are the Dutch clock's.
    const call = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, { kind: 'telefoon', date: addDays(today, 2), startTime: '09:15', endTime: '09:30' });
    expect(call).toMatchObject({ kind: 'telefoon', place: null, withWhom: null, startTime: '09:15', endTime: '09:30', date: addDays(today, 2), status: 'gepland', worker: { id: id.anna }, clientName: 'Regel Tijdens', caseReference: caseReference(caseId), mayWrite: true, version: 1 });
    expect(call.startsAt).toBe(dutchMoment(addDays(today, 2), '09:15').toISOString());
  });

  it('another team’s case answers 404 (reading and making), a closed case 409', async () => {
    const { caseId } = await openCase(anna, { client: { firstName: 'Ander', lastName: 'Team' } });
    const before = await count();
    expect((await bram.request('POST', `/api/v1/cases/${caseId}/appointments`, visit())).statusCode).toBe(404);
    expect((await bram.request('GET', `/api/v1/cases/${caseId}/appointments`)).statusCode).toBe(404);
    const made = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, visit());
    expect((await bram.request('PUT', `/api/v1/appointments/${made.id}`, { ...visit(), version: 1 })).statusCode).toBe(404);
    expect((await bram.request('POST', `/api/v1/appointments/${made.id}/cancel`, { version: 1 })).statusCode).toBe(404);
    expect(await count()).toBe(before + 1);
    const c = await anna.get<{ version: number }>(`/api/v1/cases/${caseId}`);
    await anna.post(`/api/v1/cases/${caseId}/close`, { closedOn: today, reasons: ['volgens_plan'], version: c.version });
    const closed = await anna.request('POST', `/api/v1/cases/${caseId}/appointments`, visit());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toMatch(/afgesloten/);
    expect((await anna.request('PUT', `/api/v1/appointments/${made.id}`, { ...visit({ startTime: '12:00', endTime: '13:00' }), version: 1 })).statusCode).toBe(409);
  });

  it('is changed at the version read (stale: 409), cancelled once, and a colleague of the team may organise it', async () => {
    const { caseId } = await openCase(anna, { client: { firstName: 'Wijzig', lastName: 'Baar' } });
    const made = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, visit({ workerId: id.ahmed }));
    expect(made.worker).toEqual({ id: id.ahmed, name: 'Ahmed Amrani' });
    const moved = await anna.put<Appointment>(`/api/v1/appointments/${made.id}`, { ...visit({ kind: 'video', place: null, startTime: '14:00', endTime: '14:30' }), version: 1 });
    expect(moved).toMatchObject({ kind: 'video', place: null, startTime: '14:00', endTime: '14:30', version: 2, worker: { id: id.ahmed } });
    expect((await anna.request('PUT', `/api/v1/appointments/${made.id}`, { ...visit(), version: 1 })).statusCode).toBe(409);
    const cancelled = await ahmed.post<Appointment>(`/api/v1/appointments/${made.id}/cancel`, { version: 2 });
    expect(cancelled.status).toBe('afgezegd');
    const again = await ahmed.request('POST', `/api/v1/appointments/${made.id}/cancel`, { version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Deze afspraak is afgezegd.');
  });
});

describe('took place → journal entry', () => {
  it('makes one journal entry that opens with the kind, day and who, marks and links the appointment; a second call answers 409', async () => {
    const { caseId } = await openCase(anna, { client: { firstName: 'Plaats', lastName: 'Gevonden' }, registeredOn: addDays(today, -10) });
    const yesterday = addDays(today, -1);
    const made = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, visit({ date: yesterday, startTime: '13:00', endTime: '14:15' }));
    const done = await anna.post<TookPlaceResult>(`/api/v1/appointments/${made.id}/journal-entry`, { version: 1, note: 'Formulieren samen ingevuld.' });
    expect(done.appointment).toMatchObject({ status: 'plaatsgevonden', contactId: done.contactId, version: 2 });
    const journal = await anna.get<JournalEntry[]>(`/api/v1/cases/${caseId}/contacts`);
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({ id: done.contactId, contactOn: yesterday, kind: 'huisbezoek', minutes: 75, withheld: false });
    const note = (journal[0] as { note: string }).note;
    expect(note).toMatch(/^Huisbezoek op .+, 13:00–14:15, met Mevrouw en haar dochter\.\n\nFormulieren samen ingevuld\.$/);
    for (const version of [1, 2]) {
      const twice = await anna.request('POST', `/api/v1/appointments/${made.id}/journal-entry`, { version });
      expect(twice.statusCode).toBe(409);
    }
    expect(await anna.get<JournalEntry[]>(`/api/v1/cases/${caseId}/contacts`)).toHaveLength(1);
    const log = await rows<{ action: string; entity_type: string }>(sql`select action, entity_type from audit_log where entity_id in (${made.id}, ${done.contactId}) order by at, entity_type`);
    expect(log.map((r) => `${r.action} ${r.entity_type}`).sort()).toEqual(['create appointment', 'create contact', 'update appointment']);
  });

  it('refuses an appointment that has not begun (409) and changes nothing; a cancelled one cannot take place', async () => {
    const { caseId } = await openCase(anna, { client: { firstName: 'Nog', lastName: 'Niet' } });
    const later = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, visit());
    const early = await anna.request('POST', `/api/v1/appointments/${later.id}/journal-entry`, { version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/nog niet begonnen/);
    const cancelled = await anna.post<Appointment>(`/api/v1/appointments/${later.id}/cancel`, { version: 1 });
    expect((await anna.request('POST', `/api/v1/appointments/${later.id}/journal-entry`, { version: cancelled.version })).statusCode).toBe(409);
    expect(await anna.get<JournalEntry[]>(`/api/v1/cases/${caseId}/contacts`)).toHaveLength(0);
  });
});

describe('the agenda', () => {
  it('shows my own appointments of a period, the team leader the team’s, never another team’s; at most 31 days', async () => {
    const { caseId } = await openCase(anna, { client: { firstName: 'Agenda', lastName: 'Week' } });
    const mine = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, visit({ date: addDays(today, 3) }));
    const ahmeds = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, visit({ date: addDays(today, 4), workerId: id.ahmed }));
    const week = await anna.get<Appointment[]>(`/api/v1/agenda?from=${today}&to=${addDays(today, 6)}`);
    expect(week.map((a) => a.id)).toContain(mine.id);
    expect(week.map((a) => a.id)).not.toContain(ahmeds.id);
    expect(week.every((a) => a.worker.id === id.anna)).toBe(true);
    const day = await anna.get<Appointment[]>(`/api/v1/agenda?from=${addDays(today, 4)}&to=${addDays(today, 4)}`);
    expect(day.map((a) => a.id)).not.toContain(mine.id);
    const team = await lotte.get<Appointment[]>(`/api/v1/agenda/team?from=${today}&to=${addDays(today, 6)}`);
    expect(team.map((a) => a.id)).toEqual(expect.arrayContaining([mine.id, ahmeds.id]));
    expect((await bram.get<Appointment[]>(`/api/v1/agenda?from=${today}&to=${addDays(today, 6)}`)).map((a) => a.id)).not.toContain(mine.id);
    // A worker has no team view.
    expect((await anna.request('GET', `/api/v1/agenda/team?from=${today}&to=${today}`)).statusCode).toBe(404);
    const tooLong = await anna.request('GET', `/api/v1/agenda?from=${today}&to=${addDays(today, 31)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(fieldsOf(tooLong.body)).toEqual([{ name: 'to', reason: PERIOD_TOO_LONG }]);
    const log = await rows<{ client_ids: string[] | null; actor_id: string }>(sql`select client_ids::text[] as client_ids, actor_id from audit_log where entity_type = 'team_agenda' order by at desc limit 1`);
    expect(log[0]!.actor_id).toBe(id.lotte);
    expect(log[0]!.client_ids!.length).toBeGreaterThan(0);
  });
});

describe('the agenda feed', () => {
  const tokenOf = (made: NewAgendaFeed) => new URL(made.path, 'http://localhost').searchParams.get('token')!;
  const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path });

  it('is a secret address shown once (only a hash stored), read as iCalendar without names, revoked → 404', async () => {
    const { caseId, clientId } = await openCase(anna, { client: { firstName: 'Geheim', lastName: 'Feedbewoner', bsn: '111222333' }, registeredOn: addDays(today, -5) });
    const visitOn = addDays(today, 2);
    const home = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, visit({ date: visitOn, startTime: '10:00', endTime: '11:30', place: '3512 AB', withWhom: 'Geheim Feedbewoner en dochter', note: 'Feedbewoner heeft schulden' }));
    const call = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, { kind: 'telefoon', date: addDays(today, 3), startTime: '09:00', endTime: '09:15' });
    await anna.post(`/api/v1/appointments/${call.id}/cancel`, { version: 1 });
    const farAway = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, { kind: 'video', date: addDays(today, 700), startTime: '09:00', endTime: '09:15' });

    expect(await anna.get<AgendaFeedStatus>('/api/v1/agenda-feed')).toEqual({ active: false, createdAt: null });
    const made = await anna.post<NewAgendaFeed>('/api/v1/agenda-feed', { replacing: null });
    const token = tokenOf(made);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect((await anna.get<AgendaFeedStatus>('/api/v1/agenda-feed')).active).toBe(true);
    const stored = await rows<{ token_hash: string }>(sql`select token_hash from agenda_feeds`);
    expect(JSON.stringify(stored)).not.toContain(token);

    const response = await fetchFeed(made.path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.headers['cache-control']).toBe('no-store');
    for (const secret of ['Geheim', 'Feedbewoner', '111222333', 'dochter', 'schulden', clientId]) expect(response.body).not.toContain(secret);

    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.has(`${farAway.id}@keukentafel`)).toBe(false);
    const homeEvent = byUid.get(`${home.id}@keukentafel`)!;
    expect(homeEvent.summary).toBe(`Huisbezoek · ${caseReference(caseId)}`);
    expect(homeEvent.location).toBe('3512 AB');
    expect(homeEvent.startDate.toJSDate().toISOString()).toBe(home.startsAt);
    expect(homeEvent.endDate.toJSDate().toISOString()).toBe(home.endsAt);
    const callEvent = byUid.get(`${call.id}@keukentafel`)!;
    expect(callEvent.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byUid.get(`${home.id}@keukentafel`)!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // The same UID on the next read: the calendar program updates, it does not duplicate.
    const second = new ICAL.Component(ICAL.parse((await fetchFeed(made.path)).body));
    expect(second.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid')).sort()).toEqual(events.map((e) => e.uid).sort());

    const reads = await rows<{ actor_id: string; client_ids: string[] }>(sql`select actor_id, client_ids::text[] as client_ids from audit_log where entity_type = 'agenda_feed_read' order by at`);
    expect(reads.at(-1)).toEqual({ actor_id: id.anna, client_ids: expect.arrayContaining([clientId]) });

    // A new address replaces the one the worker saw; a screen that still thinks there is none (or
    // shows the old one) is told, and changes nothing. Revoking ends the new one.
    expect((await anna.request('POST', '/api/v1/agenda-feed', { replacing: null })).statusCode).toBe(409);
    const renewed = await anna.post<NewAgendaFeed>('/api/v1/agenda-feed', { replacing: made.createdAt });
    expect((await fetchFeed(made.path)).statusCode).toBe(404);
    expect((await fetchFeed(renewed.path)).statusCode).toBe(200);
    expect((await anna.request('POST', '/api/v1/agenda-feed/revoke', { createdAt: made.createdAt })).statusCode).toBe(409);
    expect((await fetchFeed(renewed.path)).statusCode).toBe(200);
    expect((await anna.request('POST', '/api/v1/agenda-feed/revoke', { createdAt: renewed.createdAt })).statusCode).toBe(204);
    const revoked = await fetchFeed(renewed.path);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.headers['content-type']).toMatch(/problem\+json/);
    expect((await fetchFeed('/api/v1/agenda-feed/agenda.ics?token=verzonnen')).statusCode).toBe(404);
    expect((await anna.get<AgendaFeedStatus>('/api/v1/agenda-feed')).active).toBe(false);
  });

  it('shows only the worker’s own appointments, and is rate-limited per address', async () => {
    const made = await ahmed.post<NewAgendaFeed>('/api/v1/agenda-feed', { replacing: null });
    const { caseId } = await openCase(anna, { client: { firstName: 'Alleen', lastName: 'Anna' } });
    const annas = await anna.post<Appointment>(`/api/v1/cases/${caseId}/appointments`, visit());
    const first = await fetchFeed(made.path);
    expect(first.body).not.toContain(annas.id);
    let last = first;
    for (let i = 1; i <= FEED_LIMIT_PER_TOKEN.limit; i++) last = await fetchFeed(made.path);
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
  });
});
