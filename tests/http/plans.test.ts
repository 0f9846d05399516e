// The krachtplan over HTTP: versions, the client's agreement, comparing, and a concurrent edit that
// is refused with the other person's changes shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { openCase } from '../support/open-case';
import type { Plan, PlanContent } from '../../src/server/modules/plans/plans.schemas';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { and, eq } from 'drizzle-orm';
import { planVersions } from '../../src/server/db/schema';
import { addYears } from '../../src/server/modules/plans/plan-rules';

let t: TestApp;
let anna: Session;
let ahmed: Session;
let caseId: string;
const today = todayInNetherlands();
const AGREEMENT = '0b8f3c0e-1d2a-4e5f-8a9b-0c1d2e3f4a5b';

const first: PlanContent = {
  domains: [
    {
      domain: 'financien',
      situation: 'Ik durf de post niet meer open te maken.',
      strengths: 'Mijn dochter wil helpen.',
      goal: 'Overzicht over de rekeningen',
      agreements: [{ id: AGREEMENT, what: 'Samen de post openen', owner: 'network', ownerName: 'dochter Samira', dueOn: null, status: 'open', result: '' }],
    },
  ],
  reciprocity: '',
  participation: { start: 2, now: 2 },
  expectedEndOn: null,
  reviewOn: null,
  crisisPlan: { signs: '', clientDoes: '', carerDoes: '', contacts: [] },
};

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
  ahmed = await t.login('workerA2');
  ({ caseId } = await openCase(anna, { client: { firstName: 'Kees', lastName: 'Plan' } }));
});
afterAll(async () => t.close());

