// Use cases on a case: list, read, and every change of its lifecycle. Each change runs in one
// transaction that locks the case, checks the version the user read, and writes the audit row.
import { addDays, todayInNetherlands } from '../../lib/dates';
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../db/database';
import { caseClients, caseEvents, cases, teams, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { mayWrite, worksOnTeam } from '../../access/access.policy';
import { writeAudit } from '../../audit/audit.writer';
import { changeVersioned } from '../../db/versioned-change';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { unknownCodes } from '../reference/reference.service';
import { chooseClient, limitAttachLookup } from '../clients/clients.service';
import { recordAttachment } from '../attachments/attachments.service';
import { notify } from '../notifications/notify';
import { canRecordFirstMeeting, canStartSupport, type CaseEventKind, FIRST_MEETING_NORM_DAYS, type CaseStatus } from './case-rules';
import { dueFirstOrder, findReadableCase, findVisibleCase, isOpen, listCaseEvents, listHousehold, mainClientIds, selectCaseSummaries } from './cases.repo';
import type { addHouseholdMemberBody, assignBody, CaseDetail, caseListQuery, closeBody, firstMeetingBody, reopenBody, transferBody, TransferResult } from './cases.schemas';
import { dutchDate } from '../../lib/dutch-dates';

type CaseRow = typeof cases.$inferSelect;
const CONFLICT = 'Iemand anders heeft deze casus intussen gewijzigd. Laad de casus opnieuw.';

export async function listCases(db: Db, actor: Actor, query: z.output<typeof caseListQuery>) {
  const conditions = [];
  if (query.scope === 'mine') conditions.push(eq(cases.leadWorkerId, actor.userId));
  if (query.status === 'open') conditions.push(isOpen);
  if (query.status === 'closed') conditions.push(eq(cases.status, 'closed'));
  const today = todayInNetherlands();
  // Over the norm: still waiting for a first meeting more than 5 days after registration.
  if (query.overNorm) conditions.push(eq(cases.status, 'registered'), lte(cases.registeredOn, addDays(today, -(FIRST_MEETING_NORM_DAYS + 1))));
  const page = await selectCaseSummaries(db, actor, { where: and(...conditions), orderBy: dueFirstOrder, limit: query.limit, offset: query.offset, today });
  await writeAudit(db, actor, { action: 'list', entityType: 'case_list', changes: { scope: query.scope, status: query.status, results: page.items.length }, clientIds: mainClientIds(page.items) });
  return page;
}

export async function getCase(db: DbOrTx, actor: Actor, caseId: string, options: { audit?: boolean } = {}): Promise<CaseDetail> {
  const found = await findReadableCase(db, actor, caseId);
  // A look at an existing case outside one's scope is logged as refused by audit/denied-log.ts.
  if (!found) throw new NotFound('Casus niet gevonden');
  const { row, inWriteScope } = found;
  const today = todayInNetherlands();
  const { items } = await selectCaseSummaries(db, actor, { where: eq(cases.id, caseId), today, limit: 1 });
  const summary = items[0]!;
  const household = await listHousehold(db, actor.organisationId, caseId);
  const events = await listCaseEvents(db, actor.organisationId, caseId);
  if (options.audit !== false) {
    await writeAudit(db, actor, { action: 'read', entityType: 'case', entityId: caseId, clientId: summary.mainClient?.id ?? null });
  }
  return {
    ...summary,
    referrerCode: row.referrerCode,
    referrerOther: row.referrerOther,
    question: row.question,
    firstMeetingLocation: row.firstMeetingLocation,
    closeReasons: row.closeReasons,
    closeOutcomes: row.closeOutcomes,
    satisfactionScore: row.satisfactionScore,
    canContinueAlone: row.canContinueAlone,
    household: household.map((h) => ({ ...h, role: h.role as 'hoofdclient' | 'huishoudlid' })),
    events,
    version: row.version,
    access: worksOnTeam(actor, row.teamId) ? 'team' : 'emergency',
    // Rights only: a closed case still takes a reopen, and its journal entries can be corrected.
    mayWrite: mayWrite(actor, 'cases:write', inWriteScope),
    mayWriteJournal: mayWrite(actor, 'journal:write', inWriteScope),
  };
}

interface CaseChange {
  set: Partial<CaseRow>;
  event?: { kind: CaseEventKind; reason?: string | null; data?: unknown };
}

/** Locks the case, checks the version, applies the change, logs it, and returns the new detail. */
async function changeCase(db: Db, actor: Actor, caseId: string, version: number, decide: (row: CaseRow, tx: Tx) => Promise<CaseChange> | CaseChange) {
  return db.transaction(async (tx) => {
    await applyCaseChange(tx, actor, caseId, version, decide);
    return getCase(tx, actor, caseId, { audit: false });
  });
}

async function applyCaseChange<C extends CaseChange>(tx: Tx, actor: Actor, caseId: string, version: number, decide: (row: CaseRow, tx: Tx) => Promise<C> | C): Promise<C> {
  const { decision } = await changeVersioned(tx, actor, {
    table: cases,
    find: () => findVisibleCase(tx, actor, caseId, { forUpdate: true }),
    notFound: 'Casus niet gevonden',
    version,
    conflict: CONFLICT,
    decide: (before) => decide(before, tx),
    audit: () => ({ entityType: 'case', entityId: caseId, caseId }),
  });
  if (decision.event) {
    await tx.insert(caseEvents).values({
      organisationId: actor.organisationId,
      caseId,
      kind: decision.event.kind,
      reason: decision.event.reason ?? null,
      data: decision.event.data ?? null,
      actorId: actor.userId,
    });
  }
  return decision;
}

function assertDateWithinCase(field: string, date: string, row: CaseRow, label: string) {
  const today = todayInNetherlands();
  if (date > today) throw new Invalid([{ path: field, message: `${label} kan niet in de toekomst liggen` }]);
  if (date < row.registeredOn) throw new Invalid([{ path: field, message: `${label} kan niet voor de aanmelding (${dutchDate(row.registeredOn)}) liggen` }]);
}

export function recordFirstMeeting(db: Db, actor: Actor, caseId: string, input: z.output<typeof firstMeetingBody>) {
  return changeCase(db, actor, caseId, input.version, (row) => {
    if (!canRecordFirstMeeting(row.status)) throw new Conflict('De kennismaking kan alleen worden vastgelegd voordat de ondersteuning loopt');
    assertDateWithinCase('firstMeetingOn', input.firstMeetingOn, row, 'De kennismaking');
    return {
      set: { firstMeetingOn: input.firstMeetingOn, firstMeetingLocation: input.location, status: 'first_meeting' },
      event: { kind: 'first_meeting', data: { on: input.firstMeetingOn, location: input.location } },
    };
  });
}

export function startSupport(db: Db, actor: Actor, caseId: string, version: number) {
  return changeCase(db, actor, caseId, version, (row) => {
    if (!canStartSupport(row.status)) throw new Conflict('De ondersteuning kan pas starten na de kennismaking');
    return { set: { status: 'running' }, event: { kind: 'started' } };
  });
}

export function closeCase(db: Db, actor: Actor, caseId: string, input: z.output<typeof closeBody>) {
  return changeCase(db, actor, caseId, input.version, async (row, tx) => {
    if (row.status === 'closed') throw new Conflict('Deze casus is al afgesloten');
    assertDateWithinCase('closedOn', input.closedOn, row, 'De afsluiting');
    if (row.firstMeetingOn && input.closedOn < row.firstMeetingOn) {
      throw new Invalid([{ path: 'closedOn', message: `De afsluiting kan niet voor de kennismaking (${dutchDate(row.firstMeetingOn)}) liggen` }]);
    }
    const reasons = [...new Set(input.reasons)];
    const outcomes = [...new Set(input.outcomes)];
    const problems = [
      ...(await unknownCodes(tx, actor.organisationId, 'close_reasons', reasons)).map((c) => ({ path: 'reasons', message: `Onbekende reden van afsluiten: ${c}` })),
      ...(await unknownCodes(tx, actor.organisationId, 'close_outcomes', outcomes)).map((c) => ({ path: 'outcomes', message: `Onbekend resultaat: ${c}` })),
    ];
    if (problems.length) throw new Invalid(problems);
    const set = {
      status: 'closed' as const,
      closedOn: input.closedOn,
      closeReasons: reasons,
      closeOutcomes: outcomes,
      satisfactionScore: input.satisfactionScore ?? null,
      canContinueAlone: input.canContinueAlone ?? null,
    };
    return { set, event: { kind: 'closed', data: { closedOn: input.closedOn, reasons, outcomes, statusBefore: row.status } } };
  });
}

/** The status a case had when it was closed (from its last close event); imported cases have none. */
async function statusBeforeClose(tx: Tx, organisationId: string, row: CaseRow): Promise<CaseStatus> {
  const [event] = await tx
    .select({ data: caseEvents.data })
    .from(caseEvents)
    .where(and(eq(caseEvents.organisationId, organisationId), eq(caseEvents.caseId, row.id), eq(caseEvents.kind, 'closed')))
    .orderBy(desc(caseEvents.at))
    .limit(1);
  const before = (event?.data as { statusBefore?: CaseStatus } | null)?.statusBefore;
  return before ?? (row.firstMeetingOn ? 'running' : 'registered');
}

export function reopenCase(db: Db, actor: Actor, caseId: string, input: z.output<typeof reopenBody>) {
  return changeCase(db, actor, caseId, input.version, async (row, tx) => {
    if (row.status !== 'closed') throw new Conflict('Alleen een afgesloten casus kan worden heropend');
    const previous = {
      closedOn: row.closedOn,
      reasons: row.closeReasons,
      outcomes: row.closeOutcomes,
      satisfactionScore: row.satisfactionScore,
      canContinueAlone: row.canContinueAlone,
    };
    return {
      set: {
        status: await statusBeforeClose(tx, actor.organisationId, row),
        closedOn: null,
        closeReasons: [],
        closeOutcomes: [],
        satisfactionScore: null,
        canContinueAlone: null,
      },
      event: { kind: 'reopened', reason: input.reason, data: { previous } },
    };
  });
}

/** An active worker or team leader of the team, else Invalid on `field`. */
export async function assertTeamWorker(db: DbOrTx, organisationId: string, teamId: string, userId: string, field: string) {
  const [worker] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), eq(users.teamId, teamId), eq(users.active, true), inArray(users.role, ['medewerker', 'teamleider'])));
  if (!worker) throw new Invalid([{ path: field, message: 'Kies een medewerker van het team van deze casus' }]);
}

