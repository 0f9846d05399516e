// Calendar dates as the domain uses them: 'YYYY-MM-DD' strings, days counted in the calendar,
// "today" as it is in the Netherlands. Pure functions, shared with the web app.

/** A real calendar date written YYYY-MM-DD (2015-02-29 is not). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Calendar days from one ISO date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date as YYYY-MM-DD in the Netherlands, where the teams work. */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}


/** Not after today in the Netherlands (a date typed just after midnight there is not in the future). */
export function notInFuture(date: string): boolean {
  return date <= todayInNetherlands();
}
