// Work lists: my work, the team overview and the figures per team.
import { useQuery } from '@tanstack/react-query';
import type { MyWork, PublishedTeamFigures, TeamOverview } from '../../../server/modules/worklists/worklists.schemas';
import { api } from '../../app/api';

/** The figures per team: exact, or for the analyst with small numbers suppressed (null, reasons in `suppression`). */
export type TeamFigures = PublishedTeamFigures;
export type { MyWork, TeamOverview };

export function useMyWork() {
  return useQuery({ queryKey: ['work', 'mine'], queryFn: () => api.get<MyWork>('/api/v1/work/mine') });
}

export function useTeamOverview() {
  return useQuery({ queryKey: ['work', 'team'], queryFn: () => api.get<TeamOverview>('/api/v1/work/team') });
}

export function useTeamFigures() {
  return useQuery({ queryKey: ['work', 'figures'], queryFn: () => api.get<TeamFigures>('/api/v1/work/figures') });
}