export function assignLeadWorker(db: Db, actor: Actor, caseId: string, input: z.output<typeof assignBody>) {
  return changeCase(db, actor, caseId, input.version, async (row, tx) => {
    await assertTeamWorker(tx, actor.organisationId, row.teamId, input.leadWorkerId, 'leadWorkerId');
    if (input.leadWorkerId !== row.leadWorkerId) await notify(tx, actor, { kind: 'case_assigned', caseId, to: input.leadWorkerId });
    return { set: { leadWorkerId: input.leadWorkerId }, event: { kind: 'lead_changed', data: { from: row.leadWorkerId, to: input.leadWorkerId } } };
  });
}

/** A household member: a client of the team, a client of another team through an attach, or a new person. */
export async function addHouseholdMember(db: Db, actor: Actor, caseId: string, input: z.output<typeof addHouseholdMemberBody>) {
  await limitAttachLookup(db, actor, input);
  return changeCase(db, actor, caseId, input.version, async (row, tx) => {
    if (row.status === 'closed') throw new Conflict('Deze casus is afgesloten; heropen hem eerst');
    const { clientId, attach } = await chooseClient(tx, actor, input);
    const inserted = await tx
      .insert(caseClients)
      .values({ organisationId: actor.organisationId, caseId, clientId, role: 'huishoudlid' })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new Conflict('Deze persoon hoort al bij het huishouden van de casus');
    if (attach) await recordAttachment(tx, actor, attach, { caseId });
    return { set: {}, event: { kind: 'household_added', data: { clientId } } };
  });
}

