// The one rate limiter: a fixed window per key, counted in the database (table rate_limits), so the
// limit holds across every process of the installation and under a burst of parallel requests.
// A request takes its slot *before* the work it limits (a password check, a look-up), in one atomic
// statement: the hundredth of a hundred parallel requests sees the ninety-nine before it.
// Time is the database's clock, the same for every process.
import { eq, lt, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/database';
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
  const [row] = await rowsOf<{ hits: number; wait: number }>(db, sql`
    insert into ${rateLimits} (key, window_started_at, hits) values (${key}, ${now}, 1)
    on conflict (key) do update set
      window_started_at = case when ${expired} then ${now} else ${rateLimits.windowStartedAt} end,
      hits = case when ${expired} then 1 else ${rateLimits.hits} + 1 end
    returning hits, ceil(extract(epoch from (window_started_at + make_interval(secs => ${windowSeconds}) - ${now})))::int as wait`);
  const allowed = row!.hits <= limit;
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

export interface LimitedKey {
  key: string;
  limit: Limit;
}

export interface Taken {
  allowed: boolean;
  /** When not allowed: whole seconds until the client may try again (at least 1). */
  retryAfterSeconds: number;
  /** The keys whose first refusal in their window this was (each key has exactly one per window). */
  firstRefusals: string[];
}

/**
 * takeSlot for several keys, behind this process's memory of refusals, for limits that a client
 * may hammer (logins). The database stays the one count; the memory only refuses *earlier*,
 * without a statement:
 * - a key the database refused is refused here for up to `rememberMs` (then asked again, so a
 *   cleared limit, e.g. `user unlock`, counts within that time);
 * - a key with more than `limit` takers already on their way to the database from this process is
 *   refused at once: at least one of those will be refused, and so would this one.
 * So a burst of 800 attempts or a client that keeps trying costs a handful of statements instead
 * of one per request (the embedded database runs one statement at a time, for everyone). Keys are
 * taken in order and the first refused key ends the attempt: later keys are not counted.
 */
export class RefusalMemory {
  private readonly onTheirWay = new Map<string, number>();
  private readonly refused = new Map<string, { until: number; windowEndsAt: number }>();

  constructor(
    private readonly rememberMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxRemembered = 10_000,
  ) {}

  async take(db: DbOrTx, keys: LimitedKey[]): Promise<Taken> {
    const local = this.localRefusal(keys);
    if (local) return local;
    for (const { key } of keys) this.onTheirWay.set(key, (this.onTheirWay.get(key) ?? 0) + 1);
    try {
      for (const { key, limit } of keys) {
        const slot = await takeSlot(db, key, limit);
        if (slot.allowed) continue;
        this.remember(key, slot.retryAfterSeconds);
        return { allowed: false, retryAfterSeconds: slot.retryAfterSeconds, firstRefusals: slot.hits === limit.limit + 1 ? [key] : [] };
      }
      return { allowed: true, retryAfterSeconds: 0, firstRefusals: [] };
    } finally {
      for (const { key } of keys) {
        const left = this.onTheirWay.get(key)! - 1;
        if (left > 0) this.onTheirWay.set(key, left);
        else this.onTheirWay.delete(key);
      }
    }
  }

  private localRefusal(keys: LimitedKey[]): Taken | null {
    const now = this.now();
    for (const { key, limit } of keys) {
      const known = this.refused.get(key);
      if (known && known.until > now) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((known.windowEndsAt - now) / 1000)), firstRefusals: [] };
      if (known) this.refused.delete(key);
      // The window of those ahead may have started just now: the whole window is the honest wait.
      if ((this.onTheirWay.get(key) ?? 0) > limit.limit) return { allowed: false, retryAfterSeconds: limit.windowSeconds, firstRefusals: [] };
    }
    return null;
  }

  private remember(key: string, retryAfterSeconds: number): void {
    const now = this.now();
    this.refused.delete(key);
    this.refused.set(key, { until: now + Math.min(this.rememberMs, retryAfterSeconds * 1000), windowEndsAt: now + retryAfterSeconds * 1000 });
    if (this.refused.size <= this.maxRemembered) return;
    for (const [k, v] of this.refused) if (v.until <= now) this.refused.delete(k);
    // Still too many: forget the oldest (a Map keeps insertion order); the database still counts them.
    for (const k of this.refused.keys()) {
      if (this.refused.size <= this.maxRemembered) break;
      this.refused.delete(k);
    }
  }
}
