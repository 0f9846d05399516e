// Record-level access: which cases, clients, registrations and journal entries an actor may see.
// Every query that reads client data adds one of these conditions, so a new route cannot forget it.
// A record outside the scope is reported as not found (404), never as forbidden.
//
// The policy table (docs/architecture.md, "Access"):
//   medewerker, teamleider  read and write the clients, cases and registrations of their own team;
//   kwaliteit               nothing, except clients opened through break-the-glass (read only);
//   analist, beheerder      no client data at all (aggregates and configuration only);
//   anyone opening a client through break-the-glass reads that client and its cases, never writes.
// Sensitive journal entries are visible only to their author and the case's lead worker.
// A client's access log: kwaliteit for every client, a worker or team leader as the lead worker of
// one of the client's cases. Quality reports: kwaliteit all, a team leader their own team's.
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { caseClients, cases, clients, clientTeams, contacts, qualityReports, registrations } from '../db/schema';
import type { Actor } from './actor';
import { worksInTeam } from './permissions';

/** Read: the actor looks at the record. Write: the actor changes it (break-the-glass never writes). */
export type AccessMode = 'read' | 'write';

/** Team members (workers, team leaders) work on the clients and cases of their own team. */
function workingTeam(actor: Actor): string | null {
  return worksInTeam(actor.role) ? actor.teamId : null;
}

const NOTHING = sql`false`;

function emergencyClients(actor: Actor, mode: AccessMode): readonly string[] {
  return mode === 'read' ? actor.emergencyClientIds : [];
}

function anyOf(conditions: (SQL | undefined)[]): SQL {
  const present = conditions.filter((c): c is SQL => c !== undefined);
  if (present.length === 0) return NOTHING;
  return present.length === 1 ? present[0]! : or(...present)!;
}

export function caseScope(actor: Actor, mode: AccessMode = 'read'): SQL {
  const teamId = workingTeam(actor);
  const opened = emergencyClients(actor, mode);
  const scope = anyOf([
    teamId ? eq(cases.teamId, teamId) : undefined,
    opened.length
      ? sql`exists (select 1 from ${caseClients} ec where ec.organisation_id = ${cases.organisationId} and ec.case_id = ${cases.id}
                    and ec.client_id in (${sql.join(opened.map((id) => sql`${id}::uuid`), sql`, `)}))`
      : undefined,
  ]);
  return and(eq(cases.organisationId, actor.organisationId), scope)!;
}

export function registrationScope(actor: Actor, mode: AccessMode = 'read'): SQL {
  const teamId = workingTeam(actor);
  const opened = emergencyClients(actor, mode);
  const scope = anyOf([
    teamId ? or(eq(registrations.teamId, teamId), eq(registrations.triageTeamId, teamId)) : undefined,
    opened.length ? inArray(registrations.clientId, [...opened]) : undefined,
  ]);
  return and(eq(registrations.organisationId, actor.organisationId), scope)!;
}

/** A client is visible to a team that has a case with them or holds a registration of them. */
export function clientScope(actor: Actor, mode: AccessMode = 'read'): SQL {
  const teamId = workingTeam(actor);
  const opened = emergencyClients(actor, mode);
  const scope = anyOf([
    // The team has the client in its records: a case of the team, or a registration with the team
    // as its team or triage team (client_teams, kept by the database; see the schema).
    teamId
      ? sql`exists (select 1 from ${clientTeams} ct
                     where ct.organisation_id = ${clients.organisationId} and ct.client_id = ${clients.id} and ct.team_id = ${teamId})`
      : undefined,
    opened.length ? inArray(clients.id, [...opened]) : undefined,
  ]);
  return and(eq(clients.organisationId, actor.organisationId), scope)!;
}

/** Whether the actor works on a record of this team as a team member (else: break-the-glass, read only). */
export function worksOnTeam(actor: Actor, teamId: string): boolean {
  return workingTeam(actor) === teamId;
}

/**
 * Whether the actor reads this client under break-the-glass, for the access log: the actor holds an
 * active emergency access for the client. (A worker who also has the client in their team while
 * holding such an access is logged as emergency access too: the stricter reading.)
 */
export function isEmergencyAccess(actor: Actor, clientId: string | null | undefined): boolean {
  return !!clientId && actor.emergencyClientIds.includes(clientId);
}

/**
 * The case's worker: its lead worker (regiehouder). Writing a note in a case does not make a
 * colleague one: otherwise any team member could unlock the sensitive entries with one line.
 * `caseId` is an SQL expression for the case's id, within the actor's organisation.
 */
export function isCaseWorker(actor: Actor, caseId: SQL | typeof contacts.caseId): SQL {
  return sql`exists (select 1 from ${cases} wc where wc.organisation_id = ${actor.organisationId} and wc.id = ${caseId} and wc.lead_worker_id = ${actor.userId})`;
}

/**
 * A sensitive journal entry (domestic violence, health, justice) is shown to its author and to the
 * case's lead worker. Colleagues in the team, the team leader included, and break-the-glass readers see
 * that an entry exists, not its text.
 */
export function sensitiveContactVisible(actor: Actor): SQL {
  return sql`(${contacts.sensitivity} is null or ${contacts.authorId} = ${actor.userId} or ${isCaseWorker(actor, contacts.caseId)})`;
}

/** An SQL condition that holds when the actor may read the access log of `clientId`. */
export function accessLogReadable(actor: Actor, clientId: string): SQL {
  if (actor.role === 'kwaliteit') return sql`true`;
  if (!worksInTeam(actor.role)) return sql`false`;
  return sql`exists (${sql`select 1 from ${cases} inner join ${caseClients} on ${and(eq(caseClients.organisationId, cases.organisationId), eq(caseClients.caseId, cases.id))}
    where ${and(eq(caseClients.clientId, clientId), caseScope(actor, 'read'), isCaseWorker(actor, sql`${cases.id}`))}`})`;
}

/** The quality reports the actor handles: kwaliteit every one of the organisation, a team leader their team's. */
export function qualityReportScope(actor: Actor): SQL {
  const inOrganisation = eq(qualityReports.organisationId, actor.organisationId);
  if (actor.role === 'kwaliteit') return inOrganisation;
  if (actor.role === 'teamleider' && actor.teamId) return and(inOrganisation, eq(qualityReports.teamId, actor.teamId))!;
  return sql`false`;
}
