// Letters from a template. The beheerder keeps the organisation's own text per kind of letter; a
// worker fills one from a case (what the case knows goes in, the rest stays in braces), reviews
// it, and saves it as a PDF among the case's documents.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/database';
import { appointments, caseClients, clients, letterTemplates, organisations, teams, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../../audit/audit.writer';
import { changeVersioned, lockAtVersion } from '../../db/versioned-change';
import { todayInNetherlands } from '../../lib/dates';
import { dutchDate, dutchDateWithWeekday } from '../../lib/dutch-dates';
import { dutchWallClock } from '../appointments/appointment-rules';
import { addressBlock } from '../../lib/pdf/letter-parts';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import type { PdfPool } from '../../lib/pdf/pdf-pool';
import { discardStored, storeDocument } from '../documents/documents.service';
import type { DocumentItem } from '../documents/documents.schemas';
import { findVisibleCase } from '../cases/cases.repo';
import { shownLastName } from '../retention/destroyed-client';
import { DEFAULT_LETTER_TEMPLATES, LETTER_KINDS, LETTER_KIND_LABELS, fieldLabel, fieldsToFill, fillTemplate, type LetterField, type LetterKind } from './letter-templates';
import { templateLetterDocument, type TemplateLetter } from './letter-document';
import { stillToFillMessage, type LetterDraft, type LetterTemplate, type letterFields, type letterTemplateFields } from './letters.schemas';
import type { z } from 'zod';

const CHANGED = 'Iemand anders heeft deze brief intussen gewijzigd. Laad de pagina opnieuw en kijk wat er veranderd is.';
const CASE_NOT_FOUND = 'Casus niet gevonden';
const RECIPIENT_NOT_FOUND = 'Deze persoon hoort niet bij het huishouden van de casus';

async function ownTemplates(db: DbOrTx, organisationId: string) {
  return db
    .select({ row: letterTemplates, updatedBy: users.name })
    .from(letterTemplates)
    .innerJoin(users, and(eq(users.organisationId, letterTemplates.organisationId), eq(users.id, letterTemplates.updatedBy)))
    .where(eq(letterTemplates.organisationId, organisationId));
}

/** Every kind of letter with the text in use: the organisation's own, or the one that ships. */
export async function listLetterTemplates(db: DbOrTx, actor: Pick<Actor, 'organisationId'>): Promise<LetterTemplate[]> {
  const own = new Map((await ownTemplates(db, actor.organisationId)).map((t) => [t.row.kind, t]));
  return LETTER_KINDS.map((kind) => {
    const found = own.get(kind);
    return found
      ? { kind, label: LETTER_KIND_LABELS[kind], subject: found.row.subject, body: found.row.body, custom: true, version: found.row.version, updatedAt: found.row.updatedAt.toISOString(), updatedBy: found.updatedBy }
      : { kind, label: LETTER_KIND_LABELS[kind], ...DEFAULT_LETTER_TEMPLATES[kind], custom: false, version: 0, updatedAt: null, updatedBy: null };
  });
}

async function templateOf(db: DbOrTx, actor: Pick<Actor, 'organisationId'>, kind: LetterKind): Promise<LetterTemplate> {
  return (await listLetterTemplates(db, actor)).find((t) => t.kind === kind)!;
}

const lockTemplate = (tx: Tx, organisationId: string, kind: LetterKind) =>
  tx
    .select()
    .from(letterTemplates)
    .where(and(eq(letterTemplates.organisationId, organisationId), eq(letterTemplates.kind, kind)))
    .for('update')
    .then((rows) => rows[0]);

/**
 * The organisation's own text for a kind of letter, at the version the beheerder read (0: the
 * text that ships, so nobody may have saved one since).
 */
export async function saveLetterTemplate(db: Db, actor: Actor, input: z.output<typeof letterTemplateFields>): Promise<LetterTemplate> {
  const { kind } = input;
  return db.transaction(async (tx) => {
    const text = { subject: input.subject, body: input.body };
    if (input.version === 0) {
      // Two first saves at once: the unique kind per organisation lets one in; the other is told.
      const [row] = await tx
        .insert(letterTemplates)
        .values({ organisationId: actor.organisationId, kind, ...text, updatedBy: actor.userId })
        .onConflictDoNothing()
        .returning({ id: letterTemplates.id });
      if (!row) throw new Conflict(CHANGED);
      await writeAudit(tx, actor, { action: 'create', entityType: 'letter_template', entityId: row.id, changes: { to: { kind, ...text } } });
    } else {
      await changeVersioned(tx, actor, {
        table: letterTemplates,
        find: () => lockTemplate(tx, actor.organisationId, kind),
        notFound: CHANGED,
        version: input.version,
        conflict: CHANGED,
        decide: () => ({ set: { ...text, updatedBy: actor.userId } }),
        audit: (before) => ({ entityType: 'letter_template', entityId: before.id }),
      });
    }
    return templateOf(tx, actor, kind);
  });
}

/**
 * Back to the text that ships with Keukentafel: the organisation's own text, at the version the
 * beheerder read, is deleted. Without an own text there is nothing to do: the answer is the same.
 */
export async function resetLetterTemplate(db: Db, actor: Actor, kind: LetterKind, version: number): Promise<LetterTemplate> {
  return db.transaction(async (tx) => {
    const own = await lockTemplate(tx, actor.organisationId, kind);
    if (!own) return templateOf(tx, actor, kind);
    const before = await lockAtVersion(async () => own, { notFound: CHANGED, version, conflict: CHANGED });
    await tx.delete(letterTemplates).where(and(eq(letterTemplates.organisationId, actor.organisationId), eq(letterTemplates.id, before.id)));
    await writeAudit(tx, actor, { action: 'delete', entityType: 'letter_template', entityId: before.id, changes: { from: { kind, subject: before.subject, body: before.body } } });
    return templateOf(tx, actor, kind);
  });
}

/** Where an appointment is, as a letter says it: the place typed, or how it takes place. */
function appointmentPlace(appointment: { kind: string; place: string | null }): string {
  if (appointment.place) return appointment.place;
  return appointment.kind === 'telefoon' ? 'aan de telefoon: wij bellen u' : appointment.kind === 'video' ? 'in een videogesprek: u krijgt een link van ons' : '';
}

/** What a letter on this case to this member of its household is filled from; null when out of the actor's write scope. */
async function letterContext(db: DbOrTx, actor: Actor, caseId: string, recipientId: string) {
  const found = await findVisibleCase(db, actor, caseId, { mode: 'write' });
  if (!found) throw new NotFound(CASE_NOT_FOUND);
  const [recipient] = await db
    .select({ firstName: clients.firstName, lastName: shownLastName(clients), street: clients.street, houseNumber: clients.houseNumber, postcode: clients.postcode, city: clients.city })
    .from(caseClients)
    .innerJoin(clients, and(eq(clients.organisationId, caseClients.organisationId), eq(clients.id, caseClients.clientId)))
    .where(and(eq(caseClients.organisationId, actor.organisationId), eq(caseClients.caseId, caseId), eq(caseClients.clientId, recipientId)));
  if (!recipient) throw new NotFound(RECIPIENT_NOT_FOUND);
  const [names] = await db
    .select({ team: teams.name, organisation: organisations.name })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, found.teamId)));
  const [lead] = found.leadWorkerId
    ? await db.select({ name: users.name }).from(users).where(and(eq(users.organisationId, actor.organisationId), eq(users.id, found.leadWorkerId)))
    : [];
  // The case's next planned appointment (any worker's), for an invitation.
  const [next] = await db
    .select({ startsAt: appointments.startsAt, kind: appointments.kind, place: appointments.place })
    .from(appointments)
    .where(and(eq(appointments.organisationId, actor.organisationId), eq(appointments.caseId, caseId), eq(appointments.status, 'gepland'), gt(appointments.startsAt, new Date())))
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(1);
  const at = next ? dutchWallClock(next.startsAt) : null;
  const today = todayInNetherlands();
  const recipientName = `${recipient.firstName} ${recipient.lastName}`.trim();
  const values: Record<LetterField, string | null> = {
    naam: recipientName,
    medewerker: lead?.name ?? actor.name,
    team: names!.team,
    organisatie: names!.organisation,
    vandaag: dutchDate(today),
    datum_aanmelding: dutchDate(found.registeredOn),
    datum_kennismaking: found.firstMeetingOn ? dutchDate(found.firstMeetingOn) : null,
    datum_afsluiting: found.closedOn ? dutchDate(found.closedOn) : null,
    afspraak_datum: at ? dutchDateWithWeekday(at.date) : null,
    afspraak_tijd: at ? `${at.time.replace(':', '.')} uur` : null,
    afspraak_plaats: next ? appointmentPlace(next) : null,
  };
  const address = { name: recipientName, street: recipient.street, houseNumber: recipient.houseNumber, postcode: recipient.postcode, city: recipient.city };
  return { found, values, address, organisation: names!.organisation, team: names!.team, workerName: values.medewerker, today };
}

