// Documents on a case or a client: store (an upload, or a letter made from a template), list, download,
// change the title or mark, delete. Every query goes through documentScope; a sensitive document is
// shown to its uploader and the lead worker only (sensitiveDocumentVisible), listed as withheld to the
// others. Every read is in the client's access log, every change in the same transaction.
import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Db, DbOrTx, Tx } from '../../db/database';
import { clients, documents, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { clientOfOwnTeam, clientScope, documentScope, holds, mayDeleteDocument, mayWrite, sensitiveDocumentVisible } from '../../access/access.policy';
import { roleAllows, type Permission } from '../../access/permissions';
import { writeAudit, writeCaseAudit } from '../../audit/audit.writer';
import { changeVersioned, lockAtVersion } from '../../db/versioned-change';
import { Forbidden, Invalid, NotFound, TooLarge } from '../../lib/errors';
import type { Sensitivity } from '../../lib/sensitivity';
import { findReadableCase, findVisibleCase, mainClientId } from '../cases/cases.repo';
import { checkDocumentContent, typeLabel } from './document-types';
import { currentStorage, discardFile, readBytes, writeBytes, type Storage } from './document-store';
import { documentTooLargeMessage, type DocumentEntry, type DocumentItem, type DocumentList, type DocumentSource, type documentChange, type documentUpload } from './documents.schemas';

const NOT_FOUND = 'Document niet gevonden';
const CONFLICT = 'Iemand anders heeft dit document intussen gewijzigd of verwijderd. Laad de documenten opnieuw.';

type DocumentRow = typeof documents.$inferSelect;

/** Where a document hangs: its case's main client, or its own client. */
async function clientOf(db: DbOrTx, row: { organisationId: string; caseId: string | null; clientId: string | null }): Promise<string | null> {
  return row.caseId ? mainClientId(db, row.organisationId, row.caseId) : row.clientId;
}

/** The permission a change of the document needs: a case's document goes with the case, a client's with the client. */
const writePermission = (row: { caseId: string | null }): Permission => (row.caseId ? 'cases:write' : 'clients:write');

function toItem(row: DocumentRow, uploaderName: string | null, actor: Actor, rights: { inWriteScope: boolean; mayDelete: boolean }): DocumentItem {
  const mayChange = mayWrite(actor, writePermission(row), rights.inWriteScope);
  return {
    id: row.id,
    caseId: row.caseId,
    clientId: row.clientId,
    title: row.title,
    fileName: row.fileName,
    mediaType: row.mediaType,
    typeLabel: typeLabel(row.mediaType),
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    sensitivity: row.sensitivity as Sensitivity | null,
    source: row.source,
    uploadedBy: uploaderName,
    uploadedAt: row.uploadedAt.toISOString(),
    mayChange,
    mayChangeSensitivity: mayChange && row.uploadedBy === actor.userId,
    mayDelete: mayChange && rights.mayDelete,
    withheld: false,
    version: row.version,
  };
}

/** The documents matching `where` in the actor's read scope, newest first, withheld where the mark says so. */
async function selectDocuments(db: DbOrTx, actor: Actor, where: SQL): Promise<DocumentEntry[]> {
  const rows = await db
    .select({
      doc: documents,
      uploaderName: users.name,
      visible: holds(sensitiveDocumentVisible(actor)),
      inWriteScope: holds(documentScope(actor, 'write')),
      mayDelete: holds(mayDeleteDocument(actor)),
    })
    .from(documents)
    .leftJoin(users, and(eq(users.organisationId, documents.organisationId), eq(users.id, documents.uploadedBy)))
    .where(and(documentScope(actor, 'read'), where))
    .orderBy(desc(documents.uploadedAt), desc(documents.id));
  return rows.map(({ doc, uploaderName, visible, ...rights }) =>
    visible
      ? toItem(doc, uploaderName, actor, rights)
      : { id: doc.id, caseId: doc.caseId, clientId: doc.clientId, uploadedBy: uploaderName, uploadedAt: doc.uploadedAt.toISOString(), withheld: true as const },
  );
}

export async function listCaseDocuments(db: Db, actor: Actor, caseId: string, maxBytes: number): Promise<DocumentList> {
  const found = await findReadableCase(db, actor, caseId);
  if (!found) throw new NotFound('Casus niet gevonden');
  const list = await selectDocuments(db, actor, eq(documents.caseId, caseId));
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'documents', entityId: caseId });
  return { documents: list, mayUpload: mayWrite(actor, 'cases:write', found.inWriteScope), maxBytes };
}

