// Tasks: my list (open or done), the ones I gave, the team's open ones, a case's; make one, mark it
// done or open again. Every change refreshes every task list (a task shows in several) and Mijn dag.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Task, TaskFields } from '../../../server/modules/tasks/tasks.schemas';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { Task, TaskFields };
export type TaskView = 'mine' | 'given';
export type TaskStatus = 'open' | 'done';

export function useTasks(view: TaskView, status: TaskStatus, enabled = true) {
  return useQuery({
    queryKey: queryKeys.tasks.list(view, status),
    queryFn: () => api.get<Task[]>(`/api/v1/tasks?view=${view}&status=${status}${status === 'done' ? '&limit=20' : ''}`),
    enabled,
  });
}

export function useTeamTasks() {
  return useQuery({ queryKey: queryKeys.tasks.team, queryFn: () => api.get<Task[]>('/api/v1/tasks/team') });
}

export function useCaseTasks(caseId: string) {
  return useQuery({ queryKey: queryKeys.tasks.ofCase(caseId), queryFn: () => api.get<Task[]>(`/api/v1/cases/${encodeURIComponent(caseId)}/tasks`) });
}

/** A new task, on the case or (caseId null) of one's own. */
export function useCreateTask(caseId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: TaskFields) => api.post<Task>(caseId ? `/api/v1/cases/${encodeURIComponent(caseId)}/tasks` : '/api/v1/tasks', fields),
    onSuccess: () => void invalidate(queryClient, [queryKeys.tasks.all]),
  });
}

/** Done (true) or open again (false), at the version shown. */
export function useSetTaskDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, done }: { task: Pick<Task, 'id' | 'version'>; done: boolean }) =>
      api.post<Task>(`/api/v1/tasks/${encodeURIComponent(task.id)}/${done ? 'done' : 'reopen'}`, { version: task.version }),
    // Also after a failure (409: someone else changed it): the lists show the task as it is now.
    onSettled: () => void invalidate(queryClient, [queryKeys.tasks.all]),
  });
}
