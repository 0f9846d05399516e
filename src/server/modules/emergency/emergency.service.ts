// Break the glass: a user finds a client outside their team by exact identification, states a
// reason and gets read access for a limited time; every step is logged and kwaliteit reviews it.
import { judge, judgedInBetween } from '../../access/access-review';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { changeVersioned } from '../../db/versioned-change';
import type { Db } from '../../db/database';
import { auditLog, clients, emergencyAccess, teams, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { clientOfOwnTeam, clientScope } from '../../access/access.policy';
import { ROLE_LABELS } from '../../access/permissions';
import { writeAudit } from '../../audit/audit.writer';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { identifiedBy } from '../clients/clients.repo';
import { takeLookupSlot } from '../clients/lookup-limit';
import { EMERGENCY_ACCESS_HOURS, type EmergencyGrant, EmergencyMatch, EmergencyReviewItem, emergencyReview, emergencyReviewQuery, emergencySearch } from './emergency.schemas';
import type { z } from 'zod';
import { dutchDateTime } from '../../lib/dutch-dates';

/**
 * Names of the teams holding a case or a registration of the client. The outer table is named in
 * full: drizzle leaves columns unqualified in a one-table select, which the subquery would misread.
 */
const clientTeams = sql<string[]>`array(
  select distinct t.name from ${teams} t
  where t.organisation_id = clients.organisation_id and t.id in (
    select c.team_id from case_clients cc join cases c on c.organisation_id = cc.organisation_id and c.id = cc.case_id
     where cc.organisation_id = clients.organisation_id and cc.client_id = clients.id
    union
    select r.team_id from registrations r where r.organisation_id = clients.organisation_id and r.client_id = clients.id)
  order by 1)`;

export async function searchForEmergency(db: Db, actor: Actor, input: z.output<typeof emergencySearch>): Promise<EmergencyMatch[]> {
  // An organisation-wide look-up like the duplicate check: the same per-user limit.
  await takeLookupSlot(db, actor);
  const rows = await db
    .select({
      id: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      birthDate: clients.birthDate,
      teams: clientTeams,
      accessible: sql<boolean>`${clientScope(actor)}`,
    })
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), isNull(clients.destroyedAt), identifiedBy(input)))
    .orderBy(asc(clients.lastName), asc(clients.firstName), asc(clients.id))
    .limit(10);
  // The terms are not logged (a BSN); the kind, the number of results and the clients shown are.
  await writeAudit(db, actor, { action: 'search', entityType: 'client', changes: { kind: input.bsn ? 'emergency_bsn' : 'emergency_name_birth_date', results: rows.length }, clientIds: rows.map((r) => r.id) });
  return rows;
}

export async function grantEmergencyAccess(db: Db, actor: Actor, input: { clientId: string; reason: string }): Promise<EmergencyGrant> {
  return db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, ordinary: sql<boolean>`${clientOfOwnTeam(actor)}` })
      .from(clients)
      .where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, input.clientId), isNull(clients.destroyedAt)));
    if (!client) throw new NotFound('Cliënt niet gevonden');
    if (client.ordinary) throw new Invalid([{ path: 'clientId', message: 'U heeft al toegang tot deze cliënt via uw team; noodtoegang is niet nodig' }]);
    const [active] = await tx
      .select()
      .from(emergencyAccess)
      .where(and(eq(emergencyAccess.organisationId, actor.organisationId), eq(emergencyAccess.userId, actor.userId), eq(emergencyAccess.clientId, client.id), sql`${emergencyAccess.expiresAt} > now()`));
    if (active) throw new Conflict(`U heeft al noodtoegang tot deze cliënt, tot ${dutchDateTime(active.expiresAt)}`);
    const [row] = await tx
      .insert(emergencyAccess)
      // The database's clock, as the access log's: the grant's own log row falls inside its window.
      .values({ organisationId: actor.organisationId, userId: actor.userId, clientId: client.id, reason: input.reason, expiresAt: sql`now() + make_interval(hours => ${EMERGENCY_ACCESS_HOURS})` })
      .returning();
    await writeAudit(tx, { ...actor, emergencyClientIds: [client.id] }, {
      action: 'emergency_access',
      entityType: 'client',
      entityId: client.id,
      clientId: client.id,
      changes: { reason: input.reason, expiresAt: row!.expiresAt.toISOString() },
    });
    return toGrant(row!, `${client.firstName} ${client.lastName}`.trim());
  });
}

export async function listMyEmergencyAccess(db: Db, actor: Actor): Promise<EmergencyGrant[]> {
  const rows = await db
    .select({ grant: emergencyAccess, firstName: clients.firstName, lastName: clients.lastName })
    .from(emergencyAccess)
    .innerJoin(clients, and(eq(clients.organisationId, emergencyAccess.organisationId), eq(clients.id, emergencyAccess.clientId)))
    .where(and(eq(emergencyAccess.organisationId, actor.organisationId), eq(emergencyAccess.userId, actor.userId), sql`${emergencyAccess.expiresAt} > now()`))
    .orderBy(desc(emergencyAccess.grantedAt));
  await writeAudit(db, actor, { action: 'list', entityType: 'my_emergency_access', changes: { results: rows.length }, clientIds: rows.map((r) => r.grant.clientId) });
  return rows.map((r) => toGrant(r.grant, `${r.firstName} ${r.lastName}`.trim()));
}

