// The iWmo message traffic with providers (docs/iwmo.md): every file Keukentafel wrote to the outbox
// (301, and the retour messages 306/308/316) and every file it read from the inbox (305, 307, 315,
// 302), with what came of it. The files themselves live in the folders; this is the register that
// makes a second run harmless and numbers our own messages.
import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';
import { clients } from './clients';

export type IwmoDirection = 'in' | 'out';
export type IwmoMessageKind = '301' | '319' | '305' | '307' | '315' | '302' | '306' | '308' | '316';
/** geschreven: our file is in the outbox; verwerkt: an incoming file was read and answered; afgekeurd: an incoming file could not be read. */
export type IwmoOutcome = 'geschreven' | 'verwerkt' | 'afgekeurd';

/**
 * Retour codes (WJ001): on a 301 the codes of the provider's 302, on our 306/308/316 the codes we
 * answered with. `records` are by the 0-based index of the record (ToegewezenProduct by number).
 */
export interface IwmoRetourCodes {
  header: string[];
  client?: string[];
  records?: { index: number; codes: string[] }[];
  assignments?: { assignmentNumber: number; codes: string[] }[];
  other?: { element: string; codes: string[] }[];
  /** For a 302: nothing but 0200, so the 301 stands (IV032). */
  accepted?: boolean;
}

export const iwmoMessages = pgTable(
  'iwmo_messages',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    direction: text('direction').$type<IwmoDirection>().notNull(),
    /** The message number; null for an incoming file that could not be read far enough to tell. */
    kind: text('kind').$type<IwmoMessageKind>(),
    /** BerichtIdentificatie/Identificatie (for a retour message we wrote: its IdentificatieRetour). */
    messageId: text('message_id'),
    /** BerichtIdentificatie/Dagtekening (DagtekeningRetour). */
    messageDate: date('message_date', { mode: 'string' }),
    /** Our own messages are numbered per kind in the organisation; messageId is this number written out. */
    sequence: integer('sequence'),
    providerAgb: text('provider_agb'),
    clientId: uuid('client_id'),
    fileName: text('file_name').notNull(),
    /** An incoming file's SHA-256: the same file read again is recognised and changes nothing. */
    contentSha256: text('content_sha256'),
    outcome: text('outcome').$type<IwmoOutcome>().notNull(),
    /** Why an incoming file was refused, in Dutch, naming file and element (as in its .fout.txt). */
    error: text('error'),
    retourCodes: jsonb('retour_codes').$type<IwmoRetourCodes>(),
    /** A 301's ToewijzingNummers. */
    assignmentNumbers: integer('assignment_numbers').array(),
    /** A retour message: the heen message it answers (our 306 → the provider's 305, their 302 → our 301). */
    replyToId: uuid('reply_to_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    // TR056: an identification is unique per kind for the sender; ours come from this counter.
    uniqueIndex('iwmo_messages_out_sequence_uq').on(t.organisationId, t.kind, t.sequence).where(sql`${t.direction} = 'out'`),
    uniqueIndex('iwmo_messages_in_content_uq').on(t.organisationId, t.contentSha256).where(sql`${t.direction} = 'in'`),
    index('iwmo_messages_identification_idx').on(t.organisationId, t.kind, t.providerAgb, t.messageId),
    index('iwmo_messages_client_idx').on(t.organisationId, t.clientId),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }),
    foreignKey({ columns: [t.organisationId, t.replyToId], foreignColumns: [t.organisationId, t.id] }),
  ],
);
