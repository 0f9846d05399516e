// The rules of a task, pure (no I/O): when it may be due, and when it is late. The web app checks
// the same before sending.
import { addDays } from '../../lib/dates';

export const TASK_TITLE_MIN = 3;
export const TASK_TITLE_MAX = 120;
export const TASK_DESCRIPTION_MAX = 1000;
/** A reminder further ahead than this is a typing error (2062 for 2026). */
export const TASK_DUE_MAX_DAYS = 730;

export const DUE_IN_PAST = 'De datum ligt in het verleden. Kies vandaag of een latere dag.';
export const DUE_TOO_FAR = 'Kies een datum binnen twee jaar.';

/** Why a new task cannot be due on this day (YYYY-MM-DD), or null. `today` in the Netherlands. */
export function dueDateProblem(dueOn: string, today: string): string | null {
  if (dueOn < today) return DUE_IN_PAST;
  if (dueOn > addDays(today, TASK_DUE_MAX_DAYS)) return DUE_TOO_FAR;
  return null;
}

/** Late: still open after its day. A task due today is not late yet. */
export function isOverdue(task: { dueOn: string; done: boolean }, today: string): boolean {
  return !task.done && task.dueOn < today;
}
