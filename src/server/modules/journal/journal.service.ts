// The contact journal of a case. An edit keeps the earlier version in contact_versions.
// A sensitive entry (marked by its author) is listed as withheld to anyone outside its author and the
// case's workers, and is not found for them when they ask for its versions or change it.
import { alias } from 'drizzle-orm/pg-core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/database';
import { cases, contacts, contactVersions, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope, sensitiveContactVisible } from '../../access/access.policy';
import { writeCaseAudit } from '../../audit/audit.writer';
import { changeVersioned } from '../../db/versioned-change';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { claimIdempotencyKey, type IdempotencyKey } from '../../http/idempotency';
import { findVisibleCase } from '../cases/cases.repo';
import type { Contact, contactFields, contactUpdate, ContactVersion, JournalEntry, WithheldContact } from './journal.schemas';
import type { Sensitivity } from '../../lib/sensitivity';
import { dutchDate } from '../../lib/dutch-dates';
import { notify } from '../notifications/notify';

type ContactRow = typeof contacts.$inferSelect;

function toContact(row: ContactRow, authorName: string | null, actor: Actor): Contact {
  return {
    id: row.id,
    caseId: row.caseId,
    contactOn: row.contactOn,
    kind: row.kind,
    minutes: row.minutes,
    note: row.note,
    sensitivity: row.sensitivity as Sensitivity | null,
    authorName,
    mayChangeSensitivity: row.authorId === actor.userId,
    withheld: false,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function toWithheld(row: ContactRow, authorName: string | null): WithheldContact {
  return { id: row.id, caseId: row.caseId, contactOn: row.contactOn, kind: row.kind, authorName, withheld: true };
}

export async function listContacts(db: Db, actor: Actor, caseId: string): Promise<JournalEntry[]> {
  if (!(await findVisibleCase(db, actor, caseId))) throw new NotFound('Casus niet gevonden');
  const rows = await db
    .select({ contact: contacts, authorName: users.name, visible: sql<boolean>`${sensitiveContactVisible(actor)}` })
    .from(contacts)
    .leftJoin(users, and(eq(users.organisationId, contacts.organisationId), eq(users.id, contacts.authorId)))
    .where(and(eq(contacts.organisationId, actor.organisationId), eq(contacts.caseId, caseId)))
    .orderBy(desc(contacts.contactOn), desc(contacts.createdAt));
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'journal', entityId: caseId });
  return rows.map((r) => (r.visible ? toContact(r.contact, r.authorName, actor) : toWithheld(r.contact, r.authorName)));
}

function assertContactDate(contactOn: string, caseRow: typeof cases.$inferSelect) {
  if (contactOn < caseRow.registeredOn) {
    throw new Invalid([{ path: 'contactOn', message: `Een contact kan niet voor de aanmelding (${dutchDate(caseRow.registeredOn)}) liggen` }]);
  }
}

/**
 * `options.idempotency`: the user's Idempotency-Key. The contact that key made before is returned as
 * it is (a retry); the same key for another case is refused (409).
 */
export async function addContact(db: Db, actor: Actor, caseId: string, input: z.output<typeof contactFields>, options: { idempotency?: IdempotencyKey } = {}): Promise<Contact> {
  return db.transaction(async (tx) => {
    const caseRow = await findVisibleCase(tx, actor, caseId, { forUpdate: true });
    if (!caseRow) throw new NotFound('Casus niet gevonden');
    const claim = options.idempotency ? await claimIdempotencyKey(tx, actor, options.idempotency) : null;
    if (claim?.retry) {
      const [earlier] = await tx.select().from(contacts).where(and(eq(contacts.organisationId, actor.organisationId), eq(contacts.id, claim.id)));
      if (earlier?.caseId !== caseId) throw new Conflict('U heeft deze Idempotency-Key al gebruikt voor een ander verzoek');
      return toContact(earlier, actor.name, actor);
    }
    if (caseRow.status === 'closed') throw new Conflict('Deze casus is afgesloten. Heropen hem om contacten toe te voegen.');
    assertContactDate(input.contactOn, caseRow);
    const values = { contactOn: input.contactOn, kind: input.kind, minutes: input.minutes ?? null, note: input.note, sensitivity: input.sensitivity ?? null };
    const [row] = await tx
      .insert(contacts)
      .values({ organisationId: actor.organisationId, ...(claim ? { id: claim.id } : {}), caseId, authorId: actor.userId, ...values })
      .returning();
    await writeCaseAudit(tx, actor, caseId, { action: 'create', entityType: 'contact', entityId: row!.id, changes: { to: values } });
    await notify(tx, actor, { kind: 'journal_entry', caseId });
    return toContact(row!, actor.name, actor);
  });
}

