// Registrations (aanmeldingen): queue, one registration, create, triage.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewRegistration, Registration, TriageBody } from '../../../server/modules/registrations/registrations.schemas';
import { api, query } from '../../app/api';
import { caseViews, invalidate, queryKeys } from '../../app/query-keys';

export type { Registration };

export function useRegistrations(status: 'untriaged' | 'triaged' | 'all') {
  return useQuery({ queryKey: queryKeys.registrations.list(status), queryFn: () => api.get<Registration[]>(`/api/v1/registrations${query({ status })}`) });
}

export function useRegistration(id: string) {
  return useQuery({ queryKey: queryKeys.registrations.detail(id), queryFn: () => api.get<Registration>(`/api/v1/registrations/${encodeURIComponent(id)}`) });
}

export function useCreateRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRegistration) => api.post<Registration>('/api/v1/registrations', body),
    onSuccess: (registration) => {
      queryClient.setQueryData(queryKeys.registrations.detail(registration.id), registration);
      // The queue, my work and the team overview (to triage), the figures; a new client is found by
      // searches, a known one's page lists it; an attach waits for kwaliteit's review.
      void invalidate(queryClient, [queryKeys.registrations.all, queryKeys.work.all, queryKeys.reports.all, queryKeys.clients.all, queryKeys.attachments.reviews]);
    },
  });
}

export function useTriage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TriageBody) => api.post<Registration>(`/api/v1/registrations/${encodeURIComponent(id)}/triage`, body),
    onSuccess: (registration) => {
      queryClient.setQueryData(queryKeys.registrations.detail(registration.id), registration);
      // Generalist support opens a case: it shows wherever cases show.
      void invalidate(queryClient, [queryKeys.registrations.all, ...caseViews()]);
    },
  });
}
