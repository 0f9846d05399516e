// The client's access log (NEN 7513) over HTTP: readable rows with role and team, only for
// kwaliteit and the case's workers, never a changed value, and reading it is logged too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { openCase } from '../support/open-case';
import type { ClientDetail } from '../../src/server/modules/clients/clients.schemas';
import type { AccessLogEntry, AccessLogPage } from '../../src/server/modules/access-log/access-log.schemas';
import { ACCESS_LOG_PAGE_SIZE } from '../../src/server/modules/access-log/access-log.schemas';
import { writeAudit } from '../../src/server/audit/audit.writer';
import { clients, users } from '../../src/server/db/schema';
import { TEST_USERS } from '../support/fixtures';
import { todayInNetherlands } from '../../src/server/lib/dates';

let t: TestApp;
let anna: Session;
let client: ClientDetail;
let caseId = '';
const today = todayInNetherlands();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const log = (session: Session, clientId = client.id, page = 1) => session.get<AccessLogPage>(`/api/v1/clients/${clientId}/access-log?page=${page}`);
const find = (entries: AccessLogEntry[], who: string, what: string) => entries.filter((e) => e.who === who && e.what === what);

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
  const opened = await openCase(anna, {
    client: { firstName: 'Wilma', lastName: 'Oudenaam', birthDate: '1971-02-03', street: 'Geheimstraat', houseNumber: '7', postcode: '3562 AB', city: 'Utrecht' },
    question: 'Hulp bij post',
  });
  caseId = opened.caseId;
  client = await anna.get<ClientDetail>(`/api/v1/clients/${opened.clientId}`);
  await anna.get(`/api/v1/cases/${caseId}/contacts`);
  client = await anna.put<ClientDetail>(`/api/v1/clients/${client.id}`, { ...client, lastName: 'Nieuwenaam', street: 'Verhuisdlaan', version: client.version });
});
afterAll(async () => t.close());

