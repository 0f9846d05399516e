// The quality registers over HTTP: a worker files an incident but cannot read the register;
// kwaliteit sees every team, a team leader only their own; handling, closing, reopening, stale
// versions, validation that changes nothing, and the log rows of every change.
import { auditAfterAnswerSettled } from '../../src/server/audit/after-answer';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, qualityReports, qualityReportSteps } from '../../src/server/db/schema';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import type { QualityReportDetail, QualityReportList } from '../../src/server/modules/quality/quality.schemas';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { TEAM_A, TEAM_B, teamId } from '../support/fixtures';

let t: TestApp;
let anna: Session;
let lotte: Session;
let karin: Session;
let bram: Session;
const today = todayInNetherlands();
const yesterday = addDays(today, -1);
let teamA: string;
let teamB: string;

const incident = {
  kind: 'incident',
  category: 'agressie_verbaal',
  title: 'Uitgescholden bij huisbezoek',
  description: 'Meneer werd boos over de uitkering en schold de medewerker uit. Gesprek beëindigd.',
  occurredOn: yesterday,
  receivedOn: today,
  filedBy: 'Anna Aalders (medewerker)',
};

async function countRows() {
  const reports = await t.database.db.select().from(qualityReports);
  const steps = await t.database.db.select().from(qualityReportSteps);
  return { reports: reports.length, steps: steps.length };
}

async function auditOf(id: string) {
  return t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'quality_report'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.at));
}

beforeAll(async () => {
  t = await createTestApp();
  [anna, lotte, karin, bram] = await Promise.all([t.login('workerA'), t.login('leadA'), t.login('quality'), t.login('workerB')]);
  teamA = await teamId(t.database.db, TEAM_A);
  teamB = await teamId(t.database.db, TEAM_B);
});
afterAll(async () => t.close());

describe('filing', () => {
  it('lets a worker file an incident for their own team, but not read the register', async () => {
    const response = await anna.request('POST', '/api/v1/quality-reports', incident);
    expect(response.statusCode).toBe(201);
    const { id } = response.json() as { id: string };
    const [row] = await t.database.db.select().from(qualityReports).where(eq(qualityReports.id, id));
    expect(row).toMatchObject({ kind: 'incident', category: 'agressie_verbaal', teamId: teamA, status: 'open', filedBy: 'Anna Aalders (medewerker)' });

    expect((await anna.request('GET', '/api/v1/quality-reports')).statusCode).toBe(404);
    expect((await anna.request('GET', `/api/v1/quality-reports/${id}`)).statusCode).toBe(404);
    expect((await anna.request('PUT', `/api/v1/quality-reports/${id}`, { status: 'in_behandeling', version: 1 })).statusCode).toBe(404);
    expect((await anna.request('POST', `/api/v1/quality-reports/${id}/steps`, { stepOn: today, description: 'Gebeld' })).statusCode).toBe(404);

    // The filing, and the three refused looks at the register's report (logged after each 404).
    await auditAfterAnswerSettled();
    const audit = await auditOf(id);
    const described = audit.map((a) => [a.action, a.actorRole, a.clientId, a.outcome].join(' '));
    expect(described[0]).toBe('create medewerker  success');
    expect(described.slice(1).sort()).toEqual(['read medewerker  denied', 'update medewerker  denied', 'update medewerker  denied']);
    expect(audit[0]!.changes).toMatchObject({ to: { kind: 'incident', title: incident.title, teamId: teamA } });
  });

  it('refuses a worker filing for another team, and a bad report, changing nothing', async () => {
    const before = await countRows();
    const otherTeam = await anna.request('POST', '/api/v1/quality-reports', { ...incident, teamId: teamB });
    expect(otherTeam.statusCode).toBe(400);
    expect(otherTeam.json().invalidParams).toEqual([{ name: 'teamId', reason: 'U meldt voor uw eigen team' }]);

    const bad = await anna.request('POST', '/api/v1/quality-reports', { kind: 'klacht', category: 'datalek', title: '', description: 'x', occurredOn: addDays(today, 2), receivedOn: today, filedBy: '' });
    expect(bad.statusCode).toBe(400);
    expect([...new Set((bad.json().invalidParams as { name: string }[]).map((f) => f.name))].sort()).toEqual(['category', 'filedBy', 'occurredOn', 'title']);
    const noCategory = await anna.request('POST', '/api/v1/quality-reports', { ...incident, category: null });
    expect(noCategory.json().invalidParams).toEqual([{ name: 'category', reason: 'Kies de soort incident' }]);
    const complaintWithCategory = await anna.request('POST', '/api/v1/quality-reports', { ...incident, kind: 'klacht' });
    expect(complaintWithCategory.json().invalidParams).toEqual([{ name: 'category', reason: 'Alleen een incident heeft een soort' }]);
    const reversed = await anna.request('POST', '/api/v1/quality-reports', { ...incident, occurredOn: today, receivedOn: yesterday });
    expect(reversed.json().invalidParams).toEqual([{ name: 'occurredOn', reason: 'Het voorval kan niet na de ontvangst van de melding liggen' }]);
    expect(await countRows()).toEqual(before);
  });
});

