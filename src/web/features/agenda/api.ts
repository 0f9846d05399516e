// Appointments and the agenda: a case's appointments, the own agenda and the team's for a period,
// make, change, cancel, took place (a journal entry), and the agenda-feed address. Every change
// refreshes every appointment list (one shows in several) and, for "took place", the case's journal.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgendaFeedStatus, Appointment, AppointmentFields, NewAgendaFeed, TookPlace, TookPlaceResult } from '../../../server/modules/appointments/appointments.schemas';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { AgendaFeedStatus, Appointment, AppointmentFields, NewAgendaFeed, TookPlaceResult };

export function useCaseAppointments(caseId: string) {
  return useQuery({ queryKey: queryKeys.appointments.ofCase(caseId), queryFn: () => api.get<Appointment[]>(`/api/v1/cases/${encodeURIComponent(caseId)}/appointments`) });
}

export function useAgenda(from: string, to: string) {
  return useQuery({ queryKey: queryKeys.appointments.agenda(from, to), queryFn: () => api.get<Appointment[]>(`/api/v1/agenda?from=${from}&to=${to}`) });
}

export function useTeamAgenda(from: string, to: string, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.appointments.team(from, to), queryFn: () => api.get<Appointment[]>(`/api/v1/agenda/team?from=${from}&to=${to}`), enabled });
}

export function useCreateAppointment(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: AppointmentFields) => api.post<Appointment>(`/api/v1/cases/${encodeURIComponent(caseId)}/appointments`, fields),
    onSuccess: () => void invalidate(queryClient, [queryKeys.appointments.all]),
  });
}

export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: Pick<Appointment, 'id' | 'version'>) => api.post<Appointment>(`/api/v1/appointments/${encodeURIComponent(a.id)}/cancel`, { version: a.version }),
    // Also after a failure (409): the lists show the appointment as it is now.
    onSettled: () => void invalidate(queryClient, [queryKeys.appointments.all]),
  });
}

export function useTookPlace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appointment, ...body }: { appointment: Pick<Appointment, 'id' | 'version' | 'caseId'> } & Omit<TookPlace, 'version'>) =>
      api.post<TookPlaceResult>(`/api/v1/appointments/${encodeURIComponent(appointment.id)}/journal-entry`, { version: appointment.version, ...body }),
    onSettled: (_result, _error, { appointment }) => void invalidate(queryClient, [queryKeys.appointments.all, queryKeys.journal.ofCase(appointment.caseId)]),
  });
}

export function useFeedStatus() {
  return useQuery({ queryKey: queryKeys.appointments.feed, queryFn: () => api.get<AgendaFeedStatus>('/api/v1/agenda-feed') });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  // `replacing`: when the address shown was made (null: none), so one made in another screen is not overruled unseen.
  return useMutation({ mutationFn: (replacing: string | null) => api.post<NewAgendaFeed>('/api/v1/agenda-feed', { replacing }), onSettled: () => void invalidate(queryClient, [queryKeys.appointments.feed]) });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (createdAt: string) => api.post<null>('/api/v1/agenda-feed/revoke', { createdAt }), onSettled: () => void invalidate(queryClient, [queryKeys.appointments.feed]) });
}
