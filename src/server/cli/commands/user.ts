// `user add`: create an account. `user unlock`: let an account in again that the login limit refuses.
import { parseArgs } from 'node:util';
import type { Role } from '../../access/permissions';
import { readConfig } from '../../config';
import { loadPasswordDenylist } from '../../modules/auth/password-denylist';
import { createUser } from '../../modules/users/users.service';
import { unlockAccount } from '../../modules/auth/unlock';
import { Invalid } from '../../lib/errors';
import type { CommandContext } from '../command';

export async function userAdd({ database, organisationId, args }: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, team: { type: 'string' } },
    strict: true,
  });
  const user = await createUser(database.db, organisationId, {
    email: values.email ?? '',
    password: values.password ?? '',
    role: (values.role ?? '') as Role,
    name: values.name ?? values.email ?? '',
    teamCode: values.team,
  }, { denylist: await loadPasswordDenylist(readConfig().passwordDenylistFile) });
  console.log(`Account aangemaakt: ${user.email} (${user.role})`);
  return 0;
}

export async function userUnlock({ database, args }: CommandContext): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, address: { type: 'string' } }, strict: true });
  if (!values.email) throw new Invalid([{ path: 'email', message: 'Geef het e-mailadres van het account: --email E' }]);
  const { email, addressesCleared } = await unlockAccount(database.db, { email: values.email, address: values.address });
  const from = addressesCleared === 1 ? '1 adres' : `${addressesCleared} adressen`;
  console.log(`Mislukte inlogpogingen vergeten voor ${email} (vanaf ${from})${values.address ? ` en voor het adres ${values.address}` : ''}.`);
  return 0;
}
