// Queries on accounts.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { teams, users } from '../../db/schema';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

export async function findUserWithTeam(db: DbOrTx, organisationId: string, userId: string) {
  const [row] = await db
    .select({ user: users, team: { id: teams.id, code: teams.code, name: teams.name } })
    .from(users)
    .leftJoin(teams, and(eq(teams.organisationId, users.organisationId), eq(teams.id, users.teamId)))
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
    .limit(1);
  return row ?? null;
}

/** Active workers and team leaders of a team: the people who can be a case's lead worker. */
export async function listTeamWorkers(db: DbOrTx, organisationId: string, teamId: string) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.teamId, teamId), eq(users.active, true), inArray(users.role, ['medewerker', 'teamleider'])))
    .orderBy(asc(users.name));
}
