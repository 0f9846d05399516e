// The floor of the annual report (issue 6): the same tables of shared/spec/reports.md for a whole
// organisation and year, computed by ONE hand-written SQL query that returns the raw counts as one
// JSON value, with no code lists, no zeros filled in, no rounding and no HTTP. What the report
// endpoint costs above this is the price of the application around the SQL; the benchmark prints
// the ratio and checks that the floor counts the same totals as the report.
import { sql, type SQL } from 'drizzle-orm';
import type { AnnualReport } from '../../src/server/modules/reports/reports.schemas';

export function annualReportFloorQuery(organisationId: string, year: number): SQL {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return sql`
    with p(kind, idx, start_on, end_on) as materialized (
      select 'month', m, make_date(${year}::int, m, 1), (make_date(${year}::int, m, 1) + interval '1 month - 1 day')::date from generate_series(1, 12) m
      union all
      select 'quarter', q, make_date(${year}::int, q * 3 - 2, 1), (make_date(${year}::int, q * 3 - 2, 1) + interval '3 months - 1 day')::date from generate_series(1, 4) q
      union all
      select 'year', 0, ${start}::date, ${end}::date
    ),
    running as materialized (
      select id, team_id, registered_on, closed_on from cases
       where organisation_id = ${organisationId} and registered_on <= ${end}::date and (closed_on is null or closed_on >= ${start}::date)
    ),
    case_counts as (
      select p.kind, p.idx, r.team_id,
             count(*) filter (where r.registered_on between p.start_on and p.end_on) as started,
             count(*) as running,
             count(*) filter (where r.closed_on between p.start_on and p.end_on) as closed
        from p join running r on r.registered_on <= p.end_on and (r.closed_on is null or r.closed_on >= p.start_on)
       group by 1, 2, 3
    ),
    unique_clients as (
      select p.kind, p.idx, r.team_id, count(distinct cc.client_id) as clients
        from p join running r on r.registered_on <= p.end_on and (r.closed_on is null or r.closed_on >= p.start_on)
        join case_clients cc on cc.organisation_id = ${organisationId} and cc.case_id = r.id
       where p.kind <> 'month'
       group by 1, 2, 3
    ),
    registered as (
      select extract(month from registered_on)::int as month, referrer_code, first_meeting_location,
             count(*) as cases, sum(first_meeting_on - registered_on) filter (where first_meeting_on is not null) as days,
             count(first_meeting_on) as met
        from cases
       where organisation_id = ${organisationId} and registered_on between ${start}::date and ${end}::date
       group by 1, 2, 3
    ),
    closed as (
      select id, closed_on, close_reasons, close_outcomes, satisfaction_score, can_continue_alone from cases
       where organisation_id = ${organisationId} and closed_on between ${start}::date and ${end}::date
    ),
    reasons as (
      select extract(quarter from closed_on)::int as quarter, close_reasons, count(*) as cases from closed group by 1, 2
    ),
    outcomes as (
      select p.kind, p.idx, o.outcome, count(distinct cc.client_id) as clients
        from p join closed c on c.closed_on between p.start_on and p.end_on
        cross join lateral unnest(c.close_outcomes) o(outcome)
        join case_clients cc on cc.organisation_id = ${organisationId} and cc.case_id = c.id
       where p.kind <> 'month'
       group by 1, 2, 3
    ),
    marks as (
      select satisfaction_score, count(*) as cases, count(*) filter (where can_continue_alone) as yes, count(can_continue_alone) as answered
        from closed group by 1
    ),
    provisions_started as (
      select extract(quarter from start_on)::int as quarter, category, product, provider, extends_provision_id is not null as extension,
             count(*) as provisions, count(distinct client_id) filter (where extends_provision_id is null) as clients
        from provisions
       where organisation_id = ${organisationId} and not voided and start_on between ${start}::date and ${end}::date
       group by grouping sets ((1, 2, 3, 4, 5), ())
    ),
    zrm as (
      select extract(month from assessed_on)::int as month, type, count(*) as assessments
        from zrm_assessments
       where organisation_id = ${organisationId} and assessed_on between ${start}::date and ${end}::date
       group by 1, 2
    )
    select json_build_object(
      'case_counts', (select json_agg(case_counts) from case_counts),
      'unique_clients', (select json_agg(unique_clients) from unique_clients),
      'registered', (select json_agg(registered) from registered),
      'reasons', (select json_agg(reasons) from reasons),
      'outcomes', (select json_agg(outcomes) from outcomes),
      'marks', (select json_agg(marks) from marks),
      'provisions', (select json_agg(provisions_started) from provisions_started),
      'zrm', (select json_agg(zrm) from zrm)
    ) as floor`;
}

interface FloorRows {
  case_counts: { kind: string; team_id: string; started: number; running: number; closed: number }[] | null;
  unique_clients: { kind: string; clients: number }[] | null;
  registered: { cases: number }[] | null;
  outcomes: { kind: string; clients: number }[] | null;
  provisions: { quarter: number | null; provisions: number; clients: number }[] | null;
  zrm: { assessments: number }[] | null;
}

export interface YearTotals {
  started: number;
  running: number;
  closed: number;
  uniqueClients: number;
  clientsWithOutcome: number;
  clientsWithNewProvision: number;
  zrmAssessments: number;
}

/** The year totals of the floor's raw rows, to compare with the report's. */
export function floorTotals(floor: FloorRows): YearTotals {
  const years = (floor.case_counts ?? []).filter((r) => r.kind === 'year');
  const sum = <T>(rows: T[] | null, value: (row: T) => number) => (rows ?? []).reduce((total, row) => total + value(row), 0);
  return {
    started: sum(years, (r) => r.started),
    running: sum(years, (r) => r.running),
    closed: sum(years, (r) => r.closed),
    uniqueClients: sum((floor.unique_clients ?? []).filter((r) => r.kind === 'year'), (r) => r.clients),
    clientsWithOutcome: sum((floor.outcomes ?? []).filter((r) => r.kind === 'year'), (r) => r.clients),
    clientsWithNewProvision: (floor.provisions ?? []).find((r) => r.quarter === null)?.clients ?? 0,
    zrmAssessments: sum(floor.zrm, (r) => r.assessments),
  };
}

/** The same year totals read from the report the endpoint answers. */
export function reportTotals(report: AnnualReport): YearTotals {
  const outcomeYears = Object.values(report.clients_by_outcome).reduce((total, counts) => total + counts.year, 0);
  return {
    started: report.cases.started.year,
    running: report.cases.running.year,
    closed: report.cases.closed.year,
    uniqueClients: report.unique_clients.year,
    clientsWithOutcome: outcomeYears,
    clientsWithNewProvision: report.provisions.clients_with_new_provision.year,
    zrmAssessments: Object.values(report.zrm).reduce((total, counts) => total + counts.year, 0),
  };
}
