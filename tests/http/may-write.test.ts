// Issue 12: the server says per record whether the actor may change it (`mayWrite` on the case, the
// client and the plan, `mayWriteJournal` on the case, `mayWriteConsents` on the client), and the web app reads only that. Here the flag
// is held against the write itself: for the own team's worker and team leader, a worker of another
// team and kwaliteit under break-the-glass, and a team holding a client only through an attach not
// yet judged justified, `mayWrite` is true exactly when the change is taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { ClientDetail } from '../../src/server/modules/clients/clients.schemas';
import type { Plan } from '../../src/server/modules/plans/plans.schemas';
import { openCase } from '../support/open-case';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let owner: Session;
let leader: Session;
let stranger: Session;
let quality: Session;
const today = todayInNetherlands();
const REASON = 'Crisismelding politie in het weekend, vaste medewerker onbereikbaar';
const CLIENT = { firstName: 'Mees', lastName: 'Magschrijven', birthDate: '1970-03-03', bsn: '999992077' };
let clientId = '';
let caseId = '';

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.login('workerA');
  leader = await t.login('leadA');
  stranger = await t.login('workerB');
  quality = await t.login('quality');
  ({ clientId, caseId } = await openCase(owner, { client: CLIENT }));
  // Both readers from outside the team open the client through break-the-glass: they read it all.
  for (const reader of [stranger, quality]) await reader.post('/api/v1/emergency-access', { clientId, reason: REASON });
});
afterAll(async () => t.close());

const actors = () =>
  [
    ['own worker', owner, true],
    ['team leader', leader, true],
    ['worker of another team under break-the-glass', stranger, false],
    ['kwaliteit under break-the-glass', quality, false],
  ] as const;

/** A change is taken (200/201) or refused for lack of rights (404: outside the scope or the role). */
function taken(statusCode: number): boolean {
  expect([200, 201, 404], `status ${statusCode}`).toContain(statusCode);
  return statusCode !== 404;
}

describe('mayWrite agrees with the write', () => {
  it('on the case and its journal', async () => {
    for (const [who, session, expected] of actors()) {
      const detail = await session.get<CaseDetail>(`/api/v1/cases/${caseId}`);
      const change = await session.request('PUT', `/api/v1/cases/${caseId}/lead-worker`, { leadWorkerId: detail.leadWorker!.id, version: detail.version });
      expect(detail.mayWrite, who).toBe(taken(change.statusCode));
      expect(detail.mayWrite, who).toBe(expected);
      const contact = await session.request('POST', `/api/v1/cases/${caseId}/contacts`, { contactOn: today, kind: 'telefoon', note: `Gebeld door ${who}` });
      expect(detail.mayWriteJournal, who).toBe(taken(contact.statusCode));
      expect(detail.mayWriteJournal, who).toBe(expected);
    }
  });

  it("on the client's master data", async () => {
    for (const [who, session, expected] of actors()) {
      const detail = await session.get<ClientDetail>(`/api/v1/clients/${clientId}`);
      const change = await session.request('PUT', `/api/v1/clients/${clientId}`, { ...CLIENT, phone: '0301112233', version: detail.version });
      expect(detail.mayWrite, who).toBe(taken(change.statusCode));
      expect(detail.mayWrite, who).toBe(expected);
    }
  });

  it("on the client's consents", async () => {
    for (const [who, session, expected] of actors()) {
      const detail = await session.get<ClientDetail>(`/api/v1/clients/${clientId}`);
      const consent = await session.request('POST', `/api/v1/clients/${clientId}/consents`, {
        recipientKind: 'huisarts',
        recipientName: `Huisarts (${who})`,
        dataShared: 'De hulpvraag',
        purpose: 'Afstemmen van de zorg',
        validFrom: today,
        givenHow: 'mondeling',
      });
      expect(detail.mayWriteConsents, who).toBe(taken(consent.statusCode));
      expect(detail.mayWriteConsents, who).toBe(expected);
    }
  });

  it('on the master data of a client the team holds only through an attach not judged justified', async () => {
    const other = { firstName: 'Otto', lastName: 'Elders', birthDate: '1966-06-06', bsn: '999993653' };
    await openCase(stranger, { client: other });
    const attached = await owner.post<{ client: { id: string } }>('/api/v1/registrations', {
      registeredOn: today,
      referrerCode: 'zelfmelder',
      question: 'Vraag over schulden',
      attach: { bsn: other.bsn, reason: 'Hij meldde zich zelf bij ons wijkteam aan de balie' },
    });
    const detail = await owner.get<ClientDetail>(`/api/v1/clients/${attached.client.id}`);
    const change = await owner.request('PUT', `/api/v1/clients/${attached.client.id}`, { ...other, phone: '0304445566', version: detail.version });
    expect(detail).toMatchObject({ mayWrite: false, attachNotJustified: true });
    expect(taken(change.statusCode)).toBe(false);
    // Its consents are the own team's all the same.
    const consent = await owner.request('POST', `/api/v1/clients/${attached.client.id}/consents`, { recipientKind: 'huisarts', recipientName: 'Huisarts', dataShared: 'De hulpvraag', purpose: 'Afstemmen', validFrom: today, givenHow: 'mondeling' });
    expect(detail.mayWriteConsents).toBe(taken(consent.statusCode));
  });

  it('on the plan', async () => {
    for (const [who, session, expected] of actors()) {
      const plan = await session.get<Plan>(`/api/v1/cases/${caseId}/plan`);
      const save = await session.request('PUT', `/api/v1/cases/${caseId}/plan`, { content: { ...plan.content, domains: [{ domain: 'financien', goal: 'Overzicht in de post' }], reciprocity: `Helpt de buren (${who})` }, baseVersion: plan.version });
      expect(plan.mayWrite, who).toBe(taken(save.statusCode));
      expect(plan.mayWrite, who).toBe(expected);
      if (save.statusCode === 200) expect(save.json<Plan>().mayWrite, who).toBe(true);
    }
  });

  it('on the plan of a closed case: false for everyone, as the save is refused until it is reopened', async () => {
    const detail = await owner.get<CaseDetail>(`/api/v1/cases/${caseId}`);
    await owner.post(`/api/v1/cases/${caseId}/close`, { closedOn: today, reasons: ['volgens_plan'], version: detail.version });
    for (const [who, session, rights] of actors()) {
      const plan = await session.get<Plan>(`/api/v1/cases/${caseId}/plan`);
      const save = await session.request('PUT', `/api/v1/cases/${caseId}/plan`, { content: plan.content, baseVersion: plan.version });
      expect(plan.mayWrite, who).toBe(false);
      // The team answers 409 (de casus is afgesloten), whoever lacks the rights 404.
      expect(save.statusCode, who).toBe(rights ? 409 : 404);
      // The case itself stays writable for the team: it takes a reopen.
      const closed = await session.get<CaseDetail>(`/api/v1/cases/${caseId}`);
      const reopen = await session.request('POST', `/api/v1/cases/${caseId}/reopen`, { reason: 'Terug nodig', version: closed.version });
      expect(closed.mayWrite, who).toBe(taken(reopen.statusCode));
      if (reopen.statusCode === 200) {
        const open = await session.get<CaseDetail>(`/api/v1/cases/${caseId}`);
        await session.post(`/api/v1/cases/${caseId}/close`, { closedOn: today, reasons: ['volgens_plan'], version: open.version });
      }
    }
  });
});