describe('krachtplan', () => {
  it('starts empty, and every save is a new version', async () => {
    const empty = await anna.get<Plan>(`/api/v1/cases/${caseId}/plan`);
    expect(empty).toMatchObject({ version: 0, versions: [] });
    const v1 = await anna.put<Plan>(`/api/v1/cases/${caseId}/plan`, { content: first, baseVersion: 0 });
    expect(v1).toMatchObject({ version: 1, savedByName: 'Anna Aalders', agreedOn: null });
    const second = structuredClone(first);
    second.domains[0]!.agreements[0]!.status = 'done';
    const v2 = await anna.put<Plan>(`/api/v1/cases/${caseId}/plan`, { content: second, baseVersion: 1 });
    expect(v2.version).toBe(2);
    expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses a save based on an older version, showing what the other person changed', async () => {
    // Ahmed started from version 1 too, while Anna saved version 2.
    const his = structuredClone(first);
    his.domains[0]!.goal = 'Geen nieuwe schulden';
    const response = await ahmed.request('PUT', `/api/v1/cases/${caseId}/plan`, { content: his, baseVersion: 1 });
    expect(response.statusCode).toBe(409);
    const body = response.json();
    expect(body.detail).toContain('Anna Aalders heeft het krachtplan intussen opgeslagen (versie 2)');
    expect(body.current.version).toBe(2);
    expect(body.changes).toEqual([{ label: "Financiën — afspraak 'Samen de post openen' — status", from: 'Open', to: 'Gedaan' }]);
    const stored = await anna.get<Plan>(`/api/v1/cases/${caseId}/plan`);
    expect(stored.version).toBe(2);
    expect(stored.content.domains[0]!.goal).toBe('Overzicht over de rekeningen');
  });

  it('records the client\'s agreement once per version', async () => {
    const agreed = await anna.post<Plan>(`/api/v1/cases/${caseId}/plan/versions/2/agreement`, { agreedOn: today, how: 'gesprek' });
    expect(agreed).toMatchObject({ agreedOn: today, agreedHow: 'gesprek' });
    expect(agreed.versions.map((v) => v.agreedOn)).toEqual([today, null]);
    expect((await anna.request('POST', `/api/v1/cases/${caseId}/plan/versions/2/agreement`, { agreedOn: today, how: 'digitaal' })).statusCode).toBe(409);
    expect((await anna.request('POST', `/api/v1/cases/${caseId}/plan/versions/9/agreement`, { agreedOn: today, how: 'digitaal' })).statusCode).toBe(404);
  });

  it('compares any two versions', async () => {
    const comparison = await anna.get<{ changes: unknown[] }>(`/api/v1/cases/${caseId}/plan/compare?from=2&to=1`);
    expect(comparison.changes).toEqual([{ label: "Financiën — afspraak 'Samen de post openen' — status", from: 'Gedaan', to: 'Open' }]);
  });

  it('refuses an unknown life domain and a domain twice, in Dutch, and saves nothing', async () => {
    const bad = structuredClone(first);
    bad.domains.push({ ...structuredClone(first.domains[0]!), agreements: [] }, { ...structuredClone(first.domains[0]!), domain: 'geluk', agreements: [] });
    const response = await anna.request('PUT', `/api/v1/cases/${caseId}/plan`, { content: bad, baseVersion: 2 });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams.map((f: { reason: string }) => f.reason)).toEqual(['Financiën staat twee keer in het plan', 'Onbekend leefgebied: geluk']);
    expect((await anna.get<Plan>(`/api/v1/cases/${caseId}/plan`)).version).toBe(2);
  });

  it('refuses a version without a goal or an agreement, with the Dutch message, and saves nothing', async () => {
    const before = await anna.get<Plan>(`/api/v1/cases/${caseId}/plan`);
    const notAPlan: PlanContent[] = [
      { ...structuredClone(first), domains: [] },
      { ...structuredClone(first), reciprocity: 'Helpt de buurvrouw', domains: [{ ...structuredClone(first.domains[0]!), goal: '', agreements: [] }] },
    ];
    for (const content of notAPlan) {
      const response = await anna.request('PUT', `/api/v1/cases/${caseId}/plan`, { content, baseVersion: before.version });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        detail: 'Het krachtplan is niet opgeslagen. Controleer de invoer.',
        invalidParams: [{ name: 'content.domains', reason: 'Een krachtplan heeft minstens één leefgebied met een doel of een afspraak. Vul een doel in of maak een afspraak.' }],
      });
    }
    // A new plan too: the first version needs one as well.
    const { caseId: fresh } = await openCase(anna, { client: { firstName: 'Els', lastName: 'Leeg' } });
    const response = await anna.request('PUT', `/api/v1/cases/${fresh}/plan`, { content: { reciprocity: 'Helpt de buurvrouw' }, baseVersion: 0 });
    expect(response.statusCode).toBe(400);
    expect((await anna.get<Plan>(`/api/v1/cases/${fresh}/plan`)).version).toBe(0);
    expect(await anna.get<Plan>(`/api/v1/cases/${caseId}/plan`)).toEqual(before);
  });

  it('refuses a new evaluation date in the past or more than two years ahead, and keeps an older one that did not change', async () => {
    const current = await anna.get<Plan>(`/api/v1/cases/${caseId}/plan`);
    const withReview = (reviewOn: string) => ({ content: { ...current.content, reviewOn }, baseVersion: current.version });
    const past = await anna.request('PUT', `/api/v1/cases/${caseId}/plan`, withReview(addDays(today, -1)));
    expect(past.statusCode).toBe(400);
    expect(past.json().invalidParams).toEqual([{ name: 'content.reviewOn', reason: expect.stringMatching(/^De evaluatiedatum .* ligt in het verleden\. Kies vandaag of een latere datum\.$/) }]);
    const yearsAgo = await anna.request('PUT', `/api/v1/cases/${caseId}/plan`, withReview(addYears(today, -3)));
    expect(yearsAgo.statusCode).toBe(400);
    const far = await anna.request('PUT', `/api/v1/cases/${caseId}/plan`, withReview(addDays(addYears(today, 2), 1)));
    expect(far.statusCode).toBe(400);
    expect(far.json().invalidParams[0].reason).toMatch(/ligt meer dan 2 jaar vooruit/);
    expect((await anna.get<Plan>(`/api/v1/cases/${caseId}/plan`)).version).toBe(current.version);

    const saved = await anna.put<Plan>(`/api/v1/cases/${caseId}/plan`, withReview(addYears(today, 2)));
    expect(saved.content.reviewOn).toBe(addYears(today, 2));
    // A review date that has passed since it was set stays readable and does not block another change.
    const passed = addDays(today, -40);
    await t.database.db
      .update(planVersions)
      .set({ content: { ...saved.content, reviewOn: passed } })
      .where(and(eq(planVersions.caseId, caseId), eq(planVersions.version, saved.version)));
    expect((await anna.get<Plan>(`/api/v1/cases/${caseId}/plan/versions/${saved.version}`)).content.reviewOn).toBe(passed);
    const next = structuredClone(saved.content);
    next.reviewOn = passed;
    next.domains[0]!.agreements[0]!.status = 'open';
    const kept = await anna.put<Plan>(`/api/v1/cases/${caseId}/plan`, { content: next, baseVersion: saved.version });
    expect(kept).toMatchObject({ version: saved.version + 1, content: { reviewOn: passed } });
  });

  it('is not there for another team', async () => {
    const stranger = await t.login('workerB');
    expect((await stranger.request('GET', `/api/v1/cases/${caseId}/plan`)).statusCode).toBe(404);
    expect((await stranger.request('PUT', `/api/v1/cases/${caseId}/plan`, { content: first, baseVersion: 2 })).statusCode).toBe(404);
    // Before any rule: an empty plan from another team is a 404 too, not a 400 that confirms the case.
    expect((await stranger.request('PUT', `/api/v1/cases/${caseId}/plan`, { content: {}, baseVersion: 2 })).statusCode).toBe(404);
  });
});