/** The active access of this actor to this client, if any (for the banner on the client's page). */
export async function activeEmergencyUntil(db: Db, actor: Actor, clientId: string): Promise<string | null> {
  if (!actor.emergencyClientIds.includes(clientId)) return null;
  const [row] = await db
    .select({ expiresAt: sql<Date>`max(${emergencyAccess.expiresAt})`.mapWith(emergencyAccess.expiresAt) })
    .from(emergencyAccess)
    .where(and(eq(emergencyAccess.organisationId, actor.organisationId), eq(emergencyAccess.userId, actor.userId), eq(emergencyAccess.clientId, clientId), sql`${emergencyAccess.expiresAt} > now()`));
  return row?.expiresAt ? row.expiresAt.toISOString() : null;
}

function toGrant(row: typeof emergencyAccess.$inferSelect, clientName: string): EmergencyGrant {
  return { id: row.id, clientId: row.clientId, clientName, reason: row.reason, grantedAt: row.grantedAt.toISOString(), expiresAt: row.expiresAt.toISOString() };
}

const reviewer = alias(users, 'reviewer');

export async function listForReview(db: Db, actor: Actor, query: z.output<typeof emergencyReviewQuery>): Promise<EmergencyReviewItem[]> {
  const status =
    query.status === 'te_beoordelen' ? isNull(emergencyAccess.reviewedAt) : query.status === 'beoordeeld' ? isNotNull(emergencyAccess.reviewedAt) : undefined;
  const rows = await db
    .select({
      grant: emergencyAccess,
      userName: users.name,
      userRole: users.role,
      teamName: teams.name,
      reviewedByName: reviewer.name,
      clientTeams,
      actions: sql<number>`(select count(*) from ${auditLog} a
        where a.organisation_id = ${emergencyAccess.organisationId} and a.actor_id = ${emergencyAccess.userId}
          and a.client_id = ${emergencyAccess.clientId} and a.emergency
          and a.at >= ${emergencyAccess.grantedAt} and a.at < ${emergencyAccess.expiresAt})`.mapWith(Number),
    })
    .from(emergencyAccess)
    .innerJoin(users, and(eq(users.organisationId, emergencyAccess.organisationId), eq(users.id, emergencyAccess.userId)))
    .innerJoin(clients, and(eq(clients.organisationId, emergencyAccess.organisationId), eq(clients.id, emergencyAccess.clientId)))
    .leftJoin(teams, and(eq(teams.organisationId, users.organisationId), eq(teams.id, users.teamId)))
    .leftJoin(reviewer, and(eq(reviewer.organisationId, emergencyAccess.organisationId), eq(reviewer.id, emergencyAccess.reviewedBy)))
    .where(and(eq(emergencyAccess.organisationId, actor.organisationId), status))
    .orderBy(desc(emergencyAccess.grantedAt))
    .limit(500);
  // No names, but facts about each client's file (the teams that know them): named in the log.
  await writeAudit(db, actor, { action: 'list', entityType: 'emergency_review', changes: { status: query.status, results: rows.length }, clientIds: rows.map((r) => r.grant.clientId) });
  return rows.map((r) => ({
    id: r.grant.id,
    userName: r.userName,
    userRole: ROLE_LABELS[r.userRole] ?? r.userRole,
    teamName: r.teamName,
    clientId: r.grant.clientId,
    clientTeams: r.clientTeams,
    reason: r.grant.reason,
    grantedAt: r.grant.grantedAt.toISOString(),
    expiresAt: r.grant.expiresAt.toISOString(),
    actions: r.actions,
    reviewedByName: r.reviewedByName,
    reviewedAt: r.grant.reviewedAt?.toISOString() ?? null,
    reviewOutcome: (r.grant.reviewOutcome as EmergencyReviewItem['reviewOutcome']) ?? null,
    reviewNote: r.grant.reviewNote,
    version: r.grant.version,
  }));
}

export async function reviewEmergencyAccess(db: Db, actor: Actor, id: string, input: z.output<typeof emergencyReview>): Promise<void> {
  const what = { these: 'deze noodtoegang', own: 'noodtoegang' };
  await db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      table: emergencyAccess,
      find: async () => (await tx.select().from(emergencyAccess).where(and(eq(emergencyAccess.organisationId, actor.organisationId), eq(emergencyAccess.id, id))).for('update'))[0],
      notFound: 'Noodtoegang niet gevonden',
      version: input.version,
      conflict: judgedInBetween(what),
      decide: (before) => ({ set: judge(before, actor, input, what) }),
      // No clientId: the review is about the worker's conduct, not a look at the client's file.
      audit: () => ({ entityType: 'emergency_access', entityId: id, changes: { to: { reviewOutcome: input.outcome } } }),
    });
  });
}
