// Login (password or OpenID Connect), logout, password change and "who am I".
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { ROLE_LABELS, ROLE_PERMISSIONS, type Role } from '../../access/permissions';
import { writeAudit } from '../../audit/audit.writer';
import { DomainError, Invalid, NotFound, TooManyRequests, Unauthenticated } from '../../lib/errors';
import { findUserByEmail, findUserWithTeam } from '../users/users.repo';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password';
import { passwordProblems } from './password-rules';
import { afterFailure, lockDurationMs, lockedMessage, lockWaitSeconds, UnknownAccountLocks, type LockState } from './lockout';
import { LoginLimiter } from './login-limiter';
import { createSession, deleteOtherSessions, deleteSession } from './sessions.repo';
import type { LoginBody, Me, OidcErrorCode, PasswordChange } from './auth.schemas';
import type { OidcIdentity } from './oidc';

/** 10 failed attempts per address or per e-mail in 15 minutes, then wait. */
export const loginLimiter = new LoginLimiter({ maxFailures: 10, windowMs: 15 * 60_000 });
/** Lockout bookkeeping for addresses without an account, so they answer like existing ones. */
const unknownAccountLocks = new UnknownAccountLocks();

const WRONG_LOGIN = 'E-mailadres of wachtwoord klopt niet';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>;

interface SessionStart {
  sessionHours: number;
  /** The session cookie the browser sent along, if any: it is ended, never continued (rotation). */
  previousToken?: string;
}

export async function login(db: Db, input: LoginBody & SessionStart & { ip: string; now?: Date }) {
  const email = input.email.trim().toLowerCase();
  const keys = [`ip:${input.ip}`, `email:${email}`];
  const wait = loginLimiter.retryAfter(keys);
  if (wait > 0) throw new TooManyRequests(`Te veel mislukte pogingen. Probeer het over ${Math.ceil(wait / 60)} minuten opnieuw.`, wait);

  const user = await findUserByEmail(db, email);
  // Always one argon2 verification, for an unknown address too, so timing does not tell which accounts exist.
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  const now = input.now ?? new Date();
  // A locked account is refused whatever the password, so guessing on during the lock learns nothing.
  const lockWait = lockWaitSeconds(user ?? unknownAccountLocks.get(email), now);
  if (lockWait > 0) throw new TooManyRequests(lockedMessage(lockWait), lockWait);
  if (!user || !valid || !user.active) {
    loginLimiter.fail(keys);
    if (user) await recordFailedPassword(db, user, now);
    else unknownAccountLocks.fail(email, now);
    throw new Unauthenticated(WRONG_LOGIN);
  }
  // Only the account's counter: logging into one's own account must not wipe the address's failures.
  loginLimiter.succeed([`email:${email}`]);
  if (user.failedLogins > 0 || user.lockedUntil) await resetFailedPasswords(db, user);
  return startSession(db, user, input, null);
}

/** The OpenID Connect callback's verified identity → a session for the account with that e-mail address. */
export async function loginWithOidc(db: Db, identity: OidcIdentity, input: SessionStart) {
  if (!identity.email || !identity.emailVerified) throw new OidcRefused('oidc_unverified');
  const user = await findUserByEmail(db, identity.email);
  // No self-provisioning: the beheerder creates accounts; an inactive one stays closed.
  if (!user || !user.active) throw new OidcRefused('oidc_no_account');
  if (user.oidcSubject && user.oidcSubject !== identity.subject) throw new OidcRefused('oidc_subject_mismatch');
  if (!user.oidcSubject) await bindOidcSubject(db, user, identity.subject);
  return startSession(db, user, input, { method: 'oidc' });
}

/** Why an OpenID Connect login was refused; the code goes back to the login page. */
export class OidcRefused extends DomainError {
  constructor(public readonly code: OidcErrorCode) {
    super(code);
  }
}

