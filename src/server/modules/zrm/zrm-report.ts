// The ZRM progress report ("kleine maar significante stappen"): per domain, over the clients with a
// nulmeting and a later periodic or final assessment in the year, the mean start and latest score
// and a signed-rank test on the changes. The database selects each client's (start, latest) pair
// and counts the pairs; the statistics are pure (zrm-rules.ts, wilcoxon.ts). Aggregates only.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { teams } from '../../db/schema';
import { Invalid } from '../../lib/errors';
import { summariseDomain, type ScorePair } from './zrm-rules';
import { loadZrmDomains } from './zrm.repo';
import type { PublishedZrmReport, ZrmReport } from './zrm.schemas';
import { suppressZrmFamily } from '../reports/report-suppression';
import type { SmallNumberSettings } from '../reports/small-numbers';

export interface ZrmReportOptions {
  year: number;
  /** Only the assessments made in this team's cases (start and latest alike). */
  teamCode?: string;
}

/*
 * Per client and domain (a client with several cases counts once):
 * - start: the earliest `nul` assessment scoring the domain (on one day: the one recorded first);
 * - latest: the latest `periodiek` or `eind` assessment scoring the domain dated in the year and
 *   after the start's date (on one day: the one recorded last);
 * a client with both counts in the domain, with change = latest − start.
 * "Recorded" is `recorded_order` (the order of entry, or of the rows of zrm.csv), never the random
 * id: two installations that import the same history print the same report.
 */
export async function computeZrmReport(db: Db, organisationId: string, options: ZrmReportOptions): Promise<ZrmReport> {
  const start = `${options.year}-01-01`;
  const end = `${options.year}-12-31`;
  let teamId: string | null = null;
  if (options.teamCode !== undefined) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, organisationId), eq(teams.code, options.teamCode)));
    if (!team) throw new Invalid([{ path: 'team', message: `Onbekend team: ${options.teamCode}` }]);
    teamId = team.id;
  }
  const domains = await loadZrmDomains(db, organisationId);
  const domainCodes = domains.map((d) => d.code);
  if (domainCodes.length === 0) return { year: options.year, domains: {} };
  const inTeam = teamId
    ? sql`and exists (select 1 from cases c where c.organisation_id = z.organisation_id and c.id = z.case_id and c.team_id = ${teamId})`
    : sql``;
  const result = (await db.execute(sql`
    -- Only a client with a periodic or final assessment in the year can have a latest score: the
    -- rest of the history is read for those clients only (ten years of Utrecht: 15,000 of 172,000
    -- clients for one year; 7.1 s when every assessment went through the window functions), and of
    -- their history only what can be a start (a nulmeting) or a latest score (in the year).
    with in_year as materialized (
      select distinct z.client_id
        from zrm_assessments z
       where z.organisation_id = ${organisationId}
         and z.type in ('periodiek', 'eind')
         and z.assessed_on between ${start}::date and ${end}::date
         ${inTeam}
    ),
    a as (
      select z.client_id, z.assessed_on, z.type, z.recorded_order, s.key as domain,
             case when jsonb_typeof(s.value) = 'number' then (s.value)::int end as score
        from in_year y
        join zrm_assessments z on z.organisation_id = ${organisationId} and z.client_id = y.client_id
        cross join lateral jsonb_each(z.scores) as s(key, value)
       where ((z.type = 'nul' and z.assessed_on <= ${end}::date)
              or (z.type in ('periodiek', 'eind') and z.assessed_on between ${start}::date and ${end}::date))
         and s.key in (${sql.join(domainCodes.map((code) => sql`${code}`), sql`, `)})
         ${inTeam}
    ),
    -- One pass with window functions, no joins: the planner misjudges the rows of jsonb_each, and
    -- joins between these sets ran for tens of seconds on PostgreSQL.
    b as (
      select a.*,
             bool_or(type = 'nul' and score is not null) over per_domain as has_start,
             first_value(assessed_on) over start_first as start_on,
             first_value(score) over start_first as start_score
        from a
      window per_domain as (partition by client_id, domain),
             start_first as (partition by client_id, domain order by (type = 'nul' and score is not null) desc, assessed_on, recorded_order)
    ),
    latest as (
      select distinct on (client_id, domain) domain, start_score, score as latest_score
        from b
       where has_start and type in ('periodiek', 'eind') and score is not null
         and assessed_on between ${start}::date and ${end}::date and assessed_on > start_on
       order by client_id, domain, assessed_on desc, recorded_order desc
    )
    select domain, start_score, latest_score, count(*)::int as clients
      from latest
     group by 1, 2, 3`)) as unknown as { rows: { domain: string; start_score: number; latest_score: number; clients: number }[] };

  const pairs = new Map<string, ScorePair[]>(domainCodes.map((code) => [code, []]));
  for (const row of result.rows) {
    pairs.get(row.domain)?.push({ start: Number(row.start_score), latest: Number(row.latest_score), clients: Number(row.clients) });
  }
  const report: ZrmReport = { year: options.year, domains: {} };
  for (const code of domainCodes) report.domains[code] = summariseDomain(pairs.get(code)!);
  return report;
}

/**
 * The report as the endpoint publishes it: exact, or, when `smallNumbers` is given (the analyst),
 * suppressed consistently with the organisation's and every other team's report of the year.
 */
export async function publishZrmReport(db: Db, organisationId: string, options: ZrmReportOptions, smallNumbers: SmallNumberSettings | null): Promise<PublishedZrmReport> {
  if (!smallNumbers) return computeZrmReport(db, organisationId, options);
  const teamCodes = (await db.select({ code: teams.code }).from(teams).where(eq(teams.organisationId, organisationId)).orderBy(asc(teams.code))).map((t) => t.code);
  if (options.teamCode !== undefined && !teamCodes.includes(options.teamCode)) throw new Invalid([{ path: 'team', message: `Onbekend team: ${options.teamCode}` }]);
  const reports = new Map<string | null, ZrmReport>([[null, await computeZrmReport(db, organisationId, { year: options.year })]]);
  for (const teamCode of teamCodes) reports.set(teamCode, await computeZrmReport(db, organisationId, { year: options.year, teamCode }));
  return suppressZrmFamily(reports, smallNumbers).publish(options.teamCode ?? null);
}
