// The ZRM progress report ("kleine maar significante stappen"): per domain, over the clients with a
// nulmeting and a later periodic or final assessment in the year, the mean start and latest score
// and a signed-rank test on the changes. The database selects each client's (start, latest) pair
// and counts the pairs; the statistics are pure (zrm-rules.ts, wilcoxon.ts). Aggregates only.
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/database';
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
  let teamId: string | null = null;
  if (options.teamCode !== undefined) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, organisationId), eq(teams.code, options.teamCode)));
    if (!team) throw new Invalid([{ path: 'team', message: `Onbekend team: ${options.teamCode}` }]);
    teamId = team.id;
  }
  const domainCodes = (await loadZrmDomains(db, organisationId)).map((d) => d.code);
  const rows = domainCodes.length === 0 ? [] : await queryScorePairs(db, organisationId, options.year, domainCodes, teamId ? { team: teamId } : 'organisation');
  return summarise(options.year, domainCodes, rows);
}

/**
 * The organisation's report and every team's of a year (the analyst's family, suppressed together):
 * two queries, one for the organisation and one with the team as a key, not one per team.
 */
export async function computeZrmFamily(db: Db, organisationId: string, year: number): Promise<Map<string | null, ZrmReport>> {
  const teamRows = await db.select({ id: teams.id, code: teams.code }).from(teams).where(eq(teams.organisationId, organisationId)).orderBy(sql`${teams.code} collate "C"`);
  const domainCodes = (await loadZrmDomains(db, organisationId)).map((d) => d.code);
  const organisation = domainCodes.length === 0 ? [] : await queryScorePairs(db, organisationId, year, domainCodes, 'organisation');
  const perTeam = domainCodes.length === 0 ? [] : await queryScorePairs(db, organisationId, year, domainCodes, 'per team');
  const reports = new Map<string | null, ZrmReport>([[null, summarise(year, domainCodes, organisation)]]);
  for (const team of teamRows) reports.set(team.code, summarise(year, domainCodes, perTeam.filter((row) => row.team_id === team.id)));
  return reports;
}

interface ScorePairRow {
  team_id: string | null;
  domain: string;
  start_score: number;
  latest_score: number;
  clients: number;
}

/**
 * The (start, latest) pairs with their number of clients, per domain: of the organisation, of one
 * team's cases (start and latest alike), or of every team's, with the team as a key (a client in
 * two teams' cases counts in each team, as in the team's own report).
 */
async function queryScorePairs(db: Db, organisationId: string, year: number, domainCodes: string[], scope: 'organisation' | 'per team' | { team: string }): Promise<ScorePairRow[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const perTeam = scope === 'per team';
  // The team of an assessment is its case's; for one team, or for every team as a key.
  const teamOf = (alias: string) => sql.raw(`(select c.team_id from cases c where c.organisation_id = ${alias}.organisation_id and c.id = ${alias}.case_id)`);
  const yearTeam = perTeam ? sql`${teamOf('z')}` : sql`null::uuid`;
  const inTeam = typeof scope === 'object' ? sql`and ${teamOf('z')} = ${scope.team}` : sql``;
  const sameTeam = perTeam ? sql`and ${teamOf('z')} = y.team_id` : sql``;
  return rowsOf<ScorePairRow>(db, sql`
    -- Only a client with a periodic or final assessment in the year can have a latest score: the
    -- rest of the history is read for those clients only (ten years of Utrecht: 15,000 of 172,000
    -- clients for one year; 7.1 s when every assessment went through the window functions), and of
    -- their history only what can be a start (a nulmeting) or a latest score (in the year).
    with in_year as materialized (
      select distinct ${yearTeam} as team_id, z.client_id
        from zrm_assessments z
       where z.organisation_id = ${organisationId}
         and z.type in ('periodiek', 'eind')
         and z.assessed_on between ${start}::date and ${end}::date
         ${inTeam}
    ),
    a as (
      select y.team_id, z.client_id, z.assessed_on, z.type, z.recorded_order, s.key as domain,
             case when jsonb_typeof(s.value) = 'number' then (s.value)::int end as score
        from in_year y
        join zrm_assessments z on z.organisation_id = ${organisationId} and z.client_id = y.client_id
        cross join lateral jsonb_each(z.scores) as s(key, value)
       where ((z.type = 'nul' and z.assessed_on <= ${end}::date)
              or (z.type in ('periodiek', 'eind') and z.assessed_on between ${start}::date and ${end}::date))
         and s.key in (${sql.join(
           domainCodes.map((code) => sql`${code}`),
           sql`, `,
         )})
         ${inTeam} ${sameTeam}
    ),
    -- One pass with window functions, no joins: the planner misjudges the rows of jsonb_each, and
    -- joins between these sets ran for tens of seconds on PostgreSQL.
    b as (
      select a.*,
             bool_or(type = 'nul' and score is not null) over per_domain as has_start,
             first_value(assessed_on) over start_first as start_on,
             first_value(score) over start_first as start_score
        from a
      window per_domain as (partition by team_id, client_id, domain),
             start_first as (partition by team_id, client_id, domain order by (type = 'nul' and score is not null) desc, assessed_on, recorded_order)
    ),
    latest as (
      select distinct on (team_id, client_id, domain) team_id, domain, start_score, score as latest_score
        from b
       where has_start and type in ('periodiek', 'eind') and score is not null
         and assessed_on between ${start}::date and ${end}::date and assessed_on > start_on
       order by team_id, client_id, domain, assessed_on desc, recorded_order desc
    )
    select team_id, domain, start_score, latest_score, count(*)::int as clients
      from latest
     group by 1, 2, 3, 4`);
}

function summarise(year: number, domainCodes: string[], rows: ScorePairRow[]): ZrmReport {
  const pairs = new Map<string, ScorePair[]>(domainCodes.map((code) => [code, []]));
  for (const row of rows) pairs.get(row.domain)?.push({ start: Number(row.start_score), latest: Number(row.latest_score), clients: Number(row.clients) });
  const report: ZrmReport = { year, domains: {} };
  for (const code of domainCodes) report.domains[code] = summariseDomain(pairs.get(code)!);
  return report;
}

/**
 * The report as the endpoint publishes it: exact, or, when `smallNumbers` is given (the analyst),
 * suppressed consistently with the organisation's and every other team's report of the year.
 */
export async function publishZrmReport(db: Db, organisationId: string, options: ZrmReportOptions, smallNumbers: SmallNumberSettings | null): Promise<PublishedZrmReport> {
  if (!smallNumbers) return computeZrmReport(db, organisationId, options);
  const reports = await computeZrmFamily(db, organisationId, options.year);
  if (options.teamCode !== undefined && !reports.has(options.teamCode)) throw new Invalid([{ path: 'team', message: `Onbekend team: ${options.teamCode}` }]);
  return suppressZrmFamily(reports, smallNumbers).publish(options.teamCode ?? null);
}
