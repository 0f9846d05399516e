// Maatwerk on a case: the requests of the household's clients with their onderzoek and beschikking,
// and the toewijzingen (provisions) with their extensions, ends and voids. Every step locks what it
// changes in the actor's write scope, checks the version the user read (changeVersioned), follows
// the rules of maatwerk-rules.ts and is logged about the client it concerns.
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, inArray, isNull, max, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../db/database';
import { caseClients, cases, clients, codes, organisations, provisionDecisions, provisionRequests, provisions, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope, mayWrite } from '../../access/access.policy';
import { writeAudit, writeCaseAudit } from '../../audit/audit.writer';
import { changeVersioned } from '../../db/versioned-change';
import { addDays, todayInNetherlands } from '../../lib/dates';
import { Conflict, Invalid, NotFound, type FieldProblem } from '../../lib/errors';
import { shownLastName } from '../retention/destroyed-client';
import { findReadableCase } from '../cases/cases.repo';
import { decisionDueOn, objectionUntil, researchDueOn, runningTerm, termState, type TermKind, type TermState } from './legal-terms';
import { budgetText, CHANGE_REASON_LABELS, EXTENSION_REASON, omvangText, PGB_CATEGORY, VOID_REASON, type ChangeReason } from './maatwerk-codes';
import type { DecisionLetter } from './decision-letter';
import type { MunicipalityConfig } from '../../config';
import { assignmentProblems, decisionProblems, endProblems, extensionProblems, requestProblems, researchProblems, voidProblems, withdrawalProblems, type ChainLink } from './maatwerk-rules';
import type {
  CaseMaatwerk,
  Provision,
  ProvisionRequest,
  assignmentFields,
  decisionFields,
  endFields,
  extensionFields,
  requestFields,
  researchFields,
  voidFields,
  withdrawalFields,
} from './maatwerk.schemas';

type RequestRow = typeof provisionRequests.$inferSelect;
type ProvisionRow = typeof provisions.$inferSelect;

const CASE_NOT_FOUND = 'Casus niet gevonden';
const REQUEST_NOT_FOUND = 'Aanvraag niet gevonden';
const PROVISION_NOT_FOUND = 'Toewijzing niet gevonden';
const REQUEST_CONFLICT = 'Iemand anders heeft deze aanvraag intussen gewijzigd. Laad de pagina opnieuw.';
const PROVISION_CONFLICT = 'Iemand anders heeft deze toewijzing intussen gewijzigd. Laad de pagina opnieuw.';
/** iWmo: a decision number and a ToewijzingNummer have at most 9 digits. */
const MAX_NUMBER = 999_999_999;

const creator = alias(users, 'creator');
const decider = alias(users, 'decider');
const clientName = sql<string>`trim(${clients.firstName} || ' ' || ${shownLastName(clients)})`;

// ---------------------------------------------------------------------------------------------
// Reading

/** A provision as a link of its chain: whether a later link extends it. */
function chainLinks(rows: ProvisionRow[]): Map<string, { extended: boolean; assignmentNumber: number | null }> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const extended = new Set(rows.filter((r) => r.extendsProvisionId && !r.voided).map((r) => r.extendsProvisionId!));
  const rootNumber = (row: ProvisionRow): number | null => {
    let link: ProvisionRow | undefined = row;
    for (let hops = 0; link && hops < rows.length; hops++) {
      if (link.assignmentNumber !== null || !link.extendsProvisionId) return link.assignmentNumber;
      link = byId.get(link.extendsProvisionId);
    }
    return null;
  };
  return new Map(rows.map((r) => [r.id, { extended: extended.has(r.id), assignmentNumber: rootNumber(r) }]));
}