async function bindOidcSubject(db: Db, user: UserRow, subject: string) {
  await db.transaction(async (tx) => {
    // The subject of one provider account belongs to one Keukentafel account.
    const [other] = await tx.select({ id: users.id }).from(users).where(and(eq(users.oidcSubject, subject), ne(users.id, user.id))).limit(1);
    if (other) throw new OidcRefused('oidc_subject_mismatch');
    const bound = await tx
      .update(users)
      .set({ oidcSubject: subject })
      .where(and(eq(users.organisationId, user.organisationId), eq(users.id, user.id), isNull(users.oidcSubject)))
      .returning({ id: users.id });
    // Another login bound a subject in between: only the same subject may continue.
    if (bound.length === 0) {
      const [now] = await tx.select({ oidcSubject: users.oidcSubject }).from(users).where(and(eq(users.organisationId, user.organisationId), eq(users.id, user.id)));
      if (now?.oidcSubject !== subject) throw new OidcRefused('oidc_subject_mismatch');
      return;
    }
    await writeAudit(tx, { organisationId: user.organisationId, userId: user.id, role: user.role, teamId: user.teamId }, {
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      changes: { from: { oidcSubject: null }, to: { oidcSubject: subject } },
    });
  });
}

/** A new session (a new token every login), the previous one ended, and the audit row. */
async function startSession(db: Db, user: UserRow, input: SessionStart, changes: Record<string, unknown> | null) {
  if (input.previousToken) await deleteSession(db, input.previousToken);
  const session = await createSession(db, user, input.sessionHours);
  await writeAudit(db, { organisationId: user.organisationId, userId: user.id, role: user.role, teamId: user.teamId }, { action: 'login', entityType: 'user', entityId: user.id, changes });
  return { ...session, me: await getMe(db, { organisationId: user.organisationId, userId: user.id }, session.csrfToken) };
}

/** One more failed password, counted in the database (atomically: parallel attempts all count). */
async function recordFailedPassword(db: Db, user: Pick<UserRow, 'organisationId' | 'id'>, now: Date): Promise<void> {
  const key = and(eq(users.organisationId, user.organisationId), eq(users.id, user.id));
  const [row] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(key)
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  if (!row) return;
  if (lockDurationMs(row.failedLogins) > 0) {
    // The count is already stored; afterFailure from count - 1 gives the lock that goes with it.
    const next: LockState = afterFailure({ failedLogins: row.failedLogins - 1, lockedUntil: row.lockedUntil }, now);
    await db.update(users).set({ lockedUntil: next.lockedUntil }).where(key);
  }
}

async function resetFailedPasswords(db: Db, user: Pick<UserRow, 'organisationId' | 'id'>): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(and(eq(users.organisationId, user.organisationId), eq(users.id, user.id)));
}

export async function logout(db: Db, actor: Actor, token: string) {
  await deleteSession(db, token);
  await writeAudit(db, actor, { action: 'logout', entityType: 'user', entityId: actor.userId });
}

/**
 * The logged-in user changes their own password. A wrong current password counts as a failed
 * login (a stolen session must not become a way to guess it); the other sessions end.
 */
export async function changePassword(db: Db, actor: Actor, input: PasswordChange & { currentToken: string; denylist?: ReadonlySet<string>; now?: Date }) {
  const row = await findUserWithTeam(db, actor.organisationId, actor.userId);
  if (!row) throw new NotFound();
  const user = row.user;
  if (!user.passwordHash) {
    throw new Invalid([{ path: 'currentPassword', message: 'U logt in met uw organisatieaccount; in Keukentafel heeft u geen wachtwoord' }]);
  }
  const now = input.now ?? new Date();
  const lockWait = lockWaitSeconds(user, now);
  if (lockWait > 0) throw new TooManyRequests(lockedMessage(lockWait), lockWait);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailedPassword(db, user, now);
    throw new Invalid([{ path: 'currentPassword', message: 'Uw huidige wachtwoord klopt niet' }]);
  }
  const problems = passwordProblems(input.newPassword, { email: user.email, name: user.name, denylist: input.denylist });
  if (input.newPassword === input.currentPassword) problems.push('Kies een ander wachtwoord dan uw huidige');
  if (problems.length > 0) throw new Invalid(problems.map((message) => ({ path: 'newPassword', message })));

  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null })
      .where(and(eq(users.organisationId, user.organisationId), eq(users.id, user.id)));
    // Which field changed, never a hash.
    await writeAudit(tx, actor, { action: 'update', entityType: 'user', entityId: user.id, changes: { fields: ['password'] } });
    await deleteOtherSessions(tx, actor, input.currentToken);
  });
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
