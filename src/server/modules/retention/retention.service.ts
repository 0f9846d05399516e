// Retention (bewaartermijn en vernietiging): the daily job that lists the clients whose term has
// passed, the queue kwaliteit works through, and recording a client's own request for destruction,
// which has a legal term of 3 months. Four eyes: one person proposes a destruction (or records the
// request), another confirms it (destroys); before that anyone of kwaliteit may decline (keep longer).
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database';
import { changeVersioned } from '../../db/versioned-change';
import { clients, destructions, organisations } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { writeAudit, type AuditActor } from '../../audit/audit.writer';
import { addDays, todayInNetherlands } from '../../lib/dates';
import { Conflict, Forbidden, NotFound } from '../../lib/errors';
import { destroyClientData } from './destroy-client';
import { candidateFacts, clientFacts, selectQueue } from './retention.repo';
import { addMonths, blockedReason, destructionTurn, isDueForRetention, requestDueOn } from './retention-rules';
import {
  PENDING_STATUSES,
  type DestructionItem,
  type DestructionPage,
  type RetentionJobResult,
  type RetentionQuery,
  type confirmDestructionBody,
  type declineDestructionBody,
  type destructionRequestBody,
  type proposeDestructionBody,
} from './retention.schemas';

const STALE = 'Iemand anders heeft over deze vernietiging intussen besloten of haar gewijzigd. Laad de lijst opnieuw.';
export const DAILY_JOB = 'dagelijkse taak';

async function retentionYears(db: Db | Tx, organisationId: string): Promise<number> {
  const [org] = await db.select({ years: organisations.retentionYears }).from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw new NotFound('Organisatie niet gevonden');
  return org.years;
}

/**
 * The daily job: puts every client whose retention term has passed by `today` in the queue (reason
 * bewaartermijn, te beoordelen). Idempotent: a client already waiting is skipped, and the unique
 * index on pending rows makes a second run at the same moment insert nothing twice.
 */
export async function listDueForRetention(db: Db, organisationId: string, today: string = todayInNetherlands(), options: { onBehalfOf?: string } = {}): Promise<RetentionJobResult> {
  return db.transaction(async (tx) => {
    const years = await retentionYears(tx, organisationId);
    // A coarse bound for the query (one day of slack for month ends); the rule decides exactly.
    const startedOnOrBefore = addDays(addMonths(today, -years * 12, 'next'), 1);
    const due = (await candidateFacts(tx, organisationId, startedOnOrBefore)).filter((facts) => isDueForRetention(facts, years, today));
    const job: AuditActor = { organisationId, userId: null };
    const byClient = new Map(due.map((facts) => [facts.clientId, facts]));
    let listed = 0;
    // In chunks: one statement per 500 clients (the first run after go-live may list thousands).
    for (let i = 0; i < due.length; i += 500) {
      const created = await tx
        .insert(destructions)
        .values(due.slice(i, i + 500).map((facts) => ({ organisationId, clientId: facts.clientId, reason: 'bewaartermijn', requestedOn: today, dueOn: today })))
        .onConflictDoNothing()
        .returning({ id: destructions.id, clientId: destructions.clientId });
      for (const row of created) {
        await writeAudit(tx, job, {
          action: 'create',
          entityType: 'destruction',
          entityId: row.id,
          clientId: row.clientId,
          changes: { to: { reason: 'bewaartermijn', dueOn: today, lastClosedOn: byClient.get(row.clientId)!.lastClosedOn, retentionYears: years } },
          onBehalfOf: options.onBehalfOf ?? DAILY_JOB,
        });
      }
      listed += created.length;
    }
    return { listed, retentionYears: years };
  });
}

function withoutClient({ clientId: _clientId, ...item }: DestructionItem & { clientId: string }): DestructionItem {
  return item;
}

export async function listQueue(db: Db, actor: Actor, query: RetentionQuery): Promise<DestructionPage> {
  const page = await selectQueue(db, actor.organisationId, actor.userId, { view: query.status, limit: query.limit, offset: query.offset }, blockedReason);
  // No names, but facts about each client's file (teams, cases): named in the log.
  await writeAudit(db, actor, { action: 'list', entityType: 'destruction_queue', changes: { status: query.status, results: page.items.length }, clientIds: page.items.map((i) => i.clientId) });
  return { total: page.total, items: page.items.map(withoutClient) };
}

