// Contact journal: list, add, edit, earlier versions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact, ContactFields, ContactVersion, JournalEntry, WithheldContact } from '../../../server/modules/journal/journal.schemas';
import { api } from '../../app/api';

export type { Contact, ContactVersion, JournalEntry, WithheldContact };

export function useContacts(caseId: string) {
  return useQuery({ queryKey: ['contacts', caseId], queryFn: () => api.get<JournalEntry[]>(`/api/v1/cases/${encodeURIComponent(caseId)}/contacts`) });
}

export function useAddContact(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fields, idempotencyKey }: { fields: ContactFields; idempotencyKey: string }) =>
      api.post<Contact>(`/api/v1/cases/${encodeURIComponent(caseId)}/contacts`, fields, { idempotencyKey }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['contacts', caseId] }),
  });
}

export function useUpdateContact(caseId: string, contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactFields & { version: number }) => api.put<Contact>(`/api/v1/contacts/${encodeURIComponent(contactId)}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['contacts', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['contact-versions', contactId] });
    },
  });
}

export function useContactVersions(contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['contact-versions', contactId],
    queryFn: () => api.get<ContactVersion[]>(`/api/v1/contacts/${encodeURIComponent(contactId)}/versions`),
    enabled,
  });
}
