// The consent register and the disclosures of a client over HTTP: record, list, withdraw (with the
// 409 on a stale version), the legal grounds of a disclosure, other teams, and the audit rows.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { openCase } from '../support/open-case';
import { auditLog, consents, disclosures } from '../../src/server/db/schema';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import type { ClientConsents, Consent, Disclosure } from '../../src/server/modules/consents/consents.schemas';

let t: TestApp;
let anna: Session;
const today = todayInNetherlands();
let clientId = '';
let caseId = '';
let otherClientId = '';
let otherCaseId = '';

const consentBody = (over: Record<string, unknown> = {}) => ({
  recipientKind: 'huisarts',
  recipientName: 'Huisartsenpraktijk Overvecht',
  dataShared: 'Medicatie en de afspraken over de schuldhulp',
  purpose: 'Afstemmen van de zorg rond de depressie',
  validFrom: today,
  givenHow: 'schriftelijk',
  ...over,
});
const REASONING = 'Er is acuut gevaar voor de kinderen; het advies van Veilig Thuis was te melden.';

async function auditRows(client: string) {
  return t.database.db
    .select({ action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, changes: auditLog.changes })
    .from(auditLog)
    .where(eq(auditLog.clientId, client))
    .orderBy(asc(auditLog.id));
}

async function tableCounts() {
  return { consents: (await t.database.db.select().from(consents)).length, disclosures: (await t.database.db.select().from(disclosures)).length };
}

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
  ({ clientId, caseId } = await openCase(anna, { client: { firstName: 'Fatima', lastName: 'Toestemming', birthDate: '1970-04-01' } }));
  ({ clientId: otherClientId, caseId: otherCaseId } = await openCase(anna, { client: { firstName: 'Fatima', lastName: 'Ander', birthDate: '1970-04-01' } }));
});
afterAll(async () => t.close());

