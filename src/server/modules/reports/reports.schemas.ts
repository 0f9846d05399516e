// The annual report object of shared/spec/reports.md, and the query of the report endpoints.
// Shared with the web app.
import { z } from 'zod';

const months = z.array(z.number()).length(12);
const quarters = z.array(z.number()).length(4);
/** A count per month, per quarter and for the year. */
export const periodCounts = z.object({ months, quarters, year: z.number() });
export const quarterCounts = z.object({ quarters, year: z.number() });

export const annualReport = z.object({
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
    clients_with_new_provision: z.object({ year: z.number() }),
  }),
  satisfaction: z.object({
    distribution: z.record(z.string(), z.number()),
    responses: z.number(),
    mean: z.number().nullable(),
    can_continue_alone_pct: z.number().nullable(),
  }),
  zrm: z.record(z.string(), periodCounts),
});
export type AnnualReport = z.infer<typeof annualReport>;

export const reportQuery = z.object({
  year: z.coerce.number().int().min(1990, 'Kies een jaar vanaf 1990').max(2100, 'Kies een jaar tot 2100'),
  /** A quarterly report: the same object restricted to the quarters up to and including this one. */
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  /** Restrict every table to the cases of one team (team code). */
  team: z.string().max(64).optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;
