// SQL for clients: scoped reads, search and the duplicate check.
import { and, asc, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { caseClients, cases, clients, teams } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { attachNotJustified, caseScope, clientOfOwnTeam, clientScope, holds } from '../../access/access.policy';
import { duplicateCheckCovers, initials, maskBsn, normaliseBsn, type DuplicateProbe } from './identity-rules';
import type { ClientSummary, DuplicateMatch, DuplicateReason } from './clients.schemas';

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

/**
 * A client in the actor's read scope, with whether the update locks it too (clientScope in write
 * mode; a destroyed client never), and whether an attach kwaliteit has not judged justified is what
 * stands in the way: one query, so a detail's `mayWrite` cannot drift from what the update answers.
 */
export async function findReadableClient(db: DbOrTx, actor: Actor, clientId: string) {
  const [row] = await db
    .select({
      row: clients,
      inWriteScope: holds(and(clientScope(actor, 'write'), isNull(clients.destroyedAt))!),
      // Consents and disclosures are the own team's (consents.service.ts lockClient), also for a client held through an attach.
      ofOwnTeam: holds(and(clientOfOwnTeam(actor), isNull(clients.destroyedAt))!),
      attachNotJustified: holds(attachNotJustified(actor)),
    })
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, clientId), clientScope(actor, 'read')));
  return row ?? null;
}

/** A client of the actor's own team (never through break-the-glass), to use in a registration or household. */
export async function findClientOfOwnTeam(db: DbOrTx, actor: Actor, clientId: string) {
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, clientId), clientOfOwnTeam(actor), isNull(clients.destroyedAt)));
  return row ?? null;
}

/** Exact identification: the BSN, or the last name (any case) with the birth date. */
export function identifiedBy(input: { bsn?: string; lastName?: string; birthDate?: string }): SQL {
  return input.bsn ? eq(clients.bsn, normaliseBsn(input.bsn)) : and(sql`lower(${clients.lastName}) = lower(${input.lastName ?? ''})`, eq(clients.birthDate, input.birthDate ?? ''))!;
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

/** `ownTeam`: only the clients of the actor's team, not those opened through break-the-glass. */
export async function searchVisibleClients(db: DbOrTx, actor: Actor, condition: SQL, order: SQL[], limit: number, ownTeam = false) {
  const rows = await db
    .select()
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), ownTeam ? clientOfOwnTeam(actor) : clientScope(actor), isNull(clients.destroyedAt), condition))
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

/** The cases of these clients that are not closed, as far as the actor sees them; newest first. */
export async function listOpenCasesOf(db: DbOrTx, actor: Actor, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  return db
    .select({ clientId: caseClients.clientId, id: cases.id, status: cases.status, teamName: teams.name })
    .from(caseClients)
    .innerJoin(cases, and(eq(cases.organisationId, caseClients.organisationId), eq(cases.id, caseClients.caseId)))
    .innerJoin(teams, and(eq(teams.organisationId, cases.organisationId), eq(teams.id, cases.teamId)))
    .where(and(eq(caseClients.organisationId, actor.organisationId), inArray(caseClients.clientId, [...clientIds]), ne(cases.status, 'closed'), caseScope(actor)))
    .orderBy(desc(cases.registeredOn), asc(cases.id));
}

/**
 * Possible earlier registrations of the same person, in the whole organisation: the person may have
 * lived in another team's neighbourhood. Exact BSN first, then a similar name (pg_trgm) with the same
 * birth date and/or postcode. A client the actor may read is shown as in a list; any other only as
 * far as it recognises the person (initials, last name, birth year), without id.
 */
export async function findDuplicates(db: DbOrTx, actor: Actor, probe: DuplicateProbe): Promise<{ matches: DuplicateMatch[]; clientIds: string[] }> {
  const found = new Map<string, { row: ClientRow; readable: boolean; usable: boolean; reason: DuplicateReason; similarity: number }>();
  const access = { readable: sql<boolean>`${clientScope(actor)}`, usable: sql<boolean>`${clientOfOwnTeam(actor)}` };
  const inOrganisation = and(eq(clients.organisationId, actor.organisationId), isNull(clients.destroyedAt));
  const covers = duplicateCheckCovers(probe);
  if (covers.bsn && probe.bsn) {
    const rows = await db
      .select({ client: clients, ...access })
      .from(clients)
      .where(and(inOrganisation, eq(clients.bsn, probe.bsn)))
      .orderBy(asc(clients.lastName), asc(clients.firstName), asc(clients.id))
      .limit(5);
    for (const row of rows) found.set(row.client.id, { row: row.client, readable: row.readable, usable: row.usable, reason: 'bsn', similarity: 1 });
  }
  if (covers.name) {
    const name = probe.name.toLowerCase();
    const similarity = sql<number>`similarity(${clients.searchName}, ${name})`;
    const sameBirth = probe.birthDate ? sql`${clients.birthDate} = ${probe.birthDate}` : sql`false`;
    const samePostcode = probe.postcode ? sql`${clients.postcode} = ${probe.postcode}` : sql`false`;
    const rows = await db
      .select({ client: clients, similarity, sameBirth: sql<boolean>`${sameBirth}`, samePostcode: sql<boolean>`${samePostcode}`, ...access })
      .from(clients)
      .where(and(inOrganisation, sql`(${sameBirth} or ${samePostcode})`, sql`${similarity} >= 0.35`))
      .orderBy(desc(similarity), asc(clients.lastName), asc(clients.id))
      .limit(10);
    for (const row of rows) {
      if (found.has(row.client.id)) continue;
      // A similar name at the same postcode alone is weak evidence unless the name is very close.
      if (!row.sameBirth && row.similarity < 0.6) continue;
      const reason = row.sameBirth && row.samePostcode ? 'name_birth_postcode' : row.sameBirth ? 'name_birth' : 'name_postcode';
      found.set(row.client.id, { row: row.client, readable: row.readable, usable: row.usable, reason, similarity: Math.round(row.similarity * 100) / 100 });
    }
  }
  const matches = [...found.values()].map(({ row, readable, usable, reason, similarity }): DuplicateMatch =>
    readable
      ? { kind: 'known', ...toSummary(row), reason, similarity, usable }
      : { kind: 'elsewhere', initials: initials(row.firstName), lastName: row.lastName, birthYear: row.birthDate ? Number(row.birthDate.slice(0, 4)) : null, reason },
  );
  return { matches, clientIds: [...found.keys()] };
}