async function itemById(tx: Db | Tx, actor: Actor, id: string): Promise<DestructionItem> {
  const { items } = await selectQueue(tx, actor.organisationId, actor.userId, { id }, blockedReason);
  return withoutClient(items[0]!);
}

const DECIDED = 'Over deze vernietiging is al besloten.';

/** How a decision on a queue row is taken: the row locked at the version the actor read, 404 or 409 otherwise. */
function atVersion(tx: Tx, actor: Actor, id: string, version: number) {
  return {
    table: destructions,
    find: async () => (await tx.select().from(destructions).where(and(eq(destructions.organisationId, actor.organisationId), eq(destructions.id, id))).for('update'))[0],
    notFound: 'Vernietiging niet gevonden',
    version,
    conflict: STALE,
  };
}

/** Refuses a row someone already decided on. */
function assertUndecided(row: typeof destructions.$inferSelect, actor: Actor) {
  if (destructionTurn(row.status as DestructionItem['status'], row.proposedBy, actor.userId) === 'decided') throw new Conflict(DECIDED);
}

/** Locks the client (no registration or case can be attached meanwhile) and refuses while something still runs. */
async function lockUnblockedClient(tx: Tx, actor: Actor, clientId: string) {
  await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, clientId))).for('update');
  const facts = (await clientFacts(tx, actor.organisationId, clientId))!;
  const blocked = blockedReason(facts);
  if (blocked) throw new Conflict(blocked);
  return facts;
}

/**
 * Propose (the first pair of eyes) a destruction the daily job listed: nothing is removed yet;
 * another person of kwaliteit confirms it or anyone declines it.
 */
export async function proposeDestruction(db: Db, actor: Actor, id: string, input: z.output<typeof proposeDestructionBody>): Promise<DestructionItem> {
  return db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      ...atVersion(tx, actor, id, input.version),
      decide: async (row) => {
        assertUndecided(row, actor);
        if (row.status !== 'te_beoordelen') throw new Conflict('Deze vernietiging is al voorgesteld. Een andere medewerker kwaliteit dan wie haar voorstelde, bevestigt haar.');
        await lockUnblockedClient(tx, actor, row.clientId);
        return { set: { status: 'voorgesteld' as const, proposedBy: actor.userId, proposedAt: new Date(), proposalNote: input.note || null } };
      },
      audit: (row, { set }) => ({
        entityType: 'destruction',
        entityId: id,
        clientId: row.clientId,
        changes: { from: { status: row.status }, to: { status: set.status, proposalNote: set.proposalNote } },
      }),
    });
    return itemById(tx, actor, id);
  });
}

/**
 * Confirm (the second pair of eyes): the client's personal data are destroyed now, in this one
 * transaction. Only after a proposal, and never by the person who proposed it or recorded the request.
 */
export async function confirmDestruction(db: Db, actor: Actor, id: string, input: z.output<typeof confirmDestructionBody>, today: string = todayInNetherlands()): Promise<DestructionItem> {
  return db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      ...atVersion(tx, actor, id, input.version),
      decide: async (row) => {
        assertUndecided(row, actor);
        const turn = destructionTurn(row.status as DestructionItem['status'], row.proposedBy, actor.userId);
        if (turn === 'propose') throw new Conflict('Deze vernietiging is nog niet voorgesteld. Eerst stelt een medewerker kwaliteit haar voor; daarna bevestigt een ander haar.');
        if (turn === 'wait') {
          throw new Forbidden('U heeft deze vernietiging zelf voorgesteld of het verzoek vastgelegd. Een andere medewerker kwaliteit moet haar bevestigen (vier ogen).');
        }
        const facts = await lockUnblockedClient(tx, actor, row.clientId);
        if (row.reason === 'bewaartermijn' && !isDueForRetention(facts, await retentionYears(tx, actor.organisationId), today)) {
          throw new Conflict('De bewaartermijn van deze cliënt is niet (meer) verstreken: er is intussen een nieuwere casus of aanmelding. Wijs de vernietiging af.');
        }
        const removed = await destroyClientData(tx, actor.organisationId, row.clientId);
        return { set: { status: 'vernietigd' as const, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.note || null }, removed };
      },
      // Written after the blanking, so it stays: which client (an anonymous key now), why, who
      // proposed it (the confirmer is the row's actor), and counts.
      audit: (row, { removed }) => ({
        action: 'destroy',
        entityType: 'client',
        entityId: row.clientId,
        clientId: row.clientId,
        changes: { destructionId: id, reason: row.reason, proposedBy: row.proposedBy, removed },
      }),
    });
    return itemById(tx, actor, id);
  });
}

