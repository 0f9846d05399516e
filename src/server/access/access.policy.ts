// Record-level access: which cases, clients and registrations an actor may see. Every query that
// reads client data adds one of these conditions, so a new route cannot forget it. A record outside
// the scope is reported as not found (404), never as forbidden.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { caseClients, cases, clients, registrations } from '../db/schema';
import type { Actor } from './actor';
import { roleAllows } from './permissions';

/** Team members (workers, team leaders) see the clients and cases of their own team. */
function workingTeam(actor: Actor): string | null {
  return roleAllows(actor.role, 'cases:read') ? actor.teamId : null;
}

const NOTHING = sql`false`;

export function caseScope(actor: Actor): SQL {
  const teamId = workingTeam(actor);
  if (!teamId) return NOTHING;
  return and(eq(cases.organisationId, actor.organisationId), eq(cases.teamId, teamId))!;
}

export function registrationScope(actor: Actor): SQL {
  const teamId = workingTeam(actor);
  if (!teamId) return NOTHING;
  return and(
    eq(registrations.organisationId, actor.organisationId),
    or(eq(registrations.teamId, teamId), eq(registrations.triageTeamId, teamId)),
  )!;
}

/** A client is visible to a team that has a case with them or holds a registration of them. */
export function clientScope(actor: Actor): SQL {
  const teamId = workingTeam(actor);
  if (!teamId) return NOTHING;
  return and(
    eq(clients.organisationId, actor.organisationId),
    or(
      sql`exists (select 1 from ${caseClients} cc join ${cases} c on c.organisation_id = cc.organisation_id and c.id = cc.case_id
                  where cc.organisation_id = ${clients.organisationId} and cc.client_id = ${clients.id} and c.team_id = ${teamId})`,
      sql`exists (select 1 from ${registrations} r
                  where r.organisation_id = ${clients.organisationId} and r.client_id = ${clients.id}
                    and (r.team_id = ${teamId} or r.triage_team_id = ${teamId}))`,
    ),
  )!;
}
