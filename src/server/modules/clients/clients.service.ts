// Use cases on clients: search, read, change, duplicate check. Every read is scoped and logged.
import { and, asc, desc, eq, ilike, not, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database';
import { isIsoDate } from '../../lib/dates';
import { clients } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { isEmergencyAccess, mayWrite } from '../../access/access.policy';
import { activeEmergencyUntil } from '../emergency/emergency.service';
import { mayReadAccessLog } from '../access-log/access-log.service';
import { writeAudit } from '../../audit/audit.writer';
import { changeVersioned } from '../../db/versioned-change';
import { Conflict, NotFound } from '../../lib/errors';
import { duplicateProbe, isValidBsn, isValidPostcode, normaliseBsn, normalisePostcode } from './identity-rules';
import { findClientByBsn, findClientOfOwnTeam, findDuplicates, findReadableClient, findVisibleClient, listClientCases, searchVisibleClients } from './clients.repo';
import type { ClientDetail, ClientSummary, DuplicateMatch, clientFields, clientUpdate, duplicateCheck } from './clients.schemas';
import type { z } from 'zod';
import { DESTROYED_CLIENT_NAME } from '../retention/retention.schemas';
import { findForAttach, type FoundForAttach } from '../attachments/attachments.service';
import type { clientAttach } from '../attachments/attachments.schemas';
import { takeLookupSlot } from './lookup-limit';

export type SearchKind = 'bsn' | 'birth_date' | 'postcode' | 'name';

/** What the search text looks like: a BSN, a birth date (YYYY-MM-DD or DD-MM-YYYY), a postcode or a name. */
export function classifySearch(text: string): { kind: SearchKind; value: string } {
  const trimmed = text.trim();
  const compact = trimmed.replace(/[\s.]/g, '');
  if (/^\d{8,9}$/.test(compact) && isValidBsn(compact)) return { kind: 'bsn', value: normaliseBsn(compact) };
  const dutch = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(trimmed);
  const date = dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` : trimmed;
  if (isIsoDate(date) && date >= '1900-01-01') return { kind: 'birth_date', value: date };
  if (isValidPostcode(trimmed)) return { kind: 'postcode', value: normalisePostcode(trimmed) };
  return { kind: 'name', value: trimmed.toLowerCase() };
}

/**
 * The clients the actor may read that match the search text, at most `limit`, without logging: the
 * callers log what they showed. Runs inside the caller's transaction (it sets a `local` setting).
 * `ownTeam`: only the team's own clients, not those opened through break-the-glass.
 */
export async function findClients(tx: DbOrTx, actor: Actor, search: string, limit: number, ownTeam = false): Promise<{ kind: SearchKind; results: ClientSummary[] }> {
  const { kind, value } = classifySearch(search);
  const byName = [asc(clients.lastName), asc(clients.firstName), asc(clients.id)];
  const find = (condition: SQL, order: SQL[], max: number) => searchVisibleClients(tx, actor, condition, order, max, ownTeam);
  if (kind === 'bsn') return { kind, results: await find(eq(clients.bsn, value), byName, limit) };
  if (kind === 'birth_date') return { kind, results: await find(eq(clients.birthDate, value), byName, limit) };
  if (kind === 'postcode') return { kind, results: await find(eq(clients.postcode, value), byName, limit) };
  const pattern = `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const similarity = sql`similarity(${clients.searchName}, ${value})`;
  const order = [desc(similarity), ...byName];
  const contains = ilike(clients.searchName, pattern);
  // Names that contain the text come first, then similar spellings (a typo). The similar ones
  // are looked for only when the first do not fill the page, because that costs most: every
  // "van …" name shares trigrams with "van dijk" (24,333 rows to recheck over ten years of
  // Utrecht: 74 ms, against 10 ms without). Two queries, not one with OR: with OR the planner
  // of a small database reads the whole table and computes similarity() for every row.
  const results = await find(contains, order, limit);
  if (results.length < limit) {
    // `%` lets the trigram index narrow the rows, the 0.4 bound keeps the close ones. At pg_trgm's
    // default threshold of 0.3 the index hands over three times as many rows to recheck, so this
    // transaction sets it just under the bound.
    await tx.execute(sql`set local pg_trgm.similarity_threshold = 0.39`);
    const similar = and(sql`${clients.searchName} % ${value}`, sql`${similarity} >= 0.4`, not(contains))!;
    results.push(...(await find(similar, order, limit - results.length)));
  }
  return { kind, results };
}

/** `ownTeam`: only the team's own clients, not those opened through break-the-glass. */
export async function searchClients(db: Db, actor: Actor, search: string, limit: number, ownTeam = false): Promise<ClientSummary[]> {
  return db.transaction(async (tx) => {
    const { kind, results } = await findClients(tx, actor, search, limit, ownTeam);
    // The search term itself is not logged (it may be a BSN); the clients it showed are.
    await writeAudit(tx, actor, { action: 'search', entityType: 'client', changes: { kind, results: results.length }, clientIds: results.map((r) => r.id) });
    return results;
  });
}

export async function getClient(db: Db, actor: Actor, clientId: string): Promise<ClientDetail> {
  const found = await findReadableClient(db, actor, clientId);
  // A look at an existing client outside one's scope is logged as refused by audit/denied-log.ts.
  if (!found) throw new NotFound('Cliënt niet gevonden');
  const clientCases = await listClientCases(db, actor, clientId);
  await writeAudit(db, actor, { action: 'read', entityType: 'client', entityId: clientId, clientId });
  return detail(found.row, clientCases, {
    emergencyUntil: await emergencyUntil(db, actor, clientId),
    mayWrite: mayWrite(actor, 'clients:write', found.inWriteScope),
    mayWriteConsents: mayWrite(actor, 'clients:write', found.ofOwnTeam),
    attachNotJustified: found.attachNotJustified,
    mayReadAccessLog: await mayReadAccessLog(db, actor, clientId),
  });
}

/** Until when the actor reads the client only through break-the-glass (null: through their team). */
async function emergencyUntil(db: Db, actor: Actor, clientId: string): Promise<string | null> {
  if (!isEmergencyAccess(actor, clientId)) return null;
  if (await findVisibleClient(db, { ...actor, emergencyClientIds: [] }, clientId)) return null;
  return activeEmergencyUntil(db, actor, clientId);
}

function detail(row: typeof clients.$inferSelect, clientCases: ClientDetail['cases'], access: Pick<ClientDetail, 'emergencyUntil' | 'mayWrite' | 'mayWriteConsents' | 'attachNotJustified' | 'mayReadAccessLog'>): ClientDetail {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.destroyedAt ? DESTROYED_CLIENT_NAME : row.lastName,
    birthDate: row.birthDate,
    bsn: row.bsn,
    gender: row.gender,
    street: row.street,
    houseNumber: row.houseNumber,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
    version: row.version,
    cases: clientCases,
    ...access,
  };
}

