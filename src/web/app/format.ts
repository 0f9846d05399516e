// Dutch display of dates, timestamps and numbers.

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** `2026-11-03` → `3 november 2026`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** An ISO timestamp → `3 november 2026 om 14:05`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = timeFormat.format(date);
  return text.includes(' om ') ? text : text.replace(/,? (\d{2}:\d{2})$/, ' om $1');
}

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
