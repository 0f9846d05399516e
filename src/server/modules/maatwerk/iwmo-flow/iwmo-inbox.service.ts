// The inbox: every `*.xml` a provider sent (305 start, 307 stop, 315 verzoek om toewijzing, 302
// retour on our 301), read in name order (docs/iwmo.md §1, §5.3, §5.4). A 305/307 records the start
// or stop of delivery on the toewijzing with that ToewijzingNummer, a 315 becomes a request on the
// client's case for its lead worker to research, a 302's retour codes go on our 301. Each 305/307/315
// is answered with its retour message (306/308/316: the Header only when all is well) in the retour
// folder, within the 3 days of OP090 when the command runs daily.
//
// One transaction per file, under the organisation's iWmo lock; the retour file is written and the
// file moved (to verwerkt/ or rejected/) after the commit. A crash in between leaves the file to be
// read again: a file read before (the same bytes) is answered with the same retour and changes
// nothing. A file that cannot be read goes to rejected/ with `<name>.fout.txt`, the Dutch error
// naming file and element; the other files go on. The actor of every change is the command line, or
// the beheerder who pressed "Nu inlezen" on the screen (iwmo-screen.service.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/database';
import { caseClients, cases, clients, iwmoMessages, provisionRequests, provisions, type IwmoMessageKind, type IwmoRetourCodes } from '../../../db/schema';
import { diff, writeAudit, type AuditActor } from '../../../audit/audit.writer';
import { changeVersioned } from '../../../db/versioned-change';
import { isIsoDate, todayInNetherlands } from '../../../lib/dates';
import { buildRetour, type RecordError } from '../iwmo/build-retour';
import { RETOUR_CODES, type RetourCode } from '../iwmo/iwmo-codes';
import { IwmoFileError } from '../iwmo/iwmo-errors';
import { RETOUR_KIND, messageNumberOfNamespace, type InboundHeenKind } from '../iwmo/iwmo-format';
import { parseXml, type XmlElement } from '../iwmo/iwmo-xml';
import { readInbound, type Inbound302, type Inbound305, type Inbound307, type Inbound315, type InboundMessage } from '../iwmo/read-inbound';
import { buildChains } from './iwmo-chains';
import { judgeStarts, judgeStops, type Delivery, type DeliveryTarget } from './delivery-rules';
import { moveInto, writeFileAtomic, xmlFilesIn } from './iwmo-files';
import { identificationOf, insertMessage, iwmoCodeLists, lockIwmo, nextSequence, type IwmoCodeLists } from './iwmo-messages.repo';
import { providerRequestText } from './provider-request-text';

export const PROCESSED_FOLDER = 'verwerkt';
export const REJECTED_FOLDER = 'rejected';

export interface InboxOptions {
  /** Our CBS gemeentecode: a message addressed to another municipality is refused. */
  gemeentecode?: string;
  /** The moment of the run (today for TR135 and the retour's date); now by default. */
  now?: Date;
  /** Who runs it, for the access log: the beheerder on the screen; the command line by default. */
  actor?: AuditActor;
}

export interface InboxFileResult {
  file: string;
  kind: IwmoMessageKind | null;
  /** verwerkt: read and answered (also with retour codes); afgekeurd: could not be read, moved to rejected/. */
  status: 'verwerkt' | 'afgekeurd';
  /** The same file was read before: answered again, nothing changed. */
  repeated: boolean;
  /** The retour message written to the retour folder, if any. */
  retourFile: string | null;
  /** The retour codes that reject the message (none when it was accepted). */
  retourCodes: string[];
  /** What happened, in Dutch. */
  summary: string;
  /** A refused file's error (as in its .fout.txt). */
  error: string | null;
}

export interface InboxResult {
  files: InboxFileResult[];
  /** Files moved to rejected/. */
  refused: number;
}

