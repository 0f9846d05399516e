// HTTP: tasks and reminders. A case's tasks go with the case's permissions (cases:read, cases:write);
// the rest with tasks:use (workers and team leaders); the team's open tasks with team:overview.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { task, taskFields, taskListQuery, taskVersion } from './tasks.schemas';
import { createTask, listCaseTasks, listTasks, listTeamTasks, setTaskDone } from './tasks.service';

export function tasksRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const use = { permission: 'tasks:use' as const };
    app.get('/tasks', { config: use, schema: { summary: 'My tasks, or the tasks I gave to colleagues; open (by due day) or done', querystring: taskListQuery, response: { 200: z.array(task) } } }, async (request) =>
      listTasks(db, actorOf(request), request.query),
    );
    app.post('/tasks', { config: use, schema: { summary: 'A task for myself or a colleague of my team, not on a case', body: taskFields, response: { 201: task } } }, async (request, reply) =>
      reply.status(201).send(await createTask(db, actorOf(request), request.body)),
    );
    app.get('/tasks/team', { config: { permission: 'team:overview' }, schema: { summary: "The open tasks of my team's workers, by due day", response: { 200: z.array(task) } } }, async (request) =>
      listTeamTasks(db, actorOf(request)),
    );
    app.post('/tasks/:id/done', { config: use, schema: { summary: 'Mark a task done', params: idParams, body: taskVersion, response: { 200: task } } }, async (request) =>
      setTaskDone(db, actorOf(request), request.params.id, request.body.version, true),
    );
    app.post('/tasks/:id/reopen', { config: use, schema: { summary: 'Open a done task again', params: idParams, body: taskVersion, response: { 200: task } } }, async (request) =>
      setTaskDone(db, actorOf(request), request.params.id, request.body.version, false),
    );
    app.get('/cases/:id/tasks', { config: { permission: 'cases:read' }, schema: { summary: "The case's tasks: open ones by due day, then the done ones", params: idParams, response: { 200: z.array(task) } } }, async (request) =>
      listCaseTasks(db, actorOf(request), request.params.id),
    );
    app.post('/cases/:id/tasks', { config: { permission: 'cases:write' }, schema: { summary: 'A task on the case, for myself or a colleague of my team', params: idParams, body: taskFields, response: { 201: task } } }, async (request, reply) =>
      reply.status(201).send(await createTask(db, actorOf(request), request.body, request.params.id)),
    );
  };
}
