// Days waited for the first meeting against the 5-day norm, in words (never colour alone).
import { FIRST_MEETING_NORM_DAYS } from '../../server/modules/cases/case-rules';
import { days } from './format';

export function waitingText(waitingDays: number, overNorm: boolean, met: boolean): string {
  const base = days(waitingDays);
  if (overNorm) return `${base} — boven de norm van ${FIRST_MEETING_NORM_DAYS}`;
  return met ? `${base} — binnen de norm` : `${base} — norm ${FIRST_MEETING_NORM_DAYS}`;
}

export function WaitingDays({ waitingDays, overNorm, met }: { waitingDays: number; overNorm: boolean; met: boolean }) {
  return (
    <span className={overNorm ? 'kt-over-norm' : undefined}>
      {overNorm && (
        <span className="kt-over-norm__mark" aria-hidden="true">
          ⚠{' '}
        </span>
      )}
      {waitingText(waitingDays, overNorm, met)}
    </span>
  );
}
