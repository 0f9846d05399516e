// Limits failed logins per e-mail address and per IP address, in memory, over a sliding window.
// Pure bookkeeping with an injectable clock, so it is unit-tested without waiting.

export interface LimiterOptions {
  maxFailures: number;
  windowMs: number;
}

export class LoginLimiter {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly options: LimiterOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the next attempt is allowed for any of the keys, or 0 when allowed now. */
  retryAfter(keys: string[]): number {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.options.maxFailures) {
        wait = Math.max(wait, Math.ceil((recent[0]! + this.options.windowMs - now) / 1000));
      }
    }
    return wait;
  }

  fail(keys: string[]): void {
    const now = this.now();
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}
