// The one audit writer. Call it inside the transaction of the change, so a change and its log row
// are committed together or not at all.
import type { DbOrTx } from '../db/database';
import { auditLog } from '../db/schema';
import { mainClientId } from '../modules/cases/cases.repo';
import type { AuditEntity } from './audit-entities';

export type AuditAction =
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'search'
  /** A list view (Mijn werk, the team overview, a queue): `clientIds` names every client it showed. */
  | 'list'
  | 'login'
  | 'logout'
  | 'import'
  | 'export'
  | 'print'
  /** Break the glass: the grant itself (the reads under it are logged with `emergency`). */
  | 'emergency_access'
  /** A client the team did not hold used in a registration or household (koppeling), with the reason. */
  | 'attach'
  /** A disclosure of client data to a third party. */
  | 'disclose'
  /** Destruction of a client's personal data (retention). */
  | 'destroy';

/** Who acts: a logged-in user (an Actor) or, with userId null, the command line or a job. */
export interface AuditActor {
  organisationId: string;
  userId: string | null;
  role?: string;
  teamId?: string | null;
  emergencyClientIds?: readonly string[];
}

export interface AuditEvent {
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | null;
  /** The client the record is about, so the client's own access overview can list it. */
  clientId?: string | null;
  /**
   * A search or list view: every client it showed (their names or facts about them), so each
   * client's access overview lists the view. Stored sorted and once each.
   */
  clientIds?: readonly string[];
  changes?: { from?: unknown; to?: unknown } | Record<string, unknown> | null;
  /** success (default) or denied: a look at an existing record the actor may not see (audit/denied-log.ts). */
  outcome?: 'success' | 'denied';
  /**
   * On whose behalf, when not the actor's own work: 'opdrachtregel', 'import', 'dagelijkse taak'.
   * Without a user it defaults to the command line; null says nobody's (a failed login: who tried is not known).
   */
  onBehalfOf?: string | null;
}

/** `actor.userId` is null for work done from the command line (no logged-in user). */
export async function writeAudit(db: DbOrTx, actor: AuditActor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    organisationId: actor.organisationId,
    actorId: actor.userId,
    actorRole: actor.role ?? null,
    actorTeamId: actor.teamId ?? null,
    onBehalfOf: event.onBehalfOf !== undefined ? event.onBehalfOf : actor.userId ? null : 'opdrachtregel',
    outcome: event.outcome ?? 'success',
    // A read or change of a client opened through break-the-glass is marked as emergency access.
    emergency: !!event.clientId && (actor.emergencyClientIds ?? []).includes(event.clientId),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    clientId: event.clientId ?? null,
    clientIds: event.clientIds ? [...new Set(event.clientIds)].sort() : null,
    changes: event.changes ?? null,
  });
}

/**
 * A row about a case or a part of its file (journal, plan, network, ZRM): about the case's main
 * client, as every row of a case is, so the client's access log lists it.
 */
export async function writeCaseAudit(db: DbOrTx, actor: AuditActor, caseId: string, event: Omit<AuditEvent, 'clientId' | 'clientIds'>): Promise<void> {
  await writeAudit(db, actor, { ...event, clientId: await mainClientId(db, actor.organisationId, caseId) });
}

/** The fields that differ between two versions of a record, as {from, to}. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): { from: Partial<T>; to: Partial<T> } {
  const from: Partial<T> = {};
  const to: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      from[key] = before[key];
      to[key] = after[key];
    }
  }
  return { from, to };
}
