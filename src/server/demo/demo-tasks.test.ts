// The demo's tasks and notifications: what the demo medewerker's day shows (late, due and done tasks,
// some given by others), consistent with the history (cases she leads, colleagues of her team,
// registrations waiting in its queue), nothing after now, and the same for the same history.
import { describe, expect, it } from 'vitest';
import codesFile from '../modules/reference/codes.json' with { type: 'json' };
import { demoTasks } from './demo-tasks';
import { DEMO_WORKER_EMAIL, generateDemoHistory } from './synthetic-history';

const TEAMS = codesFile.teams.map((t) => ({ id: `team:${t.code}`, code: t.code }));

describe.each(['2026-11-23', '2027-03-31'])('the demo tasks up to %s', (today) => {
  // Early in the morning: what was made earlier today in the plan lies before now all the same.
  const now = new Date(`${today}T08:30:00Z`);
  const history = generateDemoHistory({ seed: 20_161_231, today, now, teams: TEAMS });
  let n = 0;
  const { tasks, notifications } = demoTasks(history, { today, now, newId: () => `id-${++n}` });
  const her = history.users.find((u) => u.email === DEMO_WORKER_EMAIL)!;
  const mine = tasks.filter((t) => t.assigneeId === her.id);

  it('gives her late, due and later open tasks, tasks of her own and done ones, some from others', () => {
    const open = mine.filter((t) => !t.doneAt);
    expect(open.filter((t) => t.dueOn < today).length).toBeGreaterThanOrEqual(2);
    expect(open.some((t) => t.dueOn === today)).toBe(true);
    expect(open.some((t) => t.dueOn > today)).toBe(true);
    expect(mine.filter((t) => t.doneAt).length).toBeGreaterThanOrEqual(2);
    expect(mine.some((t) => t.caseId === null)).toBe(true);
    expect(new Set(mine.map((t) => t.createdBy)).size).toBeGreaterThanOrEqual(3);
    expect(tasks.some((t) => t.createdBy === her.id && t.assigneeId !== her.id)).toBe(true);
  });

  it('puts tasks only on open cases of the assignee’s team, for people of that team, made before now in the order of their moments', () => {
    const byId = new Map(history.cases.map((c) => [c.id, c]));
    for (const t of tasks) {
      const assignee = history.users.find((u) => u.id === t.assigneeId)!;
      const maker = history.users.find((u) => u.id === t.createdBy)!;
      expect(maker.teamId).toBe(assignee.teamId);
      if (t.caseId) {
        expect(byId.get(t.caseId)!.teamId).toBe(assignee.teamId);
        expect(byId.get(t.caseId)!.status).not.toBe('closed');
      }
      expect(t.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (t.doneAt) expect([t.doneAt.getTime() <= now.getTime(), t.doneBy, t.version]).toEqual([true, t.assigneeId, 2]);
    }
    const moments = tasks.map((t) => t.createdAt.getTime());
    expect(moments).toEqual([...moments].sort((a, b) => a - b));
  });

  it('notifies of each task given by someone else, a case handed to her and the team’s waiting registrations, never the one who caused it', () => {
    const given = tasks.filter((t) => t.createdBy !== t.assigneeId);
    expect(notifications.filter((x) => x.kind === 'task_assigned').map((x) => x.taskId).sort()).toEqual(given.map((t) => t.id).sort());
    expect(notifications.filter((x) => x.recipientId === her.id && x.kind === 'case_assigned')).toHaveLength(1);
    const waiting = history.registrations.filter((r) => r.teamId === her.teamId && r.triageOutcome === null);
    expect(waiting.length).toBeGreaterThan(0);
    for (const r of waiting) {
      const told = notifications.filter((x) => x.registrationId === r.id).map((x) => x.recipientId);
      expect(told).not.toContain(r.createdBy);
      expect(told.length).toBeGreaterThan(0);
    }
    for (const x of notifications) {
      expect(x.recipientId).not.toBe(x.actorId);
      expect(x.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (x.readAt) expect(x.readAt.getTime()).toBeGreaterThanOrEqual(x.createdAt.getTime());
    }
    const hers = notifications.filter((x) => x.recipientId === her.id);
    expect(hers.some((x) => x.readAt === null)).toBe(true);
    expect(hers.some((x) => x.readAt !== null)).toBe(true);
  });

  it('is the same for the same history', () => {
    let m = 0;
    const again = demoTasks(history, { today, now, newId: () => `id-${++m}` });
    expect(again).toEqual({ tasks, notifications });
  });
});
