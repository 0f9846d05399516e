// SQL for cases: the summary select shared by every list, the detail, and locked reads for changes.
import { addDays } from '../../lib/dates';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { caseClients, caseEvents, cases, clients, teams, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope, holds, type AccessMode } from '../../access/access.policy';
import { FIRST_MEETING_NORM_DAYS, waitingState } from './case-rules';
import type { CaseSummary } from './cases.schemas';
import { shownLastName } from '../retention/destroyed-client';

const mainLink = alias(caseClients, 'main_link');
const mainClient = alias(clients, 'main_client');
const leadWorker = alias(users, 'lead_worker');

/** Cases as lists show them, within the actor's scope, with the given extra condition and order. */
export async function selectCaseSummaries(db: DbOrTx, actor: Actor, options: { where?: SQL; orderBy?: SQL[]; limit?: number; offset?: number; today: string }) {
  const rows = await db
    .select({
      id: cases.id,
      status: cases.status,
      teamId: cases.teamId,
      teamName: teams.name,
      leadWorkerId: leadWorker.id,
      leadWorkerName: leadWorker.name,
      mainClientId: mainClient.id,
      mainFirstName: mainClient.firstName,
      mainLastName: shownLastName(mainClient),
      registeredOn: cases.registeredOn,
      firstMeetingOn: cases.firstMeetingOn,
      closedOn: cases.closedOn,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(cases)
    .innerJoin(teams, and(eq(teams.organisationId, cases.organisationId), eq(teams.id, cases.teamId)))
    .leftJoin(mainLink, and(eq(mainLink.organisationId, cases.organisationId), eq(mainLink.caseId, cases.id), eq(mainLink.role, 'hoofdclient')))
    .leftJoin(mainClient, and(eq(mainClient.organisationId, mainLink.organisationId), eq(mainClient.id, mainLink.clientId)))
    .leftJoin(leadWorker, and(eq(leadWorker.organisationId, cases.organisationId), eq(leadWorker.id, cases.leadWorkerId)))
    .where(and(caseScope(actor), options.where))
    .orderBy(...(options.orderBy ?? [desc(cases.registeredOn)]))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
  const total = rows[0]?.total ?? 0;
  const items: CaseSummary[] = rows.map((r) => {
    const waiting = waitingState(r.registeredOn, r.firstMeetingOn, r.closedOn ?? options.today);
    const status = r.status;
    return {
      id: r.id,
      status,
      teamId: r.teamId,
      teamName: r.teamName,
      leadWorker: r.leadWorkerId ? { id: r.leadWorkerId, name: r.leadWorkerName! } : null,
      mainClient: r.mainClientId ? { id: r.mainClientId, firstName: r.mainFirstName!, lastName: r.mainLastName! } : null,
      registeredOn: r.registeredOn,
      firstMeetingOn: r.firstMeetingOn,
      closedOn: r.closedOn,
      waitingDays: waiting.days,
      overNorm: waiting.overNorm,
      due: status === 'registered' ? { kind: 'first_meeting' as const, on: addDays(r.registeredOn, FIRST_MEETING_NORM_DAYS) } : null,
    };
  });
  return { total, items };
}

/** Open cases first the ones waiting for a first meeting (longest wait first), then the rest. */
export const dueFirstOrder: SQL[] = [sql`(${cases.status} = 'registered') desc`, asc(cases.registeredOn)];

export const isOpen = sql`${cases.status} <> 'closed'`;

/** A case in the actor's scope; locked for update (and then in write scope) when `forUpdate`. */
export async function findVisibleCase(db: DbOrTx, actor: Actor, caseId: string, options: { forUpdate?: boolean; mode?: AccessMode } = {}) {
  const mode = options.mode ?? (options.forUpdate ? 'write' : 'read');
  const query = db
    .select()
    .from(cases)
    .where(and(eq(cases.organisationId, actor.organisationId), eq(cases.id, caseId), caseScope(actor, mode)));
  const [row] = options.forUpdate ? await query.for('update', { of: cases }) : await query;
  return row ?? null;
}

/**
 * A case in the actor's read scope, with whether it is in their write scope too: the condition a
 * change locks it with (findVisibleCase with forUpdate), evaluated in the same query, so a detail's
 * `mayWrite` cannot drift from what the write answers.
 */
export async function findReadableCase(db: DbOrTx, actor: Actor, caseId: string) {
  const [row] = await db
    .select({ row: cases, inWriteScope: holds(caseScope(actor, 'write')) })
    .from(cases)
    .where(and(eq(cases.organisationId, actor.organisationId), eq(cases.id, caseId), caseScope(actor, 'read')));
  return row ?? null;
}

export async function listHousehold(db: DbOrTx, organisationId: string, caseId: string) {
  return db
    .select({ clientId: clients.id, firstName: clients.firstName, lastName: shownLastName(clients), birthDate: clients.birthDate, role: caseClients.role })
    .from(caseClients)
    .innerJoin(clients, and(eq(clients.organisationId, caseClients.organisationId), eq(clients.id, caseClients.clientId)))
    .where(and(eq(caseClients.organisationId, organisationId), eq(caseClients.caseId, caseId)))
    .orderBy(sql`${caseClients.role} = 'hoofdclient' desc`, asc(clients.lastName), asc(clients.firstName));
}

export async function listCaseEvents(db: DbOrTx, organisationId: string, caseId: string) {
  const rows = await db
    .select({ kind: caseEvents.kind, reason: caseEvents.reason, at: caseEvents.at, actorName: users.name })
    .from(caseEvents)
    .leftJoin(users, and(eq(users.organisationId, caseEvents.organisationId), eq(users.id, caseEvents.actorId)))
    .where(and(eq(caseEvents.organisationId, organisationId), eq(caseEvents.caseId, caseId)))
    .orderBy(desc(caseEvents.at));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** The clients a list of cases shows, for its audit row: each case's main client. */
export function mainClientIds(items: readonly { mainClient: { id: string } | null }[]): string[] {
  return items.flatMap((c) => (c.mainClient ? [c.mainClient.id] : []));
}

/** The main client of a case, for audit rows. */
export async function mainClientId(db: DbOrTx, organisationId: string, caseId: string): Promise<string | null> {
  const [row] = await db
    .select({ clientId: caseClients.clientId })
    .from(caseClients)
    .where(and(eq(caseClients.organisationId, organisationId), eq(caseClients.caseId, caseId), eq(caseClients.role, 'hoofdclient')));
  return row?.clientId ?? null;
}
