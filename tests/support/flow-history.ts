// A small history for the report Uitstroom in which the order of the rows would show: every team
// has registrations with each triage outcome, a client with two beschikkingen on different days
// (a refusal first) and two toewijzingen started on different days, an extended toewijzing, a
// household member whose toewijzing waits for its start, and cases open past three months. The
// exchange format carries no registrations, beschikkingen or starts, so those are written into the
// database after the import; `reversed` writes everything (the import's rows too, except zrm.csv,
// whose order is a rule) in the opposite order, so that the rows come back in another order and with
// other ids. A report that took "the first row" instead of the earliest date, or a LIMIT without
// ORDER BY, differs between the two.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rowsOf, type Db } from '../../src/server/db/database';
import { provisionDecisions, provisionRequests, registrations } from '../../src/server/db/schema';
import { addDays } from '../../src/server/lib/dates';
import { writeCsv } from '../../src/server/modules/exchange/csv';
import { FILE_COLUMNS } from '../../src/server/modules/exchange/exchange-format';
import { validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import codesFile from '../../src/server/modules/reference/codes.json' with { type: 'json' };
import { TIED_YEAR } from './tied-history';

/** The year of the history: the tied history's, so that one installation holds both (determinism.test.ts). */
export const FLOW_YEAR = TIED_YEAR;
const TEAMS = codesFile.teams.map((t) => t.code);
const OUTCOMES = ['other_team', 'jeugd_gezin', 'social_base', 'specialist', 'out_of_scope', 'generalist'] as const;

/** `shift` days after `monthDay` of FLOW_YEAR (or `year`). */
const on = (monthDay: string, shift = 0, year = FLOW_YEAR) => addDays(`${year}-${monthDay}`, shift);

/** The exchange files; rows reversed (zrm.csv excepted) when `reversed`. */
function files(reversed: boolean): Record<string, string> {
  const clients: string[][] = [];
  const cases: string[][] = [];
  const links: string[][] = [];
  const provisions: string[][] = [];
  const contacts: string[][] = [];
  TEAMS.forEach((team, i) => {
    const t = `F${String(i).padStart(2, '0')}`;
    const d = i % 9;
    for (const c of ['A', 'B', 'C']) clients.push([`${t}-${c}`, '', '1980-05-05', 'v', '3511AB']);
    // K1: met in January, open; K2: met in March, closed in September; K3: met in November of the year before, open.
    cases.push([`${t}-K1`, team, on('01-05', d), 'huisarts', on('01-10', d), 'thuis', '', '', '', '', '']);
    cases.push([`${t}-K2`, team, on('03-01', d), 'zelfmelder', on('03-04', d), 'kantoor', on('09-20', d), 'volgens_plan', 'eigen_netwerk', '7', 'ja']);
    cases.push([`${t}-K3`, team, on('11-02', d, FLOW_YEAR - 1), 'gemeente', on('11-05', d, FLOW_YEAR - 1), 'elders', i % 2 ? on('05-15', d) : '', i % 2 ? 'volgens_plan' : '', i % 2 ? 'werk' : '', '', '']);
    links.push([`${t}-K1`, `${t}-A`, 'hoofdclient'], [`${t}-K1`, `${t}-B`, 'huishoudlid'], [`${t}-K2`, `${t}-C`, 'hoofdclient'], [`${t}-K3`, `${t}-C`, 'hoofdclient']);
    // A: two toewijzingen, the second extended; B: one (it waits); C: one in K2.
    provisions.push([`${t}-P1`, `${t}-K1`, `${t}-A`, 'hbh', 'hbh', 'Careyn', on('02-15', d), '', '', 'nee']);
    provisions.push([`${t}-P2`, `${t}-K1`, `${t}-A`, 'hbh', 'hbh', 'Careyn', on('03-01', d), on('06-28', d), '', 'nee']);
    provisions.push([`${t}-P3`, `${t}-K1`, `${t}-A`, 'hbh', 'hbh', 'Careyn', on('07-01', d), on('12-28', d), `${t}-P2`, 'nee']);
    provisions.push([`${t}-P4`, `${t}-K1`, `${t}-B`, 'hbh', 'hbh', 'Careyn', on('04-01', d), '', '', 'nee']);
    provisions.push([`${t}-P5`, `${t}-K2`, `${t}-C`, 'hbh', 'hbh', 'Careyn', on('04-10', d), on('08-28', d), '', 'nee']);
    contacts.push([`${t}-J1`, `${t}-K1`, on('01-10', d), 'huisbezoek', '60']);
  });
  const order = (rows: string[][]) => (reversed ? [...rows].reverse() : rows);
  return {
    'clients.csv': writeCsv(FILE_COLUMNS['clients.csv'], order(clients)),
    'cases.csv': writeCsv(FILE_COLUMNS['cases.csv'], order(cases)),
    'case_clients.csv': writeCsv(FILE_COLUMNS['case_clients.csv'], order(links)),
    'zrm.csv': writeCsv(FILE_COLUMNS['zrm.csv'], []),
    'provisions.csv': writeCsv(FILE_COLUMNS['provisions.csv'], order(provisions)),
    'contacts.csv': writeCsv(FILE_COLUMNS['contacts.csv'], order(contacts)),
  };
}

/** Imports the history and writes what the exchange format has no room for. */
export async function insertFlowHistory(db: Db, organisationId: string, options: { reversed: boolean }): Promise<void> {
  const imported = await validateAndImport(db, organisationId, files(options.reversed), { write: true, userId: null });
  expect(imported.allProblems).toEqual([]);
  const idOf = async (table: 'cases' | 'clients' | 'provisions') =>
    new Map((await rowsOf<{ id: string; ext: string }>(db, sql`select id, external_id as ext from ${sql.raw(table)} where organisation_id = ${organisationId} and external_id like 'F%'`)).map((r) => [r.ext, r.id]));
  const caseId = await idOf('cases');
  const clientId = await idOf('clients');
  const provisionId = await idOf('provisions');
  const teamId = new Map((await rowsOf<{ id: string; code: string }>(db, sql`select id, code from teams where organisation_id = ${organisationId}`)).map((r) => [r.code, r.id]));
  const [user] = await rowsOf<{ id: string }>(db, sql`select id from users where organisation_id = ${organisationId} order by email limit 1`);

  // Every write as a step, in the order of the history or reversed.
  const steps: (() => Promise<unknown>)[] = [];
  TEAMS.forEach((team, i) => {
    const t = `F${String(i).padStart(2, '0')}`;
    const d = i % 9;
    OUTCOMES.forEach((outcome, o) => {
      // One registration per outcome, and a second one of some: small and not-so-small cells.
      for (let n = 0; n < 1 + ((i + o) % 3); n++) {
        steps.push(() =>
          db.insert(registrations).values({
            organisationId,
            clientId: clientId.get(`${t}-${'ABC'[n]}`)!,
            teamId: teamId.get(team)!,
            registeredOn: on(`${String(1 + ((o + n) % 12)).padStart(2, '0')}-03`, d),
            referrerCode: 'zelfmelder',
            question: 'Een vraag',
            createdBy: user!.id,
            triageOutcome: outcome,
            triageTeamId: outcome === 'other_team' ? teamId.get(TEAMS[(i + 1) % TEAMS.length]!)! : null,
            triagedBy: user!.id,
          }),
        );
      }
    });
    // Beschikkingen: [request key, case, client, decided on, outcome, the toewijzingen it carries out (delivery started on)].
    const decisions: [string, string, string, string, 'toegekend' | 'deels_toegekend' | 'afgewezen', [string, string | null][]][] = [
      ['R1', 'K1', 'A', on('02-01', d), 'afgewezen', []],
      ['R2', 'K1', 'A', on('02-10', d), 'toegekend', [['P1', on('02-20', d)], ['P2', on('03-05', d)], ['P3', null]]],
      ['R3', 'K1', 'B', on('03-20', d), 'toegekend', [['P4', null]]],
      ['R4', 'K2', 'C', on('04-01', d), 'deels_toegekend', [['P5', on('04-20', d)]]],
    ];
    decisions.forEach(([key, kase, client, decidedOn, outcome, carried], k) => {
      steps.push(async () => {
        const [request] = await db
          .insert(provisionRequests)
          .values({ organisationId, caseId: caseId.get(`${t}-${kase}`)!, clientId: clientId.get(`${t}-${client}`)!, requestedOn: on('01-20', d), asked: key, requestedBy: 'client', status: 'besloten' })
          .returning({ id: provisionRequests.id });
        const [decision] = await db
          .insert(provisionDecisions)
          .values({ organisationId, requestId: request!.id, decisionNumber: 1000 + 10 * i + k, decidedOn, outcome, reasons: 'Onderzocht' })
          .returning({ id: provisionDecisions.id });
        for (const [p, started] of carried) {
          await db.execute(
            sql`update provisions set decision_id = ${decision!.id}, delivery_form = 'zin', delivery_started_on = ${started}::date where organisation_id = ${organisationId} and id = ${provisionId.get(`${t}-${p}`)!}`,
          );
        }
      });
    });
  });
  for (const step of options.reversed ? steps.reverse() : steps) await step();
}
