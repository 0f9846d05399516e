// Contact journal: list, add, edit, earlier versions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact, ContactFields, ContactVersion, JournalEntry, WithheldContact } from '../../../server/modules/journal/journal.schemas';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { Contact, ContactVersion, JournalEntry, WithheldContact };

export function useContacts(caseId: string) {
  return useQuery({ queryKey: queryKeys.journal.ofCase(caseId), queryFn: () => api.get<JournalEntry[]>(`/api/v1/cases/${encodeURIComponent(caseId)}/contacts`) });
}

export function useAddContact(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fields, idempotencyKey }: { fields: ContactFields; idempotencyKey: string }) =>
      api.post<Contact>(`/api/v1/cases/${encodeURIComponent(caseId)}/contacts`, fields, { idempotencyKey }),
    // Mijn dag shows the recent entries and the cases without contact for six weeks.
    onSuccess: () => void invalidate(queryClient, [queryKeys.journal.ofCase(caseId), queryKeys.work.dashboard]),
  });
}

export function useUpdateContact(caseId: string, contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactFields & { version: number }) => api.put<Contact>(`/api/v1/contacts/${encodeURIComponent(contactId)}`, body),
    onSuccess: () => void invalidate(queryClient, [queryKeys.journal.ofCase(caseId), queryKeys.journal.versions(contactId), queryKeys.work.dashboard]),
  });
}

/** After a conflict (409): load the journal again so the forms work with the newest versions. */
export function useReloadJournal(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.journal.ofCase(caseId) });
}

export function useContactVersions(contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.journal.versions(contactId),
    queryFn: () => api.get<ContactVersion[]>(`/api/v1/contacts/${encodeURIComponent(contactId)}/versions`),
    enabled,
  });
}
