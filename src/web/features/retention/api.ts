// Bewaartermijn en vernietiging: the destruction queue, propose / confirm / decline, and a client's request.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DestructionItem, DestructionPage, DestructionStatus, RetentionView } from '../../../server/modules/retention/retention.schemas';
import { api, query } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { DestructionItem, DestructionPage, DestructionStatus, RetentionView };

export const PAGE_SIZE = 50;

export function useRetentionQueue(view: RetentionView, offset: number) {
  return useQuery({ queryKey: queryKeys.retention.queue(view, offset), queryFn: () => api.get<DestructionPage>(`/api/v1/retention${query({ status: view, limit: PAGE_SIZE, offset })}`) });
}

export function useDecideDestruction(id: string, decision: 'propose' | 'confirm' | 'decline') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; note: string }) => api.post<DestructionItem>(`/api/v1/retention/${encodeURIComponent(id)}/${decision}`, body),
    // Every tab can change: the row moves on, or out of "open" to "vernietigd" or "afgewezen". A
    // confirmed destruction wipes a client's personal data: any client page or search still cached.
    onSettled: (_item, error) => void invalidate(queryClient, decision === 'confirm' && !error ? [queryKeys.retention.all, queryKeys.clients.all] : [queryKeys.retention.all]),
  });
}

export function useDestructionRequest(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { receivedOn: string; note: string }) => api.post<DestructionItem>(`/api/v1/clients/${encodeURIComponent(clientId)}/destruction-request`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.retention.all }),
  });
}
