// Server-side sessions: the cookie holds a random token, the database its sha256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database';
import { emergencyAccess, sessions, users } from '../../db/schema';
import type { Actor } from '../../access/actor';

export const SESSION_COOKIE = 'kt_session';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, user: { organisationId: string; id: string }, hours: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.insert(sessions).values({ organisationId: user.organisationId, tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt });
  // Expired sessions are removed on the way, so the table does not grow without end.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, csrfToken, expiresAt };
}

/** last_seen_at moves at most once a minute: one write per user per minute, not per request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export type SessionLookup = { status: 'active'; actor: Actor; csrfToken: string } | { status: 'expired' } | { status: 'none' };

/**
 * The session of a cookie token. A session past its end, or idle for longer than `idleMinutes`, is
 * deleted and reported as expired, so the user is told why they have to log in again.
 */
export async function findSession(db: Db, token: string, options: { idleMinutes: number; now?: Date }): Promise<SessionLookup> {
  const now = options.now ?? new Date();
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      organisationId: users.organisationId,
      userId: users.id,
      role: users.role,
      teamId: users.teamId,
      name: users.name,
      emergencyClientIds: sql<string[]>`array(select ea.client_id::text from ${emergencyAccess} ea
        where ea.organisation_id = ${users.organisationId} and ea.user_id = ${users.id} and ea.expires_at > now())`,
      csrfToken: sessions.csrfToken,
      active: users.active,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.organisationId, sessions.organisationId), eq(users.id, sessions.userId)))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  if (!row) return { status: 'none' };
  const { csrfToken, active, lastSeenAt, expiresAt, ...actor } = row;
  if (!active) return { status: 'none' };
  if (expiresAt <= now || lastSeenAt.getTime() + options.idleMinutes * 60_000 <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return { status: 'expired' };
  }
  if (now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.organisationId, row.organisationId), eq(sessions.tokenHash, tokenHash)));
  }
  return { status: 'active', actor: { ...actor, role: actor.role }, csrfToken };
}

/** Ends every other session of a user (after a password change), keeping the one in use. */
export async function deleteOtherSessions(db: DbOrTx, user: { organisationId: string; userId: string }, keepToken: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.organisationId, user.organisationId), eq(sessions.userId, user.userId), ne(sessions.tokenHash, hashToken(keepToken))));
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