function toProvision(row: ProvisionRow, name: string, chain: { extended: boolean; assignmentNumber: number | null }): Provision {
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: name,
    decisionId: row.decisionId,
    category: row.category,
    product: row.product,
    provider: row.provider,
    providerAgb: row.providerAgb,
    deliveryForm: row.deliveryForm,
    startOn: row.startOn,
    endOn: row.endOn,
    volume: row.volume,
    unit: row.unit,
    frequency: row.frequency,
    budgetCents: row.budgetCents,
    assignmentNumber: chain.assignmentNumber,
    extendsProvisionId: row.extendsProvisionId,
    changeReason: row.changeReason as ChangeReason | null,
    endReason: row.endReason,
    voided: row.voided,
    voidReason: row.voidReason,
    deliveryStartedOn: row.deliveryStartedOn,
    deliveryEndedOn: row.deliveryEndedOn,
    deliveryEndReason: row.deliveryEndReason,
    extended: chain.extended,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

function toRequest(
  row: RequestRow,
  names: { clientName: string; createdByName: string | null },
  decision: (typeof provisionDecisions.$inferSelect & { decidedByName: string | null }) | null,
  today: string,
): ProvisionRequest {
  const research = researchDueOn(row.requestedOn);
  const decisionDue = row.researchReportedOn ? decisionDueOn(row.researchReportedOn) : null;
  // A withdrawn request has no term running any more: it counts as met on the day it was withdrawn.
  const closedOn = row.status === 'ingetrokken' ? row.updatedAt.toISOString().slice(0, 10) : null;
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: names.clientName,
    requestedOn: row.requestedOn,
    asked: row.asked,
    category: row.category,
    requestedBy: row.requestedBy,
    providerAgb: row.providerAgb,
    researchReportedOn: row.researchReportedOn,
    researchReport: row.researchReport,
    status: row.status,
    withdrawnReason: row.withdrawnReason,
    createdByName: names.createdByName,
    researchTerm: { dueOn: research, state: termState(research, row.researchReportedOn ?? closedOn, today) },
    decisionTerm: decisionDue ? { dueOn: decisionDue, state: termState(decisionDue, decision?.decidedOn ?? closedOn, today) } : null,
    decision: decision
      ? {
          id: decision.id,
          decisionNumber: decision.decisionNumber,
          decidedOn: decision.decidedOn,
          outcome: decision.outcome,
          reasons: decision.reasons,
          decidedByName: decision.decidedByName,
          objectionUntil: objectionUntil(decision.decidedOn),
        }
      : null,
    version: row.version,
  };
}

/** The case's maatwerk as stored, without access checks or logging (the callers did both). */
async function loadMaatwerk(db: DbOrTx, organisationId: string, caseId: string, writable: boolean): Promise<CaseMaatwerk> {
  const today = todayInNetherlands();
  const household = await db
    .select({ id: clients.id, name: clientName })
    .from(caseClients)
    .innerJoin(clients, and(eq(clients.organisationId, caseClients.organisationId), eq(clients.id, caseClients.clientId)))
    .where(and(eq(caseClients.organisationId, organisationId), eq(caseClients.caseId, caseId)))
    .orderBy(sql`${caseClients.role} = 'hoofdclient' desc`, asc(clients.firstName), asc(clients.id));
  const names = new Map(household.map((c) => [c.id, c.name]));
  const requestRows = await db
    .select({ request: provisionRequests, decision: provisionDecisions, clientName, createdByName: creator.name, decidedByName: decider.name })
    .from(provisionRequests)
    .innerJoin(clients, and(eq(clients.organisationId, provisionRequests.organisationId), eq(clients.id, provisionRequests.clientId)))
    .leftJoin(provisionDecisions, and(eq(provisionDecisions.organisationId, provisionRequests.organisationId), eq(provisionDecisions.requestId, provisionRequests.id)))
    .leftJoin(creator, and(eq(creator.organisationId, provisionRequests.organisationId), eq(creator.id, provisionRequests.createdBy)))
    .leftJoin(decider, and(eq(decider.organisationId, provisionDecisions.organisationId), eq(decider.id, provisionDecisions.decidedBy)))
    .where(and(eq(provisionRequests.organisationId, organisationId), eq(provisionRequests.caseId, caseId)))
    .orderBy(sql`${provisionRequests.requestedOn} desc`, sql`${provisionRequests.createdAt} desc`, asc(provisionRequests.id));
  const provisionRows = await db
    .select()
    .from(provisions)
    .where(and(eq(provisions.organisationId, organisationId), eq(provisions.caseId, caseId)))
    .orderBy(asc(provisions.startOn), asc(provisions.createdAt), asc(provisions.id));
  const chains = chainLinks(provisionRows);
  return {
    caseId,
    mayWrite: writable,
    clients: household,
    requests: requestRows.map((r) =>
      toRequest(r.request, { clientName: r.clientName, createdByName: r.createdByName }, r.decision ? { ...r.decision, decidedByName: r.decidedByName } : null, today),
    ),
    provisions: provisionRows.map((r) => toProvision(r, names.get(r.clientId) ?? '', chains.get(r.id)!)),
  };
}

