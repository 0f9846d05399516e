// Caps the argon2 password checks (and hashes) running at once in this process. Each check takes ~20 ms of a
// core and 19 MiB; a burst of hundreds at once would fill libuv's thread pool (which file reads
// share) and every core, and slow every other user. Checks beyond the cap wait in line; when the
// line is full the login is refused at once with 503 and Retry-After rather than queued for longer.
import { Unavailable } from '../../lib/errors';

/** Waiting checks per running one: with 1 at a time (~20 ms each) the last in line waits about a second. */
const WAITING_PER_RUNNING = 50;
export const BUSY_MESSAGE = 'Het is even te druk om in te loggen. Probeer het over een paar seconden opnieuw.';
const BUSY_RETRY_SECONDS = 5;

export class PasswordChecks {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly maxWaiting: number;

  constructor(private readonly concurrency: number) {
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error(`concurrency must be a whole number of at least 1, got ${concurrency}`);
    this.maxWaiting = concurrency * WAITING_PER_RUNNING;
  }

  /** Runs `work` (an argon2 verify or hash) when a place is free; throws Unavailable when the line is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length >= this.maxWaiting) throw new Unavailable(BUSY_MESSAGE, BUSY_RETRY_SECONDS);
    // The place of a finished check passes straight to the first in line, so `running` stays right.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