/** A client's documents without a case (those of their cases are on the case page). */
export async function listClientDocuments(db: Db, actor: Actor, clientId: string, maxBytes: number): Promise<DocumentList> {
  const [found] = await db
    .select({ id: clients.id, ownTeam: holds(and(clientOfOwnTeam(actor), isNull(clients.destroyedAt))!) })
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, clientId), clientScope(actor, 'read')));
  if (!found) throw new NotFound('Cliënt niet gevonden');
  const list = await selectDocuments(db, actor, and(isNull(documents.caseId), eq(documents.clientId, clientId))!);
  await writeAudit(db, actor, { action: 'read', entityType: 'documents', entityId: clientId, clientId });
  return { documents: list, mayUpload: mayWrite(actor, 'clients:write', found.ownTeam), maxBytes };
}

export interface NewDocument {
  /** On a case (the actor must be able to change it), or, without one, of a client the actor's team holds. */
  caseId?: string;
  clientId?: string;
  title: string;
  fileName: string;
  /** As detected from the content (an upload), or as made (a letter: application/pdf). */
  mediaType: string;
  bytes: Uint8Array;
  sensitivity: Sensitivity | null;
  source: DocumentSource;
}

/**
 * Stores a document in the caller's transaction: checks the actor may add it to the case (write
 * scope) or the client (their team's), writes the bytes where the configuration says (a file is
 * flushed to disk before this returns), the row, and the audit row. For the letters made from a
 * template too (source 'brief'). When the caller's transaction fails after this, a file in the
 * documents folder stays behind unnamed by any row: call `discardStored` with the answer.
 */
export async function storeDocument(tx: Tx, actor: Actor, input: NewDocument): Promise<DocumentItem> {
  let teamId: string;
  if (input.caseId) {
    const caseRow = await findVisibleCase(tx, actor, input.caseId, { forUpdate: true });
    if (!caseRow) throw new NotFound('Casus niet gevonden');
    teamId = caseRow.teamId;
  } else if (input.clientId) {
    const [client] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, input.clientId), clientOfOwnTeam(actor), isNull(clients.destroyedAt)));
    if (!client || !actor.teamId) throw new NotFound('Cliënt niet gevonden');
    teamId = actor.teamId;
  } else {
    throw new Invalid([], 'Een document hoort bij een casus of een cliënt');
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const storage: Storage = currentStorage();
  const values = {
    caseId: input.caseId ?? null,
    clientId: input.caseId ? null : input.clientId!,
    teamId,
    title: input.title,
    fileName: input.fileName,
    mediaType: input.mediaType,
    sizeBytes: input.bytes.byteLength,
    sha256,
    sensitivity: input.sensitivity,
    source: input.source,
    storage,
  };
  const [row] = await tx.insert(documents).values({ organisationId: actor.organisationId, ...values, uploadedBy: actor.userId }).returning();
  await writeBytes(tx, row!, input.bytes);
  const { teamId: _team, storage: _storage, ...logged } = values;
  await writeAudit(tx, actor, { action: 'create', entityType: 'document', entityId: row!.id, clientId: await clientOf(tx, row!), changes: { to: logged } });
  return toItem(row!, actor.name, actor, { inWriteScope: true, mayDelete: true });
}

/** Removes the file of a document whose transaction did not commit (see storeDocument). */
export async function discardStored(actor: Actor, stored: Pick<DocumentItem, 'id'>, storage: Storage = currentStorage()): Promise<void> {
  await discardFile({ organisationId: actor.organisationId, id: stored.id, storage });
}

/** The bytes of an upload, checked: not over the limit, a type we take, named as what it is. */
export async function checkUpload(input: { fileName: string; contentBase64: string }, maxBytes: number): Promise<{ bytes: Buffer; mediaType: string }> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.byteLength > maxBytes) throw new TooLarge(documentTooLargeMessage(maxBytes));
  const detected = await fileTypeFromBuffer(bytes);
  const check = checkDocumentContent(input.fileName, detected?.ext, bytes.byteLength);
  if (!check.ok) throw new Invalid([{ path: 'contentBase64', message: check.message }], check.message);
  return { bytes, mediaType: check.mediaType };
}

/** An upload to a case (`target.caseId`) or a client: checked, then stored in one transaction. */
export async function uploadDocument(db: Db, actor: Actor, target: { caseId: string } | { clientId: string }, input: ReturnType<typeof documentUpload.parse>, maxBytes: number): Promise<DocumentItem> {
  const { bytes, mediaType } = await checkUpload(input, maxBytes);
  let stored: DocumentItem | undefined;
  try {
    return await db.transaction(async (tx) => {
      stored = await storeDocument(tx, actor, { ...target, title: input.title, fileName: input.fileName, mediaType, bytes, sensitivity: input.sensitivity ?? null, source: 'upload' });
      return stored;
    });
  } catch (error) {
    if (stored) await discardStored(actor, stored);
    throw error;
  }
}

