// The annual (and quarterly) report of shared/spec/reports.md, computed in the database: a handful
// of grouped queries over a generated list of periods (12 months, 4 quarters, the window). The
// definitions that are not SQL (buckets, rounding, the quarterly window) live in report-rules.ts.
// The same queries give the analyst's whole family of reports of a year at once (every team as a
// key, the window of every cut-off), from which annual-family.ts suppresses small numbers.
// Aggregates only: no client appears in the result. Nothing depends on the order rows come back in:
// the rows are sorted before they are assembled (a row can add a key to the report, a provider
// outside the code list), and teams and codes are read in code-point order (collate "C"), the same
// on every server whatever its collation.
import { createHash } from 'node:crypto';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../../db/database';
import { codes, teams } from '../../db/schema';
import { Invalid } from '../../lib/errors';
import {
  addToMonth,
  addToQuarter,
  closeReasonBucket,
  daysToFirstMeeting,
  emptyPeriodCounts,
  emptyQuarterCounts,
  MULTIPLE_REASONS,
  referrerKey,
  reportPeriods,
  reportWindow,
  satisfaction,
  UNKNOWN,
  zrmTypeKey,
  type PeriodCounts,
  type QuarterCounts,
} from './report-rules';
import type { AnnualReport, PublishedAnnualReport } from './reports.schemas';
import { suppressAnnualFamily, type AnnualFamilySuppression } from './annual-family';
import type { SmallNumberSettings } from './small-numbers';
import { renderReportCsv } from './report-csv';
import type { ReportLabels } from './report-tables';

export interface AnnualReportOptions {
  year: number;
  /** A quarterly report: the window ends on the last day of this quarter (see reportWindow). */
  quarter?: number;
  /** Restrict every table to the cases of this team. */
  teamCode?: string;
}

/** The organisation's code lists a report shows, in their order; every code appears, with zeros. */
export interface ReportCodeLists {
  teams: { id: string; code: string; name: string }[];
  /** list name → codes in order with labels; provision products carry their category. */
  lists: Record<string, { code: string; label: string; parentCode: string | null }[]>;
}

export async function loadReportCodeLists(db: DbOrTx, organisationId: string): Promise<ReportCodeLists> {
  const teamRows = await db.select({ id: teams.id, code: teams.code, name: teams.name }).from(teams).where(eq(teams.organisationId, organisationId)).orderBy(sql`${teams.code} collate "C"`);
  const codeRows = await db
    .select({ list: codes.list, code: codes.code, label: codes.label, parentCode: codes.parentCode })
    .from(codes)
    .where(and(eq(codes.organisationId, organisationId), eq(codes.active, true)))
    .orderBy(asc(codes.list), asc(codes.position), sql`${codes.code} collate "C"`);
  const lists: ReportCodeLists['lists'] = {};
  for (const row of codeRows) (lists[row.list] ??= []).push({ code: row.code, label: row.label, parentCode: row.parentCode });
  return { teams: teamRows, lists };
}

/**
 * The periods as a CTE body: a VALUES list of reportPeriods. A literal list (and not
 * generate_series) gives the planner the true row count: with generate_series' guess of 1,000 rows
 * a period it estimated millions of rows, sorted on disk and compiled the query (JIT): on ten years
 * of Utrecht the outcome table took 690 ms, of which 660 ms JIT.
 */
function periods(year: number, cutoffs: readonly number[]): SQL {
  const rows = reportPeriods(year, cutoffs).map((p) => sql`(${p.kind}, ${p.idx}::int, ${p.start}::date, ${p.end}::date)`);
  return sql`select * from (values ${sql.join(rows, sql`, `)}) as periods(kind, idx, start_on, end_on)`;
}

type PeriodKind = 'month' | 'quarter' | 'year';

function setPeriod(counts: PeriodCounts | QuarterCounts, kind: PeriodKind, idx: number, n: number): void {
  if (kind === 'year') counts.year = n;
  else if (kind === 'quarter') counts.quarters[idx - 1] = n;
  else if ('months' in counts) counts.months[idx - 1] = n;
}

/**
 * What the grouped queries return. Every row carries `team_id`: the team it counts (the case
 * tables always; the others when asked per team), or null for the whole scope of the query (the
 * organisation, or the team of a team report).
 */
