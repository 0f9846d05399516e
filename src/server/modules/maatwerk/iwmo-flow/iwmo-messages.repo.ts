// The queries the outbox and the inbox share: the organisation's iWmo lock, the counter that numbers
// our own messages, the register of messages, and the iWmo codes of the code lists.
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/database';
import { codes, iwmoMessages, type IwmoMessageKind } from '../../../db/schema';
import { Conflict } from '../../../lib/errors';

/**
 * One iWmo run at a time per organisation, for the rest of the transaction: the outbox and the inbox
 * take the same lock, so two runs never number two messages alike, send one change twice or read
 * one file twice. A transaction-level advisory lock works on PGlite and on a server alike, and
 * blocks no one else (a worker's decisions go on while a run writes).
 */
export async function lockIwmo(tx: Tx, organisationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`iwmo:${organisationId}`}))`);
}

/** LDT_IdentificatieBericht holds at most 12 positions (TR056: unique per kind for the sender). */
const MAX_SEQUENCE = 999_999_999_999;

/** The identification of our message number `sequence`: twelve digits, as in the example messages. */
export const identificationOf = (sequence: number): string => String(sequence).padStart(12, '0');

/** The next number of our messages of this kind in the organisation (call it under lockIwmo). */
export async function nextSequence(tx: Tx, organisationId: string, kind: IwmoMessageKind): Promise<number> {
  const [row] = await tx
    .select({ last: max(iwmoMessages.sequence) })
    .from(iwmoMessages)
    .where(and(eq(iwmoMessages.organisationId, organisationId), eq(iwmoMessages.direction, 'out'), eq(iwmoMessages.kind, kind)));
  const next = (row?.last ?? 0) + 1;
  if (next > MAX_SEQUENCE) throw new Conflict(`De berichtnummers van WMO${kind} zijn op. Neem contact op met de beheerder.`);
  return next;
}

export type NewIwmoMessage = Omit<typeof iwmoMessages.$inferInsert, 'organisationId' | 'id' | 'createdAt'>;

export async function insertMessage(tx: Tx, organisationId: string, values: NewIwmoMessage): Promise<string> {
  const [row] = await tx.insert(iwmoMessages).values({ organisationId, ...values }).returning({ id: iwmoMessages.id });
  return row!.id;
}

export interface CodeEntry {
  code: string;
  label: string;
  externalCode: string | null;
}

/** The code lists iWmo needs, with their iWmo codes (codes.external_code): categories, products, providers. */
export interface IwmoCodeLists {
  categories: Map<string, CodeEntry>;
  products: Map<string, CodeEntry>;
  providers: Map<string, CodeEntry>;
}

export async function iwmoCodeLists(db: DbOrTx, organisationId: string): Promise<IwmoCodeLists> {
  const rows = await db
    .select({ list: codes.list, code: codes.code, label: codes.label, externalCode: codes.externalCode })
    .from(codes)
    .where(and(eq(codes.organisationId, organisationId), sql`${codes.list} in ('provision_categories', 'provision_products', 'providers')`))
    .orderBy(asc(codes.list), asc(codes.position), asc(codes.code));
  const of = (list: string) => new Map(rows.filter((r) => r.list === list).map((r) => [r.code, { code: r.code, label: r.label, externalCode: r.externalCode }]));
  return { categories: of('provision_categories'), products: of('provision_products'), providers: of('providers') };
}
