import { describe, expect, it } from 'vitest';
import {
  addToMonth,
  closeReasonBucket,
  daysToFirstMeeting,
  emptyPeriodCounts,
  lastDayOfMonth,
  mean2,
  monthBounds,
  percentage2,
  quarterBounds,
  quarterOfMonth,
  referrerKey,
  reportPeriods,
  reportWindow,
  round2,
  satisfaction,
  zrmTypeKey,
} from './report-rules';

describe('periods', () => {
  it('lists the months and quarters inside the window and the year up to its end', () => {
    const half = reportPeriods(2016, [2]);
    expect(half.filter((p) => p.kind === 'month').map((p) => p.idx)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(half.filter((p) => p.kind === 'quarter')).toEqual([
      { kind: 'quarter', idx: 1, start: '2016-01-01', end: '2016-03-31' },
      { kind: 'quarter', idx: 2, start: '2016-04-01', end: '2016-06-30' },
    ]);
    expect(half.find((p) => p.kind === 'month' && p.idx === 2)).toMatchObject({ start: '2016-02-01', end: '2016-02-29' });
    expect(half.at(-1)).toEqual({ kind: 'year', idx: 2, start: '2016-01-01', end: '2016-06-30' });
    expect(reportPeriods(2017, [4])).toHaveLength(12 + 4 + 1);
    // The analyst's family: every month and quarter once, and the window of each cut-off.
    const family = reportPeriods(2016, [4, 1, 3, 2]);
    expect(family).toHaveLength(12 + 4 + 4);
    expect(family.filter((p) => p.kind === 'year').map((p) => [p.idx, p.end])).toEqual([[1, '2016-03-31'], [2, '2016-06-30'], [3, '2016-09-30'], [4, '2016-12-31']]);
  });

  it('includes both ends of months and quarters, leap years included', () => {
    expect(monthBounds(2016, 2)).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    expect(monthBounds(2017, 2)).toEqual({ start: '2017-02-01', end: '2017-02-28' });
    expect(monthBounds(2016, 12)).toEqual({ start: '2016-12-01', end: '2016-12-31' });
    expect(quarterBounds(2016, 1)).toEqual({ start: '2016-01-01', end: '2016-03-31' });
    expect(quarterBounds(2016, 2)).toEqual({ start: '2016-04-01', end: '2016-06-30' });
    expect(quarterBounds(2016, 3)).toEqual({ start: '2016-07-01', end: '2016-09-30' });
    expect(quarterBounds(2016, 4)).toEqual({ start: '2016-10-01', end: '2016-12-31' });
    expect(lastDayOfMonth(1900, 2)).toBe(28);
    expect(lastDayOfMonth(2000, 2)).toBe(29);
    expect([1, 3, 4, 6, 7, 9, 10, 12].map(quarterOfMonth)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('ends the window of a quarterly report on the last day of the quarter', () => {
    expect(reportWindow(2016)).toEqual({ year: 2016, start: '2016-01-01', end: '2016-12-31', quarters: 4, months: 12 });
    expect(reportWindow(2016, 1)).toEqual({ year: 2016, start: '2016-01-01', end: '2016-03-31', quarters: 1, months: 3 });
    expect(reportWindow(2016, 3)).toEqual({ year: 2016, start: '2016-01-01', end: '2016-09-30', quarters: 3, months: 9 });
    expect(() => reportWindow(2016, 5)).toThrow(RangeError);
    expect(() => reportWindow(2016, 0)).toThrow(RangeError);
  });
});

describe('rounding', () => {
  it('rounds half away from zero to 2 decimals, also where binary fractions fall short', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(10 / 3)).toBe(3.33);
    expect(round2(20 / 3)).toBe(6.67);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(7)).toBe(7);
  });
  it('gives null when nothing qualifies', () => {
    expect(mean2(0, 0)).toBeNull();
    expect(mean2(17, 3)).toBe(5.67);
    expect(percentage2(0, 0)).toBeNull();
    expect(percentage2(2, 3)).toBe(66.67);
    expect(percentage2(0, 4)).toBe(0);
  });
});

describe('buckets', () => {
  it('puts a case with two or more reasons under meerdere_redenen and one without under onbekend', () => {
    expect(closeReasonBucket([])).toBe('onbekend');
    expect(closeReasonBucket(['volgens_plan'])).toBe('volgens_plan');
    expect(closeReasonBucket(['volgens_plan', 'eenzijdig_client'])).toBe('meerdere_redenen');
    expect(closeReasonBucket(['volgens_plan', 'eenzijdig_client', 'externe_omstandigheden'])).toBe('meerdere_redenen');
    // The same reason twice is one reason.
    expect(closeReasonBucket(['volgens_plan', 'volgens_plan'])).toBe('volgens_plan');
  });
  it('counts an empty referrer or ZRM type as onbekend', () => {
    expect(referrerKey('')).toBe('onbekend');
    expect(referrerKey(null)).toBe('onbekend');
    expect(referrerKey('huisarts')).toBe('huisarts');
    expect(zrmTypeKey('')).toBe('onbekend');
    expect(zrmTypeKey(undefined)).toBe('onbekend');
    expect(zrmTypeKey('nul')).toBe('nul');
  });
});

describe('aggregation', () => {
  it('adds a monthly count to its quarter and the year', () => {
    const counts = emptyPeriodCounts();
    addToMonth(counts, 3, 2);
    addToMonth(counts, 4, 5);
    addToMonth(counts, 12, 1);
    expect(counts).toEqual({ months: [0, 0, 2, 5, 0, 0, 0, 0, 0, 0, 0, 1], quarters: [2, 5, 0, 1], year: 8 });
  });

  it('averages days to first meeting over cases, not over monthly means', () => {
    const result = daysToFirstMeeting(
      [
        { month: 1, location: 'thuis', days: 10, cases: 1 }, // one case, 10 days
        { month: 2, location: 'thuis', days: 6, cases: 3 }, // three cases, 2 days each
        { month: 2, location: 'kantoor', days: 1, cases: 2 },
        { month: 5, location: null, days: 4, cases: 1 }, // no location: only in quarter and year
      ],
      ['thuis', 'kantoor', 'elders'],
    );
    expect(result.by_location.thuis!.months.slice(0, 3)).toEqual([10, 2, null]);
    expect(result.by_location.kantoor!.months.slice(0, 3)).toEqual([null, 0.5, null]);
    expect(result.by_location.elders!.months).toEqual(Array(12).fill(null));
    // Q1: (10 + 6 + 1) / 6 cases = 2.833.. → 2.83 (the mean of monthly means would be 4.0).
    expect(result.quarters).toEqual([2.83, 4, null, null]);
    // Year: (10 + 6 + 1 + 4) / 7 = 3
    expect(result.year).toBe(3);
  });

  it('summarises satisfaction from counts per mark', () => {
    const result = satisfaction([
      { score: 8, cases: 2, canContinueYes: 1, canContinueAnswered: 2 },
      { score: 5, cases: 1, canContinueYes: 0, canContinueAnswered: 0 },
      { score: null, cases: 4, canContinueYes: 1, canContinueAnswered: 1 },
    ]);
    expect(result.distribution).toEqual({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 1, '6': 0, '7': 0, '8': 2, '9': 0, '10': 0 });
    expect(result.responses).toBe(3);
    expect(result.mean).toBe(7); // (8 + 8 + 5) / 3
    expect(result.can_continue_alone_pct).toBe(66.67); // 2 of 3 answers
    expect(satisfaction([])).toEqual({ distribution: expect.any(Object), responses: 0, mean: null, can_continue_alone_pct: null });
  });
});
