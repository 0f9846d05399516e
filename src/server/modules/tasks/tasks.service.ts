// Tasks and reminders: make one (for oneself or a colleague of one's team, on a case or not), mark it
// done or open again, and the lists (mine, given by me, the team's open ones, a case's). Every query
// goes through taskScope; every change is logged with its case's client; a task given to someone
// else notifies them in the same transaction.
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../db/database';
import { caseClients, clients, tasks, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { holds, mayWrite, taskScope } from '../../access/access.policy';
import { writeAudit, writeCaseAudit } from '../../audit/audit.writer';
import { changeVersioned } from '../../db/versioned-change';
import { todayInNetherlands } from '../../lib/dates';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { findVisibleCase } from '../cases/cases.repo';
import { notify } from '../notifications/notify';
import { shownLastName } from '../retention/destroyed-client';
import { dueDateProblem, isOverdue } from './task-rules';
import { TASK_ASSIGNEE_MESSAGE, type Task, type taskFields, type taskListQuery } from './tasks.schemas';

const NOT_FOUND = 'Taak niet gevonden';
const CONFLICT = 'Iemand anders heeft deze taak intussen gewijzigd. Laad de taken opnieuw.';

const assignee = alias(users, 'assignee');
const creator = alias(users, 'creator');
const finisher = alias(users, 'finisher');
const mainLink = alias(caseClients, 'task_main_link');
const mainClient = alias(clients, 'task_client');

/** Open ones by due day, then in the order they were made; done ones the last done first. */
const OPEN_ORDER: SQL[] = [asc(tasks.dueOn), asc(tasks.createdOrder)];
const DONE_ORDER: SQL[] = [desc(tasks.doneAt), desc(tasks.createdOrder)];

/** The tasks in the actor's read scope that match `where`, with the names a list shows. */
async function selectTasks(db: DbOrTx, actor: Actor, where: SQL | undefined, orderBy: SQL[], limit = 200): Promise<{ items: Task[]; clientIds: string[] }> {
  const rows = await db
    .select({
      task: tasks,
      assigneeName: assignee.name,
      creatorName: creator.name,
      doneByName: finisher.name,
      clientId: mainClient.id,
      clientName: sql<string | null>`trim(${mainClient.firstName} || ' ' || ${shownLastName(mainClient)})`,
      inWriteScope: holds(taskScope(actor, 'write')),
    })
    .from(tasks)
    .innerJoin(assignee, and(eq(assignee.organisationId, tasks.organisationId), eq(assignee.id, tasks.assigneeId)))
    .innerJoin(creator, and(eq(creator.organisationId, tasks.organisationId), eq(creator.id, tasks.createdBy)))
    .leftJoin(finisher, and(eq(finisher.organisationId, tasks.organisationId), eq(finisher.id, tasks.doneBy)))
    .leftJoin(mainLink, and(eq(mainLink.organisationId, tasks.organisationId), eq(mainLink.caseId, tasks.caseId), eq(mainLink.role, 'hoofdclient')))
    .leftJoin(mainClient, and(eq(mainClient.organisationId, mainLink.organisationId), eq(mainClient.id, mainLink.clientId)))
    .where(and(taskScope(actor, 'read'), where))
    .orderBy(...orderBy)
    .limit(limit);
  const today = todayInNetherlands();
  const items = rows.map(({ task: t, ...r }): Task => {
    const done = t.doneAt !== null;
    return {
      id: t.id,
      title: t.title,
      description: t.description,
      dueOn: t.dueOn,
      overdue: isOverdue({ dueOn: t.dueOn, done }, today),
      done,
      doneAt: t.doneAt?.toISOString() ?? null,
      doneBy: t.doneBy ? { id: t.doneBy, name: r.doneByName ?? '' } : null,
      assignee: { id: t.assigneeId, name: r.assigneeName },
      createdBy: { id: t.createdBy, name: r.creatorName },
      createdAt: t.createdAt.toISOString(),
      caseId: t.caseId,
      clientName: t.caseId ? r.clientName : null,
      mayWrite: mayWrite(actor, 'tasks:use', r.inWriteScope),
      version: t.version,
    };
  });
  const clientIds = [...new Set(rows.map((r) => r.clientId).filter((id): id is string => !!id))];
  return { items, clientIds };
}

/** My tasks (given to me) or the ones I gave to colleagues; open or done. Logged as a list view. */
export async function listTasks(db: Db, actor: Actor, query: z.output<typeof taskListQuery>): Promise<Task[]> {
  const whose = query.view === 'mine' ? eq(tasks.assigneeId, actor.userId) : and(eq(tasks.createdBy, actor.userId), ne(tasks.assigneeId, actor.userId));
  const open = query.status === 'open';
  const { items, clientIds } = await selectTasks(db, actor, and(whose, open ? isNull(tasks.doneAt) : isNotNull(tasks.doneAt)), open ? OPEN_ORDER : DONE_ORDER, query.limit);
  await writeAudit(db, actor, { action: 'list', entityType: 'task_list', changes: { view: query.view, status: query.status, results: items.length }, clientIds });
  return items;
}

/** The team leader's view: the open tasks of everyone in the team, by due day. */
export async function listTeamTasks(db: Db, actor: Actor): Promise<Task[]> {
  const inTeam = sql`exists (select 1 from ${users} tm where tm.organisation_id = ${tasks.organisationId} and tm.id = ${tasks.assigneeId} and tm.team_id = ${actor.teamId})`;
  const { items, clientIds } = actor.teamId ? await selectTasks(db, actor, and(inTeam, isNull(tasks.doneAt)), OPEN_ORDER, 500) : { items: [], clientIds: [] };
  await writeAudit(db, actor, { action: 'list', entityType: 'team_tasks', changes: { results: items.length }, clientIds });
  return items;
}

/** The tasks of a case: open ones first by due day, then the done ones, the last done first. */
export async function listCaseTasks(db: Db, actor: Actor, caseId: string): Promise<Task[]> {
  if (!(await findVisibleCase(db, actor, caseId))) throw new NotFound('Casus niet gevonden');
  const order = [sql`${tasks.doneAt} is not null`, sql`case when ${tasks.doneAt} is null then ${tasks.dueOn} end`, desc(tasks.doneAt), asc(tasks.createdOrder)];
  const { items } = await selectTasks(db, actor, eq(tasks.caseId, caseId), order);
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'tasks', entityId: caseId });
  return items;
}