export async function getCaseMaatwerk(db: Db, actor: Actor, caseId: string): Promise<CaseMaatwerk> {
  const found = await findReadableCase(db, actor, caseId);
  if (!found) throw new NotFound(CASE_NOT_FOUND);
  const result = await loadMaatwerk(db, actor.organisationId, caseId, mayWrite(actor, 'cases:write', found.inWriteScope));
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'maatwerk', entityId: caseId });
  return result;
}

/** The answer after a change: the whole of the case's maatwerk, in the same transaction. */
const afterChange = (tx: Tx, actor: Actor, caseId: string) => loadMaatwerk(tx, actor.organisationId, caseId, true);

// ---------------------------------------------------------------------------------------------
// Locks

/** The case in the actor's write scope, locked; a new request needs it open. */
async function lockCase(tx: Tx, actor: Actor, caseId: string) {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.organisationId, actor.organisationId), eq(cases.id, caseId), caseScope(actor, 'write')))
    .for('update', { of: cases });
  if (!row) throw new NotFound(CASE_NOT_FOUND);
  return row;
}

/** A request of a case in the actor's write scope, locked. */
async function lockRequest(tx: Tx, actor: Actor, requestId: string): Promise<RequestRow | undefined> {
  const [found] = await tx
    .select({ request: provisionRequests })
    .from(provisionRequests)
    .innerJoin(cases, and(eq(cases.organisationId, provisionRequests.organisationId), eq(cases.id, provisionRequests.caseId)))
    .where(and(eq(provisionRequests.organisationId, actor.organisationId), eq(provisionRequests.id, requestId), caseScope(actor, 'write')))
    .for('update', { of: provisionRequests });
  return found?.request;
}

type LockedProvision = ProvisionRow & { extended: boolean };

/** A provision of a case in the actor's write scope, locked, with whether a later link extends it. */
async function lockProvision(tx: Tx, actor: Actor, provisionId: string): Promise<LockedProvision | undefined> {
  const [found] = await tx
    .select({ provision: provisions })
    .from(provisions)
    .innerJoin(cases, and(eq(cases.organisationId, provisions.organisationId), eq(cases.id, provisions.caseId)))
    .where(and(eq(provisions.organisationId, actor.organisationId), eq(provisions.id, provisionId), caseScope(actor, 'write')))
    .for('update', { of: provisions });
  if (!found) return undefined;
  // Read after the lock: an extension made by someone who held it is seen.
  const [later] = await tx
    .select({ id: provisions.id })
    .from(provisions)
    .where(and(eq(provisions.organisationId, actor.organisationId), eq(provisions.extendsProvisionId, provisionId), eq(provisions.voided, false)))
    .limit(1);
  return { ...found.provision, extended: !!later };
}

const asLink = (row: LockedProvision): ChainLink => ({ startOn: row.startOn, endOn: row.endOn, voided: row.voided, endReason: row.endReason, extended: row.extended });

function refuse(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new Invalid(problems, problems[0]!.message);
}

/**
 * The next number of a series kept in the organisation (decision numbers, ToewijzingNummers): the
 * organisation's row is locked (FOR NO KEY UPDATE: the inserts that refer to it go on) so two
 * decisions never draw the same number.
 */
async function nextNumber(tx: Tx, organisationId: string, column: typeof provisionDecisions.decisionNumber | typeof provisions.assignmentNumber, table: typeof provisionDecisions | typeof provisions) {
  await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for('no key update');
  const [row] = await tx
    .select({ last: max(column) })
    .from(table)
    .where(eq(table.organisationId, organisationId));
  const next = (row?.last ?? 0) + 1;
  if (next > MAX_NUMBER) throw new Conflict('De nummers van negen cijfers zijn op. Neem contact op met de beheerder.');
  return next;
}

// ---------------------------------------------------------------------------------------------
// Requests

