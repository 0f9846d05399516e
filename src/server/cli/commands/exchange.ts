// `import DIR` and `export DIR`: a registration history in the exchange format.
import { vacuumAnalyze } from '../../db/database';
import { exportToFolder, readExchangeFolder, validateAndImport } from '../../modules/exchange/exchange.service';
import type { CommandContext } from '../command';

export async function importCommand({ database, organisationId, args }: CommandContext): Promise<number> {
  const [dir] = args;
  if (!dir || args.length !== 1) {
    console.error('Gebruik: npm run cli -- import MAP');
    return 2;
  }
  const started = performance.now();
  const files = await readExchangeFolder(dir);
  const result = await validateAndImport(database.db, organisationId, files, {
    write: true,
    userId: null,
    onProgress: (c, ms) => console.log(`${c.file.padEnd(17)} ${String(c.rows).padStart(7)} regels: ${c.created} nieuw, ${c.updated} gewijzigd, ${c.unchanged} ongewijzigd (${(ms / 1000).toFixed(1)} s)`),
  });
  if (!result.valid) {
    for (const p of result.allProblems) console.error(`${p.file}:${p.line}: ${p.message}`);
    console.error(`\n${result.allProblems.length} fouten gevonden; er is niets geïmporteerd.`);
    return 1;
  }
  // Fresh planner statistics after a bulk load (the embedded database has no autovacuum).
  await vacuumAnalyze(database, { afterBulkLoad: true });
  console.log(`Import klaar in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

export async function exportCommand({ database, organisationId, args }: CommandContext): Promise<number> {
  const [dir] = args;
  if (!dir || args.length !== 1) {
    console.error('Gebruik: npm run cli -- export MAP');
    return 2;
  }
  const rows = await exportToFolder(database.db, organisationId, dir, null);
  for (const [file, count] of Object.entries(rows)) console.log(`${file.padEnd(17)} ${String(count).padStart(7)} regels`);
  return 0;
}