/** A letter of the kind to this member of the case's household, filled from the case, for the worker to review. */
export async function draftLetter(db: Db, actor: Actor, caseId: string, input: { kind: LetterKind; recipientId: string }): Promise<LetterDraft> {
  const context = await letterContext(db, actor, caseId, input.recipientId);
  const template = await templateOf(db, actor, input.kind);
  const subject = fillTemplate(template.subject, context.values);
  const body = fillTemplate(template.body, context.values);
  // The draft shows the recipient's name and address: a read of their data, logged as such.
  await writeAudit(db, actor, { action: 'read', entityType: 'letter', entityId: caseId, clientId: input.recipientId, changes: { kind: input.kind } });
  return {
    kind: input.kind,
    recipientId: input.recipientId,
    recipientName: context.address.name,
    // The address block without the name on its first line.
    address: addressBlock(context.address).split('\n').slice(1),
    addressComplete: Boolean(context.address.street && context.address.postcode && context.address.city),
    subject,
    body,
    toFill: fieldsToFill(subject + '\n' + body).map((field) => ({ field, label: fieldLabel(field) })),
  };
}

/** The reviewed letter as the PDF machinery takes it. */
async function templateLetter(db: DbOrTx, actor: Actor, caseId: string, input: { recipientId: string; subject: string; body: string }): Promise<TemplateLetter> {
  const context = await letterContext(db, actor, caseId, input.recipientId);
  return {
    organisation: context.organisation,
    team: context.team,
    recipient: context.address,
    date: context.today,
    workerName: context.workerName,
    subject: input.subject,
    body: input.body,
    createdAt: new Date().toISOString(),
  };
}

