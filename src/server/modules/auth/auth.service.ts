// Login (password or OpenID Connect), logout, password change and "who am I".
//
// A password login first takes a slot of each login limit (login-limits.ts: per address, and per
// address and account), in the database and before the password is checked, so a burst of parallel
// attempts or several processes cannot get more checks than the limit. The check itself waits for a
// place (password-checks.ts). A right password gives its slots back: only failures count.
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { ROLE_LABELS, ROLE_PERMISSIONS } from '../../access/permissions';
import { writeAudit } from '../../audit/audit.writer';
import { DomainError, Invalid, NotFound, TooManyRequests, Unauthenticated } from '../../lib/errors';
import { clearLimit, giveBackSlot, type RefusalMemory } from '../../lib/rate-limit';
import { findUserByEmail, findUserWithTeam } from '../users/users.repo';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password';
import { passwordProblems } from './password-rules';
import { loginLimitKeys, normaliseEmail, tooManyAttemptsMessage, type LoginLimitKey } from './login-limits';
import { logFailedLogin, type LoginLog } from './failed-login-log';
import type { PasswordChecks } from './password-checks';
import { createSession, deleteOtherSessions, deleteSession } from './sessions.repo';
import type { LoginBody, Me, OidcErrorCode, PasswordChange } from './auth.schemas';
import type { OidcIdentity } from './oidc';

const WRONG_LOGIN = 'E-mailadres of wachtwoord klopt niet';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>;

/**
 * What a password check needs beside the database, per process: the cap on checks at once, the
 * memory of refused limits (so a hammering client costs the database next to nothing), and the
 * request's log.
 */
export interface PasswordContext {
  checks: PasswordChecks;
  refusals: RefusalMemory;
  log: LoginLog;
}

interface SessionStart {
  sessionHours: number;
  /** The session cookie the browser sent along, if any: it is ended, never continued (rotation). */
  previousToken?: string;
}

/** `address`: the client's address (request.ip, which follows TRUST_PROXY). */
export async function login(db: Db, context: PasswordContext, input: LoginBody & SessionStart & { address: string }) {
  const email = normaliseEmail(input.email);
  const keys = loginLimitKeys(input.address, email);
  await takeLoginSlots(db, context, keys, { email, address: input.address });

  let user: UserRow | null;
  let valid: boolean;
  try {
    user = await findUserByEmail(db, email);
    // Always one argon2 check, against a decoy for an unknown address or an account without a
    // password, so the time taken does not tell which accounts exist.
    const hash = user?.passwordHash ?? (await decoyPasswordHash());
    const matches = await context.checks.run(() => verifyPassword(hash, input.password));
    valid = matches && !!user?.passwordHash;
  } catch (error) {
    // Not checked (too busy, or the database failed): the attempt does not count.
    await giveBackSlots(db, keys);
    throw error;
  }
  if (!user || !valid || !user.active) {
    logFailedLogin(db, context.log, { account: user, address: input.address, reason: user && valid ? 'account_inactive' : 'wrong_password' });
    throw new Unauthenticated(WRONG_LOGIN);
  }
  await forgiveLoginSlots(db, keys);
  return startSession(db, user, input, null);
}

/**
 * Takes a slot of every key, or throws 429 with the wait. The first refusal of a key in its
 * window goes into the access log; later ones in that window do not, so a refused address that
 * keeps trying cannot grow the log.
 */
async function takeLoginSlots(db: Db, context: PasswordContext, keys: LoginLimitKey[], attempt: { email: string; address: string }): Promise<void> {
  const taken = await context.refusals.take(db, keys);
  if (taken.allowed) return;
  if (taken.firstRefusals.length > 0) {
    const account = await findUserByEmail(db, attempt.email);
    for (const k of keys.filter((k) => taken.firstRefusals.includes(k.key))) {
      logFailedLogin(db, context.log, { account, address: attempt.address, reason: 'too_many_attempts', limit: k.kind });
    }
  }
  throw new TooManyRequests(tooManyAttemptsMessage(taken.retryAfterSeconds), taken.retryAfterSeconds);
}

/** The attempt was not checked after all; the caller rethrows why (a failure here must not hide it). */
async function giveBackSlots(db: Db, keys: LoginLimitKey[]): Promise<void> {
  for (const k of keys) await giveBackSlot(db, k.key).catch(() => undefined);
}

/** The right password: this attempt does not count against the address, and the account's failures from this address are forgotten. */
async function forgiveLoginSlots(db: Db, keys: LoginLimitKey[]): Promise<void> {
  for (const k of keys) {
    if (k.kind === 'address_account') await clearLimit(db, k.key);
    else await giveBackSlot(db, k.key);
  }
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

export async function logout(db: Db, actor: Actor, token: string) {
  await deleteSession(db, token);
  await writeAudit(db, actor, { action: 'logout', entityType: 'user', entityId: actor.userId });
}

/**
 * The logged-in user changes their own password. A wrong current password counts like a failed
 * login from the same address (a stolen session must not become a way to guess it); the other
 * sessions end.
 */
export async function changePassword(db: Db, context: PasswordContext, actor: Actor, input: PasswordChange & { currentToken: string; address: string; denylist?: ReadonlySet<string> }) {
  const row = await findUserWithTeam(db, actor.organisationId, actor.userId);
  if (!row) throw new NotFound();
  const user = row.user;
  const currentHash = user.passwordHash;
  if (!currentHash) {
    throw new Invalid([{ path: 'currentPassword', message: 'U logt in met uw organisatieaccount; in Keukentafel heeft u geen wachtwoord' }]);
  }
  const keys = loginLimitKeys(input.address, user.email);
  await takeLoginSlots(db, context, keys, { email: user.email, address: input.address });
  let valid: boolean;
  try {
    valid = await context.checks.run(() => verifyPassword(currentHash, input.currentPassword));
  } catch (error) {
    await giveBackSlots(db, keys);
    throw error;
  }
  if (!valid) throw new Invalid([{ path: 'currentPassword', message: 'Uw huidige wachtwoord klopt niet' }]);
  await forgiveLoginSlots(db, keys);
  const problems = passwordProblems(input.newPassword, { email: user.email, name: user.name, denylist: input.denylist });
  if (input.newPassword === input.currentPassword) problems.push('Kies een ander wachtwoord dan uw huidige');
  if (problems.length > 0) throw new Invalid(problems.map((message) => ({ path: 'newPassword', message })));

  const passwordHash = await context.checks.run(() => hashPassword(input.newPassword));
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.organisationId, user.organisationId), eq(users.id, user.id)));
    // Which field changed, never a hash.
    await writeAudit(tx, actor, { action: 'update', entityType: 'user', entityId: user.id, changes: { fields: ['password'] } });
    await deleteOtherSessions(tx, actor, input.currentToken);
  });
}

export async function getMe(db: Db, actor: Pick<Actor, 'organisationId' | 'userId'>, csrfToken: string): Promise<Omit<Me, 'sessionIdleMinutes'>> {
  const row = await findUserWithTeam(db, actor.organisationId, actor.userId);
  if (!row) throw new NotFound();
  const role = row.user.role;
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
