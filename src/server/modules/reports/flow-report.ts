// The report "Uitstroom" (the road to specialist care): reads the rows of a year in one read-only
// snapshot and hands them to the counting of flow-rules.ts (where every measure is defined); for
// the analyst, suppresses small numbers over the year's family of Uitstroom reports
// (flow-family.ts). Aggregates only: no client appears in the result. The rows are plain (no
// grouping in SQL) so that one pure, tested function does all the counting; ids only join them.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../../db/database';
import { Invalid } from '../../lib/errors';
import { todayInNetherlands } from '../../lib/dates';
import { loadReportCodeLists, type ReportCodeLists } from './annual-report';
import { countFlow, FLOW_TRIAGE_OUTCOMES, type FlowCounts, type FlowRows } from './flow-rules';
import { suppressFlowFamily, type FlowFamilySuppression } from './flow-family';
import type { FlowReport, PublishedFlowReport } from './flow-report.schemas';
import { buildFlowTables } from './flow-tables';
import { renderTablesCsv } from './report-csv';
import type { SmallNumberSettings } from './small-numbers';

export interface FlowReportOptions {
  year: number;
  /** One team's report (team code). */
  teamCode?: string;
  /** Today in the Netherlands (default: the clock): the current year is counted up to today. */
  today?: string;
}

/** The last day the report of `year` looks at: 31 December, or today while the year runs. */
export function flowAsOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

function teamIdOf(codeLists: ReportCodeLists, teamCode: string | undefined): string | null {
  if (teamCode === undefined) return null;
  const team = codeLists.teams.find((t) => t.code === teamCode);
  if (!team) throw new Invalid([{ path: 'team', message: `Onbekend team: ${teamCode}` }]);
  return team.id;
}

/**
 * The rows of a query handed over as one JSON value: the embedded database gives tens of thousands
 * of rows over one by one about three times slower than one JSON array of them (on ten years of
 * Utrecht 280 ms against 100 ms for the open cases of a year); on a server it is no slower.
 */
async function rowsAsJson<T>(tx: DbOrTx, query: SQL): Promise<T[]> {
  const [row] = await rowsOf<{ rows: string }>(tx, sql`select coalesce(json_agg(r), '[]')::text as rows from (${query}) as r`);
  return JSON.parse(row!.rows) as T[];
}

/**
 * The rows of the year (and what came before that decides what is "first"), in one read-only
 * snapshot: those of `teamIds` (every team of the organisation, or the one of a team report).
 * Each table is read once and never joined to all cases (on ten years of Utrecht a scan of the
 * cases is the dearest step): the cases that may count come first, then the households and the
 * maatwerk of what they and the year name, then the few cases the maatwerk names that were not read
 * yet, by id.
 */
