// Documents of a case or of a client alone: the list (with the size limit and whether the user may
// add one), the upload (the file read as base64 in the browser), a change of title or mark, delete.
// The download is a plain link: the server answers it as an attachment.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentChange, DocumentEntry, DocumentItem, DocumentList, DocumentUpload } from '../../../server/modules/documents/documents.schemas';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { DocumentChange, DocumentEntry, DocumentItem, DocumentList, DocumentUpload };

/** Where documents hang: a case, or a client without a case. */
export type DocumentTarget = { caseId: string } | { clientId: string };

const basePath = (target: DocumentTarget) => ('caseId' in target ? `/api/v1/cases/${encodeURIComponent(target.caseId)}/documents` : `/api/v1/clients/${encodeURIComponent(target.clientId)}/documents`);
const keyOf = (target: DocumentTarget) => ('caseId' in target ? queryKeys.documents.ofCase(target.caseId) : queryKeys.documents.ofClient(target.clientId));

export function useDocuments(target: DocumentTarget) {
  return useQuery({ queryKey: keyOf(target), queryFn: () => api.get<DocumentList>(basePath(target)) });
}

export function documentUrl(documentId: string): string {
  return `/api/v1/documents/${encodeURIComponent(documentId)}/content`;
}

/** The file's bytes as base64, without the `data:…;base64,` the browser puts before them. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Het bestand kon niet worden gelezen'));
    reader.readAsDataURL(file);
  });
}

export function useUploadDocument(target: DocumentTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: DocumentUpload) => api.post<DocumentItem>(basePath(target), upload),
    onSuccess: () => void invalidate(queryClient, [queryKeys.documents.all]),
  });
}

export function useChangeDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: DocumentChange }) => api.put<DocumentItem>(`/api/v1/documents/${encodeURIComponent(id)}`, change),
    onSettled: () => void invalidate(queryClient, [queryKeys.documents.all]),
  });
}

export function useRemoveDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doc: Pick<DocumentItem, 'id' | 'version'>) => api.post<null>(`/api/v1/documents/${encodeURIComponent(doc.id)}/remove`, { version: doc.version }),
    onSettled: () => void invalidate(queryClient, [queryKeys.documents.all]),
  });
}
