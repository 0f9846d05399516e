// Idempotency keys for create requests: a client that does not know whether its request arrived
// (a timeout, a dropped connection, a server restart) sends it again with the same
// `Idempotency-Key` header and gets the record made the first time, never a second one.
//
// The key is a UUID chosen by the client. It belongs to the user who sent it and to the route: it is
// stored with them (table idempotency_keys) and looked up among that user's own keys only. A key that
// another user happens to use, or guessed, is a new key for this user, answered like any other; it
// can never reveal or return someone else's record. The claim runs in the transaction of the write,
// so the key and its record are committed together or not at all.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { idempotencyKeys } from '../db/schema';
import { z } from 'zod';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A user's key on one route (`POST /api/v1/cases/:id/contacts`). */
export interface IdempotencyKey {
  route: string;
  key: string;
}

/** The route schema's `headers` of a create that takes a key: documents the header and answers 400 when it is not a UUID. Other headers pass untouched. */
export const idempotencyHeaders = z.looseObject({
  [IDEMPOTENCY_HEADER]: z
    .string()
    .regex(UUID, 'De Idempotency-Key moet een UUID zijn')
    .optional()
    .meta({ description: 'A UUID the client chooses, new for every record it makes: a repeat with the same key answers with what the first request made' }),
});

/** The request's idempotency key (lower case) on its route, undefined without one; the route's `idempotencyHeaders` checked it. */
export function idempotencyKeyOf(request: FastifyRequest): IdempotencyKey | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (typeof value !== 'string') return undefined;
  return { route: `${request.method} ${request.routeOptions.url}`, key: value.toLowerCase() };
}

/**
 * In the create's transaction: the id of the record this user's key made on this route before (a
 * retry), or a new id for the record about to be made, with the key claimed for it. Two requests with
 * the same key at once queue on the key's row; the second gets the first one's id once it commits.
 */
export async function claimIdempotencyKey(tx: Tx, user: { organisationId: string; userId: string }, idempotency: IdempotencyKey): Promise<{ id: string; retry: boolean }> {
  const id = randomUUID();
  const [claimed] = await tx
    .insert(idempotencyKeys)
    .values({ organisationId: user.organisationId, userId: user.userId, route: idempotency.route, key: idempotency.key, recordId: id })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.recordId });
  if (claimed) return { id, retry: false };
  const [earlier] = await tx
    .select({ id: idempotencyKeys.recordId })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.organisationId, user.organisationId),
        eq(idempotencyKeys.userId, user.userId),
        eq(idempotencyKeys.route, idempotency.route),
        eq(idempotencyKeys.key, idempotency.key),
      ),
    );
  return { id: earlier!.id, retry: true };
}
