// When the idle session ends, seen from the web app (pure; SessionTimeout shows it). The server
// ends a session `idleMinutes` after its last request, but notes that request to the minute
// (LAST_SEEN_RESOLUTION_MS in sessions.repo.ts): the end may come up to a minute before
// `last answer + idle`, so the app counts down to that earlier moment, and only after the latest
// possible end asks the server, which then says the session is over (it never extends it unasked).

export const SERVER_RESOLUTION_MS = 60_000;
/** WCAG 2.2.1 asks at least 20 seconds to extend; two minutes lets one finish a sentence. */
export const WARNING_MS = 2 * 60_000;

export interface SessionTiming {
  /** From here the warning shows. */
  warnAt: number;
  /** The earliest moment the server may end the session: the countdown's zero. */
  endsAt: number;
  /** The latest moment: after it the app asks the server and goes to the login page. */
  surelyEndedAt: number;
}

export function sessionTiming(lastAnswerAt: number, idleMinutes: number): SessionTiming {
  const idle = idleMinutes * 60_000;
  const endsAt = lastAnswerAt + idle - SERVER_RESOLUTION_MS;
  return { warnAt: endsAt - Math.min(WARNING_MS, idle / 2), endsAt, surelyEndedAt: lastAnswerAt + idle + 1_000 };
}

/** "2 minuten", "1 minuut", "45 seconden": rounded up to whole minutes, the last minute in 15-second steps. */
export function timeLeftText(ms: number): string {
  if (ms <= 0) return 'nu';
  if (ms > 60_000) {
    const minutes = Math.ceil(ms / 60_000);
    return `${minutes} minuten`;
  }
  if (ms > 45_000) return '1 minuut';
  const seconds = Math.ceil(ms / 15_000) * 15;
  return `${seconds} seconden`;
}