describe('consents', () => {
  it('records a consent and lists it with its state and who recorded it; both logged', async () => {
    const created = await anna.post<Consent>(`/api/v1/clients/${clientId}/consents`, consentBody({ validUntil: addDays(today, 180) }));
    expect(created).toMatchObject({ clientId, recipientKind: 'huisarts', state: 'actief', recordedByName: 'Anna Aalders', withdrawnOn: null, version: 1, validUntil: addDays(today, 180) });
    await anna.post<Consent>(`/api/v1/clients/${clientId}/consents`, consentBody({ recipientKind: 'woningcorporatie', recipientName: 'Mitros', validFrom: addDays(today, 10), givenHow: 'mondeling' }));

    const list = await anna.get<ClientConsents>(`/api/v1/clients/${clientId}/consents`);
    expect(list.consents.map((c) => [c.recipientName, c.state])).toEqual([
      ['Mitros', 'nog_niet_ingegaan'],
      ['Huisartsenpraktijk Overvecht', 'actief'],
    ]);
    expect(list.disclosures).toEqual([]);

    const rows = await auditRows(clientId);
    expect(rows.filter((r) => r.entityType === 'consent' && r.action === 'create').map((r) => r.entityId)).toContain(created.id);
    expect(rows.filter((r) => r.entityType === 'consents' && r.action === 'read')).toHaveLength(1);
    expect(rows.find((r) => r.entityId === created.id)!.changes).toMatchObject({ to: { recipientName: 'Huisartsenpraktijk Overvecht', givenHow: 'schriftelijk' } });
  });

  it('refuses invalid consents with 400 and changes nothing', async () => {
    const before = await tableCounts();
    const auditBefore = (await auditRows(clientId)).length;
    const empty = await anna.request('POST', `/api/v1/clients/${clientId}/consents`, { recipientKind: 'buurman', validFrom: 'morgen', givenHow: 'telepathisch' });
    expect(empty.statusCode).toBe(400);
    expect((empty.json().invalidParams as { name: string }[]).map((f) => f.name).sort()).toEqual(['dataShared', 'givenHow', 'purpose', 'recipientKind', 'recipientName', 'validFrom']);
    const backwards = await anna.request('POST', `/api/v1/clients/${clientId}/consents`, consentBody({ validUntil: addDays(today, -1) }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().invalidParams).toEqual([{ name: 'validUntil', reason: 'De einddatum ligt vóór de ingangsdatum' }]);
    const beforeBirth = await anna.request('POST', `/api/v1/clients/${clientId}/consents`, consentBody({ validFrom: '1970-03-31' }));
    expect(beforeBirth.statusCode).toBe(400);
    expect(beforeBirth.json().invalidParams).toEqual([{ name: 'validFrom', reason: 'De ingangsdatum ligt vóór de geboortedatum van de cliënt' }]);
    const farAhead = await anna.request('POST', `/api/v1/clients/${clientId}/consents`, consentBody({ validFrom: addDays(today, 400) }));
    expect(farAhead.statusCode).toBe(400);
    expect(await tableCounts()).toEqual(before);
    expect(await auditRows(clientId)).toHaveLength(auditBefore);
  });

  it('withdraws a consent once, refusing a stale version and a date before the start; it stays in the register', async () => {
    const created = await anna.post<Consent>(`/api/v1/clients/${clientId}/consents`, consentBody({ recipientKind: 'ggz', recipientName: 'Altrecht', validFrom: addDays(today, -30) }));
    const early = await anna.request('POST', `/api/v1/consents/${created.id}/withdraw`, { withdrawnOn: addDays(today, -31), version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().invalidParams[0].reason).toMatch(/vóór de ingangsdatum/);
    const future = await anna.request('POST', `/api/v1/consents/${created.id}/withdraw`, { withdrawnOn: addDays(today, 1), version: 1 });
    expect(future.statusCode).toBe(400);

    const withdrawn = await anna.post<Consent>(`/api/v1/consents/${created.id}/withdraw`, { withdrawnOn: today, note: 'Cliënt belde: wil niet meer dat wij met Altrecht overleggen.', version: 1 });
    expect(withdrawn).toMatchObject({ state: 'ingetrokken', withdrawnOn: today, withdrawnByName: 'Anna Aalders', withdrawalNote: 'Cliënt belde: wil niet meer dat wij met Altrecht overleggen.', version: 2 });
    const stale = await anna.request('POST', `/api/v1/consents/${created.id}/withdraw`, { withdrawnOn: today, version: 1 });
    expect(stale.statusCode).toBe(409);
    const twice = await anna.request('POST', `/api/v1/consents/${created.id}/withdraw`, { withdrawnOn: today, version: 2 });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().detail).toBe('Deze toestemming is al ingetrokken');

    const list = await anna.get<ClientConsents>(`/api/v1/clients/${clientId}/consents`);
    expect(list.consents.find((c) => c.id === created.id)).toMatchObject({ state: 'ingetrokken', version: 2 });
    const update = (await auditRows(clientId)).filter((r) => r.entityId === created.id && r.action === 'update');
    expect(update).toHaveLength(1);
    expect(update[0]!.changes).toMatchObject({ from: { withdrawnOn: null }, to: { withdrawnOn: today } });
  });
});

describe('disclosures', () => {
  it('records a disclosure on an active consent, listed with the consent it relied on and logged as disclose', async () => {
    const gp = await anna.post<Consent>(`/api/v1/clients/${clientId}/consents`, consentBody({ recipientName: 'Huisarts De Vries' }));
    const made = await anna.post<Disclosure>(`/api/v1/clients/${clientId}/disclosures`, {
      recipient: 'Huisarts De Vries',
      dataShared: 'Het krachtplan, deel gezondheid',
      ground: 'toestemming',
      consentId: gp.id,
      disclosedOn: today,
      caseId,
    });
    expect(made).toMatchObject({ ground: 'toestemming', caseId, consent: { id: gp.id, recipientName: 'Huisarts De Vries' }, reasoning: null, recordedByName: 'Anna Aalders' });
    const list = await anna.get<ClientConsents>(`/api/v1/clients/${clientId}/consents`);
    expect(list.disclosures.map((d) => d.id)).toEqual([made.id]);
    const rows = (await auditRows(clientId)).filter((r) => r.action === 'disclose');
    expect(rows).toEqual([expect.objectContaining({ entityType: 'disclosure', entityId: made.id, changes: expect.objectContaining({ ground: 'toestemming', to: expect.objectContaining({ consentId: gp.id, recipient: 'Huisarts De Vries' }) }) })]);
  });

  it('refuses a consent that was withdrawn, expired or not yet in force on the day, or of another client', async () => {
    const withdrawnConsent = await anna.post<Consent>(`/api/v1/clients/${clientId}/consents`, consentBody({ recipientName: 'Buurtzorg', recipientKind: 'zorgaanbieder', validFrom: addDays(today, -20) }));
    await anna.post(`/api/v1/consents/${withdrawnConsent.id}/withdraw`, { withdrawnOn: addDays(today, -5), version: 1 });
    const expired = await anna.post<Consent>(`/api/v1/clients/${clientId}/consents`, consentBody({ recipientName: 'UWV', recipientKind: 'werkgever_uwv', validFrom: '2025-01-01', validUntil: '2025-06-30' }));
    const later = await anna.post<Consent>(`/api/v1/clients/${clientId}/consents`, consentBody({ recipientName: 'School', recipientKind: 'school', validFrom: addDays(today, 3) }));
    const ofOther = await anna.post<Consent>(`/api/v1/clients/${otherClientId}/consents`, consentBody());
    const before = await tableCounts();
    const disclosuresBefore = (await auditRows(clientId)).filter((r) => r.action === 'disclose').length;

    const attempt = (consentId: string | undefined, disclosedOn = today) =>
      anna.request('POST', `/api/v1/clients/${clientId}/disclosures`, { recipient: 'X', dataShared: 'Y', ground: 'toestemming', consentId, disclosedOn });
    const cases: [string | undefined, string, RegExp][] = [
      [withdrawnConsent.id, today, /ingetrokken/],
      [expired.id, today, /verlopen/],
      [later.id, today, /nog niet ingegaan/],
      [ofOther.id, today, /van deze cliënt/],
      ['00000000-0000-4000-8000-000000000000', today, /van deze cliënt/],
      [undefined, today, /Kies de toestemming/],
    ];
    for (const [id, on, message] of cases) {
      const response = await attempt(id, on);
      expect(response.statusCode, String(message)).toBe(400);
      expect(response.json().invalidParams).toEqual([{ name: 'consentId', reason: expect.stringMatching(message) }]);
    }
    expect(await tableCounts()).toEqual(before);
    expect((await auditRows(clientId)).filter((r) => r.action === 'disclose')).toHaveLength(disclosuresBefore);

    // A disclosure made while the consent held is recorded even when it is entered later.
    expect((await attempt(withdrawnConsent.id, addDays(today, -6))).statusCode).toBe(201);
    expect((await attempt(expired.id, '2025-03-01')).statusCode).toBe(201);
  });

  it('needs a reasoning for every ground but consent, and refuses a future date or a case of another client', async () => {
    const base = { recipient: 'Veilig Thuis Utrecht', dataShared: 'Signalen van huiselijk geweld', disclosedOn: today };
    const before = await tableCounts();
    for (const ground of ['wettelijke_plicht', 'meldrecht', 'conflict_van_plichten']) {
      const short = await anna.request('POST', `/api/v1/clients/${clientId}/disclosures`, { ...base, ground, reasoning: 'Zorgen' });
      expect(short.statusCode, ground).toBe(400);
      expect(short.json().invalidParams.map((f: { name: string }) => f.name)).toEqual(['reasoning']);
    }
    const future = await anna.request('POST', `/api/v1/clients/${clientId}/disclosures`, { ...base, ground: 'meldrecht', reasoning: REASONING, disclosedOn: addDays(today, 1) });
    expect(future.statusCode).toBe(400);
    const wrongCase = await anna.request('POST', `/api/v1/clients/${clientId}/disclosures`, { ...base, ground: 'meldrecht', reasoning: REASONING, caseId: otherCaseId });
    expect(wrongCase.statusCode).toBe(400);
    expect(wrongCase.json().invalidParams).toEqual([{ name: 'caseId', reason: 'Kies een casus van deze cliënt' }]);
    const unknownGround = await anna.request('POST', `/api/v1/clients/${clientId}/disclosures`, { ...base, ground: 'nieuwsgierigheid', reasoning: REASONING });
    expect(unknownGround.statusCode).toBe(400);
    expect(await tableCounts()).toEqual(before);

    const reported = await anna.post<Disclosure>(`/api/v1/clients/${clientId}/disclosures`, { ...base, ground: 'meldrecht', reasoning: REASONING, caseId });
    expect(reported).toMatchObject({ ground: 'meldrecht', reasoning: REASONING, consent: null, caseId });
    const row = (await auditRows(clientId)).find((r) => r.entityId === reported.id)!;
    expect(row).toMatchObject({ action: 'disclose', changes: { ground: 'meldrecht' } });
  });
});

describe('access', () => {
  it('answers 404 to another team and to roles without client data, and changes nothing', async () => {
    const own = await anna.post<Consent>(`/api/v1/clients/${clientId}/consents`, consentBody({ recipientName: 'Schuldhulp Utrecht', recipientKind: 'schuldhulpverlening' }));
    const before = await tableCounts();
    for (const user of ['workerB', 'quality', 'analyst', 'admin'] as const) {
      const session = await t.login(user);
      expect((await session.request('GET', `/api/v1/clients/${clientId}/consents`)).statusCode, user).toBe(404);
      expect((await session.request('POST', `/api/v1/clients/${clientId}/consents`, consentBody())).statusCode, user).toBe(404);
      expect((await session.request('POST', `/api/v1/consents/${own.id}/withdraw`, { withdrawnOn: today, version: 1 })).statusCode, user).toBe(404);
      expect((await session.request('POST', `/api/v1/clients/${clientId}/disclosures`, { recipient: 'X', dataShared: 'Y', ground: 'meldrecht', reasoning: REASONING, disclosedOn: today })).statusCode, user).toBe(404);
    }
    expect(await tableCounts()).toEqual(before);
    // A colleague in the same team sees the register.
    const ahmed = await t.login('workerA2');
    expect((await ahmed.get<ClientConsents>(`/api/v1/clients/${clientId}/consents`)).consents.map((c) => c.id)).toContain(own.id);
    const stillActive = await t.database.db.select().from(consents).where(and(eq(consents.id, own.id)));
    expect(stillActive[0]!.withdrawnOn).toBeNull();
  });
});