describe('the register', () => {
  let teamBComplaint: string;
  let noTeamObjection: string;

  beforeAll(async () => {
    teamBComplaint = (await bram.post<{ id: string }>('/api/v1/quality-reports', { kind: 'klacht', title: 'Niet teruggebeld', description: 'Mevrouw is drie weken niet teruggebeld.', occurredOn: yesterday, receivedOn: today, filedBy: 'Mevrouw De Vries' })).id;
    noTeamObjection = (await karin.post<{ id: string }>('/api/v1/quality-reports', { kind: 'bezwaar', teamId: null, title: 'Bezwaar tegen verwerking', description: 'Bezwaar tegen het delen met de woningcorporatie.', occurredOn: yesterday, receivedOn: yesterday, filedBy: 'Een bewoner' })).id;
  });

  it('shows kwaliteit every team, with counts per kind and filters', async () => {
    const all = await karin.get<QualityReportList>('/api/v1/quality-reports');
    expect(all.countsByKind).toEqual({ klacht: 1, bezwaar: 1, incident: 1 });
    expect(all.reports.map((r) => r.kind).sort()).toEqual(['bezwaar', 'incident', 'klacht']);
    expect(all.reports.find((r) => r.id === teamBComplaint)).toMatchObject({ teamName: 'Zuilen', status: 'open' });
    expect(all.reports.find((r) => r.id === noTeamObjection)).toMatchObject({ teamId: null, teamName: null });

    const complaints = await karin.get<QualityReportList>('/api/v1/quality-reports?kind=klacht');
    expect(complaints.reports.map((r) => r.id)).toEqual([teamBComplaint]);
    expect(complaints.countsByKind).toEqual({ klacht: 1, bezwaar: 1, incident: 1 });
    const ofTeamB = await karin.get<QualityReportList>(`/api/v1/quality-reports?teamId=${teamB}`);
    expect(ofTeamB.reports.map((r) => r.id)).toEqual([teamBComplaint]);
    expect((await karin.get<QualityReportList>('/api/v1/quality-reports?status=afgehandeld')).reports).toEqual([]);
    expect((await karin.request('GET', '/api/v1/quality-reports?status=klaar')).statusCode).toBe(400);
  });

  it("shows a team leader their own team's reports only: another team's report is not found", async () => {
    const mine = await lotte.get<QualityReportList>('/api/v1/quality-reports');
    expect(mine.reports.map((r) => r.kind)).toEqual(['incident']);
    expect(mine.countsByKind).toEqual({ klacht: 0, bezwaar: 0, incident: 1 });
    expect((await lotte.get<QualityReportList>(`/api/v1/quality-reports?teamId=${teamB}`)).reports).toEqual([]);
    for (const id of [teamBComplaint, noTeamObjection]) {
      expect((await lotte.request('GET', `/api/v1/quality-reports/${id}`)).statusCode).toBe(404);
      expect((await lotte.request('PUT', `/api/v1/quality-reports/${id}`, { status: 'in_behandeling', version: 1 })).statusCode).toBe(404);
      expect((await lotte.request('POST', `/api/v1/quality-reports/${id}/steps`, { stepOn: today, description: 'Gebeld' })).statusCode).toBe(404);
    }
    expect((await karin.get<QualityReportDetail>(`/api/v1/quality-reports/${teamBComplaint}`)).version).toBe(1);
  });
});

