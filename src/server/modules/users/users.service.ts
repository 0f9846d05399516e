// Creating accounts (CLI, demo, later the admin screens).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { teams, users } from '../../db/schema';
import { Conflict, Invalid } from '../../lib/errors';
import { hashPassword } from '../auth/password';
import { passwordProblems } from '../auth/password-rules';
import { newUser, type NewUser } from './users.schemas';
import { findUserByEmail } from './users.repo';

/**
 * `passwordHash`: a hash made beforehand (demo, test fixtures); the password rules then do not
 * apply, since no person chose it. Otherwise the password must pass `passwordProblems`, with the
 * extra `denylist` (PASSWORD_DENYLIST_FILE) when given.
 */
export async function createUser(db: DbOrTx, organisationId: string, input: NewUser, options: { passwordHash?: string; denylist?: ReadonlySet<string> } = {}) {
  const parsed = newUser.safeParse(input);
  if (!parsed.success) {
    throw new Invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const data = parsed.data;
  if (!options.passwordHash) {
    const problems = passwordProblems(data.password, { email: data.email, name: data.name, denylist: options.denylist });
    if (problems.length > 0) throw new Invalid(problems.map((message) => ({ path: 'password', message })));
  }
  if (await findUserByEmail(db, data.email)) throw new Conflict(`Er is al een account met e-mailadres ${data.email}`);
  let teamId: string | null = null;
  if (data.teamCode) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, organisationId), eq(teams.code, data.teamCode)));
    if (!team) throw new Invalid([{ path: 'teamCode', message: `Onbekend team: ${data.teamCode}` }]);
    teamId = team.id;
  }
  const [created] = await db
    .insert(users)
    .values({
      organisationId,
      email: data.email.trim().toLowerCase(),
      name: data.name,
      role: data.role,
      teamId,
      passwordHash: options.passwordHash ?? (await hashPassword(data.password)),
    })
    .returning({ id: users.id, email: users.email, role: users.role });
  return created!;
}
