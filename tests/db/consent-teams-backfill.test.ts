// The backfill of consents.team_id and disclosures.team_id (drizzle/0009_attach_consent_teams_custom.sql):
// rows recorded before consents and disclosures belonged to a team get the team from the access-log
// row written with them (the recorder's team at that moment), else a disclosure its case's team,
// else the recorder's current team, else none. The migration's statements run here again on rows
// made as they were before it (team_id null); they touch only such rows.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { auditLog, caseClients, cases, clients, consents, disclosures, users } from '../../src/server/db/schema';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { TEAM_A, TEAM_B, teamId } from '../support/fixtures';
import { openTestDatabase } from '../support/test-app';
import { MIGRATIONS } from '../support/paths';

let database: Database;
let drop: () => Promise<void>;
let organisationId: string;
let teamA: string;
let teamB: string;

const MIGRATION = path.join(MIGRATIONS, '0009_attach_consent_teams_custom.sql');

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  organisationId = (await findOrganisationId(database.db))!;
  teamA = await teamId(database.db, TEAM_A);
  teamB = await teamId(database.db, TEAM_B);
});
afterAll(async () => drop());

async function userId(email: string) {
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

async function runBackfill() {
  for (const statement of fs.readFileSync(MIGRATION, 'utf8').split('--> statement-breakpoint')) await database.db.execute(sql.raw(statement));
}

describe('the backfill of the recording team', () => {
  it('takes the team from the access log, then the case, then the recorder, and leaves a row without any of them without a team', async () => {
    const db = database.db;
    // Anna worked in team B when she recorded the first consent and disclosure; she is in team A now.
    const anna = await userId('worker.a@test.nl');
    const bram = await userId('worker.b@test.nl');
    const karin = await userId('kwaliteit@test.nl');
    const [client] = await db.insert(clients).values({ organisationId, firstName: 'Oud', lastName: 'Register' }).returning({ id: clients.id });
    const [caseOfB] = await db.insert(cases).values({ organisationId, teamId: teamB, status: 'running', registeredOn: '2024-01-01', referrerCode: 'zelfmelder' }).returning({ id: cases.id });
    await db.insert(caseClients).values({ organisationId, caseId: caseOfB!.id, clientId: client!.id, role: 'hoofdclient' });
    const consent = (recordedBy: string) => ({ organisationId, clientId: client!.id, recipientKind: 'huisarts', recipientName: 'Huisarts', dataShared: 'x', purpose: 'y', validFrom: '2024-01-01', givenHow: 'mondeling', recordedBy });
    const [logged, byRecorder, byNobody] = await db.insert(consents).values([consent(anna), consent(bram), consent(karin)]).returning({ id: consents.id });
    const disclosure = (recordedBy: string, caseId: string | null) => ({ organisationId, clientId: client!.id, caseId, recipient: 'Veilig Thuis', dataShared: 'x', ground: 'meldrecht', reasoning: 'z', disclosedOn: '2024-02-01', recordedBy });
    const [dLogged, dByCase, dByRecorder] = await db.insert(disclosures).values([disclosure(anna, null), disclosure(anna, caseOfB!.id), disclosure(anna, null)]).returning({ id: disclosures.id });
    await db.insert(auditLog).values([
      { organisationId, actorId: anna, actorRole: 'medewerker', actorTeamId: teamB, action: 'create', entityType: 'consent', entityId: logged!.id, clientId: client!.id },
      { organisationId, actorId: anna, actorRole: 'medewerker', actorTeamId: teamB, action: 'disclose', entityType: 'disclosure', entityId: dLogged!.id, clientId: client!.id },
    ]);
    expect((await db.select().from(consents)).every((c) => c.teamId === null)).toBe(true);

    await runBackfill();

    const teamOfConsent = async (id: string) => (await db.select({ teamId: consents.teamId }).from(consents).where(eq(consents.id, id)))[0]!.teamId;
    const teamOfDisclosure = async (id: string) => (await db.select({ teamId: disclosures.teamId }).from(disclosures).where(eq(disclosures.id, id)))[0]!.teamId;
    expect(await teamOfConsent(logged!.id)).toBe(teamB); // the team at the time, not Anna's team now
    expect(await teamOfConsent(byRecorder!.id)).toBe(teamB); // Bram's team
    expect(await teamOfConsent(byNobody!.id)).toBeNull(); // kwaliteit has no team: shown to no team
    expect(await teamOfDisclosure(dLogged!.id)).toBe(teamB);
    expect(await teamOfDisclosure(dByCase!.id)).toBe(teamB); // the case's team before the recorder's
    expect(await teamOfDisclosure(dByRecorder!.id)).toBe(teamA); // Anna's team now, the last resort

    // Rows with a team are left alone on a second run.
    await db.update(consents).set({ teamId: teamA }).where(eq(consents.id, logged!.id));
    await runBackfill();
    expect(await teamOfConsent(logged!.id)).toBe(teamA);
  });
});