async function findContact(db: DbOrTx, actor: Actor, contactId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ contact: contacts, caseRow: cases })
    .from(contacts)
    .innerJoin(cases, and(eq(cases.organisationId, contacts.organisationId), eq(cases.id, contacts.caseId)))
    .where(
      and(eq(contacts.organisationId, actor.organisationId), eq(contacts.id, contactId), caseScope(actor, options.forUpdate ? 'write' : 'read'), sensitiveContactVisible(actor)),
    );
  const [row] = options.forUpdate ? await query.for('update', { of: contacts }) : await query;
  return row ?? null;
}

export async function updateContact(db: Db, actor: Actor, contactId: string, input: z.output<typeof contactUpdate>): Promise<Contact> {
  return db.transaction(async (tx) => {
    const { after } = await changeVersioned(tx, actor, {
      table: contacts,
      // The case comes along for the date check.
      find: async () => {
        const found = await findContact(tx, actor, contactId, { forUpdate: true });
        return found && { ...found.contact, caseRow: found.caseRow };
      },
      notFound: 'Contact niet gevonden',
      version: input.version,
      conflict: 'Iemand anders heeft dit contact intussen gewijzigd. Laad het journaal opnieuw.',
      decide: async ({ caseRow, ...before }) => {
        assertContactDate(input.contactOn, caseRow);
        const sensitivity = input.sensitivity === undefined ? before.sensitivity : input.sensitivity;
        if (sensitivity !== before.sensitivity && before.authorId !== actor.userId) {
          throw new Invalid([{ path: 'sensitivity', message: 'Alleen wie de notitie schreef, kan de markering gevoelig zetten, wijzigen of weghalen' }]);
        }
        await tx.insert(contactVersions).values({
          organisationId: actor.organisationId,
          contactId,
          version: before.version,
          contactOn: before.contactOn,
          kind: before.kind,
          minutes: before.minutes,
          note: before.note,
          sensitivity: before.sensitivity,
          authorId: before.authorId,
          replacedBy: actor.userId,
        });
        return { set: { contactOn: input.contactOn, kind: input.kind, minutes: input.minutes ?? null, note: input.note, sensitivity } };
      },
      audit: (before) => ({ entityType: 'contact', entityId: contactId, caseId: before.caseId }),
    });
    const [author] = after.authorId ? await tx.select({ name: users.name }).from(users).where(and(eq(users.organisationId, actor.organisationId), eq(users.id, after.authorId))) : [];
    return toContact(after, author?.name ?? null, actor);
  });
}

const author = alias(users, 'author');
const replacer = alias(users, 'replacer');

export async function listContactVersions(db: Db, actor: Actor, contactId: string): Promise<ContactVersion[]> {
  const found = await findContact(db, actor, contactId);
  if (!found) throw new NotFound('Contact niet gevonden');
  await writeCaseAudit(db, actor, found.contact.caseId, { action: 'read', entityType: 'contact_versions', entityId: contactId });
  const rows = await db
    .select({ v: contactVersions, authorName: author.name, replacedByName: replacer.name })
    .from(contactVersions)
    .leftJoin(author, and(eq(author.organisationId, contactVersions.organisationId), eq(author.id, contactVersions.authorId)))
    .leftJoin(replacer, and(eq(replacer.organisationId, contactVersions.organisationId), eq(replacer.id, contactVersions.replacedBy)))
    .where(and(eq(contactVersions.organisationId, actor.organisationId), eq(contactVersions.contactId, contactId)))
    .orderBy(desc(contactVersions.version));
  return rows.map(({ v, authorName, replacedByName }) => ({
    version: v.version,
    contactOn: v.contactOn,
    kind: v.kind,
    minutes: v.minutes,
    note: v.note,
    sensitivity: v.sensitivity as Sensitivity | null,
    authorName,
    replacedByName,
    replacedAt: v.replacedAt.toISOString(),
  }));
}
