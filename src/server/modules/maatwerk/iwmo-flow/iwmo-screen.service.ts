// The beheerder's iWmo screen: the log of messages, the state of the message gateway's two folders
// (KEUKENTAFEL_IWMO_OUTBOX_DIR, KEUKENTAFEL_IWMO_INBOX_DIR), and the outbox and the inbox run now.
// The runs are the command line's own (writeOutbox, readInbox) with the beheerder as the actor of
// every change and log row. The beheerder sees no client data (need to know): no answer here holds a
// BSN, a name or a client id; the log is read without the client column, a refused file's error
// without the values it quotes, and what was not sent is counted per cause (iwmo-screen-text.ts).
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../access/actor';
import { writeAudit } from '../../../audit/audit.writer';
import type { Config } from '../../../config';
import type { Db } from '../../../db/database';
import { iwmoMessages } from '../../../db/schema';
import { Conflict, TooManyRequests } from '../../../lib/errors';
import { giveBackSlot, takeSlot } from '../../../lib/rate-limit';
import { xmlFilesIn } from './iwmo-files';
import { errorCodes, readInbox } from './iwmo-inbox.service';
import { iwmoCodeLists } from './iwmo-messages.repo';
import { writeOutbox } from './iwmo-outbox.service';
import { describeRetourCodes, errorWithoutValues, skippedByCause } from './iwmo-screen-text';
import type { IwmoFolder, IwmoFolders, IwmoInboxResult, IwmoMessagePage, IwmoMessagesQuery, IwmoOutboxResult } from './iwmo.schemas';

type IwmoSettings = Pick<Config, 'gemeentecode' | 'iwmoXsdDir' | 'iwmoOutboxDir' | 'iwmoInboxDir'>;
type FolderRole = keyof IwmoFolders;

const FOLDER_NAMES: Record<FolderRole, string> = { outbox: 'De map voor uitgaande iWmo-berichten', inbox: 'De map voor binnenkomende iWmo-berichten' };
const NOT_SET: Record<FolderRole, string> = {
  outbox: 'De map voor uitgaande iWmo-berichten is niet ingesteld. Zet KEUKENTAFEL_IWMO_OUTBOX_DIR op de map waar de berichtengateway de berichten ophaalt, en start Keukentafel opnieuw.',
  inbox: 'De map voor binnenkomende iWmo-berichten is niet ingesteld. Zet KEUKENTAFEL_IWMO_INBOX_DIR op de map waar de berichtengateway de berichten van aanbieders neerzet, en start Keukentafel opnieuw.',
};

/**
 * One run at a time per organisation, over every process (a slot in the one rate limiter), so a
 * second press answers at once instead of waiting behind the first. The runs' own advisory lock
 * (lockIwmo) keeps them correct anyway, also against the command line; a slot of a process that
 * died is free when its window ends.
 */
const ONE_RUN_AT_A_TIME = { limit: 1, windowSeconds: 15 * 60 };
export const RUN_BUSY = 'Er worden al iWmo-berichten verstuurd of ingelezen. Wacht tot dat klaar is en probeer het dan opnieuw.';

/** A folder as the screen shows it: set or not, usable or not, and how many messages wait in it. */
export async function folderState(dir: string | undefined): Promise<IwmoFolder> {
  if (!dir) return { configured: false, path: null, usable: false, waitingFiles: null };
  if (!(await usable(dir))) return { configured: true, path: dir, usable: false, waitingFiles: null };
  return { configured: true, path: dir, usable: true, waitingFiles: (await xmlFilesIn(dir)).length };
}

