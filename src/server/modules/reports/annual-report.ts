// The annual (and quarterly) report of shared/spec/reports.md, computed in the database: a handful
// of grouped queries over a generated list of periods (12 months, 4 quarters, the year). The
// definitions that are not SQL (buckets, rounding, the quarterly window) live in report-rules.ts.
// Aggregates only: no client appears in the result.
// Every query orders its rows by all of its groups, text in code-point order (collate "C"): a row
// can add a key to the report (a provider outside the code list), and the order of the keys must
// depend neither on the order rows happen to come back in nor on the server's collation.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database';
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
  type ReportWindow,
} from './report-rules';
import type { AnnualReport, PublishedAnnualReport } from './reports.schemas';
import { suppressAnnualReport, type AnnualObservations } from './report-suppression';
import type { SmallNumberSettings } from './small-numbers';
import { renderReportCsv, type ReportLabels } from './report-csv';

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

async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  // Both drivers (PGlite, node-postgres) answer raw queries with `{ rows }`.
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The periods of the window as a CTE body: a VALUES list of reportPeriods. A literal list (and not
 * generate_series) gives the planner the true row count: with generate_series' guess of 1,000 rows
 * a period it estimated millions of rows, sorted on disk and compiled the query (JIT): on ten years
 * of Utrecht the outcome table took 690 ms, of which 660 ms JIT.
 */
function periods(window: ReportWindow): SQL {
  const rows = reportPeriods(window).map((p) => sql`(${p.kind}, ${p.idx}::int, ${p.start}::date, ${p.end}::date)`);
  return sql`select * from (values ${sql.join(rows, sql`, `)}) as periods(kind, idx, start_on, end_on)`;
}

type PeriodKind = 'month' | 'quarter' | 'year';

function setPeriod(counts: PeriodCounts | QuarterCounts, kind: PeriodKind, idx: number, n: number): void {
  if (kind === 'year') counts.year = n;
  else if (kind === 'quarter') counts.quarters[idx - 1] = n;
  else if ('months' in counts) counts.months[idx - 1] = n;
}

export async function computeAnnualReport(db: Db, organisationId: string, options: AnnualReportOptions): Promise<AnnualReport> {
  return (await computeWithObservations(db, organisationId, options)).report;
}

/**
 * The report as the endpoints publish it: exact, or with small numbers suppressed (null, reasons in
 * `suppression`) when `smallNumbers` is given: for a role whose output leaves the organisation.
 */
export async function publishAnnualReport(db: Db, organisationId: string, options: AnnualReportOptions, smallNumbers: SmallNumberSettings | null): Promise<PublishedAnnualReport> {
  const { report, observations } = await computeWithObservations(db, organisationId, options);
  return smallNumbers ? suppressAnnualReport(report, observations, smallNumbers) : report;
}

