// The client's access log (who looked at the file) and the addresses of the file downloads.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccessLogEntry, AccessLogPage } from '../../../server/modules/access-log/access-log.schemas';
import { api, ApiError, toErrorBody } from '../../app/api';
import { queryKeys } from '../../app/query-keys';

export type { AccessLogEntry, AccessLogPage };

export function useAccessLog(clientId: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.accessLog.page(clientId, page),
    queryFn: () => api.get<AccessLogPage>(`/api/v1/clients/${encodeURIComponent(clientId)}/access-log?page=${page}`),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** A GET the session cookie authenticates: a plain link downloads the file. */
export function clientFileUrl(clientId: string, format: 'pdf' | 'json'): string {
  return `/api/v1/clients/${encodeURIComponent(clientId)}/${format === 'pdf' ? 'file.pdf' : 'file'}`;
}

const PDF_FALLBACK_MESSAGES: Record<number, string> = {
  401: 'U bent niet (meer) ingelogd. Log opnieuw in en probeer het dan nog eens.',
  404: 'Dit dossier bestaat niet (meer), of u heeft er geen toegang toe.',
  429: 'U maakt al een pdf van een dossier. Wacht tot die klaar is en probeer het dan opnieuw.',
  503: 'De pdf kon nu niet worden gemaakt. Probeer het over een minuut opnieuw.',
};

/**
 * The file as PDF, fetched (not a plain link) so the page can say it is being made and show the
 * server's message when it cannot be made now (429: one at a time; 503: try again later).
 */
export async function fetchClientFilePdf(clientId: string): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(clientFileUrl(clientId, 'pdf'), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'network', message: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.' });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const problem = toErrorBody(response.status, body);
    const hasDetail = typeof (body as { detail?: unknown } | null)?.detail === 'string';
    throw new ApiError(response.status, hasDetail ? problem : { ...problem, message: PDF_FALLBACK_MESSAGES[response.status] ?? 'De pdf kon niet worden gemaakt. Probeer het opnieuw.' });
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'dossier.pdf';
  return { blob: await response.blob(), fileName };
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The print view of the krachtplan tells the server it was opened, for the access log. */
export function logPlanPrint(caseId: string): Promise<null> {
  return api.post<null>(`/api/v1/cases/${encodeURIComponent(caseId)}/plan/print`, {});
}
