// Work lists: my work, the team overview and the figures per team.
import { useQuery } from '@tanstack/react-query';
import type { MyWork, PublishedTeamFigures, TeamOverview } from '../../../server/modules/worklists/worklists.schemas';
import { api } from '../../app/api';
import { queryKeys } from '../../app/query-keys';

/** The figures per team: exact, or for the analyst with small numbers suppressed (null, reasons in `suppression`). */
export type TeamFigures = PublishedTeamFigures;
export type { MyWork, TeamOverview };

export function useMyWork() {
  return useQuery({ queryKey: queryKeys.work.mine, queryFn: () => api.get<MyWork>('/api/v1/work/mine') });
}

export function useTeamOverview() {
  return useQuery({ queryKey: queryKeys.work.team, queryFn: () => api.get<TeamOverview>('/api/v1/work/team') });
}

export function useTeamFigures() {
  return useQuery({ queryKey: queryKeys.work.figures, queryFn: () => api.get<TeamFigures>('/api/v1/work/figures') });
}
