// The outbox: one WMO301 per client and provider for every toewijzing (zorg in natura, on a
// beschikking) that is new, changed, extended, ended or voided since the 301 that last carried it
// (docs/iwmo.md §5.1–§5.2, OP087). Each 301 holds all of that client's current toewijzingen for the
// provider plus the changed ones; a chain of a toewijzing and its extensions is one ToegewezenProduct
// (iwmo-chains.ts). Run from the command line (`iwmo outbox DIR`); the actor is the command line.
//
// One transaction per message, under the organisation's iWmo lock: the group is read again, the
// file written in place (atomically), then the message registered, its links marked sent and the
// export logged, and committed. A second run finds nothing changed and writes nothing.
//
// The command line runs it as itself; the beheerder's screen (iwmo-screen.service.ts) as the
// beheerder, and shows of what was not sent only the `cause`, which names no client.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/database';
import { clients, iwmoMessages, provisions } from '../../../db/schema';
import { writeAudit, type AuditActor } from '../../../audit/audit.writer';
import { todayInNetherlands } from '../../../lib/dates';
import { build301, type Assignment301 } from '../iwmo/build-301';
import { IwmoInputError } from '../iwmo/iwmo-errors';
import type { Frequency, ProductCategory, Unit } from '../iwmo/iwmo-codes';
import { validateWithXsd } from '../iwmo/validate-xsd';
import { buildChains, chainAssignment, chainChanged, dateAndTimeInNetherlands, isCurrent, type Chain } from './iwmo-chains';
import { client301 } from './iwmo-client';
import { writeFileAtomic } from './iwmo-files';
import { identificationOf, insertMessage, iwmoCodeLists, lockIwmo, nextSequence, type IwmoCodeLists } from './iwmo-messages.repo';

export interface OutboxOptions {
  /** Afzender: the CBS gemeentecode, 4 digits (config KEUKENTAFEL_GEMEENTECODE). */
  gemeentecode: string;
  /** A folder with the official XSDs (config KEUKENTAFEL_IWMO_XSD_DIR): each 301 is validated before it is written. */
  xsdDir?: string;
  /** The moment of the run (Dagtekening, what is current); now by default. */
  now?: Date;
  /** Who runs it, for the access log: the beheerder on the screen; the command line by default. */
  actor?: AuditActor;
}

export interface OutboxWritten {
  file: string;
  /** The provider's name and AGB code. */
  provider: string;
  providerAgb: string;
  clientId: string;
  messageId: string;
  /** The ToewijzingNummers in the message. */
  assignments: number[];
}

export interface OutboxSkipped {
  /** Dutch: whose toewijzingen, to which provider, and why they were not sent. */
  reason: string;
  /**
   * Dutch: why, without naming the client or quoting their data ("van de cliënt ontbreekt een
   * geldig BSN"), for a screen whose user sees no client data. The builder's and the XSD's details
   * are left out: they may quote a value of the client.
   */
  cause: string;
  clientId: string;
  provider: string;
}

export interface OutboxResult {
  written: OutboxWritten[];
  skipped: OutboxSkipped[];
}

type ProvisionRow = typeof provisions.$inferSelect;

const COMMAND_LINE = (organisationId: string): AuditActor => ({ organisationId, userId: null });

/** The links that may go out in a 301: zorg in natura on a beschikking (a pgb is paid by the SVB and never sent). */
const sendable = (organisationId: string) =>
  and(eq(provisions.organisationId, organisationId), eq(provisions.deliveryForm, 'zin'), isNotNull(provisions.decisionId));

