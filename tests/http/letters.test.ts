// Letters from a template over HTTP: the beheerder keeps the organisation's own text (fields it may
// name, a version against a concurrent change, back to the text that ships), and a worker gets a
// letter filled from the case for a member of its household, with what the case did not know left
// to fill in; another team's case and a stranger as recipient are not found; the draft is logged.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { dutchDate, dutchDateWithWeekday } from '../../src/server/lib/dutch-dates';
import { DEFAULT_LETTER_TEMPLATES } from '../../src/server/modules/letters/letter-templates';
import type { LetterDraft, LetterTemplate } from '../../src/server/modules/letters/letters.schemas';
import { openCase, type OpenedCase } from '../support/open-case';
import { pdfText } from '../support/pdf-text';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: Session;
let anna: Session;
let bram: Session;
let opened: OpenedCase;
const today = todayInNetherlands();

beforeAll(async () => {
  t = await createTestApp();
  [admin, anna, bram] = await Promise.all([t.login('admin'), t.login('workerA'), t.login('workerB')]);
  opened = await openCase(anna, { client: { firstName: 'Fatima', lastName: 'El Amrani', street: 'Gentiaandreef', houseNumber: '12', postcode: '3562AB', city: 'Utrecht' } });
});
afterAll(() => t.close());

const fieldsOf = (body: string) => (JSON.parse(body) as { invalidParams?: { name: string; reason: string }[] }).invalidParams ?? [];
const templates = () => admin.get<LetterTemplate[]>('/api/v1/letter-templates');

describe('the letter templates (beheerder)', () => {
  it('lists every kind with the text that ships, version 0, until the organisation has its own', async () => {
    const list = await templates();
    expect(list.map((l) => l.kind)).toEqual(['uitnodiging', 'bevestiging_kennismaking', 'afsluiting']);
    expect(list.every((l) => !l.custom && l.version === 0)).toBe(true);
    expect(list[2]!.body).toBe(DEFAULT_LETTER_TEMPLATES.afsluiting.body);
  });

  it('refuses a field that does not exist, at the field, and saves nothing', async () => {
    const refused = await admin.request('PUT', '/api/v1/letter-templates', { kind: 'afsluiting', subject: 'Tot ziens', body: 'Beste {naam}, uw {adres}', version: 0 });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused.body)).toEqual([{ name: 'body', reason: 'Dit veld bestaat niet: {adres}. Kies uit de velden onder het formulier.' }]);
    expect((await templates())[2]!.custom).toBe(false);
  });

  it('saves the own text once from version 0, changes it at its version, and refuses a stale one with 409', async () => {
    const saved = await admin.put<LetterTemplate>('/api/v1/letter-templates', { kind: 'afsluiting', subject: 'Tot ziens', body: 'Beste {naam},\n\nDag!', version: 0 });
    expect(saved).toMatchObject({ custom: true, version: 1, subject: 'Tot ziens', updatedBy: 'Bea Beheer' });
    // A second first save (someone else's screen, read before) is told, not silently taken.
    const again = await admin.request('PUT', '/api/v1/letter-templates', { kind: 'afsluiting', subject: 'Ander', body: 'Beste {naam}', version: 0 });
    expect(again.statusCode).toBe(409);
    const changed = await admin.put<LetterTemplate>('/api/v1/letter-templates', { kind: 'afsluiting', subject: 'Tot ziens, {naam}', body: 'Beste {naam},\n\nDag!', version: 1 });
    expect(changed.version).toBe(2);
    const stale = await admin.request('PUT', '/api/v1/letter-templates', { kind: 'afsluiting', subject: 'Oud', body: 'Beste {naam}', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await templates())[2]!.subject).toBe('Tot ziens, {naam}');
  });

  it('goes back to the text that ships, and logs every change without a client', async () => {
    expect((await admin.request('POST', '/api/v1/letter-templates/reset', { kind: 'afsluiting', version: 1 })).statusCode).toBe(409);
    const reset = await admin.post<LetterTemplate>('/api/v1/letter-templates/reset', { kind: 'afsluiting', version: 2 });
    expect(reset).toMatchObject({ custom: false, version: 0, subject: DEFAULT_LETTER_TEMPLATES.afsluiting.subject });
    const logged = await t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'letter_template'));
    expect(logged.map((r) => [r.action, r.clientId])).toEqual([
      ['create', null],
      ['update', null],
      ['delete', null],
    ]);
  });

  it('is not for a worker', async () => {
    expect((await anna.request('GET', '/api/v1/letter-templates')).statusCode).toBe(404);
  });
});

