// Need-to-know when a client is shared across teams (issue 11): a worker of another team finds a
// client with the duplicate check and may use them only through an explicit attach (exact
// identification and a reason), never by a bare id, not even after breaking the glass. The attach
// is logged and reviewed by kwaliteit; it opens the client's master data for reading, never the other
// team's file, and the master data for writing only once kwaliteit judged it justified (or when no
// other team held the client). Consents and disclosures are the recording team's. The duplicate
// check shows another team's client only as far as needed to recognise them, and it shares a
// per-user limit with the break-the-glass search.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, clients, consents, disclosures, users } from '../../src/server/db/schema';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import type { AttachmentReviewItem } from '../../src/server/modules/attachments/attachments.schemas';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { ClientDetail, DuplicateMatch } from '../../src/server/modules/clients/clients.schemas';
import type { ClientConsents } from '../../src/server/modules/consents/consents.schemas';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { changedTables, fingerprint } from '../support/db-fingerprint';
import { openCase } from '../support/open-case';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let bram: Session; // team B, holds the clients
let anna: Session; // team A
let ahmed: Session; // team A, breaks the glass
let quality: Session;
const today = todayInNetherlands();

const SHARED = { firstName: 'Saskia', lastName: 'Gedeeld', birthDate: '1980-02-02', bsn: '999993653', postcode: '3555 AB', street: 'Geheimstraat', houseNumber: '7' };
const HOUSEHOLD = { firstName: 'Quinten', lastName: 'Huisgenoot', birthDate: '2001-09-09', bsn: '999995017' };
const CONSENT_NAME = 'Huisartsenpraktijk Zuilen-Geheim';
const DISCLOSURE_REASONING = 'Acuut gevaar volgens de meldcode; Veilig Thuis adviseerde te melden.';
const REASON = 'Zij meldt zich bij ons met een nieuwe vraag over schulden';

let shared: { clientId: string; caseId: string; contactId: string };
let householdClientId = '';
let annaCase: { id: string; version: number };

async function register(session: Session, client: Record<string, unknown>, question = 'Vraag') {
  return session.post<Registration>('/api/v1/registrations', { client, registeredOn: today, referrerCode: 'zelfmelder', question });
}

