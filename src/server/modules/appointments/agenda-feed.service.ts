// The worker's iCalendar feed: a secret address (a random token of 32 bytes, shown once; the
// database keeps its sha256), revocable, replaced by a new one on request. The feed carries no
// names and no other personal data of clients: per appointment the kind, the case's short reference,
// the place the worker typed, the times and the status (a cancelled one as STATUS:CANCELLED).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, lt } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Db, Tx } from '../../db/database';
import { agendaFeeds, appointments, caseClients, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { appointmentScope } from '../../access/access.policy';
import { roleAllows } from '../../access/permissions';
import { writeAudit } from '../../audit/audit.writer';
import { Conflict, NotFound, TooManyRequests } from '../../lib/errors';
import { takeSlot, type Limit } from '../../lib/rate-limit';
import { APPOINTMENT_KIND_LABELS, caseReference, FEED_DAYS_AHEAD, FEED_DAYS_BACK } from './appointment-rules';
import type { AgendaFeedStatus, NewAgendaFeed } from './appointments.schemas';

/** The address of a feed, below the API's base; the token goes in the query (request logs drop it). */
export const FEED_PATH = '/api/v1/agenda-feed/agenda.ics';
const FEED_NOT_FOUND = 'Onbekend agenda-adres. Maak in Keukentafel een nieuw adres onder Agenda.';
/** A calendar program asks every 15 minutes to a few hours; a loop or a guesser asks far more. */
export const FEED_LIMIT_PER_TOKEN: Limit = { limit: 30, windowSeconds: 3600 };
/** Per address: many workers of one office share it (NAT). */
export const FEED_LIMIT_PER_IP: Limit = { limit: 600, windowSeconds: 3600 };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function feedStatus(db: Db, actor: Actor): Promise<AgendaFeedStatus> {
  const [row] = await db.select({ createdAt: agendaFeeds.createdAt }).from(agendaFeeds).where(and(eq(agendaFeeds.organisationId, actor.organisationId), eq(agendaFeeds.userId, actor.userId)));
  return { active: !!row, createdAt: row?.createdAt.toISOString() ?? null };
}

const FEED_CHANGED = 'Uw agenda-adres is intussen veranderd, misschien in een ander scherm. Laad de pagina opnieuw en kijk of u nog iets wilt doen.';

/** The worker's current address, locked: its moment of making, or null. */
async function lockFeed(tx: Tx, actor: Actor): Promise<string | null> {
  const [row] = await tx.select({ createdAt: agendaFeeds.createdAt }).from(agendaFeeds).where(and(eq(agendaFeeds.organisationId, actor.organisationId), eq(agendaFeeds.userId, actor.userId))).for('update');
  return row?.createdAt.toISOString() ?? null;
}

/**
 * A new address, replacing the one the worker saw (`replacing`: its moment, or null for none): the
 * earlier one stops working at once. The token is in the answer only.
 */
export async function createFeed(db: Db, actor: Actor, replacing: string | null): Promise<NewAgendaFeed> {
  const token = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const current = await lockFeed(tx, actor);
    if (current !== replacing) throw new Conflict(FEED_CHANGED);
    const createdAt = new Date();
    const values = { tokenHash: hashToken(token), createdAt };
    const before = current !== null;
    await tx
      .insert(agendaFeeds)
      .values({ organisationId: actor.organisationId, userId: actor.userId, ...values })
      .onConflictDoUpdate({ target: [agendaFeeds.organisationId, agendaFeeds.userId], set: values });
    await writeAudit(tx, actor, { action: 'create', entityType: 'agenda_feed', entityId: actor.userId, changes: { replaced: before } });
    return { path: `${FEED_PATH}?token=${token}`, createdAt: createdAt.toISOString() };
  });
}

/**
 * Revoked: the address made at `createdAt` answers 404 from now on. When there is none, nothing
 * changes; a newer one (made elsewhere since) is not revoked unseen (409).
 */
