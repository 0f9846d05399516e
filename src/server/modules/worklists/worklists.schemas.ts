// Work lists: the worker's own cases, the team leader's team overview, and figures per team.
import { z } from 'zod';
import { caseSummary } from '../cases/cases.schemas';
import { registration } from '../registrations/registrations.schemas';
import { suppressionInfo } from '../reports/reports.schemas';
import { dateValue } from '../../lib/date-fields';
import { TERM_STATES } from '../maatwerk/legal-terms';

export const myWork = z.object({
  /** Open cases where the actor is lead worker, what is due first on top. */
  cases: z.array(caseSummary),
  /** The team's registrations that still wait for triage. */
  registrationsToTriage: z.array(registration),
});
export type MyWork = z.infer<typeof myWork>;

export const workerLoad = z.object({
  workerId: z.string().nullable(),
  name: z.string(),
  openCases: z.number(),
  awaitingFirstMeeting: z.number(),
  overNorm: z.number(),
});

/** A maatwerk request waiting on its report or decision, with the term (Wmo 2015 art. 2.3.2 and 2.3.5). */
export const legalTermItem = z.object({
  caseId: z.string(),
  clientName: z.string(),
  asked: z.string(),
  leadWorkerName: z.string().nullable(),
  kind: z.enum(['onderzoek', 'besluit']),
  dueOn: dateValue,
  state: z.enum(TERM_STATES),
});
export type LegalTermItem = z.infer<typeof legalTermItem>;

/** An open case of the team more than three months past its first meeting (the werkkader's three months: reports/flow-rules.ts). */
export const longRunningCase = z.object({
  caseId: z.string(),
  /** The main client's name; null for a case without one. */
  clientName: z.string().nullable(),
  firstMeetingOn: dateValue,
  /** Whole calendar months since the first meeting. */
  months: z.number(),
  leadWorkerName: z.string().nullable(),
});
export type LongRunningCase = z.infer<typeof longRunningCase>;

/** A granted toewijzing of zorg in natura not started more than LATE_START_DAYS days after its start date (reports/flow-rules.ts). */
export const lateStart = z.object({
  caseId: z.string(),
  clientName: z.string(),
  /** The product's name in the code list. */
  product: z.string(),
  provider: z.string(),
  startOn: dateValue,
  /** Calendar days since the start date. */
  daysSinceStart: z.number(),
  leadWorkerName: z.string().nullable(),
});
export type LateStart = z.infer<typeof lateStart>;

export const teamOverview = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  openCases: z.number(),
  awaitingFirstMeeting: z.number(),
  overNorm: z.number(),
  registrationsToTriage: z.number(),
  /** Mean days from registration to first meeting over the cases registered in the last 90 days. */
  meanDaysToFirstMeeting: z.number().nullable(),
  workers: z.array(workerLoad),
  /** Open cases, longest waiting first. */
  cases: z.array(caseSummary),
  /** Reports and decisions of maatwerk requests due within two weeks or late, the earliest first. */
  legalTerms: z.array(legalTermItem),
  /** Open cases more than three months past their first meeting, the longest first. */
  longRunning: z.array(longRunningCase),
  /** Toewijzingen late to start, the longest late first. */
  lateStarts: z.array(lateStart),
});
export type TeamOverview = z.infer<typeof teamOverview>;

/** Figures per team, with the schema of a count: exact, or as published to the analyst (null: suppressed). */
function teamFiguresShape<C extends z.ZodType<number | null>>(count: C) {
  return z.object({
    teams: z.array(
      z.object({
        teamId: z.string(),
        teamName: z.string(),
        openCases: count,
        awaitingFirstMeeting: count,
        overNorm: count,
        startedLast90Days: count,
        closedLast90Days: count,
        meanDaysToFirstMeeting: z.number().nullable(),
      }),
    ),
  });
}

export const teamFigures = teamFiguresShape(z.number());
export type TeamFigures = z.infer<typeof teamFigures>;

/**
 * The figures as the endpoint answers them: exact, or for the analyst with small numbers
 * suppressed (null, the reasons in `suppression` by JSON Pointer, e.g. `/teams/3/overNorm`).
 */
export const publishedTeamFigures = teamFiguresShape(z.number().nullable()).extend({ suppression: suppressionInfo.optional() });
export type PublishedTeamFigures = z.infer<typeof publishedTeamFigures>;

/** The figure columns that are counts. */
export const TEAM_FIGURE_COUNTS = ['openCases', 'awaitingFirstMeeting', 'overNorm', 'startedLast90Days', 'closedLast90Days'] as const;

/** The blocks of a worker's dashboard, in their default order. */
export const DASHBOARD_BLOCKS = ['first_meetings', 'legal_terms', 'agreements_due', 'plan_reviews', 'zrm_due', 'no_contact', 'recent_journal'] as const;
export type DashboardBlock = (typeof DASHBOARD_BLOCKS)[number];
export const DASHBOARD_BLOCK_LABELS: Record<DashboardBlock, string> = {
  first_meetings: 'Kennismakingen binnen de 5-dagennorm',
  legal_terms: 'Wettelijke termijnen maatwerk: verslag en besluit',
  agreements_due: 'Afspraken die binnenkort klaar moeten zijn',
  plan_reviews: 'Evaluaties van krachtplannen',
  zrm_due: 'ZRM-metingen die eraan komen',
  no_contact: 'Casussen zonder contact in 6 weken',
  recent_journal: 'Recente journaalregels',
};

export const dashboardLayout = z
  .object({
    order: z.array(z.enum(DASHBOARD_BLOCKS)),
    hidden: z.array(z.enum(DASHBOARD_BLOCKS)).default([]),
  })
  .refine((l) => l.order.length === DASHBOARD_BLOCKS.length && new Set(l.order).size === DASHBOARD_BLOCKS.length, {
    path: ['order'],
    message: 'De volgorde moet elk blok precies één keer bevatten',
  });
export type DashboardLayout = z.infer<typeof dashboardLayout>;

export const dashboardItem = z.object({
  caseId: z.string(),
  clientName: z.string(),
  /** What is due or what happened, in Dutch. */
  text: z.string(),
  on: z.string().nullable(),
  overdue: z.boolean(),
});
export type DashboardItem = z.infer<typeof dashboardItem>;

export const dashboard = z.object({
  layout: dashboardLayout,
  blocks: z.object(Object.fromEntries(DASHBOARD_BLOCKS.map((block) => [block, z.array(dashboardItem)])) as Record<DashboardBlock, z.ZodArray<typeof dashboardItem>>),
});
export type Dashboard = z.infer<typeof dashboard>;
