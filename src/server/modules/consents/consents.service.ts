// The consent register and the disclosures of a client: list, record a consent, withdraw it, and
// record a disclosure with its legal ground. Consents are never deleted and disclosures never
// changed: the file keeps what was agreed and what was shared. Both are the recording team's
// (consentScope, disclosureScope): a team that shares a client with another team sees and relies on
// its own only; a break-the-glass reader sees all of the client's. Scoped by the client and logged.
import { alias } from 'drizzle-orm/pg-core';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/database';
import { caseClients, cases, clients, consents, disclosures, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope, clientOfOwnTeam, consentScope, disclosureScope } from '../../access/access.policy';
import { writeAudit } from '../../audit/audit.writer';
import { changeVersioned } from '../../db/versioned-change';
import { todayInNetherlands } from '../../lib/dates';
import { Invalid, NotFound } from '../../lib/errors';
import { findVisibleClient } from '../clients/clients.repo';
import { consentPeriodProblems, consentState, groundProblems, withdrawalProblem } from './consent-rules';
import type { ClientConsents, Consent, Disclosure, consentFields, consentWithdrawal, disclosureFields } from './consents.schemas';

type ConsentRow = typeof consents.$inferSelect;
type DisclosureRow = typeof disclosures.$inferSelect;

const recorder = alias(users, 'recorder');
const withdrawer = alias(users, 'withdrawer');
const CLIENT_NOT_FOUND = 'Cliënt niet gevonden';

function toConsent(row: ConsentRow, names: { recordedByName: string | null; withdrawnByName: string | null }, today: string): Consent {
  return {
    id: row.id,
    clientId: row.clientId,
    recipientKind: row.recipientKind as Consent['recipientKind'],
    recipientName: row.recipientName,
    dataShared: row.dataShared,
    purpose: row.purpose,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    givenHow: row.givenHow as Consent['givenHow'],
    state: consentState(row, today),
    recordedAt: row.recordedAt.toISOString(),
    recordedByName: names.recordedByName,
    withdrawnOn: row.withdrawnOn,
    withdrawnByName: names.withdrawnByName,
    withdrawalNote: row.withdrawalNote,
    version: row.version,
  };
}

function toDisclosure(row: DisclosureRow, recordedByName: string | null, relied: ConsentRow | null): Disclosure {
  return {
    id: row.id,
    clientId: row.clientId,
    caseId: row.caseId,
    recipient: row.recipient,
    dataShared: row.dataShared,
    ground: row.ground as Disclosure['ground'],
    consent: relied ? { id: relied.id, recipientName: relied.recipientName, validFrom: relied.validFrom, validUntil: relied.validUntil } : null,
    reasoning: row.reasoning,
    disclosedOn: row.disclosedOn,
    recordedAt: row.recordedAt.toISOString(),
    recordedByName,
  };
}

const ofClient = (organisationId: string, clientId: string) => and(eq(consents.organisationId, organisationId), eq(consents.clientId, clientId));

/** The consents the actor sees (consentScope) that meet `where`. */
async function selectConsents(db: DbOrTx, actor: Actor, where: SQL | undefined, today: string): Promise<Consent[]> {
  const rows = await db
    .select({ consent: consents, recordedByName: recorder.name, withdrawnByName: withdrawer.name })
    .from(consents)
    .leftJoin(recorder, and(eq(recorder.organisationId, consents.organisationId), eq(recorder.id, consents.recordedBy)))
    .leftJoin(withdrawer, and(eq(withdrawer.organisationId, consents.organisationId), eq(withdrawer.id, consents.withdrawnBy)))
    .where(and(consentScope(actor), where))
    .orderBy(desc(consents.validFrom), desc(consents.recordedAt), desc(consents.id));
  return rows.map((r) => toConsent(r.consent, r, today));
}

/** The client's disclosures the actor sees (disclosureScope). */
async function selectDisclosures(db: DbOrTx, actor: Actor, clientId: string, disclosureId?: string): Promise<Disclosure[]> {
  const rows = await db
    .select({ disclosure: disclosures, recordedByName: recorder.name, consent: consents })
    .from(disclosures)
    .leftJoin(recorder, and(eq(recorder.organisationId, disclosures.organisationId), eq(recorder.id, disclosures.recordedBy)))
    .leftJoin(consents, and(eq(consents.organisationId, disclosures.organisationId), eq(consents.id, disclosures.consentId)))
    .where(and(disclosureScope(actor), eq(disclosures.clientId, clientId), disclosureId ? eq(disclosures.id, disclosureId) : undefined))
    .orderBy(desc(disclosures.disclosedOn), desc(disclosures.recordedAt), desc(disclosures.id));
  return rows.map((r) => toDisclosure(r.disclosure, r.recordedByName, r.consent));
}

export async function listConsents(db: Db, actor: Actor, clientId: string): Promise<ClientConsents> {
  if (!(await findVisibleClient(db, actor, clientId))) throw new NotFound(CLIENT_NOT_FOUND);
  const today = todayInNetherlands();
  const result = {
    consents: await selectConsents(db, actor, eq(consents.clientId, clientId), today),
    disclosures: await selectDisclosures(db, actor, clientId),
  };
  await writeAudit(db, actor, { action: 'read', entityType: 'consents', entityId: clientId, clientId });
  return result;
}