describe('the access log', () => {
  it("shows the case worker's reads and changes, newest first, with role and team, without values", async () => {
    const response = await anna.request('GET', `/api/v1/clients/${client.id}/access-log`);
    expect(response.statusCode).toBe(200);
    const page = response.json() as AccessLogPage;
    expect(page).toMatchObject({ page: 1, pageSize: ACCESS_LOG_PAGE_SIZE });
    expect(page.total).toBe(page.entries.length);
    const whats = page.entries.map((e) => e.what);
    for (const what of ['wijzigde de persoonsgegevens (achternaam, adres)', 'bekeek het contactjournaal', 'bekeek de persoonsgegevens', 'schreef de cliënt in']) expect(whats).toContain(what);
    // Newest first: the change comes before the read of the journal, which comes before the client read.
    expect(whats.indexOf('wijzigde de persoonsgegevens (achternaam, adres)')).toBeLessThan(whats.indexOf('bekeek het contactjournaal'));
    expect(whats.indexOf('bekeek het contactjournaal')).toBeLessThan(whats.indexOf('bekeek de persoonsgegevens'));
    const change = find(page.entries, 'Anna Aalders', 'wijzigde de persoonsgegevens (achternaam, adres)')[0]!;
    expect(change).toMatchObject({ role: 'Buurtteammedewerker', team: 'Overvecht Centrum', outcome: 'gelukt', emergency: false, onBehalfOf: null });
    const times = page.entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    // Field names only: neither the old nor the new values of the change, nor any other value.
    for (const value of ['Oudenaam', 'Nieuwenaam', 'Geheimstraat', 'Verhuisdlaan', '3562', 'Hulp bij post']) expect(response.body).not.toContain(value);
  });

  it('logs the read of the log itself, and shows it to kwaliteit', async () => {
    await log(anna);
    const quality = await t.login('quality');
    const page = await log(quality);
    expect(find(page.entries, 'Anna Aalders', 'bekeek het overzicht van wie het dossier inzag').length).toBeGreaterThanOrEqual(2);
    // Kwaliteit's own read is logged as well, with its role and no team.
    const again = await log(anna);
    expect(find(again.entries, 'Karin Kwak', 'bekeek het overzicht van wie het dossier inzag')[0]).toMatchObject({ role: 'Kwaliteit & privacy', team: null });
    expect((await quality.request('GET', `/api/v1/clients/${UNKNOWN}/access-log`)).statusCode).toBe(404);
  });

  it("answers 404 to a colleague who is not the case's worker, also after writing in the journal, and opens once they lead the case", async () => {
    const ahmed = await t.login('workerA2');
    // Ahmed sees the client (same team), but is not one of the case's workers.
    expect((await ahmed.request('GET', `/api/v1/clients/${client.id}`)).statusCode).toBe(200);
    const refused = await ahmed.request('GET', `/api/v1/clients/${client.id}/access-log`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('Anna');
    // The client page asks for the log to learn whether to show it: a refusal is not a read of the log.
    expect(find((await log(anna)).entries, 'Ahmed Amrani', 'bekeek het overzicht van wie het dossier inzag')).toEqual([]);

    // Writing in the journal does not make a colleague the case's worker; becoming its lead worker does.
    await ahmed.post(`/api/v1/cases/${caseId}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Waargenomen voor Anna' });
    expect((await ahmed.request('GET', `/api/v1/clients/${client.id}/access-log`)).statusCode).toBe(404);
    const current = await anna.get<{ teamId: string; version: number }>(`/api/v1/cases/${caseId}`);
    const workers = await anna.get<{ id: string; name: string }[]>(`/api/v1/teams/${current.teamId}/workers`);
    await anna.put(`/api/v1/cases/${caseId}/lead-worker`, { leadWorkerId: workers.find((w) => w.name === 'Ahmed Amrani')!.id, version: current.version });
    expect((await ahmed.request('GET', `/api/v1/clients/${client.id}/access-log`)).statusCode).toBe(200);
    // Back to Anna for the tests below.
    const handed = await anna.get<{ version: number }>(`/api/v1/cases/${caseId}`);
    await anna.put(`/api/v1/cases/${caseId}/lead-worker`, { leadWorkerId: workers.find((w) => w.name === 'Anna Aalders')!.id, version: handed.version });
  });

  it('answers 404 to the team leader who is no case worker, another team, the analyst and the administrator', async () => {
    for (const user of ['leadA', 'workerB', 'analyst', 'admin'] as const) {
      const session = await t.login(user);
      expect((await session.request('GET', `/api/v1/clients/${client.id}/access-log`)).statusCode, user).toBe(404);
    }
    const bram = await t.login('workerB');
    expect((await bram.request('GET', `/api/v1/clients/${UNKNOWN}/access-log`)).statusCode).toBe(404);
  });

  it('logs a print of the krachtplan for the case workers only', async () => {
    expect((await anna.request('POST', `/api/v1/cases/${caseId}/plan/print`, {})).statusCode).toBe(204);
    expect(find((await log(anna)).entries, 'Anna Aalders', 'drukte het krachtplan af')).toHaveLength(1);
    const bram = await t.login('workerB');
    expect((await bram.request('POST', `/api/v1/cases/${caseId}/plan/print`, {})).statusCode).toBe(404);
    expect(find((await log(anna)).entries, 'Bram Bakker', 'drukte het krachtplan af')).toHaveLength(0);
  });

  it('shows command-line work as the system and marks emergency access', async () => {
    const [row] = await t.database.db.select({ organisationId: clients.organisationId }).from(clients).where(eq(clients.id, client.id));
    const organisationId = row!.organisationId;
    await writeAudit(t.database.db, { organisationId, userId: null }, { action: 'update', entityType: 'client', entityId: client.id, clientId: client.id, changes: { from: { phone: '0612345678' }, to: { phone: '0687654321' } } });
    const [annaRow] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, TEST_USERS.workerA.email));
    // Anna holding a break-the-glass access for this client: her reads are marked as emergency access.
    await writeAudit(t.database.db, { organisationId, userId: annaRow!.id, role: 'medewerker', teamId: null, emergencyClientIds: [client.id] }, { action: 'read', entityType: 'case', entityId: caseId, clientId: client.id });
    const page = await log(anna);
    const system = find(page.entries, 'systeem (opdrachtregel)', 'wijzigde de persoonsgegevens (telefoonnummer)');
    expect(system[0]).toMatchObject({ role: null, team: null, onBehalfOf: 'opdrachtregel', outcome: 'gelukt' });
    expect(JSON.stringify(page)).not.toContain('0612345678');
    expect(page.entries.filter((e) => e.emergency).map((e) => e.what)).toEqual(['bekeek de casus']);
  });

  it('pages through the log and refuses a page number that is not one', async () => {
    const first = await log(anna);
    const pages = Math.ceil(first.total / ACCESS_LOG_PAGE_SIZE);
    const beyond = await log(anna, client.id, pages + 1);
    expect(beyond.entries).toEqual([]);
    expect(beyond.total).toBeGreaterThan(first.total);
    expect((await anna.request('GET', `/api/v1/clients/${client.id}/access-log?page=0`)).statusCode).toBe(400);
    expect((await anna.request('GET', `/api/v1/clients/${client.id}/access-log?page=twee`)).statusCode).toBe(400);
  });
});
