// The quality registers (complaints, objections, incidents): filing, the list with its filters,
// handling and the handling steps. Shared with the web app.
import { z } from 'zod';
import { version } from '../../lib/number-fields';
import { notInFuture } from '../../lib/dates';
import { plainText } from '../../lib/text-fields';
import { isoDate, dateValue, moment } from '../../lib/date-fields';
import { filingProblems, INCIDENT_CATEGORIES, QUALITY_KINDS, QUALITY_STATUSES } from './quality-rules';

const requiredText = (max: number, message: string) => z.string(message).trim().min(1, message).max(max, `Maximaal ${max} tekens`);

export const qualityReportInput = z
  .object({
    kind: z.enum(QUALITY_KINDS, 'Kies klacht, bezwaar of incident'),
    /** Incidents only. */
    category: z.enum(INCIDENT_CATEGORIES, 'Kies de soort incident').nullable().optional(),
    /** Kwaliteit may choose a team or none; a worker or team leader files for their own team. */
    teamId: z.uuid('Kies een team').nullable().optional(),
    title: requiredText(200, 'Vul een korte titel in'),
    description: requiredText(5000, 'Beschrijf wat er is gebeurd'),
    occurredOn: isoDate.refine(notInFuture, 'De datum van het voorval kan niet in de toekomst liggen'),
    receivedOn: isoDate.refine(notInFuture, 'De datum van ontvangst kan niet in de toekomst liggen'),
    /** Who filed it, as written (a resident, a client, a worker); never a link to a client record. */
    filedBy: requiredText(200, 'Vul in wie de melding doet'),
  })
  .superRefine((input, ctx) => {
    for (const problem of filingProblems(input)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });
export type QualityReportInput = z.input<typeof qualityReportInput>;

export const qualityReportFiled = z.object({ id: z.string() });

export const qualityReportQuery = z.object({
  kind: z.enum(QUALITY_KINDS, 'Kies klacht, bezwaar of incident').optional(),
  status: z.enum(QUALITY_STATUSES, 'Kies open, in behandeling of afgehandeld').optional(),
  teamId: z.uuid('Onbekend team').optional(),
});
export type QualityReportQuery = z.infer<typeof qualityReportQuery>;

export const qualityReportUpdate = z.object({
  status: z.enum(QUALITY_STATUSES, 'Kies open, in behandeling of afgehandeld'),
  evaluation: plainText(5000),
  lessonLearned: plainText(5000),
  /** Required when a closed report is opened again; recorded as a handling step. */
  reopenReason: plainText(2000),
  version,
});
export type QualityReportUpdate = z.input<typeof qualityReportUpdate>;

export const qualityStepInput = z.object({
  stepOn: isoDate.refine(notInFuture, 'Een stap kan niet in de toekomst liggen'),
  description: requiredText(5000, 'Beschrijf de stap'),
});
export type QualityStepInput = z.input<typeof qualityStepInput>;

export const qualityReportSummary = z.object({
  id: z.string(),
  kind: z.enum(QUALITY_KINDS),
  category: z.enum(INCIDENT_CATEGORIES).nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  title: z.string(),
  occurredOn: dateValue,
  receivedOn: dateValue,
  status: z.enum(QUALITY_STATUSES),
  closedOn: dateValue.nullable(),
  version: z.number(),
});
export type QualityReportSummary = z.infer<typeof qualityReportSummary>;

export const qualityReportList = z.object({
  reports: z.array(qualityReportSummary),
  /** Per kind, over the reports the actor may see with the status and team filters (not the kind filter). */
  countsByKind: z.object({ klacht: z.number(), bezwaar: z.number(), incident: z.number() }),
});
export type QualityReportList = z.infer<typeof qualityReportList>;

export const qualityStep = z.object({
  id: z.string(),
  stepOn: dateValue,
  description: z.string(),
  authorName: z.string().nullable(),
  createdAt: moment,
});
export type QualityStep = z.infer<typeof qualityStep>;

export const qualityReportDetail = qualityReportSummary.extend({
  description: z.string(),
  filedBy: z.string(),
  evaluation: z.string().nullable(),
  lessonLearned: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: moment,
  /** Oldest first: the newest step is last. */
  steps: z.array(qualityStep),
});
export type QualityReportDetail = z.infer<typeof qualityReportDetail>;