export async function createRequest(db: Db, actor: Actor, caseId: string, input: z.output<typeof requestFields>): Promise<CaseMaatwerk> {
  return db.transaction(async (tx) => {
    // Also on a closed case: the team may close while the procedure for a provision still runs.
    await lockCase(tx, actor, caseId);
    const problems = requestProblems(input.requestedOn, todayInNetherlands());
    const [member] = await tx
      .select({ clientId: caseClients.clientId })
      .from(caseClients)
      .where(and(eq(caseClients.organisationId, actor.organisationId), eq(caseClients.caseId, caseId), eq(caseClients.clientId, input.clientId)));
    if (!member) problems.push({ path: 'clientId', message: 'Kies iemand uit het huishouden van deze casus' });
    if (input.category && !(await isCode(tx, actor.organisationId, 'provision_categories', input.category))) problems.push({ path: 'category', message: 'Kies een soort voorziening uit de lijst' });
    refuse(problems);
    const values = { requestedOn: input.requestedOn, asked: input.asked, category: input.category ?? null, requestedBy: input.requestedBy };
    const [created] = await tx
      .insert(provisionRequests)
      .values({ organisationId: actor.organisationId, caseId, clientId: input.clientId, ...values, createdBy: actor.userId })
      .returning({ id: provisionRequests.id });
    await writeAudit(tx, actor, { action: 'create', entityType: 'provision_request', entityId: created!.id, clientId: input.clientId, changes: { to: { caseId, ...values } } });
    return afterChange(tx, actor, caseId);
  });
}

async function isCode(db: DbOrTx, organisationId: string, list: string, code: string, parentCode?: string): Promise<{ externalCode: string | null; label: string } | null> {
  const [row] = await db
    .select({ externalCode: codes.externalCode, label: codes.label, parentCode: codes.parentCode })
    .from(codes)
    .where(and(eq(codes.organisationId, organisationId), eq(codes.list, list), eq(codes.code, code), eq(codes.active, true)));
  if (!row || (parentCode !== undefined && row.parentCode !== parentCode)) return null;
  return row;
}

/** One change of a request's own row, with its rule; answers the case's maatwerk. */
async function changeRequest(
  db: Db,
  actor: Actor,
  requestId: string,
  version: number,
  decide: (before: RequestRow, tx: Tx) => Promise<{ set: Partial<RequestRow>; audit?: { entityType: 'provision_decision'; entityId: string; changes: unknown } }>,
): Promise<CaseMaatwerk> {
  return db.transaction(async (tx) => {
    const { before } = await changeVersioned(tx, actor, {
      table: provisionRequests,
      find: () => lockRequest(tx, actor, requestId),
      notFound: REQUEST_NOT_FOUND,
      version,
      conflict: REQUEST_CONFLICT,
      decide: (row) => decide(row, tx),
      audit: (row, decision) =>
        decision.audit
          ? { action: 'create', entityType: decision.audit.entityType, entityId: decision.audit.entityId, changes: decision.audit.changes as Record<string, unknown>, clientId: row.clientId }
          : { entityType: 'provision_request', entityId: requestId, clientId: row.clientId },
    });
    return afterChange(tx, actor, before.caseId);
  });
}

export async function recordResearch(db: Db, actor: Actor, requestId: string, input: z.output<typeof researchFields>): Promise<CaseMaatwerk> {
  return changeRequest(db, actor, requestId, input.version, async (before) => {
    refuse(researchProblems(before, input.researchReportedOn, todayInNetherlands()));
    return { set: { researchReportedOn: input.researchReportedOn, researchReport: input.researchReport, status: 'onderzocht' } };
  });
}

export async function withdrawRequest(db: Db, actor: Actor, requestId: string, input: z.output<typeof withdrawalFields>): Promise<CaseMaatwerk> {
  return changeRequest(db, actor, requestId, input.version, async (before) => {
    refuse(withdrawalProblems(before));
    return { set: { status: 'ingetrokken', withdrawnReason: input.reason } };
  });
}