/** Decline, before a confirmation, by anyone of kwaliteit: the data are kept longer, with the reason (e.g. of significant interest to someone else). */
export async function declineDestruction(db: Db, actor: Actor, id: string, input: z.output<typeof declineDestructionBody>): Promise<DestructionItem> {
  return db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      ...atVersion(tx, actor, id, input.version),
      decide: (row) => {
        assertUndecided(row, actor);
        return { set: { status: 'afgewezen' as const, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.note } };
      },
      audit: (row) => ({ entityType: 'destruction', entityId: id, clientId: row.clientId, changes: { from: { status: row.status }, to: { status: 'afgewezen', decisionNote: input.note } } }),
    });
    return itemById(tx, actor, id);
  });
}

/**
 * A client's request for destruction (Wmo 2015 art. 5.3.5), received on `receivedOn`: in the queue
 * with the legal term of 3 months. kwaliteit records it for any client of the organisation (it has no
 * client scope of its own); the request is logged in the client's access log. Recording it is the
 * first pair of eyes (voorgesteld, by the recorder): another person confirms it.
 */
export async function recordDestructionRequest(db: Db, actor: Actor, clientId: string, input: z.output<typeof destructionRequestBody>): Promise<DestructionItem> {
  return db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: clients.id, destroyedAt: clients.destroyedAt })
      .from(clients)
      .where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, clientId)))
      .for('update');
    if (!client) throw new NotFound('Cliënt niet gevonden');
    if (client.destroyedAt) throw new Conflict('De gegevens van deze cliënt zijn al vernietigd.');
    const dueOn = requestDueOn(input.receivedOn);
    const note = input.note || null;
    const [pending] = await tx
      .select()
      .from(destructions)
      .where(and(eq(destructions.organisationId, actor.organisationId), eq(destructions.clientId, clientId), inArray(destructions.status, [...PENDING_STATUSES])))
      .for('update');
    if (pending?.reason === 'verzoek') throw new Conflict('Er is al een verzoek tot vernietiging van deze cliënt in behandeling.');
    // Not changeVersioned (db/versioned-change.ts): nobody read this row's version (it is found by the
    // client), so there is nothing to be stale, and without one the request is an insert.
    // The recorder is the first pair of eyes, also over an earlier proposal for the retention term.
    const proposal = { status: 'voorgesteld' as const, proposedBy: actor.userId, proposedAt: new Date(), proposalNote: null };
    let id: string;
    if (pending) {
      // Already listed for the retention term: it becomes the client's request, and keeps the
      // earlier of the two dates to act by.
      const keptDue = pending.dueOn < dueOn ? pending.dueOn : dueOn;
      await tx
        .update(destructions)
        .set({ reason: 'verzoek', requestedOn: input.receivedOn, dueOn: keptDue, requestNote: note, ...proposal, version: pending.version + 1 })
        .where(and(eq(destructions.organisationId, actor.organisationId), eq(destructions.id, pending.id)));
      id = pending.id;
      await writeAudit(tx, actor, {
        action: 'update',
        entityType: 'destruction',
        entityId: id,
        clientId,
        changes: {
          from: { reason: pending.reason, status: pending.status, proposedBy: pending.proposedBy, requestedOn: pending.requestedOn, dueOn: pending.dueOn },
          to: { reason: 'verzoek', status: 'voorgesteld', proposedBy: actor.userId, requestedOn: input.receivedOn, dueOn: keptDue, requestNote: note },
        },
      });
    } else {
      const [row] = await tx
        .insert(destructions)
        .values({ organisationId: actor.organisationId, clientId, reason: 'verzoek', requestedOn: input.receivedOn, dueOn, requestNote: note, ...proposal })
        .returning({ id: destructions.id });
      id = row!.id;
      await writeAudit(tx, actor, {
        action: 'create',
        entityType: 'destruction',
        entityId: id,
        clientId,
        changes: { to: { reason: 'verzoek', status: 'voorgesteld', proposedBy: actor.userId, requestedOn: input.receivedOn, dueOn, requestNote: note } },
      });
    }
    return itemById(tx, actor, id);
  });
}