export async function revokeFeed(db: Db, actor: Actor, createdAt: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockFeed(tx, actor);
    if (current === null) return;
    if (current !== createdAt) throw new Conflict(FEED_CHANGED);
    const gone = await tx.delete(agendaFeeds).where(and(eq(agendaFeeds.organisationId, actor.organisationId), eq(agendaFeeds.userId, actor.userId))).returning({ userId: agendaFeeds.userId });
    if (gone.length) await writeAudit(tx, actor, { action: 'delete', entityType: 'agenda_feed', entityId: actor.userId });
  });
}

async function limit(db: Db, key: string, rule: Limit): Promise<void> {
  const slot = await takeSlot(db, key, rule);
  if (!slot.allowed) throw new TooManyRequests('Deze agenda is te vaak opgehaald. Probeer het later opnieuw.', slot.retryAfterSeconds);
}

/**
 * The feed of the worker whose token this is (404 for an unknown or revoked token, and for an
 * account that is no longer active or may not use the agenda). `ip`: the caller's address, for the
 * rate limit. The read is logged as the worker's, with the clients whose appointments it held.
 */
export async function readFeed(db: Db, token: string, ip: string, now = new Date()): Promise<string> {
  await limit(db, `agenda-feed-ip:${ip}`, FEED_LIMIT_PER_IP);
  const tokenHash = hashToken(token);
  await limit(db, `agenda-feed:${tokenHash}`, FEED_LIMIT_PER_TOKEN);
  const [owner] = await db
    .select({ organisationId: users.organisationId, userId: users.id, role: users.role, teamId: users.teamId, name: users.name, active: users.active })
    .from(agendaFeeds)
    .innerJoin(users, and(eq(users.organisationId, agendaFeeds.organisationId), eq(users.id, agendaFeeds.userId)))
    .where(eq(agendaFeeds.tokenHash, tokenHash));
  if (!owner || !owner.active || !roleAllows(owner.role, 'appointments:use')) throw new NotFound(FEED_NOT_FOUND);
  // The worker's own scope, never a break-the-glass access: the feed shows their team's work only.
  const actor: Actor = { organisationId: owner.organisationId, userId: owner.userId, role: owner.role, teamId: owner.teamId, name: owner.name, emergencyClientIds: [] };
  const rows = await db
    .select({ a: appointments, clientId: caseClients.clientId })
    .from(appointments)
    .leftJoin(caseClients, and(eq(caseClients.organisationId, appointments.organisationId), eq(caseClients.caseId, appointments.caseId), eq(caseClients.role, 'hoofdclient')))
    .where(
      and(
        appointmentScope(actor, 'read'),
        eq(appointments.workerId, actor.userId),
        gte(appointments.startsAt, new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000)),
        lt(appointments.startsAt, new Date(now.getTime() + FEED_DAYS_AHEAD * 86_400_000)),
      ),
    )
    .orderBy(appointments.startsAt);
  const calendar = ical({ name: 'Keukentafel', prodId: { company: 'Keukentafel', product: 'Agenda', language: 'NL' }, ttl: 3600 });
  for (const { a } of rows) {
    const summary = `${APPOINTMENT_KIND_LABELS[a.kind]} · ${caseReference(a.caseId)}`;
    calendar.createEvent({
      id: `${a.id}@keukentafel`,
      start: a.startsAt,
      end: a.endsAt,
      stamp: a.updatedAt,
      sequence: a.version,
      summary: a.status === 'afgezegd' ? `Afgezegd: ${summary}` : summary,
      description: `${APPOINTMENT_KIND_LABELS[a.kind]} bij ${caseReference(a.caseId)}. Open de casus in Keukentafel voor de gegevens.`,
      location: a.place ?? null,
      status: a.status === 'afgezegd' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  const clientIds = [...new Set(rows.flatMap((r) => (r.clientId ? [r.clientId] : [])))];
  await writeAudit(db, actor, { action: 'list', entityType: 'agenda_feed_read', changes: { results: rows.length }, clientIds });
  return calendar.toString();
}