export async function decideRequest(db: Db, actor: Actor, requestId: string, input: z.output<typeof decisionFields>): Promise<CaseMaatwerk> {
  return changeRequest(db, actor, requestId, input.version, async (before, tx) => {
    refuse(decisionProblems(before, input.decidedOn, todayInNetherlands()));
    const decisionNumber = await nextNumber(tx, actor.organisationId, provisionDecisions.decisionNumber, provisionDecisions);
    const values = { decisionNumber, decidedOn: input.decidedOn, outcome: input.outcome, reasons: input.reasons };
    const [created] = await tx
      .insert(provisionDecisions)
      .values({ organisationId: actor.organisationId, requestId, ...values, decidedBy: actor.userId })
      .returning({ id: provisionDecisions.id });
    return { set: { status: 'besloten' }, audit: { entityType: 'provision_decision', entityId: created!.id, changes: { to: { requestId, ...values } } } };
  });
}

// ---------------------------------------------------------------------------------------------
// Toewijzingen

export async function assignProvision(db: Db, actor: Actor, decisionId: string, input: z.output<typeof assignmentFields>): Promise<CaseMaatwerk> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ decision: provisionDecisions, request: provisionRequests })
      .from(provisionDecisions)
      .innerJoin(provisionRequests, and(eq(provisionRequests.organisationId, provisionDecisions.organisationId), eq(provisionRequests.id, provisionDecisions.requestId)))
      .innerJoin(cases, and(eq(cases.organisationId, provisionRequests.organisationId), eq(cases.id, provisionRequests.caseId)))
      .where(and(eq(provisionDecisions.organisationId, actor.organisationId), eq(provisionDecisions.id, decisionId), caseScope(actor, 'write')))
      .for('update', { of: provisionDecisions });
    if (!found) throw new NotFound('Besluit niet gevonden');
    const deliveryForm = input.category === PGB_CATEGORY ? ('pgb' as const) : ('zin' as const);
    const fields = {
      deliveryForm,
      startOn: input.startOn,
      endOn: input.endOn ?? null,
      volume: deliveryForm === 'zin' ? (input.volume ?? null) : null,
      unit: deliveryForm === 'zin' ? (input.unit ?? null) : null,
      frequency: deliveryForm === 'zin' ? (input.frequency ?? null) : null,
      budgetCents: deliveryForm === 'pgb' ? (input.budgetCents ?? null) : null,
    };
    const problems = assignmentProblems({ outcome: found.decision.outcome, requestedOn: found.request.requestedOn }, fields);
    if (!(await isCode(tx, actor.organisationId, 'provision_categories', input.category))) problems.push({ path: 'category', message: 'Kies een soort voorziening uit de lijst' });
    else if (!(await isCode(tx, actor.organisationId, 'provision_products', input.product, input.category))) problems.push({ path: 'product', message: 'Kies een product van deze soort voorziening' });
    const provider = await isCode(tx, actor.organisationId, 'providers', input.provider);
    if (!provider) problems.push({ path: 'provider', message: 'Kies een aanbieder uit de lijst' });
    refuse(problems);
    // A pgb is paid through the SVB: it gets no ToewijzingNummer, as it is never sent to a provider.
    const assignmentNumber = deliveryForm === 'zin' ? await nextNumber(tx, actor.organisationId, provisions.assignmentNumber, provisions) : null;
    const values = { category: input.category, product: input.product, provider: input.provider, providerAgb: provider!.externalCode, ...fields, assignmentNumber };
    const [created] = await tx
      .insert(provisions)
      .values({ organisationId: actor.organisationId, caseId: found.request.caseId, clientId: found.request.clientId, decisionId, ...values, assignedAt: new Date() })
      .returning({ id: provisions.id });
    await writeAudit(tx, actor, { action: 'create', entityType: 'provision', entityId: created!.id, clientId: found.request.clientId, changes: { to: { decisionId, ...values } } });
    return afterChange(tx, actor, found.request.caseId);
  });
}

