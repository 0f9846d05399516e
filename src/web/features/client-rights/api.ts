// The client's access log (who looked at the file) and the addresses of the file downloads.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccessLogEntry, AccessLogPage } from '../../../server/modules/access-log/access-log.schemas';
import { api } from '../../app/api';

export type { AccessLogEntry, AccessLogPage };

export function useAccessLog(clientId: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['access-log', clientId, page],
    queryFn: () => api.get<AccessLogPage>(`/api/clients/${encodeURIComponent(clientId)}/access-log?page=${page}`),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** A GET the session cookie authenticates: a plain link downloads the file. */
export function clientFileUrl(clientId: string, format: 'pdf' | 'json'): string {
  return `/api/clients/${encodeURIComponent(clientId)}/${format === 'pdf' ? 'file.pdf' : 'file'}`;
}

/** The print view of the krachtplan tells the server it was opened, for the access log. */
export function logPlanPrint(caseId: string): Promise<null> {
  return api.post<null>(`/api/cases/${encodeURIComponent(caseId)}/plan/print`, {});
}
