// iWmo-berichten (beheerder): the message log with the state of the two folders, and the outbox and
// the inbox run now. No answer holds client data.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IwmoDirectionValue, IwmoFolder, IwmoInboxResult, IwmoMessage, IwmoMessagePage, IwmoOutboxResult, IwmoOutcomeValue } from '../../../server/modules/maatwerk/iwmo-flow/iwmo.schemas';
import { api, query } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { IwmoDirectionValue, IwmoFolder, IwmoInboxResult, IwmoMessage, IwmoMessagePage, IwmoOutboxResult, IwmoOutcomeValue };

export const PAGE_SIZE = 50;

export interface IwmoFilters {
  direction: IwmoDirectionValue | '';
  outcome: IwmoOutcomeValue | '';
}

export function useIwmoMessages(filters: IwmoFilters, offset: number) {
  return useQuery({
    queryKey: queryKeys.iwmo.messages(filters.direction, filters.outcome, offset),
    queryFn: () => api.get<IwmoMessagePage>(`/api/v1/iwmo/messages${query({ direction: filters.direction, outcome: filters.outcome, limit: PAGE_SIZE, offset })}`),
  });
}

/** "Nu versturen": afterwards the log and the folders refresh, and the clients' access logs (each 301 is logged as an export about its client). */
export function useSendOutbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<IwmoOutboxResult>('/api/v1/iwmo/outbox', {}),
    onSettled: () => void invalidate(queryClient, [queryKeys.iwmo.all, queryKeys.accessLog.all]),
  });
}

/**
 * "Nu inlezen": afterwards the log and the folders refresh, and what a provider's message changes on
 * the workers' screens: the delivery on a toewijzing, a request on a case (with its legal terms on
 * the lists and Mijn dag), and the access logs.
 */
export function useReadInbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<IwmoInboxResult>('/api/v1/iwmo/inbox', {}),
    onSettled: () => void invalidate(queryClient, [queryKeys.iwmo.all, queryKeys.maatwerk.all, queryKeys.work.all, queryKeys.accessLog.all]),
  });
}
