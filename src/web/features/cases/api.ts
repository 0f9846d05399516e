// Cases: detail, the actions that change a case, the transfer, and the workers of a team.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail, TransferResult } from '../../../server/modules/cases/cases.schemas';
import type { Worker } from '../../../server/modules/users/users.schemas';
import { api } from '../../app/api';
import { caseCaches, caseFileViews, caseViews, invalidate, queryKeys } from '../../app/query-keys';

export type { CaseDetail, Worker };

export function useCase(id: string) {
  return useQuery({ queryKey: queryKeys.cases.detail(id), queryFn: () => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`) });
}

export function useWorkers(teamId: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.workers(teamId),
    queryFn: () => api.get<Worker[]>(`/api/v1/teams/${encodeURIComponent(teamId ?? '')}/workers`),
    enabled: !!teamId,
    staleTime: 5 * 60_000,
  });
}

type CaseAction = 'first-meeting' | 'start' | 'close' | 'reopen' | 'lead-worker' | 'household';

/** Actions after which the plan and journal may look different: the plan editor goes with the status, sensitive parts with the lead worker. */
const FILE_CHANGES: readonly CaseAction[] = ['close', 'reopen', 'lead-worker'];

/** One mutation per action; each answers with the new CaseDetail, which replaces the cached one. */
export function useCaseAction(caseId: string, action: CaseAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => {
      const path = `/api/v1/cases/${encodeURIComponent(caseId)}/${action}`;
      return action === 'lead-worker' ? api.put<CaseDetail>(path, body) : api.post<CaseDetail>(path, body);
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKeys.cases.detail(caseId), detail);
      void invalidate(queryClient, [
        ...caseViews(),
        ...(FILE_CHANGES.includes(action) ? caseFileViews(caseId) : []),
        // A household member known to another team comes in through an attach, which kwaliteit reviews.
        ...(action === 'household' ? [queryKeys.attachments.reviews] : []),
      ]);
    },
  });
}

/** Hands the case to a colleague or another team. Out of sight (another team): everything cached about it goes. */
export function useTransfer(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<TransferResult>(`/api/v1/cases/${encodeURIComponent(caseId)}/transfer`, body),
    onSuccess: (result) => {
      if (result.stillVisible) void invalidate(queryClient, [queryKeys.cases.detail(caseId), ...caseFileViews(caseId)]);
      else for (const queryKey of caseCaches(caseId)) queryClient.removeQueries({ queryKey });
      void invalidate(queryClient, caseViews());
    },
  });
}

/** After a conflict (409): fetch the case again so the form works with the newest version. */
export function useReloadCase(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.cases.detail(caseId) });
}