export async function queryFlowRows(db: Db, organisationId: string, year: number, teamIds: readonly string[], teamReport: boolean): Promise<FlowRows> {
  const org = organisationId;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const teams = sql`${`{${teamIds.join(',')}}`}::uuid[]`;
  /** In a team report, only the maatwerk of the team's cases (through the index on cases' team). */
  const ofTeamCases = (column: string): SQL =>
    teamReport ? sql` and ${sql.raw(column)} in (select c.id from cases c where c.organisation_id = ${org} and c.team_id = any(${teams}))` : sql``;
  return db.transaction(
    async (tx) => {
      const registrations = await rowsAsJson<FlowRows['registrations'][number]>(
        tx,
        sql`select r.team_id as "teamId", r.registered_on::text as "registeredOn", r.triage_outcome as "triageOutcome"
              from registrations r
             where r.organisation_id = ${org} and r.team_id = any(${teams}) and r.triage_outcome = any(${`{${FLOW_TRIAGE_OUTCOMES.join(',')}}`}::text[])
               and r.registered_on between ${start}::date and ${end}::date`,
      );
      // Cases that may be open at a month end (met or not: the stock of open cases the suppression
      // needs holds them all), among them every case met in the year.
      const open = await rowsAsJson<FlowRows['cases'][number]>(
        tx,
        sql`select c.id, c.team_id as "teamId", c.registered_on::text as "registeredOn", c.first_meeting_on::text as "firstMeetingOn", c.closed_on::text as "closedOn"
              from cases c
             where c.organisation_id = ${org} and c.team_id = any(${teams}) and (c.registered_on <= ${end}::date or c.first_meeting_on <= ${end}::date) and (c.closed_on is null or c.closed_on >= ${start}::date)`,
      );
      // The cases met in the year (an array PostgreSQL looks up by hash) and their households.
      const met = sql`${`{${open.filter((c) => c.firstMeetingOn !== null && c.firstMeetingOn >= start && c.firstMeetingOn <= end).map((c) => c.id).join(',')}}`}::uuid[]`;
      const caseClients = await rowsAsJson<FlowRows['caseClients'][number]>(
        tx,
        sql`select cc.case_id as "caseId", cc.client_id as "clientId" from case_clients cc where cc.organisation_id = ${org} and cc.case_id = any(${met})`,
      );
      // The beschikkingen of every client (per case) with one in the year, all of them up to its end
      // (what came before tells whether one in the year is the first), and of the cases met in the year.
      const decisions = await rowsAsJson<FlowRows['decisions'][number]>(
        tx,
        sql`select rq.case_id as "caseId", rq.client_id as "clientId", d.decided_on::text as "decidedOn", d.outcome
              from provision_decisions d
              join provision_requests rq on rq.organisation_id = d.organisation_id and rq.id = d.request_id
             where d.organisation_id = ${org} and d.decided_on <= ${end}::date ${ofTeamCases('rq.case_id')}
               and (rq.case_id = any(${met})
                    or (rq.case_id, rq.client_id) in (select r2.case_id, r2.client_id from provision_decisions d2
                                                        join provision_requests r2 on r2.organisation_id = d2.organisation_id and r2.id = d2.request_id
                                                       where d2.organisation_id = ${org} and d2.decided_on between ${start}::date and ${end}::date))`,
      );
      // Every link of the toewijzingen decided (or, imported, starting) up to the year's end, of the
      // clients (per case) with a link still running in the year or started in it or later: only
      // they can start or wait in the year, and their earlier toewijzingen tell which start is the first.
      const provisionRows = await rowsAsJson<FlowRows['provisions'][number]>(
        tx,
        sql`select p.id, p.extends_provision_id as "extendsProvisionId", p.case_id as "caseId", p.client_id as "clientId", p.voided,
                   p.delivery_form as "deliveryForm", d.outcome as "decisionOutcome", d.decided_on::text as "decidedOn", p.start_on::text as "startOn",
                   p.end_on::text as "endOn", p.delivery_started_on::text as "deliveryStartedOn"
              from provisions p
              left join provision_decisions d on d.organisation_id = p.organisation_id and d.id = p.decision_id
             where p.organisation_id = ${org} and coalesce(d.decided_on, p.start_on) <= ${end}::date ${ofTeamCases('p.case_id')}
               and (p.case_id, p.client_id) in (select q.case_id, q.client_id from provisions q
                                                 where q.organisation_id = ${org} and (q.end_on is null or q.end_on >= ${start}::date or q.delivery_started_on >= ${start}::date))`,
      );
      const known = new Set(open.map((c) => c.id));
      const missing = [...new Set([...decisions, ...provisionRows].map((r) => r.caseId))].filter((id) => !known.has(id));
      const named = missing.length
        ? await rowsAsJson<FlowRows['cases'][number]>(
            tx,
            sql`select c.id, c.team_id as "teamId", c.registered_on::text as "registeredOn", c.first_meeting_on::text as "firstMeetingOn", c.closed_on::text as "closedOn"
                  from cases c where c.organisation_id = ${org} and c.id = any(${`{${missing.join(',')}}`}::uuid[])`,
          )
        : [];
      return {
        registrations,
        cases: [...open, ...named],
        caseClients,
        decisions,
        provisions: provisionRows,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The counts keyed by team code (every team of the organisation, or the one asked for). */
function byCode(counts: FlowCounts, codeLists: ReportCodeLists, teamIds: readonly string[]) {
  const codeOf = new Map(codeLists.teams.map((t) => [t.id, t.code]));
  return new Map(teamIds.map((id) => [codeOf.get(id)!, counts.teams.get(id)!]));
}

/** The report with exact figures (team leaders, kwaliteit, beheerder, the command line). */
export async function computeFlowReport(db: Db, organisationId: string, options: FlowReportOptions): Promise<FlowReport> {
  const codeLists = await loadReportCodeLists(db, organisationId);
  const teamId = teamIdOf(codeLists, options.teamCode);
  const asOf = flowAsOf(options.year, options.today ?? todayInNetherlands());
  const teamIds = teamId ? [teamId] : codeLists.teams.map((t) => t.id);
  const rows = await queryFlowRows(db, organisationId, options.year, teamIds, teamId !== null);
  const counts = countFlow(rows, { year: options.year, asOf }, teamIds);
  const teams = byCode(counts, codeLists, teamIds);
  return {
    year: options.year,
    asOf,
    team: options.teamCode ?? null,
    total: counts.total.scope,
    teams: Object.fromEntries([...teams].map(([code, counted]) => [code, counted.scope])),
  };
}

/**
 * The suppressed families computed last, by fingerprint of their rows and thresholds: the analyst's
 * next request about the same year (another team, the CSV) only reads the rows. Per process.
 */
const suppressedFamilies = new Map<string, FlowFamilySuppression>();
const SUPPRESSED_FAMILIES_KEPT = 8;

/**
 * The report as the endpoints publish it: exact, or, when `smallNumbers` is given (a role whose
 * output leaves the organisation), suppressed consistently with every other Uitstroom report of
 * the year the same role can ask for (flow-family.ts).
 */
export async function publishFlowReport(db: Db, organisationId: string, options: FlowReportOptions, smallNumbers: SmallNumberSettings | null): Promise<PublishedFlowReport> {
  if (!smallNumbers) return computeFlowReport(db, organisationId, options);
  const codeLists = await loadReportCodeLists(db, organisationId);
  teamIdOf(codeLists, options.teamCode);
  const asOf = flowAsOf(options.year, options.today ?? todayInNetherlands());
  const rows = await queryFlowRows(db, organisationId, options.year, codeLists.teams.map((t) => t.id), false);
  const fingerprint = createHash('sha256').update(JSON.stringify([organisationId, options.year, asOf, codeLists.teams, rows])).digest('hex');
  const key = `${fingerprint}|${smallNumbers.minCount}|${smallNumbers.minObservations}`;
  let suppressed = suppressedFamilies.get(key);
  if (suppressed) suppressedFamilies.delete(key);
  else {
    const teamIds = codeLists.teams.map((t) => t.id);
    const counts = countFlow(rows, { year: options.year, asOf }, teamIds);
    const teams = byCode(counts, codeLists, teamIds);
    suppressed = suppressFlowFamily({ year: options.year, asOf, teamCodes: [...teams.keys()], organisation: counts.total, teams }, smallNumbers);
  }
  suppressedFamilies.set(key, suppressed);
  if (suppressedFamilies.size > SUPPRESSED_FAMILIES_KEPT) suppressedFamilies.delete(suppressedFamilies.keys().next().value!);
  return suppressed.publish(options.teamCode ?? null);
}

/** The report as one CSV file (report-csv.ts), with small numbers suppressed when `smallNumbers` is given. */
export async function computeFlowReportCsv(db: Db, organisationId: string, options: FlowReportOptions, smallNumbers: SmallNumberSettings | null = null): Promise<string> {
  const report = await publishFlowReport(db, organisationId, options, smallNumbers);
  const codeLists = await loadReportCodeLists(db, organisationId);
  const model = buildFlowTables(report, { teams: codeLists.teams, codes: codeLists.lists });
  return renderTablesCsv(model.title, model.suppression, model.tables);
}