const COMMAND_LINE = (organisationId: string): AuditActor => ({ organisationId, userId: null });
const HEEN_OF_RETOUR = Object.fromEntries(Object.entries(RETOUR_KIND).map(([heen, retour]) => [retour, heen])) as Record<string, InboundHeenKind>;

/** What to answer: a retour message, written after the commit. */
interface RetourPlan {
  heenKind: InboundHeenKind;
  fileName: string;
  identification: string;
  date: string;
  headerCodes: RetourCode[];
  recordErrors: RecordError[];
}

interface Decided {
  kind: IwmoMessageKind | null;
  status: 'verwerkt' | 'afgekeurd';
  repeated: boolean;
  retour: RetourPlan | null;
  /** The heen message's text, to copy into the retour. */
  source: string | null;
  retourCodes: string[];
  summary: string;
  error: string | null;
}

export async function readInbox(db: Db, organisationId: string, dir: string, outDir: string, options: InboxOptions = {}): Promise<InboxResult> {
  const now = options.now ?? new Date();
  const actor = options.actor ?? COMMAND_LINE(organisationId);
  const names = await xmlFilesIn(dir);
  const result: InboxResult = { files: [], refused: 0 };
  const codeLists = names.length > 0 ? await iwmoCodeLists(db, organisationId) : null;
  for (const name of names) {
    const done = await readFile(db, organisationId, dir, outDir, name, { ...options, now, actor }, codeLists!);
    if (!done) continue;
    result.files.push(done);
    if (done.status === 'afgekeurd') result.refused++;
  }
  return result;
}

async function readFile(db: Db, organisationId: string, dir: string, outDir: string, name: string, options: InboxOptions & { now: Date; actor: AuditActor }, codeLists: IwmoCodeLists): Promise<InboxFileResult | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(dir, name));
  } catch (error) {
    // Another run took it meanwhile.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let message: InboundMessage | null = null;
  let fileError: IwmoFileError | null = null;
  try {
    message = readInbound(name, bytes);
  } catch (error) {
    if (!(error instanceof IwmoFileError)) throw error;
    fileError = error;
  }
  if (message && options.gemeentecode && message.header.municipalityCode !== options.gemeentecode) {
    const element = message.kind === '302' ? 'Bericht/Header/Afzender' : 'Bericht/Header/Ontvanger';
    fileError = new IwmoFileError(name, element, `het bericht is voor gemeente ${message.header.municipalityCode}, niet voor deze gemeente (${options.gemeentecode})`);
    message = null;
  }

  const decided = await db.transaction(async (tx): Promise<Decided> => {
    await lockIwmo(tx, organisationId);
    const [earlier] = await tx
      .select()
      .from(iwmoMessages)
      .where(and(eq(iwmoMessages.organisationId, organisationId), eq(iwmoMessages.direction, 'in'), eq(iwmoMessages.contentSha256, sha256)));
    if (earlier) return answerAgain(tx, organisationId, earlier, bytes);
    const context: FileContext = { tx, organisationId, actor: options.actor, name, sha256, today: todayInNetherlands(options.now), codeLists };
    if (fileError) return refuseFile(context, fileError, bytes);
    return handleMessage(context, message!);
  });

  let retourFile: string | null = null;
  if (decided.retour && decided.source) {
    const { retour } = decided;
    const xml = buildRetour({ kind: retour.heenKind, source: decided.source }, retour.recordErrors, { identification: retour.identification, date: retour.date, headerCodes: retour.headerCodes });
    await writeFileAtomic(outDir, retour.fileName, xml);
    retourFile = retour.fileName;
  }
  if (decided.status === 'afgekeurd') {
    const moved = await moveInto(dir, name, REJECTED_FOLDER);
    if (moved) await writeFileAtomic(path.join(dir, REJECTED_FOLDER), `${moved}.fout.txt`, errorFileText(decided.error ?? ''));
  } else {
    await moveInto(dir, name, PROCESSED_FOLDER);
  }
  return { file: name, kind: decided.kind, status: decided.status, repeated: decided.repeated, retourFile, retourCodes: decided.retourCodes, summary: decided.summary, error: decided.error };
}

