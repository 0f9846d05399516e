// The one way to change a versioned record (a row with organisation_id, id and version): lock it in
// the actor's scope, 404 when it is not there, 409 when the user read an older version, let the
// service decide, write the decision with version + 1, and log it in the same transaction.
// The service keeps its scoped query (the access policy) and its domain rules; this module keeps
// the order of the steps, so no service can forget one.
import { and, eq, getTableColumns, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from './database';
import { diff, writeAudit, writeCaseAudit, type AuditAction, type AuditActor, type AuditEvent } from '../audit/audit.writer';
import type { AuditEntity } from '../audit/audit-entities';
import { Conflict, NotFound } from '../lib/errors';

/** A table whose rows carry the organisation, an id and a version. */
export type VersionedTable = PgTable & { organisationId: PgColumn; id: PgColumn; version: PgColumn };
export type VersionedRow<T extends VersionedTable> = InferSelectModel<T> & { id: string; version: number };

/** What the service decided: the columns to set (version and updatedAt are the helper's), and whatever else it wants back. */
export interface Decision<T extends VersionedTable> {
  set: Partial<InferSelectModel<T>>;
}

/** The audit row of the change: a row about a case's file names the case (its main client is looked up), any other its client. */
export type VersionedAudit = {
  /** 'update' unless said otherwise. */
  action?: AuditAction;
  entityType: AuditEntity;
  entityId: string;
  /** `{from, to}` of the decided columns (`diff`) unless the service logs something else. */
  changes?: AuditEvent['changes'];
} & ({ caseId: string; clientId?: never } | { caseId?: never; clientId?: string | null });

export interface AtVersion {
  /** The Dutch message of the 404 (also when the record is outside the actor's scope). */
  notFound: string;
  /** The version the user read. */
  version: number;
  /** The Dutch message of the 409 when someone else changed the record since. */
  conflict: string;
}

/**
 * The record `find` locked (the service's own query: its scope, `FOR UPDATE`), refused with NotFound
 * when there is none and with Conflict when it moved on from the version the user read. For a change
 * that is not an update (a delete); an update goes through changeVersioned.
 */
export async function lockAtVersion<R extends { version: number }>(find: () => Promise<R | null | undefined>, check: AtVersion): Promise<R> {
  const row = await find();
  if (!row) throw new NotFound(check.notFound);
  if (row.version !== check.version) throw new Conflict(check.conflict);
  return row;
}

export interface VersionedChange<T extends VersionedTable, F extends VersionedRow<T>, D extends Decision<T>> extends AtVersion {
  table: T;
  /** The record in the actor's write scope, locked (`FOR UPDATE`); nothing when absent or out of scope. It may carry what was joined with it. */
  find: () => Promise<F | null | undefined>;
  /** The domain decision on the locked row: throws a domain error, or returns the columns to set. It may write what goes with the change (a case event, an earlier version). */
  decide: (before: F) => D | Promise<D>;
  /** The audit row, from the row before and the decision. */
  audit: (before: F, decision: D) => VersionedAudit;
}

/**
 * Locks, checks, decides, writes `{...set, version: version + 1, updatedAt}` (updatedAt where the
 * table has it) and logs, in the caller's transaction. Returns the row before and after, and the decision.
 */
export async function changeVersioned<T extends VersionedTable, F extends VersionedRow<T>, D extends Decision<T>>(
  tx: Tx,
  // A user's Actor, or the command line's AuditActor (userId null): the scope is in `find`, the actor only signs the log.
  actor: AuditActor,
  change: VersionedChange<T, F, D>,
): Promise<{ before: F; after: VersionedRow<T>; decision: D }> {
  const before = await lockAtVersion(change.find, change);
  const decision = await change.decide(before);
  const stamp = 'updatedAt' in getTableColumns(change.table) ? { updatedAt: new Date() } : {};
  const [after] = (await tx
    .update(change.table)
    // Cast: drizzle cannot check a spread against a generic table's columns; the set is typed by the row above.
    .set({ ...decision.set, ...stamp, version: before.version + 1 } as PgUpdateSetSource<T>)
    .where(and(eq(change.table.organisationId, actor.organisationId), eq(change.table.id, before.id)))
    .returning()) as VersionedRow<T>[];
  const { caseId, clientId, action = 'update', entityType, entityId, changes } = change.audit(before, decision);
  const event = { action, entityType, entityId, changes: changes === undefined ? diff<Record<string, unknown>>(before, decision.set) : changes };
  if (caseId !== undefined) await writeCaseAudit(tx, actor, caseId, event);
  else await writeAudit(tx, actor, { ...event, clientId });
  return { before, after: after!, decision };
}
