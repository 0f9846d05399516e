// The per-user limit on looking people up across the whole organisation: the duplicate check, the
// break-the-glass search and the attach of a client of another team each find a person outside the
// actor's own records, so a worker who tries many names (or BSNs) in a row is stopped. One budget for
// the three: they answer the same question ("is this person known here?"), so separate budgets would
// only multiply it. Counted in the one rate limiter (lib/rate-limit.ts), before the look-up runs and
// outside its transaction, so a refused or failed look-up counts too.
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../access/actor';
import { takeSlot, type Limit } from '../../lib/rate-limit';
import { TooManyRequests } from '../../lib/errors';

/** 30 look-ups in 10 minutes: a busy intake desk registers a few people an hour, each with a check or two. */
export const LOOKUP_LIMIT: Limit = { limit: 30, windowSeconds: 10 * 60 };

export function lookupLimitKey(userId: string): string {
  return `lookup:user:${userId}`;
}

/** Takes a look-up slot for the actor; past the limit a 429 with when to try again. */
export async function takeLookupSlot(db: DbOrTx, actor: Actor): Promise<void> {
  const slot = await takeSlot(db, lookupLimitKey(actor.userId), LOOKUP_LIMIT);
  if (slot.allowed) return;
  const minutes = Math.ceil(slot.retryAfterSeconds / 60);
  throw new TooManyRequests(
    `U heeft in korte tijd veel personen opgezocht. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    slot.retryAfterSeconds,
  );
}
