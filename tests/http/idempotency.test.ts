// Idempotency keys on creating a journal entry: a retry with the same key returns the first
// contact, never a second one. A key belongs to its user: another user's key (the same UUID) is a
// fresh key for whoever sends it, and never says "already used"; a user's own key reused for
// another case is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { Contact, JournalEntry } from '../../src/server/modules/journal/journal.schemas';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let anna: Session;
let ahmed: Session;
let bram: Session;
let bramCase: string;
const today = todayInNetherlands();
const caseIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
  ahmed = await t.login('workerA2');
  bram = await t.login('workerB');
  for (const lastName of ['Een', 'Twee']) {
    const registration = await anna.post<Registration>('/api/v1/registrations', { client: { firstName: 'Ida', lastName }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' });
    caseIds.push((await anna.post<Registration>(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: 1 })).caseId!);
  }
  const registration = await bram.post<Registration>('/api/v1/registrations', { client: { firstName: 'Ida', lastName: 'Drie' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' });
  bramCase = (await bram.post<Registration>(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: 1 })).caseId!;
});
afterAll(async () => t.close());

function post(session: Session, caseId: string, key: string, note: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/contacts`,
    payload: { contactOn: today, kind: 'telefoon', note },
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'idempotency-key': key },
  });
}

describe('Idempotency-Key on a new journal entry', () => {
  it('makes one contact for any number of retries, and answers each with it', async () => {
    const key = randomUUID();
    const answers = [await post(anna, caseIds[0]!, key, 'Gebeld'), await post(anna, caseIds[0]!, key, 'Gebeld'), await post(anna, caseIds[0]!, key.toUpperCase(), 'Gebeld')];
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const ids = new Set(answers.map((a) => a.json<Contact>().id));
    expect(ids.size).toBe(1);
    const journal = await anna.get<JournalEntry[]>(`/api/v1/cases/${caseIds[0]}/contacts`);
    expect(journal.map((e) => e.id)).toEqual([...ids]);
  });

  it('makes a new contact for every new key, and one without a key as before', async () => {
    await post(anna, caseIds[0]!, randomUUID(), 'Tweede');
    await anna.post(`/api/v1/cases/${caseIds[0]}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Zonder sleutel' });
    expect(await anna.get<JournalEntry[]>(`/api/v1/cases/${caseIds[0]}/contacts`)).toHaveLength(3);
  });

  it("answers another user's key as a fresh key: a new contact for them, and the first user's retry still gets theirs", async () => {
    const key = randomUUID();
    const first = await post(anna, caseIds[0]!, key, 'Van Anna');
    expect(first.statusCode).toBe(201);
    // Ahmed sends Anna's key (by chance, or having seen it): a fresh key for him, never "already used".
    const other = await post(ahmed, caseIds[0]!, key, 'Van Ahmed');
    expect(other.statusCode).toBe(201);
    expect(other.json<Contact>().id).not.toBe(first.json<Contact>().id);
    expect(other.json<Contact>()).toMatchObject({ note: 'Van Ahmed', authorName: 'Ahmed Amrani' });
    // His own retry with that key gets his contact; Anna's retry still gets hers.
    expect((await post(ahmed, caseIds[0]!, key, 'Van Ahmed')).json<Contact>().id).toBe(other.json<Contact>().id);
    const retry = await post(anna, caseIds[0]!, key, 'Van Anna');
    expect(retry.statusCode).toBe(201);
    expect(retry.json<Contact>()).toEqual(first.json<Contact>());
    const journal = await anna.get<JournalEntry[]>(`/api/v1/cases/${caseIds[0]}/contacts`);
    expect(journal.filter((e) => e.id === first.json<Contact>().id || e.id === other.json<Contact>().id)).toHaveLength(2);
  });

  it("teaches a worker of another team nothing: Anna's key on his own case makes his contact, as an unused key does", async () => {
    const used = randomUUID();
    await post(anna, caseIds[1]!, used, 'Gebruikt');
    const [withUsed, withFresh] = [await post(bram, bramCase, used, 'Eigen casus'), await post(bram, bramCase, randomUUID(), 'Eigen casus')];
    expect([withUsed.statusCode, withFresh.statusCode]).toEqual([201, 201]);
    expect(Object.keys(withUsed.json<Contact>()).sort()).toEqual(Object.keys(withFresh.json<Contact>()).sort());
    expect((await bram.get<JournalEntry[]>(`/api/v1/cases/${bramCase}/contacts`)).map((e) => e.id).sort()).toEqual([withUsed.json<Contact>().id, withFresh.json<Contact>().id].sort());
  });

  it('refuses a key used before by the same user for another case, and a key that is no UUID, changing nothing', async () => {
    const key = randomUUID();
    expect((await post(anna, caseIds[0]!, key, 'Eerste')).statusCode).toBe(201);
    const before = await anna.get<JournalEntry[]>(`/api/v1/cases/${caseIds[1]}/contacts`);
    const reused = await post(anna, caseIds[1]!, key, 'Andere casus');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().detail).toBe('U heeft deze Idempotency-Key al gebruikt voor een ander verzoek');
    const malformed = await post(anna, caseIds[1]!, 'sleutel-1', 'Geen UUID');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().invalidParams).toEqual([{ name: 'idempotency-key', reason: 'De Idempotency-Key moet een UUID zijn' }]);
    expect(await anna.get<JournalEntry[]>(`/api/v1/cases/${caseIds[1]}/contacts`)).toEqual(before);
  });

  it('makes one contact when the same key arrives twice at once', async () => {
    const key = randomUUID();
    const answers = await Promise.all([post(anna, caseIds[0]!, key, 'Tegelijk'), post(anna, caseIds[0]!, key, 'Tegelijk')]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    expect(answers[0]!.json<Contact>().id).toBe(answers[1]!.json<Contact>().id);
    const journal = await anna.get<JournalEntry[]>(`/api/v1/cases/${caseIds[0]}/contacts`);
    expect(journal.filter((e) => e.id === answers[0]!.json<Contact>().id)).toHaveLength(1);
  });
});
