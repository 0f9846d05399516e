// The one rate limiter: a fixed window per key, counted in the database (table rate_limits), so the
// limit holds across every process of the installation and under a burst of parallel requests.
// A request takes its slot *before* the work it limits (a password check, a look-up), in one atomic
// statement: the hundredth of a hundred parallel requests sees the ninety-nine before it.
// Time is the database's clock, the same for every process.
import { eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { rateLimits } from '../db/schema';

export interface Limit {
  /** Slots in one window. */
  limit: number;
  windowSeconds: number;
}

export interface Slot {
  /** Whether this request may go ahead (it took a slot within the limit). */
  allowed: boolean;
  /** When not allowed: whole seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
  /** Slots taken in this window, this one included. */
  hits: number;
}

/** `at`: the moment to count at (tests); by default the database's clock. */
function moment(at?: Date) {
  return at ? sql`${at.toISOString()}::timestamptz` : sql`clock_timestamp()`;
}

/** Takes a slot for `key`; `allowed` is false once the window holds more than `limit` slots. */
export async function takeSlot(db: DbOrTx, key: string, { limit, windowSeconds }: Limit, at?: Date): Promise<Slot> {
  const now = moment(at);
  const expired = sql`${rateLimits.windowStartedAt} <= ${now} - make_interval(secs => ${windowSeconds})`;
  const result = await db.execute<{ hits: number; wait: number }>(sql`
    insert into ${rateLimits} (key, window_started_at, hits) values (${key}, ${now}, 1)
    on conflict (key) do update set
      window_started_at = case when ${expired} then ${now} else ${rateLimits.windowStartedAt} end,
      hits = case when ${expired} then 1 else ${rateLimits.hits} + 1 end
    returning hits, ceil(extract(epoch from (window_started_at + make_interval(secs => ${windowSeconds}) - ${now})))::int as wait`);
  const row = (result as unknown as { rows: { hits: number; wait: number }[] }).rows[0]!;
  const allowed = row.hits <= limit;
  return { allowed, hits: row.hits, retryAfterSeconds: allowed ? 0 : Math.max(1, row.wait) };
}

/** Gives one slot back (the limited thing turned out not to count, e.g. a correct password). */
export async function giveBackSlot(db: DbOrTx, key: string): Promise<void> {
  await db.update(rateLimits).set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` }).where(eq(rateLimits.key, key));
}

/** Forgets `key` entirely: its next request starts a new window. */
export async function clearLimit(db: DbOrTx, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Forgets every key that starts with `prefix` (e.g. all the addresses counted for one account). */
export async function clearLimitsStartingWith(db: DbOrTx, prefix: string): Promise<number> {
  const cleared = await db.delete(rateLimits).where(sql`starts_with(${rateLimits.key}, ${prefix})`).returning({ key: rateLimits.key });
  return cleared.length;
}

/** Removes windows that started before `before` (no limit here is longer than a day). */
export async function pruneRateLimits(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStartedAt, before));
}
