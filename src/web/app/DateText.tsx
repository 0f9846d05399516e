// A date shown the Dutch way, machine-readable in a <time> element.
import { formatDate, formatDateTime } from './format';

export function DateText({ value, withTime = false, empty = '–' }: { value: string | null | undefined; withTime?: boolean; empty?: string }) {
  if (!value) return <>{empty}</>;
  return <time dateTime={value}>{withTime ? formatDateTime(value) : formatDate(value)}</time>;
}
