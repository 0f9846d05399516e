// Import of an exchange folder (beheerder): the upload limit, check first, then import; both answer an ImportResult.
import { useMutation } from '@tanstack/react-query';
import type { ExchangeUpload, ImportResult, UploadLimits } from '../../../server/modules/exchange/exchange.schemas';
import { api } from '../../app/api';
import { queryKeys } from '../../app/query-keys';

export type { ImportResult };

/** The largest upload the server takes (IMPORT_MAX_MB); a setting, so it does not change while the app runs. */
export const uploadLimitsQuery = { queryKey: queryKeys.exchange.limits, queryFn: () => api.get<UploadLimits>('/api/v1/exchange/limits'), staleTime: Infinity };

export function useValidateExchange() {
  return useMutation({ mutationFn: (upload: ExchangeUpload) => api.post<ImportResult>('/api/v1/exchange/validate', upload) });
}

export function useImportExchange() {
  return useMutation({ mutationFn: (upload: ExchangeUpload) => api.post<ImportResult>('/api/v1/exchange/import', upload) });
}
