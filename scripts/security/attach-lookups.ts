// What the need-to-know checks of issue 11 cost on a Utrecht-scale history (embedded database):
// the duplicate check (now with the reader's scope per match), reading a client (now with the write
// check for `mayWrite`), the name search (the read scope, unchanged), before and after one in ten
// clients of the organisation was attached by another team (client_attachments filled, so the write
// check has rows to probe). Prints p50 / p95 / p99 in ms per action; no target is asserted: run it
// on a quiet machine and compare.
//
//   npx tsx scripts/security/attach-lookups.ts [--cases 35000] [--runs 200] [--seed 7]
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase, vacuumAnalyze } from '../../src/server/db/database';
import { clientAttachments, clients, clientTeams, teams, users } from '../../src/server/db/schema';
import type { Actor } from '../../src/server/access/actor';
import { ensureOrganisation } from '../../src/server/modules/reference/reference.service';
import { validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import { findDuplicates, findReadableClient, findVisibleClient } from '../../src/server/modules/clients/clients.repo';
import { searchClients } from '../../src/server/modules/clients/clients.service';
import { latencyOf } from '../bench/measure';
import { generateExchange } from '../synthetic-exchange';
import { NAME_GROUPS } from '../../src/server/demo/names';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '35000' }, runs: { type: 'string', default: '200' }, seed: { type: 'string', default: '7' } } });
const RUNS = Number(values.runs);

const database = await openDatabase({ dataDir: 'memory://' });
const db = database.db;
const organisationId = await ensureOrganisation(db);
let started = performance.now();
const files = generateExchange({ cases: Number(values.cases), from: '2014-01-01', to: '2017-12-31', seed: Number(values.seed) });
const imported = await validateAndImport(db, organisationId, files, { write: true, userId: null });
if (!imported.valid) throw new Error(`the generated history has problems: ${JSON.stringify(imported.problems.slice(0, 5))}`);
// The exchange format carries no names: give every client a name from the demo's lists, in a fixed
// order, so the duplicate check and the name search have names to match.
const firsts = NAME_GROUPS.flatMap((g) => [...g.male, ...g.female]);
const lasts = NAME_GROUPS.flatMap((g) => g.last);
await db.execute(sql`
  update ${clients} c set first_name = ${JSON.stringify(firsts)}::jsonb ->> (n.i % ${firsts.length})::int, last_name = ${JSON.stringify(lasts)}::jsonb ->> ((n.i * 7) % ${lasts.length})::int
    from (select id, row_number() over (order by id) as i from ${clients} where organisation_id = ${organisationId}) n
   where c.organisation_id = ${organisationId} and c.id = n.id`);
await vacuumAnalyze(database, { afterBulkLoad: true });
console.log(`imported ${values.cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// A worker of the first team (by code), as the actor.
const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, organisationId)).orderBy(teams.code).limit(1);
const [worker] = await db
  .insert(users)
  .values({ organisationId, email: 'meting@example.nl', name: 'Meting', role: 'medewerker', teamId: team!.id, passwordHash: 'x' })
  .returning({ id: users.id });
const actor: Actor = { organisationId, userId: worker!.id, role: 'medewerker', teamId: team!.id, name: 'Meting', emergencyClientIds: [] };

// The probes: clients of the actor's team and of other teams, in a fixed order.
const rows = (
  await db.execute(sql`select c.id, c.first_name, c.last_name, c.birth_date::text as birth_date, c.bsn, exists (select 1 from ${clientTeams} ct where ct.client_id = c.id and ct.team_id = ${team!.id}) as own
    from ${clients} c where c.organisation_id = ${organisationId} and c.birth_date is not null order by c.id limit 2000`)
) as unknown as { rows: { id: string; first_name: string; last_name: string; birth_date: string; bsn: string | null; own: boolean }[] };
const own = rows.rows.filter((r) => r.own);
const probes = rows.rows;
console.log(`${probes.length} probe clients, ${own.length} of the actor's team`);

async function measure(label: string) {
  const report = (name: string, l: { n: number; p50: number; p95: number; p99: number }) =>
    console.log(`${label.padEnd(26)} ${name.padEnd(36)} n ${String(l.n).padStart(4)}   p50 ${l.p50.toFixed(1).padStart(6)}   p95 ${l.p95.toFixed(1).padStart(6)}   p99 ${l.p99.toFixed(1).padStart(6)} ms`);
  let matched = 0;
  report(
    'duplicate check (name + birth date)',
    await latencyOf(RUNS, async (i) => {
      const p = probes[i % probes.length]!;
      matched += (await findDuplicates(db, actor, { name: `${p.first_name} ${p.last_name}`, birthDate: p.birth_date, postcode: null, bsn: null })).matches.length;
    }),
  );
  const withBsn = probes.filter((p) => p.bsn);
  report(
    'duplicate check (BSN)',
    await latencyOf(RUNS, async (i) => {
      matched += (await findDuplicates(db, actor, { name: '', birthDate: null, postcode: null, bsn: withBsn[i % withBsn.length]!.bsn })).matches.length;
    }),
  );
  if (matched < RUNS * 2) throw new Error(`the duplicate check found only ${matched} matches for ${RUNS * 2} probes of existing clients`);
  report('read a client (scope read)', await latencyOf(RUNS, (i) => findVisibleClient(db, actor, own[i % own.length]!.id)));
  report('read a client with the write check (mayWrite)', await latencyOf(RUNS, (i) => findReadableClient(db, actor, own[i % own.length]!.id)));
  report('name search', await latencyOf(RUNS, (i) => searchClients(db, actor, probes[i % probes.length]!.last_name, 25)));
}

await measure('no attachments');

// One in ten clients attached by a worker of another team, half of them judged justified.
started = performance.now();
await db.execute(sql`
  insert into ${clientAttachments} (organisation_id, user_id, team_id, client_id, identified_by, reason, held_elsewhere, review_outcome)
  select ${organisationId}, ${worker!.id}, ${team!.id}, c.id, 'bsn', 'meting van de kosten van de schrijfcontrole', true,
         case when row_number() over (order by c.id) % 2 = 0 then 'terecht' end
    from ${clients} c where c.organisation_id = ${organisationId} and abs(hashtext(c.id::text)) % 10 = 0`);
const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(clientAttachments).where(and(eq(clientAttachments.organisationId, organisationId)))) as [{ n: number }];
await vacuumAnalyze(database, { afterBulkLoad: true });
console.log(`${n} attachments made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await measure('with attachments');
await database.close();
