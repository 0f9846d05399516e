// How long the analyst's suppressed reports take, against the exact ones other roles get, on a
// benchmark dataset (docs/small-numbers.md). Prints one table (standard error) and one JSON object
// (standard output). A script, not a test: it asserts nothing.
//
//   npx tsx scripts/security/small-numbers-family.ts [--data .bench/utrecht-1y] [--year 2025] [--runs 5]
//   DATABASE_URL=postgres://…/kt_bench npx tsx scripts/security/small-numbers-family.ts
//
// The dataset is the one `npm run bench -- --dataset utrecht-1y` builds (and keeps); the year
// defaults to last year. Timings on a shared machine are noisy: compare runs on a quiet one.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/server/db/database';
import type { Actor } from '../../src/server/access/actor';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { suppressAnnualFamily } from '../../src/server/modules/reports/annual-family';
import { computeAnnualFamily, computeAnnualReport, publishAnnualReport } from '../../src/server/modules/reports/annual-report';
import { DEFAULT_SMALL_NUMBERS } from '../../src/server/modules/reports/small-numbers';
import { teamFigures } from '../../src/server/modules/worklists/worklists.service';
import { computeZrmReport, publishZrmReport } from '../../src/server/modules/zrm/zrm-report';

const { values } = parseArgs({ options: { data: { type: 'string', default: '.bench/utrecht-1y' }, year: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const year = Number(values.year ?? Number(todayInNetherlands().slice(0, 4)) - 1);
const runs = Number(values.runs);
const database = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: path.resolve(values.data!) });
const org = await ensureOrganisation(database.db);
const db = database.db;

interface Timing {
  /** Wall-clock milliseconds, median and fastest. */
  p50: number;
  min: number;
  /** Milliseconds of this process's CPU, median (the part other processes on the machine do not slow down as much). */
  cpu: number;
}

async function time(runsOf: number, work: () => Promise<unknown>): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runsOf; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await work();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { p50: Math.round(median(wall)), min: Math.round(Math.min(...wall)), cpu: Math.round(median(cpu)) };
}

const actor = (role: Actor['role']): Actor => ({ organisationId: org, userId: 'bench', role, teamId: null, name: 'bench', emergencyClientIds: [] });
const analyst = actor('analist');
const leader = actor('teamleider');
const family = await computeAnnualFamily(db, org, year);
const suppressed = suppressAnnualFamily(family, DEFAULT_SMALL_NUMBERS);
const teams = family.codeLists.teams.map((t) => t.code);
const shown = suppressed.publish(4, null);
const timings: Record<string, Timing> = {
  'jaarverslag, exact (andere rollen)': await time(runs, () => computeAnnualReport(db, org, { year })),
  'jaarverslag, exact, één team': await time(runs, () => computeAnnualReport(db, org, { year, teamCode: teams[0] })),
  'familie: queries (76 varianten)': await time(runs, () => computeAnnualFamily(db, org, year)),
  'familie: afscherming (koud)': await time(runs, async () => suppressAnnualFamily(family, DEFAULT_SMALL_NUMBERS)),
  'jaarverslag analist (familie bewaard)': await time(runs, () => publishAnnualReport(db, org, { year, quarter: 2, teamCode: teams[1] }, DEFAULT_SMALL_NUMBERS)),
  'zrm-rapport, exact': await time(runs, () => computeZrmReport(db, org, { year })),
  'zrm-rapport analist (organisatie + teams)': await time(runs, () => publishZrmReport(db, org, { year }, DEFAULT_SMALL_NUMBERS)),
  'cijfers per team, exact': await time(runs, () => teamFigures(db, leader)),
  'cijfers per team analist': await time(runs, () => teamFigures(db, analyst, DEFAULT_SMALL_NUMBERS)),
};
const cells = Object.keys(shown.suppression!.cells).length;
console.error(`\nms, ${process.env.DATABASE_URL ? 'PostgreSQL' : `embedded (${values.data})`}, year ${year}, ${runs} runs      p50      min   cpu p50`);
for (const [name, t] of Object.entries(timings)) console.error(`${name.padEnd(46)} ${String(t.p50).padStart(8)} ${String(t.min).padStart(8)} ${String(t.cpu).padStart(9)}`);
console.error(`suppressed cells in the organisation's year report: ${cells}`);
console.log(JSON.stringify({ year, database: process.env.DATABASE_URL ? 'postgres' : 'pglite', runs, timings, suppressedCellsOrganisationYear: cells }));
await database.close();
