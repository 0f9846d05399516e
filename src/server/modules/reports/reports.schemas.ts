// The annual report object of shared/spec/reports.md, and the query of the report endpoints.
// Shared with the web app.
import { z } from 'zod';
import { wholeNumberParam } from '../../lib/number-fields';
import { SUPPRESSION_REASONS } from './small-numbers';

/**
 * The report's shape, with the schema of a count: exact (`z.number()`), or as published to a role
 * whose output leaves the organisation, where a suppressed count is null (see small-numbers.ts).
 */
function reportShape<C extends z.ZodType<number | null>>(count: C) {
  const months = z.array(count).length(12);
  const quarters = z.array(count).length(4);
  /** A count per month, per quarter and for the year. */
  const periodCounts = z.object({ months, quarters, year: count });
  const quarterCounts = z.object({ quarters, year: count });
  return z.object({
    year: z.number(),
    cases: z.object({ started: periodCounts, running: periodCounts, closed: periodCounts }),
    teams: z.record(
      z.string(),
      z.object({ started: periodCounts, running: periodCounts, closed: periodCounts, unique_clients: quarterCounts }),
    ),
    unique_clients: quarterCounts,
    days_to_first_meeting: z.object({
      by_location: z.record(z.string(), z.object({ months: z.array(z.number().nullable()).length(12) })),
      quarters: z.array(z.number().nullable()).length(4),
      year: z.number().nullable(),
    }),
    started_by_referrer: z.record(z.string(), quarterCounts),
    closed_by_reason: z.record(z.string(), quarterCounts),
    clients_by_outcome: z.record(z.string(), quarterCounts),
    provisions: z.object({
      new_by_provider: z.record(z.string(), z.record(z.string(), quarterCounts)),
      new_by_product: z.record(z.string(), z.record(z.string(), quarterCounts)),
      extensions: quarterCounts,
      clients_with_new_provision: z.object({ year: count }),
    }),
    satisfaction: z.object({
      distribution: z.record(z.string(), count),
      responses: count,
      mean: z.number().nullable(),
      can_continue_alone_pct: z.number().nullable(),
    }),
    zrm: z.record(z.string(), periodCounts),
  });
}

export const annualReport = reportShape(z.number());
export type AnnualReport = z.infer<typeof annualReport>;

/**
 * Present when small numbers were suppressed: the thresholds, and per suppressed cell (a JSON
 * Pointer into the report, e.g. `/cases/started/months/0`) why. A suppressed cell is null.
 */
export const suppressionInfo = z.object({
  min_count: z.number(),
  min_observations: z.number(),
  cells: z.record(z.string(), z.enum(SUPPRESSION_REASONS)),
});
export type SuppressionInfo = z.infer<typeof suppressionInfo>;

/** The report as the endpoints answer it: exact, or with small numbers suppressed for the analyst. */
export const publishedAnnualReport = reportShape(z.number().nullable()).extend({ suppression: suppressionInfo.optional() });
export type PublishedAnnualReport = z.infer<typeof publishedAnnualReport>;

export const reportQuery = z.object({
  year: wholeNumberParam(1990, 2100, 'Kies een jaar van 1990 tot en met 2100'),
  /** A quarterly report: the same object restricted to the quarters up to and including this one. */
  quarter: wholeNumberParam(1, 4, 'Kies kwartaal 1, 2, 3 of 4').optional(),
  /** Restrict every table to the cases of one team (team code). */
  team: z.string().max(64).optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;
