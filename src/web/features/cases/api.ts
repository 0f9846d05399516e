// Cases: detail, the actions that change a case, and the workers of a team.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../../server/modules/cases/cases.schemas';
import type { Worker } from '../../../server/modules/users/users.schemas';
import { api } from '../../app/api';

export type { CaseDetail, Worker };

export function useCase(id: string) {
  return useQuery({ queryKey: ['case', id], queryFn: () => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`) });
}

export function useWorkers(teamId: string | null | undefined) {
  return useQuery({
    queryKey: ['workers', teamId],
    queryFn: () => api.get<Worker[]>(`/api/v1/teams/${encodeURIComponent(teamId ?? '')}/workers`),
    enabled: !!teamId,
    staleTime: 5 * 60_000,
  });
}

type CaseAction = 'first-meeting' | 'start' | 'close' | 'reopen' | 'lead-worker' | 'household';

/** One mutation per action; each answers with the new CaseDetail, which replaces the cached one. */
export function useCaseAction(caseId: string, action: CaseAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => {
      const path = `/api/v1/cases/${encodeURIComponent(caseId)}/${action}`;
      return action === 'lead-worker' ? api.put<CaseDetail>(path, body) : api.post<CaseDetail>(path, body);
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(['case', caseId], detail);
      void queryClient.invalidateQueries({ queryKey: ['work'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['client'] });
    },
  });
}

/** After a conflict (409): fetch the case again so the form works with the newest version. */
export function useReloadCase(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['case', caseId] });
}
