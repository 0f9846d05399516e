// The Wilcoxon signed-rank test on paired changes (ZRM start → latest), two-sided, normal
// approximation with the exact tie correction and no continuity correction. Pure, no I/O.
//
// Two conventions for changes of zero:
// - 'wilcoxon': zeros are discarded and the remaining changes ranked (Wilcoxon 1945; R's
//   wilcox.test, scipy's zero_method='wilcox').
// - 'pratt': zeros are ranked together with the other changes (they take the smallest ranks) and
//   then left out of the statistic (Pratt 1959), with the mean and variance of the statistic
//   adjusted for that (Cureton 1967).
//
// Both are computed the same way: over the ranks r_i of the non-zero changes (average ranks within
// ties), T+ = Σ r_i over the positive changes has, under H0 (each sign equally likely given the
// ranks), mean Σ r_i / 2 and variance Σ r_i² / 4. That is the exact conditional variance for any
// pattern of ties and zeros. Written out:
//   mean = [n(n+1) − z(z+1)] / 4,
//   var  = [n(n+1)(2n+1) − z(z+1)(2z+1)] / 24 − Σ_{tie groups of non-zero |d|} (t³ − t) / 48
// with n changes of which z are zero (z = 0 after discarding them).
// Note: a formula in circulation for Pratt (also used by the independent computation in
// shared/sample/expected-zrm-2016.json) subtracts the tie term of the group of zeros as well,
// (z³ − z) / 48 more; but Cureton's adjustment already takes the zeros' ranks out, so that
// variance is too small and its p-values too low (in the sample by 10–60 %). This module uses the
// exact variance; tests/reports/zrm-sample.test.ts shows that the file's p_pratt is reproduced
// when that one term is subtracted too.

export type ZeroMethod = 'wilcoxon' | 'pratt';

export interface SignedRankResult {
  /** Number of changes given (zeros included). */
  n: number;
  /** Number of changes of zero. */
  zeros: number;
  /** Sum of the ranks of the positive changes. */
  tPlus: number;
  /** Mean and variance of T+ under H0 (0 when every change is zero). */
  mean: number;
  variance: number;
  /** Standardised statistic (T+ − mean) / sd; null when every change is zero. */
  z: number | null;
  /** Two-sided p-value; null when every change is zero (nothing to test). */
  pValue: number | null;
}

/** Average ranks (1-based) of values, ties sharing the mean of their positions. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j++;
    const rank = (i + 1 + (j + 1)) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]!.index] = rank;
    i = j + 1;
  }
  return ranks;
}

export function signedRankTest(changes: readonly number[], zeroMethod: ZeroMethod): SignedRankResult {
  const zeros = changes.filter((d) => d === 0).length;
  const ranked = zeroMethod === 'pratt' ? changes : changes.filter((d) => d !== 0);
  const ranks = averageRanks(ranked.map(Math.abs));
  let tPlus = 0;
  let rankSum = 0;
  let rankSquares = 0;
  ranked.forEach((d, i) => {
    if (d === 0) return;
    const r = ranks[i]!;
    rankSum += r;
    rankSquares += r * r;
    if (d > 0) tPlus += r;
  });
  const mean = rankSum / 2;
  const variance = rankSquares / 4;
  if (variance === 0) return { n: changes.length, zeros, tPlus: 0, mean, variance, z: null, pValue: null };
  const z = (tPlus - mean) / Math.sqrt(variance);
  return { n: changes.length, zeros, tPlus, mean, variance, z, pValue: twoSidedNormalP(z) };
}

/** P(|Z| ≥ |z|) for a standard normal Z. No continuity correction (none in the report's definition). */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * The complementary error function to near double precision (relative error ~1e-15), also far in
 * the tail where 1 − erf(x) would lose every digit: the series of erf for small x, Lentz's
 * continued fraction for x ≥ 2.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    // erf(x) = 2/√π · e^(−x²) · Σ_{k≥0} 2^k x^(2k+1) / (1·3·…·(2k+1)): positive terms, no cancellation.
    let term = x;
    let sum = x;
    for (let k = 1; k < 200; k++) {
      term *= (2 * x * x) / (2 * k + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - ((2 / SQRT_PI) * Math.exp(-x * x) * sum);
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated by modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}
