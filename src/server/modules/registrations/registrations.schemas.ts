// Registration (aanmelding) and triage shapes. Shared with the web app.
import { z } from 'zod';
import { version } from '../../lib/number-fields';
import { notInFuture } from '../../lib/dates';
import { CHOOSE_ONE_CLIENT, choosesOneClient, clientFields, clientSummary } from '../clients/clients.schemas';
import { isoDate, dateValue, moment } from '../../lib/date-fields';
import { clientAttach } from '../attachments/attachments.schemas';
import { OUT_OF_SCOPE_REASONS, TRIAGE_OUTCOMES } from './triage';


/** The resident's question: a few words at least (one letter says nothing), at most a page or two. */
export const QUESTION_MIN = 3;
export const QUESTION_MAX = 5000;

export const newRegistration = z
  .object({
    /** A client of the team (chosen from the duplicate check), a client of another team to attach, or the fields of a new one. */
    clientId: z.uuid().optional(),
    attach: clientAttach.optional(),
    client: clientFields.optional(),
    registeredOn: isoDate.refine(notInFuture, 'De datum van aanmelding ligt in de toekomst'),
    referrerCode: z.string().min(1, 'Kies wie de bewoner heeft aangemeld'),
    referrerOther: z.string().trim().max(200).optional(),
    question: z.string().trim().min(QUESTION_MIN, 'Beschrijf de vraag in de woorden van de bewoner, in minstens een paar woorden').max(QUESTION_MAX, `Maximaal ${QUESTION_MAX} tekens`),
  })
  .refine(choosesOneClient, { path: ['client'], message: CHOOSE_ONE_CLIENT })
  .refine((r) => r.referrerCode !== 'anders' || !!r.referrerOther, { path: ['referrerOther'], message: 'Vul in wie de melder is' });
export type NewRegistration = z.input<typeof newRegistration>;

export const triageBody = z
  .object({
    outcome: z.enum(TRIAGE_OUTCOMES, 'Kies de uitkomst van de triage'),
    /** Referral advice: where the resident can go. Required for every outcome but generalist support. */
    advice: z.string().trim().max(2000).optional(),
    /** For other_team: the team the registration goes to. */
    teamId: z.uuid().optional(),
    /** For out_of_scope: which part of the werkkader's list. */
    outOfScopeReason: z.enum(Object.keys(OUT_OF_SCOPE_REASONS) as [keyof typeof OUT_OF_SCOPE_REASONS]).optional(),
    /** For generalist: the lead worker (regisseur); default the worker who triages. */
    leadWorkerId: z.uuid().optional(),
    version,
  })
  .refine((t) => t.outcome === 'generalist' || !!t.advice, { path: ['advice'], message: 'Geef een verwijsadvies: waar kan de bewoner terecht?' })
  .refine((t) => t.outcome !== 'other_team' || !!t.teamId, { path: ['teamId'], message: 'Kies het buurtteam waar de bewoner woont' })
  .refine((t) => t.outcome !== 'out_of_scope' || !!t.outOfScopeReason, { path: ['outOfScopeReason'], message: 'Kies waarom de vraag buiten de taak valt' });
export type TriageBody = z.input<typeof triageBody>;

export const registration = z.object({
  id: z.string(),
  client: clientSummary,
  teamId: z.string(),
  teamName: z.string(),
  registeredOn: dateValue,
  referrerCode: z.string(),
  referrerOther: z.string().nullable(),
  question: z.string(),
  createdByName: z.string(),
  triageOutcome: z.enum(TRIAGE_OUTCOMES).nullable(),
  triageAdvice: z.string().nullable(),
  triageTeamName: z.string().nullable(),
  triagedAt: moment.nullable(),
  caseId: z.string().nullable(),
  /** Calendar days since registration. */
  waitingDays: z.number(),
  version: z.number(),
});
export type Registration = z.infer<typeof registration>;

export const registrationListQuery = z.object({
  status: z.enum(['untriaged', 'triaged', 'all']).default('untriaged'),
});