interface ReportRows {
  caseCounts: { kind: PeriodKind; idx: number; team_id: string; started: number; running: number; closed: number }[];
  clientCounts: { kind: PeriodKind; idx: number; team_id: string; clients: number }[];
  firstMeetings: { team_id: string | null; month: number; location: string | null; days: number; cases: number }[];
  referrers: { team_id: string | null; quarter: number; referrer: string | null; cases: number }[];
  reasons: { team_id: string | null; quarter: number; reasons: string[] | string; cases: number }[];
  outcomes: { team_id: string | null; kind: PeriodKind; idx: number; outcome: string; clients: number }[];
  provisions: { team_id: string | null; quarter: number; category: string; product: string; provider: string; extension: boolean; provisions: number }[];
  provisionClients: { team_id: string | null; idx: number; clients: number }[];
  marks: { team_id: string | null; quarter: number; score: number | null; cases: number; yes: number; answered: number }[];
  zrm: { team_id: string | null; month: number; type: string | null; assessments: number }[];
}

interface RowQuery {
  year: number;
  /** The cut-offs (quarters 1..4) whose windows are counted. */
  cutoffs: readonly number[];
  /** Only this team's cases (a team report). */
  teamId: string | null;
  /** Every table per team, distinct counts also for the organisation (team_id null): the analyst's family. */
  perTeam: boolean;
}

/**
 * The grouped queries, in one read-only snapshot, so that the tables agree with each other while
 * registrations go on; they run one after the other on one connection (a report must not take the
 * whole pool).
 */
