// Appointments on a case: make one (for oneself or a colleague of the case's team), change it,
// cancel it, and "took place": the journal entry it becomes, made through the journal's own
// addContact (its rules, sensitivity, audit and notifications) in the same transaction. The lists: a
// case's appointments, the worker's own agenda and the team's. Every query goes through
// appointmentScope (the case's scope); every change and every read is in the access log.
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../db/database';
import { appointments, caseClients, cases, clients, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { appointmentScope, holds, mayWrite } from '../../access/access.policy';
import { writeAudit, writeCaseAudit } from '../../audit/audit.writer';
import type { AuditList } from '../../audit/audit-entities';
import { changeVersioned } from '../../db/versioned-change';
import { addDays, todayInNetherlands } from '../../lib/dates';
import { dutchDate } from '../../lib/dutch-dates';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { findVisibleCase } from '../cases/cases.repo';
import { addContact } from '../journal/journal.service';
import { shownLastName } from '../retention/destroyed-client';
import {
  APPOINTMENT_KIND_LABELS,
  appointmentTimeProblems,
  caseReference,
  dutchMoment,
  dutchWallClock,
  JOURNAL_KIND,
  NOT_YET_HAPPENED,
  periodProblem,
  placeProblem,
  startOfDutchDay,
} from './appointment-rules';
import { APPOINTMENT_WORKER_MESSAGE, type agendaQuery, type Appointment, type appointmentFields, type appointmentUpdate, type tookPlace, type TookPlaceResult } from './appointments.schemas';

const NOT_FOUND = 'Afspraak niet gevonden';
const CONFLICT = 'Iemand anders heeft deze afspraak intussen gewijzigd. Laad de afspraken opnieuw.';
const CASE_NOT_FOUND = 'Casus niet gevonden';
const CASE_CLOSED = 'Deze casus is afgesloten. Heropen hem om afspraken te maken of te wijzigen.';

const organiser = alias(users, 'organiser');
const mainLink = alias(caseClients, 'appointment_main_link');
const mainClient = alias(clients, 'appointment_client');
const ORDER: SQL[] = [asc(appointments.startsAt), asc(appointments.createdAt), asc(appointments.id)];

type AppointmentRow = typeof appointments.$inferSelect;

/** The appointments in the actor's read scope that match `where`, with the names a list shows. */
async function selectAppointments(db: DbOrTx, actor: Actor, where: SQL | undefined, limit = 500): Promise<{ items: Appointment[]; clientIds: string[] }> {
  const rows = await db
    .select({
      a: appointments,
      workerName: organiser.name,
      clientId: mainClient.id,
      clientName: sql<string | null>`trim(${mainClient.firstName} || ' ' || ${shownLastName(mainClient)})`,
      inWriteScope: holds(appointmentScope(actor, 'write')),
    })
    .from(appointments)
    .innerJoin(organiser, and(eq(organiser.organisationId, appointments.organisationId), eq(organiser.id, appointments.workerId)))
    .leftJoin(mainLink, and(eq(mainLink.organisationId, appointments.organisationId), eq(mainLink.caseId, appointments.caseId), eq(mainLink.role, 'hoofdclient')))
    .leftJoin(mainClient, and(eq(mainClient.organisationId, mainLink.organisationId), eq(mainClient.id, mainLink.clientId)))
    .where(and(appointmentScope(actor, 'read'), where))
    .orderBy(...ORDER)
    .limit(limit);
  const items = rows.map(({ a, ...r }) => toAppointment(a, r.workerName, r.clientName, mayWrite(actor, 'appointments:use', r.inWriteScope)));
  const clientIds = [...new Set(rows.map((r) => r.clientId).filter((id): id is string => !!id))];
  return { items, clientIds };
}

function toAppointment(a: AppointmentRow, workerName: string, clientName: string | null, writable: boolean): Appointment {
  const start = dutchWallClock(a.startsAt);
  return {
    id: a.id,
    caseId: a.caseId,
    caseReference: caseReference(a.caseId),
    clientName: clientName || null,
    worker: { id: a.workerId, name: workerName },
    kind: a.kind,
    withWhom: a.withWhom,
    place: a.place,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    date: start.date,
    startTime: start.time,
    endTime: dutchWallClock(a.endsAt).time,
    note: a.note,
    status: a.status,
    contactId: a.contactId,
    mayWrite: writable,
    version: a.version,
  };
}

async function oneAppointment(tx: DbOrTx, actor: Actor, id: string): Promise<Appointment> {
  const { items } = await selectAppointments(tx, actor, eq(appointments.id, id), 1);
  if (!items[0]) throw new NotFound(NOT_FOUND);
  return items[0];
}

/** A case's appointments, by start. Logged as a read of the case's appointments. */
export async function listCaseAppointments(db: Db, actor: Actor, caseId: string): Promise<Appointment[]> {
  if (!(await findVisibleCase(db, actor, caseId))) throw new NotFound(CASE_NOT_FOUND);
  const { items } = await selectAppointments(db, actor, eq(appointments.caseId, caseId));
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'appointments', entityId: caseId });
  return items;
}

