// Attaching a client of another team (koppelen): the request a registration or household carries
// instead of a client id, and kwaliteit's review of the attachments. Shared with the web app.
import { z } from 'zod';
import { moment } from '../../lib/date-fields';
import { checkExactIdentification, exactIdentificationFields } from '../clients/clients.schemas';
import { emergencyReview, reviewFields } from '../emergency/emergency.schemas';

/** A reason must say something, as for break-the-glass: at least this many characters. */
export const ATTACH_REASON_MIN = 20;

const reasonMessage = `Beschrijf de reden in ten minste ${ATTACH_REASON_MIN} tekens`;

/**
 * Use a client the team does not hold: exact identification of the one person (a BSN, or the last
 * name with the birth date; never an id) and why the team needs them.
 */
export const clientAttach = z
  .object({
    ...exactIdentificationFields,
    reason: z.string(reasonMessage).trim().min(ATTACH_REASON_MIN, reasonMessage).max(2000, 'Maximaal 2000 tekens'),
  })
  .superRefine(checkExactIdentification);
export type ClientAttach = z.input<typeof clientAttach>;

export const IDENTIFIED_BY = ['bsn', 'name_birth_date'] as const;
export type IdentifiedBy = (typeof IDENTIFIED_BY)[number];
export const IDENTIFIED_BY_LABELS: Record<IdentifiedBy, string> = { bsn: 'BSN', name_birth_date: 'Achternaam en geboortedatum' };

export const attachmentReviewQuery = z.object({
  status: z.enum(['te_beoordelen', 'beoordeeld', 'alle']).default('te_beoordelen'),
});

/** An attachment as kwaliteit reviews it: who, which team, how identified, why, what it made and what followed. No client identity. */
export const attachmentReviewItem = z.object({
  id: z.string(),
  userName: z.string(),
  userRole: z.string(),
  /** The team the client was attached to. */
  teamName: z.string(),
  clientId: z.string(),
  /** The teams that hold the client now. */
  clientTeams: z.array(z.string()),
  identifiedBy: z.enum(IDENTIFIED_BY),
  reason: z.string(),
  attachedAt: moment,
  /** What the attach made: a registration, or a place in the household of this case. */
  registrationId: z.string().nullable(),
  caseId: z.string().nullable(),
  /** Another team held the client: the team may change the master data only once this is judged justified. */
  heldElsewhere: z.boolean(),
  /** Log rows about the client by the attaching team since the attach. */
  actions: z.number(),
  ...reviewFields,
});
export type AttachmentReviewItem = z.infer<typeof attachmentReviewItem>;

/** The same judgement as for an emergency access: justified, or not with a note. */
export const attachmentReview = emergencyReview;