/**
 * The assignee: oneself, or an active worker or team leader of one's own team. Any other id (another
 * team's worker, an unknown one) is refused with the same field message: bad input, and the answer
 * tells nothing about who exists elsewhere.
 */
async function assertColleague(tx: Tx, actor: Actor, assigneeId: string): Promise<void> {
  if (assigneeId === actor.userId) return;
  const [found] = actor.teamId
    ? await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organisationId, actor.organisationId), eq(users.id, assigneeId), eq(users.teamId, actor.teamId), eq(users.active, true), inArray(users.role, ['medewerker', 'teamleider'])))
    : [];
  if (!found) throw new Invalid([{ path: 'assigneeId', message: TASK_ASSIGNEE_MESSAGE }]);
}

async function oneTask(tx: DbOrTx, actor: Actor, taskId: string): Promise<Task> {
  const { items } = await selectTasks(tx, actor, eq(tasks.id, taskId), OPEN_ORDER, 1);
  if (!items[0]) throw new NotFound(NOT_FOUND);
  return items[0];
}

/** A new task, on the case `caseId` (in the actor's write scope) or of one's own. */
export async function createTask(db: Db, actor: Actor, input: z.output<typeof taskFields>, caseId: string | null = null): Promise<Task> {
  return db.transaction(async (tx) => {
    // A closed case takes a task too: a call some weeks after closing is a common reminder.
    if (caseId && !(await findVisibleCase(tx, actor, caseId, { mode: 'write' }))) throw new NotFound('Casus niet gevonden');
    const problem = dueDateProblem(input.dueOn, todayInNetherlands());
    if (problem) throw new Invalid([{ path: 'dueOn', message: problem }]);
    const assigneeId = input.assigneeId ?? actor.userId;
    await assertColleague(tx, actor, assigneeId);
    const values = { title: input.title, description: input.description, dueOn: input.dueOn, assigneeId, caseId };
    const [row] = await tx
      .insert(tasks)
      .values({ organisationId: actor.organisationId, createdBy: actor.userId, ...values })
      .returning({ id: tasks.id });
    const event = { action: 'create' as const, entityType: 'task' as const, entityId: row!.id, changes: { to: values } };
    if (caseId) await writeCaseAudit(tx, actor, caseId, event);
    else await writeAudit(tx, actor, event);
    await notify(tx, actor, { kind: 'task_assigned', taskId: row!.id, caseId, to: assigneeId });
    return oneTask(tx, actor, row!.id);
  });
}

/** Done (`done` true) or open again, at the version the user read. */
export async function setTaskDone(db: Db, actor: Actor, taskId: string, version: number, done: boolean): Promise<Task> {
  return db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      table: tasks,
      find: async () => (await tx.select().from(tasks).where(and(eq(tasks.id, taskId), taskScope(actor, 'write'))).for('update'))[0],
      notFound: NOT_FOUND,
      version,
      conflict: CONFLICT,
      decide: (before) => {
        if (done && before.doneAt) throw new Conflict('Deze taak is al afgerond.');
        if (!done && !before.doneAt) throw new Conflict('Deze taak staat al open.');
        return { set: done ? { doneAt: new Date(), doneBy: actor.userId } : { doneAt: null, doneBy: null } };
      },
      audit: (before) => (before.caseId ? { entityType: 'task', entityId: taskId, caseId: before.caseId } : { entityType: 'task', entityId: taskId, clientId: null }),
    });
    return oneTask(tx, actor, taskId);
  });
}
