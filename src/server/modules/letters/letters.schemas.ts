// Letters from a template: the organisation's templates (Beheer → Brieven) and a letter filled
// from a case, reviewed by the worker and saved as a PDF in the case's documents. Shared with the web app.
import { z } from 'zod';
import { moment } from '../../lib/date-fields';
import { INT4_MAX, version, wholeNumber } from '../../lib/number-fields';
import { sensitivity } from '../../lib/sensitivity';
import { BODY_MAX, LETTER_KINDS, SUBJECT_MAX, unknownFields, fieldLabel } from './letter-templates';

export const letterKind = z.enum(LETTER_KINDS, 'Kies een soort brief');

const unknownFieldsMessage = (names: string[]) =>
  `${names.length === 1 ? 'Dit veld bestaat niet' : 'Deze velden bestaan niet'}: ${names.map((n) => `{${n}}`).join(', ')}. Kies uit de velden onder het formulier.`;

/** A template's text: known fields only, checked here so the form shows it at the field. */
const templateText = (max: number, empty: string) =>
  z
    .string()
    .trim()
    .min(1, empty)
    .max(max, `Maximaal ${max} tekens`)
    .superRefine((text, ctx) => {
      const unknown = unknownFields(text);
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: unknownFieldsMessage(unknown) });
    });

// The kind is in the body, not the path: a path parameter in this API is always a record's id.
export const letterTemplateFields = z.object({
  kind: letterKind,
  subject: templateText(SUBJECT_MAX, 'Vul het onderwerp in'),
  body: templateText(BODY_MAX, 'Vul de tekst van de brief in'),
  /** The version the beheerder read; 0 for the text that ships with Keukentafel. */
  version: wholeNumber(0, INT4_MAX, 'Het versienummer ontbreekt of klopt niet. Laad de pagina opnieuw.'),
});
export type LetterTemplateFields = z.input<typeof letterTemplateFields>;

/** Back to the text that ships with Keukentafel: the version of the organisation's own text that was read. */
export const letterTemplateReset = z.object({ kind: letterKind, version });

export const letterTemplate = z.object({
  kind: letterKind,
  label: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The organisation's own text (true), or the one that ships with Keukentafel. */
  custom: z.boolean(),
  /** 0 for the text that ships with Keukentafel. */
  version: z.number(),
  updatedAt: moment.nullable(),
  updatedBy: z.string().nullable(),
});
export type LetterTemplate = z.infer<typeof letterTemplate>;

export const letterDraftRequest = z.object({
  kind: letterKind,
  /** A member of the case's household. */
  recipientId: z.uuid('Kies aan wie de brief gaat'),
});

export const letterDraft = z.object({
  kind: letterKind,
  recipientId: z.string(),
  recipientName: z.string(),
  /** The recipient's address as it goes on the letter; empty lines left out. */
  address: z.array(z.string()),
  /** Whether the address has street, postcode and place: else the letter cannot go by post. */
  addressComplete: z.boolean(),
  subject: z.string(),
  body: z.string(),
  /** The fields the case did not know, still in braces in the text: fill them in before saving. */
  toFill: z.array(z.object({ field: z.string(), label: z.string() })),
});
export type LetterDraft = z.infer<typeof letterDraft>;

/** The reviewed letter, to be saved as a PDF among the case's documents. */
export const letterFields = z.object({
  kind: letterKind,
  recipientId: z.uuid('Kies aan wie de brief gaat'),
  subject: z.string().trim().min(1, 'Vul het onderwerp in').max(SUBJECT_MAX, `Maximaal ${SUBJECT_MAX} tekens`),
  body: z.string().trim().min(1, 'Vul de tekst van de brief in').max(BODY_MAX, `Maximaal ${BODY_MAX} tekens`),
  /** Marked like a journal entry (documents follow the same rule); left out: not sensitive. */
  sensitivity: sensitivity.optional(),
});
export type LetterFields = z.input<typeof letterFields>;

/** The message when a letter still names fields to fill in. */
export const stillToFillMessage = (names: string[]) => `Vul eerst nog in: ${names.map(fieldLabel).join(', ')}. Vervang de woorden tussen { } door wat in de brief moet staan.`;