/** Opens a case for a registration triaged to generalist support (inside the triage transaction). */
export async function openCase(
  tx: Tx,
  actor: Actor,
  input: { teamId: string; clientId: string; leadWorkerId: string; registeredOn: string; referrerCode: string; referrerOther: string | null; question: string },
): Promise<string> {
  const [created] = await tx
    .insert(cases)
    .values({
      organisationId: actor.organisationId,
      teamId: input.teamId,
      leadWorkerId: input.leadWorkerId,
      status: 'registered',
      registeredOn: input.registeredOn,
      referrerCode: input.referrerCode,
      referrerOther: input.referrerOther,
      question: input.question,
    })
    .returning({ id: cases.id });
  const caseId = created!.id;
  await tx.insert(caseClients).values({ organisationId: actor.organisationId, caseId, clientId: input.clientId, role: 'hoofdclient' });
  await tx.insert(caseEvents).values({ organisationId: actor.organisationId, caseId, kind: 'opened', actorId: actor.userId });
  await writeAudit(tx, actor, { action: 'create', entityType: 'case', entityId: caseId, clientId: input.clientId, changes: { to: input } });
  return caseId;
}

/**
 * Hands the case over with a note: to a colleague in the team, or to another team, where it waits
 * without a lead worker for that team's leader to assign. Journal, plan, ZRM and history go along.
 */