/** The moments a period of Dutch calendar days covers: from the first day's start to the day after the last. */
function periodOf(query: z.output<typeof agendaQuery>): SQL {
  const problem = periodProblem(query.from, query.to);
  if (problem) throw new Invalid([{ path: 'to', message: problem }]);
  return and(gte(appointments.startsAt, startOfDutchDay(query.from)), lt(appointments.startsAt, startOfDutchDay(addDays(query.to, 1))))!;
}

async function listView(db: Db, actor: Actor, where: SQL, list: AuditList, query: z.output<typeof agendaQuery>): Promise<Appointment[]> {
  const { items, clientIds } = await selectAppointments(db, actor, where);
  await writeAudit(db, actor, { action: 'list', entityType: list, changes: { from: query.from, to: query.to, results: items.length }, clientIds });
  return items;
}

/** The worker's own agenda for a period (a day, a week; at most 31 days), cancelled ones included. */
export async function listAgenda(db: Db, actor: Actor, query: z.output<typeof agendaQuery>): Promise<Appointment[]> {
  return listView(db, actor, and(periodOf(query), eq(appointments.workerId, actor.userId))!, 'agenda', query);
}

/** The team leader's view: the appointments of everyone in their team, for a period. */
export async function listTeamAgenda(db: Db, actor: Actor, query: z.output<typeof agendaQuery>): Promise<Appointment[]> {
  const period = periodOf(query);
  const inTeam = actor.teamId
    ? sql`exists (select 1 from ${users} tm where tm.organisation_id = ${appointments.organisationId} and tm.id = ${appointments.workerId} and tm.team_id = ${actor.teamId})`
    : sql`false`;
  return listView(db, actor, and(period, inTeam)!, 'team_agenda', query);
}

/**
 * The organiser: oneself, or an active worker or team leader of the case's team. Any other id is
 * refused with the same field message (the answer tells nothing about who exists elsewhere).
 */
async function assertOrganiser(tx: Tx, actor: Actor, caseTeamId: string | null, workerId: string): Promise<void> {
  if (workerId === actor.userId) return;
  const [found] = caseTeamId
    ? await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organisationId, actor.organisationId), eq(users.id, workerId), eq(users.teamId, caseTeamId), eq(users.active, true), inArray(users.role, ['medewerker', 'teamleider'])))
    : [];
  if (!found) throw new Invalid([{ path: 'workerId', message: APPOINTMENT_WORKER_MESSAGE }]);
}

/** The columns of an appointment as typed, after its rules (Invalid names each field's problem). */
function decideFields(input: z.output<typeof appointmentFields>) {
  const problems = appointmentTimeProblems(input, todayInNetherlands());
  const place = placeProblem(input.kind, input.place);
  if (place) problems.push({ path: 'place', message: place });
  if (problems.length) throw new Invalid(problems);
  return {
    kind: input.kind,
    withWhom: input.withWhom ?? null,
    place: input.place ?? null,
    startsAt: dutchMoment(input.date, input.startTime),
    endsAt: dutchMoment(input.date, input.endTime),
    note: input.note,
  };
}

/** A new appointment on the case (in the actor's write scope, not closed). */
export async function createAppointment(db: Db, actor: Actor, caseId: string, input: z.output<typeof appointmentFields>): Promise<Appointment> {
  return db.transaction(async (tx) => {
    const caseRow = await findVisibleCase(tx, actor, caseId, { mode: 'write' });
    if (!caseRow) throw new NotFound(CASE_NOT_FOUND);
    if (caseRow.status === 'closed') throw new Conflict(CASE_CLOSED);
    const values = decideFields(input);
    const workerId = input.workerId ?? actor.userId;
    await assertOrganiser(tx, actor, caseRow.teamId, workerId);
    const [row] = await tx
      .insert(appointments)
      .values({ organisationId: actor.organisationId, caseId, workerId, createdBy: actor.userId, ...values })
      .returning({ id: appointments.id });
    await writeCaseAudit(tx, actor, caseId, { action: 'create', entityType: 'appointment', entityId: row!.id, changes: { to: { ...values, workerId } } });
    return oneAppointment(tx, actor, row!.id);
  });
}

