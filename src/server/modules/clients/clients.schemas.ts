// Client shapes: the registration's person fields, search results and the detail view.
// Shared with the web app; validation messages are Dutch because they reach the user.
import { z } from 'zod';
import { version, wholeNumber } from '../../lib/number-fields';
import { optionalText } from '../../lib/text-fields';
import { isoDate, dateValue, moment } from '../../lib/date-fields';
import { isIsoDate, notInFuture } from '../../lib/dates';
import { isValidBsn, isValidHouseNumber, isValidPostcode, normaliseBsn, normalisePostcode } from './identity-rules';
import { CASE_STATUSES } from '../cases/case-rules';

export const clientFields = z.object({
  firstName: z.string().trim().min(1, 'Vul de voornaam in').max(100),
  lastName: z.string().trim().min(1, 'Vul de achternaam in').max(150),
  birthDate: isoDate
    .refine(notInFuture, 'De geboortedatum ligt in de toekomst')
    .nullable()
    .optional(),
  bsn: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : normaliseBsn(v)))
    .refine((v) => v === null || isValidBsn(v), 'Dit BSN klopt niet (11-proef)')
    .nullable()
    .optional(),
  gender: z.enum(['m', 'v', 'x']).nullable().optional(),
  street: optionalText(200),
  houseNumber: optionalText(20).refine((v) => v === null || v === undefined || isValidHouseNumber(v), 'Vul het huisnummer in cijfers in, eventueel met een letter of toevoeging, zoals 12, 12a of 12-2'),
  postcode: z
    .string()
    .trim()
    .refine((v) => v === '' || isValidPostcode(v), 'Vul een Nederlandse postcode in, zoals 3511 AB')
    .transform((v) => (v === '' ? null : normalisePostcode(v)))
    .nullable()
    .optional(),
  city: optionalText(100),
  phone: z
    .string()
    .trim()
    .refine((v) => v === '' || /^[+0-9 ()-]{6,20}$/.test(v), 'Vul een telefoonnummer in met alleen cijfers, spaties, +, ( ) of -')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
});
export type ClientFields = z.input<typeof clientFields>;

/** A registration or household names its client in exactly one way: an id of the team's, an attach, or new fields. */
export function choosesOneClient(v: { clientId?: unknown; attach?: unknown; client?: unknown }): boolean {
  return [v.clientId, v.attach, v.client].filter((x) => x !== undefined).length === 1;
}
export const CHOOSE_ONE_CLIENT = 'Kies een bestaande cliënt, koppel een cliënt van een ander team, of vul de gegevens van een nieuwe in';

export const clientUpdate = clientFields.extend({ version });

/** A client as lists show it: BSN masked. */
export const clientSummary = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: dateValue.nullable(),
  postcode: z.string().nullable(),
  bsnMasked: z.string().nullable(),
});
export type ClientSummary = z.infer<typeof clientSummary>;

/** In a POST body, never in the address: the search text may be a BSN (addresses end up in logs and history). */
export const clientSearch = z.object({
  search: z.string().trim().min(2, 'Zoek op minstens 2 tekens').max(100),
  limit: wholeNumber(1, 100).default(25),
  /** Only clients of the own team, not those opened through break-the-glass (to add to a household). */
  ownTeam: z.boolean().default(false),
});
export type ClientSearch = z.input<typeof clientSearch>;

export const duplicateCheck = z.object({
  firstName: z.string().trim().max(100).default(''),
  lastName: z.string().trim().max(150).default(''),
  birthDate: isoDate.nullable().optional(),
  postcode: z.string().trim().max(10).nullable().optional(),
  bsn: z.string().trim().max(12).nullable().optional(),
});
export type DuplicateCheck = z.input<typeof duplicateCheck>;

