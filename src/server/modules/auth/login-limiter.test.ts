import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter';

describe('login limiter', () => {
  it('blocks after the maximum failures within the window and frees up when the window passes', () => {
    let now = 0;
    const limiter = new LoginLimiter({ maxFailures: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter(['a'])).toBe(0);
      limiter.fail(['a']);
      now += 1000;
    }
    expect(limiter.retryAfter(['a'])).toBe(57);
    expect(limiter.retryAfter(['b'])).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter(['a'])).toBe(0);
  });
  it('forgets failures after a success', () => {
    const limiter = new LoginLimiter({ maxFailures: 2, windowMs: 60_000 }, () => 0);
    limiter.fail(['a', 'ip']);
    limiter.succeed(['a', 'ip']);
    limiter.fail(['a', 'ip']);
    expect(limiter.retryAfter(['a', 'ip'])).toBe(0);
  });
});
