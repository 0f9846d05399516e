// Krachtplan: the plan of a case, saving with the version it started from, the client's agreement
// per version, one version, and comparing two versions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanChange, PlanContent, PlanVersion, Plan } from '../../../server/modules/plans/plans.schemas';
import { api, ApiError } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { Plan, PlanChange, PlanContent, PlanVersion };

export interface PlanComparison {
  from: number;
  to: number;
  changes: PlanChange[];
}

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/plan`;

export function usePlan(caseId: string) {
  // The form keeps its own draft; a refetch on focus must not look like someone else's save.
  return useQuery({ queryKey: queryKeys.plans.ofCase(caseId), queryFn: () => api.get<Plan>(base(caseId)), refetchOnWindowFocus: false });
}

export function useSavePlan(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { content: PlanContent; baseVersion: number }) => api.put<Plan>(base(caseId), body),
    onSuccess: (plan) => {
      queryClient.setQueryData(queryKeys.plans.ofCase(caseId), plan);
      // Mijn dag shows the agreements due and the plan's review date.
      void invalidate(queryClient, [queryKeys.plans.comparisons(caseId), queryKeys.work.dashboard]);
    },
  });
}

export function useRecordAgreement(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, ...body }: { version: number; agreedOn: string; how: string }) => api.post<Plan>(`${base(caseId)}/versions/${version}/agreement`, body),
    onSuccess: (plan) => queryClient.setQueryData(queryKeys.plans.ofCase(caseId), plan),
  });
}

/** After a conflict (409): load the plan again. */
export function useReloadPlan(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.plans.ofCase(caseId) });
}

export function usePlanComparison(caseId: string, from: number, to: number) {
  return useQuery({
    queryKey: queryKeys.plans.comparison(caseId, from, to),
    queryFn: () => api.get<PlanComparison>(`${base(caseId)}/compare?from=${from}&to=${to}`),
    enabled: from > 0 && to > 0 && from !== to,
  });
}

export interface PlanConflictDetails {
  message: string;
  current: Plan;
  changes: PlanChange[];
}

/**
 * After a 409 on save: the newest plan and what the other person changed since the version this
 * form started from (the server's own comparison, so the labels are the same as in "Versies
 * vergelijken"). A plan that did not exist yet when the form opened is compared with an empty one.
 */
export async function conflictDetails(caseId: string, error: ApiError, baseVersion: number, empty: PlanContent, diff: (a: PlanContent, b: PlanContent) => PlanChange[]): Promise<PlanConflictDetails> {
  const current = await api.get<Plan>(base(caseId));
  let changes: PlanChange[];
  if (baseVersion > 0 && current.version > baseVersion) {
    changes = (await api.get<PlanComparison>(`${base(caseId)}/compare?from=${baseVersion}&to=${current.version}`)).changes;
  } else {
    changes = diff(empty, current.content);
  }
  return { message: error.message, current, changes };
}
