// The one audit writer. Call it inside the transaction of the change, so a change and its log row
// are committed together or not at all.
import type { DbOrTx } from '../db/database';
import { auditLog } from '../db/schema';

export type AuditAction = 'create' | 'read' | 'update' | 'delete' | 'search' | 'login' | 'logout' | 'import' | 'export';

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /** The client the record is about, so the client's own access overview can list it. */
  clientId?: string | null;
  changes?: { from?: unknown; to?: unknown } | Record<string, unknown> | null;
}

/** `actor.userId` is null for work done from the command line (no logged-in user). */
export async function writeAudit(db: DbOrTx, actor: { organisationId: string; userId: string | null }, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    organisationId: actor.organisationId,
    actorId: actor.userId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    clientId: event.clientId ?? null,
    changes: event.changes ?? null,
  });
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
