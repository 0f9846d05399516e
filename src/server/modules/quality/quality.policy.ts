// Who sees which quality reports (record level; the route permission quality:manage comes first):
// kwaliteit every report of the organisation, a team leader the reports of their own team, anyone
// else nothing. Filing (quality:file) is for one's own team; kwaliteit chooses a team or none.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../access/actor';
import { worksInTeam } from '../../access/permissions';
import { qualityReports } from '../../db/schema';

export function qualityReportScope(actor: Actor): SQL {
  const inOrganisation = eq(qualityReports.organisationId, actor.organisationId);
  if (actor.role === 'kwaliteit') return inOrganisation;
  if (actor.role === 'teamleider' && actor.teamId) return and(inOrganisation, eq(qualityReports.teamId, actor.teamId))!;
  return sql`false`;
}

/** The team a report is filed for: a team member's own team; kwaliteit's choice (or none). */
export function filingTeam(actor: Actor, requested: string | null | undefined): { teamId: string | null } | { problem: string } {
  if (worksInTeam(actor.role)) {
    if (requested && requested !== actor.teamId) return { problem: 'U meldt voor uw eigen team' };
    return { teamId: actor.teamId };
  }
  return { teamId: requested ?? null };
}
