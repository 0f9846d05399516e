// Clients: search, detail, update, duplicate check (limited per user: a 429 says when to try again).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientDetail, ClientSummary, DuplicateCheck, DuplicateMatch } from '../../../server/modules/clients/clients.schemas';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { ClientDetail, ClientSummary, DuplicateMatch };

/** `ownTeam`: only the team's own clients (to add to a household), not those opened through break-the-glass. */
export function useClientSearch(search: string, options: { ownTeam?: boolean } = {}) {
  const ownTeam = options.ownTeam ?? false;
  return useQuery({
    queryKey: queryKeys.clients.search(search, ownTeam),
    // A POST body, not a query string: the search text may be a BSN and never goes in a URL.
    queryFn: () => api.post<ClientSummary[]>('/api/v1/clients/search', { search, ownTeam }),
    enabled: search.trim().length >= 2,
  });
}

export function useClient(id: string) {
  return useQuery({ queryKey: queryKeys.clients.detail(id), queryFn: () => api.get<ClientDetail>(`/api/v1/clients/${encodeURIComponent(id)}`) });
}

export function useUpdateClient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.put<ClientDetail>(`/api/v1/clients/${encodeURIComponent(id)}`, body),
    onSuccess: (client) => {
      queryClient.setQueryData(queryKeys.clients.detail(id), client);
      // The name shows in searches, the households of cases, the lists and Mijn dag, registrations
      // and one's own emergency accesses; the change is in the client's access log.
      void invalidate(queryClient, [
        queryKeys.clients.searches,
        queryKeys.cases.all,
        queryKeys.work.all,
        queryKeys.registrations.all,
        queryKeys.emergency.mine,
        queryKeys.accessLog.all,
      ]);
    },
  });
}

/** After a conflict (409): load the client again. */
export function useReloadClient(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.clients.detail(id) });
}

export function useDuplicateCheck() {
  return useMutation({ mutationFn: (body: DuplicateCheck) => api.post<DuplicateMatch[]>('/api/v1/clients/duplicate-check', body) });
}

export const DUPLICATE_REASON_LABELS: Record<DuplicateMatch['reason'], string> = {
  bsn: 'Zelfde BSN',
  name_birth_postcode: 'Naam, geboortedatum en postcode komen overeen',
  name_birth: 'Naam en geboortedatum komen overeen',
  name_postcode: 'Naam en postcode komen overeen',
};
