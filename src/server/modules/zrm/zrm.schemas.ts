// ZRM shapes: recording an assessment, a case's assessments and what is due, a client's series per
// domain, and the progress report. Shared with the web app.
import { z } from 'zod';
import { wholeNumber, wholeNumberParam } from '../../lib/number-fields';
import { notInFuture } from '../../lib/dates';
import { isoDate, dateValue, moment } from '../../lib/date-fields';
import { suppressionInfo } from '../reports/reports.schemas';
import { ZRM_DUE_KINDS, ZRM_MAX_SCORE, ZRM_MIN_SCORE, ZRM_TYPES } from './zrm-rules';

const score = wholeNumber(ZRM_MIN_SCORE, ZRM_MAX_SCORE, `Een score is een geheel getal van ${ZRM_MIN_SCORE} tot en met ${ZRM_MAX_SCORE}`);

export const zrmAssessmentInput = z.object({
  clientId: z.uuid('Kies een cliënt uit het huishouden'),
  assessedOn: isoDate.refine(notInFuture, 'Een meting kan niet in de toekomst liggen'),
  type: z.enum(ZRM_TYPES, 'Kies het soort meting: nulmeting, doel, periodiek of eindmeting'),
  scores: z
    .record(z.string().max(64), score, 'Geef de scores per domein')
    .refine((scores) => Object.keys(scores).length > 0, 'Scoor ten minste één domein'),
});
export type ZrmAssessmentInput = z.input<typeof zrmAssessmentInput>;

export const zrmAssessment = z.object({
  id: z.string(),
  caseId: z.string(),
  clientId: z.string(),
  assessedOn: dateValue,
  /** nul, doel, periodiek, eind; onbekend (or empty) in imported old registrations. */
  type: z.string(),
  scores: z.record(z.string(), z.number()),
  createdAt: moment,
});
export type ZrmAssessment = z.infer<typeof zrmAssessment>;

export const zrmDue = z.object({ kind: z.enum(ZRM_DUE_KINDS), dueOn: dateValue, overdue: z.boolean() });

export const caseZrm = z.object({
  /** Newest first. */
  assessments: z.array(zrmAssessment),
  due: z.array(zrmDue),
});
export type CaseZrm = z.infer<typeof caseZrm>;

export const clientZrm = z.object({
  clientId: z.string(),
  /** Every domain of the organisation's matrix, in its order; a series per domain for the chart. */
  domains: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      /** Oldest first; `doel` points are the goals the chart draws against. */
      points: z.array(z.object({ assessedOn: dateValue, score: z.number(), type: z.string(), caseId: z.string() })),
    }),
  ),
});
export type ClientZrm = z.infer<typeof clientZrm>;

export const zrmReportQuery = z.object({
  year: wholeNumberParam(1990, 2100, 'Vul een jaar in als JJJJ, van 1990 tot en met 2100'),
  /** Only the assessments of this team's cases (team code). */
  team: z.string().max(64).optional(),
});
export type ZrmReportQuery = z.infer<typeof zrmReportQuery>;

function zrmReportShape<C extends z.ZodType<number | null>>(count: C) {
  const domainResult = z.object({
    n: count,
    mean_start: z.number().nullable(),
    mean_latest: z.number().nullable(),
    mean_change: z.number().nullable(),
    p_value: z.number().nullable(),
    p_value_method: z.enum(['wilcoxon', 'pratt']),
    p_wilcoxon: z.number().nullable(),
    p_pratt: z.number().nullable(),
  });
  return z.object({ year: z.number(), domains: z.record(z.string(), domainResult) });
}

export const zrmReport = zrmReportShape(z.number());
export type ZrmReport = z.infer<typeof zrmReport>;

/**
 * The report as the endpoint answers it: exact, or for the analyst with a domain's number of
 * clients suppressed when small and its means and p-values when over too few clients (null, with
 * the reasons in `suppression`, see reports.schemas.ts).
 */
export const publishedZrmReport = zrmReportShape(z.number().nullable()).extend({ suppression: suppressionInfo.optional() });
export type PublishedZrmReport = z.infer<typeof publishedZrmReport>;