/** One change of a toewijzing, on its locked row; answers the case's maatwerk. */
async function changeProvision(
  db: Db,
  actor: Actor,
  provisionId: string,
  version: number,
  decide: (before: LockedProvision, tx: Tx) => Promise<{ set: Partial<ProvisionRow>; created?: { id: string; values: Record<string, unknown> } }>,
): Promise<CaseMaatwerk> {
  return db.transaction(async (tx) => {
    const { before } = await changeVersioned(tx, actor, {
      table: provisions,
      find: () => lockProvision(tx, actor, provisionId),
      notFound: PROVISION_NOT_FOUND,
      version,
      conflict: PROVISION_CONFLICT,
      decide: (row) => decide(row, tx),
      audit: (row, decision) =>
        decision.created
          ? { action: 'create', entityType: 'provision', entityId: decision.created.id, changes: { to: decision.created.values }, clientId: row.clientId }
          : { entityType: 'provision', entityId: provisionId, clientId: row.clientId },
    });
    return afterChange(tx, actor, before.caseId);
  });
}

/**
 * An extension (verlenging): a new link from the day after the link's end to the new end, with the
 * same product, provider and omvang; it keeps the ToewijzingNummer (iWmo OP380). The extended link
 * gets a new version, so two extensions of one link cannot both pass.
 */
export async function extendProvision(db: Db, actor: Actor, provisionId: string, input: z.output<typeof extensionFields>): Promise<CaseMaatwerk> {
  return changeProvision(db, actor, provisionId, input.version, async (before, tx) => {
    refuse(extensionProblems(asLink(before), input.endOn));
    const startOn = addDays(before.endOn!, 1);
    const values = {
      extendsProvisionId: before.id,
      category: before.category,
      product: before.product,
      provider: before.provider,
      providerAgb: before.providerAgb,
      deliveryForm: before.deliveryForm,
      volume: before.volume,
      unit: before.unit,
      frequency: before.frequency,
      budgetCents: before.budgetCents,
      endOn: input.endOn,
      changeReason: EXTENSION_REASON,
    };
    const [created] = await tx
      .insert(provisions)
      .values({ organisationId: actor.organisationId, caseId: before.caseId, clientId: before.clientId, decisionId: before.decisionId, startOn, ...values, assignedAt: new Date() })
      .returning({ id: provisions.id });
    return { set: {}, created: { id: created!.id, values: { ...values, startOn } } };
  });
}

export async function endProvision(db: Db, actor: Actor, provisionId: string, input: z.output<typeof endFields>): Promise<CaseMaatwerk> {
  return changeProvision(db, actor, provisionId, input.version, async (before) => {
    refuse(endProblems(asLink(before), input.endOn));
    return { set: { endOn: input.endOn, changeReason: input.reason, endReason: input.note ?? CHANGE_REASON_LABELS[input.reason], assignedAt: new Date() } };
  });
}

/** Void: registered in error; it stays in the history, counted nowhere, and the provider hears it is withdrawn (iWmo: RedenWijziging 13). */
export async function voidProvision(db: Db, actor: Actor, provisionId: string, input: z.output<typeof voidFields>): Promise<CaseMaatwerk> {
  return changeProvision(db, actor, provisionId, input.version, async (before) => {
    refuse(voidProblems(asLink(before), before.deliveryStartedOn !== null));
    return { set: { voided: true, voidReason: input.reason, changeReason: VOID_REASON, assignedAt: new Date() } };
  });
}

// ---------------------------------------------------------------------------------------------
// Legal terms in sight (Mijn dag, the team page)

export interface OpenTerm {
  caseId: string;
  clientId: string;
  clientName: string;
  requestId: string;
  asked: string;
  leadWorkerName: string | null;
  kind: TermKind;
  dueOn: string;
  state: TermState;
}

const leadWorker = alias(users, 'term_lead_worker');

/**
 * The requests waiting on a report or a decision, in the actor's scope and meeting `where` (a lead
 * worker's, a team's), with the term they wait on; the earliest term first.
 */
export async function openLegalTerms(db: DbOrTx, actor: Actor, where: SQL): Promise<OpenTerm[]> {
  const today = todayInNetherlands();
  const rows = await db
    .select({ request: provisionRequests, clientName, leadWorkerName: leadWorker.name })
    .from(provisionRequests)
    .innerJoin(cases, and(eq(cases.organisationId, provisionRequests.organisationId), eq(cases.id, provisionRequests.caseId)))
    .innerJoin(clients, and(eq(clients.organisationId, provisionRequests.organisationId), eq(clients.id, provisionRequests.clientId)))
    .leftJoin(leadWorker, and(eq(leadWorker.organisationId, cases.organisationId), eq(leadWorker.id, cases.leadWorkerId)))
    .where(and(caseScope(actor), inArray(provisionRequests.status, ['open', 'onderzocht']), where));
  const terms = rows.flatMap(({ request, clientName: name, leadWorkerName }) => {
    const term = runningTerm(request, today);
    return term ? [{ caseId: request.caseId, clientId: request.clientId, clientName: name, requestId: request.id, asked: request.asked, leadWorkerName, ...term }] : [];
  });
  return terms.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.requestId.localeCompare(b.requestId));
}

