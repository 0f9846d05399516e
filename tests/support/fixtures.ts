// The people every database test starts with: one account per role, in two teams.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/database';
import { teams } from '../../src/server/db/schema';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { createUser } from '../../src/server/modules/users/users.service';
import { hashPassword } from '../../src/server/modules/auth/password';
import type { Role } from '../../src/server/access/permissions';

export const TEST_PASSWORD = 'test-wachtwoord-1';
export const TEAM_A = 'overvecht-centrum';
export const TEAM_B = 'zuilen';

export const TEST_USERS = {
  workerA: { email: 'worker.a@test.nl', name: 'Anna Aalders', role: 'medewerker', team: TEAM_A },
  workerA2: { email: 'worker.a2@test.nl', name: 'Ahmed Amrani', role: 'medewerker', team: TEAM_A },
  leadA: { email: 'lead.a@test.nl', name: 'Lotte Leeuw', role: 'teamleider', team: TEAM_A },
  workerB: { email: 'worker.b@test.nl', name: 'Bram Bakker', role: 'medewerker', team: TEAM_B },
  quality: { email: 'kwaliteit@test.nl', name: 'Karin Kwak', role: 'kwaliteit', team: null },
  // A second pair of eyes: destroying a client's data takes two different people of kwaliteit.
  quality2: { email: 'kwaliteit2@test.nl', name: 'Kees Keurig', role: 'kwaliteit', team: null },
  analyst: { email: 'analist@test.nl', name: 'Arjen Analist', role: 'analist', team: null },
  admin: { email: 'beheer@test.nl', name: 'Bea Beheer', role: 'beheerder', team: null },
} as const satisfies Record<string, { email: string; name: string; role: Role; team: string | null }>;
export type TestUser = keyof typeof TEST_USERS;

export async function seedFixtures(db: Db): Promise<void> {
  const organisationId = await ensureOrganisation(db);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const user of Object.values(TEST_USERS)) {
    await createUser(db, organisationId, { ...user, password: TEST_PASSWORD, teamCode: user.team ?? undefined }, { passwordHash });
  }
}

export async function teamId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.code, code)));
  return row!.id;
}
