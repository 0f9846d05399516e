// `iwmo outbox DIR` and `iwmo inbox DIR [--retour OUTDIR]`: the iWmo message traffic with providers
// through two folders (docs/iwmo.md), for a daily job or by hand.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeOutbox } from '../../modules/maatwerk/iwmo-flow/iwmo-outbox.service';
import { readInbox, REJECTED_FOLDER } from '../../modules/maatwerk/iwmo-flow/iwmo-inbox.service';
import type { CommandContext } from '../command';

const plural = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

export async function iwmoOutbox({ database, organisationId, args, config }: CommandContext): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [dir] = positionals;
  if (!dir || positionals.length !== 1) {
    console.error('Gebruik: npm run cli -- iwmo outbox MAP');
    return 2;
  }
  const result = await writeOutbox(database.db, organisationId, path.resolve(dir), { gemeentecode: config.gemeentecode, xsdDir: config.iwmoXsdDir });
  for (const message of result.written) {
    console.log(`${message.file}: ${message.provider}, ${plural(message.assignments.length, 'toewijzing', 'toewijzingen')} (${message.assignments.join(', ')})`);
  }
  for (const skipped of result.skipped) console.log(`Niet verstuurd: ${skipped.reason}`);
  if (result.written.length === 0 && result.skipped.length === 0) console.log('Er zijn geen nieuwe of gewijzigde toewijzingen: er is niets geschreven.');
  else console.log(`${plural(result.written.length, 'bericht', 'berichten')} WMO301 geschreven in ${dir}${result.skipped.length ? `; ${result.skipped.length} niet verstuurd` : ''}.`);
  return 0;
}

export async function iwmoInbox({ database, organisationId, args, config }: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { retour: { type: 'string' } }, allowPositionals: true, strict: true });
  const [dir] = positionals;
  if (!dir || positionals.length !== 1) {
    console.error('Gebruik: npm run cli -- iwmo inbox MAP [--retour UITMAP]');
    return 2;
  }
  const outDir = values.retour ?? path.join(dir, 'retour');
  const result = await readInbox(database.db, organisationId, path.resolve(dir), path.resolve(outDir), { gemeentecode: config.gemeentecode });
  for (const file of result.files) {
    const kind = file.kind ? ` (WMO${file.kind})` : '';
    const retour = file.retourFile ? `; retour ${file.retourFile}` : '';
    if (file.status === 'afgekeurd') {
      console.log(`${file.file}${kind}: afgekeurd, verplaatst naar ${REJECTED_FOLDER}/ met ${file.file}.fout.txt${retour}`);
      console.log(`  ${(file.error ?? '').split(/\r?\n/)[0]}`);
    } else {
      console.log(`${file.file}${kind}: ${file.summary}${retour}`);
    }
  }
  const processed = result.files.length - result.refused;
  if (result.files.length === 0) console.log(`Er staan geen berichten in ${dir}.`);
  else console.log(`${plural(result.files.length, 'bestand', 'bestanden')} gelezen: ${processed} verwerkt, ${result.refused} afgekeurd.`);
  return result.refused > 0 ? 1 : 0;
}