async function queryReportRows(db: Db, organisationId: string, q: RowQuery): Promise<ReportRows> {
  const org = organisationId;
  const { start, end } = reportWindow(q.year, Math.max(...q.cutoffs));
  const { teamId, perTeam } = q;
  /** Restricts an alias of `cases` to the organisation and, in a team report, to the team. */
  const caseScope = (alias: string) =>
    teamId
      ? sql`${sql.raw(alias)}.organisation_id = ${org} and ${sql.raw(alias)}.team_id = ${teamId}`
      : sql`${sql.raw(alias)}.organisation_id = ${org}`;
  /** The team column of a table that is counted per team only in the family. */
  const team = (alias: string) => (perTeam ? sql.raw(`${alias}.team_id`) : sql`null::uuid`);
  /**
   * Distinct clients per team and, in the family, for the organisation (team_id null) from the same
   * rows: the end of a query whose WITH list holds the rest (`rows`: distinct keys, team_id, client_id).
   */
  const distinctClients = (keys: string, rows: SQL) =>
    perTeam
      ? sql`, x as materialized (${rows})
            select ${sql.raw(keys)}, team_id, count(*)::int as clients from x group by ${sql.raw(keys)}, team_id
            union all
            select ${sql.raw(keys)}, null, count(*)::int from (select distinct ${sql.raw(keys)}, client_id from x) as o group by ${sql.raw(keys)}`
      : sql`, x as (${rows}) select ${sql.raw(keys)}, null as team_id, count(*)::int as clients from x group by ${sql.raw(keys)}`;
  // Cases running at some moment of the window: the only cases the period tables can count.
  // Started and closed in a period are subsets of running in it (closed_on >= registered_on is a
  // rule of registration and import), so the join on "running" finds all three.
  const runningCases = sql`
    select c.id, c.team_id, c.registered_on, c.closed_on from cases c
     where ${caseScope('c')} and c.registered_on <= ${end}::date and (c.closed_on is null or c.closed_on >= ${start}::date)`;
  const runsIn = sql`s.registered_on <= p.end_on and (s.closed_on is null or s.closed_on >= p.start_on)`;
  const p = periods(q.year, q.cutoffs);

  const queries: Record<keyof ReportRows, SQL> = {
    caseCounts: sql`with p as materialized (${p}), s as (${runningCases})
        select p.kind, p.idx, s.team_id,
               (count(*) filter (where s.registered_on between p.start_on and p.end_on))::int as started,
               count(*)::int as running,
               (count(*) filter (where s.closed_on between p.start_on and p.end_on))::int as closed
          from p join s on ${runsIn}
         group by p.kind, p.idx, s.team_id`,
    // Unique clients per team: distinct clients of the team's cases running in the quarter / window.
    // (distinct in a subquery: a hash aggregate, where count(distinct) would sort.)
    clientCounts: sql`with p as materialized (${p}), s as (${runningCases})
        select kind, idx, team_id, count(*)::int as clients
          from (select distinct p.kind, p.idx, s.team_id, cc.client_id
                  from p join s on ${runsIn}
                  join case_clients cc on cc.organisation_id = ${org} and cc.case_id = s.id
                 where p.kind <> 'month') as team_clients
         group by kind, idx, team_id`,
    // Sums of days per month and location, from which every mean follows exactly.
    firstMeetings: sql`select ${team('c')} as team_id, extract(month from c.registered_on)::int as month, c.first_meeting_location as location,
               sum(c.first_meeting_on - c.registered_on)::int as days, count(*)::int as cases
          from cases c
         where ${caseScope('c')} and c.registered_on between ${start}::date and ${end}::date and c.first_meeting_on is not null
         group by 1, 2, 3`,
    referrers: sql`select ${team('c')} as team_id, extract(quarter from c.registered_on)::int as quarter, c.referrer_code as referrer, count(*)::int as cases
          from cases c
         where ${caseScope('c')} and c.registered_on between ${start}::date and ${end}::date
         group by 1, 2, 3`,
    // Per distinct set of reasons; the bucket rule (none / one / several) is applied in closeReasonBucket.
    reasons: sql`select ${team('c')} as team_id, extract(quarter from c.closed_on)::int as quarter, array_to_json(c.close_reasons)::text as reasons, count(*)::int as cases
          from cases c
         where ${caseScope('c')} and c.closed_on between ${start}::date and ${end}::date
         group by 1, 2, 3`,
    // Distinct clients (the whole household of case_clients) of cases closed in the period with the outcome.
    outcomes: sql`with p as materialized (${p}),
        closed as (select c.id, c.team_id, c.closed_on, c.close_outcomes from cases c
                    where ${caseScope('c')} and c.closed_on between ${start}::date and ${end}::date and cardinality(c.close_outcomes) > 0)
        ${distinctClients(
          'kind, idx, outcome',
          sql`select distinct p.kind, p.idx, o.outcome, ${team('c')} as team_id, cc.client_id
                  from p
                  join closed c on c.closed_on between p.start_on and p.end_on
                  cross join lateral unnest(c.close_outcomes) as o(outcome)
                  join case_clients cc on cc.organisation_id = ${org} and cc.case_id = c.id
                 where p.kind <> 'month'`,
        )}`,
    // Non-voided provisions starting in the window: new assignments and extensions (verlengingen).
    provisions: sql`select ${team('c')} as team_id, extract(quarter from pr.start_on)::int as quarter, pr.category, pr.product, pr.provider,
               (pr.extends_provision_id is not null) as extension, count(*)::int as provisions
          from provisions pr
          join cases c on c.organisation_id = pr.organisation_id and c.id = pr.case_id
         where ${caseScope('c')} and pr.organisation_id = ${org} and not pr.voided and pr.start_on between ${start}::date and ${end}::date
         group by 1, 2, 3, 4, 5, 6`,
    // Distinct clients with a new provision starting in the window of each cut-off.
    provisionClients: sql`with p as materialized (${p})
        ${distinctClients(
          'idx',
          sql`select distinct p.idx, ${team('c')} as team_id, pr.client_id
                from p
                join provisions pr on pr.start_on between p.start_on and p.end_on
                join cases c on c.organisation_id = pr.organisation_id and c.id = pr.case_id
               where p.kind = 'year' and ${caseScope('c')} and pr.organisation_id = ${org} and not pr.voided and pr.extends_provision_id is null`,
        )}`,
    marks: sql`select ${team('c')} as team_id, extract(quarter from c.closed_on)::int as quarter, c.satisfaction_score as score, count(*)::int as cases,
               (count(*) filter (where c.can_continue_alone))::int as yes, count(c.can_continue_alone)::int as answered
          from cases c
         where ${caseScope('c')} and c.closed_on between ${start}::date and ${end}::date
         group by 1, 2, 3`,
    zrm: sql`select ${team('c')} as team_id, extract(month from z.assessed_on)::int as month, z.type, count(*)::int as assessments
          from zrm_assessments z
          join cases c on c.organisation_id = z.organisation_id and c.id = z.case_id
         where ${caseScope('c')} and z.organisation_id = ${org} and z.assessed_on between ${start}::date and ${end}::date
         group by 1, 2, 3`,
  };
  return db.transaction(
    async (tx) => {
      // The distinct-client tables group some 80,000 rows over ten years of Utrecht: with the
      // default 4 MB they sort on disk (249 ms for one table), with 64 MB they hash in memory (169 ms).
      // For this transaction only; a report runs on one connection at a time.
      await tx.execute(sql`set local work_mem = '64MB'`);
      const out: Record<string, unknown[]> = {};
      for (const [name, query] of Object.entries(queries)) out[name] = inFixedOrder(await rowsOf(tx, query));
      return out as unknown as ReportRows;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * The rows in a fixed order (of their JSON text, code-point order), so that neither the reports
 * (codes outside the lists, e.g. provider names, appear in the order of the rows) nor the
 * suppression depend on the order rows come back in.
 */
function inFixedOrder<T>(rows: T[]): T[] {
  return rows
    .map((row) => [JSON.stringify(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}

export async function computeAnnualReport(db: Db, organisationId: string, options: AnnualReportOptions): Promise<AnnualReport> {
  return (await computeOne(db, organisationId, options)).report;
}

/** A report with what its means were computed over (for the suppression of means over few cases). */
export interface ReportWithObservations {
  report: AnnualReport;
  observations: AnnualObservations;
}

function teamIdOf(codeLists: ReportCodeLists, teamCode: string | undefined): string | null {
  if (teamCode === undefined) return null;
  const team = codeLists.teams.find((t) => t.code === teamCode);
  if (!team) throw new Invalid([{ path: 'team', message: `Onbekend team: ${teamCode}` }]);
  return team.id;
}

/** One report, exact: only its own window and scope are queried. */
async function computeOne(db: Db, organisationId: string, options: AnnualReportOptions): Promise<ReportWithObservations> {
  const codeLists = await loadReportCodeLists(db, organisationId);
  const teamId = teamIdOf(codeLists, options.teamCode);
  const quarter = options.quarter ?? 4;
  const rows = await queryReportRows(db, organisationId, { year: options.year, cutoffs: [quarter], teamId, perTeam: false });
  return assembleReport(rows, codeLists, { year: options.year, quarter, teamId });
}

/** Every report the analyst can ask for about one year (annual-family.ts), exact, from one set of queries. */
export interface AnnualFamily {
  year: number;
  codeLists: ReportCodeLists;
  /** A hash of everything the family is computed from: equal fingerprints, equal reports. */
  fingerprint: string;
  /** The report of 1 January up to the end of `quarter` (4: the year), for the organisation (team null) or a team. */
  variant(quarter: number, teamCode: string | null): ReportWithObservations;
}

export async function computeAnnualFamily(db: Db, organisationId: string, year: number, codeLists?: ReportCodeLists): Promise<AnnualFamily> {
  codeLists ??= await loadReportCodeLists(db, organisationId);
  const rows = await queryReportRows(db, organisationId, { year, cutoffs: [1, 2, 3, 4], teamId: null, perTeam: true });
  const variants = new Map<string, ReportWithObservations>();
  return {
    year,
    codeLists,
    fingerprint: createHash('sha256').update(JSON.stringify([organisationId, year, codeLists, rows])).digest('hex'),
    variant(quarter, teamCode) {
      const key = `${quarter}|${teamCode ?? ''}`;
      let variant = variants.get(key);
      if (!variant) {
        const teamId = teamCode === null ? null : teamIdOf(codeLists, teamCode);
        variants.set(key, (variant = assembleReport(rowsOfScope(rows, teamId), codeLists, { year, quarter, teamId })));
      }
      return variant;
    },
  };
}

/** The family's rows of one scope: a team's own rows, or for the organisation every team's rows and the organisation's distinct counts. */
function rowsOfScope(rows: ReportRows, teamId: string | null): ReportRows {
  const own = <T extends { team_id: string | null }>(list: T[]) => (teamId ? list.filter((r) => r.team_id === teamId) : list.filter((r) => r.team_id !== null));
  const distinct = <T extends { team_id: string | null }>(list: T[]) => list.filter((r) => r.team_id === teamId);
  return {
    caseCounts: own(rows.caseCounts),
    clientCounts: own(rows.clientCounts),
    firstMeetings: own(rows.firstMeetings),
    referrers: own(rows.referrers),
    reasons: own(rows.reasons),
    outcomes: distinct(rows.outcomes),
    provisions: own(rows.provisions),
    provisionClients: distinct(rows.provisionClients),
    marks: own(rows.marks),
    zrm: own(rows.zrm),
  };
}

/**
 * The report object from the rows of its scope, for the cut-off `quarter`: rows of later months,
 * quarters and windows (present in the family's rows) are left out.
 */
function assembleReport(all: ReportRows, codeLists: ReportCodeLists, options: { year: number; quarter: number; teamId: string | null }): ReportWithObservations {
  const q = options.quarter;
  const list = (name: string) => codeLists.lists[name] ?? [];
  const reportTeams = options.teamId ? codeLists.teams.filter((t) => t.id === options.teamId) : codeLists.teams;
  const teamCodeById = new Map(codeLists.teams.map((t) => [t.id, t.code]));
  const inWindow = <T extends { kind: PeriodKind; idx: number }>(row: T) => (row.kind === 'year' ? row.idx === q : row.kind === 'quarter' ? row.idx <= q : row.idx <= 3 * q);
  const inQuarters = <T extends { quarter: number }>(row: T) => row.quarter <= q;
  const inMonths = <T extends { month: number }>(row: T) => row.month <= 3 * q;

  // Cases: per team, and the organisation as the sum over teams (a case has one team).
  const cases = { started: emptyPeriodCounts(), running: emptyPeriodCounts(), closed: emptyPeriodCounts() };
  const teamTables: AnnualReport['teams'] = {};
  const teamTable = (code: string) =>
    (teamTables[code] ??= { started: emptyPeriodCounts(), running: emptyPeriodCounts(), closed: emptyPeriodCounts(), unique_clients: emptyQuarterCounts() });
  for (const team of reportTeams) teamTable(team.code);
  for (const row of all.caseCounts.filter(inWindow)) {
    const team = teamTable(teamCodeById.get(row.team_id) ?? row.team_id);
    for (const measure of ['started', 'running', 'closed'] as const) {
      setPeriod(team[measure], row.kind, row.idx, row[measure]);
      const total = cases[measure];
      if (row.kind === 'year') total.year += row[measure];
      else if (row.kind === 'quarter') total.quarters[row.idx - 1]! += row[measure];
      else total.months[row.idx - 1]! += row[measure];
    }
  }
  // Unique clients: per team; the organisation total is the sum over teams, as in the annual report.
  const uniqueClients = emptyQuarterCounts();
  for (const row of all.clientCounts.filter(inWindow)) {
    setPeriod(teamTable(teamCodeById.get(row.team_id) ?? row.team_id).unique_clients, row.kind, row.idx, row.clients);
    if (row.kind === 'year') uniqueClients.year += row.clients;
    else uniqueClients.quarters[row.idx - 1]! += row.clients;
  }

  const quarterTable = (keys: readonly string[]) => {
    const table: Record<string, QuarterCounts> = {};
    for (const key of keys) table[key] = emptyQuarterCounts();
    return table;
  };

  const startedByReferrer = quarterTable(list('referrers').map((c) => c.code));
  for (const row of all.referrers.filter(inQuarters)) addToQuarter((startedByReferrer[referrerKey(row.referrer)] ??= emptyQuarterCounts()), row.quarter, row.cases);

  const closedByReason = quarterTable([...list('close_reasons').map((c) => c.code), MULTIPLE_REASONS, UNKNOWN]);
  for (const row of all.reasons.filter(inQuarters)) {
    const reasonList = (typeof row.reasons === 'string' ? JSON.parse(row.reasons) : row.reasons) as string[] | null;
    addToQuarter((closedByReason[closeReasonBucket(reasonList ?? [])] ??= emptyQuarterCounts()), row.quarter, row.cases);
  }

  const clientsByOutcome = quarterTable(list('close_outcomes').map((c) => c.code));
  for (const row of all.outcomes.filter(inWindow)) setPeriod((clientsByOutcome[row.outcome] ??= emptyQuarterCounts()), row.kind, row.idx, row.clients);

  // Provisions: every category with every provider of the list and its own products, with zeros.
  const newByProvider: AnnualReport['provisions']['new_by_provider'] = {};
  const newByProduct: AnnualReport['provisions']['new_by_product'] = {};
  for (const category of list('provision_categories')) {
    newByProvider[category.code] = quarterTable(list('providers').map((p) => p.code));
    newByProduct[category.code] = quarterTable(list('provision_products').filter((p) => p.parentCode === category.code).map((p) => p.code));
  }
  const extensions = emptyQuarterCounts();
  for (const row of all.provisions.filter(inQuarters)) {
    if (row.extension) {
      addToQuarter(extensions, row.quarter, row.provisions);
      continue;
    }
    addToQuarter(((newByProvider[row.category] ??= {})[row.provider] ??= emptyQuarterCounts()), row.quarter, row.provisions);
    addToQuarter(((newByProduct[row.category] ??= {})[row.product] ??= emptyQuarterCounts()), row.quarter, row.provisions);
  }

  const zrm: Record<string, PeriodCounts> = {};
  for (const type of list('zrm_types')) zrm[type.code] = emptyPeriodCounts();
  for (const row of all.zrm.filter(inMonths)) addToMonth((zrm[zrmTypeKey(row.type)] ??= emptyPeriodCounts()), row.month, row.assessments);

  const firstMeetings = all.firstMeetings.filter(inMonths);
  const marks = all.marks.filter(inQuarters);
  const report: AnnualReport = {
    year: options.year,
    cases,
    teams: teamTables,
    unique_clients: uniqueClients,
    days_to_first_meeting: daysToFirstMeeting(
      firstMeetings,
      list('first_meeting_locations').map((c) => c.code),
    ),
    started_by_referrer: startedByReferrer,
    closed_by_reason: closedByReason,
    clients_by_outcome: clientsByOutcome,
    provisions: {
      new_by_provider: newByProvider,
      new_by_product: newByProduct,
      extensions,
      clients_with_new_provision: { year: all.provisionClients.find((r) => r.idx === q)?.clients ?? 0 },
    },
    satisfaction: satisfaction(marks.map((m) => ({ score: m.score, cases: m.cases, canContinueYes: m.yes, canContinueAnswered: m.answered }))),
    zrm,
  };
  const observations: AnnualObservations = {
    firstMeetings: firstMeetings.map(({ month, location, cases }) => ({ month, location, cases })),
    canContinueAnswered: marks.reduce((sum, m) => sum + m.answered, 0),
  };
  return { report, observations };
}

/** The Dutch names of the teams and codes, for the report's tables (report-tables.ts). */
export function reportLabels(codeLists: ReportCodeLists): ReportLabels {
  return { teams: codeLists.teams, codes: codeLists.lists };
}

/** What the means of the annual report were computed over (for the suppression of means over few cases). */
export interface AnnualObservations {
  /** Cases with a first meeting per month of registration (1..12) and location (null: none recorded). */
  firstMeetings: readonly { month: number; location: string | null; cases: number }[];
  /** Closed cases with an answer to "kunt u zelf verder?". */
  canContinueAnswered: number;
}

/**
 * The suppressed families computed last, by fingerprint and thresholds: the analyst's next request
 * about the same year (another quarter or team, the CSV) only runs the queries, as long as nothing
 * they read has changed. A few years of a few organisations; per process.
 */
const suppressedFamilies = new Map<string, AnnualFamilySuppression>();
const SUPPRESSED_FAMILIES_KEPT = 8;

function suppressedFamily(family: AnnualFamily, smallNumbers: SmallNumberSettings): AnnualFamilySuppression {
  const key = `${family.fingerprint}|${smallNumbers.minCount}|${smallNumbers.minObservations}`;
  let suppressed = suppressedFamilies.get(key);
  if (suppressed) suppressedFamilies.delete(key);
  else suppressed = suppressAnnualFamily(family, smallNumbers);
  suppressedFamilies.set(key, suppressed);
  if (suppressedFamilies.size > SUPPRESSED_FAMILIES_KEPT) suppressedFamilies.delete(suppressedFamilies.keys().next().value!);
  return suppressed;
}

/**
 * The report as the endpoints publish it: exact, or, when `smallNumbers` is given (a role whose
 * output leaves the organisation), suppressed consistently with every other report of the year
 * the same role can ask for (annual-family.ts).
 */
export async function publishAnnualReport(db: Db, organisationId: string, options: AnnualReportOptions, smallNumbers: SmallNumberSettings | null): Promise<PublishedAnnualReport> {
  if (!smallNumbers) return computeAnnualReport(db, organisationId, options);
  const codeLists = await loadReportCodeLists(db, organisationId);
  teamIdOf(codeLists, options.teamCode);
  const family = await computeAnnualFamily(db, organisationId, options.year, codeLists);
  return suppressedFamily(family, smallNumbers).publish(options.quarter ?? 4, options.teamCode ?? null);
}

/** The report as one CSV file (see report-csv.ts), with small numbers suppressed when `smallNumbers` is given. */
export async function computeAnnualReportCsv(db: Db, organisationId: string, options: AnnualReportOptions, smallNumbers: SmallNumberSettings | null = null): Promise<string> {
  const report = await publishAnnualReport(db, organisationId, options, smallNumbers);
  const labels = reportLabels(await loadReportCodeLists(db, organisationId));
  return renderReportCsv(report, labels, { quarter: options.quarter, team: options.teamCode });
}
