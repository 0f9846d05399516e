// Work lists: the worker's own cases, the team leader's team overview, and figures per team.
import { z } from 'zod';
import { caseSummary } from '../cases/cases.schemas';
import { registration } from '../registrations/registrations.schemas';

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
});
export type TeamOverview = z.infer<typeof teamOverview>;

export const teamFigures = z.object({
  teams: z.array(
    z.object({
      teamId: z.string(),
      teamName: z.string(),
      openCases: z.number(),
      awaitingFirstMeeting: z.number(),
      overNorm: z.number(),
      startedLast90Days: z.number(),
      closedLast90Days: z.number(),
      meanDaysToFirstMeeting: z.number().nullable(),
    }),
  ),
});
export type TeamFigures = z.infer<typeof teamFigures>;