/**
 * A client of the actor's own team (a team member records the team's own consents and disclosures;
 * an attach kwaliteit has not judged yet does not stand in the way, break-the-glass never writes),
 * locked so the consents and disclosures of one client queue up.
 */
async function lockClient(tx: DbOrTx, actor: Actor, clientId: string) {
  const [client] = await tx
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), clientOfOwnTeam(actor), isNull(clients.destroyedAt)))
    .for('update');
  if (!client) throw new NotFound(CLIENT_NOT_FOUND);
  return client;
}

async function oneConsent(tx: DbOrTx, actor: Actor, consentId: string): Promise<Consent> {
  const [found] = await selectConsents(tx, actor, eq(consents.id, consentId), todayInNetherlands());
  return found!;
}

export async function recordConsent(db: Db, actor: Actor, clientId: string, input: z.output<typeof consentFields>): Promise<Consent> {
  return db.transaction(async (tx) => {
    const client = await lockClient(tx, actor, clientId);
    const values = {
      recipientKind: input.recipientKind,
      recipientName: input.recipientName,
      dataShared: input.dataShared,
      purpose: input.purpose,
      validFrom: input.validFrom,
      validUntil: input.validUntil ?? null,
      givenHow: input.givenHow,
    };
    const problems = consentPeriodProblems(values, { today: todayInNetherlands(), birthDate: client.birthDate });
    if (problems.length > 0) throw new Invalid(problems);
    const [row] = await tx.insert(consents).values({ organisationId: actor.organisationId, clientId, teamId: actor.teamId, ...values, recordedBy: actor.userId }).returning({ id: consents.id });
    await writeAudit(tx, actor, { action: 'create', entityType: 'consent', entityId: row!.id, clientId, changes: { to: values } });
    return oneConsent(tx, actor, row!.id);
  });
}

export async function withdrawConsent(db: Db, actor: Actor, consentId: string, input: z.output<typeof consentWithdrawal>): Promise<Consent> {
  return db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      table: consents,
      find: async () => {
        const [found] = await tx
          .select({ consent: consents })
          .from(consents)
          .innerJoin(clients, and(eq(clients.organisationId, consents.organisationId), eq(clients.id, consents.clientId)))
          .where(and(eq(consents.id, consentId), consentScope(actor, 'write'), clientOfOwnTeam(actor)))
          .for('update', { of: consents });
        return found?.consent;
      },
      notFound: 'Toestemming niet gevonden',
      version: input.version,
      conflict: 'Iemand anders heeft deze toestemming intussen gewijzigd. Laad de toestemmingen opnieuw.',
      decide: (before) => {
        const problem = withdrawalProblem(before, input.withdrawnOn, todayInNetherlands());
        if (problem) throw new Invalid([{ path: 'withdrawnOn', message: problem }], problem);
        return { set: { withdrawnOn: input.withdrawnOn, withdrawnBy: actor.userId, withdrawalNote: input.note ?? null } };
      },
      audit: (before) => ({ entityType: 'consent', entityId: consentId, clientId: before.clientId }),
    });
    return oneConsent(tx, actor, consentId);
  });
}

export async function recordDisclosure(db: Db, actor: Actor, clientId: string, input: z.output<typeof disclosureFields>): Promise<Disclosure> {
  return db.transaction(async (tx) => {
    await lockClient(tx, actor, clientId);
    const consentId = input.ground === 'toestemming' ? (input.consentId ?? null) : null;
    // Only a consent of this client recorded by the own team counts; any other id gets the same answer, existing or not.
    const [relied] = consentId
      ? await tx.select().from(consents).where(and(ofClient(actor.organisationId, clientId), eq(consents.id, consentId), consentScope(actor, 'write'))).for('share')
      : [];
    const problems = groundProblems({ ground: input.ground, consentId: input.consentId ?? null, reasoning: input.reasoning ?? null, disclosedOn: input.disclosedOn }, relied ?? null);
    if (input.caseId && !(await isCaseOfClient(tx, actor, input.caseId, clientId))) problems.push({ path: 'caseId', message: 'Kies een casus van deze cliënt' });
    if (problems.length > 0) throw new Invalid(problems);
    const values = {
      recipient: input.recipient,
      dataShared: input.dataShared,
      ground: input.ground,
      consentId,
      reasoning: input.reasoning ?? null,
      disclosedOn: input.disclosedOn,
      caseId: input.caseId ?? null,
    };
    const [row] = await tx.insert(disclosures).values({ organisationId: actor.organisationId, clientId, teamId: actor.teamId, ...values, recordedBy: actor.userId }).returning({ id: disclosures.id });
    await writeAudit(tx, actor, { action: 'disclose', entityType: 'disclosure', entityId: row!.id, clientId, changes: { ground: input.ground, to: values } });
    const [created] = await selectDisclosures(tx, actor, clientId, row!.id);
    return created!;
  });
}

async function isCaseOfClient(tx: DbOrTx, actor: Actor, caseId: string, clientId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(caseClients, and(eq(caseClients.organisationId, cases.organisationId), eq(caseClients.caseId, cases.id), eq(caseClients.clientId, clientId)))
    .where(and(eq(cases.id, caseId), caseScope(actor, 'write')));
  return !!row;
}
