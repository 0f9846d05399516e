// The client's access log: read it (kwaliteit and the case's workers), and log a print of the
// krachtplan. Reading the log is itself logged.
import { and, count, desc, eq, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database';
import { auditLog, clients, emergencyAccess, teams, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { writeAudit, writeCaseAudit } from '../../audit/audit.writer';
import { NotFound } from '../../lib/errors';
import { findVisibleCase } from '../cases/cases.repo';
import { toAccessLogEntry } from './access-log.format';
import { accessLogReadable } from '../../access/access.policy';
import { roleAllows } from '../../access/permissions';
import { ACCESS_LOG_PAGE_SIZE, type AccessLogEntry, type AccessLogPage } from './access-log.schemas';

const NOT_FOUND = 'Cliënt niet gevonden';

/** The rows about the client, and the searches and list views that showed them. */
function clientRows(organisationId: string, clientId: string) {
  return and(eq(auditLog.organisationId, organisationId), or(eq(auditLog.clientId, clientId), sql`${auditLog.clientIds} @> array[${clientId}::uuid]`));
}

/**
 * The client's log rows in readable form, newest first, without access checks or logging (the
 * callers do both). `limit` undefined: every row (the client's file).
 */
export async function loadAccessLog(db: DbOrTx, organisationId: string, clientId: string, options: { limit?: number; offset?: number } = {}): Promise<AccessLogEntry[]> {
  const query = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorRole: auditLog.actorRole,
      currentRole: users.role,
      teamName: teams.name,
      onBehalfOf: auditLog.onBehalfOf,
      outcome: auditLog.outcome,
      emergency: auditLog.emergency,
      action: auditLog.action,
      entityType: auditLog.entityType,
      changes: auditLog.changes,
      emergencyReason: emergencyAccess.reason,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.organisationId, auditLog.organisationId), eq(users.id, auditLog.actorId)))
    .leftJoin(teams, and(eq(teams.organisationId, auditLog.organisationId), eq(teams.id, auditLog.actorTeamId)))
    .leftJoin(emergencyAccess, and(eq(emergencyAccess.organisationId, auditLog.organisationId), eq(emergencyAccess.id, auditLog.entityId), eq(auditLog.action, 'emergency_access')))
    .where(clientRows(organisationId, clientId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .$dynamic();
  if (options.limit !== undefined) query.limit(options.limit).offset(options.offset ?? 0);
  return (await query).map(toAccessLogEntry);
}

async function clientExists(db: DbOrTx, organisationId: string, clientId: string): Promise<boolean> {
  const [row] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.organisationId, organisationId), eq(clients.id, clientId)));
  return !!row;
}

/**
 * Whether the actor may read the client's access log: the permission and the record-level rule
 * (accessLogReadable). The one rule for the log's own page and for the log inside the client's file.
 */
export async function mayReadAccessLog(db: DbOrTx, actor: Actor, clientId: string): Promise<boolean> {
  if (!roleAllows(actor.role, 'accesslog:read')) return false;
  const [allowed] = await db.select({ ok: sql<boolean>`${accessLogReadable(actor, clientId)}` }).from(sql`(select 1) as one`);
  return allowed?.ok === true;
}

export async function getAccessLog(db: Db, actor: Actor, clientId: string, page: number): Promise<AccessLogPage> {
  if (!(await clientExists(db, actor.organisationId, clientId))) throw new NotFound(NOT_FOUND);
  // The same answer as for a client that does not exist (logged as a refused look by audit/denied-log.ts).
  if (!(await mayReadAccessLog(db, actor, clientId))) throw new NotFound(NOT_FOUND);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(clientRows(actor.organisationId, clientId));
  const entries = await loadAccessLog(db, actor.organisationId, clientId, { limit: ACCESS_LOG_PAGE_SIZE, offset: (page - 1) * ACCESS_LOG_PAGE_SIZE });
  await writeAudit(db, actor, { action: 'read', entityType: 'access_log', entityId: clientId, clientId, changes: { page } });
  return { page, pageSize: ACCESS_LOG_PAGE_SIZE, total, entries };
}

/** The print view of the krachtplan was opened: a print of the client's plan (NEN 7513). */
export async function logPlanPrint(db: Db, actor: Actor, caseId: string): Promise<void> {
  if (!(await findVisibleCase(db, actor, caseId))) throw new NotFound('Casus niet gevonden');
  await writeCaseAudit(db, actor, caseId, { action: 'print', entityType: 'plan', entityId: caseId });
}
