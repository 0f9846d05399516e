// Figures that do not depend on chance, at Utrecht scale: the synthetic history of
// synthetic-exchange.ts imported into two empty embedded databases, one after the other; every
// year's ZRM report (organisation and each team) and annual report (organisation and each team)
// compared byte for byte, and the two exports too. Prints how many same-day assessment pairs the
// history holds (where a random id used to decide), the timings of import, export and reports, and
// how many printed reports differ (must be 0). A script, not a test: it takes minutes.
//
//   npx tsx scripts/figures/two-installations.ts [--cases 35000] [--seed 7]
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openDatabase, vacuumAnalyze } from '../../src/server/db/database';
import { teams } from '../../src/server/db/schema';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { loadExchangeCodes, validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import { exportHistory } from '../../src/server/modules/exchange/export-history';
import { parseCsv } from '../../src/server/modules/exchange/csv';
import { computeAnnualReport } from '../../src/server/modules/reports/annual-report';
import { computeZrmReport } from '../../src/server/modules/zrm/zrm-report';
import { generateExchange } from '../synthetic-exchange';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '35000' }, seed: { type: 'string', default: '7' } } });
const FROM = '2014-01-01';
const TO = '2017-12-31';
const YEARS = [2014, 2015, 2016, 2017];

const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(1));

/** Same-day pairs of one client that the ZRM report must order: two nulmetingen, or two later assessments. */
function sameDayPairs(zrmCsv: string): number {
  const { header, records } = parseCsv(zrmCsv);
  const at = (name: string) => header.indexOf(name);
  const groups = new Map<string, number>();
  for (const { values: row } of records) {
    const type = row[at('type')]!;
    const kind = type === 'nul' ? 'start' : type === 'periodiek' || type === 'eind' ? 'latest' : null;
    if (!kind) continue;
    const key = `${row[at('client_id')]} ${row[at('assessed_on')]} ${kind}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups.values()].filter((n) => n > 1).length;
}

async function installation(files: Record<string, string>) {
  const database = await openDatabase({ dataDir: 'memory://' });
  const db = database.db;
  const organisationId = await ensureOrganisation(db);
  let started = performance.now();
  const result = await validateAndImport(db, organisationId, files, { write: true, userId: null });
  if (!result.imported) throw new Error(`the generated history has problems: ${JSON.stringify(result.problems.slice(0, 5))}`);
  await vacuumAnalyze(database, { afterBulkLoad: true });
  const importSeconds = seconds(started);

  const teamCodes = (await db.select({ code: teams.code }).from(teams).where(eq(teams.organisationId, organisationId))).map((t) => t.code).sort();
  const printed = new Map<string, string>();
  started = performance.now();
  for (const year of YEARS) {
    for (const team of [undefined, ...teamCodes]) {
      printed.set(`zrm ${year} ${team ?? 'organisatie'}`, JSON.stringify(await computeZrmReport(db, organisationId, { year, teamCode: team })));
    }
  }
  const zrmSeconds = seconds(started);
  started = performance.now();
  for (const year of YEARS) {
    for (const team of [undefined, ...teamCodes]) {
      printed.set(`annual ${year} ${team ?? 'organisatie'}`, JSON.stringify(await computeAnnualReport(db, organisationId, { year, teamCode: team })));
    }
  }
  const annualSeconds = seconds(started);
  started = performance.now();
  const exported = await exportHistory(db, organisationId, (await loadExchangeCodes(db, organisationId)).zrmDomains);
  const exportSeconds = seconds(started);
  await database.close();
  return { printed, exported, importSeconds, zrmSeconds, annualSeconds, exportSeconds };
}

let started = performance.now();
const files = generateExchange({ cases: Number(values.cases), from: FROM, to: TO, seed: Number(values.seed) });
const pairs = sameDayPairs(files['zrm.csv']!);
console.error(`generated ${values.cases} cases (${parseCsv(files['zrm.csv']!).records.length} ZRM rows, ${pairs} same-day pairs) in ${seconds(started)} s`);

const a = await installation(files);
console.error(`installation A: import ${a.importSeconds} s, ${a.printed.size / 2} ZRM reports ${a.zrmSeconds} s, ${a.printed.size / 2} annual reports ${a.annualSeconds} s, export ${a.exportSeconds} s`);
const b = await installation(files);
console.error(`installation B: import ${b.importSeconds} s, ZRM reports ${b.zrmSeconds} s, annual reports ${b.annualSeconds} s, export ${b.exportSeconds} s`);

const differing = [...a.printed.keys()].filter((name) => a.printed.get(name) !== b.printed.get(name));
const differingFiles = Object.keys(a.exported).filter((file) => a.exported[file as keyof typeof a.exported] !== b.exported[file as keyof typeof b.exported]);
// The export keeps the file's row order for zrm.csv.
const zrmInFileOrder = a.exported['zrm.csv'] === files['zrm.csv'];
console.error(`reports compared: ${a.printed.size}, differing: ${differing.length}${differing.length ? ` (${differing.slice(0, 5).join('; ')})` : ''}`);
console.error(`export files differing: ${differingFiles.length}; zrm.csv exported in the file's order: ${zrmInFileOrder}`);
console.log(
  JSON.stringify({
    cases: Number(values.cases),
    sameDayPairs: pairs,
    reportsCompared: a.printed.size,
    reportsDiffering: differing.length,
    exportFilesDiffering: differingFiles.length,
    zrmInFileOrder,
    seconds: { importA: a.importSeconds, importB: b.importSeconds, zrmReports: a.zrmSeconds, annualReports: a.annualSeconds, export: a.exportSeconds },
  }),
);
process.exitCode = differing.length || differingFiles.length || !zrmInFileOrder ? 1 : 0;