function errorFileText(error: string): string {
  return `${error}\r\n\r\nHet bestand is niet verwerkt. Vraag de aanbieder om een verbeterd bericht met een nieuwe identificatie.\r\n`;
}

interface FileContext {
  tx: Tx;
  organisationId: string;
  /** Who runs the inbox: every change and log row of the file is theirs. */
  actor: AuditActor;
  name: string;
  sha256: string;
  today: string;
  codeLists: IwmoCodeLists;
}

// ---------------------------------------------------------------------------------------------
// A file read before, and a file that cannot be read

/** The same bytes came before: the same answer (its retour again, the same place), nothing changes. */
async function answerAgain(tx: Tx, organisationId: string, earlier: typeof iwmoMessages.$inferSelect, bytes: Buffer): Promise<Decided> {
  const [reply] = await tx
    .select()
    .from(iwmoMessages)
    .where(and(eq(iwmoMessages.organisationId, organisationId), eq(iwmoMessages.direction, 'out'), eq(iwmoMessages.replyToId, earlier.id)))
    .orderBy(asc(iwmoMessages.createdAt))
    .limit(1);
  const codes = reply?.retourCodes ?? null;
  const retour: RetourPlan | null =
    reply && reply.kind && HEEN_OF_RETOUR[reply.kind]
      ? {
          heenKind: HEEN_OF_RETOUR[reply.kind]!,
          fileName: reply.fileName,
          identification: reply.messageId!,
          date: reply.messageDate!,
          headerCodes: (codes?.header ?? []) as RetourCode[],
          recordErrors: (codes?.records ?? []) as RecordError[],
        }
      : null;
  const refused = earlier.outcome === 'afgekeurd';
  return {
    kind: earlier.kind,
    status: refused ? 'afgekeurd' : 'verwerkt',
    repeated: true,
    retour,
    source: retour ? new TextDecoder('utf-8').decode(bytes) : null,
    retourCodes: codes ? errorCodes(codes) : [],
    summary: refused ? 'al eerder gelezen en afgekeurd; opnieuw afgekeurd' : 'al eerder gelezen en verwerkt; er is niets gewijzigd',
    error: earlier.error,
  };
}

/** The facts of a Header that could be read, for the register; null where they could not. */
function headerFacts(source: string | null): { kind: IwmoMessageKind | null; providerAgb: string | null; municipalityCode: string | null; messageId: string | null; messageDate: string | null } {
  const none = { kind: null, providerAgb: null, municipalityCode: null, messageId: null, messageDate: null };
  if (source === null) return none;
  let tree: XmlElement;
  try {
    tree = parseXml(source);
  } catch {
    return none;
  }
  const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
  const header = child(tree, 'Header');
  const number = messageNumberOfNamespace(tree.namespace);
  const kind = (['301', '319', '305', '307', '315', '302', '306', '308', '316'] as const).find((k) => k === number) ?? null;
  const sender = child(header, 'Afzender')?.text ?? null;
  const receiver = child(header, 'Ontvanger')?.text ?? null;
  const [agb, municipality] = kind === '302' ? [receiver, sender] : [sender, receiver];
  const identification = child(header, 'BerichtIdentificatie');
  const date = child(identification, 'Dagtekening')?.text ?? null;
  return {
    kind,
    providerAgb: agb && /^\d{8}$/.test(agb) ? agb : null,
    municipalityCode: municipality && /^\d{4}$/.test(municipality) ? municipality : null,
    messageId: child(identification, 'Identificatie')?.text.slice(0, 100) || null,
    messageDate: date && isIsoDate(date) ? date : null,
  };
}

function fileErrorText(error: IwmoFileError): string {
  if (error.problems.length <= 1) return error.message;
  return `${error.message}\r\nAlle problemen in het bestand:\r\n${error.problems.map((p) => `- ${p.element}: ${p.message}`).join('\r\n')}`;
}

