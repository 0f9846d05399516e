// Days to the first meeting against the 5-day norm, in words (never colour alone). One way of
// saying it everywhere: a wait that is still going on ("wacht 7 dagen") is what the team acts on
// and what "boven de norm" counts (waitsOverNorm); a first meeting that came late is history.
import { FIRST_MEETING_NORM_DAYS } from '../../server/modules/cases/case-rules';
import { days } from './format';

/** The heading of every count and filter of cases waiting longer than the norm. */
export const WAITS_OVER_NORM = `Wachten langer dan ${FIRST_MEETING_NORM_DAYS} dagen`;

export function waitingText(waitingDays: number, overNorm: boolean, met: boolean): string {
  if (met) return `Kennismaking na ${days(waitingDays)} — ${overNorm ? `later dan de norm van ${FIRST_MEETING_NORM_DAYS}` : 'binnen de norm'}`;
  return `Wacht ${days(waitingDays)} — ${overNorm ? `langer dan de norm van ${FIRST_MEETING_NORM_DAYS}` : `norm ${FIRST_MEETING_NORM_DAYS}`}`;
}

export function WaitingDays({ waitingDays, overNorm, met }: { waitingDays: number; overNorm: boolean; met: boolean }) {
  const waitsOver = overNorm && !met;
  return (
    <span className={waitsOver ? 'kt-over-norm' : undefined}>
      {waitsOver && (
        <span className="kt-over-norm__mark" aria-hidden="true">
          ⚠{' '}
        </span>
      )}
      {waitingText(waitingDays, overNorm, met)}
    </span>
  );
}
