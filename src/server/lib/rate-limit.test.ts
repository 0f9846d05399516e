// The database rate limiter: window, limit, give-back, parallel takers and pruning, on a real database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { rateLimits } from '../db/schema';
import { openTestDatabase } from '../../../tests/support/test-app';
import { clearLimit, clearLimitsStartingWith, giveBackSlot, pruneRateLimits, RefusalMemory, takeSlot } from './rate-limit';

// A database of its own (a copy of the run's template), never the server's maintenance database:
// that one is shared with other checkouts whose migrations differ.
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(() => drop());

const t0 = new Date('2026-01-01T10:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
let n = 0;
const freshKey = () => `test:rate-limit:${process.pid}:${n++}`;

describe('takeSlot', () => {
  it('allows `limit` slots in a window, refuses the next with the wait until the window ends', async () => {
    const key = freshKey();
    const limit = { limit: 3, windowSeconds: 60 };
    for (let i = 1; i <= 3; i++) expect(await takeSlot(database.db, key, limit, later(i))).toEqual({ allowed: true, hits: i, retryAfterSeconds: 0 });
    expect(await takeSlot(database.db, key, limit, later(20))).toEqual({ allowed: false, hits: 4, retryAfterSeconds: 41 });
    // The window began at the first slot (second 1): 60 s after it a new one starts.
    expect(await takeSlot(database.db, key, limit, later(61))).toEqual({ allowed: true, hits: 1, retryAfterSeconds: 0 });
  });

  it('counts every one of many parallel takers: exactly `limit` are allowed', async () => {
    const key = freshKey();
    const results = await Promise.all(Array.from({ length: 40 }, () => takeSlot(database.db, key, { limit: 10, windowSeconds: 600 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('gives a slot back, and clears a key', async () => {
    const key = freshKey();
    const limit = { limit: 1, windowSeconds: 60 };
    expect((await takeSlot(database.db, key, limit, later(0))).allowed).toBe(true);
    await giveBackSlot(database.db, key);
    expect((await takeSlot(database.db, key, limit, later(1))).allowed).toBe(true);
    expect((await takeSlot(database.db, key, limit, later(2))).allowed).toBe(false);
    await clearLimit(database.db, key);
    expect((await takeSlot(database.db, key, limit, later(3))).allowed).toBe(true);
  });

  it('clears every key with a prefix, and only those (no pattern characters)', async () => {
    const prefix = `${freshKey()}:%_`;
    const limit = { limit: 1, windowSeconds: 60 };
    for (const key of [`${prefix}a`, `${prefix}b`, `${prefix.slice(0, -2)}xx`]) await takeSlot(database.db, key, limit, later(0));
    expect(await clearLimitsStartingWith(database.db, prefix)).toBe(2);
    expect((await takeSlot(database.db, `${prefix}a`, limit, later(1))).allowed).toBe(true);
    expect((await takeSlot(database.db, `${prefix.slice(0, -2)}xx`, limit, later(1))).allowed).toBe(false);
  });

  it('prunes windows that started before a moment', async () => {
    const old = freshKey();
    const recent = freshKey();
    const limit = { limit: 1, windowSeconds: 3600 };
    await takeSlot(database.db, old, limit, later(0));
    await takeSlot(database.db, recent, limit, later(100));
    await pruneRateLimits(database.db, later(50));
    expect((await takeSlot(database.db, old, limit, later(101))).allowed).toBe(true);
    expect((await takeSlot(database.db, recent, limit, later(101))).allowed).toBe(false);
  });
});

describe('RefusalMemory', () => {
  const limit = { limit: 5, windowSeconds: 600 };
  const hitsInDatabase = async (key: string) => (await database.db.select({ hits: rateLimits.hits }).from(rateLimits).where(eq(rateLimits.key, key)))[0]?.hits ?? 0;

  it('lets a burst cost the database limit + 1 statements: the rest is refused before it gets there', async () => {
    const key = freshKey();
    const memory = new RefusalMemory(10_000);
    const taken = await Promise.all(Array.from({ length: 40 }, () => memory.take(database.db, [{ key, limit }])));
    expect(taken.filter((t) => t.allowed)).toHaveLength(5);
    expect(await hitsInDatabase(key)).toBe(6);
    // The one refusal the database saw is the key's first in its window.
    expect(taken.flatMap((t) => t.firstRefusals)).toEqual([key]);
    expect(taken.filter((t) => !t.allowed).every((t) => t.retryAfterSeconds > 0 && t.retryAfterSeconds <= limit.windowSeconds)).toBe(true);
  });

  it('refuses a refused key from memory, counting down its wait, and asks the database again after rememberMs', async () => {
    const key = freshKey();
    let now = 1_000_000;
    const memory = new RefusalMemory(10_000, () => now);
    for (let i = 0; i < 6; i++) await memory.take(database.db, [{ key, limit }]);
    expect(await hitsInDatabase(key)).toBe(6);
    const first = await memory.take(database.db, [{ key, limit }]);
    now += 4000;
    const later = await memory.take(database.db, [{ key, limit }]);
    expect(first.allowed || later.allowed).toBe(false);
    expect(first.retryAfterSeconds - later.retryAfterSeconds).toBe(4);
    expect(later.firstRefusals).toEqual([]);
    expect(await hitsInDatabase(key)).toBe(6);

    // A cleared limit (an unlock) counts once the memory has gone.
    await clearLimit(database.db, key);
    expect((await memory.take(database.db, [{ key, limit }])).allowed).toBe(false);
    now += 6001;
    expect((await memory.take(database.db, [{ key, limit }])).allowed).toBe(true);
    expect(await hitsInDatabase(key)).toBe(1);
  });

  it('stops at the first refused key: later keys are not counted, and a remembered refusal counts none', async () => {
    const [a, b] = [freshKey(), freshKey()];
    const one = { limit: 1, windowSeconds: 600 };
    const memory = new RefusalMemory(10_000);
    expect((await memory.take(database.db, [{ key: a, limit: one }, { key: b, limit }])).allowed).toBe(true);
    const refused = await memory.take(database.db, [{ key: a, limit: one }, { key: b, limit }]);
    expect(refused).toMatchObject({ allowed: false, firstRefusals: [a] });
    expect([await hitsInDatabase(a), await hitsInDatabase(b)]).toEqual([2, 1]);
    expect((await memory.take(database.db, [{ key: b, limit }, { key: a, limit: one }])).allowed).toBe(false);
    expect([await hitsInDatabase(a), await hitsInDatabase(b)]).toEqual([2, 1]);
  });

  it('remembers a bounded number of keys, forgetting the oldest first', async () => {
    const one = { limit: 1, windowSeconds: 600 };
    const memory = new RefusalMemory(10_000, Date.now, 2);
    const keys = [freshKey(), freshKey(), freshKey()];
    for (const key of keys) for (let i = 0; i < 2; i++) await memory.take(database.db, [{ key, limit: one }]);
    for (const key of [keys[1]!, keys[2]!, keys[0]!]) await memory.take(database.db, [{ key, limit: one }]);
    // The oldest was forgotten, so the database saw its third attempt; the other two were refused from memory.
    expect(await Promise.all(keys.map(hitsInDatabase))).toEqual([3, 2, 2]);
  });
});
