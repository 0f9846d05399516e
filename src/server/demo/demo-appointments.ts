// The demo's appointments (pure: no I/O; seeded, never Math.random): for every worker and the team
// leader of the demo medewerker's team, a few on their open cases this week and next (working days,
// office hours), and for the demo medewerker one of the last working day still "gepland", to be
// marked as took place. Relative to today. Written by demo.seed.ts with the rest of the demo.
import { addDays } from '../lib/dates';
import { mulberry32, SeededRandom } from '../lib/seeded-random';
import { dutchMoment, type AppointmentKind } from '../modules/appointments/appointment-rules';
import { DEMO_WORKER_EMAIL, type DemoHistory } from './synthetic-history';

export interface DemoAppointment {
  id: string;
  caseId: string;
  workerId: string;
  createdBy: string;
  kind: AppointmentKind;
  withWhom: string | null;
  place: string | null;
  startsAt: Date;
  endsAt: Date;
  note: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoAppointmentOptions {
  today: string;
  now: Date;
  newId: () => string;
  seed: number;
}

const WITH_WHOM = ['De bewoner', 'De bewoner en een mantelzorger', 'Het gezin', 'De bewoner en de schuldhulpverlener', null];
/** Places without names or house numbers: they appear in the agenda feed. */
const PLACES: Record<AppointmentKind, (string | null)[]> = {
  huisbezoek: ['Bij de bewoner thuis', 'Thuis bij het gezin'],
  kantoor: ['Kantoor van het buurtteam', 'Wijkcentrum, spreekkamer 2'],
  telefoon: [null],
  video: [null],
};
const NOTES = ['', '', 'Formulieren bijzondere bijstand meenemen.', 'Krachtplan samen doorlopen.', 'Tolk is geregeld.'];
const KINDS: readonly (readonly [AppointmentKind, number])[] = [
  ['huisbezoek', 4],
  ['kantoor', 2],
  ['telefoon', 3],
  ['video', 1],
];

/** Working days from today up to the end of next week. */
function workingDays(today: string): string[] {
  const days: string[] = [];
  for (let i = 0; i < 14; i++) {
    const day = addDays(today, i);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

export function lastWorkingDayBefore(today: string): string {
  let day = addDays(today, -1);
  while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, -1);
  return day;
}

export function demoAppointments(history: DemoHistory, { today, now, newId, seed }: DemoAppointmentOptions): DemoAppointment[] {
  const her = history.users.find((u) => u.email === DEMO_WORKER_EMAIL);
  if (!her) return [];
  const random = new SeededRandom(mulberry32(seed ^ 0x5a6e0d));
  const team = history.users.filter((u) => u.teamId === her.teamId && (u.role === 'medewerker' || u.role === 'teamleider'));
  const days = workingDays(today);
  const made: DemoAppointment[] = [];
  const add = (workerId: string, caseId: string, day: string, hour: number) => {
    const kind = random.weighted(KINDS);
    const length = kind === 'telefoon' ? 15 : kind === 'video' ? 30 : random.pick([45, 60, 90]);
    const start = `${String(hour).padStart(2, '0')}:${random.pick(['00', '30'])}`;
    const startsAt = dutchMoment(day, start);
    const createdAt = new Date(Math.min(now.getTime(), startsAt.getTime()) - random.int(1, 7) * 86_400_000);
    made.push({
      id: newId(),
      caseId,
      workerId,
      createdBy: workerId,
      kind,
      withWhom: random.pick(WITH_WHOM),
      place: random.pick(PLACES[kind]),
      startsAt,
      endsAt: new Date(startsAt.getTime() + length * 60_000),
      note: random.pick(NOTES),
      createdAt,
      updatedAt: createdAt,
    });
  };
  for (const worker of team) {
    const open = history.cases.filter((c) => c.leadWorkerId === worker.id && c.status !== 'closed' && c.teamId === worker.teamId);
    if (open.length === 0 || days.length === 0) continue;
    const count = worker.id === her.id ? 6 : random.int(2, 4);
    // Spread over the two weeks (a seeded jitter of up to two days), so this week has some too.
    for (let i = 0; i < count; i++) add(worker.id, open[i % open.length]!.id, days[Math.min(days.length - 1, Math.floor((i * days.length) / count) + random.int(0, 1))]!, random.int(9, 16));
    // Hers: one of the last working day before today that took place but is not in the journal yet.
    if (worker.id === her.id) add(worker.id, open[0]!.id, lastWorkingDayBefore(today), 10);
  }
  return made.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
