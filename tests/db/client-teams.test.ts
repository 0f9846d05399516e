// client_teams is derived data that the access policy trusts (clientScope): its triggers must keep
// it equal to its definition after every kind of change to the links it is derived from.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database';
import { ensureDemo } from '../../src/server/demo/demo.seed';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { createEmptyDatabase, type EmptyDatabase } from '../support/empty-database';

let database: Database;
let empty: EmptyDatabase;

beforeAll(async () => {
  // An empty database: the demo history is only added where nobody is.
  empty = await createEmptyDatabase();
  database = await openDatabase(empty.env.DATABASE_URL ? { databaseUrl: empty.env.DATABASE_URL } : { dataDir: empty.env.KEUKENTAFEL_DATA_DIR });
  const organisationId = await ensureOrganisation(database.db);
  await ensureDemo(database.db, organisationId, { today: '2026-06-01', size: { targetCases: 150, spanDays: 365 } });
}, 120_000);
afterAll(async () => {
  await database?.close();
  await empty?.drop();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The definition, computed from the links themselves. */
const DEFINITION = sql`
  select cc.organisation_id, cc.client_id, c.team_id from case_clients cc join cases c on c.organisation_id = cc.organisation_id and c.id = cc.case_id
  union select organisation_id, client_id, team_id from registrations
  union select organisation_id, client_id, triage_team_id from registrations where triage_team_id is not null`;

/** Rows in the table but not in the definition, and the other way round. */
async function differences(): Promise<{ extra: number; missing: number; total: number }> {
  const [counts] = await rows<{ extra: number; missing: number; total: number }>(sql`
    select (select count(*) from (select organisation_id, client_id, team_id from client_teams except (${DEFINITION})) e)::int as extra,
           (select count(*) from ((${DEFINITION}) except select organisation_id, client_id, team_id from client_teams) m)::int as missing,
           (select count(*) from client_teams)::int as total`);
  return counts!;
}

async function otherTeam(teamId: string): Promise<string> {
  const [team] = await rows<{ id: string }>(sql`select id from teams where id <> ${teamId} order by code limit 1`);
  return team!.id;
}

describe('client_teams', () => {
  it('holds every client–team link of the seeded history, and nothing else', async () => {
    const result = await differences();
    expect(result.total).toBeGreaterThan(100);
    expect(result).toMatchObject({ extra: 0, missing: 0 });
  });

  it('follows a case to another team, for every client of its household', async () => {
    const [c] = await rows<{ id: string; team_id: string }>(sql`
      select c.id, c.team_id from cases c where (select count(*) from case_clients cc where cc.case_id = c.id) > 1 order by c.id limit 1`);
    const to = await otherTeam(c!.team_id);
    await database.db.execute(sql`update cases set team_id = ${to} where id = ${c!.id}`);
    const moved = await rows<{ n: number }>(sql`
      select count(*)::int as n from case_clients cc join client_teams ct on ct.client_id = cc.client_id and ct.team_id = ${to} where cc.case_id = ${c!.id}`);
    expect(moved[0]!.n).toBeGreaterThan(1);
    expect(await differences()).toMatchObject({ extra: 0, missing: 0 });
  });

  it('drops a team when the last link goes: a household member leaves, a registration is passed on or removed', async () => {
    const [member] = await rows<{ case_id: string; client_id: string }>(sql`
      select case_id, client_id from case_clients where role <> 'hoofdclient' order by case_id limit 1`);
    await database.db.execute(sql`delete from case_clients where case_id = ${member!.case_id} and client_id = ${member!.client_id}`);
    expect(await differences()).toMatchObject({ extra: 0, missing: 0 });

    const [registration] = await rows<{ id: string; team_id: string; client_id: string }>(sql`select id, team_id, client_id from registrations order by id limit 1`);
    await database.db.execute(sql`update registrations set triage_team_id = ${await otherTeam(registration!.team_id)} where id = ${registration!.id}`);
    expect(await differences()).toMatchObject({ extra: 0, missing: 0 });

    const [otherClient] = await rows<{ id: string }>(sql`select id from clients where id <> ${registration!.client_id} order by id limit 1`);
    await database.db.execute(sql`update registrations set client_id = ${otherClient!.id} where id = ${registration!.id}`);
    expect(await differences()).toMatchObject({ extra: 0, missing: 0 });

    await database.db.execute(sql`update cases set registration_id = null where registration_id = ${registration!.id}`).catch(() => undefined);
    await database.db.execute(sql`delete from registrations where id = ${registration!.id}`);
    expect(await differences()).toMatchObject({ extra: 0, missing: 0 });
  });
});
