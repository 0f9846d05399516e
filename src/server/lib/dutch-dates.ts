// Dates as Dutch text, one way for the whole application: messages of the server, PDF documents
// and the web app all write "3 november 2026" (and "3 november 2026 om 14:05" for a moment).
// Pure functions, shared with the web app.

export const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
const weekdayDateFormat = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * `2026-11-03` → `3 november 2026` (as Intl's nl-NL long date writes it); text that is not a date
 * comes back as it is. Without Intl: a client's file of 700 pages holds some ten thousand dates,
 * and the main thread turns it into blocks before a worker lays them out; Intl would take some
 * 50 ms of that.
 */
export function dutchDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** An ISO timestamp (or a Date) → `3 november 2026 om 14:05`, in Dutch time. */
export function dutchDateTime(moment: string | Date | null | undefined): string {
  if (!moment) return '';
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(date.getTime())) return String(moment);
  const text = dateTimeFormat.format(date);
  return text.includes(' om ') ? text : text.replace(/,? (\d{2}:\d{2})$/, ' om $1');
}

/** `2027-01-18` → `maandag 18 januari 2027`: a deadline reads best with its day of the week. */
export function dutchDateWithWeekday(iso: string): string {
  return weekdayDateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}
