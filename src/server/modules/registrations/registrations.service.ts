// Use cases of the entrance: register a resident (aanmelding) and triage the registration.
import { daysBetween, todayInNetherlands } from '../../lib/dates';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../db/database';
import { changeVersioned } from '../../db/versioned-change';
import { clients, registrations, teams, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { registrationScope } from '../../access/access.policy';
import { diff, writeAudit } from '../../audit/audit.writer';
import { Conflict, Forbidden, Invalid, NotFound } from '../../lib/errors';
import { unknownCodes } from '../reference/reference.service';
import { chooseClient, limitAttachLookup } from '../clients/clients.service';
import { recordAttachment } from '../attachments/attachments.service';
import { toSummary } from '../clients/clients.repo';
import { assertTeamWorker, openCase } from '../cases/cases.service';
import { notify } from '../notifications/notify';

import { OUT_OF_SCOPE_REASONS, opensCase } from './triage';
import type { newRegistration, Registration, registrationListQuery, triageBody } from './registrations.schemas';

const triageTeam = alias(teams, 'triage_team');

async function selectRegistrations(db: DbOrTx, actor: Actor, where: SQL | undefined, order: 'oldest_first' | 'newest_first' = 'oldest_first') {
  const rows = await db
    .select({ r: registrations, client: clients, teamName: teams.name, triageTeamName: triageTeam.name, createdByName: users.name })
    .from(registrations)
    .innerJoin(clients, and(eq(clients.organisationId, registrations.organisationId), eq(clients.id, registrations.clientId)))
    .innerJoin(teams, and(eq(teams.organisationId, registrations.organisationId), eq(teams.id, registrations.teamId)))
    .innerJoin(users, and(eq(users.organisationId, registrations.organisationId), eq(users.id, registrations.createdBy)))
    .leftJoin(triageTeam, and(eq(triageTeam.organisationId, registrations.organisationId), eq(triageTeam.id, registrations.triageTeamId)))
    .where(and(registrationScope(actor), where))
    .orderBy(...(order === 'oldest_first' ? [asc(registrations.registeredOn), asc(registrations.createdAt)] : [desc(registrations.registeredOn), desc(registrations.createdAt)]))
    .limit(500);
  const today = todayInNetherlands();
  return rows.map(
    ({ r, client, teamName, triageTeamName, createdByName }): Registration => ({
      id: r.id,
      client: toSummary(client),
      teamId: r.teamId,
      teamName,
      registeredOn: r.registeredOn,
      referrerCode: r.referrerCode,
      referrerOther: r.referrerOther,
      question: r.question,
      createdByName,
      triageOutcome: r.triageOutcome,
      triageAdvice: r.triageAdvice,
      triageTeamName,
      triagedAt: r.triagedAt?.toISOString() ?? null,
      caseId: r.caseId,
      waitingDays: daysBetween(r.registeredOn, today),
      version: r.version,
    }),
  );
}

/** The team's registrations, not logged: the screens that show them log the view (listRegistrations, the work lists). */
export async function teamRegistrations(db: Db, actor: Actor, query: z.output<typeof registrationListQuery>) {
  const status = query.status === 'untriaged' ? isNull(registrations.triageOutcome) : query.status === 'triaged' ? isNotNull(registrations.triageOutcome) : undefined;
  // The queue is the actor's own team's; registrations passed on to another team appear there as new ones.
  if (!actor.teamId) return [];
  // The queue waits longest-first; the history shows the newest first.
  return selectRegistrations(db, actor, and(eq(registrations.teamId, actor.teamId), status), query.status === 'untriaged' ? 'oldest_first' : 'newest_first');
}

/** The list of the team's registrations, logged with every client it shows. */
export async function listRegistrations(db: Db, actor: Actor, query: z.output<typeof registrationListQuery>) {
  const items = await teamRegistrations(db, actor, query);
  await writeAudit(db, actor, { action: 'list', entityType: 'registration_list', changes: { status: query.status, results: items.length }, clientIds: items.map((r) => r.client.id) });
  return items;
}

export async function getRegistration(db: DbOrTx, actor: Actor, id: string, options: { audit?: boolean } = {}): Promise<Registration> {
  const [row] = await selectRegistrations(db, actor, eq(registrations.id, id));
  if (!row) throw new NotFound('Aanmelding niet gevonden');
  if (options.audit !== false) await writeAudit(db, actor, { action: 'read', entityType: 'registration', entityId: id, clientId: row.client.id });
  return row;
}

export async function createRegistration(db: Db, actor: Actor, input: z.output<typeof newRegistration>): Promise<Registration> {
  if (!actor.teamId) throw new Forbidden('Alleen een medewerker van een buurtteam kan aanmelden');
  const unknown = await unknownCodes(db, actor.organisationId, 'referrers', [input.referrerCode]);
  if (unknown.length) throw new Invalid([{ path: 'referrerCode', message: `Onbekende melder: ${input.referrerCode}` }]);
  await limitAttachLookup(db, actor, input);
  const id = await db.transaction(async (tx) => {
    const { clientId, attach } = await chooseClient(tx, actor, input);
    const values = {
      organisationId: actor.organisationId,
      clientId,
      teamId: actor.teamId!,
      registeredOn: input.registeredOn,
      referrerCode: input.referrerCode,
      referrerOther: input.referrerCode === 'anders' ? (input.referrerOther ?? null) : null,
      question: input.question,
      createdBy: actor.userId,
    };
    const [created] = await tx.insert(registrations).values(values).returning({ id: registrations.id });
    await writeAudit(tx, actor, { action: 'create', entityType: 'registration', entityId: created!.id, clientId, changes: { to: values } });
    await notify(tx, actor, { kind: 'registration', registrationId: created!.id, teamId: values.teamId });
    if (attach) await recordAttachment(tx, actor, attach, { registrationId: created!.id });
    return created!.id;
  });
  return getRegistration(db, actor, id, { audit: false });
}

export async function triageRegistration(db: Db, actor: Actor, id: string, input: z.output<typeof triageBody>): Promise<Registration> {
  await db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      table: registrations,
      find: async () =>
        (
          await tx
            .select()
            .from(registrations)
            .where(and(eq(registrations.organisationId, actor.organisationId), eq(registrations.id, id), eq(registrations.teamId, actor.teamId ?? ''), registrationScope(actor)))
            .for('update')
        )[0],
      notFound: 'Aanmelding niet gevonden',
      version: input.version,
      conflict: 'Iemand anders heeft deze aanmelding intussen gewijzigd. Laad haar opnieuw.',
      decide: (before) => decideTriage(tx, actor, before, input),
      // The triage's rows have always named the version step in their changes; kept so they read the same.
      audit: (before, { set }) => ({ entityType: 'registration', entityId: id, clientId: before.clientId, changes: diff(before, { ...set, version: before.version + 1 }) }),
    });
  });
  return getRegistration(db, actor, id, { audit: false });
}

