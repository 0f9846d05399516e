// The report "Uitstroom" (GET /api/v1/reports/flow): per team and month, who the team did not help
// and where they went, how long the road to a beschikking and to the real start of a provision
// took, who waits for a start, the share of clients moved on to maatwerk, and the cases running
// longer than three months. Definitions: flow-rules.ts. Shared with the web app.
import { z } from 'zod';
import { dateValue } from '../../lib/date-fields';
import { wholeNumberParam } from '../../lib/number-fields';
import { FLOW_STARTS, FLOW_TRIAGE_OUTCOMES, type FlowStart, type FlowTriageOutcome } from './flow-rules';
import { suppressionInfo } from './reports.schemas';

/** The shape with the schema of a count: exact, or as published to the analyst (null: suppressed). */
function flowShape<C extends z.ZodType<number | null>>(count: C) {
  const monthsAndYear = z.object({ months: z.array(count).length(12), year: count });
  /** A median, mean or share: null where there is nothing to compute it over (or, for the analyst, hidden). */
  const statistic = z.object({ months: z.array(z.number().nullable()).length(12), year: z.number().nullable() });
  /** A count at the end of each month (on asOf in its month); null for a month after asOf (or, for the analyst, hidden). */
  const stock = z.object({ months: z.array(z.number().nullable()).length(12) });
  const duration = z.object({
    /** Clients (per case) whose first beschikking / start fell in the month, with this starting point known. */
    n: monthsAndYear,
    medianDays: statistic,
    meanDays: statistic,
  });
  const road = z.object(Object.fromEntries(FLOW_STARTS.map((s) => [s, duration])) as Record<FlowStart, typeof duration>);
  const scope = z.object({
    /** Registrations per triage outcome other than generalist support by the team, by month of registration. */
    triage: z.object(Object.fromEntries(FLOW_TRIAGE_OUTCOMES.map((o) => [o, monthsAndYear])) as Record<FlowTriageOutcome, typeof monthsAndYear>),
    toDecision: road,
    toStart: road,
    waitingForStart: stock,
    toMaatwerk: z.object({ met: monthsAndYear, granted: monthsAndYear, sharePct: statistic }),
    overThreeMonths: stock,
  });
  return z.object({
    year: z.number(),
    /** The last day the report looks at: 31 December, or today during the year. */
    asOf: dateValue,
    /** The team of a team report (its code); null: the organisation. */
    team: z.string().nullable(),
    /** The organisation (or the team of a team report). */
    total: scope,
    /** Per team (code): every team, or the one team of a team report. */
    teams: z.record(z.string(), scope),
  });
}

export const flowReport = flowShape(z.number());
export type FlowReport = z.infer<typeof flowReport>;
export type FlowReportScope = FlowReport['total'];

export const publishedFlowReport = flowShape(z.number().nullable()).extend({ suppression: suppressionInfo.optional() });
export type PublishedFlowReport = z.infer<typeof publishedFlowReport>;

export const flowReportQuery = z.object({
  year: wholeNumberParam(1990, 2100, 'Kies een jaar van 1990 tot en met 2100'),
  /** Restrict the report to one team (team code). */
  team: z.string().max(64).optional(),
});
export type FlowReportQuery = z.infer<typeof flowReportQuery>;
