// Break the glass over HTTP: a worker of another team and kwaliteit find a client by exact
// identification, open it with a reason, read it (never write), the access expires, every step is
// logged (emergency rows) and kwaliteit reviews it.
import { auditAfterAnswerSettled } from '../../src/server/audit/after-answer';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emergencyAccess } from '../../src/server/db/schema';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { ClientDetail } from '../../src/server/modules/clients/clients.schemas';
import type { EmergencyGrant, EmergencyMatch, EmergencyReviewItem } from '../../src/server/modules/emergency/emergency.schemas';
import { openCase } from '../support/open-case';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { dutchDateTime } from '../../src/server/lib/dutch-dates';

let t: TestApp;
let owner: Session;
let stranger: Session;
let quality: Session;
const today = todayInNetherlands();
const BSN = '999992077';
let clientId = '';
let caseId = '';

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.login('workerA');
  stranger = await t.login('workerB');
  quality = await t.login('quality');
  ({ clientId, caseId } = await openCase(owner, { client: { firstName: 'Noor', lastName: 'Nood', birthDate: '1975-04-04', bsn: BSN } }));
});
afterAll(async () => t.close());

async function auditRows(actorEmail: string) {
  const rows = await t.database.db.execute(sql`select a.action, a.entity_type, a.client_id, a.emergency, a.outcome, a.actor_role from ${auditLog} a
    join users u on u.organisation_id = a.organisation_id and u.id = a.actor_id where u.email = ${actorEmail} order by a.at, a.id`);
  return (rows as unknown as { rows: { action: string; entity_type: string; client_id: string | null; emergency: boolean; outcome: string; actor_role: string }[] }).rows;
}

