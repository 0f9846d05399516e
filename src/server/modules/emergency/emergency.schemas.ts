// Break the glass (noodtoegang): find a client outside one's team, open them with a reason for a
// limited time, and the review of those accesses by kwaliteit. Shared with the web app.
import { z } from 'zod';
import { dateValue, moment } from '../../lib/date-fields';
import { version } from '../../lib/number-fields';
import { checkExactIdentification, exactIdentificationFields } from '../clients/clients.schemas';

/** Hours an emergency access stays open (the "time-limited, e.g. 24 h"). */
export const EMERGENCY_ACCESS_HOURS = 24;
/** A reason must say something: at least this many characters. */
export const EMERGENCY_REASON_MIN = 20;

/** Exact identification only: a BSN, or a last name with the birth date. No browsing. */
export const emergencySearch = z.object(exactIdentificationFields).superRefine(checkExactIdentification);

export const emergencyMatch = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: dateValue.nullable(),
  /** The teams that hold a case or registration of this person. */
  teams: z.array(z.string()),
  /** The actor already has access (own team or an active emergency access). */
  accessible: z.boolean(),
});
export type EmergencyMatch = z.infer<typeof emergencyMatch>;

export const emergencyRequest = z.object({
  clientId: z.uuid('Kies een cliënt'),
  reason: z
    .string()
    .trim()
    .min(EMERGENCY_REASON_MIN, `Beschrijf de reden in ten minste ${EMERGENCY_REASON_MIN} tekens`)
    .max(2000, 'Maximaal 2000 tekens'),
});

export const emergencyGrant = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  reason: z.string(),
  grantedAt: moment,
  expiresAt: moment,
});
export type EmergencyGrant = z.infer<typeof emergencyGrant>;

export const REVIEW_OUTCOMES = ['terecht', 'onterecht'] as const;
export const REVIEW_OUTCOME_LABELS: Record<(typeof REVIEW_OUTCOMES)[number], string> = {
  terecht: 'Terecht: de reden rechtvaardigt de toegang',
  onterecht: 'Onterecht: bespreken met de medewerker en de teamleider',
};

export const emergencyReviewQuery = z.object({
  status: z.enum(['te_beoordelen', 'beoordeeld', 'alle']).default('te_beoordelen'),
});

/** Kwaliteit's judgement as a review list shows it (an emergency access, an attachment): who, when, what. */
export const reviewFields = {
  reviewedByName: z.string().nullable(),
  reviewedAt: moment.nullable(),
  reviewOutcome: z.enum(REVIEW_OUTCOMES).nullable(),
  reviewNote: z.string().nullable(),
  version: z.number(),
};

/** An access as kwaliteit reviews it: who, when, why, and what was looked at. No client identity. */
export const emergencyReviewItem = z.object({
  id: z.string(),
  userName: z.string(),
  userRole: z.string(),
  teamName: z.string().nullable(),
  clientId: z.string(),
  clientTeams: z.array(z.string()),
  reason: z.string(),
  grantedAt: moment,
  expiresAt: moment,
  /** Log rows made under this access (reads, exports) until it expired. */
  actions: z.number(),
  ...reviewFields,
});
export type EmergencyReviewItem = z.infer<typeof emergencyReviewItem>;

export const emergencyReview = z
  .object({
    outcome: z.enum(REVIEW_OUTCOMES, 'Kies terecht of onterecht'),
    note: z.string().trim().max(2000, 'Maximaal 2000 tekens').default(''),
    version,
  })
  .refine((v) => v.outcome === 'terecht' || v.note.length >= 10, { path: ['note'], message: 'Licht toe wat er met een onterechte toegang gebeurt' });
