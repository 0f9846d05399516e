// The rules of an appointment, pure (no I/O): its kinds and states, when it may start and end, the
// period an agenda may show, Dutch wall-clock times to moments and back, and the case's short
// reference the agenda feed uses instead of a name. The web app checks the same before sending.
import { addDays, daysBetween } from '../../lib/dates';

export const APPOINTMENT_KINDS = ['huisbezoek', 'kantoor', 'telefoon', 'video'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const APPOINTMENT_KIND_LABELS: Record<AppointmentKind, string> = {
  huisbezoek: 'Huisbezoek',
  kantoor: 'Op kantoor',
  telefoon: 'Telefonisch',
  video: 'Videogesprek',
};
/** The journal's kind of contact for each kind of appointment (case-rules CONTACT_KINDS). */
export const JOURNAL_KIND = { huisbezoek: 'huisbezoek', kantoor: 'kantoor', telefoon: 'telefoon', video: 'digitaal' } as const satisfies Record<AppointmentKind, string>;
/** Kinds that happen somewhere: they need a place. */
export const NEEDS_PLACE: ReadonlySet<AppointmentKind> = new Set(['huisbezoek', 'kantoor']);

export const APPOINTMENT_STATUSES = ['gepland', 'plaatsgevonden', 'afgezegd'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = { gepland: 'Gepland', plaatsgevonden: 'Heeft plaatsgevonden', afgezegd: 'Afgezegd' };

export const WITH_WHOM_MAX = 120;
export const PLACE_MAX = 200;
export const APPOINTMENT_NOTE_MAX = 2000;
/** Longer than this is a typing error (an appointment of a whole day and night). */
export const MAX_APPOINTMENT_HOURS = 12;
/** An appointment further back or ahead than this is a typing error (2062 for 2026). */
export const APPOINTMENT_MAX_DAYS_BACK = 366;
export const APPOINTMENT_MAX_DAYS_AHEAD = 730;
/** The longest period one agenda view asks for (a month). */
export const AGENDA_MAX_DAYS = 31;
/** The feed holds the appointments from this many days back to a year ahead. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 366;

export const END_NOT_AFTER_START = 'De eindtijd moet na de begintijd liggen.';
export const TOO_LONG = `Een afspraak duurt hoogstens ${MAX_APPOINTMENT_HOURS} uur.`;
export const DAY_TOO_EARLY = 'Kies een datum binnen het afgelopen jaar of later.';
export const DAY_TOO_FAR = 'Kies een datum binnen twee jaar.';
export const PLACE_NEEDED = 'Vul in waar de afspraak is.';
export const NOT_YET_HAPPENED = 'Deze afspraak is nog niet begonnen. Een journaalregel maakt u als de afspraak heeft plaatsgevonden.';
export const PERIOD_TOO_LONG = `Vraag hoogstens ${AGENDA_MAX_DAYS} dagen tegelijk.`;
export const PERIOD_BACKWARDS = 'De einddatum ligt voor de begindatum.';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of 'HH:MM', or null when it is not a time. */
export function minutesOf(time: string): number | null {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The problems with a day and times as typed ({path, message}); `today` in the Netherlands. */
export function appointmentTimeProblems(input: { date: string; startTime: string; endTime: string }, today: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (input.date < addDays(today, -APPOINTMENT_MAX_DAYS_BACK)) problems.push({ path: 'date', message: DAY_TOO_EARLY });
  if (input.date > addDays(today, APPOINTMENT_MAX_DAYS_AHEAD)) problems.push({ path: 'date', message: DAY_TOO_FAR });
  const start = minutesOf(input.startTime);
  const end = minutesOf(input.endTime);
  if (start !== null && end !== null) {
    if (end <= start) problems.push({ path: 'endTime', message: END_NOT_AFTER_START });
    else if (end - start > MAX_APPOINTMENT_HOURS * 60) problems.push({ path: 'endTime', message: TOO_LONG });
  }
  return problems;
}

/** The place is required for a home visit and at the office. */
export function placeProblem(kind: AppointmentKind, place: string | null | undefined): string | null {
  return NEEDS_PLACE.has(kind) && !place?.trim() ? PLACE_NEEDED : null;
}

/** The period one agenda view asks for: `to` not before `from`, at most AGENDA_MAX_DAYS days. */
export function periodProblem(from: string, to: string): string | null {
  const days = daysBetween(from, to);
  if (days < 0) return PERIOD_BACKWARDS;
  if (days + 1 > AGENDA_MAX_DAYS) return PERIOD_TOO_LONG;
  return null;
}

const AMSTERDAM = 'Europe/Amsterdam';
const parts = new Intl.DateTimeFormat('en-GB', { timeZone: AMSTERDAM, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Wall-clock date and time in the Netherlands of a moment: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function dutchWallClock(moment: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(moment).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Minutes the Netherlands is ahead of UTC at a moment (60 in winter, 120 in summer). */
function offsetMinutes(moment: Date): number {
  const p = Object.fromEntries(parts.formatToParts(moment).map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(moment.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The moment a Dutch wall-clock date and time 'HH:MM' names. A time the clock skips in spring
 * (02:30 on the last Sunday of March) is taken an hour later; one it passes twice in autumn, the first.
 */
export function dutchMoment(date: string, time: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const minutes = minutesOf(time) ?? 0;
  const wall = Date.UTC(y, mo - 1, d, Math.floor(minutes / 60), minutes % 60);
  // The offset just before the wall time, then checked once more at the result.
  let moment = new Date(wall - offsetMinutes(new Date(wall - 3 * 3600_000)) * 60_000);
  const again = new Date(wall - offsetMinutes(moment) * 60_000);
  if (dutchWallClock(again).time === time) moment = again;
  return moment;
}

/** The first moment of a Dutch calendar day. */
export function startOfDutchDay(date: string): Date {
  return dutchMoment(date, '00:00');
}

/**
 * The short reference of a case, for where no name may appear (the agenda feed): the first eight
 * characters of its id. Stable, and it tells nothing about the household.
 */
export function caseReference(caseId: string): string {
  return `Casus ${caseId.slice(0, 8).toUpperCase()}`;
}
