import { describe, expect, it } from 'vitest';
import { averageRanks, erfc, signedRankTest, twoSidedNormalP } from './wilcoxon';

describe('averageRanks', () => {
  it('gives ties the mean of their positions', () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(averageRanks([0, 0, 0])).toEqual([2, 2, 2]);
    expect(averageRanks([])).toEqual([]);
  });
});

describe('erfc', () => {
  // Reference values of the complementary error function (tables, to 16 digits).
  const known: [number, number][] = [
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
    [10, 2.088487583762545e-45],
  ];
  for (const [x, value] of known) {
    it(`erfc(${x}) to 1e-13 relative`, () => {
      expect(Math.abs(erfc(x) - value) / value).toBeLessThan(1e-13);
    });
  }
  it('is 2 − erfc(−x) for negative x', () => {
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 15);
  });
  it('is continuous where the series hands over to the continued fraction', () => {
    expect(Math.abs(erfc(2 - 1e-12) - erfc(2 + 1e-12)) / erfc(2)).toBeLessThan(1e-10);
  });
});

describe('twoSidedNormalP', () => {
  it('gives 0.05 at the 97.5 % quantile and 1 at zero', () => {
    expect(twoSidedNormalP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalP(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalP(0)).toBe(1);
  });
});

describe('signedRankTest', () => {
  /*
   * Changes 1, −1, 2, 0, 0, 3, worked out by hand.
   * Zeros discarded: |d| = 1, 1, 2, 3 → ranks 1.5, 1.5, 3, 4; T+ = 1.5 + 3 + 4 = 8.5;
   *   mean = 4·5/4 = 5; var = 4·5·9/24 − (2³ − 2)/48 = 7.5 − 0.125 = 7.375.
   * Pratt: |d| = 1, 1, 2, 0, 0, 3 → ranks 3.5, 3.5, 5, 1.5, 1.5, 6; T+ = 3.5 + 5 + 6 = 14.5;
   *   mean = (3.5 + 3.5 + 5 + 6)/2 = 9; var = (12.25 + 12.25 + 25 + 36)/4 = 21.375
   *   (= [6·7·13 − 2·3·5]/24 − (2³ − 2)/48: only the tie group of the ones, not of the zeros).
   */
  const changes = [1, -1, 2, 0, 0, 3];

  it('discards zeros under Wilcoxon', () => {
    const r = signedRankTest(changes, 'wilcoxon');
    expect(r).toMatchObject({ n: 6, zeros: 2, tPlus: 8.5, mean: 5, variance: 7.375 });
    expect(r.z).toBeCloseTo(3.5 / Math.sqrt(7.375), 14);
    expect(r.pValue).toBeCloseTo(twoSidedNormalP(3.5 / Math.sqrt(7.375)), 15);
  });

  it('ranks zeros and drops them under Pratt', () => {
    const r = signedRankTest(changes, 'pratt');
    expect(r).toMatchObject({ n: 6, zeros: 2, tPlus: 14.5, mean: 9, variance: 21.375 });
    expect(r.z).toBeCloseTo(5.5 / Math.sqrt(21.375), 14);
  });

  it('agrees between the conventions without zeros, and with the untied formula without ties', () => {
    const distinct = [1, 2, -3, 4, 5];
    const w = signedRankTest(distinct, 'wilcoxon');
    expect(w).toMatchObject({ tPlus: 12, mean: 7.5, variance: (5 * 6 * 11) / 24 });
    expect(signedRankTest(distinct, 'pratt')).toEqual(w);
  });

  it('equals the textbook mean and variance (Cureton for zeros, tie term of the non-zero groups) on random samples', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let sample = 0; sample < 50; sample++) {
      const d = Array.from({ length: 5 + Math.floor(random() * 80) }, () => Math.floor(random() * 9) - 4);
      const n = d.length;
      const z = d.filter((x) => x === 0).length;
      const groups = new Map<number, number>();
      for (const x of d) if (x !== 0) groups.set(Math.abs(x), (groups.get(Math.abs(x)) ?? 0) + 1);
      const tieTerm = [...groups.values()].reduce((s, t) => s + (t ** 3 - t), 0) / 48;
      const pratt = signedRankTest(d, 'pratt');
      expect(pratt.mean).toBeCloseTo((n * (n + 1) - z * (z + 1)) / 4, 9);
      expect(pratt.variance).toBeCloseTo((n * (n + 1) * (2 * n + 1) - z * (z + 1) * (2 * z + 1)) / 24 - tieTerm, 9);
      const m = n - z;
      const wilcoxon = signedRankTest(d, 'wilcoxon');
      if (m > 0) expect(wilcoxon.variance).toBeCloseTo((m * (m + 1) * (2 * m + 1)) / 24 - tieTerm, 9);
    }
  });

  it('gives p = 1 for changes symmetric about zero and no p-value when nothing changed', () => {
    expect(signedRankTest([1, -1, 2, -2, 0], 'pratt').pValue).toBe(1);
    expect(signedRankTest([1, -1, 2, -2, 0], 'wilcoxon').pValue).toBe(1);
    expect(signedRankTest([0, 0, 0], 'pratt')).toMatchObject({ z: null, pValue: null });
    expect(signedRankTest([], 'wilcoxon')).toMatchObject({ n: 0, pValue: null });
  });

  it('does not depend on the order of the changes', () => {
    expect(signedRankTest([3, 0, -1, 2, 0, 1], 'pratt')).toEqual(signedRankTest(changes, 'pratt'));
  });
});
