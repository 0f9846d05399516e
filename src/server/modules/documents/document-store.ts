// Where the bytes of a document live: the table document_contents (the default), or the folder the
// organisation configured (DOCUMENTS_DIR), one file per document named by its id under a folder per
// organisation, never by the user's file name. A file is written to a temporary name, flushed to disk
// (fsync), renamed and the folder flushed, before the row that names it is committed: a document the
// app acknowledged survives a crash. Each row says where its bytes are, so documents stored before
// the setting changed stay readable where they are.
//
// The folder is set once by buildApp (app.ts), from the configuration: storing, reading and removing
// run deep inside transactions (a letter made from a template, a client's destruction) that carry no
// HTTP dependencies.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { documentContents } from '../../db/schema';

let folder: string | undefined;

/**
 * The folder of DOCUMENTS_DIR, or undefined: the database. Called by buildApp. The folder must exist:
 * it is never created, so a share that is not mounted stops the start instead of filling a local
 * folder nobody backs up (only the folder per organisation inside it is made).
 */
export function useDocumentsFolder(dir: string | undefined): void {
  if (dir && !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`DOCUMENTS_DIR ${dir} is not an existing folder: create it (writable for Keukentafel only) or leave DOCUMENTS_DIR empty to keep documents in the database`);
  folder = dir;
}

export type Storage = 'database' | 'folder';

export interface StoredAt {
  organisationId: string;
  id: string;
  storage: Storage;
}

/** Where new documents go now. */
export function currentStorage(): Storage {
  return folder ? 'folder' : 'database';
}

function filePath(organisationId: string, documentId: string): string {
  if (!folder) throw new Error('A document is stored in the documents folder, but DOCUMENTS_DIR is not set');
  // Both are uuids from the database: no part of a user's input names a file.
  return path.join(folder, organisationId, documentId);
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the bytes where `doc.storage` says, durably, in the caller's transaction for the database. */
export async function writeBytes(tx: DbOrTx, doc: StoredAt, bytes: Uint8Array): Promise<void> {
  if (doc.storage === 'database') {
    await tx.insert(documentContents).values({ organisationId: doc.organisationId, documentId: doc.id, content: Buffer.from(bytes) });
    return;
  }
  const target = filePath(doc.organisationId, doc.id);
  const dir = path.dirname(target);
  // Not recursive: DOCUMENTS_DIR itself must be there (see useDocumentsFolder).
  await fs.mkdir(dir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const temporary = path.join(dir, `.${doc.id}.${randomUUID()}.tmp`);
  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

export async function readBytes(db: DbOrTx, doc: StoredAt): Promise<Buffer> {
  if (doc.storage === 'database') {
    const [row] = await db
      .select({ content: documentContents.content })
      .from(documentContents)
      .where(and(eq(documentContents.organisationId, doc.organisationId), eq(documentContents.documentId, doc.id)));
    if (!row) throw new Error(`The bytes of document ${doc.id} are missing from document_contents`);
    return row.content;
  }
  return fs.readFile(filePath(doc.organisationId, doc.id));
}

/**
 * Removes the bytes of documents whose rows the caller deletes: the table's rows here (the foreign
 * key would too; said out loud for the destruction), the files from the folder. A file already gone
 * is fine.
 */
export async function removeBytes(tx: DbOrTx, docs: readonly StoredAt[]): Promise<void> {
  const inTable = docs.filter((d) => d.storage === 'database');
  for (const organisationId of new Set(inTable.map((d) => d.organisationId))) {
    const ids = inTable.filter((d) => d.organisationId === organisationId).map((d) => d.id);
    await tx.delete(documentContents).where(and(eq(documentContents.organisationId, organisationId), inArray(documentContents.documentId, ids)));
  }
  const inFolder = docs.filter((d) => d.storage === 'folder');
  for (const doc of inFolder) await fs.rm(filePath(doc.organisationId, doc.id), { force: true });
  for (const dir of new Set(inFolder.map((d) => path.dirname(filePath(d.organisationId, d.id))))) {
    await syncFolder(dir).catch(() => undefined);
  }
}

/** Removes the file of a document whose row was never committed (a failed upload): no stray copy stays behind. */
export async function discardFile(doc: StoredAt): Promise<void> {
  if (doc.storage === 'folder') await fs.rm(filePath(doc.organisationId, doc.id), { force: true });
}
