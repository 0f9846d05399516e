// Dutch display of dates, timestamps and numbers.
import { dutchDate, dutchDateTime, dutchDateWithWeekday } from '../../server/lib/dutch-dates';

/** `2026-11-03` → `3 november 2026`: the one Dutch date text of the application. */
export const formatDate = dutchDate;

/** `2027-01-18` → `maandag 18 januari 2027`: a day in an agenda. */
export const formatDateWithWeekday = dutchDateWithWeekday;

/** An ISO timestamp → `3 november 2026 om 14:05`. */
export const formatDateTime = dutchDateTime;

export function formatNumber(value: number | null | undefined, fractionDigits = 0): string {
  if (value === null || value === undefined) return '–';
  return value.toLocaleString('nl-NL', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

export function days(count: number): string {
  return count === 1 ? '1 dag' : `${count} dagen`;
}

/** Today in the Netherlands as YYYY-MM-DD, the default for date fields. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function fullName(person: { firstName: string; lastName: string } | null | undefined): string {
  return person ? `${person.firstName} ${person.lastName}`.trim() : '';
}