/** A document in the actor's scope and visible to them (a withheld one is not found), with what they may do. */
async function findDocument(db: DbOrTx, actor: Actor, documentId: string, mode: 'read' | 'write') {
  const query = db
    .select({ doc: documents, uploaderName: users.name, inWriteScope: holds(documentScope(actor, 'write')), mayDelete: holds(mayDeleteDocument(actor)) })
    .from(documents)
    .leftJoin(users, and(eq(users.organisationId, documents.organisationId), eq(users.id, documents.uploadedBy)))
    .where(and(eq(documents.id, documentId), documentScope(actor, mode), sensitiveDocumentVisible(actor)));
  const [row] = mode === 'write' ? await query.for('update', { of: documents }) : await query;
  return row ?? null;
}

export interface DocumentDownload {
  item: DocumentItem;
  bytes: Buffer;
}

/** The document's bytes, the read in the access log. */
export async function downloadDocument(db: Db, actor: Actor, documentId: string): Promise<DocumentDownload> {
  const found = await findDocument(db, actor, documentId, 'read');
  if (!found) throw new NotFound(NOT_FOUND);
  const bytes = await readBytes(db, found.doc);
  await writeAudit(db, actor, { action: 'read', entityType: 'document', entityId: documentId, clientId: await clientOf(db, found.doc) });
  return { item: toItem(found.doc, found.uploaderName, actor, found), bytes };
}

export async function changeDocument(db: Db, actor: Actor, documentId: string, input: ReturnType<typeof documentChange.parse>): Promise<DocumentItem> {
  return db.transaction(async (tx) => {
    let rights = { inWriteScope: true, mayDelete: false, uploaderName: null as string | null };
    const { after } = await changeVersioned(tx, actor, {
      table: documents,
      find: async () => {
        const found = await findDocument(tx, actor, documentId, 'write');
        if (!found || !roleAllows(actor.role, writePermission(found.doc))) return null;
        rights = { inWriteScope: true, mayDelete: found.mayDelete, uploaderName: found.uploaderName };
        return found.doc;
      },
      notFound: NOT_FOUND,
      version: input.version,
      conflict: CONFLICT,
      decide: (before) => {
        const sensitivity = input.sensitivity === undefined ? (before.sensitivity as Sensitivity | null) : input.sensitivity;
        if (sensitivity !== before.sensitivity && before.uploadedBy !== actor.userId) {
          throw new Invalid([{ path: 'sensitivity', message: 'Alleen wie het document opsloeg, kan de markering gevoelig zetten, wijzigen of weghalen' }]);
        }
        return { set: { title: input.title, sensitivity } };
      },
      audit: (before) => (before.caseId ? { entityType: 'document', entityId: documentId, caseId: before.caseId } : { entityType: 'document', entityId: documentId, clientId: before.clientId }),
    });
    return toItem(after, rights.uploaderName, actor, rights);
  });
}

/**
 * Deletes a document: by whoever stored it, the lead worker or the team leader. Bytes in the table go
 * with the row; a file in the documents folder is removed once the deletion is committed (a crash in
 * between leaves a file no row names, never a row without its file).
 */
export async function removeDocument(db: Db, actor: Actor, documentId: string, version: number): Promise<void> {
  const removed = await db.transaction(async (tx) => {
    const found = await lockAtVersion(async () => {
      const row = await findDocument(tx, actor, documentId, 'write');
      return row && roleAllows(actor.role, writePermission(row.doc)) ? { ...row, version: row.doc.version } : null;
    }, { notFound: NOT_FOUND, version, conflict: CONFLICT });
    if (!found.mayDelete) throw new Forbidden('Alleen wie het document opsloeg, de regiehouder van de casus of de teamleider kan het verwijderen.');
    const { doc } = found;
    const clientId = await clientOf(tx, doc);
    await tx.delete(documents).where(and(eq(documents.organisationId, actor.organisationId), eq(documents.id, documentId)));
    await writeAudit(tx, actor, {
      action: 'delete',
      entityType: 'document',
      entityId: documentId,
      clientId,
      changes: { from: { title: doc.title, fileName: doc.fileName, mediaType: doc.mediaType, sizeBytes: doc.sizeBytes, sha256: doc.sha256, sensitivity: doc.sensitivity, caseId: doc.caseId } },
    });
    return doc;
  });
  await discardFile(removed);
}
