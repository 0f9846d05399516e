// The beheerder's way back in for an account whose owner is refused by the login limit
// (`npm run cli -- user unlock`): forgets the account's failed logins from every address, and
// optionally everything counted for one address (an office behind one address that a spray from
// the same address has blocked). Waiting also works: every limit ends with its window.
import type { Db } from '../../db/database';
import { writeAudit } from '../../audit/audit.writer';
import { NotFound } from '../../lib/errors';
import { clearLimit, clearLimitsStartingWith } from '../../lib/rate-limit';
import { findUserByEmail } from '../users/users.repo';
import { accountKeyPrefix, addressKey } from './login-limits';

export async function unlockAccount(db: Db, input: { email: string; address?: string }): Promise<{ email: string; addressesCleared: number }> {
  const user = await findUserByEmail(db, input.email);
  if (!user) throw new NotFound(`Er is geen account met het e-mailadres ${input.email.trim()}`);
  return db.transaction(async (tx) => {
    // One key per address the account was tried from.
    const cleared = await clearLimitsStartingWith(tx, accountKeyPrefix(user.email));
    if (input.address) await clearLimit(tx, addressKey(input.address));
    await writeAudit(tx, { organisationId: user.organisationId, userId: null }, {
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      changes: { loginLimitAddressesCleared: cleared, ...(input.address ? { address: input.address } : {}) },
    });
    return { email: user.email, addressesCleared: cleared };
  });
}
