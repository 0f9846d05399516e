// Account lockout with back-off after failed passwords in a row: 5 failures lock the account for a
// minute, each further failure doubles the wait, up to an hour; a correct password resets it. The
// counters live in the database (users.failed_logins, users.locked_until) so every process sees
// them. Pure rules with the clock passed in; auth.service.ts applies them.

export const LOCKOUT_AFTER_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3600_000;

export interface LockState {
  failedLogins: number;
  lockedUntil: Date | null;
}

/** How long the account stays locked after this many failed passwords in a row (0: not locked). */
export function lockDurationMs(failedLogins: number): number {
  if (failedLogins < LOCKOUT_AFTER_FAILURES) return 0;
  // 2^20 minutes is far beyond the cap already; stop doubling there to keep the number finite.
  return Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(failedLogins - LOCKOUT_AFTER_FAILURES, 20));
}

/** The state after one more failed password at `now`. */
export function afterFailure(state: LockState, now: Date): LockState {
  const failedLogins = state.failedLogins + 1;
  const lockMs = lockDurationMs(failedLogins);
  return { failedLogins, lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : state.lockedUntil };
}

/** Whole seconds until the account may try again, or 0 when it may now. */
export function lockWaitSeconds(state: Pick<LockState, 'lockedUntil'>, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** The Dutch message for a locked account, with the wait rounded up to whole minutes. */
export function lockedMessage(waitSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60));
  return `Te veel mislukte pogingen. Probeer het over ${minutes === 1 ? '1 minuut' : `${minutes} minuten`} opnieuw.`;
}

/**
 * The same bookkeeping in memory for e-mail addresses without an account, so that an unknown
 * address gets exactly the answers of an existing one (a lock after 5 tries) and the login does
 * not tell which accounts exist. At most `maxEntries` addresses; the oldest are forgotten first.
 */
export class UnknownAccountLocks {
  private states = new Map<string, LockState>();

  constructor(private readonly maxEntries = 10_000) {}

  get(email: string): LockState {
    return this.states.get(email) ?? { failedLogins: 0, lockedUntil: null };
  }

  fail(email: string, now: Date): void {
    const next = afterFailure(this.get(email), now);
    this.states.delete(email);
    this.states.set(email, next);
    if (this.states.size > this.maxEntries) this.states.delete(this.states.keys().next().value!);
  }
}