/** The appointment in the actor's write scope, locked, with its case. */
function findForChange(tx: Tx, actor: Actor, id: string) {
  return async () => {
    const [row] = await tx
      .select({ a: appointments, caseStatus: cases.status, caseTeamId: cases.teamId, registeredOn: cases.registeredOn })
      .from(appointments)
      .innerJoin(cases, and(eq(cases.organisationId, appointments.organisationId), eq(cases.id, appointments.caseId)))
      .where(and(eq(appointments.id, id), appointmentScope(actor, 'write')))
      .for('update', { of: appointments });
    return row && { ...row.a, caseStatus: row.caseStatus, caseTeamId: row.caseTeamId };
  };
}

function assertPlanned(status: string): void {
  if (status === 'plaatsgevonden') throw new Conflict('Deze afspraak heeft al plaatsgevonden en staat in het journaal.');
  if (status === 'afgezegd') throw new Conflict('Deze afspraak is afgezegd.');
}

/** Another day, time, place or organiser, at the version the user read; only while it is planned. */
export async function updateAppointment(db: Db, actor: Actor, id: string, input: z.output<typeof appointmentUpdate>): Promise<Appointment> {
  return db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      table: appointments,
      find: findForChange(tx, actor, id),
      notFound: NOT_FOUND,
      version: input.version,
      conflict: CONFLICT,
      decide: async (before) => {
        if (before.caseStatus === 'closed') throw new Conflict(CASE_CLOSED);
        assertPlanned(before.status);
        const values = decideFields(input);
        const workerId = input.workerId ?? before.workerId;
        if (workerId !== before.workerId) await assertOrganiser(tx, actor, before.caseTeamId, workerId);
        return { set: { ...values, workerId } };
      },
      audit: (before) => ({ entityType: 'appointment', entityId: id, caseId: before.caseId }),
    });
    return oneAppointment(tx, actor, id);
  });
}

/** Cancelled: it stays in the lists (and the feed, as cancelled) so everyone sees it will not happen. */
export async function cancelAppointment(db: Db, actor: Actor, id: string, version: number): Promise<Appointment> {
  return db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      table: appointments,
      find: findForChange(tx, actor, id),
      notFound: NOT_FOUND,
      version,
      conflict: CONFLICT,
      decide: (before) => {
        assertPlanned(before.status);
        return { set: { status: 'afgezegd' as const } };
      },
      audit: (before) => ({ entityType: 'appointment', entityId: id, caseId: before.caseId }),
    });
    return oneAppointment(tx, actor, id);
  });
}

/** The start of the journal entry: kind, day, times and with whom, e.g. "Huisbezoek op 7 december 2026, 10:00–11:00, met mevrouw en haar dochter." */
export function journalOpening(a: Pick<AppointmentRow, 'kind' | 'startsAt' | 'endsAt' | 'withWhom'>): string {
  const start = dutchWallClock(a.startsAt);
  const withWhom = a.withWhom ? `, met ${a.withWhom}` : '';
  return `${APPOINTMENT_KIND_LABELS[a.kind]} op ${dutchDate(start.date)}, ${start.time}–${dutchWallClock(a.endsAt).time}${withWhom}.`;
}

/**
 * Took place: a journal entry on the case (the journal's addContact: closed cases, dates, audit and
 * notifications as for any entry) that opens with the appointment's kind, day and who was there;
 * the appointment is marked and linked to it. One transaction; a second call answers 409.
 */
export async function appointmentTookPlace(db: Db, actor: Actor, id: string, input: z.output<typeof tookPlace>): Promise<TookPlaceResult> {
  return db.transaction(async (tx) => {
    const { decision } = await changeVersioned(tx, actor, {
      table: appointments,
      find: findForChange(tx, actor, id),
      notFound: NOT_FOUND,
      version: input.version,
      conflict: CONFLICT,
      decide: async (before) => {
        assertPlanned(before.status);
        if (before.startsAt.getTime() > Date.now()) throw new Conflict(NOT_YET_HAPPENED);
        const opening = journalOpening(before);
        const minutes = Math.round((before.endsAt.getTime() - before.startsAt.getTime()) / 60_000);
        // The journal's own transaction runs as a savepoint inside this one.
        const contact = await addContact(tx, actor, before.caseId, {
          contactOn: dutchWallClock(before.startsAt).date,
          kind: JOURNAL_KIND[before.kind],
          minutes,
          note: input.note ? `${opening}\n\n${input.note}` : opening,
        });
        return { set: { status: 'plaatsgevonden' as const, contactId: contact.id } };
      },
      audit: (before) => ({ entityType: 'appointment', entityId: id, caseId: before.caseId }),
    });
    return { appointment: await oneAppointment(tx, actor, id), contactId: decision.set.contactId };
  });
}