describe('a letter filled from the case', () => {
  const askDraft = (session: Session, kind: string, recipientId: string) => session.request('POST', `/api/v1/cases/${opened.caseId}/letter-draft`, { kind, recipientId });

  it('puts in the name, team, worker and dates the case knows, and leaves the rest to fill in', async () => {
    const letter = JSON.parse((await askDraft(anna, 'uitnodiging', opened.clientId)).body) as LetterDraft;
    expect(letter.recipientName).toBe('Fatima El Amrani');
    expect(letter.address).toEqual(['Gentiaandreef 12', '3562 AB Utrecht']);
    expect(letter.addressComplete).toBe(true);
    expect(letter.body).toContain('Beste Fatima El Amrani,');
    expect(letter.body).toContain(`op ${dutchDate(today)}`);
    expect(letter.body).toContain('Anna Aalders');
    expect(letter.toFill.map((f) => f.field)).toEqual(['afspraak_datum', 'afspraak_tijd', 'afspraak_plaats']);
    expect(letter.body).toContain('{afspraak_datum}');
  });

  it("puts in the case's next planned appointment: its day, time and place", async () => {
    const on = addDays(today, 2);
    await anna.post(`/api/v1/cases/${opened.caseId}/appointments`, { kind: 'huisbezoek', date: on, startTime: '10:30', endTime: '11:30', place: 'Gentiaandreef 12' });
    const letter = JSON.parse((await askDraft(anna, 'uitnodiging', opened.clientId)).body) as LetterDraft;
    expect(letter.body).toContain(`op ${dutchDateWithWeekday(on)} om 10.30 uur. Het gesprek is hier: Gentiaandreef 12.`);
    expect(letter.toFill).toEqual([]);
  });

  it("uses the organisation's own text once there is one", async () => {
    await admin.put('/api/v1/letter-templates', { kind: 'bevestiging_kennismaking', subject: 'Fijn kennisgemaakt', body: 'Hallo {naam} van {team}', version: 0 });
    const letter = JSON.parse((await askDraft(anna, 'bevestiging_kennismaking', opened.clientId)).body) as LetterDraft;
    expect(letter.subject).toBe('Fijn kennisgemaakt');
    expect(letter.body).toMatch(/^Hallo Fatima El Amrani van \S/);
    expect(letter.toFill).toEqual([]);
  });

  it("is logged as a read of the recipient's data", async () => {
    const rows = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'letter'), eq(auditLog.clientId, opened.clientId)));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.action === 'read')).toBe(true);
  });

  it('is not found for another team, nor for someone outside the household, nor for an unknown kind', async () => {
    expect((await askDraft(bram, 'uitnodiging', opened.clientId)).statusCode).toBe(404);
    const stranger = await openCase(anna, { client: { firstName: 'Kees', lastName: 'Vreemd' } });
    const outside = await askDraft(anna, 'uitnodiging', stranger.clientId);
    expect(outside.statusCode).toBe(404);
    expect(JSON.parse(outside.body).detail).toBe('Deze persoon hoort niet bij het huishouden van de casus');
    expect((await askDraft(anna, 'kerstkaart', opened.clientId)).statusCode).toBe(400);
  });
});

describe('a letter saved as a PDF among the documents', () => {
  const save = (session: Session, body: Record<string, unknown>) => session.request('POST', `/api/v1/cases/${opened.caseId}/letters`, body);
  const documentCount = async () => (await anna.get<{ documents: unknown[] }>(`/api/v1/cases/${opened.caseId}/documents`)).documents.length;

  it('is refused while a field is left to fill in, at that field, and nothing is stored', async () => {
    const before = await documentCount();
    const refused = await save(anna, { kind: 'uitnodiging', recipientId: opened.clientId, subject: 'Uitnodiging', body: 'Beste Fatima,\n\nKom op {afspraak_datum} om {afspraak_tijd}.' });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused.body)).toEqual([{ name: 'body', reason: 'Vul eerst nog in: afspraak datum, afspraak tijd. Vervang de woorden tussen { } door wat in de brief moet staan.' }]);
    expect(await documentCount()).toBe(before);
  });

  it('is stored as a PDF with the subject as title, the kind and day as file name, and reads back as the letter', async () => {
    const saved = await save(anna, { kind: 'uitnodiging', recipientId: opened.clientId, subject: 'Uitnodiging voor een gesprek', body: 'Beste Fatima El Amrani,\n\nKom op 9 december om 10.00 uur.\n\nMet vriendelijke groet,\n\nAnna' });
    expect(saved.statusCode).toBe(201);
    const doc = JSON.parse(saved.body) as { id: string; title: string; fileName: string; mediaType: string; source: string };
    expect(doc).toMatchObject({ title: 'Uitnodiging voor een gesprek', fileName: `brief-uitnodiging-${today}.pdf`, mediaType: 'application/pdf', source: 'brief' });
    const content = await anna.request('GET', `/api/v1/documents/${doc.id}/content`);
    expect(content.statusCode).toBe(200);
    const text = await pdfText(content.rawPayload);
    expect(text).toContain('Fatima El Amrani');
    expect(text).toContain('3562 AB Utrecht');
    expect(text).toContain('Kom op 9 december om 10.00 uur.');
    expect(text).toContain(dutchDate(today));
    const logged = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'letter'), eq(auditLog.action, 'create')));
    expect(logged.map((r) => [r.entityId, r.clientId])).toEqual([[doc.id, opened.clientId]]);
  });

  it('is not made on a case of another team', async () => {
    const before = await documentCount();
    expect((await save(bram, { kind: 'afsluiting', recipientId: opened.clientId, subject: 'Tot ziens', body: 'Dag' })).statusCode).toBe(404);
    expect(await documentCount()).toBe(before);
  });
});
