// Break the glass: search across teams, open a client with a reason, and the review by kwaliteit.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmergencyGrant, EmergencyMatch, EmergencyReviewItem } from '../../../server/modules/emergency/emergency.schemas';
import { api } from '../../app/api';
import { queryKeys } from '../../app/query-keys';

export type { EmergencyGrant, EmergencyMatch, EmergencyReviewItem };

export interface EmergencySearchBody {
  bsn?: string;
  lastName?: string;
  birthDate?: string;
}

export function useEmergencySearch() {
  return useMutation({ mutationFn: (body: EmergencySearchBody) => api.post<EmergencyMatch[]>('/api/v1/emergency-access/search', body) });
}

export function useMyEmergencyAccess() {
  return useQuery({ queryKey: queryKeys.emergency.mine, queryFn: () => api.get<EmergencyGrant[]>('/api/v1/emergency-access/mine') });
}

export function useGrantEmergencyAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { clientId: string; reason: string }) => api.post<EmergencyGrant>('/api/v1/emergency-access', body),
    // The new access changes what the session may see: forget everything cached.
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}

export type ReviewStatus = 'te_beoordelen' | 'beoordeeld' | 'alle';

export function useEmergencyReviews(status: ReviewStatus) {
  return useQuery({ queryKey: queryKeys.emergency.review(status), queryFn: () => api.get<EmergencyReviewItem[]>(`/api/v1/emergency-access?status=${status}`) });
}

export function useReviewEmergencyAccess(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { outcome: string; note: string; version: number }) => api.post<null>(`/api/v1/emergency-access/${encodeURIComponent(id)}/review`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.emergency.reviews }),
  });
}
