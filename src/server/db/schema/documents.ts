// Documents: files uploaded to a case or a client (or made from a template: letters), with the
// sensitivity mark journal entries carry. The metadata live here; the bytes in document_contents, or
// in the folder the organisation configured (DOCUMENTS_DIR), named by the document's id.
import { bigint, check, customType, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { cases } from './cases';
import { clients } from './clients';
import { organisations, teams } from './organisation';
import { users } from './users';

/** PostgreSQL bytea as a Buffer (drizzle has no bytea column of its own). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const documents = pgTable(
  'documents',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    /** On a case (its scope applies), or null: a document of the client alone. */
    caseId: uuid('case_id'),
    /** The client of a document without a case (a case's document belongs to its household). */
    clientId: uuid('client_id'),
    /** The team that stored it: a client's document without a case is that team's, as consents are. */
    teamId: uuid('team_id').notNull(),
    title: text('title').notNull(),
    /** The name the file had, as shown; never used to name anything on disk. */
    fileName: text('file_name').notNull(),
    /** As detected from the content (file-type), not as the browser or the name said. */
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Hex SHA-256 of the bytes: a download can be checked against it. */
    sha256: text('sha256').notNull(),
    /** huiselijk_geweld, gezondheid or justitie: only the uploader and the case's lead worker see it. */
    sensitivity: text('sensitivity'),
    /** upload: sent by a user; brief: a letter made from a template. */
    source: text('source').$type<'upload' | 'brief'>().notNull(),
    /** database: document_contents; folder: DOCUMENTS_DIR/<id>. */
    storage: text('storage').$type<'database' | 'folder'>().notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('documents_case_idx').on(t.organisationId, t.caseId),
    index('documents_client_idx').on(t.organisationId, t.clientId),
    check('documents_case_or_client', sql`${t.caseId} is not null or ${t.clientId} is not null`),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
    foreignKey({ columns: [t.organisationId, t.uploadedBy], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** The bytes of a document stored in the database (the default). */
export const documentContents = pgTable(
  'document_contents',
  {
    organisationId: uuid('organisation_id').notNull(),
    documentId: uuid('document_id').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.documentId] }),
    foreignKey({ columns: [t.organisationId, t.documentId], foreignColumns: [documents.organisationId, documents.id] }).onDelete('cascade'),
  ],
);
