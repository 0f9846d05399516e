// The database rate limiter: window, limit, give-back, parallel takers and pruning, on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { clearLimit, clearLimitsStartingWith, giveBackSlot, pruneRateLimits, takeSlot } from './rate-limit';

let database: Database;
beforeAll(async () => {
  database = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: 'memory://' });
});
afterAll(() => database.close());

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
