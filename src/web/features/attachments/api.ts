// Attachments of a client to another team (koppelingen): kwaliteit's review list and judgement.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentReviewItem } from '../../../server/modules/attachments/attachments.schemas';
import { api } from '../../app/api';
import { queryKeys } from '../../app/query-keys';
import type { ReviewStatus } from '../emergency/api';

export type { AttachmentReviewItem };

export function useAttachmentReviews(status: ReviewStatus) {
  return useQuery({ queryKey: queryKeys.attachments.review(status), queryFn: () => api.get<AttachmentReviewItem[]>(`/api/v1/attachments?status=${status}`) });
}

export function useReviewAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { outcome: string; note: string; version: number }) => api.post<null>(`/api/v1/attachments/${encodeURIComponent(id)}/review`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.attachments.reviews }),
  });
}
