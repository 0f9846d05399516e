// The network around a case's household: list (closest first), add, change, remove.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NetworkFields, NetworkMember } from '../../../server/modules/network/network.schemas';
import { api } from '../../app/api';
import { queryKeys } from '../../app/query-keys';

export type { NetworkFields, NetworkMember };

export function useNetwork(caseId: string) {
  return useQuery({ queryKey: queryKeys.network.ofCase(caseId), queryFn: () => api.get<NetworkMember[]>(`/api/v1/cases/${encodeURIComponent(caseId)}/network`) });
}

export function useAddNetworkMember(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NetworkFields) => api.post<NetworkMember>(`/api/v1/cases/${encodeURIComponent(caseId)}/network`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.network.ofCase(caseId) }),
  });
}

export function useUpdateNetworkMember(caseId: string, memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NetworkFields & { version: number }) => api.put<NetworkMember>(`/api/v1/network/${encodeURIComponent(memberId)}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.network.ofCase(caseId) }),
  });
}

export function useRemoveNetworkMember(caseId: string, memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<null>(`/api/v1/network/${encodeURIComponent(memberId)}/remove`, { version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.network.ofCase(caseId) }),
  });
}

/** After a conflict (409): load the network again so the forms work with the newest versions. */
export function useReloadNetwork(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.network.ofCase(caseId) });
}