describe('handling', () => {
  it('records steps, refuses a stale version, closes only with evaluation and lesson, and reopens with a reason', async () => {
    const { id } = await anna.post<{ id: string }>('/api/v1/quality-reports', incident);
    const step = await lotte.request('POST', `/api/v1/quality-reports/${id}/steps`, { stepOn: today, description: 'Gesprek met Anna over de opvang na het incident.' });
    expect(step.statusCode).toBe(201);
    const early = await lotte.request('POST', `/api/v1/quality-reports/${id}/steps`, { stepOn: addDays(yesterday, -1), description: 'Te vroeg' });
    expect(early.statusCode).toBe(400);
    expect(early.json().invalidParams[0].name).toBe('stepOn');

    const working = await karin.put<QualityReportDetail>(`/api/v1/quality-reports/${id}`, { status: 'in_behandeling', version: 1 });
    expect(working).toMatchObject({ status: 'in_behandeling', version: 2, closedOn: null });
    await karin.post(`/api/v1/quality-reports/${id}/steps`, { stepOn: today, description: 'Brief aan meneer over de huisregels (Emotie mag, agressie niet).' });
    expect((await karin.request('PUT', `/api/v1/quality-reports/${id}`, { status: 'in_behandeling', version: 1 })).statusCode).toBe(409);

    const before = await countRows();
    const unclosed = await karin.request('PUT', `/api/v1/quality-reports/${id}`, { status: 'afgehandeld', evaluation: 'Goed opgepakt', version: 2 });
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().invalidParams).toEqual([{ name: 'lessonLearned', reason: 'Beschrijf de les voor de organisatie voordat u de melding afhandelt' }]);
    const backwards = await karin.request('PUT', `/api/v1/quality-reports/${id}`, { status: 'open', version: 2 });
    expect(backwards.statusCode).toBe(400);
    expect(await countRows()).toEqual(before);
    expect((await karin.get<QualityReportDetail>(`/api/v1/quality-reports/${id}`)).version).toBe(2);

    const closed = await karin.put<QualityReportDetail>(`/api/v1/quality-reports/${id}`, { status: 'afgehandeld', evaluation: 'Goed opgepakt; collega ging niet alleen terug.', lessonLearned: 'Huisbezoeken bij bekende spanning met z’n tweeën.', version: 2 });
    expect(closed).toMatchObject({ status: 'afgehandeld', closedOn: today, version: 3, lessonLearned: 'Huisbezoeken bij bekende spanning met z’n tweeën.' });
    expect(closed.steps.map((s) => [s.authorName, s.description.slice(0, 12)])).toEqual([
      ['Lotte Leeuw', 'Gesprek met '],
      ['Karin Kwak', 'Brief aan me'],
    ]);
    expect((await karin.request('POST', `/api/v1/quality-reports/${id}/steps`, { stepOn: today, description: 'Nog iets' })).statusCode).toBe(409);

    expect((await karin.request('PUT', `/api/v1/quality-reports/${id}`, { status: 'in_behandeling', version: 3 })).json().invalidParams[0].name).toBe('reopenReason');
    const reopened = await lotte.put<QualityReportDetail>(`/api/v1/quality-reports/${id}`, { status: 'in_behandeling', evaluation: closed.evaluation, lessonLearned: closed.lessonLearned, reopenReason: 'Meneer heeft opnieuw gedreigd.', version: 3 });
    expect(reopened).toMatchObject({ status: 'in_behandeling', closedOn: null, version: 4 });
    expect(reopened.steps.at(-1)).toMatchObject({ description: 'Heropend: Meneer heeft opnieuw gedreigd.', authorName: 'Lotte Leeuw', stepOn: today });

    const audit = await auditOf(id);
    expect(audit.filter((a) => a.action !== 'read').map((a) => [a.action, a.actorRole])).toEqual([
      ['create', 'medewerker'],
      ['update', 'teamleider'],
      ['update', 'kwaliteit'],
      ['update', 'kwaliteit'],
      ['update', 'kwaliteit'],
      ['update', 'teamleider'],
    ]);
    expect(audit.every((a) => a.clientId === null)).toBe(true);
    const changes = audit.filter((a) => a.action === 'update').map((a) => a.changes);
    expect(changes[0]).toMatchObject({ to: { step: { stepOn: today, description: 'Gesprek met Anna over de opvang na het incident.' } } });
    expect(changes[1]).toEqual({ from: { status: 'open' }, to: { status: 'in_behandeling' } });
    expect(changes[3]).toMatchObject({ from: { status: 'in_behandeling', closedOn: null }, to: { status: 'afgehandeld', closedOn: today } });
    expect(changes[4]).toMatchObject({ from: { status: 'afgehandeld' }, to: { status: 'in_behandeling', closedOn: null }, step: { description: 'Heropend: Meneer heeft opnieuw gedreigd.' } });
    expect(audit.filter((a) => a.action === 'read').length).toBe(1);
  });
});
