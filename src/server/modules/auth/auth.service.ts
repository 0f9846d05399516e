// Login, logout and "who am I".
import type { Db } from '../../db/database';
import type { Actor } from '../../access/actor';
import { ROLE_LABELS, ROLE_PERMISSIONS, type Role } from '../../access/permissions';
import { writeAudit } from '../../audit/audit.writer';
import { NotFound, TooManyRequests, Unauthenticated } from '../../lib/errors';
import { findUserByEmail, findUserWithTeam } from '../users/users.repo';
import { decoyPasswordHash, verifyPassword } from './password';
import { LoginLimiter } from './login-limiter';
import { createSession, deleteSession } from './sessions.repo';
import type { LoginBody, Me } from './auth.schemas';

/** 10 failed attempts per address or per e-mail in 15 minutes, then wait. */
export const loginLimiter = new LoginLimiter({ maxFailures: 10, windowMs: 15 * 60_000 });

export async function login(db: Db, input: LoginBody & { ip: string; sessionHours: number }) {
  const keys = [`ip:${input.ip}`, `email:${input.email.trim().toLowerCase()}`];
  const wait = loginLimiter.retryAfter(keys);
  if (wait > 0) throw new TooManyRequests(`Te veel mislukte pogingen. Probeer het over ${Math.ceil(wait / 60)} minuten opnieuw.`, wait);

  const user = await findUserByEmail(db, input.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !valid || !user.active) {
    loginLimiter.fail(keys);
    throw new Unauthenticated('E-mailadres of wachtwoord klopt niet');
  }
  // Only the account's counter: logging into one's own account must not wipe the address's failures.
  loginLimiter.succeed([`email:${input.email.trim().toLowerCase()}`]);
  const session = await createSession(db, user, input.sessionHours);
  await writeAudit(db, { organisationId: user.organisationId, userId: user.id, role: user.role, teamId: user.teamId }, { action: 'login', entityType: 'user', entityId: user.id });
  return { ...session, me: await getMe(db, { organisationId: user.organisationId, userId: user.id }, session.csrfToken) };
}

export async function logout(db: Db, actor: Actor, token: string) {
  await deleteSession(db, token);
  await writeAudit(db, actor, { action: 'logout', entityType: 'user', entityId: actor.userId });
}

export async function getMe(db: Db, actor: Pick<Actor, 'organisationId' | 'userId'>, csrfToken: string): Promise<Me> {
  const row = await findUserWithTeam(db, actor.organisationId, actor.userId);
  if (!row) throw new NotFound();
  const role = row.user.role as Role;
  return {
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role,
    roleLabel: ROLE_LABELS[role],
    team: row.team,
    permissions: [...ROLE_PERMISSIONS[role]],
    csrfToken,
  };
}
