import { describe, expect, it } from 'vitest';
import { addDays, canRecordFirstMeeting, canStartSupport, daysBetween, todayInNetherlands, waitingState } from './case-rules';

describe('dates', () => {
  it('counts calendar days across month, year and daylight-saving boundaries', () => {
    expect(daysBetween('2016-01-30', '2016-02-02')).toBe(3);
    expect(daysBetween('2016-12-30', '2017-01-02')).toBe(3);
    expect(daysBetween('2016-03-26', '2016-03-28')).toBe(2);
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2); // leap year
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2017-01-03', -5)).toBe('2016-12-29');
  });
  it('takes today in the Netherlands, not in UTC', () => {
    expect(todayInNetherlands(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInNetherlands(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(todayInNetherlands(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});

describe('the 5-day norm', () => {
  it('is met on day 5 and missed on day 6, while waiting and after the meeting', () => {
    expect(waitingState('2026-11-01', null, '2026-11-06')).toEqual({ days: 5, met: false, overNorm: false });
    expect(waitingState('2026-11-01', null, '2026-11-07')).toEqual({ days: 6, met: false, overNorm: true });
    expect(waitingState('2026-11-01', '2026-11-03', '2026-12-31')).toEqual({ days: 2, met: true, overNorm: false });
    expect(waitingState('2026-11-01', '2026-11-09', '2026-12-31')).toEqual({ days: 8, met: true, overNorm: true });
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
