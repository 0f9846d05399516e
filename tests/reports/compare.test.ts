// The comparison must find what the acceptance check finds, and no more.
import { describe, expect, it } from 'vitest';
import { compareReport, parseExpected } from './compare';

describe('compareReport', () => {
  const expected = parseExpected('{"year": 2016, "a": {"months": [1, 2], "mean": 5.0, "pct": 82.39, "none": null}, "b": {"x": {"year": 0}}, "name": "WIJ 3.0"}');

  it('accepts equal reports, missing zeros and extra keys', () => {
    expect(compareReport({ year: 2016, a: { months: [1, 2], mean: 5.004, pct: 82.4, none: null, extra: 0 }, b: {}, name: 'WIJ 3.0', more: 1 }, expected)).toEqual([]);
  });

  it('compares integers exactly and other numbers within 0.01', () => {
    expect(compareReport({ year: 2016, a: { months: [1, 3], mean: 5.02, pct: 82.39, none: 0 }, b: { x: { year: 1 } }, name: 'WIJ 3.0' }, expected)).toEqual([
      'a.mean: expected 5, got 5.02',
      'a.months[1]: expected 2, got 3',
      'a.none: expected null, got 0',
      'b.x.year: expected 0, got 1',
    ]);
  });

  it('reports missing top-level keys, non-zero missing values and wrong list lengths', () => {
    expect(compareReport({ year: 2016, a: { months: [1] }, b: { y: 0 }, name: 'x' }, expected)).toEqual([
      'a.mean: missing, expected 5',
      'a.months: expected list of 2, got [1]',
      'a.pct: missing, expected 82.39',
      'name: expected "WIJ 3.0", got "x"',
    ]);
    expect(compareReport({}, expected)).toContain('year: missing');
  });
});
