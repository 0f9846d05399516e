// The quality registers: file a report; the register with its counts; a report's detail, handling
// and steps.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  QualityReportDetail,
  QualityReportInput,
  QualityReportList,
  QualityReportQuery,
  QualityReportUpdate,
  QualityStepInput,
} from '../../../server/modules/quality/quality.schemas';
import { api, query } from '../../app/api';
import { queryKeys } from '../../app/query-keys';

export type { QualityReportDetail, QualityReportInput, QualityReportList, QualityReportQuery, QualityReportUpdate, QualityStepInput };

export function useQualityReports(filters: QualityReportQuery) {
  return useQuery({ queryKey: queryKeys.quality.list({ ...filters }), queryFn: () => api.get<QualityReportList>(`/api/v1/quality-reports${query({ ...filters })}`) });
}

export function useQualityReport(id: string) {
  return useQuery({ queryKey: queryKeys.quality.detail(id), queryFn: () => api.get<QualityReportDetail>(`/api/v1/quality-reports/${encodeURIComponent(id)}`) });
}

export function useFileQualityReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QualityReportInput) => api.post<{ id: string }>('/api/v1/quality-reports', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.quality.lists }),
  });
}

function useDetailMutation<T>(id: string, send: (body: T) => Promise<QualityReportDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKeys.quality.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.quality.lists });
    },
  });
}

export function useUpdateQualityReport(id: string) {
  return useDetailMutation<QualityReportUpdate>(id, (body) => api.put<QualityReportDetail>(`/api/v1/quality-reports/${encodeURIComponent(id)}`, body));
}

export function useAddQualityStep(id: string) {
  return useDetailMutation<QualityStepInput>(id, (body) => api.post<QualityReportDetail>(`/api/v1/quality-reports/${encodeURIComponent(id)}/steps`, body));
}

/** After a conflict (409): load the report again. */
export function useReloadQualityReport(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.quality.detail(id) });
}
