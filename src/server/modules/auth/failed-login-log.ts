// Failed and refused logins in the access log (NEN 7513): action 'login', outcome 'denied', the
// account as the entity (nobody as the actor: who tried is exactly what is not known), the client's
// address and the reason; never the password. An e-mail address without an account has no
// organisation whose log it belongs in: the application log has that attempt (without the address
// typed). A refusal by the limit is logged once per key and window (the service decides), so
// hammering a refused login does not grow the log.
//
// The row is written after the answer has gone, not before: an attempt on an existing account must
// not answer measurably later than one on an unknown address (which writes no row).
// failedLoginsLogged() waits for the rows still being written (tests).
import type { Db } from '../../db/database';
import { writeAudit } from '../../audit/audit.writer';
import type { LoginLimitKind } from './login-limits';

export type FailedLoginReason = 'wrong_password' | 'account_inactive' | 'too_many_attempts';

export interface FailedLogin {
  /** The account of the e-mail address typed, or null when there is none. */
  account: { organisationId: string; id: string } | null;
  address: string;
  reason: FailedLoginReason;
  /** For a refusal: the limit that refused it. */
  limit?: LoginLimitKind;
}

export interface LoginLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const pending = new Set<Promise<void>>();

export function logFailedLogin(db: Db, log: LoginLog, attempt: FailedLogin): void {
  const { account, address, reason, limit } = attempt;
  log.info({ reason, address, account: account?.id ?? null, ...(limit ? { limit } : {}) }, 'login refused');
  if (!account) return;
  const write: Promise<void> = writeAudit(
    db,
    { organisationId: account.organisationId, userId: null },
    { action: 'login', outcome: 'denied', entityType: 'user', entityId: account.id, onBehalfOf: null, changes: { reason, address, ...(limit ? { limit } : {}) } },
  )
    .catch((err: unknown) => log.error({ err }, 'failed login not written to the access log'))
    .finally(() => pending.delete(write));
  pending.add(write);
}

/** Resolves once every failed login logged so far is in the access log. */
export async function failedLoginsLogged(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}
