// The period an agenda view shows: a day, or the week (Monday to Sunday) around a day; and the step
// to the one before or after. Pure, YYYY-MM-DD strings.
import { addDays } from '../../../server/lib/dates';

export type AgendaView = 'dag' | 'week';

/** The Monday of the week a day falls in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function periodOf(view: AgendaView, day: string): { from: string; to: string } {
  if (view === 'dag') return { from: day, to: day };
  const from = mondayOf(day);
  return { from, to: addDays(from, 6) };
}

/** The day the view moves to with "vorige" (-1) or "volgende" (+1). */
export function step(view: AgendaView, day: string, direction: -1 | 1): string {
  return addDays(view === 'dag' ? day : mondayOf(day), direction * (view === 'dag' ? 1 : 7));
}