async function computeWithObservations(db: Db, organisationId: string, options: AnnualReportOptions): Promise<{ report: AnnualReport; observations: AnnualObservations }> {
  const window = reportWindow(options.year, options.quarter);
  const codeLists = await loadReportCodeLists(db, organisationId);
  const list = (name: string) => codeLists.lists[name] ?? [];

  let teamId: string | null = null;
  if (options.teamCode !== undefined) {
    const team = codeLists.teams.find((t) => t.code === options.teamCode);
    if (!team) throw new Invalid([{ path: 'team', message: `Onbekend team: ${options.teamCode}` }]);
    teamId = team.id;
  }
  const reportTeams = teamId ? codeLists.teams.filter((t) => t.id === teamId) : codeLists.teams;
  const teamCodeById = new Map(codeLists.teams.map((t) => [t.id, t.code]));

  const org = organisationId;
  const { start, end } = window;
  /** Restricts an alias of `cases` to the organisation and, in a team report, to the team. */
  const caseScope = (alias: string) =>
    teamId
      ? sql`${sql.raw(alias)}.organisation_id = ${org} and ${sql.raw(alias)}.team_id = ${teamId}`
      : sql`${sql.raw(alias)}.organisation_id = ${org}`;
  // Cases running at some moment of the window: the only cases the period tables can count.
  // Started and closed in a period are subsets of running in it (closed_on >= registered_on is a
  // rule of registration and import), so the join on "running" finds all three.
  const runningCases = sql`
    select c.id, c.team_id, c.registered_on, c.closed_on from cases c
     where ${caseScope('c')} and c.registered_on <= ${end}::date and (c.closed_on is null or c.closed_on >= ${start}::date)`;
  const runsIn = sql`s.registered_on <= p.end_on and (s.closed_on is null or s.closed_on >= p.start_on)`;

  // One read-only snapshot, so that the tables agree with each other while registrations go on; the
  // queries run one after the other on one connection (a report must not take the whole pool).
  const queries: SQL[] = [
    sql`with p as materialized (${periods(window)}), s as (${runningCases})
        select p.kind, p.idx, s.team_id,
               (count(*) filter (where s.registered_on between p.start_on and p.end_on))::int as started,
               count(*)::int as running,
               (count(*) filter (where s.closed_on between p.start_on and p.end_on))::int as closed
          from p join s on ${runsIn}
         group by p.kind, p.idx, s.team_id
         order by p.kind, p.idx, s.team_id`,
    // Unique clients per team: distinct clients of the team's cases running in the quarter / year.
    // (distinct in a subquery: a hash aggregate, where count(distinct) would sort.)
    sql`with p as materialized (${periods(window)}), s as (${runningCases})
        select kind, idx, team_id, count(*)::int as clients
          from (select distinct p.kind, p.idx, s.team_id, cc.client_id
                  from p join s on ${runsIn}
                  join case_clients cc on cc.organisation_id = ${org} and cc.case_id = s.id
                 where p.kind <> 'month') as team_clients
         group by kind, idx, team_id
         order by kind, idx, team_id`,
    // Sums of days per month and location, from which every mean follows exactly.
    sql`select extract(month from c.registered_on)::int as month, c.first_meeting_location as location,
               sum(c.first_meeting_on - c.registered_on)::int as days, count(*)::int as cases
          from cases c
         where ${caseScope('c')} and c.registered_on between ${start}::date and ${end}::date and c.first_meeting_on is not null
         group by 1, 2
         order by 1, c.first_meeting_location collate "C"`,
    sql`select extract(quarter from c.registered_on)::int as quarter, c.referrer_code as referrer, count(*)::int as cases
          from cases c
         where ${caseScope('c')} and c.registered_on between ${start}::date and ${end}::date
         group by 1, 2
         order by 1, c.referrer_code collate "C"`,
    // Per distinct set of reasons; the bucket rule (none / one / several) is applied in closeReasonBucket.
    sql`select extract(quarter from c.closed_on)::int as quarter, array_to_json(c.close_reasons)::text as reasons, count(*)::int as cases
          from cases c
         where ${caseScope('c')} and c.closed_on between ${start}::date and ${end}::date
         group by 1, 2
         order by 1, array_to_json(c.close_reasons)::text collate "C"`,
    // Distinct clients (the whole household of case_clients) of cases closed in the period with the outcome.
    sql`with p as materialized (${periods(window)}),
        closed as (select c.id, c.closed_on, c.close_outcomes from cases c
                    where ${caseScope('c')} and c.closed_on between ${start}::date and ${end}::date and cardinality(c.close_outcomes) > 0)
        select kind, idx, outcome, count(*)::int as clients
          from (select distinct p.kind, p.idx, o.outcome, cc.client_id
                  from p
                  join closed c on c.closed_on between p.start_on and p.end_on
                  cross join lateral unnest(c.close_outcomes) as o(outcome)
                  join case_clients cc on cc.organisation_id = ${org} and cc.case_id = c.id
                 where p.kind <> 'month') as outcome_clients
         group by kind, idx, outcome
         order by kind, idx, outcome collate "C"`,
    // Non-voided provisions starting in the window: new assignments and extensions (verlengingen).
    sql`select extract(quarter from pr.start_on)::int as quarter, pr.category, pr.product, pr.provider,
               (pr.extends_provision_id is not null) as extension, count(*)::int as provisions
          from provisions pr
          join cases c on c.organisation_id = pr.organisation_id and c.id = pr.case_id
         where ${caseScope('c')} and pr.organisation_id = ${org} and not pr.voided and pr.start_on between ${start}::date and ${end}::date
         group by 1, 2, 3, 4, 5
         order by 1, pr.category collate "C", pr.product collate "C", pr.provider collate "C", 5`,
    sql`select count(distinct pr.client_id)::int as clients
          from provisions pr
          join cases c on c.organisation_id = pr.organisation_id and c.id = pr.case_id
         where ${caseScope('c')} and pr.organisation_id = ${org} and not pr.voided and pr.extends_provision_id is null
           and pr.start_on between ${start}::date and ${end}::date`,
    sql`select c.satisfaction_score as score, count(*)::int as cases,
               (count(*) filter (where c.can_continue_alone))::int as yes, count(c.can_continue_alone)::int as answered
          from cases c
         where ${caseScope('c')} and c.closed_on between ${start}::date and ${end}::date
         group by 1
         order by 1`,
    sql`select extract(month from z.assessed_on)::int as month, z.type, count(*)::int as assessments
          from zrm_assessments z
          join cases c on c.organisation_id = z.organisation_id and c.id = z.case_id
         where ${caseScope('c')} and z.organisation_id = ${org} and z.assessed_on between ${start}::date and ${end}::date
         group by 1, 2
         order by 1, z.type collate "C"`,
  ];
  const results = await db.transaction(
    async (tx) => {
      // The distinct-client tables group some 80,000 rows over ten years of Utrecht: with the
      // default 4 MB they sort on disk (249 ms for one table), with 64 MB they hash in memory (169 ms).
      // For this transaction only; a report runs on one connection at a time.
      await tx.execute(sql`set local work_mem = '64MB'`);
      const out: unknown[][] = [];
      for (const query of queries) out.push(await rowsOf(tx, query));
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const [caseCounts, clientCounts, firstMeetings, referrers, reasons, outcomes, provisionRows, provisionClients, marks, zrmRows] = results as [
    { kind: PeriodKind; idx: number; team_id: string; started: number; running: number; closed: number }[],
    { kind: PeriodKind; idx: number; team_id: string; clients: number }[],
    { month: number; location: string | null; days: number; cases: number }[],
    { quarter: number; referrer: string | null; cases: number }[],
    { quarter: number; reasons: string[] | string; cases: number }[],
    { kind: PeriodKind; idx: number; outcome: string; clients: number }[],
    { quarter: number; category: string; product: string; provider: string; extension: boolean; provisions: number }[],
    { clients: number }[],
    { score: number | null; cases: number; yes: number; answered: number }[],
    { month: number; type: string | null; assessments: number }[],
  ];

  // Cases: per team, and the organisation as the sum over teams (a case has one team).
  const cases = { started: emptyPeriodCounts(), running: emptyPeriodCounts(), closed: emptyPeriodCounts() };
  const teamTables: AnnualReport['teams'] = {};
  const teamTable = (code: string) =>
    (teamTables[code] ??= { started: emptyPeriodCounts(), running: emptyPeriodCounts(), closed: emptyPeriodCounts(), unique_clients: emptyQuarterCounts() });
  for (const team of reportTeams) teamTable(team.code);
  for (const row of caseCounts) {
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
  for (const row of clientCounts) {
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
  for (const row of referrers) addToQuarter((startedByReferrer[referrerKey(row.referrer)] ??= emptyQuarterCounts()), row.quarter, row.cases);

  const closedByReason = quarterTable([...list('close_reasons').map((c) => c.code), MULTIPLE_REASONS, UNKNOWN]);
  for (const row of reasons) {
    const reasonList = (typeof row.reasons === 'string' ? JSON.parse(row.reasons) : row.reasons) as string[] | null;
    addToQuarter((closedByReason[closeReasonBucket(reasonList ?? [])] ??= emptyQuarterCounts()), row.quarter, row.cases);
  }

  const clientsByOutcome = quarterTable(list('close_outcomes').map((c) => c.code));
  for (const row of outcomes) setPeriod((clientsByOutcome[row.outcome] ??= emptyQuarterCounts()), row.kind, row.idx, row.clients);

  // Provisions: every category with every provider of the list and its own products, with zeros.
  const newByProvider: AnnualReport['provisions']['new_by_provider'] = {};
  const newByProduct: AnnualReport['provisions']['new_by_product'] = {};
  for (const category of list('provision_categories')) {
    newByProvider[category.code] = quarterTable(list('providers').map((p) => p.code));
    newByProduct[category.code] = quarterTable(list('provision_products').filter((p) => p.parentCode === category.code).map((p) => p.code));
  }
  const extensions = emptyQuarterCounts();
  for (const row of provisionRows) {
    if (row.extension) {
      addToQuarter(extensions, row.quarter, row.provisions);
      continue;
    }
    addToQuarter(((newByProvider[row.category] ??= {})[row.provider] ??= emptyQuarterCounts()), row.quarter, row.provisions);
    addToQuarter(((newByProduct[row.category] ??= {})[row.product] ??= emptyQuarterCounts()), row.quarter, row.provisions);
  }

  const zrm: Record<string, PeriodCounts> = {};
  for (const type of list('zrm_types')) zrm[type.code] = emptyPeriodCounts();
  for (const row of zrmRows) addToMonth((zrm[zrmTypeKey(row.type)] ??= emptyPeriodCounts()), row.month, row.assessments);

  const report: AnnualReport = {
    year: window.year,
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
      clients_with_new_provision: { year: provisionClients[0]?.clients ?? 0 },
    },
    satisfaction: satisfaction(marks.map((m) => ({ score: m.score, cases: m.cases, canContinueYes: m.yes, canContinueAnswered: m.answered }))),
    zrm,
  };
  const observations: AnnualObservations = { firstMeetings, canContinueAnswered: marks.reduce((sum, m) => sum + m.answered, 0) };
  return { report, observations };
}

/** The Dutch labels of the code lists, for the CSV. */
export function reportLabels(codeLists: ReportCodeLists): ReportLabels {
  const labels: ReportLabels = { teams: Object.fromEntries(codeLists.teams.map((t) => [t.code, t.name])), codes: {} };
  for (const [list, items] of Object.entries(codeLists.lists)) labels.codes[list] = Object.fromEntries(items.map((i) => [i.code, i.label]));
  return labels;
}

/** The report as one CSV file (see report-csv.ts), with small numbers suppressed when `smallNumbers` is given. */
export async function computeAnnualReportCsv(db: Db, organisationId: string, options: AnnualReportOptions, smallNumbers: SmallNumberSettings | null = null): Promise<string> {
  const report = await publishAnnualReport(db, organisationId, options, smallNumbers);
  const labels = reportLabels(await loadReportCodeLists(db, organisationId));
  return renderReportCsv(report, labels, { quarter: options.quarter, team: options.teamCode });
}
