// The user's notifications: the unread count (for the header), a page of the list, marking read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NOTIFICATION_PAGE_SIZE, type Notification, type NotificationPage, type UnreadCount } from '../../../server/modules/notifications/notifications.schemas';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { Notification, NotificationPage };
export { NOTIFICATION_PAGE_SIZE };

/**
 * The count in the header. Fetched again when the window gets focus and on every move to another
 * screen (NotificationBadge), not on a timer: a timer would keep an idle session alive for ever.
 */
export function useUnreadCount() {
  return useQuery({ queryKey: queryKeys.notifications.unread, queryFn: () => api.get<UnreadCount>('/api/v1/notifications/unread-count'), refetchOnWindowFocus: 'always', staleTime: 10_000 });
}

export function useNotifications(offset: number) {
  return useQuery({ queryKey: queryKeys.notifications.page(offset), queryFn: () => api.get<NotificationPage>(`/api/v1/notifications?limit=${NOTIFICATION_PAGE_SIZE}&offset=${offset}`) });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.post<UnreadCount>('/api/v1/notifications/read', { ids }),
    onSuccess: () => void invalidate(queryClient, [queryKeys.notifications.all]),
  });
}

/** Everything up to the newest notification shown (`seenUpTo`: its createdAt). */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seenUpTo: string) => api.post<UnreadCount>('/api/v1/notifications/read-all', { seenUpTo }),
    onSuccess: () => void invalidate(queryClient, [queryKeys.notifications.all]),
  });
}
