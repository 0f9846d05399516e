// The consent register and the disclosures (verstrekkingen) of a client: code lists with their
// Dutch labels, input and answer shapes. Shared with the web app.
import { z } from 'zod';
import { version } from '../../lib/number-fields';
import { notInFuture, todayInNetherlands } from '../../lib/dates';
import { optionalText } from '../../lib/text-fields';
import { isoDate, dateValue, moment } from '../../lib/date-fields';
import { CONSENT_STATES, DISCLOSURE_GROUNDS, consentPeriodProblems, groundFieldProblems, type DisclosureGround, type Problem } from './consent-rules';

export const RECIPIENT_KINDS = ['huisarts', 'zorgaanbieder', 'ggz', 'woningcorporatie', 'schuldhulpverlening', 'school', 'werkgever_uwv', 'gemeente', 'anders'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = {
  huisarts: 'Huisarts of huisartsenpraktijk',
  zorgaanbieder: 'Zorgaanbieder',
  ggz: 'GGZ',
  woningcorporatie: 'Woningcorporatie',
  schuldhulpverlening: 'Schuldhulpverlening',
  school: 'School of kinderopvang',
  werkgever_uwv: 'Werkgever of UWV',
  gemeente: 'Gemeente',
  anders: 'Anders',
};

export const GIVEN_HOW = ['mondeling', 'schriftelijk', 'digitaal'] as const;
export type GivenHow = (typeof GIVEN_HOW)[number];
export const GIVEN_HOW_LABELS: Record<GivenHow, string> = { mondeling: 'Mondeling', schriftelijk: 'Schriftelijk', digitaal: 'Digitaal' };

export const DISCLOSURE_GROUND_LABELS: Record<DisclosureGround, string> = {
  toestemming: 'Toestemming van de cliënt',
  wettelijke_plicht: 'Wettelijke plicht',
  meldrecht: 'Meldrecht (meldcode huiselijk geweld en kindermishandeling, Veilig Thuis)',
  conflict_van_plichten: 'Conflict van plichten',
};

function addProblems(ctx: z.RefinementCtx, problems: Problem[]): void {
  for (const problem of problems) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
}

const requiredText = (max: number, message: string) => z.string(message).trim().min(1, message).max(max, `Maximaal ${max} tekens`);

export const consentFields = z
  .object({
    recipientKind: z.enum(RECIPIENT_KINDS, 'Kies met wie de gegevens gedeeld mogen worden'),
    recipientName: requiredText(200, 'Vul de naam van de ontvanger in'),
    dataShared: requiredText(2000, 'Beschrijf welke gegevens gedeeld mogen worden'),
    purpose: requiredText(2000, 'Beschrijf het doel'),
    validFrom: isoDate,
    validUntil: isoDate.nullable().optional(),
    givenHow: z.enum(GIVEN_HOW, 'Kies hoe de cliënt toestemming gaf: mondeling, schriftelijk of digitaal'),
  })
  // The birth date is checked by the service, which knows the client.
  .superRefine((c, ctx) => addProblems(ctx, consentPeriodProblems({ validFrom: c.validFrom, validUntil: c.validUntil ?? null }, { today: todayInNetherlands(), birthDate: null })));
export type ConsentFields = z.input<typeof consentFields>;

export const consentWithdrawal = z.object({
  withdrawnOn: isoDate,
  note: optionalText(2000),
  version,
});
export type ConsentWithdrawal = z.input<typeof consentWithdrawal>;

export const disclosureFields = z
  .object({
    recipient: requiredText(200, 'Vul in aan wie u de gegevens verstrekt'),
    dataShared: requiredText(2000, 'Beschrijf welke gegevens u verstrekt'),
    ground: z.enum(DISCLOSURE_GROUNDS, 'Kies de grondslag: toestemming, wettelijke plicht, meldrecht of conflict van plichten'),
    consentId: z.uuid('Kies een toestemming van deze cliënt').nullable().optional(),
    reasoning: optionalText(4000),
    disclosedOn: isoDate.refine(notInFuture, 'De datum van verstrekking ligt in de toekomst'),
    caseId: z.uuid('Kies een casus van deze cliënt').nullable().optional(),
  })
  .superRefine((d, ctx) => addProblems(ctx, groundFieldProblems({ ground: d.ground, consentId: d.consentId ?? null, reasoning: d.reasoning ?? null })));
export type DisclosureFields = z.input<typeof disclosureFields>;

export const consent = z.object({
  id: z.string(),
  clientId: z.string(),
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientName: z.string(),
  dataShared: z.string(),
  purpose: z.string(),
  validFrom: dateValue,
  validUntil: dateValue.nullable(),
  givenHow: z.enum(GIVEN_HOW),
  /** On today's date in the Netherlands. */
  state: z.enum(CONSENT_STATES),
  recordedAt: moment,
  recordedByName: z.string().nullable(),
  withdrawnOn: dateValue.nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  version: z.number(),
});
export type Consent = z.infer<typeof consent>;

export const disclosure = z.object({
  id: z.string(),
  clientId: z.string(),
  caseId: z.string().nullable(),
  recipient: z.string(),
  dataShared: z.string(),
  ground: z.enum(DISCLOSURE_GROUNDS),
  /** The consent relied on (ground toestemming). */
  consent: z.object({ id: z.string(), recipientName: z.string(), validFrom: dateValue, validUntil: dateValue.nullable() }).nullable(),
  reasoning: z.string().nullable(),
  disclosedOn: dateValue,
  recordedAt: moment,
  recordedByName: z.string().nullable(),
});
export type Disclosure = z.infer<typeof disclosure>;

export const clientConsents = z.object({ consents: z.array(consent), disclosures: z.array(disclosure) });
export type ClientConsents = z.infer<typeof clientConsents>;
