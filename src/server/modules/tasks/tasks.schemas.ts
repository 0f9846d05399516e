// Tasks and reminders: for oneself or a colleague of one's team, on a case or not. Shared with the web app.
import { z } from 'zod';
import { dateValue, isoDate, moment } from '../../lib/date-fields';
import { version, wholeNumberParam } from '../../lib/number-fields';
import { plainText } from '../../lib/text-fields';
import { TASK_DESCRIPTION_MAX, TASK_TITLE_MAX, TASK_TITLE_MIN } from './task-rules';

export const TASK_ASSIGNEE_MESSAGE = 'Kies uzelf of een collega uit uw eigen team';

export const taskFields = z.object({
  title: z.string().trim().min(TASK_TITLE_MIN, `Schrijf op wat er moet gebeuren, in minstens ${TASK_TITLE_MIN} tekens`).max(TASK_TITLE_MAX, `Maximaal ${TASK_TITLE_MAX} tekens`),
  description: plainText(TASK_DESCRIPTION_MAX),
  /** Not in the past (task-rules.ts; checked by the service against today in the Netherlands). */
  dueOn: isoDate,
  /** Who is to do it; left out: the maker. */
  assigneeId: z.uuid(TASK_ASSIGNEE_MESSAGE).optional(),
});
export type TaskFields = z.input<typeof taskFields>;

/** Done, or open again: the version the user read (409 when someone else changed it since). */
export const taskVersion = z.object({ version });

export const TASK_VIEWS = ['mine', 'given'] as const;
export const TASK_STATUSES = ['open', 'done'] as const;

export const taskListQuery = z.object({
  /** mine: given to me; given: that I gave to a colleague. */
  view: z.enum(TASK_VIEWS, 'Kies mijn taken of gegeven taken').default('mine'),
  /** open: by due date, the earliest first; done: the last done first. */
  status: z.enum(TASK_STATUSES, 'Kies open of afgerond').default('open'),
  limit: wholeNumberParam(1, 200, 'Vraag 1 tot en met 200 taken tegelijk').default(100),
});

const person = z.object({ id: z.string(), name: z.string() });

export const task = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  dueOn: dateValue,
  /** Open after its due day. */
  overdue: z.boolean(),
  done: z.boolean(),
  doneAt: moment.nullable(),
  doneBy: person.nullable(),
  assignee: person,
  createdBy: person,
  createdAt: moment,
  caseId: z.string().nullable(),
  /** The case's main client; null for a task of one's own. */
  clientName: z.string().nullable(),
  /** Whether the reader may mark it done or open again. */
  mayWrite: z.boolean(),
  version: z.number(),
});
export type Task = z.infer<typeof task>;
