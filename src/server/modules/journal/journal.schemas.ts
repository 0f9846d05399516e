// Contact journal shapes. Shared with the web app.
import { z } from 'zod';
import { version, wholeNumber } from '../../lib/number-fields';
import { notInFuture } from '../../lib/dates';
import { isoDate, dateValue, moment } from '../../lib/date-fields';
import { CONTACT_KINDS } from '../cases/case-rules';
import { sensitivity } from '../../lib/sensitivity';

export const contactFields = z.object({
  contactOn: isoDate.refine(notInFuture, 'Een contact kan niet in de toekomst liggen'),
  kind: z.enum(CONTACT_KINDS, 'Kies het soort contact'),
  minutes: wholeNumber(0, 1440, 'Minuten: 0 tot en met 1440').nullable().optional(),
  note: z.string().trim().max(20000, 'Een notitie is maximaal 20.000 tekens').default(''),
  /**
   * Set by the author only. Left out on a change: the mark stays as it is (a colleague of the case
   * who edits the text keeps the author's mark).
   */
  sensitivity: sensitivity.optional(),
});
export type ContactFields = z.input<typeof contactFields>;

export const contactUpdate = contactFields.extend({ version });

export const contact = z.object({
  id: z.string(),
  caseId: z.string(),
  contactOn: dateValue,
  kind: z.enum(CONTACT_KINDS),
  minutes: z.number().nullable(),
  note: z.string(),
  sensitivity,
  authorName: z.string().nullable(),
  /** Only the author may set, change or clear the sensitive mark. */
  mayChangeSensitivity: z.boolean(),
  withheld: z.literal(false),
  createdAt: moment,
  updatedAt: moment,
  version: z.number(),
});
export type Contact = z.infer<typeof contact>;

/**
 * A sensitive entry the actor may not read: that it exists, when, what kind and by whom. Not the
 * note, the minutes nor which mark it carries (the category alone says too much).
 */
export const withheldContact = contact.pick({ id: true, caseId: true, contactOn: true, kind: true, authorName: true }).extend({ withheld: z.literal(true) });
export type WithheldContact = z.infer<typeof withheldContact>;

/** One line of the journal as the actor may see it. */
export const journalEntry = z.discriminatedUnion('withheld', [contact, withheldContact]);
export type JournalEntry = z.infer<typeof journalEntry>;

export const contactVersion = z.object({
  version: z.number(),
  contactOn: dateValue,
  kind: z.enum(CONTACT_KINDS),
  minutes: z.number().nullable(),
  note: z.string(),
  sensitivity,
  authorName: z.string().nullable(),
  replacedByName: z.string().nullable(),
  replacedAt: moment,
});
export type ContactVersion = z.infer<typeof contactVersion>;
