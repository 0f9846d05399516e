// Letters from a template: the organisation's templates (Beheer → Brieven), and a letter on a case:
// filled from the case, reviewed, saved as a PDF among the case's documents.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LetterDraft, LetterFields, LetterTemplate, LetterTemplateFields } from '../../../server/modules/letters/letters.schemas';
import type { DocumentItem } from '../../../server/modules/documents/documents.schemas';
import type { LetterKind } from '../../../server/modules/letters/letter-templates';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { LetterDraft, LetterTemplate, LetterTemplateFields, LetterKind };

export function useLetterTemplates() {
  return useQuery({ queryKey: queryKeys.letters.templates, queryFn: () => api.get<LetterTemplate[]>('/api/v1/letter-templates') });
}

export function useSaveLetterTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: LetterTemplateFields) => api.put<LetterTemplate>('/api/v1/letter-templates', fields),
    // Also after a 409: the page shows the text as it is now.
    onSettled: () => void invalidate(queryClient, [queryKeys.letters.templates]),
  });
}

export function useResetLetterTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (template: Pick<LetterTemplate, 'kind' | 'version'>) => api.post<LetterTemplate>('/api/v1/letter-templates/reset', { kind: template.kind, version: template.version }),
    onSettled: () => void invalidate(queryClient, [queryKeys.letters.templates]),
  });
}

/** The reviewed letter, saved as a PDF among the case's documents. */
export function useMakeLetter(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: LetterFields) => api.post<DocumentItem>(`/api/v1/cases/${encodeURIComponent(caseId)}/letters`, fields),
    onSuccess: () => void invalidate(queryClient, [queryKeys.documents.all]),
  });
}

/** The letter filled from the case: fetched when the worker asks for it (it logs a read of the recipient's data). */
export function fetchLetterDraft(caseId: string, kind: LetterKind, recipientId: string): Promise<LetterDraft> {
  return api.post<LetterDraft>(`/api/v1/cases/${encodeURIComponent(caseId)}/letter-draft`, { kind, recipientId });
}