async function count(table: string, where = sql`true`): Promise<number> {
  const result = await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

const registrationBody = (over: Record<string, unknown>) => ({ registeredOn: today, referrerCode: 'zelfmelder', question: 'Hulp bij schulden', ...over });

beforeAll(async () => {
  t = await createTestApp();
  bram = await t.login('workerB');
  anna = await t.login('workerA');
  ahmed = await t.login('workerA2');
  quality = await t.login('quality');

  // Team B's client with a whole file: case, journal, plan, ZRM, a consent and a disclosure.
  const { clientId, caseId } = await openCase(bram, { client: SHARED, question: 'Vertrouwelijke vraag van team B' });
  const contact = await bram.post<{ id: string }>(`/api/v1/cases/${caseId}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Geheim gesprek van team B' });
  await bram.put(`/api/v1/cases/${caseId}/plan`, { content: { domains: [{ domain: 'financien', goal: 'Geheim doel van team B' }], reciprocity: 'Geheim plan van team B' }, baseVersion: 0 });
  await bram.post(`/api/v1/cases/${caseId}/zrm`, { clientId, assessedOn: today, type: 'nul', scores: { financien: 2 } });
  await bram.post(`/api/v1/clients/${clientId}/consents`, { recipientKind: 'huisarts', recipientName: CONSENT_NAME, dataShared: 'Medicatie', purpose: 'Afstemming', validFrom: today, givenHow: 'mondeling' });
  await bram.post(`/api/v1/clients/${clientId}/disclosures`, { recipient: 'Veilig Thuis', dataShared: 'Zorgen', ground: 'meldrecht', reasoning: DISCLOSURE_REASONING, disclosedOn: today, caseId });
  shared = { clientId, caseId, contactId: contact.id };

  householdClientId = (await register(bram, HOUSEHOLD)).client.id;

  // Team A's own case, to add a household member to.
  annaCase = { id: (await openCase(anna, { client: { firstName: 'Ankie', lastName: 'Eigenteam', birthDate: '1975-05-05' } })).caseId, version: 1 };
});
afterAll(async () => t.close());

async function caseVersion(session: Session, caseId: string) {
  return (await session.get<CaseDetail>(`/api/v1/cases/${caseId}`)).version;
}

describe('a client of another team, by a bare id', () => {
  it('cannot be used in a new registration or a household, and nothing changes', async () => {
    const before = await fingerprint(t.database.db);
    const registration = await anna.request('POST', '/api/v1/registrations', registrationBody({ clientId: shared.clientId }));
    expect(registration.statusCode).toBe(404);
    const household = await anna.request('POST', `/api/v1/cases/${annaCase.id}/household`, { clientId: householdClientId, version: await caseVersion(anna, annaCase.id) });
    expect(household.statusCode).toBe(404);
    expect(changedTables(before, await fingerprint(t.database.db))).toEqual([]);
    expect((await anna.request('GET', `/api/v1/clients/${shared.clientId}`)).statusCode).toBe(404);
  });

  it('cannot be used after breaking the glass either: the emergency access reads, never links or writes', async () => {
    await ahmed.post('/api/v1/emergency-access', { clientId: shared.clientId, reason: 'Crisismelding in het weekend, team Zuilen is onbereikbaar' });
    ahmed = await t.login('workerA2'); // the session loads the access
    expect((await ahmed.request('GET', `/api/v1/clients/${shared.clientId}`)).statusCode).toBe(200);
    const before = await fingerprint(t.database.db);
    expect((await ahmed.request('POST', '/api/v1/registrations', registrationBody({ clientId: shared.clientId }))).statusCode).toBe(404);
    const detail = await ahmed.get<ClientDetail>(`/api/v1/clients/${shared.clientId}`);
    expect((await ahmed.request('PUT', `/api/v1/clients/${shared.clientId}`, { ...SHARED, phone: '0612345678', version: detail.version })).statusCode).toBe(404);
    expect(changedTables(before, await fingerprint(t.database.db))).toEqual([]);
  });
});

describe('the duplicate check', () => {
  it("shows another team's client without id or birth date, only what recognises the person", async () => {
    const matches = await anna.post<DuplicateMatch[]>('/api/v1/clients/duplicate-check', { firstName: 'Saskia', lastName: 'Gedeeld', birthDate: SHARED.birthDate });
    expect(matches).toEqual([{ kind: 'elsewhere', initials: 'S.', lastName: 'Gedeeld', birthYear: 1980, reason: 'name_birth' }]);
    const body = JSON.stringify(matches);
    for (const secret of [shared.clientId, SHARED.birthDate, SHARED.bsn.slice(-4), SHARED.postcode, SHARED.street]) expect(body).not.toContain(secret);
  });

  it('shows a client of the own team in full, to be used directly', async () => {
    const matches = await bram.post<DuplicateMatch[]>('/api/v1/clients/duplicate-check', { firstName: 'Saskia', lastName: 'Gedeeld', birthDate: SHARED.birthDate });
    expect(matches).toEqual([
      { kind: 'known', id: shared.clientId, firstName: 'Saskia', lastName: 'Gedeeld', birthDate: SHARED.birthDate, postcode: SHARED.postcode, bsnMasked: '*****3653', reason: 'name_birth', similarity: 1, usable: true },
    ]);
  });

  it('shows a client read through break-the-glass in full, but not to be used without an attach', async () => {
    const [match] = await ahmed.post<DuplicateMatch[]>('/api/v1/clients/duplicate-check', { bsn: SHARED.bsn });
    expect(match).toMatchObject({ kind: 'known', id: shared.clientId, usable: false });
  });
});

describe('attaching a client of another team', () => {
  it('is refused without exact identification or a reason, and changes nothing', async () => {
    // Two clients of team B with the same last name and birth date: only the BSN tells them apart.
    await register(bram, { firstName: 'Dirk', lastName: 'Dubbel', birthDate: '1966-06-16' });
    await register(bram, { firstName: 'Daan', lastName: 'Dubbel', birthDate: '1966-06-16' });
    const before = await fingerprint(t.database.db);
    const attempts: [Record<string, unknown>, string, RegExp][] = [
      [{ lastName: SHARED.lastName, birthDate: SHARED.birthDate, reason: 'kort' }, 'attach.reason', /20 tekens/],
      [{ lastName: SHARED.lastName, birthDate: SHARED.birthDate }, 'attach.reason', /reden/i],
      [{ lastName: SHARED.lastName, reason: REASON }, 'attach.birthDate', /geboortedatum/],
      [{ reason: REASON }, 'attach.lastName', /BSN/],
      [{ bsn: '123456781', reason: REASON }, 'attach.bsn', /BSN/],
      [{ lastName: SHARED.lastName, birthDate: '1980-02-03', reason: REASON }, 'attach.lastName', /niet precies één cliënt.*BSN/],
      [{ lastName: 'Gedeel', birthDate: SHARED.birthDate, reason: REASON }, 'attach.lastName', /niet precies één cliënt.*BSN/],
      [{ lastName: 'Dubbel', birthDate: '1966-06-16', reason: REASON }, 'attach.lastName', /niet precies één cliënt.*BSN/],
      [{ bsn: '999990408', reason: REASON }, 'attach.bsn', /niet precies één cliënt/],
    ];
    for (const [attach, path, message] of attempts) {
      const response = await anna.request('POST', '/api/v1/registrations', registrationBody({ attach }));
      expect(response.statusCode, JSON.stringify(attach)).toBe(400);
      expect(response.json().invalidParams, JSON.stringify(attach)).toEqual(expect.arrayContaining([{ name: path, reason: expect.stringMatching(message) }]));
    }
    // An id beside the identification is not how a client is chosen.
    expect((await anna.request('POST', '/api/v1/registrations', registrationBody({ clientId: shared.clientId, attach: { bsn: SHARED.bsn, reason: REASON } }))).statusCode).toBe(400);
    expect(changedTables(before, await fingerprint(t.database.db))).toEqual([]);
  });

  it('with them registers the question, logs the attach (marked emergency under break-the-glass) and puts it up for review', async () => {
    const registration = await ahmed.post<Registration>('/api/v1/registrations', registrationBody({ attach: { lastName: 'gedeeld', birthDate: SHARED.birthDate, reason: REASON } }));
    expect(registration.client.id).toBe(shared.clientId);
    const [row] = await t.database.db
      .select({ action: auditLog.action, entityType: auditLog.entityType, emergency: auditLog.emergency, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attach'), eq(auditLog.clientId, shared.clientId)));
    expect(row).toMatchObject({ entityType: 'client', emergency: true, changes: { identifiedBy: 'name_birth_date', reason: REASON, registrationId: registration.id, heldElsewhere: true } });
    expect(JSON.stringify(row)).not.toContain(SHARED.bsn);

    const items = await quality.get<AttachmentReviewItem[]>('/api/v1/attachments');
    const item = items.find((i) => i.registrationId === registration.id)!;
    expect(item).toMatchObject({ userName: 'Ahmed Amrani', teamName: 'Overvecht Centrum', clientTeams: ['Overvecht Centrum', 'Zuilen'], identifiedBy: 'name_birth_date', reason: REASON, heldElsewhere: true, reviewOutcome: null });
    expect(item.actions).toBeGreaterThanOrEqual(2);
    // kwaliteit reviews the conduct, not the person: no name, no birth date.
    expect(JSON.stringify(items)).not.toContain('Gedeeld');
    expect(JSON.stringify(items)).not.toContain(SHARED.birthDate);
    // The workers themselves cannot see or judge the attachments.
    expect((await anna.request('GET', '/api/v1/attachments')).statusCode).toBe(404);
  });

  it("opens the master data for reading, and nothing of the other team's file", async () => {
    const detail = await anna.get<ClientDetail>(`/api/v1/clients/${shared.clientId}`);
    expect(detail).toMatchObject({ street: SHARED.street, postcode: SHARED.postcode, mayWrite: false, attachNotJustified: true, emergencyUntil: null });
    expect(detail.cases).toEqual([]);
    for (const url of [`/api/v1/cases/${shared.caseId}`, `/api/v1/cases/${shared.caseId}/contacts`, `/api/v1/cases/${shared.caseId}/plan`, `/api/v1/cases/${shared.caseId}/zrm`, `/api/v1/contacts/${shared.contactId}/versions`]) {
      expect((await anna.request('GET', url)).statusCode, url).toBe(404);
    }
    const zrm = await anna.get<{ domains: { points: unknown[] }[] }>(`/api/v1/clients/${shared.clientId}/zrm`);
    expect(zrm.domains.flatMap((d) => d.points)).toEqual([]);
    const register_ = await anna.get<ClientConsents>(`/api/v1/clients/${shared.clientId}/consents`);
    expect(register_).toEqual({ consents: [], disclosures: [] });
    const file = (await anna.request('GET', `/api/v1/clients/${shared.clientId}/file`)).body;
    for (const secret of [shared.caseId, CONSENT_NAME, DISCLOSURE_REASONING, 'Geheim gesprek', 'Vertrouwelijke vraag van team B']) expect(file).not.toContain(secret);
  });

  it('keeps the master data closed for writing until kwaliteit judges the attach justified', async () => {
    const put = async () => {
      const version = (await anna.get<ClientDetail>(`/api/v1/clients/${shared.clientId}`)).version;
      return anna.request('PUT', `/api/v1/clients/${shared.clientId}`, { ...SHARED, phone: '0301234567', version });
    };
    expect((await put()).statusCode).toBe(404);
    const item = (await quality.get<AttachmentReviewItem[]>('/api/v1/attachments')).find((i) => i.clientId === shared.clientId)!;
    const vague = await quality.request('POST', `/api/v1/attachments/${item.id}/review`, { outcome: 'onterecht', note: '', version: item.version });
    expect(vague.statusCode).toBe(400);
    await quality.post(`/api/v1/attachments/${item.id}/review`, { outcome: 'onterecht', note: 'Besproken met de teamleider: geen reden om te koppelen', version: item.version });
    expect((await put()).statusCode).toBe(404);
    const stale = await quality.request('POST', `/api/v1/attachments/${item.id}/review`, { outcome: 'terecht', note: '', version: item.version });
    expect(stale.statusCode).toBe(409);
    await quality.post(`/api/v1/attachments/${item.id}/review`, { outcome: 'terecht', note: 'Toch terecht: de vraag kwam bij team Overvecht binnen', version: item.version + 1 });
    expect(await anna.get<ClientDetail>(`/api/v1/clients/${shared.clientId}`)).toMatchObject({ mayWrite: true, attachNotJustified: false });
    expect((await put()).statusCode).toBe(200);
    expect((await anna.get<ClientDetail>(`/api/v1/clients/${shared.clientId}`)).cases).toEqual([]);
    expect((await anna.request('GET', `/api/v1/cases/${shared.caseId}`)).statusCode).toBe(404);
  });

  it('adds a client of another team to a household through an attach by BSN', async () => {
    const version = await caseVersion(anna, annaCase.id);
    const detail = await anna.post<CaseDetail>(`/api/v1/cases/${annaCase.id}/household`, { attach: { bsn: HOUSEHOLD.bsn, reason: 'Hij woont sinds kort bij haar in huis en hoort bij de vraag' }, version });
    expect(detail.household.map((m) => m.clientId)).toContain(householdClientId);
    const [row] = await t.database.db.execute(sql`select case_id, registration_id, identified_by, held_elsewhere from client_attachments where client_id = ${householdClientId}`).then((r) => (r as unknown as { rows: Record<string, unknown>[] }).rows);
    expect(row).toEqual({ case_id: annaCase.id, registration_id: null, identified_by: 'bsn', held_elsewhere: true });
    const member = await anna.get<ClientDetail>(`/api/v1/clients/${householdClientId}`);
    expect(member.mayWrite).toBe(false);
    expect((await anna.request('PUT', `/api/v1/clients/${householdClientId}`, { ...HOUSEHOLD, version: member.version })).statusCode).toBe(404);
  });

  it('needs no review before writing when no other team holds the client', async () => {
    const organisationId = (await findOrganisationId(t.database.db))!;
    const [loose] = await t.database.db.insert(clients).values({ organisationId, firstName: 'Los', lastName: 'Zonderteam', birthDate: '1950-01-01' }).returning({ id: clients.id });
    await anna.post('/api/v1/registrations', registrationBody({ attach: { lastName: 'Zonderteam', birthDate: '1950-01-01', reason: 'Eerder ingeschreven, nooit door een team geholpen' } }));
    const detail = await anna.get<ClientDetail>(`/api/v1/clients/${loose!.id}`);
    expect(detail.mayWrite).toBe(true);
    expect((await anna.request('PUT', `/api/v1/clients/${loose!.id}`, { firstName: 'Los', lastName: 'Zonderteam', birthDate: '1950-01-01', phone: '0307654321', version: detail.version })).statusCode).toBe(200);
    const item = (await quality.get<AttachmentReviewItem[]>('/api/v1/attachments?status=alle')).find((i) => i.clientId === loose!.id)!;
    expect(item).toMatchObject({ heldElsewhere: false, clientTeams: ['Overvecht Centrum'] });
  });
});

describe('consents and disclosures of a shared client', () => {
  it("are the recording team's: each team sees its own, break-the-glass sees them all", async () => {
    await anna.post(`/api/v1/clients/${shared.clientId}/consents`, { recipientKind: 'woningcorporatie', recipientName: 'Mitros Overvecht', dataShared: 'Adres', purpose: 'Betalingsregeling', validFrom: today, givenHow: 'schriftelijk' });
    const [teamB] = await t.database.db.select({ teamId: users.teamId }).from(users).where(eq(users.email, 'worker.b@test.nl'));
    const ofA = await anna.get<ClientConsents>(`/api/v1/clients/${shared.clientId}/consents`);
    expect(ofA.consents.map((c) => c.recipientName)).toEqual(['Mitros Overvecht']);
    expect(ofA.disclosures).toEqual([]);
    const ofB = await bram.get<ClientConsents>(`/api/v1/clients/${shared.clientId}/consents`);
    expect(ofB.consents.map((c) => c.recipientName)).toEqual([CONSENT_NAME]);
    expect(ofB.disclosures.map((d) => d.reasoning)).toEqual([DISCLOSURE_REASONING]);
    const rows = await t.database.db.select({ teamId: consents.teamId }).from(consents).where(eq(consents.clientId, shared.clientId));
    expect(rows.map((r) => r.teamId)).toContain(teamB!.teamId);
    expect((await t.database.db.select({ teamId: disclosures.teamId }).from(disclosures).where(eq(disclosures.clientId, shared.clientId))).map((r) => r.teamId)).toEqual([teamB!.teamId]);

    // Team A cannot rely on, nor withdraw, team B's consent.
    const consentOfB = ofB.consents[0]!;
    expect((await anna.request('POST', `/api/v1/consents/${consentOfB.id}/withdraw`, { withdrawnOn: today, version: consentOfB.version })).statusCode).toBe(404);
    const relied = await anna.request('POST', `/api/v1/clients/${shared.clientId}/disclosures`, { recipient: 'Huisarts', dataShared: 'Medicatie', ground: 'toestemming', consentId: consentOfB.id, disclosedOn: today });
    expect(relied.statusCode).toBe(400);
    expect(relied.json().invalidParams).toEqual([{ name: 'consentId', reason: expect.stringMatching(/van deze cliënt/) }]);

    await quality.post('/api/v1/emergency-access', { clientId: shared.clientId, reason: 'Klacht van de cliënt over het delen van haar gegevens' });
    quality = await t.login('quality');
    const all = await quality.get<ClientConsents>(`/api/v1/clients/${shared.clientId}/consents`);
    expect(all.consents.map((c) => c.recipientName).sort()).toEqual([CONSENT_NAME, 'Mitros Overvecht'].sort());
    expect(all.disclosures).toHaveLength(1);
  });
});

describe('the per-user limit on organisation-wide look-ups', () => {
  it('answers the 31st look-up in ten minutes with 429, a Dutch message and Retry-After; the break-the-glass search shares it', async () => {
    const lead = await t.login('leadA');
    for (let i = 0; i < 30; i++) {
      const ok = await lead.request('POST', '/api/v1/clients/duplicate-check', { firstName: 'Iemand', lastName: `Zoeker${i}`, birthDate: '1990-01-01' });
      expect(ok.statusCode, `check ${i + 1}`).toBe(200);
    }
    const refused = await lead.request('POST', '/api/v1/clients/duplicate-check', { firstName: 'Iemand', lastName: 'Zoeker', birthDate: '1990-01-01' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'tooManyRequests', detail: expect.stringMatching(/Probeer het over \d+ minuten? opnieuw/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await lead.request('POST', '/api/v1/emergency-access/search', { bsn: SHARED.bsn })).statusCode).toBe(429);
    expect((await lead.request('POST', '/api/v1/registrations', registrationBody({ attach: { bsn: SHARED.bsn, reason: REASON } }))).statusCode).toBe(429);
    // Another user has a budget of their own.
    expect((await anna.request('POST', '/api/v1/clients/duplicate-check', { firstName: 'Iemand', lastName: 'Zoeker', birthDate: '1990-01-01' })).statusCode).toBe(200);
  });
});

describe('the counts', () => {
  it('made one attachment row per attach', async () => {
    expect(await count('client_attachments')).toBe(3);
  });
});