/** `brief-uitnodiging-2026-12-07.pdf`: the kind and the day, never a name. */
export const letterFileName = (kind: LetterKind, date: string) => `brief-${kind.replaceAll('_', '-')}-${date}.pdf`;

/**
 * The reviewed letter as a PDF among the case's documents (source 'brief'), once nothing is left
 * to fill in. The PDF is made first (in the PDF pool's worker thread), then stored in one
 * transaction with its audit rows.
 */
export async function makeLetter(db: Db, pdfs: PdfPool, actor: Actor, caseId: string, input: z.output<typeof letterFields>): Promise<DocumentItem> {
  const problems = (['subject', 'body'] as const).flatMap((path) => {
    const left = fieldsToFill(input[path]);
    return left.length > 0 ? [{ path, message: stillToFillMessage(left) }] : [];
  });
  if (problems.length > 0) throw new Invalid(problems);
  const letter = await templateLetter(db, actor, caseId, input);
  const bytes = await pdfs.render(templateLetterDocument(letter));
  let stored: DocumentItem | undefined;
  try {
    return await db.transaction(async (tx) => {
      stored = await storeDocument(tx, actor, {
        caseId,
        title: input.subject,
        fileName: letterFileName(input.kind, letter.date),
        mediaType: 'application/pdf',
        bytes,
        sensitivity: input.sensitivity ?? null,
        source: 'brief',
      });
      await writeAudit(tx, actor, { action: 'create', entityType: 'letter', entityId: stored.id, clientId: input.recipientId, changes: { to: { kind: input.kind, recipientId: input.recipientId } } });
      return stored;
    });
  } catch (error) {
    if (stored) await discardStored(actor, stored);
    throw error;
  }
}
