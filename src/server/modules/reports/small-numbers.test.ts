import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pointer, readSmallNumberSettings, setAtPointer, suppressCounts, suppressionMarker, tooFewObservations, type AdditiveGroup } from './small-numbers';

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));
const marked = (marks: Map<string, string>) => Object.fromEntries([...marks].sort(([a], [b]) => a.localeCompare(b)));

describe('suppressCounts', () => {
  it('suppresses 1 to 4 and keeps 0 and 5', () => {
    expect(marked(suppressCounts(counts({ a: 0, b: 1, c: 4, d: 5, e: 120 }), [], 5))).toEqual({ b: 'small', c: 'small' });
  });

  it('suppresses the next smallest cell of a row with one suppressed cell and a total', () => {
    // a = 3 could be recalculated from the total 60 and b, c: c (the smallest other) goes too.
    const row = counts({ a: 3, b: 40, c: 17, total: 60 });
    expect(marked(suppressCounts(row, [{ members: ['a', 'b', 'c'], total: 'total' }], 5))).toEqual({ a: 'small', c: 'secondary' });
  });

  it('suppresses another cell when the suppressed cells of a row together are still a small number', () => {
    // 1 + 2 = 3: both would be known to lie in 1..2, their sum exactly.
    const row = counts({ a: 1, b: 2, c: 9, d: 30, total: 42 });
    expect(marked(suppressCounts(row, [{ members: ['a', 'b', 'c', 'd'], total: 'total' }], 5))).toEqual({ a: 'small', b: 'small', c: 'secondary' });
  });

  it('suppresses the total when it is the only other non-zero cell', () => {
    // b goes with a in the first row; in the second row b is the only non-zero member, so its total goes too.
    const rows = counts({ a: 3, b: 6, t1: 9, c: 0, t2: 6 });
    const groups = [
      { members: ['a', 'b'], total: 't1' },
      { members: ['b', 'c'], total: 't2' },
    ];
    expect(marked(suppressCounts(rows, groups, 5))).toEqual({ a: 'small', b: 'secondary', t2: 'secondary' });
  });

  it('follows a secondary suppression into the groups it belongs to (rows and columns)', () => {
    // A 2×2 table with row and column totals: a 2 in the top left forces a second cell in its row,
    // and then in both columns, until every row and column has two suppressed cells.
    const table = counts({ a: 2, b: 10, c: 20, d: 30, ab: 12, cd: 50, ac: 22, bd: 40, all: 62 });
    const groups: AdditiveGroup[] = [
      { members: ['a', 'b'], total: 'ab' },
      { members: ['c', 'd'], total: 'cd' },
      { members: ['a', 'c'], total: 'ac' },
      { members: ['b', 'd'], total: 'bd' },
      { members: ['ab', 'cd'], total: 'all' },
      { members: ['ac', 'bd'], total: 'all' },
    ];
    expect(marked(suppressCounts(table, groups, 5))).toEqual({ a: 'small', b: 'secondary', c: 'secondary', d: 'secondary' });
  });

  it('leaves a table without small counts alone', () => {
    expect(suppressCounts(counts({ a: 5, b: 0, total: 5 }), [{ members: ['a', 'b'], total: 'total' }], 5).size).toBe(0);
  });

  it('never leaves a group with exactly one suppressed cell, whatever the table (property)', () => {
    const row = fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        const cells = new Map<string, number>();
        const groups: AdditiveGroup[] = [];
        rows.forEach((r, i) => {
          const members = Array.from({ length: width }, (_, j) => `${i},${j}`);
          members.forEach((key, j) => cells.set(key, r[j] ?? 0));
          cells.set(`${i},T`, r.reduce((s, n) => s + n, 0));
          groups.push({ members, total: `${i},T` });
        });
        for (let j = 0; j < width; j++) {
          const members = rows.map((_, i) => `${i},${j}`);
          cells.set(`T,${j}`, members.reduce((s, k) => s + cells.get(k)!, 0));
          groups.push({ members, total: `T,${j}` });
        }
        const marks = suppressCounts(cells, groups, 5);
        for (const [key, n] of cells) if (n >= 1 && n <= 4) expect(marks.get(key)).toBe('small');
        for (const key of marks.keys()) expect(cells.get(key)).toBeGreaterThan(0);
        for (const group of groups) {
          const keys = [...group.members, group.total];
          const hidden = keys.filter((k) => marks.has(k));
          const others = keys.filter((k) => !marks.has(k) && cells.get(k)! > 0);
          // Exposed only where nothing is left to suppress.
          if (hidden.length === 1) expect(others).toEqual([]);
        }
      }),
    );
  });
});

describe('means and settings', () => {
  it('hides a statistic over 1 to 9 observations', () => {
    expect([0, 1, 9, 10].map((n) => tooFewObservations(n, 10))).toEqual([false, true, true, false]);
  });

  it('reads the thresholds from the environment, 5 and 10 by default', () => {
    expect(readSmallNumberSettings({})).toEqual({ minCount: 5, minObservations: 10 });
    expect(readSmallNumberSettings({ SMALL_NUMBERS_MIN_COUNT: '10', SMALL_NUMBERS_MIN_OBSERVATIONS: '' })).toEqual({ minCount: 10, minObservations: 10 });
    expect(() => readSmallNumberSettings({ SMALL_NUMBERS_MIN_COUNT: 'vijf' })).toThrow(/SMALL_NUMBERS_MIN_COUNT/);
  });

  it('addresses cells by JSON Pointer, codes with a slash included', () => {
    const report = { teams: { 'a/b': { year: 3 } } };
    expect(pointer('teams', 'a/b', 'year')).toBe('/teams/a~1b/year');
    setAtPointer(report, pointer('teams', 'a/b', 'year'), null);
    expect(report).toEqual({ teams: { 'a/b': { year: null } } });
    expect(suppressionMarker('small', { min_count: 5 })).toBe('<5');
    expect(suppressionMarker('secondary', { min_count: 5 })).toBe('x');
  });
});
