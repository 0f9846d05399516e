// The demo's tasks and notifications, made from its history (pure: no I/O, no randomness): the demo
// medewerker has open tasks (two of them late, one given by her team leader and one by a colleague),
// tasks of her own and done ones, and gave one to a colleague; her team leader has one; and the
// notifications these would have made (tasks given, a case handed to her, the registrations waiting
// in the team's queue), the older ones read. Written by demo.seed.ts with the rest of the demo.
import { addDays } from '../lib/dates';
import type { NotificationKind } from '../modules/notifications/notifications.schemas';
import { DAY_MS, dayNumber, DEMO_WORKER_EMAIL, type DemoHistory } from './synthetic-history';

export interface DemoTask {
  id: string;
  assigneeId: string;
  createdBy: string;
  caseId: string | null;
  title: string;
  description: string;
  dueOn: string;
  doneAt: Date | null;
  doneBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface DemoNotification {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  caseId: string | null;
  registrationId: string | null;
  taskId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface DemoTaskOptions {
  today: string;
  now: Date;
  newId: () => string;
}

interface Plan {
  title: string;
  description?: string;
  /** Days from today (negative: late). */
  due: number;
  /** Which of her open cases (by position), or null: a task of one's own. */
  onCase: number | null;
  /** Who gave it: herself, her team leader or a colleague. */
  by: 'self' | 'leader' | 'colleague';
  /** Made this many days ago. */
  madeAgo: number;
  /** Done this many days ago, or open. */
  doneAgo?: number;
}

const HER_TASKS: Plan[] = [
  { title: 'Huisbezoek plannen met de dochter erbij', due: -3, onCase: 0, by: 'self', madeAgo: 10 },
  { title: 'Terugbellen over de huurachterstand', description: 'De woningcorporatie wil deze week een betalingsregeling afspreken.', due: -1, onCase: 1, by: 'leader', madeAgo: 4 },
  { title: 'Aanvraag bijzondere bijstand nakijken', due: 0, onCase: 2, by: 'self', madeAgo: 6 },
  { title: 'Evaluatiegesprek voorbereiden', description: 'Ik ben er die dag niet; wil jij het krachtplan doorlopen?', due: 2, onCase: 3, by: 'colleague', madeAgo: 1 },
  { title: 'Casus inbrengen bij de intervisie', due: 5, onCase: null, by: 'self', madeAgo: 3 },
  { title: 'Verlof doorgeven aan de teamleider', due: 9, onCase: null, by: 'self', madeAgo: 2 },
  { title: 'Brief van de gemeente doorsturen naar de bewoner', due: -2, onCase: 4, by: 'self', madeAgo: 8, doneAgo: 1 },
  { title: 'Afspraak met de schuldhulp bevestigen', due: -5, onCase: 0, by: 'leader', madeAgo: 12, doneAgo: 4 },
  { title: 'Aanmelden voor de training meldcode', due: 3, onCase: null, by: 'self', madeAgo: 5, doneAgo: 0 },
];

export function demoTasks(history: DemoHistory, { today, now, newId }: DemoTaskOptions): { tasks: DemoTask[]; notifications: DemoNotification[] } {
  const her = history.users.find((u) => u.email === DEMO_WORKER_EMAIL);
  if (!her) return { tasks: [], notifications: [] };
  const team = history.users.filter((u) => u.teamId === her.teamId);
  const leader = team.find((u) => u.role === 'teamleider') ?? her;
  const colleague = team.find((u) => u.role === 'medewerker' && u.id !== her.id) ?? leader;
  const hers = history.cases.filter((c) => c.leadWorkerId === her.id && c.status !== 'closed');
  const colleagues = history.cases.filter((c) => c.leadWorkerId === colleague.id && c.status !== 'closed');
  const todayNumber = dayNumber(today);
  /** A moment `days` ago at `hour` (Dutch working hours, roughly), never after now. */
  const at = (days: number, hour: number): Date => {
    const moment = new Date((todayNumber - days) * DAY_MS + (hour - 1) * 3_600_000);
    return moment > now ? new Date(now.getTime() - days * DAY_MS - 60_000) : moment;
  };
  const giver = { self: her, leader, colleague } as const;

  const tasks: DemoTask[] = [];
  const notifications: DemoNotification[] = [];
  const notice = (recipientId: string, kind: NotificationKind, actorId: string, createdAt: Date, refs: { caseId?: string | null; registrationId?: string; taskId?: string }, readAfterDays?: number) =>
    notifications.push({
      id: newId(),
      recipientId,
      kind,
      actorId,
      caseId: refs.caseId ?? null,
      registrationId: refs.registrationId ?? null,
      taskId: refs.taskId ?? null,
      createdAt,
      readAt: readAfterDays === undefined ? null : new Date(Math.min(createdAt.getTime() + readAfterDays * DAY_MS, now.getTime())),
    });
  const add = (plan: Plan, assigneeId: string, caseId: string | null) => {
    const by = giver[plan.by];
    const createdAt = at(plan.madeAgo, 9 + (tasks.length % 7));
    const doneAt = plan.doneAgo === undefined ? null : at(plan.doneAgo, 10);
    const task: DemoTask = {
      id: newId(),
      assigneeId,
      createdBy: by.id,
      caseId,
      title: plan.title,
      description: plan.description ?? '',
      dueOn: addDays(today, plan.due),
      doneAt,
      doneBy: doneAt ? assigneeId : null,
      createdAt,
      updatedAt: doneAt ?? createdAt,
      version: doneAt ? 2 : 1,
    };
    tasks.push(task);
    // Given by someone else: the assignee was told (and read it if it was done since, or days ago).
    if (by.id !== assigneeId) notice(assigneeId, 'task_assigned', by.id, createdAt, { taskId: task.id, caseId }, doneAt || plan.madeAgo > 2 ? 0.1 : undefined);
  };

  for (const plan of HER_TASKS) {
    const onCase = plan.onCase === null ? null : (hers[plan.onCase]?.id ?? null);
    add(plan, her.id, onCase);
  }
  // She gave a colleague a task on one of her cases, and the team leader one on a colleague's case (late).
  add({ title: 'Dossier overnemen tijdens mijn verlof', due: 7, onCase: null, by: 'self', madeAgo: 1 }, colleague.id, hers[5]?.id ?? null);
  if (leader.id !== her.id) add({ title: 'Rapportage van het eerste gesprek aanvullen', due: -2, onCase: null, by: 'leader', madeAgo: 6 }, colleague.id, colleagues[0]?.id ?? null);
  add({ title: 'Teamoverleg voorbereiden: wachtlijst bespreken', due: 1, onCase: null, by: 'leader', madeAgo: 2 }, leader.id, null);

  // A case the team leader handed to her two days ago.
  const handed = hers[6];
  if (handed && leader.id !== her.id) notice(her.id, 'case_assigned', leader.id, at(2, 11), { caseId: handed.id });
  // The registrations waiting in the team's queue: everyone in the team but whoever registered it.
  for (const registration of history.registrations.filter((r) => r.teamId === her.teamId && r.triageOutcome === null)) {
    const ago = Math.max(0, Math.round((now.getTime() - registration.createdAt.getTime()) / DAY_MS));
    for (const member of team.filter((u) => (u.role === 'medewerker' || u.role === 'teamleider') && u.id !== registration.createdBy)) {
      notice(member.id, 'registration', registration.createdBy, registration.createdAt, { registrationId: registration.id }, ago > 1 ? 0.2 : undefined);
    }
  }
  // The order they were made in is the order of the ids the database numbers them by (created_order).
  tasks.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { tasks, notifications };
}