/** The outcome on the locked registration: a case opened, or a registration in the other team's queue, or advice. */
async function decideTriage(tx: Tx, actor: Actor, before: typeof registrations.$inferSelect, input: z.output<typeof triageBody>) {
  if (before.triageOutcome) throw new Conflict('Deze aanmelding is al getrieerd');
  let caseId: string | null = null;
  let triageTeamId: string | null = null;
  if (opensCase(input.outcome)) {
    const leadWorkerId = input.leadWorkerId ?? actor.userId;
    await assertTeamWorker(tx, actor.organisationId, before.teamId, leadWorkerId, 'leadWorkerId');
    caseId = await openCase(tx, actor, {
      teamId: before.teamId,
      clientId: before.clientId,
      leadWorkerId,
      registeredOn: before.registeredOn,
      referrerCode: before.referrerCode,
      referrerOther: before.referrerOther,
      question: before.question,
    });
    await notify(tx, actor, { kind: 'case_assigned', caseId, to: leadWorkerId });
  } else if (input.outcome === 'other_team') {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, input.teamId!)));
    if (!team) throw new Invalid([{ path: 'teamId', message: 'Onbekend buurtteam' }]);
    if (team.id === before.teamId) throw new Invalid([{ path: 'teamId', message: 'Kies een ander buurtteam dan het eigen team' }]);
    triageTeamId = team.id;
    // The other team receives it as a new registration in its own queue, referred by a buurtteam;
    // the registration date stays the resident's, so the wait is measured from the first question.
    const passedOn = {
      organisationId: actor.organisationId,
      clientId: before.clientId,
      teamId: team.id,
      registeredOn: before.registeredOn,
      referrerCode: 'bt_sociaal',
      referrerOther: null,
      question: before.question,
      createdBy: actor.userId,
    };
    const [created] = await tx.insert(registrations).values(passedOn).returning({ id: registrations.id });
    await writeAudit(tx, actor, { action: 'create', entityType: 'registration', entityId: created!.id, clientId: before.clientId, changes: { to: passedOn } });
    await notify(tx, actor, { kind: 'registration', registrationId: created!.id, teamId: team.id });
  }
  const advice = input.outcome === 'out_of_scope' ? `${OUT_OF_SCOPE_REASONS[input.outOfScopeReason!]}. ${input.advice ?? ''}`.trim() : (input.advice ?? null);
  return { set: { triageOutcome: input.outcome, triageAdvice: advice, triageTeamId, triagedBy: actor.userId, triagedAt: new Date(), caseId } };
}
