// SQL for clients: scoped reads, search and the duplicate check.
import { and, asc, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { caseClients, cases, clients, teams } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope, clientScope } from '../../access/access.policy';
import { maskBsn } from './identity-rules';
import type { ClientSummary, DuplicateMatch } from './clients.schemas';

type ClientRow = typeof clients.$inferSelect;

export function toSummary(row: Pick<ClientRow, 'id' | 'firstName' | 'lastName' | 'birthDate' | 'postcode' | 'bsn'>): ClientSummary {
  return { id: row.id, firstName: row.firstName, lastName: row.lastName, birthDate: row.birthDate, postcode: row.postcode, bsnMasked: maskBsn(row.bsn) };
}

export async function findVisibleClient(db: DbOrTx, actor: Actor, clientId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(clients)
    // A destroyed client (retention) can be read as "Vernietigd dossier", never written again.
    .where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, clientId), clientScope(actor, options.forUpdate ? 'write' : 'read'), options.forUpdate ? isNull(clients.destroyedAt) : undefined));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** A client anywhere in the organisation: for attaching a registration after the duplicate check. */
export async function findClientInOrganisation(db: DbOrTx, organisationId: string, clientId: string) {
  // A destroyed client (retention) cannot be chosen again: their data are gone.
  const [row] = await db.select().from(clients).where(and(eq(clients.organisationId, organisationId), eq(clients.id, clientId), isNull(clients.destroyedAt)));
  return row ?? null;
}

/** Another client (not `exceptClientId`) with this BSN, if any. */
export async function findClientByBsn(db: DbOrTx, organisationId: string, bsn: string, exceptClientId?: string) {
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.organisationId, organisationId), eq(clients.bsn, bsn), exceptClientId ? ne(clients.id, exceptClientId) : undefined))
    .limit(1);
  return row ?? null;
}

export async function searchVisibleClients(db: DbOrTx, actor: Actor, condition: SQL, order: SQL[], limit: number) {
  const rows = await db
    .select()
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), clientScope(actor), isNull(clients.destroyedAt), condition))
    .orderBy(...order)
    .limit(limit);
  return rows.map(toSummary);
}

export async function listClientCases(db: DbOrTx, actor: Actor, clientId: string) {
  return db
    .select({
      id: cases.id,
      teamName: teams.name,
      status: cases.status,
      registeredOn: cases.registeredOn,
      closedOn: cases.closedOn,
      role: caseClients.role,
    })
    .from(caseClients)
    .innerJoin(cases, and(eq(cases.organisationId, caseClients.organisationId), eq(cases.id, caseClients.caseId)))
    .innerJoin(teams, and(eq(teams.organisationId, cases.organisationId), eq(teams.id, cases.teamId)))
    .where(and(eq(caseClients.organisationId, actor.organisationId), eq(caseClients.clientId, clientId), caseScope(actor)))
    .orderBy(desc(cases.registeredOn));
}

export interface DuplicateProbe {
  name: string;
  birthDate: string | null;
  postcode: string | null;
  bsn: string | null;
}

/**
 * Possible earlier registrations of the same person, in the whole organisation: the person may have
 * lived in another team's neighbourhood. Exact BSN first, then a similar name (pg_trgm) with the same
 * birth date and/or postcode.
 */
export async function findDuplicates(db: DbOrTx, organisationId: string, probe: DuplicateProbe): Promise<DuplicateMatch[]> {
  const matches = new Map<string, DuplicateMatch>();
  if (probe.bsn) {
    const rows = await db.select().from(clients).where(and(eq(clients.organisationId, organisationId), eq(clients.bsn, probe.bsn), isNull(clients.destroyedAt))).limit(5);
    for (const row of rows) matches.set(row.id, { ...toSummary(row), reason: 'bsn', similarity: 1 });
  }
  if (probe.name.trim().length >= 3 && (probe.birthDate || probe.postcode)) {
    const name = probe.name.trim().toLowerCase();
    const similarity = sql<number>`similarity(${clients.searchName}, ${name})`;
    const sameBirth = probe.birthDate ? sql`${clients.birthDate} = ${probe.birthDate}` : sql`false`;
    const samePostcode = probe.postcode ? sql`${clients.postcode} = ${probe.postcode}` : sql`false`;
    const rows = await db
      .select({ client: clients, similarity, sameBirth: sql<boolean>`${sameBirth}`, samePostcode: sql<boolean>`${samePostcode}` })
      .from(clients)
      .where(and(eq(clients.organisationId, organisationId), isNull(clients.destroyedAt), sql`(${sameBirth} or ${samePostcode})`, sql`${similarity} >= 0.35`))
      .orderBy(desc(similarity), asc(clients.lastName))
      .limit(10);
    for (const row of rows) {
      if (matches.has(row.client.id)) continue;
      // A similar name at the same postcode alone is weak evidence unless the name is very close.
      if (!row.sameBirth && row.similarity < 0.6) continue;
      const reason = row.sameBirth && row.samePostcode ? 'name_birth_postcode' : row.sameBirth ? 'name_birth' : 'name_postcode';
      matches.set(row.client.id, { ...toSummary(row.client), reason, similarity: Math.round(row.similarity * 100) / 100 });
    }
  }
  return [...matches.values()];
}
