// Audit rows that are written just after the answer, never before it: a refused look at an existing
// record (audit/denied-log.ts) and a failed login on an existing account (modules/auth). Waiting for
// such a row would make the answer measurably slower than the same answer about nothing (an unknown
// id, an unknown e-mail address), and the difference would tell an attacker what exists. The price,
// accepted: such a row is lost if the process dies between the answer and the write. Nothing a user
// was told is lost that way: these rows record refusals.
// `auditAfterAnswerSettled()` waits for the rows still being written (the tests; an app's close).
const pending = new Set<Promise<void>>();

/** Runs `write` without anyone waiting for it; a failure goes to `onError` (the application log). */
export function auditAfterAnswer(write: () => Promise<void>, onError: (err: unknown) => void): void {
  const running: Promise<void> = Promise.resolve()
    .then(write)
    .catch(onError)
    .finally(() => pending.delete(running));
  pending.add(running);
}

/** Resolves once every row handed to auditAfterAnswer so far is written (or has failed). */
export async function auditAfterAnswerSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
