// The demo's appointments: several for the demo medewerker this week and next and one in the past
// still planned, a few for her colleagues, only on open cases they lead, with a place where the kind
// needs one, within the rules of an appointment, and the same for the same history and seed.
import { describe, expect, it } from 'vitest';
import codesFile from '../modules/reference/codes.json' with { type: 'json' };
import { addDays } from '../lib/dates';
import { appointmentTimeProblems, dutchWallClock, placeProblem } from '../modules/appointments/appointment-rules';
import { demoAppointments, lastWorkingDayBefore } from './demo-appointments';
import { DEMO_WORKER_EMAIL, generateDemoHistory } from './synthetic-history';

const TEAMS = codesFile.teams.map((t) => ({ id: `team:${t.code}`, code: t.code }));

describe.each(['2026-12-07', '2027-03-31'])('the demo appointments from %s', (today) => {
  const now = new Date(`${today}T08:30:00Z`);
  const history = generateDemoHistory({ seed: 20_161_231, today, now, teams: TEAMS });
  const make = () => {
    let n = 0;
    return demoAppointments(history, { today, now, newId: () => `id-${++n}`, seed: 20_161_231 });
  };
  const appointments = make();
  const her = history.users.find((u) => u.email === DEMO_WORKER_EMAIL)!;
  const mine = appointments.filter((a) => a.workerId === her.id);

  it('gives her several this week and next and one in the past still planned; colleagues of her team some too', () => {
    const days = mine.map((a) => dutchWallClock(a.startsAt).date);
    expect(days.filter((d) => d >= today && d <= addDays(today, 13)).length).toBeGreaterThanOrEqual(5);
    expect(days.filter((d) => d < today)).toEqual([lastWorkingDayBefore(today)]);
    const others = appointments.filter((a) => a.workerId !== her.id);
    expect(others.length).toBeGreaterThan(0);
    for (const a of others) expect(history.users.find((u) => u.id === a.workerId)!.teamId).toBe(her.teamId);
  });

  it('puts them on open cases the worker leads, within the rules, never on a weekend, made before now', () => {
    const byId = new Map(history.cases.map((c) => [c.id, c]));
    for (const a of appointments) {
      const c = byId.get(a.caseId)!;
      expect(c.leadWorkerId).toBe(a.workerId);
      expect(c.status).not.toBe('closed');
      const start = dutchWallClock(a.startsAt);
      const end = dutchWallClock(a.endsAt);
      expect(appointmentTimeProblems({ date: start.date, startTime: start.time, endTime: end.time }, today)).toEqual([]);
      expect(placeProblem(a.kind, a.place)).toBeNull();
      expect([0, 6]).not.toContain(new Date(`${start.date}T00:00:00Z`).getUTCDay());
      expect(a.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('is the same for the same history and seed', () => {
    expect(make()).toEqual(appointments);
  });
});