/**
 * Registered as refused, moved to rejected/ with the error. When the Header could be read and only
 * the client part is wrong (docs/iwmo.md Appendix A), the provider also gets the Header back with
 * retourcode 0001: a file that reaches Keukentafel has passed the gateway's XSD check, so what is
 * left is a rule of level 2 (IV028).
 */
async function refuseFile(context: FileContext, error: IwmoFileError, bytes: Buffer): Promise<Decided> {
  const { tx, organisationId } = context;
  const source = error.retourSource?.source ?? decodeLeniently(bytes);
  const facts = headerFacts(source);
  const text = fileErrorText(error);
  const id = await insertMessage(tx, organisationId, {
    direction: 'in',
    kind: error.retourSource?.kind ?? facts.kind,
    messageId: facts.messageId,
    messageDate: facts.messageDate,
    providerAgb: facts.providerAgb,
    fileName: context.name,
    contentSha256: context.sha256,
    outcome: 'afgekeurd',
    error: text,
  });
  await writeAudit(tx, context.actor, { action: 'import', entityType: 'iwmo_message', entityId: id, outcome: 'success', changes: { file: context.name, kind: facts.kind, outcome: 'afgekeurd' } });
  let retour: RetourPlan | null = null;
  if (error.retourSource && facts.providerAgb && facts.municipalityCode) {
    retour = await registerRetour(context, { heenKind: error.retourSource.kind, providerAgb: facts.providerAgb, municipalityCode: facts.municipalityCode, clientId: null, replyToId: id }, ['0001'], []);
  }
  return {
    kind: error.retourSource?.kind ?? facts.kind,
    status: 'afgekeurd',
    repeated: false,
    retour,
    source: error.retourSource?.source ?? null,
    retourCodes: retour ? ['0001'] : [],
    summary: 'afgekeurd: het bestand kan niet worden gelezen',
    error: text,
  };
}

