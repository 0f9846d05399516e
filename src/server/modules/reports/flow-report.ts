// The report "Uitstroom" (the road to specialist care): reads the rows of a year in one read-only
// snapshot and hands them to the counting of flow-rules.ts (where every measure is defined); for
// the analyst, suppresses small numbers over the year's family of Uitstroom reports
// (flow-family.ts). Aggregates only: no client appears in the result. The rows are plain (no
// grouping in SQL) so that one pure, tested function does all the counting; ids only join them.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/database';
import { Invalid } from '../../lib/errors';
import { todayInNetherlands } from '../../lib/dates';
import { loadReportCodeLists, type ReportCodeLists } from './annual-report';
import { countFlow, type FlowCounts, type FlowRows } from './flow-rules';
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
 * The rows of the year (and what came before that decides what is "first"), in one read-only
 * snapshot. `teamId`: only that team's registrations and cases (with their maatwerk).
 */
async function queryFlowRows(db: Db, organisationId: string, year: number, teamId: string | null): Promise<FlowRows> {
  const org = organisationId;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const ofTeam = (alias: string): SQL => (teamId ? sql` and ${sql.raw(alias)}.team_id = ${teamId}` : sql``);
  const queries = {
    registrations: sql`select r.team_id as "teamId", r.registered_on::text as "registeredOn", r.triage_outcome as "triageOutcome"
        from registrations r
       where r.organisation_id = ${org} ${ofTeam('r')} and r.registered_on between ${start}::date and ${end}::date
         and r.triage_outcome is not null and r.triage_outcome <> 'generalist'`,
    // Every beschikking up to the year's end: what came before tells whether one in the year is the first.
    decisions: sql`select rq.case_id as "caseId", rq.client_id as "clientId", d.decided_on::text as "decidedOn", d.outcome
        from provision_decisions d
        join provision_requests rq on rq.organisation_id = d.organisation_id and rq.id = d.request_id
        join cases c on c.organisation_id = rq.organisation_id and c.id = rq.case_id
       where d.organisation_id = ${org} ${ofTeam('c')} and d.decided_on <= ${end}::date`,
    // Every link of the toewijzingen decided (or, imported, starting) up to the year's end; an
    // extension carries its chain's decision.
    provisions: sql`select p.id, p.extends_provision_id as "extendsProvisionId", p.case_id as "caseId", p.client_id as "clientId", p.voided,
               p.delivery_form as "deliveryForm", d.outcome as "decisionOutcome", d.decided_on::text as "decidedOn", p.start_on::text as "startOn",
               p.end_on::text as "endOn", p.delivery_started_on::text as "deliveryStartedOn"
        from provisions p
        join cases c on c.organisation_id = p.organisation_id and c.id = p.case_id
        left join provision_decisions d on d.organisation_id = p.organisation_id and d.id = p.decision_id
       where p.organisation_id = ${org} ${ofTeam('c')} and coalesce(d.decided_on, p.start_on) <= ${end}::date`,
    // Cases that may be open at a month end with a first meeting behind them, and every case with
    // maatwerk (a union: each half can use its own plan, where an `or` would scan every case).
    cases: sql`select c.id, c.team_id as "teamId", c.registered_on::text as "registeredOn", c.first_meeting_on::text as "firstMeetingOn", c.closed_on::text as "closedOn"
        from cases c
       where c.organisation_id = ${org} ${ofTeam('c')} and c.first_meeting_on <= ${end}::date and (c.closed_on is null or c.closed_on > ${start}::date)
      union
      select c.id, c.team_id, c.registered_on::text, c.first_meeting_on::text, c.closed_on::text
        from cases c
       where c.organisation_id = ${org} ${ofTeam('c')}
         and c.id in (select rq.case_id from provision_requests rq where rq.organisation_id = ${org}
                      union select p.case_id from provisions p where p.organisation_id = ${org})`,
    caseClients: sql`select cc.case_id as "caseId", cc.client_id as "clientId"
        from case_clients cc
        join cases c on c.organisation_id = cc.organisation_id and c.id = cc.case_id
       where cc.organisation_id = ${org} ${ofTeam('c')} and c.first_meeting_on between ${start}::date and ${end}::date`,
  };
  return db.transaction(
    async (tx) => {
      const out: Record<string, unknown[]> = {};
      for (const [name, query] of Object.entries(queries)) out[name] = await rowsOf(tx, query);
      return out as unknown as FlowRows;
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
  const rows = await queryFlowRows(db, organisationId, options.year, teamId);
  const teamIds = teamId ? [teamId] : codeLists.teams.map((t) => t.id);
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
  const rows = await queryFlowRows(db, organisationId, options.year, null);
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