/** Why a match might be the same person: which fields matched. */
export const DUPLICATE_REASONS = ['bsn', 'name_birth_postcode', 'name_birth', 'name_postcode'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const duplicateMatch = z.discriminatedUnion('kind', [
  /** A client the actor may read (their team's, or opened through break-the-glass): shown as in a list. */
  clientSummary.extend({
    kind: z.literal('known'),
    reason: z.enum(DUPLICATE_REASONS),
    /** Name similarity 0..1 (pg_trgm). */
    similarity: z.number(),
    /** The team holds the client: a registration or household can use them as they are. Otherwise only through an attach. */
    usable: z.boolean(),
  }),
  /**
   * A client outside the actor's scope ("bekend bij een ander team"): only what recognises the
   * person, no id, no birth date, no address. Using them takes an attach with exact identification.
   */
  z.object({
    kind: z.literal('elsewhere'),
    initials: z.string(),
    lastName: z.string(),
    birthYear: z.number().nullable(),
    reason: z.enum(DUPLICATE_REASONS),
  }),
]);
export type DuplicateMatch = z.infer<typeof duplicateMatch>;

/**
 * Exact identification of one person in the whole organisation: a BSN, or a last name with the
 * birth date. No browsing. Used to break the glass and to attach a client of another team.
 */
export const exactIdentificationFields = {
  bsn: z.string().trim().max(12).optional(),
  lastName: z.string().trim().max(200).optional(),
  birthDate: z.string().trim().max(10).optional().meta({ format: 'date' }),
};

export function checkExactIdentification(v: { bsn?: string; lastName?: string; birthDate?: string }, ctx: z.RefinementCtx): void {
  if (v.bsn) {
    if (!isValidBsn(normaliseBsn(v.bsn))) ctx.addIssue({ code: 'custom', path: ['bsn'], message: 'Dit is geen geldig BSN' });
    return;
  }
  if (!v.lastName) ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'Vul een BSN in, of de achternaam met de geboortedatum' });
  // From 1900 as everywhere (isoDate): PostgreSQL has no year 0 and would fail on it.
  if (!v.birthDate || !isIsoDate(v.birthDate) || v.birthDate < '1900-01-01') ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Vul de geboortedatum in (dag, maand, jaar)' });
}

export const clientCaseRef = z.object({
  id: z.string(),
  teamName: z.string(),
  status: z.string(),
  registeredOn: dateValue,
  closedOn: dateValue.nullable(),
  role: z.string(),
});

export const clientDetail = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: dateValue.nullable(),
  /** Shown whole only here, on the client's own detail view. */
  bsn: z.string().nullable(),
  gender: z.string().nullable(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number(),
  cases: z.array(clientCaseRef),
  /** Until when the actor reads this client through break-the-glass; null for the own team. */
  emergencyUntil: moment.nullable(),
  /**
   * The actor may change the master data (clients:write in the write scope): the client is the
   * team's, and not only through an attach kwaliteit has not judged justified; not destroyed. Never
   * under break-the-glass.
   */
  mayWrite: z.boolean(),
  /** May the actor record consents and disclosures of this client (the own team's, not under break-the-glass). */
  mayWriteConsents: z.boolean(),
  /** The team holds the client through an attach kwaliteit has not judged justified (why `mayWrite` is false). */
  attachNotJustified: z.boolean(),
  /** The actor may read the client's access log (so the page asks for it only then: a refused ask is logged). */
  mayReadAccessLog: z.boolean(),
});
export type ClientDetail = z.infer<typeof clientDetail>;

export const GENDER_LABELS: Record<string, string> = { v: 'Vrouw', m: 'Man', x: 'Anders of onbekend' };
export const HOUSEHOLD_ROLE_LABELS: Record<string, string> = { hoofdclient: 'Hoofdcliënt', huishoudlid: 'Huishoudlid' };

/** How many clients the header's search box shows; more is a sign to type more (or use Cliënten zoeken). */
export const QUICK_SEARCH_LIMIT = 8;

/** The header's search box: in a POST body, never in the address (the text may be a BSN). */
export const quickSearch = z.object({
  search: z.string().trim().min(2, 'Typ minstens 2 tekens').max(100),
});
export type QuickSearch = z.input<typeof quickSearch>;

/** A case of the client that is not closed, as far as the actor may see it (the header search opens it). */
export const quickSearchCase = z.object({
  id: z.string(),
  status: z.enum(CASE_STATUSES),
  teamName: z.string(),
});

export const quickSearchHit = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: dateValue.nullable(),
  openCases: z.array(quickSearchCase),
});
export type QuickSearchHit = z.infer<typeof quickSearchHit>;

export const quickSearchResult = z.object({
  clients: z.array(quickSearchHit),
  /** More clients match than the box shows. */
  more: z.boolean(),
});
export type QuickSearchResult = z.infer<typeof quickSearchResult>;
