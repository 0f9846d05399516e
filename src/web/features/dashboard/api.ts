// Mijn dag: the worker's dashboard and the order of its blocks, remembered per user.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dashboard, DashboardBlock, DashboardItem, DashboardLayout } from '../../../server/modules/worklists/worklists.schemas';
import { api } from '../../app/api';
import { queryKeys } from '../../app/query-keys';

export type { Dashboard, DashboardBlock, DashboardItem, DashboardLayout };

const KEY = queryKeys.work.dashboard;

export function useDashboard() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<Dashboard>('/api/v1/work/dashboard') });
}

/** Saves the layout at once (shown before the answer); a failure puts the saved layout back. */
export function useSaveLayout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (layout: DashboardLayout) => api.put<DashboardLayout>('/api/v1/work/dashboard/layout', layout),
    onMutate: (layout) => {
      const before = queryClient.getQueryData<Dashboard>(KEY);
      if (before) queryClient.setQueryData<Dashboard>(KEY, { ...before, layout });
      return { before };
    },
    onError: (_error, _layout, context) => {
      if (context?.before) queryClient.setQueryData<Dashboard>(KEY, context.before);
    },
  });
}
