import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, notInFuture, todayInNetherlands } from './dates';

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

  it('checks real calendar dates', () => {
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2015-02-29')).toBe(false);
    expect(isIsoDate('2016-1-01')).toBe(false);
  });

  it('takes "not in the future" in Dutch time', () => {
    expect(notInFuture(todayInNetherlands())).toBe(true);
    expect(notInFuture(addDays(todayInNetherlands(), 1))).toBe(false);
  });
});
