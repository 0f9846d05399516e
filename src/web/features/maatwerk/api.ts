// Maatwerk on a case: the requests, decisions and toewijzingen, and each step of their road. Every
// change answers the case's maatwerk as it now stands; Mijn dag and the team page show the terms.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignmentFields,
  CaseMaatwerk,
  DecisionFields,
  EndFields,
  ExtensionFields,
  Provision,
  ProvisionRequest,
  RequestFields,
  ResearchFields,
  VoidFields,
  WithdrawalFields,
} from '../../../server/modules/maatwerk/maatwerk.schemas';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { AssignmentFields, CaseMaatwerk, DecisionFields, EndFields, ExtensionFields, Provision, ProvisionRequest, RequestFields, ResearchFields, VoidFields, WithdrawalFields };

export function useMaatwerk(caseId: string) {
  return useQuery({ queryKey: queryKeys.maatwerk.ofCase(caseId), queryFn: () => api.get<CaseMaatwerk>(`/api/v1/cases/${encodeURIComponent(caseId)}/maatwerk`) });
}

/** One step: the answer replaces the cached maatwerk; the lists with terms and the access log refresh. */
function useStep<TBody>(caseId: string, path: (body: TBody) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api.post<CaseMaatwerk>(path(body), body),
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKeys.maatwerk.ofCase(caseId), answer);
      void invalidate(queryClient, [queryKeys.work.all, queryKeys.accessLog.all]);
    },
  });
}

const at = (kind: string, id: string, step: string) => `/api/v1/${kind}/${encodeURIComponent(id)}/${step}`;

export const useCreateRequest = (caseId: string) => useStep<RequestFields>(caseId, () => at('cases', caseId, 'provision-requests'));
export const useRecordResearch = (caseId: string, requestId: string) => useStep<ResearchFields>(caseId, () => at('provision-requests', requestId, 'research'));
export const useWithdrawRequest = (caseId: string, requestId: string) => useStep<WithdrawalFields>(caseId, () => at('provision-requests', requestId, 'withdrawal'));
export const useDecideRequest = (caseId: string, requestId: string) => useStep<DecisionFields>(caseId, () => at('provision-requests', requestId, 'decision'));
export const useAssignProvision = (caseId: string, decisionId: string) => useStep<AssignmentFields>(caseId, () => at('provision-decisions', decisionId, 'provisions'));
export const useExtendProvision = (caseId: string, provisionId: string) => useStep<ExtensionFields>(caseId, () => at('provisions', provisionId, 'extension'));
export const useEndProvision = (caseId: string, provisionId: string) => useStep<EndFields>(caseId, () => at('provisions', provisionId, 'end'));
export const useVoidProvision = (caseId: string, provisionId: string) => useStep<VoidFields>(caseId, () => at('provisions', provisionId, 'void'));

/** The decision letter as PDF (the download is logged). */
export const decisionLetterUrl = (decisionId: string) => `/api/v1/provision-decisions/${encodeURIComponent(decisionId)}/letter.pdf`;

/** After a conflict (409): load the maatwerk again so the forms work with the newest versions. */
export function useReloadMaatwerk(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.maatwerk.ofCase(caseId) });
}