export async function writeOutbox(db: Db, organisationId: string, dir: string, options: OutboxOptions): Promise<OutboxResult> {
  if (!/^\d{4}$/.test(options.gemeentecode)) throw new Error(`de gemeentecode moet 4 cijfers zijn, niet "${options.gemeentecode}"`);
  const now = options.now ?? new Date();
  const actor = options.actor ?? COMMAND_LINE(organisationId);
  const result: OutboxResult = { written: [], skipped: [] };
  // A first look without the lock: which client and provider have a link that changed since it was sent.
  const groups = await db
    .selectDistinct({ clientId: provisions.clientId, providerAgb: provisions.providerAgb, provider: provisions.provider })
    .from(provisions)
    .where(and(sendable(organisationId), sql`${provisions.sentVersion} is distinct from ${provisions.version}`))
    .orderBy(asc(provisions.clientId), asc(provisions.providerAgb), asc(provisions.provider));
  if (groups.length === 0) return result;
  const codeLists = await iwmoCodeLists(db, organisationId);
  const names = await clientNames(db, organisationId, [...new Set(groups.map((g) => g.clientId))]);

  const seen = new Set<string>();
  for (const group of groups) {
    // A destroyed client's name is blank (retention): the id still lets the worker find the case.
    const name = names.get(group.clientId) || `cliënt ${group.clientId}`;
    if (group.providerAgb === null) {
      result.skipped.push({
        clientId: group.clientId,
        provider: group.provider,
        reason: `${name}: de toewijzingen aan ${group.provider} zijn niet verstuurd, want deze aanbieder heeft geen AGB-code in de codelijst (providers). Vul de AGB-code in; bij een volgende uitvoer gaan ze alsnog mee.`,
        cause: 'de aanbieder heeft geen AGB-code in de codelijst (providers)',
      });
      continue;
    }
    const key = `${group.clientId} ${group.providerAgb}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const outcome = await db.transaction((tx) => sendGroup(tx, organisationId, dir, { ...options, now, actor }, codeLists, group.clientId, group.providerAgb!));
    if (!outcome) continue;
    if ('problem' in outcome) {
      result.skipped.push({
        clientId: group.clientId,
        provider: outcome.provider,
        reason: `${name}: de toewijzingen ${outcome.numbers.join(', ')} aan ${outcome.provider} zijn niet verstuurd, want ${outcome.problem}. Vul dit aan; bij een volgende uitvoer gaan ze alsnog mee.`,
        cause: outcome.cause,
      });
    } else result.written.push(outcome);
  }
  return result;
}

async function clientNames(db: Db, organisationId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: clients.id, name: sql<string>`trim(${clients.firstName} || ' ' || ${clients.lastName})` })
    .from(clients)
    .where(and(eq(clients.organisationId, organisationId), inArray(clients.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type GroupOutcome = OutboxWritten | { problem: string; cause: string; provider: string; numbers: number[] } | null;

/** One client and one provider, in the caller's transaction: the 301 written and registered, or why not; null when nothing is left to send. */
async function sendGroup(tx: Tx, organisationId: string, dir: string, options: OutboxOptions & { now: Date; actor: AuditActor }, codeLists: IwmoCodeLists, clientId: string, providerAgb: string): Promise<GroupOutcome> {
  await lockIwmo(tx, organisationId);
  const today = todayInNetherlands(options.now);
  const rows = await tx
    .select()
    .from(provisions)
    .where(and(sendable(organisationId), eq(provisions.clientId, clientId), eq(provisions.providerAgb, providerAgb)))
    .orderBy(asc(provisions.startOn), asc(provisions.createdAt), asc(provisions.id));
  const chains = buildChains(rows).filter((c) => c.root.assignmentNumber !== null);
  const changed = chains.filter(chainChanged);
  // Another run sent it meanwhile.
  if (changed.length === 0) return null;

  // A toewijzing voided before any 301 carried it is news to no one: it is marked, not sent.
  const known = await numbersSentBefore(tx, organisationId, clientId, providerAgb);
  const unknownVoided = changed.filter((c) => c.root.voided && !known.has(c.root.assignmentNumber!));
  const toSend = chains.filter((c) => !unknownVoided.includes(c) && (changed.includes(c) || isCurrent(chainAssignment(c), today)));
  if (!changed.some((c) => toSend.includes(c))) {
    await markSent(tx, organisationId, unknownVoided);
    return null;
  }
  toSend.sort((a, b) => a.root.assignmentNumber! - b.root.assignmentNumber!);
  const numbers = toSend.map((c) => c.root.assignmentNumber!);
  const provider = codeLists.providers.get(toSend[0]!.root.provider)?.label ?? toSend[0]!.root.provider;
  /** `cause`: the problem without the client's data, where `problem` might hold them. */
  const refuse = (problem: string, cause = problem) => ({ problem, cause, provider, numbers });

  const [clientRow] = await tx.select().from(clients).where(and(eq(clients.organisationId, organisationId), eq(clients.id, clientId)));
  const client = client301(clientRow!);
  if (!client.ok) return refuse(client.problem);
  const assignments: Assignment301[] = [];
  for (const chain of toSend) {
    const assignment = assignment301(chain, codeLists);
    if ('problem' in assignment) return refuse(assignment.problem, assignment.cause);
    assignments.push(assignment);
  }

  const sequence = await nextSequence(tx, organisationId, '301');
  const messageId = identificationOf(sequence);
  let xml: string;
  try {
    xml = build301({ header: { municipalityCode: options.gemeentecode, providerAgb, messageId, messageDate: today }, client: client.client, assignments });
  } catch (error) {
    if (error instanceof IwmoInputError) return refuse(`het bericht voldoet niet aan iWmo: ${error.problems.map((p) => `${p.element}: ${p.message}`).join('; ')}`, 'het bericht voldoet niet aan iWmo');
    throw error;
  }
  if (options.xsdDir) {
    const problems = await validateWithXsd('301', xml, options.xsdDir);
    if (problems.length > 0) {
      return refuse(`het bericht voldoet niet aan het XSD (${problems.map((p) => (p.line === null ? p.message : `regel ${p.line}: ${p.message}`)).join('; ')})`, 'het bericht voldoet niet aan het XSD');
    }
  }
  const file = `WMO301_${options.gemeentecode}_${providerAgb}_${messageId}.xml`;
  await writeFileAtomic(dir, file, xml);

  const id = await insertMessage(tx, organisationId, {
    direction: 'out',
    kind: '301',
    messageId,
    messageDate: today,
    sequence,
    providerAgb,
    clientId,
    fileName: file,
    outcome: 'geschreven',
    assignmentNumbers: numbers,
  });
  await markSent(tx, organisationId, [...toSend, ...unknownVoided]);
  await writeAudit(tx, options.actor, {
    action: 'export',
    entityType: 'iwmo_message',
    entityId: id,
    clientId,
    changes: { kind: '301', messageId, providerAgb, file, assignments: numbers },
  });
  return { file, provider, providerAgb, clientId, messageId, assignments: numbers };
}

/** The ToewijzingNummers that a 301 to this provider about this client carried before. */
async function numbersSentBefore(tx: Tx, organisationId: string, clientId: string, providerAgb: string): Promise<Set<number>> {
  const rows = await tx
    .select({ numbers: iwmoMessages.assignmentNumbers })
    .from(iwmoMessages)
    .where(
      and(
        eq(iwmoMessages.organisationId, organisationId),
        eq(iwmoMessages.direction, 'out'),
        eq(iwmoMessages.kind, '301'),
        eq(iwmoMessages.clientId, clientId),
        eq(iwmoMessages.providerAgb, providerAgb),
      ),
    );
  return new Set(rows.flatMap((r) => r.numbers ?? []));
}

/** The version each link had when it was read is the one sent: a link changed since stays changed. Bookkeeping, so `version` stays. */
async function markSent(tx: Tx, organisationId: string, chains: readonly Chain<ProvisionRow>[]): Promise<void> {
  for (const link of chains.flatMap((c) => c.links)) {
    if (link.sentVersion === link.version) continue;
    await tx
      .update(provisions)
      .set({ sentVersion: link.version })
      .where(and(eq(provisions.organisationId, organisationId), eq(provisions.id, link.id)));
  }
}

/** One chain as a ToegewezenProduct, with the iWmo codes of its category and product. */
function assignment301(chain: Chain<ProvisionRow>, codeLists: IwmoCodeLists): Assignment301 | { problem: string; cause: string } {
  const { root } = chain;
  const category = codeLists.categories.get(root.category);
  if (!category?.externalCode) {
    const problem = `de soort voorziening "${category?.label ?? root.category}" heeft geen iWmo-productcategorie in de codelijst`;
    return { problem, cause: problem };
  }
  const productCode = codeLists.products.get(root.product)?.externalCode ?? null;
  if (root.volume === null || root.unit === null || root.frequency === null) return { problem: `toewijzing ${root.assignmentNumber} heeft geen volledige omvang`, cause: 'een toewijzing heeft geen volledige omvang' };
  const state = chainAssignment(chain);
  const decided = dateAndTimeInNetherlands(state.decidedAt);
  return {
    assignmentNumber: state.assignmentNumber,
    // Aspecific when the product has no iWmo code: the category alone (IV075).
    product: { category: category.externalCode as ProductCategory, code: productCode },
    assignedOn: decided.date,
    assignedAt: decided.time,
    startOn: state.startOn,
    endOn: state.endOn,
    changeReason: state.changeReason,
    omvang: { volume: root.volume, unit: root.unit as Unit, frequency: root.frequency as Frequency },
  };
}
