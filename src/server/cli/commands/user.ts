// `user add`: create an account.
import { parseArgs } from 'node:util';
import type { Role } from '../../access/permissions';
import { readConfig } from '../../config';
import { loadPasswordDenylist } from '../../modules/auth/password-denylist';
import { createUser } from '../../modules/users/users.service';
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