function decodeLeniently(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Our retour message on a heen message: numbered, registered and logged; the file is written after the commit. */
async function registerRetour(
  context: FileContext,
  heen: { heenKind: InboundHeenKind; providerAgb: string; municipalityCode: string; clientId: string | null; replyToId: string },
  headerCodes: RetourCode[],
  recordErrors: RecordError[],
): Promise<RetourPlan> {
  const { tx, organisationId, today } = context;
  const kind = RETOUR_KIND[heen.heenKind];
  const sequence = await nextSequence(tx, organisationId, kind);
  const identification = identificationOf(sequence);
  const fileName = `WMO${kind}_${heen.municipalityCode}_${heen.providerAgb}_${identification}.xml`;
  const codes: IwmoRetourCodes = { header: headerCodes, records: recordErrors.map((e) => ({ index: e.index, codes: [...e.codes] })) };
  const id = await insertMessage(tx, organisationId, {
    direction: 'out',
    kind,
    messageId: identification,
    messageDate: today,
    sequence,
    providerAgb: heen.providerAgb,
    clientId: heen.clientId,
    fileName,
    outcome: 'geschreven',
    retourCodes: codes,
    replyToId: heen.replyToId,
  });
  await writeAudit(tx, context.actor, {
    action: 'export',
    entityType: 'iwmo_message',
    entityId: id,
    clientId: heen.clientId,
    changes: { kind, messageId: identification, providerAgb: heen.providerAgb, file: fileName, retourCodes: errorCodes(codes) },
  });
  return { heenKind: heen.heenKind, fileName, identification, date: today, headerCodes, recordErrors };
}

/** The codes that reject: every code but 0200. */
export function errorCodes(codes: IwmoRetourCodes): string[] {
  const all = [...codes.header, ...(codes.client ?? []), ...(codes.records ?? []).flatMap((r) => r.codes), ...(codes.assignments ?? []).flatMap((a) => a.codes), ...(codes.other ?? []).flatMap((o) => o.codes)];
  return [...new Set(all.filter((c) => c !== '0200'))];
}

// ---------------------------------------------------------------------------------------------
// A message that could be read

async function handleMessage(context: FileContext, message: InboundMessage): Promise<Decided> {
  if (message.kind === '302') return handle302(context, message);
  const { tx, organisationId, today } = context;
  const { header } = message;

  // Rules on the header (level 3): the identification was used before for another message (TR056),
  // or the message is dated in the future (TR135). Then the Header comes back with the code and nothing changes.
  const headerCodes: RetourCode[] = [];
  const [used] = await tx
    .select({ id: iwmoMessages.id })
    .from(iwmoMessages)
    .where(
      and(
        eq(iwmoMessages.organisationId, organisationId),
        eq(iwmoMessages.direction, 'in'),
        eq(iwmoMessages.kind, message.kind),
        eq(iwmoMessages.providerAgb, header.providerAgb),
        eq(iwmoMessages.messageId, header.messageId),
        eq(iwmoMessages.outcome, 'verwerkt'),
      ),
    )
    .limit(1);
  if (used) headerCodes.push('9056');
  if (header.messageDate > today) headerCodes.push('8848');

  const judged =
    headerCodes.length > 0
      ? { clientId: await clientIdByBsn(tx, organisationId, message.client.bsn), recordErrors: [], applied: '' }
      : message.kind === '315'
        ? await handle315(context, message)
        : await handleDelivery(context, message);
  const id = await insertMessage(tx, organisationId, {
    direction: 'in',
    kind: message.kind,
    messageId: header.messageId,
    messageDate: header.messageDate,
    providerAgb: header.providerAgb,
    clientId: judged.clientId,
    fileName: context.name,
    contentSha256: context.sha256,
    outcome: 'verwerkt',
  });
  await writeAudit(tx, context.actor, {
    action: 'import',
    entityType: 'iwmo_message',
    entityId: id,
    clientId: judged.clientId,
    changes: { kind: message.kind, messageId: header.messageId, providerAgb: header.providerAgb, file: context.name, records: message.records.length },
  });
  const retour = await registerRetour(
    context,
    { heenKind: message.kind, providerAgb: header.providerAgb, municipalityCode: header.municipalityCode, clientId: judged.clientId, replyToId: id },
    headerCodes,
    judged.recordErrors,
  );
  const codes = [...headerCodes, ...judged.recordErrors.flatMap((e) => e.codes)];
  const summary =
    headerCodes.length > 0
      ? `afgewezen in de retour: ${headerCodes.map(describeCode).join('; ')}`
      : judged.recordErrors.length > 0
        ? `afgewezen in de retour (er is niets vastgelegd): ${judged.recordErrors.map((e) => `${RECORD_NAMES[message.kind]} ${e.index + 1}: ${e.codes.map(describeCode).join(', ')}`).join('; ')}`
        : judged.applied;
  return { kind: message.kind, status: 'verwerkt', repeated: false, retour, source: message.source, retourCodes: [...new Set(codes)], summary, error: null };
}

const RECORD_NAMES: Record<InboundHeenKind, string> = { '305': 'StartProduct', '307': 'StopProduct', '315': 'AangevraagdProduct' };
const describeCode = (code: string): string => `${code} ${RETOUR_CODES[code as RetourCode] ?? ''}`.trim();

/** The client with this BSN in the organisation (not destroyed), the first registered when an import holds two. */
async function clientIdByBsn(tx: Tx, organisationId: string, bsn: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.organisationId, organisationId), eq(clients.bsn, bsn), isNull(clients.destroyedAt)))
    .orderBy(asc(clients.createdAt), asc(clients.id))
    .limit(1);
  return row?.id ?? null;
}

// ---- 305 start, 307 stop -----------------------------------------------------------------

type ProvisionRow = typeof provisions.$inferSelect;
const PROVISION_CONFLICT = 'De toewijzing is intussen gewijzigd.';

