// Contact journal shapes. Shared with the web app.
import { z } from 'zod';
import { notInFuture } from '../../lib/dates';
import { isoDate } from '../clients/clients.schemas';
import { CONTACT_KINDS } from '../cases/case-rules';

export const contactFields = z.object({
  contactOn: isoDate.refine(notInFuture, 'Een contact kan niet in de toekomst liggen'),
  kind: z.enum(CONTACT_KINDS, 'Kies het soort contact'),
  minutes: z.number().int().min(0, 'Minuten: 0 tot en met 1440').max(1440, 'Minuten: 0 tot en met 1440').nullable().optional(),
  note: z.string().trim().max(20000, 'Een notitie is maximaal 20.000 tekens').default(''),
});
export type ContactFields = z.input<typeof contactFields>;

export const contactUpdate = contactFields.extend({ version: z.number().int().positive() });

export const contact = z.object({
  id: z.string(),
  caseId: z.string(),
  contactOn: z.string(),
  kind: z.enum(CONTACT_KINDS),
  minutes: z.number().nullable(),
  note: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Contact = z.infer<typeof contact>;

export const contactVersion = z.object({
  version: z.number(),
  contactOn: z.string(),
  kind: z.enum(CONTACT_KINDS),
  minutes: z.number().nullable(),
  note: z.string(),
  authorName: z.string().nullable(),
  replacedByName: z.string().nullable(),
  replacedAt: z.string(),
});
export type ContactVersion = z.infer<typeof contactVersion>;
