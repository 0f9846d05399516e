// Server-side sessions: the cookie holds a random token, the database its sha256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { emergencyAccess, sessions, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import type { Role } from '../../access/permissions';

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

export async function findSession(db: Db, token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
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
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.organisationId, sessions.organisationId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  const { csrfToken, ...actor } = row;
  return { actor: { ...actor, role: actor.role as Role }, csrfToken };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