async function handleDelivery(context: FileContext, message: Inbound305 | Inbound307): Promise<{ clientId: string | null; recordErrors: RecordError[]; applied: string }> {
  const { tx, organisationId } = context;
  const numbers = [...new Set(message.records.map((r) => r.assignmentNumber).filter((n): n is number => n !== null))];
  const rows = numbers.length
    ? await tx
        .select({ provision: provisions, bsn: clients.bsn })
        .from(provisions)
        .innerJoin(clients, and(eq(clients.organisationId, provisions.organisationId), eq(clients.id, provisions.clientId)))
        .where(and(eq(provisions.organisationId, organisationId), inArray(provisions.assignmentNumber, numbers), isNotNull(provisions.decisionId)))
        .for('update', { of: provisions })
    : [];
  const roots = new Map(rows.map((r) => [r.provision.assignmentNumber!, r.provision]));
  const targets = new Map<number, DeliveryTarget>(
    rows.map(({ provision, bsn }) => [
      provision.assignmentNumber!,
      { assignmentNumber: provision.assignmentNumber!, providerAgb: provision.providerAgb, bsn, voided: provision.voided, delivery: deliveryOf(provision) },
    ]),
  );
  const sender = { providerAgb: message.header.providerAgb, bsn: message.client.bsn };
  const outcome = message.kind === '305' ? judgeStarts(message.records, targets, sender) : judgeStops(message.records, targets, sender);
  const linked = rows.find((r) => r.provision.providerAgb === sender.providerAgb && r.bsn === sender.bsn)?.provision;
  const clientId = linked?.clientId ?? (await clientIdByBsn(tx, organisationId, message.client.bsn));
  if (outcome.errors.length > 0) return { clientId, recordErrors: outcome.errors, applied: '' };

  let changed = 0;
  for (const [number, next] of outcome.changed) {
    const root = roots.get(number)!;
    if (sameDelivery(deliveryOf(root), next)) continue;
    await recordDelivery(tx, context.actor, root, next);
    changed++;
  }
  const what = message.kind === '305' ? 'start' : 'stop';
  return { clientId, recordErrors: [], applied: `${message.records.length} ${what}${message.records.length === 1 ? '' : 's'} van de levering vastgelegd bij ${changed} ${changed === 1 ? 'toewijzing' : 'toewijzingen'}` };
}

const deliveryOf = (row: ProvisionRow): Delivery => ({ startedOn: row.deliveryStartedOn, endedOn: row.deliveryEndedOn, endReason: row.deliveryEndReason });
const sameDelivery = (a: Delivery, b: Delivery) => a.startedOn === b.startedOn && a.endedOn === b.endedOn && a.endReason === b.endReason;

/**
 * The delivery on the chain's first link (the one with the ToewijzingNummer), versioned and logged.
 * What the provider reports is no news to them: a link that was up to date with the last 301 stays so.
 */
async function recordDelivery(tx: Tx, actor: AuditActor, root: ProvisionRow, next: Delivery): Promise<void> {
  const fields = { deliveryStartedOn: next.startedOn, deliveryEndedOn: next.endedOn, deliveryEndReason: next.endReason };
  await changeVersioned(tx, actor, {
    table: provisions,
    // Locked above (FOR UPDATE), in this transaction.
    find: async () => root,
    notFound: 'Toewijzing niet gevonden',
    version: root.version,
    conflict: PROVISION_CONFLICT,
    decide: () => ({ set: { ...fields, sentVersion: root.sentVersion === root.version ? root.version + 1 : root.sentVersion } }),
    audit: (before) => ({ entityType: 'provision', entityId: before.id, clientId: before.clientId, changes: diff<Record<string, unknown>>(before, fields) }),
  });
}

// ---- 315 verzoek om toewijzing --------------------------------------------------------------