async function usable(dir: string): Promise<boolean> {
  try {
    if (!(await fs.stat(dir)).isDirectory()) return false;
    await fs.access(dir, constants.R_OK | constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The folder, or a 409 saying why it cannot be used. A folder that is not there is not made: an
 * outbox on a share that is not mounted would fill a local folder no gateway reads.
 */
async function requireFolder(role: FolderRole, dir: string | undefined, why = ''): Promise<string> {
  if (!dir) throw new Conflict(`${NOT_SET[role]}${why}`);
  if (!(await usable(dir))) {
    throw new Conflict(`${FOLDER_NAMES[role]} (${dir}) bestaat niet of Keukentafel mag er niet in lezen en schrijven. Controleer de koppeling met de berichtengateway.${why}`);
  }
  return dir;
}

async function oneRunAtATime<T>(db: Db, organisationId: string, run: () => Promise<T>): Promise<T> {
  const key = `iwmo-run:${organisationId}`;
  const slot = await takeSlot(db, key, ONE_RUN_AT_A_TIME);
  if (!slot.allowed) {
    // The refused request holds no slot either.
    await giveBackSlot(db, key);
    throw new TooManyRequests(RUN_BUSY, Math.min(slot.retryAfterSeconds, 30));
  }
  try {
    return await run();
  } finally {
    await giveBackSlot(db, key);
  }
}

/** The message log, newest first, with the folders; logged as a list view that names no client. */
export async function listIwmoMessages(db: Db, actor: Actor, settings: IwmoSettings, query: IwmoMessagesQuery): Promise<IwmoMessagePage> {
  const conditions: SQL[] = [eq(iwmoMessages.organisationId, actor.organisationId)];
  if (query.direction) conditions.push(eq(iwmoMessages.direction, query.direction));
  if (query.outcome) conditions.push(eq(iwmoMessages.outcome, query.outcome));
  const where = and(...conditions);
  const [counted] = await db.select({ total: count() }).from(iwmoMessages).where(where);
  // Never the client column: the beheerder sees no client.
  const rows = await db
    .select({
      id: iwmoMessages.id,
      direction: iwmoMessages.direction,
      kind: iwmoMessages.kind,
      messageId: iwmoMessages.messageId,
      messageDate: iwmoMessages.messageDate,
      createdAt: iwmoMessages.createdAt,
      providerAgb: iwmoMessages.providerAgb,
      fileName: iwmoMessages.fileName,
      outcome: iwmoMessages.outcome,
      error: iwmoMessages.error,
      retourCodes: iwmoMessages.retourCodes,
      assignmentNumbers: iwmoMessages.assignmentNumbers,
    })
    .from(iwmoMessages)
    .where(where)
    // Our own messages of one moment in the order they were numbered; then the id, so pages do not overlap.
    .orderBy(desc(iwmoMessages.createdAt), sql`${iwmoMessages.sequence} desc nulls last`, desc(iwmoMessages.id))
    .limit(query.limit)
    .offset(query.offset);
  const providers = new Map<string, string>();
  for (const provider of (await iwmoCodeLists(db, actor.organisationId)).providers.values()) {
    if (provider.externalCode && !providers.has(provider.externalCode)) providers.set(provider.externalCode, provider.label);
  }
  const items = rows.map((row) => ({
    id: row.id,
    direction: row.direction,
    kind: row.kind,
    identification: row.messageId,
    messageDate: row.messageDate,
    registeredAt: row.createdAt.toISOString(),
    providerAgb: row.providerAgb,
    providerName: row.providerAgb ? (providers.get(row.providerAgb) ?? null) : null,
    fileName: row.fileName,
    outcome: row.outcome,
    error: row.error === null ? null : errorWithoutValues(row.error),
    retourCodes: describeRetourCodes(row.retourCodes ? errorCodes(row.retourCodes) : []),
    accepted: row.kind === '301' || row.kind === '302' ? (row.retourCodes?.accepted ?? null) : null,
    assignmentCount: row.kind === '301' ? (row.assignmentNumbers?.length ?? 0) : null,
  }));
  const folders = { outbox: await folderState(settings.iwmoOutboxDir), inbox: await folderState(settings.iwmoInboxDir) };
  await writeAudit(db, actor, { action: 'list', entityType: 'iwmo_log', changes: { direction: query.direction ?? null, outcome: query.outcome ?? null, offset: query.offset, results: items.length } });
  return { total: counted?.total ?? 0, items, folders };
}

/** "Nu versturen": a WMO301 per client and provider with new and changed toewijzingen, into the outbox folder. */
export async function runOutbox(db: Db, actor: Actor, settings: IwmoSettings): Promise<IwmoOutboxResult> {
  const dir = await requireFolder('outbox', settings.iwmoOutboxDir);
  return oneRunAtATime(db, actor.organisationId, async () => {
    const result = await writeOutbox(db, actor.organisationId, dir, { gemeentecode: settings.gemeentecode, xsdDir: settings.iwmoXsdDir, actor });
    return {
      written: result.written.map((w) => ({ file: w.file, provider: w.provider, providerAgb: w.providerAgb, identification: w.messageId, assignmentCount: w.assignments.length })),
      skipped: skippedByCause(result.skipped),
    };
  });
}

/** "Nu inlezen": the providers' messages in the inbox folder, answered with retours into the outbox folder. */
export async function runInbox(db: Db, actor: Actor, settings: IwmoSettings): Promise<IwmoInboxResult> {
  const inDir = await requireFolder('inbox', settings.iwmoInboxDir);
  const outDir = await requireFolder('outbox', settings.iwmoOutboxDir, ' De retourberichten op wat er binnenkomt gaan naar die map.');
  return oneRunAtATime(db, actor.organisationId, async () => {
    const result = await readInbox(db, actor.organisationId, inDir, outDir, { gemeentecode: settings.gemeentecode, actor });
    return {
      files: result.files.map((f) => ({
        file: f.file,
        kind: f.kind,
        status: f.status,
        repeated: f.repeated,
        retourFile: f.retourFile,
        retourCodes: describeRetourCodes(f.retourCodes),
        summary: f.summary,
        error: f.error === null ? null : errorWithoutValues(f.error),
      })),
      processed: result.files.length - result.refused,
      refused: result.refused,
    };
  });
}
