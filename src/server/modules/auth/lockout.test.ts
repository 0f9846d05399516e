import { describe, expect, it } from 'vitest';
import { afterFailure, lockDurationMs, lockedMessage, lockWaitSeconds, UnknownAccountLocks, type LockState } from './lockout';

const MINUTE = 60_000;

describe('account lockout', () => {
  it('locks after 5 failures for a minute, doubles per further failure and stops at an hour', () => {
    expect([0, 1, 4].map(lockDurationMs)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 1000].map((n) => lockDurationMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('sets the lock from the moment of the failure and keeps the count', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    let state: LockState = { failedLogins: 0, lockedUntil: null };
    for (let i = 0; i < 4; i++) state = afterFailure(state, now);
    expect(state).toEqual({ failedLogins: 4, lockedUntil: null });
    state = afterFailure(state, now);
    expect(state).toEqual({ failedLogins: 5, lockedUntil: new Date('2026-03-02T09:01:00Z') });
    state = afterFailure(state, new Date('2026-03-02T09:05:00Z'));
    expect(state).toEqual({ failedLogins: 6, lockedUntil: new Date('2026-03-02T09:07:00Z') });
  });

  it('counts the wait in whole seconds and says it in minutes', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    expect(lockWaitSeconds({ lockedUntil: null }, now)).toBe(0);
    expect(lockWaitSeconds({ lockedUntil: new Date('2026-03-02T08:59:00Z') }, now)).toBe(0);
    expect(lockWaitSeconds({ lockedUntil: new Date('2026-03-02T09:01:59.500Z') }, now)).toBe(120);
    expect(lockedMessage(30)).toBe('Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.');
    expect(lockedMessage(61)).toBe('Te veel mislukte pogingen. Probeer het over 2 minuten opnieuw.');
  });

  it('treats unknown addresses the same way and forgets the oldest beyond its size', () => {
    const locks = new UnknownAccountLocks(2);
    const now = new Date('2026-03-02T09:00:00Z');
    for (let i = 0; i < 5; i++) locks.fail('a@x.nl', now);
    expect(lockWaitSeconds(locks.get('a@x.nl'), now)).toBe(60);
    locks.fail('b@x.nl', now);
    locks.fail('c@x.nl', now);
    expect(locks.get('a@x.nl').failedLogins).toBe(0);
    expect(locks.get('c@x.nl').failedLogins).toBe(1);
  });
});
