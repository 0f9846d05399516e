// The krachtplan (one plan per household / case): its content, saving with the version it was based
// on, the client's agreement per version, and comparing versions. Shared with the web app.
import { z } from 'zod';
import { INT4_MAX, versionParam, wholeNumber } from '../../lib/number-fields';
import { plainText } from '../../lib/text-fields';
import { isoDate, dateValue, moment } from '../../lib/date-fields';
import { sensitivity } from '../../lib/sensitivity';
import { problemSchema } from '../../lib/problem';

/** Who carries out an agreement: the kitchen-table questions ask for the client and network first. */
export const AGREEMENT_OWNERS = ['client', 'network', 'volunteer', 'group', 'team', 'specialist'] as const;
export const AGREEMENT_OWNER_LABELS: Record<(typeof AGREEMENT_OWNERS)[number], string> = {
  client: 'De cliënt zelf',
  network: 'Iemand uit het eigen netwerk',
  volunteer: 'Een vrijwilliger of maatje',
  group: 'Een groep of collectief aanbod',
  team: 'Het buurtteam',
  specialist: 'Specialistische hulp',
};
export const AGREEMENT_STATUSES = ['open', 'done', 'stopped'] as const;
export const AGREEMENT_STATUS_LABELS: Record<(typeof AGREEMENT_STATUSES)[number], string> = { open: 'Open', done: 'Gedaan', stopped: 'Gestopt' };
export const AGREEMENT_WAYS = ['gesprek', 'schriftelijk', 'digitaal'] as const;
export const AGREEMENT_WAY_LABELS: Record<(typeof AGREEMENT_WAYS)[number], string> = {
  gesprek: 'Mondeling, in het gesprek',
  schriftelijk: 'Schriftelijk (getekend)',
  digitaal: 'Digitaal (bericht of portaal)',
};


export const agreement = z.object({
  /** Stable across versions, so a comparison can follow one agreement. */
  id: z.uuid(),
  what: z.string().trim().min(1, 'Beschrijf de afspraak').max(1000),
  owner: z.enum(AGREEMENT_OWNERS, 'Kies wie de afspraak uitvoert'),
  /** The person or organisation, e.g. "dochter Samira" or "Humanitas thuisadministratie". */
  ownerName: plainText(200),
  dueOn: isoDate.nullable().default(null),
  status: z.enum(AGREEMENT_STATUSES).default('open'),
  result: plainText(2000),
  /** Marked by a case worker: only the case's workers see the agreement (plan-sensitivity.ts). */
  sensitivity: sensitivity.optional(),
});
export type Agreement = z.infer<typeof agreement>;

export const domainPlan = z.object({
  /** A ZRM domain code of the organisation. */
  domain: z.string().min(1),
  /** The situation in the client's own words. */
  situation: plainText(4000),
  /** What goes well: strengths of the client and the network. */
  strengths: plainText(4000),
  goal: plainText(2000),
  agreements: z.array(agreement).max(50).default([]),
  /** Marked by a case worker: only the case's workers see this life domain with its agreements. */
  sensitivity: sensitivity.optional(),
});
export type DomainPlan = z.infer<typeof domainPlan>;

export const withheldParts = z.object({
  domains: z.array(z.string()),
  agreements: z.array(z.object({ id: z.string(), domain: z.string() })),
});
export type WithheldParts = z.infer<typeof withheldParts>;

/** What happens when it goes wrong: the signs, who does what, whom to call. */
export const crisisPlan = z.object({
  signs: plainText(2000),
  clientDoes: plainText(2000),
  carerDoes: plainText(2000),
  contacts: z.array(z.object({ name: z.string().trim().min(1, 'Vul een naam in').max(200), role: plainText(200), phone: plainText(40) })).max(10).default([]),
});

const rung = wholeNumber(1, 6, 'Trede 1 tot en met 6').nullable().default(null);

export const planContent = z.object({
  domains: z.array(domainPlan).max(20).default([]),
  /** What the client gives back: volunteering, helping a neighbour. */
  reciprocity: plainText(2000),
  participation: z.object({ start: rung, now: rung }).default({ start: null, now: null }),
  /** The agreed end of support and the next review of the plan. */
  expectedEndOn: isoDate.nullable().default(null),
  reviewOn: isoDate.nullable().default(null),
  crisisPlan: crisisPlan.default({ signs: '', clientDoes: '', carerDoes: '', contacts: [] }),
  /**
   * Only in answers to someone outside the case's workers: the marked life domains (by code) and
   * agreements (by id, with their domain) that were left out. Never stored; on a save the server
   * puts the withheld parts back from the current version, whatever this field says.
   */
  withheld: withheldParts.optional(),
});
export type PlanContent = z.infer<typeof planContent>;

export const savePlanBody = z.object({
  content: planContent,
  /** The version the edit started from; 0 for a new plan. Another save in between → 409. */
  baseVersion: wholeNumber(0, INT4_MAX, 'Het versienummer ontbreekt of klopt niet. Laad de pagina opnieuw.'),
});

export const agreementBody = z.object({
  agreedOn: isoDate,
  how: z.enum(AGREEMENT_WAYS, 'Kies hoe de cliënt akkoord gaf'),
});

export const planVersionSummary = z.object({
  version: z.number(),
  savedAt: moment,
  savedByName: z.string().nullable(),
  agreedOn: dateValue.nullable(),
  agreedHow: z.enum(AGREEMENT_WAYS).nullable(),
});

export const plan = z.object({
  caseId: z.string(),
  /** 0 when the case has no plan yet (then `content` is an empty plan). */
  version: z.number(),
  content: planContent,
  savedAt: moment.nullable(),
  savedByName: z.string().nullable(),
  agreedOn: dateValue.nullable(),
  agreedHow: z.enum(AGREEMENT_WAYS).nullable(),
  versions: z.array(planVersionSummary),
  /** The actor is one of the case's workers: sees every part and may mark parts as sensitive. */
  mayMarkSensitive: z.boolean(),
  /**
   * A save would be taken: cases:write on a case in the actor's write scope (never under
   * break-the-glass), and the case not closed (its save answers 409 until it is reopened).
   */
  mayWrite: z.boolean(),
});
export type Plan = z.infer<typeof plan>;

export const planChange = z.object({
  /** Readable place of the change, e.g. "Financiën — doel" or "Financiën — afspraak 'Post samen openen' — status". */
  label: z.string(),
  from: z.string(),
  to: z.string(),
});
export type PlanChange = z.infer<typeof planChange>;

export const compareQuery = z.object({ from: versionParam, to: versionParam });
export const planComparison = z.object({ from: z.number(), to: z.number(), changes: z.array(planChange) });

/**
 * The body of a 409 on a plan save: when someone else saved in between, their version and what they
 * changed; on a closed case only the message.
 */
export const planConflict = problemSchema.extend({
  current: plan.optional(),
  changes: z.array(planChange).optional(),
});

export const planVersion = planVersionSummary.extend({ content: planContent });
export type PlanVersion = z.infer<typeof planVersion>;