// ---------------------------------------------------------------------------------------------
// The decision letter

/**
 * The letter of a beschikking, for the client it is about: in the actor's read scope (a
 * break-the-glass reader may print it too), logged as an export of the letter.
 */
export async function decisionLetter(db: Db, actor: Actor, decisionId: string, municipality: MunicipalityConfig): Promise<{ letter: DecisionLetter; fileName: string }> {
  const [found] = await db
    .select({ decision: provisionDecisions, request: provisionRequests, client: clients, deciderName: decider.name, organisation: organisations.name })
    .from(provisionDecisions)
    .innerJoin(provisionRequests, and(eq(provisionRequests.organisationId, provisionDecisions.organisationId), eq(provisionRequests.id, provisionDecisions.requestId)))
    .innerJoin(cases, and(eq(cases.organisationId, provisionRequests.organisationId), eq(cases.id, provisionRequests.caseId)))
    .innerJoin(clients, and(eq(clients.organisationId, provisionRequests.organisationId), eq(clients.id, provisionRequests.clientId)))
    .innerJoin(organisations, eq(organisations.id, provisionDecisions.organisationId))
    .leftJoin(decider, and(eq(decider.organisationId, provisionDecisions.organisationId), eq(decider.id, provisionDecisions.decidedBy)))
    .where(and(eq(provisionDecisions.organisationId, actor.organisationId), eq(provisionDecisions.id, decisionId), caseScope(actor)));
  if (!found) throw new NotFound('Besluit niet gevonden');
  const { decision, request, client } = found;
  // What the decision granted: its toewijzingen as first assigned (an extension is a decision of its own), not the voided ones.
  const granted = await db
    .select({ provision: provisions, productLabel: codes.label })
    .from(provisions)
    .leftJoin(codes, and(eq(codes.organisationId, provisions.organisationId), eq(codes.list, 'provision_products'), eq(codes.code, provisions.product)))
    .where(and(eq(provisions.organisationId, actor.organisationId), eq(provisions.decisionId, decisionId), eq(provisions.voided, false), isNull(provisions.extendsProvisionId)))
    .orderBy(asc(provisions.startOn), asc(provisions.createdAt), asc(provisions.id));
  const letter: DecisionLetter = {
    organisation: found.organisation,
    municipality: municipality.name,
    objectionAddress: municipality.objectionAddress,
    client: { name: `${client.firstName} ${client.lastName}`.trim(), street: client.street, houseNumber: client.houseNumber, postcode: client.postcode, city: client.city },
    decisionNumber: decision.decisionNumber,
    decidedOn: decision.decidedOn,
    requestedOn: request.requestedOn,
    asked: request.asked,
    researchReportedOn: request.researchReportedOn ?? decision.decidedOn,
    outcome: decision.outcome,
    reasons: decision.reasons,
    provisions: granted.map(({ provision: p, productLabel }) => ({
      product: productLabel ?? p.product,
      provider: p.provider,
      deliveryForm: p.deliveryForm ?? 'zin',
      startOn: p.startOn,
      endOn: p.endOn,
      omvang: p.volume !== null && p.unit && p.frequency ? omvangText(p.volume, p.unit, p.frequency) : null,
      budget: p.budgetCents !== null ? budgetText(p.budgetCents) : null,
    })),
    objectionUntil: objectionUntil(decision.decidedOn),
    workerName: found.deciderName,
    createdAt: new Date().toISOString(),
  };
  await writeAudit(db, actor, { action: 'export', entityType: 'decision_letter', entityId: decisionId, clientId: request.clientId, changes: { format: 'pdf', decisionNumber: decision.decisionNumber } });
  return { letter, fileName: `beschikking-${decision.decisionNumber}.pdf` };
}