async function handle315(context: FileContext, message: Inbound315): Promise<{ clientId: string | null; recordErrors: RecordError[]; applied: string }> {
  const { tx, organisationId, today, codeLists } = context;
  const providerAgb = message.header.providerAgb;
  // The client's most recent open case, else the most recent one: the request waits there for the lead worker.
  const [found] = await tx
    .select({ clientId: clients.id, caseId: cases.id })
    .from(clients)
    .innerJoin(caseClients, and(eq(caseClients.organisationId, clients.organisationId), eq(caseClients.clientId, clients.id)))
    .innerJoin(cases, and(eq(cases.organisationId, caseClients.organisationId), eq(cases.id, caseClients.caseId)))
    .where(and(eq(clients.organisationId, organisationId), eq(clients.bsn, message.client.bsn), isNull(clients.destroyedAt)))
    .orderBy(sql`${cases.status} = 'closed'`, desc(cases.registeredOn), desc(cases.createdAt), asc(cases.id))
    .limit(1);

  const references = message.records.map((r) => r.providerReference);
  const taken = new Set(
    (
      await tx
        .select({ reference: provisionRequests.providerReference })
        .from(provisionRequests)
        .where(and(eq(provisionRequests.organisationId, organisationId), eq(provisionRequests.providerAgb, providerAgb), inArray(provisionRequests.providerReference, references)))
    ).map((r) => r.reference),
  );
  const recordErrors: RecordError[] = [];
  const inMessage = new Set<string>();
  message.records.forEach((record, index) => {
    const codes: RetourCode[] = [];
    // No client of ours with this BSN and a case: WJ001 has no code of its own; 8187 (TR304) says the person does not match.
    if (!found) codes.push('8187');
    // TR347: unique per provider; TR383: unique in the message.
    if (taken.has(record.providerReference) || inMessage.has(record.providerReference)) codes.push('9347');
    inMessage.add(record.providerReference);
    if (codes.length > 0) recordErrors.push({ index, codes });
  });
  const clientId = found?.clientId ?? (await clientIdByBsn(tx, organisationId, message.client.bsn));
  if (recordErrors.length > 0) return { clientId, recordErrors, applied: '' };

  const client = found!;
  const requestedOn = message.header.messageDate < today ? message.header.messageDate : today;
  const providerName = [...codeLists.providers.values()].find((p) => p.externalCode === providerAgb)?.label ?? null;
  for (const record of message.records) {
    const category = record.product ? ([...codeLists.categories.values()].find((c) => c.externalCode === record.product!.category)?.code ?? null) : null;
    const values = {
      requestedOn,
      asked: providerRequestText(record, { providerName, providerAgb, productLabel: productLabel(record.product, codeLists), clientComment: message.client.comment }),
      category,
      requestedBy: 'aanbieder' as const,
      providerAgb,
      providerReference: record.providerReference,
    };
    const [created] = await tx
      .insert(provisionRequests)
      .values({ organisationId, caseId: client.caseId, clientId: client.clientId, ...values, createdBy: null })
      .returning({ id: provisionRequests.id });
    await writeAudit(tx, context.actor, { action: 'create', entityType: 'provision_request', entityId: created!.id, clientId: client.clientId, changes: { to: { caseId: client.caseId, ...values } } });
  }
  const n = message.records.length;
  return { clientId, recordErrors: [], applied: `${n} ${n === 1 ? 'verzoek' : 'verzoeken'} om toewijzing als aanvraag op de casus van de cliënt gezet` };
}

function productLabel(product: Inbound315['records'][number]['product'], codeLists: IwmoCodeLists): string | null {
  if (!product) return null;
  if (product.code) {
    const own = [...codeLists.products.values()].find((p) => p.externalCode === product.code);
    if (own) return own.label;
  }
  return [...codeLists.categories.values()].find((c) => c.externalCode === product.category)?.label ?? null;
}

// ---- 302 retour on our 301 ----------------------------------------------------------------

