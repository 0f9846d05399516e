// Registrations (aanmeldingen): queue, one registration, create, triage.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewRegistration, Registration, TriageBody } from '../../../server/modules/registrations/registrations.schemas';
import { api, query } from '../../app/api';

export type { Registration };

export function useRegistrations(status: 'untriaged' | 'triaged' | 'all') {
  return useQuery({ queryKey: ['registrations', status], queryFn: () => api.get<Registration[]>(`/api/v1/registrations${query({ status })}`) });
}

export function useRegistration(id: string) {
  return useQuery({ queryKey: ['registration', id], queryFn: () => api.get<Registration>(`/api/v1/registrations/${encodeURIComponent(id)}`) });
}

export function useCreateRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRegistration) => api.post<Registration>('/api/v1/registrations', body),
    onSuccess: (registration) => {
      queryClient.setQueryData(['registration', registration.id], registration);
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

export function useTriage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TriageBody) => api.post<Registration>(`/api/v1/registrations/${encodeURIComponent(id)}/triage`, body),
    onSuccess: (registration) => {
      queryClient.setQueryData(['registration', registration.id], registration);
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
