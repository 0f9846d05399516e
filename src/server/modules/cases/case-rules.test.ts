import { describe, expect, it } from 'vitest';
import { canRecordFirstMeeting, canStartSupport, waitingState, waitsOverNorm } from './case-rules';

describe('the 5-day norm', () => {
  it('is met on day 5 and missed on day 6, while waiting and after the meeting', () => {
    expect(waitingState('2026-11-01', null, '2026-11-06')).toEqual({ days: 5, met: false, overNorm: false });
    expect(waitingState('2026-11-01', null, '2026-11-07')).toEqual({ days: 6, met: false, overNorm: true });
    expect(waitingState('2026-11-01', '2026-11-03', '2026-12-31')).toEqual({ days: 2, met: true, overNorm: false });
    expect(waitingState('2026-11-01', '2026-11-09', '2026-12-31')).toEqual({ days: 8, met: true, overNorm: true });
  });

  it('counts as "boven de norm" only a wait that is still going on, not a first meeting that came late', () => {
    expect(waitsOverNorm({ status: 'registered', overNorm: true })).toBe(true);
    expect(waitsOverNorm({ status: 'registered', overNorm: false })).toBe(false);
    expect(waitsOverNorm({ status: 'first_meeting', overNorm: true })).toBe(false);
    expect(waitsOverNorm({ status: 'running', overNorm: true })).toBe(false);
  });
});

describe('lifecycle', () => {
  it('records a first meeting before support runs, and starts support only after it', () => {
    expect(canRecordFirstMeeting('registered')).toBe(true);
    expect(canRecordFirstMeeting('first_meeting')).toBe(true);
    expect(canRecordFirstMeeting('running')).toBe(false);
    expect(canRecordFirstMeeting('closed')).toBe(false);
    expect(canStartSupport('registered')).toBe(false);
    expect(canStartSupport('first_meeting')).toBe(true);
    expect(canStartSupport('running')).toBe(false);
  });
});
