// Times the annual report over a Utrecht-scale history on the embedded database (PGlite):
// ~35,000 cases, 40,000 clients, 35,000 ZRM rows and 2,000 provisions over 2012..2017, generated
// with a fixed seed and bulk-inserted directly (no importer), then ANALYZE, then
// computeAnnualReport for one year: the first run and the best of 3.
//
//   npx tsx scripts/bench-report.ts [--year 2016] [--cases 35000] [--seed 7]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openDatabase, refreshPlannerStatistics, type Db } from '../src/server/db/database';
import { caseClients, cases, clients, provisions, zrmAssessments } from '../src/server/db/schema';
import { ensureOrganisation } from '../src/server/modules/reference/reference.service';
import { computeAnnualReport } from '../src/server/modules/reports/annual-report';
import { teams } from '../src/server/db/schema';
import codesFile from '../src/server/modules/reference/codes.json' with { type: 'json' };

const { values } = parseArgs({ options: { year: { type: 'string', default: '2016' }, cases: { type: 'string', default: '35000' }, seed: { type: 'string', default: '7' } } });
const YEAR = Number(values.year);
const CASES = Number(values.cases);
const CLIENTS = Math.round((CASES * 40) / 35);
const ZRM = CASES;
const PROVISIONS = Math.round((CASES * 2) / 35);
const FROM = '2012-01-01';
const TO = '2017-12-31';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(Number(values.seed));
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const chance = (p: number) => random() < p;
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

async function insertAll<T>(db: Db, table: Parameters<Db['insert']>[0], rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) await db.insert(table).values(rows.slice(i, i + 2000) as never);
}

async function main() {
  const started = performance.now();
  const database = await openDatabase({ dataDir: 'memory://' });
  const db = database.db;
  const organisationId = await ensureOrganisation(db);
  const teamIds = (await db.select({ id: teams.id }).from(teams)).map((t) => t.id);

  const clientIds = Array.from({ length: CLIENTS }, () => randomUUID());
  let nextClient = 0;
  const freshClient = () => (nextClient < CLIENTS ? clientIds[nextClient++]! : pick(clientIds.slice(0, nextClient)));

  const span = daysBetween(FROM, TO);
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const linkRows: (typeof caseClients.$inferInsert)[] = [];
  const households: { caseId: string; clients: string[]; from: string; to: string }[] = [];
  const closeReasons = codesFile.close_reasons.map((r) => r.code);
  const closeOutcomes = codesFile.close_outcomes.map((r) => r.code);
  for (let i = 0; i < CASES; i++) {
    const id = randomUUID();
    const registeredOn = addDays(FROM, int(0, span));
    const firstMeetingOn = chance(0.9) ? addDays(registeredOn, int(0, 20)) : null;
    let closedOn: string | null = addDays(firstMeetingOn ?? registeredOn, Math.round(-Math.log(1 - random()) * 220));
    if (closedOn > TO || chance(0.03)) closedOn = null;
    const reasonCount = closedOn ? (chance(0.03) ? 0 : chance(0.04) ? 2 : 1) : 0;
    const main = i > 0 && chance(0.08) ? clientIds[int(0, nextClient - 1)]! : freshClient();
    const members = [main];
    if (chance(0.1)) for (let m = int(1, 3); m > 0; m--) members.push(freshClient());
    const unique = [...new Set(members)];
    caseRows.push({
      organisationId,
      id,
      externalId: `B${i}`,
      teamId: pick(teamIds),
      status: closedOn ? 'closed' : firstMeetingOn ? 'running' : 'registered',
      registeredOn,
      referrerCode: chance(0.1) ? 'onbekend' : pick(codesFile.referrers).code,
      firstMeetingOn,
      firstMeetingLocation: firstMeetingOn ? pick(['thuis', 'kantoor', 'elders']) : null,
      closedOn,
      closeReasons: Array.from({ length: reasonCount }, () => pick(closeReasons)),
      closeOutcomes: closedOn ? Array.from({ length: int(0, 2) }, () => pick(closeOutcomes)) : [],
      satisfactionScore: closedOn && chance(0.35) ? int(4, 10) : null,
      canContinueAlone: closedOn && chance(0.5) ? chance(0.8) : null,
    });
    unique.forEach((clientId, n) => linkRows.push({ organisationId, caseId: id, clientId, role: n === 0 ? 'hoofdclient' : 'huishoudlid' }));
    households.push({ caseId: id, clients: unique, from: registeredOn, to: closedOn ?? TO });
  }
  const zrmTypes = ['nul', 'doel', 'periodiek', 'eind'];
  const zrmRows: (typeof zrmAssessments.$inferInsert)[] = Array.from({ length: ZRM }, (_, i) => {
    const h = pick(households);
    return {
      organisationId,
      externalId: `Z${i}`,
      caseId: h.caseId,
      clientId: pick(h.clients),
      assessedOn: addDays(h.from, int(0, Math.max(0, daysBetween(h.from, h.to)))),
      type: chance(0.02) ? 'onbekend' : pick(zrmTypes),
      scores: { financien: int(1, 5), huisvesting: int(1, 5) },
    };
  });
  const provisionRows: (typeof provisions.$inferInsert)[] = [];
  for (let i = 0; i < PROVISIONS; i++) {
    const previous = provisionRows.length > 0 && chance(0.2) ? pick(provisionRows) : null;
    const product = pick(codesFile.provision_products);
    const h = pick(households);
    provisionRows.push({
      organisationId,
      id: randomUUID(),
      externalId: `P${i}`,
      caseId: previous?.caseId ?? h.caseId,
      clientId: previous?.clientId ?? h.clients[0]!,
      category: previous?.category ?? product.category,
      product: previous?.product ?? product.code,
      provider: previous?.provider ?? pick(codesFile.providers),
      startOn: previous ? addDays(previous.startOn, int(90, 365)) : addDays(h.from, int(0, Math.max(0, daysBetween(h.from, h.to)))),
      extendsProvisionId: previous?.id ?? null,
      voided: chance(0.03),
    });
  }

  await insertAll(db, clients, clientIds.map((id, i) => ({ organisationId, id, externalId: `C${i}` })));
  await insertAll(db, cases, caseRows);
  await insertAll(db, caseClients, linkRows);
  await insertAll(db, zrmAssessments, zrmRows);
  await insertAll(db, provisions, provisionRows);
  await refreshPlannerStatistics(database);
  console.log(
    `history: ${CLIENTS} clients, ${CASES} cases, ${linkRows.length} case clients, ${ZRM} ZRM rows, ${PROVISIONS} provisions; generated and loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const time = async (label: string, options: Parameters<typeof computeAnnualReport>[2]) => {
    const runs: number[] = [];
    let report: Awaited<ReturnType<typeof computeAnnualReport>> | null = null;
    for (let run = 0; run < 4; run++) {
      const t0 = performance.now();
      report = await computeAnnualReport(db, organisationId, options);
      runs.push(performance.now() - t0);
    }
    const [first, ...rest] = runs;
    console.log(`${label.padEnd(34)} first ${first!.toFixed(0).padStart(5)} ms   best of 3 ${Math.min(...rest).toFixed(0).padStart(5)} ms   (running in year: ${report!.cases.running.year}, unique clients: ${report!.unique_clients.year})`);
  };
  await time(`annual report ${YEAR}`, { year: YEAR });
  await time(`quarterly report ${YEAR} Q2`, { year: YEAR, quarter: 2 });
  await time(`annual report ${YEAR}, one team`, { year: YEAR, teamCode: 'overvecht-centrum' });
  await database.close();
}

await main();