async function handle302(context: FileContext, message: Inbound302): Promise<Decided> {
  const { tx, organisationId } = context;
  const { header } = message;
  const [sent] = await tx
    .select()
    .from(iwmoMessages)
    .where(
      and(
        eq(iwmoMessages.organisationId, organisationId),
        eq(iwmoMessages.direction, 'out'),
        eq(iwmoMessages.kind, '301'),
        eq(iwmoMessages.messageId, header.messageId),
        eq(iwmoMessages.providerAgb, header.providerAgb),
      ),
    );
  if (!sent) {
    return refuseFile(
      context,
      new IwmoFileError(context.name, 'Bericht/Header/BerichtIdentificatie/Identificatie', `er is geen WMO301 met identificatie ${header.messageId} aan aanbieder ${header.providerAgb} verstuurd`),
      Buffer.from(message.source, 'utf8'),
    );
  }
  const codes: IwmoRetourCodes = {
    header: [...message.headerCodes],
    client: message.client ? [...message.client.codes] : [],
    assignments: message.assignments.map((a) => ({ assignmentNumber: a.assignmentNumber, codes: [...a.codes] })),
    other: message.otherClasses.map((o) => ({ element: o.element, codes: [...o.codes] })),
    accepted: message.accepted,
  };
  await tx
    .update(iwmoMessages)
    .set({ retourCodes: codes })
    .where(and(eq(iwmoMessages.organisationId, organisationId), eq(iwmoMessages.id, sent.id)));
  if (!message.accepted) await sendAgain(tx, organisationId, sent);
  const id = await insertMessage(tx, organisationId, {
    direction: 'in',
    kind: '302',
    messageId: message.retourId,
    messageDate: message.retourDate,
    providerAgb: header.providerAgb,
    clientId: sent.clientId,
    fileName: context.name,
    contentSha256: context.sha256,
    outcome: 'verwerkt',
    retourCodes: codes,
    replyToId: sent.id,
  });
  await writeAudit(tx, context.actor, {
    action: 'import',
    entityType: 'iwmo_message',
    entityId: id,
    clientId: sent.clientId,
    changes: { kind: '302', messageId: message.retourId, providerAgb: header.providerAgb, file: context.name, answers: header.messageId, accepted: message.accepted },
  });
  const rejecting = errorCodes(codes);
  return {
    kind: '302',
    status: 'verwerkt',
    repeated: false,
    retour: null,
    source: null,
    retourCodes: rejecting,
    summary: message.accepted
      ? `retour op WMO301 ${header.messageId}: geaccepteerd`
      : `retour op WMO301 ${header.messageId}: afgewezen (${rejecting.map(describeCode).join('; ')}); de toewijzingen gaan bij de volgende uitvoer opnieuw mee`,
    error: null,
  };
}

/**
 * A 302 with error codes rejects the whole 301 (IV032, OP286: it counts as not sent): the links of
 * its toewijzingen are marked to go again (sentVersion 0, "sent but refused"), so the next outbox
 * run sends them in a new 301 with a new identification.
 */
async function sendAgain(tx: Tx, organisationId: string, sent: typeof iwmoMessages.$inferSelect): Promise<void> {
  if (!sent.clientId || !sent.providerAgb || !sent.assignmentNumbers?.length) return;
  const rows = await tx
    .select()
    .from(provisions)
    .where(and(eq(provisions.organisationId, organisationId), eq(provisions.clientId, sent.clientId), eq(provisions.providerAgb, sent.providerAgb)));
  const numbers = new Set(sent.assignmentNumbers);
  const ids = buildChains(rows)
    .filter((c) => c.root.assignmentNumber !== null && numbers.has(c.root.assignmentNumber))
    .flatMap((c) => c.links)
    .filter((l) => l.sentVersion !== null)
    .map((l) => l.id);
  if (ids.length === 0) return;
  await tx
    .update(provisions)
    .set({ sentVersion: 0 })
    .where(and(eq(provisions.organisationId, organisationId), inArray(provisions.id, ids)));
}
