import { describe, expect, it } from 'vitest';
import { mondayOf, periodOf, step } from './agenda-period';

describe('agenda period', () => {
  it('takes the week from Monday to Sunday', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07'); // a Monday
    expect(mondayOf('2026-12-13')).toBe('2026-12-07'); // the Sunday after
    expect(periodOf('week', '2026-12-10')).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(periodOf('dag', '2026-12-10')).toEqual({ from: '2026-12-10', to: '2026-12-10' });
  });
  it('steps a day or a week, across a month and a year', () => {
    expect(step('dag', '2026-12-31', 1)).toBe('2027-01-01');
    expect(step('week', '2026-12-30', 1)).toBe('2027-01-04');
    expect(step('week', '2026-12-02', -1)).toBe('2026-11-23');
  });
});
