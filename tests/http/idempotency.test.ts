// Idempotency keys on creating a journal entry: a retry with the same key returns the first
// contact, never a second one; a key used for another case or by another author is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { Contact, JournalEntry } from '../../src/server/modules/journal/journal.schemas';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let anna: Session;
let ahmed: Session;
const today = todayInNetherlands();
const caseIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
  ahmed = await t.login('workerA2');
  for (const lastName of ['Een', 'Twee']) {
    const registration = await anna.post<Registration>('/api/registrations', { client: { firstName: 'Ida', lastName }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' });
    caseIds.push((await anna.post<Registration>(`/api/registrations/${registration.id}/triage`, { outcome: 'generalist', version: 1 })).caseId!);
  }
});
afterAll(async () => t.close());

function post(session: Session, caseId: string, key: string, note: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/contacts`,
    payload: { contactOn: today, kind: 'telefoon', note },
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'idempotency-key': key },
  });
}

describe('Idempotency-Key on a new journal entry', () => {
  it('makes one contact for any number of retries, and answers each with it', async () => {
    const key = randomUUID();
    const answers = [await post(anna, caseIds[0]!, key, 'Gebeld'), await post(anna, caseIds[0]!, key, 'Gebeld'), await post(anna, caseIds[0]!, key.toUpperCase(), 'Gebeld')];
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.json<Contact>().id))).toEqual(new Set([key]));
    const journal = await anna.get<JournalEntry[]>(`/api/cases/${caseIds[0]}/contacts`);
    expect(journal.filter((e) => e.id === key)).toHaveLength(1);
    expect(journal).toHaveLength(1);
  });

  it('makes a new contact for every new key, and one without a key as before', async () => {
    await post(anna, caseIds[0]!, randomUUID(), 'Tweede');
    await anna.post(`/api/cases/${caseIds[0]}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Zonder sleutel' });
    expect(await anna.get<JournalEntry[]>(`/api/cases/${caseIds[0]}/contacts`)).toHaveLength(3);
  });

  it('refuses a key used before for another case or by another author, and a key that is no UUID, changing nothing', async () => {
    const key = randomUUID();
    expect((await post(anna, caseIds[0]!, key, 'Eerste')).statusCode).toBe(201);
    expect((await post(anna, caseIds[1]!, key, 'Andere casus')).statusCode).toBe(409);
    expect((await post(ahmed, caseIds[0]!, key, 'Andere auteur')).statusCode).toBe(409);
    const malformed = await post(anna, caseIds[1]!, 'sleutel-1', 'Geen UUID');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().fields).toEqual([{ path: 'idempotency-key', message: 'De Idempotency-Key moet een UUID zijn' }]);
    expect(await anna.get<JournalEntry[]>(`/api/cases/${caseIds[1]}/contacts`)).toEqual([]);
  });
});
