// Record-level access: which cases, clients, registrations and journal entries an actor may see.
// Every query that reads client data adds one of these conditions, so a new route cannot forget it.
// A record outside the scope is reported as not found (404), never as forbidden.
//
// The policy table (docs/architecture.md, "Access"):
//   medewerker, teamleider  read and write the clients, cases and registrations of their own team;
//                           a client the team attached (koppeling) while another team held them:
//                           the master data read only, until kwaliteit judges the attach justified;
//   kwaliteit               nothing, except clients opened through break-the-glass (read only);
//   analist, beheerder      no client data at all (aggregates and configuration only);
//   anyone opening a client through break-the-glass reads that client and its cases, never writes.
// Consents and disclosures are the recording team's; break-the-glass reads all of a client's.
// Sensitive journal entries are visible only to their author and the case's lead worker.
// A client's access log: kwaliteit for every client, a worker or team leader as the lead worker of
// one of the client's cases. Quality reports: kwaliteit all, a team leader their own team's.
// Tasks: one on a case follows the case; one of one's own is its assignee's and maker's, and the
// assignee's team leader reads it. Appointments follow their case.
// Documents: one on a case follows the case; one of a client alone is the storing team's (as consents
// are); a sensitive one is shown to its uploader and the lead worker only, as journal entries are.
import { and, eq, inArray, isNotNull, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import { appointments, caseClients, cases, clientAttachments, clients, clientTeams, consents, contacts, disclosures, documents, qualityReports, registrations, tasks, users } from '../db/schema';
import type { Actor } from './actor';
import { roleAllows, worksInTeam, type Permission } from './permissions';

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

/**
 * The client is in the records of the team: a case of the team holds them, or one of their
 * registrations has the team as its team or triage team (client_teams, kept by the database; see
 * the schema).
 */
function heldByTeam(teamId: string): SQL {
  return sql`exists (select 1 from ${clientTeams} ct
                      where ct.organisation_id = ${clients.organisationId} and ct.client_id = ${clients.id} and ct.team_id = ${teamId})`;
}

/**
 * The team attached the client (koppeling) while another team held them, and kwaliteit has not
 * judged the attach justified (yet, or judged it unjustified).
 */
function attachAwaitingJustification(teamId: string): SQL {
  return sql`exists (select 1 from ${clientAttachments} ca
                      where ca.organisation_id = ${clients.organisationId} and ca.client_id = ${clients.id} and ca.team_id = ${teamId}
                        and ca.held_elsewhere and ca.review_outcome is distinct from 'terecht')`;
}

/**
 * Read: a team reads the master data of the clients in its records (it needs the address to go
 * out), and break-the-glass opens a client for reading. Write: a team changes the master data of the
 * clients in its records, except a client it holds only through an attach kwaliteit has not judged
 * justified; break-the-glass never writes. What a team sees of a client beyond the master data
 * (cases, journal, plans, ZRM, consents) follows caseScope and consentScope, not this.
 */
export function clientScope(actor: Actor, mode: AccessMode = 'read'): SQL {
  const teamId = workingTeam(actor);
  const opened = emergencyClients(actor, mode);
  const scope = anyOf([
    teamId ? (mode === 'write' ? and(heldByTeam(teamId), not(attachAwaitingJustification(teamId))) : heldByTeam(teamId)) : undefined,
    opened.length ? inArray(clients.id, [...opened]) : undefined,
  ]);
  return and(eq(clients.organisationId, actor.organisationId), scope)!;
}

/** The actor's team holds the client through an attach kwaliteit has not judged justified: the master data are read-only for it. */
export function attachNotJustified(actor: Actor): SQL {
  const teamId = workingTeam(actor);
  return and(eq(clients.organisationId, actor.organisationId), teamId ? attachAwaitingJustification(teamId) : NOTHING)!;
}

/**
 * The client is in the records of the actor's own team (break-the-glass never counts): the team may
 * use them in its own registrations and households, and record its own consents and disclosures
 * about them. Any other client comes in only through an attach (modules/attachments).
 */
export function clientOfOwnTeam(actor: Actor): SQL {
  const teamId = workingTeam(actor);
  return and(eq(clients.organisationId, actor.organisationId), teamId ? heldByTeam(teamId) : NOTHING)!;
}

/**
 * Consents and disclosures are the recording team's: a team member reads and changes those of their
 * own team; whoever opened the client through break-the-glass reads all of the client's (kwaliteit
 * handling a complaint, a crisis), never changes them. The client itself is checked with clientScope.
 */
function teamRecordScope(table: typeof consents | typeof disclosures, actor: Actor, mode: AccessMode): SQL {
  const teamId = workingTeam(actor);
  const opened = emergencyClients(actor, mode);
  const scope = anyOf([teamId ? eq(table.teamId, teamId) : undefined, opened.length ? inArray(table.clientId, [...opened]) : undefined]);
  return and(eq(table.organisationId, actor.organisationId), scope)!;
}

export function consentScope(actor: Actor, mode: AccessMode = 'read'): SQL {
  return teamRecordScope(consents, actor, mode);
}

export function disclosureScope(actor: Actor, mode: AccessMode = 'read'): SQL {
  return teamRecordScope(disclosures, actor, mode);
}

/** An SQL condition as a boolean that is never null, to select beside the record it is about. */
export function holds(condition: SQL): SQL<boolean> {
  return sql<boolean>`coalesce(${condition}, false)`;
}

/**
 * Whether the actor may change a record they read: the role holds the permission the write route
 * declares (else the auth hook answers 404), and the record is in the write scope (else the
 * service answers 404), read with `holds(…Scope(actor, 'write'))` in the query that loaded the
 * record. Detail answers carry this as `mayWrite`, so the web app never guesses.
 */
export function mayWrite(actor: Actor, permission: Permission, inWriteScope: boolean): boolean {
  return roleAllows(actor.role, permission) && inWriteScope;
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
export function isCaseWorker(actor: Actor, caseId: SQL | typeof contacts.caseId | typeof documents.caseId): SQL {
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

/**
 * Tasks. A task on a case follows the case (caseScope in the same mode: the team reads and changes
 * it, break-the-glass reads it, and it goes along when the case is handed to another team). A task of
 * one's own (no case) is read by its assignee, its maker and the team leader of the assignee's team
 * (who sees the team's open tasks), and changed (done, open again) by its assignee and its maker.
 */
export function taskScope(actor: Actor, mode: AccessMode = 'read'): SQL {
  const teamId = workingTeam(actor);
  const onCase = and(
    isNotNull(tasks.caseId),
    sql`exists (select 1 from ${cases} where ${cases.organisationId} = ${tasks.organisationId} and ${cases.id} = ${tasks.caseId} and ${caseScope(actor, mode)})`,
  );
  const leadsAssigneesTeam =
    mode === 'read' && teamId && actor.role === 'teamleider'
      ? sql`exists (select 1 from ${users} tu where tu.organisation_id = ${tasks.organisationId} and tu.id = ${tasks.assigneeId} and tu.team_id = ${teamId})`
      : undefined;
  const ownTask = teamId ? and(isNull(tasks.caseId), anyOf([eq(tasks.assigneeId, actor.userId), eq(tasks.createdBy, actor.userId), leadsAssigneesTeam])) : undefined;
  return and(eq(tasks.organisationId, actor.organisationId), anyOf([onCase, ownTask]))!;
}

/**
 * Documents. One on a case follows the case (caseScope in the same mode). One of a client without a
 * case is the storing team's, as consents are: the team reads and changes it, break-the-glass reads
 * all of the opened client's. The client itself is checked with clientScope by the list.
 */
export function documentScope(actor: Actor, mode: AccessMode = 'read'): SQL {
  const teamId = workingTeam(actor);
  const opened = emergencyClients(actor, mode);
  const onCase = and(
    isNotNull(documents.caseId),
    sql`exists (select 1 from ${cases} where ${cases.organisationId} = ${documents.organisationId} and ${cases.id} = ${documents.caseId} and ${caseScope(actor, mode)})`,
  );
  const ofClient = and(isNull(documents.caseId), anyOf([teamId ? eq(documents.teamId, teamId) : undefined, opened.length ? inArray(documents.clientId, [...opened]) : undefined]));
  return and(eq(documents.organisationId, actor.organisationId), anyOf([onCase, ofClient]))!;
}

/**
 * The lead worker of the document's case; for a client's document without a case, the lead worker
 * of one of the client's cases of the storing team.
 */
function leadsDocumentCase(actor: Actor): SQL {
  return sql`(${isCaseWorker(actor, documents.caseId)} or (${documents.caseId} is null and exists (
    select 1 from ${cases} dc inner join ${caseClients} dcc on dcc.organisation_id = dc.organisation_id and dcc.case_id = dc.id
     where dc.organisation_id = ${documents.organisationId} and dcc.client_id = ${documents.clientId}
       and dc.team_id = ${documents.teamId} and dc.lead_worker_id = ${actor.userId})))`;
}

/**
 * A sensitive document, as a sensitive journal entry: shown to whoever stored it and to the lead
 * worker (see leadsDocumentCase). Colleagues see that it exists, not its title nor its content.
 */
export function sensitiveDocumentVisible(actor: Actor): SQL {
  return sql`(${documents.sensitivity} is null or ${documents.uploadedBy} = ${actor.userId} or ${leadsDocumentCase(actor)})`;
}

/**
 * Who may delete a document they may change: whoever stored it, the lead worker (leadsDocumentCase),
 * and the team leader of the team whose record it is.
 */
export function mayDeleteDocument(actor: Actor): SQL {
  const leadsTeam = actor.role === 'teamleider' && actor.teamId ? sql`${documents.teamId} = ${actor.teamId}` : sql`false`;
  return sql`(${documents.uploadedBy} = ${actor.userId} or ${leadsDocumentCase(actor)} or ${leadsTeam})`;
}

/**
 * Appointments follow their case (caseScope in the same mode): the case's team reads and changes
 * them, break-the-glass reads them, and they go along when the case is handed to another team.
 */
export function appointmentScope(actor: Actor, mode: AccessMode = 'read'): SQL {
  return and(
    eq(appointments.organisationId, actor.organisationId),
    sql`exists (select 1 from ${cases} where ${cases.organisationId} = ${appointments.organisationId} and ${cases.id} = ${appointments.caseId} and ${caseScope(actor, mode)})`,
  )!;
}
