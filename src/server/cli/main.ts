// `npm run cli -- <command>`: administration from the command line. Every command first migrates the
// database and makes sure the organisation exists (without demo content).
import { readConfig } from '../config';
import { bootstrap } from '../bootstrap';
import { DomainError, Invalid } from '../lib/errors';
import { DatabaseInUse } from '../db/database';
import type { Command } from './command';
import { userAdd, userUnlock } from './commands/user';
import { zrmDescriptionsCommand, zrmMatrixCommand } from './commands/zrm-config';
import { exportCommand, importCommand } from './commands/exchange';
import { reportAnnual, reportFlow } from './commands/report';
import { reportZrm } from './commands/zrm-report';
import { retentionList } from './commands/retention';
import { iwmoInbox, iwmoOutbox } from './commands/iwmo';

const COMMANDS: Command[] = [
  { words: ['migrate'], usage: 'migrate                         database bijwerken naar het huidige schema', run: async () => (console.log('Database is bijgewerkt.'), 0) },
  {
    words: ['user', 'add'],
    usage: 'user add --email E --password P --role R [--name N] [--team TEAMCODE]\n                                  account aanmaken (rollen: medewerker, teamleider, kwaliteit, analist, beheerder)',
    run: userAdd,
  },
  {
    words: ['user', 'unlock'],
    usage: 'user unlock --email E [--address IP]\n                                  mislukte inlogpogingen op dit account vergeten (van elk adres), en met --address alle van dat adres',
    run: userUnlock,
  },
  { words: ['zrm', 'matrix'], usage: 'zrm matrix 2013|2017             de ZRM met 11 (2013) of 13 (2017) leefgebieden gebruiken', run: zrmMatrixCommand },
  { words: ['zrm', 'descriptions'], usage: 'zrm descriptions BESTAND.json   de (gelicentieerde) omschrijvingen per leefgebied en score laden', run: zrmDescriptionsCommand },
  { words: ['import'], usage: 'import MAP                      een registratiegeschiedenis (uitwisselformaat) importeren', run: importCommand },
  { words: ['export'], usage: 'export MAP                      de registratiegeschiedenis in het uitwisselformaat wegschrijven', run: exportCommand },
  { words: ['report', 'annual'], usage: 'report annual --year JJJJ [--quarter K] [--team TEAMCODE] --format json|csv\n                                  jaarverslag (of kwartaalrapportage t/m kwartaal K) op het scherm', run: reportAnnual },
  { words: ['report', 'flow'], usage: 'report flow --year JJJJ [--team TEAMCODE] --format json|csv\n                                  uitstroom: triage, dagen tot beschikking en start, wachten op start, naar maatwerk, langer dan 3 maanden', run: reportFlow },
  { words: ['report', 'zrm'], usage: 'report zrm --year JJJJ [--team TEAMCODE] --format json\n                                  ZRM-voortgang per domein (nulmeting → laatste meting in het jaar)', run: reportZrm },
  {
    words: ['iwmo', 'outbox'],
    usage: 'iwmo outbox MAP                 een WMO301 per cliënt en aanbieder met de nieuwe en gewijzigde toewijzingen in MAP zetten',
    run: iwmoOutbox,
  },
  {
    words: ['iwmo', 'inbox'],
    usage: 'iwmo inbox MAP [--retour UITMAP]\n                                  de berichten van aanbieders (305, 307, 315, 302) in MAP verwerken; retourberichten in UITMAP (standaard MAP/retour)',
    run: iwmoInbox,
  },
  { words: ['retention', 'list'], usage: 'retention list [--today JJJJ-MM-DD]\n                                  cliënten van wie de bewaartermijn verstreken is op de lijst "te beoordelen" zetten', run: retentionList },
];

const USAGE = `Gebruik: npm run cli -- <opdracht>\n\nOpdrachten:\n${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}\n`;

async function run(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  const command = COMMANDS.find((c) => c.words.every((word, i) => argv[i] === word));
  if (!command) {
    console.error(`Onbekende opdracht: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const config = readConfig();
  const { database, organisationId } = await bootstrap(config);
  try {
    return await command.run({ database, organisationId, config, args: argv.slice(command.words.length) });
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof Invalid) {
    for (const field of error.fields) console.error(`${field.path}: ${field.message}`);
  } else if (error instanceof DomainError || error instanceof DatabaseInUse || (error instanceof TypeError && 'code' in error)) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
