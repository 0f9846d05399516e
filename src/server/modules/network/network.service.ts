// The network of a case's household: list, add, change, remove; scoped to the case and logged.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database';
import { changeVersioned, lockAtVersion } from '../../db/versioned-change';
import { cases, networkMembers } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope } from '../../access/access.policy';
import { writeCaseAudit } from '../../audit/audit.writer';
import { NotFound } from '../../lib/errors';
import { findVisibleCase } from '../cases/cases.repo';
import type { NetworkMember, networkDelete, networkFields, networkUpdate } from './network.schemas';

type Row = typeof networkMembers.$inferSelect;
const CONFLICT = 'Iemand anders heeft dit intussen gewijzigd. Laad het netwerk opnieuw.';

function toMember(row: Row): NetworkMember {
  const { organisationId: _o, createdAt: _c, updatedAt: _u, kind, ...rest } = row;
  return { ...rest, kind: kind as NetworkMember['kind'] };
}

function values(input: z.output<typeof networkFields>) {
  return {
    name: input.name,
    kind: input.kind,
    relation: input.relation,
    doesNow: input.doesNow,
    couldDo: input.couldDo,
    phone: input.phone ?? null,
    email: input.email ?? null,
    closeness: input.closeness,
  };
}

export async function listNetwork(db: Db, actor: Actor, caseId: string): Promise<NetworkMember[]> {
  if (!(await findVisibleCase(db, actor, caseId))) throw new NotFound('Casus niet gevonden');
  const rows = await db
    .select()
    .from(networkMembers)
    .where(and(eq(networkMembers.organisationId, actor.organisationId), eq(networkMembers.caseId, caseId)))
    .orderBy(asc(networkMembers.closeness), asc(networkMembers.name));
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'network', entityId: caseId });
  return rows.map(toMember);
}

export async function addNetworkMember(db: Db, actor: Actor, caseId: string, input: z.output<typeof networkFields>): Promise<NetworkMember> {
  return db.transaction(async (tx) => {
    if (!(await findVisibleCase(tx, actor, caseId, { mode: 'write' }))) throw new NotFound('Casus niet gevonden');
    const [row] = await tx.insert(networkMembers).values({ organisationId: actor.organisationId, caseId, ...values(input) }).returning();
    await writeCaseAudit(tx, actor, caseId, { action: 'create', entityType: 'network_member', entityId: row!.id, changes: { to: values(input) } });
    return toMember(row!);
  });
}

/** The member, locked, of a case in the actor's write scope. */
async function lockVisibleMember(tx: Tx, actor: Actor, memberId: string) {
  const [found] = await tx
    .select({ member: networkMembers })
    .from(networkMembers)
    .innerJoin(cases, and(eq(cases.organisationId, networkMembers.organisationId), eq(cases.id, networkMembers.caseId)))
    .where(and(eq(networkMembers.organisationId, actor.organisationId), eq(networkMembers.id, memberId), caseScope(actor, 'write')))
    .for('update', { of: networkMembers });
  return found?.member;
}

const NOT_FOUND = 'Niet gevonden in het netwerk';

export async function updateNetworkMember(db: Db, actor: Actor, memberId: string, input: z.output<typeof networkUpdate>): Promise<NetworkMember> {
  return db.transaction(async (tx) => {
    const { after } = await changeVersioned(tx, actor, {
      table: networkMembers,
      find: () => lockVisibleMember(tx, actor, memberId),
      notFound: NOT_FOUND,
      version: input.version,
      conflict: CONFLICT,
      decide: () => ({ set: values(input) }),
      audit: (before) => ({ entityType: 'network_member', entityId: memberId, caseId: before.caseId }),
    });
    return toMember(after);
  });
}

export async function removeNetworkMember(db: Db, actor: Actor, memberId: string, input: z.output<typeof networkDelete>): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockAtVersion(() => lockVisibleMember(tx, actor, memberId), { notFound: NOT_FOUND, version: input.version, conflict: CONFLICT });
    await tx.delete(networkMembers).where(and(eq(networkMembers.organisationId, actor.organisationId), eq(networkMembers.id, memberId)));
    // The removed person stays readable in the log, so a mistaken removal can be put back.
    await writeCaseAudit(tx, actor, before.caseId, { action: 'delete', entityType: 'network_member', entityId: memberId, changes: { from: toMember(before) } });
  });
}
