// Times the exchange import and the annual report over a Utrecht-scale history on the embedded
// database (PGlite): the synthetic history of synthetic-exchange.ts (35,000 cases by default over
// 2014..2017) imported as `npm run cli -- import` does, then ANALYZE, then computeAnnualReport for
// one year: the first run and the best of 3.
//
//   npx tsx scripts/bench-report.ts [--year 2016] [--cases 35000] [--seed 7]
import { parseArgs } from 'node:util';
import { openDatabase, vacuumAnalyze } from '../src/server/db/database';
import { ensureOrganisation } from '../src/server/modules/reference/reference.service';
import { validateAndImport } from '../src/server/modules/exchange/exchange.service';
import { computeAnnualReport } from '../src/server/modules/reports/annual-report';
import { generateExchange } from './synthetic-exchange';

const { values } = parseArgs({ options: { year: { type: 'string', default: '2016' }, cases: { type: 'string', default: '35000' }, seed: { type: 'string', default: '7' } } });
const YEAR = Number(values.year);

const database = await openDatabase({ dataDir: 'memory://' });
const db = database.db;
const organisationId = await ensureOrganisation(db);

let started = performance.now();
const files = generateExchange({ cases: Number(values.cases), from: '2014-01-01', to: '2017-12-31', seed: Number(values.seed) });
console.log(`generated ${values.cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
started = performance.now();
const result = await validateAndImport(db, organisationId, files, { write: true, userId: null });
if (!result.valid) throw new Error(`the generated history has problems: ${JSON.stringify(result.problems.slice(0, 5))}`);
await vacuumAnalyze(database, { afterBulkLoad: true });
console.log(`imported ${result.files.map((f) => `${f.rows} ${f.file}`).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function time(label: string, options: Parameters<typeof computeAnnualReport>[2]) {
  const runs: number[] = [];
  let report: Awaited<ReturnType<typeof computeAnnualReport>> | null = null;
  for (let run = 0; run < 4; run++) {
    const t0 = performance.now();
    report = await computeAnnualReport(db, organisationId, options);
    runs.push(performance.now() - t0);
  }
  const [first, ...rest] = runs;
  console.log(
    `${label.padEnd(34)} first ${first!.toFixed(0).padStart(5)} ms   best of 3 ${Math.min(...rest).toFixed(0).padStart(5)} ms   (running in year: ${report!.cases.running.year}, unique clients: ${report!.unique_clients.year})`,
  );
}
await time(`annual report ${YEAR}`, { year: YEAR });
await time(`quarterly report ${YEAR} Q2`, { year: YEAR, quarter: 2 });
await time(`annual report ${YEAR}, one team`, { year: YEAR, teamCode: 'overvecht-centrum' });
await database.close();
