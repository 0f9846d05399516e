// Failed and refused logins in the access log (NEN 7513): action 'login', outcome 'denied', the
// account as the entity (nobody as the actor: who tried is exactly what is not known), the client's
// address and the reason; never the password. An e-mail address without an account has no
// organisation whose log it belongs in: the application log has that attempt (without the address
// typed). A refusal by the limit is logged once per key and window (the service decides), so
// hammering a refused login does not grow the log.
//
// The row is written without the answer waiting for it (audit/after-answer.ts): an attempt on an
// existing account must not answer measurably later than one on an unknown address (which writes no row).
import type { Db } from '../../db/database';
import { auditAfterAnswer } from '../../audit/after-answer';
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

export function logFailedLogin(db: Db, log: LoginLog, attempt: FailedLogin): void {
  const { account, address, reason, limit } = attempt;
  log.info({ reason, address, account: account?.id ?? null, ...(limit ? { limit } : {}) }, 'login refused');
  if (!account) return;
  auditAfterAnswer(
    () =>
      writeAudit(
        db,
        { organisationId: account.organisationId, userId: null },
        { action: 'login', outcome: 'denied', entityType: 'user', entityId: account.id, onBehalfOf: null, changes: { reason, address, ...(limit ? { limit } : {}) } },
      ),
    (err) => log.error({ err }, 'failed login not written to the access log'),
  );
}