type ClientInput = z.output<typeof clientFields>;

/** The stored columns of a client from validated fields. */
export function clientValues(input: ClientInput) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate ?? null,
    bsn: input.bsn ?? null,
    gender: input.gender ?? null,
    street: input.street ?? null,
    houseNumber: input.houseNumber ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    phone: input.phone ?? null,
  };
}

export async function assertBsnFree(db: DbOrTx, organisationId: string, bsn: string | null, exceptClientId?: string) {
  if (!bsn) return;
  // No unique index on BSN (imported histories may hold duplicates), so serialise the check.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`bsn:${organisationId}:${bsn}`}))`);
  if (await findClientByBsn(db, organisationId, bsn, exceptClientId)) {
    throw new Conflict('Er is al een cliënt met dit BSN. Gebruik de controle op dubbele inschrijving om die cliënt te kiezen.');
  }
}

/** How a registration or household names its client: one of the three. */
export interface ClientChoice {
  /** A client of the team (from the search or the duplicate check). */
  clientId?: string;
  /** A new client. */
  client?: ClientInput;
  /** A client the team does not hold: exact identification and a reason. */
  attach?: z.output<typeof clientAttach>;
}

/**
 * The client a registration or household is about: a client of the actor's own team by id (never
 * one opened through break-the-glass: that reads, it does not link), a client named by an attach, or
 * a new one made from the fields, logged as created. `attach` is what the caller records with
 * recordAttachment once the registration or household exists; null when nothing was attached.
 */
export async function chooseClient(tx: DbOrTx, actor: Actor, input: ClientChoice): Promise<{ clientId: string; attach: FoundForAttach | null }> {
  if (input.clientId) {
    if (!(await findClientOfOwnTeam(tx, actor, input.clientId))) throw new NotFound('Cliënt niet gevonden');
    return { clientId: input.clientId, attach: null };
  }
  if (input.attach) {
    const found = await findForAttach(tx, actor, input.attach);
    return { clientId: found.clientId, attach: found.ofOwnTeam ? null : found };
  }
  const values = clientValues(input.client!);
  await assertBsnFree(tx, actor.organisationId, values.bsn);
  const [created] = await tx.insert(clients).values({ organisationId: actor.organisationId, ...values }).returning({ id: clients.id });
  await writeAudit(tx, actor, { action: 'create', entityType: 'client', entityId: created!.id, clientId: created!.id, changes: { to: values } });
  return { clientId: created!.id, attach: null };
}

/** An attach looks a person up in the whole organisation: it counts towards the actor's look-up limit. */
export async function limitAttachLookup(db: Db, actor: Actor, input: ClientChoice): Promise<void> {
  if (input.attach) await takeLookupSlot(db, actor);
}

export async function updateClient(db: Db, actor: Actor, clientId: string, input: z.output<typeof clientUpdate>): Promise<ClientDetail> {
  return db.transaction(async (tx) => {
    const { after } = await changeVersioned(tx, actor, {
      table: clients,
      find: () => findVisibleClient(tx, actor, clientId, { forUpdate: true }),
      notFound: 'Cliënt niet gevonden',
      version: input.version,
      conflict: 'Iemand anders heeft deze cliënt intussen gewijzigd. Laad de gegevens opnieuw.',
      decide: async (before) => {
        const values = clientValues(input);
        // An imported history may hold a BSN twice; only a newly entered BSN is checked.
        if (values.bsn !== before.bsn) await assertBsnFree(tx, actor.organisationId, values.bsn, clientId);
        return { set: values };
      },
      audit: () => ({ entityType: 'client', entityId: clientId, clientId }),
    });
    return detail(after, await listClientCases(tx, actor, clientId), { emergencyUntil: null, mayWrite: true, mayWriteConsents: true, attachNotJustified: false, mayReadAccessLog: await mayReadAccessLog(tx, actor, clientId) });
  });
}

export async function checkDuplicates(db: Db, actor: Actor, input: z.output<typeof duplicateCheck>): Promise<DuplicateMatch[]> {
  await takeLookupSlot(db, actor);
  const { matches, clientIds } = await findDuplicates(db, actor, duplicateProbe(input));
  // The matches may be clients of other teams (shown without id): the row names each one shown, for that client's access log.
  await writeAudit(db, actor, { action: 'search', entityType: 'client', changes: { kind: 'duplicate_check', results: matches.length }, clientIds });
  return matches;
}
