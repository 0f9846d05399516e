// The number of results of a search or a filter, in a polite live region: a screen reader hears
// "12 aanmeldingen" when the choice changes, never the rows themselves (a table in a live region
// is read out whole, birth dates and postcodes included). The region is always in the page, so a
// change is announced; while loading it is empty. Shown as a line of text, or only to screen readers
// (`hidden`) where the page already shows the number.
import { Paragraph } from '@utrecht/component-library-react';
import { formatNumber } from './format';

export interface ResultCountProps {
  /** null while the results load. */
  count: number | null;
  singular: string;
  plural: string;
  /** The text for no results; default "Geen <plural>". */
  none?: string;
  /** Words after the number, e.g. "gevonden" or "met deze keuze". */
  suffix?: string;
  hidden?: boolean;
  /** Said instead of the count, e.g. what to do first ("Typ minstens 2 tekens"). */
  message?: string;
}

export function resultCountText({ count, singular, plural, none, suffix, message }: Omit<ResultCountProps, 'hidden'>): string {
  if (message !== undefined) return message;
  if (count === null) return '';
  const after = suffix ? ` ${suffix}` : '';
  if (count === 0) return none ?? `Geen ${plural}${after}`;
  return `${formatNumber(count)} ${count === 1 ? singular : plural}${after}`;
}

export function ResultCount({ hidden = false, ...props }: ResultCountProps) {
  return (
    <Paragraph role="status" className={hidden ? 'kt-visually-hidden' : 'kt-result-count'}>
      {resultCountText(props)}
    </Paragraph>
  );
}