export async function transferCase(db: Db, actor: Actor, caseId: string, input: z.output<typeof transferBody>): Promise<TransferResult> {
  return db.transaction(async (tx) => {
    const { set: target } = await applyCaseChange(tx, actor, caseId, input.version, async (row) => {
      if (row.status === 'closed') throw new Conflict('Een afgesloten casus wordt niet overgedragen; heropen hem eerst');
      let target: { teamId: string; leadWorkerId: string | null };
      if (input.leadWorkerId) {
        if (input.leadWorkerId === row.leadWorkerId) throw new Invalid([{ path: 'leadWorkerId', message: 'Deze collega is al de regisseur' }]);
        await assertTeamWorker(tx, actor.organisationId, row.teamId, input.leadWorkerId, 'leadWorkerId');
        target = { teamId: row.teamId, leadWorkerId: input.leadWorkerId };
      } else {
        const [team] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, input.teamId!), eq(teams.active, true)));
        if (!team) throw new Invalid([{ path: 'teamId', message: 'Onbekend buurtteam' }]);
        if (team.id === row.teamId) throw new Invalid([{ path: 'teamId', message: 'Kies een ander team dan het huidige' }]);
        target = { teamId: team.id, leadWorkerId: null };
      }
      return {
        set: target,
        event: { kind: 'transferred' as const, reason: input.note, data: { fromTeam: row.teamId, toTeam: target.teamId, fromLead: row.leadWorkerId, toLead: target.leadWorkerId } },
      };
    });
    await notify(tx, actor, target.leadWorkerId ? { kind: 'case_assigned', caseId, to: target.leadWorkerId } : { kind: 'case_to_team', caseId, teamId: target.teamId });
    const [team] = await tx.select({ name: teams.name }).from(teams).where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, target.teamId)));
    const [lead] = target.leadWorkerId ? await tx.select({ name: users.name }).from(users).where(and(eq(users.organisationId, actor.organisationId), eq(users.id, target.leadWorkerId))) : [];
    return { caseId, stillVisible: target.teamId === actor.teamId, teamName: team!.name, leadWorkerName: lead?.name ?? null };
  });
}
