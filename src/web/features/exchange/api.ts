// Import of an exchange folder (beheerder): check first, then import; both answer an ImportResult.
import { useMutation } from '@tanstack/react-query';
import type { ExchangeUpload, ImportResult } from '../../../server/modules/exchange/exchange.schemas';
import { api } from '../../app/api';

export type { ImportResult };

export function useValidateExchange() {
  return useMutation({ mutationFn: (upload: ExchangeUpload) => api.post<ImportResult>('/api/exchange/validate', upload) });
}

export function useImportExchange() {
  return useMutation({ mutationFn: (upload: ExchangeUpload) => api.post<ImportResult>('/api/exchange/import', upload) });
}