describe('break the glass', () => {
  it('hides the client from another team, and logs the refused look', async () => {
    expect((await stranger.request('GET', `/api/v1/clients/${clientId}`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    await auditAfterAnswerSettled(); // refused looks are logged after the answer
    const denied = (await auditRows('worker.b@test.nl')).filter((r) => r.outcome === 'denied');
    expect(denied.map((r) => r.entity_type).sort()).toEqual(['case', 'client']);
    expect(denied.every((r) => r.client_id === clientId)).toBe(true);
  });

  it('finds a person only by exact BSN or last name with birth date, and logs no search term', async () => {
    const byBsn = await stranger.post<EmergencyMatch[]>('/api/v1/emergency-access/search', { bsn: BSN });
    expect(byBsn).toEqual([{ id: clientId, firstName: 'Noor', lastName: 'Nood', birthDate: '1975-04-04', teams: ['Overvecht Centrum'], accessible: false }]);
    const byName = await stranger.post<EmergencyMatch[]>('/api/v1/emergency-access/search', { lastName: 'nood', birthDate: '1975-04-04' });
    expect(byName.map((m) => m.id)).toEqual([clientId]);
    expect(await stranger.post<EmergencyMatch[]>('/api/v1/emergency-access/search', { lastName: 'Noo', birthDate: '1975-04-04' })).toEqual([]);
    const incomplete = await stranger.request('POST', '/api/v1/emergency-access/search', { lastName: 'Nood' });
    expect(incomplete.statusCode).toBe(400);
    expect((await owner.post<EmergencyMatch[]>('/api/v1/emergency-access/search', { bsn: BSN }))[0]!.accessible).toBe(true);
    const logged = await t.database.db.select({ changes: auditLog.changes }).from(auditLog).where(eq(auditLog.action, 'search'));
    expect(JSON.stringify(logged)).not.toContain(BSN);
  });

  it('refuses a short reason and an access to a client of the own team, changing nothing', async () => {
    const short = await stranger.request('POST', '/api/v1/emergency-access', { clientId, reason: 'nodig' });
    expect(short.statusCode).toBe(400);
    expect(short.json().invalidParams[0].name).toBe('reason');
    const own = await owner.request('POST', '/api/v1/emergency-access', { clientId, reason: 'Ik wil even kijken hoe het gaat hier' });
    expect(own.statusCode).toBe(400);
    expect(await t.database.db.select().from(emergencyAccess)).toEqual([]);
  });

  it('opens the client read-only for 24 hours, and marks every read as emergency access', async () => {
    const grant = await stranger.post<EmergencyGrant>('/api/v1/emergency-access', { clientId, reason: 'Crisismelding politie in het weekend, vaste medewerker onbereikbaar' });
    const hours = (Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt)) / 3600_000;
    expect(hours).toBe(24);
    const again = await stranger.request('POST', '/api/v1/emergency-access', { clientId, reason: 'Crisismelding politie in het weekend, nogmaals' });
    expect(again.statusCode).toBe(409);
    // The moment in words, as everywhere in the interface (issue 14), not an ISO timestamp.
    expect(again.json().detail).toBe(`U heeft al noodtoegang tot deze cliënt, tot ${dutchDateTime(grant.expiresAt)}`);
    expect(again.json().detail).toMatch(/tot \d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}$/);

    const client = await stranger.get<ClientDetail>(`/api/v1/clients/${clientId}`);
    expect(client.bsn).toBe(BSN);
    expect(client.emergencyUntil).toBe(grant.expiresAt);
    expect(client.cases.map((c) => c.id)).toEqual([caseId]);
    const detail = await stranger.get<CaseDetail>(`/api/v1/cases/${caseId}`);
    expect(detail.access).toBe('emergency');
    expect((await owner.get<CaseDetail>(`/api/v1/cases/${caseId}`)).access).toBe('team');
    expect((await owner.get<ClientDetail>(`/api/v1/clients/${clientId}`)).emergencyUntil).toBeNull();

    // Never a write: not the client, not the case, not the journal.
    expect((await stranger.request('PUT', `/api/v1/clients/${clientId}`, { firstName: 'Noor', lastName: 'Anders', version: 1 })).statusCode).toBe(404);
    expect((await stranger.request('POST', `/api/v1/cases/${caseId}/contacts`, { contactOn: today, kind: 'telefoon', note: 'x' })).statusCode).toBe(404);
    expect((await stranger.request('POST', `/api/v1/cases/${caseId}/first-meeting`, { firstMeetingOn: today, location: 'thuis', version: detail.version })).statusCode).toBe(404);
    expect((await owner.get<ClientDetail>(`/api/v1/clients/${clientId}`)).lastName).toBe('Nood');

    const mine = await stranger.get<EmergencyGrant[]>('/api/v1/emergency-access/mine');
    expect(mine.map((g) => g.clientName)).toEqual(['Noor Nood']);

    const rows = (await auditRows('worker.b@test.nl')).filter((r) => r.client_id === clientId && r.outcome === 'success');
    expect(rows.map((r) => `${r.action}:${r.entity_type}:${r.emergency}`)).toEqual(['emergency_access:client:true', 'read:client:true', 'read:case:true']);
  });

  it('lets kwaliteit open a client only through break-the-glass', async () => {
    expect((await quality.request('GET', `/api/v1/clients/${clientId}`)).statusCode).toBe(404);
    await quality.post('/api/v1/emergency-access', { clientId, reason: 'Inzageverzoek van de cliënt, ontvangen per brief op ' + today });
    const client = await quality.get<ClientDetail>(`/api/v1/clients/${clientId}`);
    expect(client.emergencyUntil).not.toBeNull();
  });

  it('lists the accesses for review with what was done under them, and records the review once', async () => {
    await auditAfterAnswerSettled();
    const open = await quality.get<EmergencyReviewItem[]>('/api/v1/emergency-access');
    const worker = open.find((i) => i.userName === 'Bram Bakker')!;
    // The grant, two reads, and three refused writes (a change of the client, a contact, a first meeting).
    expect(worker).toMatchObject({ userRole: 'Buurtteammedewerker', teamName: 'Zuilen', clientTeams: ['Overvecht Centrum'], actions: 6, reviewedAt: null });
    expect(JSON.stringify(open)).not.toContain('Nood');

    const own = open.find((i) => i.userName === 'Karin Kwak')!;
    expect((await quality.request('POST', `/api/v1/emergency-access/${own.id}/review`, { outcome: 'terecht', version: own.version })).statusCode).toBe(400);
    const vague = await quality.request('POST', `/api/v1/emergency-access/${worker.id}/review`, { outcome: 'onterecht', version: worker.version });
    expect(vague.statusCode).toBe(400);

    expect((await quality.request('POST', `/api/v1/emergency-access/${worker.id}/review`, { outcome: 'terecht', note: 'Crisis, goed gedaan', version: worker.version })).statusCode).toBe(204);
    const stale = await quality.request('POST', `/api/v1/emergency-access/${worker.id}/review`, { outcome: 'onterecht', note: 'Toch niet in orde', version: worker.version });
    expect(stale.statusCode).toBe(409);
    const reviewed = await quality.get<EmergencyReviewItem[]>('/api/v1/emergency-access?status=beoordeeld');
    expect(reviewed.map((i) => [i.userName, i.reviewOutcome, i.reviewedByName])).toEqual([['Bram Bakker', 'terecht', 'Karin Kwak']]);

    // Workers cannot review; the review list does not exist for them.
    expect((await stranger.request('GET', '/api/v1/emergency-access')).statusCode).toBe(404);
  });

  it('closes the file again when the access expires', async () => {
    await t.database.db
      .update(emergencyAccess)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(and(eq(emergencyAccess.clientId, clientId)));
    expect((await stranger.request('GET', `/api/v1/clients/${clientId}`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect(await stranger.get('/api/v1/emergency-access/mine')).toEqual([]);
  });
});
