// `npm run cli -- <command>`: administration from the command line. Every command first migrates the
// database and makes sure the organisation exists (without demo content).
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { bootstrap } from '../bootstrap';
import { createUser } from '../modules/users/users.service';
import { DomainError, Invalid } from '../lib/errors';
import type { Role } from '../access/permissions';

const USAGE = `Gebruik: npm run cli -- <opdracht>

Opdrachten:
  migrate                         database bijwerken naar het huidige schema
  user add --email E --password P --role R [--name N] [--team TEAMCODE]
                                  account aanmaken (rollen: medewerker, teamleider, kwaliteit, analist, beheerder)
`;

async function run(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const known = command === 'migrate' || (command === 'user' && sub === 'add');
  if (!known) {
    console.error(`Onbekende opdracht: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const { database, organisationId } = await bootstrap(readConfig());
  try {
    if (command === 'migrate') {
      console.log('Database is bijgewerkt.');
      return 0;
    }
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, team: { type: 'string' } },
      strict: true,
    });
    const user = await createUser(database.db, organisationId, {
      email: values.email ?? '',
      password: values.password ?? '',
      role: (values.role ?? '') as Role,
      name: values.name ?? values.email ?? '',
      teamCode: values.team,
    });
    console.log(`Account aangemaakt: ${user.email} (${user.role})`);
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof Invalid) {
    for (const field of error.fields) console.error(`${field.path}: ${field.message}`);
  } else if (error instanceof DomainError || (error instanceof TypeError && 'code' in error)) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
