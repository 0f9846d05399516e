import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, type SparseRow } from './linear-attack';

/** Dense reduced row echelon form over the rationals (numerator/denominator bigints): the reference. */
function denseDetermined(rows: SparseRow[], columns: number): { determined: number[]; rank: number } {
  type Q = [bigint, bigint];
  const g = (a: bigint, b: bigint): bigint => {
    a = a < 0n ? -a : a;
    b = b < 0n ? -b : b;
    while (b) [a, b] = [b, a % b];
    return a || 1n;
  };
  const q = (n: bigint, d: bigint): Q => {
    if (d < 0n) [n, d] = [-n, -d];
    const k = g(n, d);
    return [n / k, d / k];
  };
  const sub = (x: Q, y: Q): Q => q(x[0] * y[1] - y[0] * x[1], x[1] * y[1]);
  const mul = (x: Q, y: Q): Q => q(x[0] * y[0], x[1] * y[1]);
  const div = (x: Q, y: Q): Q => q(x[0] * y[1], x[1] * y[0]);
  const m: Q[][] = rows.map((row) => {
    const dense: Q[] = Array.from({ length: columns }, () => [0n, 1n] as Q);
    for (const [c, v] of row) dense[c] = q(dense[c]![0] + BigInt(v) * dense[c]![1], dense[c]![1]);
    return dense;
  });
  let r = 0;
  const pivots: number[] = [];
  for (let c = 0; c < columns && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pv = m[r]![c]!;
    m[r] = m[r]!.map((x) => div(x, pv));
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c]![0] === 0n) continue;
      const f = m[i]![c]!;
      m[i] = m[i]!.map((x, j) => sub(x, mul(f, m[r]![j]!)));
    }
    pivots.push(c);
    r++;
  }
  const determined = pivots.filter((c, i) => m[i]!.every((x, j) => j === c || x[0] === 0n));
  return { determined: determined.sort((a, b) => a - b), rank: pivots.length };
}

describe('the exact attacker', () => {
  it('finds a cell given away by a total and the other members', () => {
    // a + b = 10 (known), b known → a determined; c + d = 7 with both unknown: neither.
    const { determined } = analyse({ rows: [[[0, 1]], [[1, 1], [2, 1]]] });
    expect([...determined.keys()]).toEqual([0]);
  });

  it('finds a cell given away only by combining equations', () => {
    // x + y, y + z and x + z known: every one of them follows.
    const { determined } = analyse({ rows: [[[0, 1], [1, 1]], [[1, 1], [2, 1]], [[0, 1], [2, 1]]] });
    expect([...determined.keys()].sort()).toEqual([0, 1, 2]);
  });

  it('uses weighted equations exactly (a sum of marks)', () => {
    // a + b known and 6a + 9b known: both follow; 2a + 2b adds nothing to a + b.
    expect([...analyse({ rows: [[[0, 1], [1, 1]], [[0, 6], [1, 9]]] }).determined.keys()].sort()).toEqual([0, 1]);
    expect(analyse({ rows: [[[0, 1], [1, 1]], [[0, 2], [1, 2]]] }).determined.size).toBe(0);
  });

  it('stays exact where numbers would overflow (it goes on in bigint)', () => {
    const big = 2 ** 40;
    const other = 3 ** 25;
    // Independent rows with huge coefficients: both cells follow; with u − v added, still exact.
    const { determined } = analyse({ rows: [[[0, big], [1, other]], [[0, other], [1, big]], [[2, big], [3, big]]], provenance: true });
    expect([...determined.keys()].sort()).toEqual([0, 1]);
    expect(denseDetermined([[[0, big], [1, other]], [[0, other], [1, big]], [[2, big], [3, big]]], 4).determined).toEqual([0, 1]);
  });

  it('says which input rows determine a cell', () => {
    const rows: SparseRow[] = [[[0, 1], [1, 1]], [[1, 1], [2, 1]], [[0, 1], [2, 1]], [[3, 1], [4, 1]]];
    const { determined } = analyse({ rows, provenance: true });
    for (const [column, provenance] of determined) {
      // Σ multiplier · row is a multiple of the column's unit vector.
      const sum = new Map<number, bigint>();
      for (const [index, k] of provenance!) for (const [c, v] of rows[index]!) sum.set(c, (sum.get(c) ?? 0n) + k * BigInt(v));
      const nonzero = [...sum].filter(([, v]) => v !== 0n);
      expect(nonzero.map(([c]) => c)).toEqual([column]);
      expect(provenance!.has(3)).toBe(false);
    }
  });

  it('keeps `last` columns to the end and reports what is determined about them alone', () => {
    // u + s1 = k, u + s2 = k' → s1 − s2 is determined; s1 + s2 = k'' as well → all follow.
    const twoRows = analyse({ rows: [[[0, 1], [1, 1]], [[0, 1], [2, 1]]], last: new Set([1, 2]) });
    expect(twoRows.determined.size).toBe(0);
    expect(twoRows.lastOnly).toHaveLength(1);
    expect(twoRows.lastOnly[0]!.columns).toEqual([1, 2]);
    const three = analyse({ rows: [[[0, 1], [1, 1]], [[0, 1], [2, 1]], [[1, 1], [2, 1]]], last: new Set([1, 2]) });
    expect([...three.determined.keys()].sort()).toEqual([0, 1, 2]);
  });

  it('agrees with dense rational elimination on random systems', () => {
    const system = fc.integer({ min: 1, max: 7 }).chain((columns) =>
      fc.record({
        columns: fc.constant(columns),
        rows: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: columns - 1 }), fc.integer({ min: -3, max: 10 })), { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        last: fc.subarray(Array.from({ length: columns }, (_, i) => i)),
      }),
    );
    fc.assert(
      fc.property(system, ({ columns, rows, last }) => {
        const expected = denseDetermined(rows, columns);
        const actual = analyse({ rows, last: new Set(last), provenance: true });
        // Each result is the combination of input rows it says it is.
        const combined = (provenance: ReadonlyMap<number, bigint>) => {
          const sum = new Map<number, bigint>();
          for (const [index, k] of provenance) for (const [c, v] of rows[index]!) sum.set(c, (sum.get(c) ?? 0n) + k * BigInt(v));
          return [...sum].filter(([, v]) => v !== 0n).map(([c]) => c).sort((a, b) => a - b);
        };
        for (const [column, provenance] of actual.determined) expect(combined(provenance!)).toEqual([column]);
        for (const row of actual.lastOnly) expect(combined(row.provenance!)).toEqual(row.columns);
        expect([...actual.determined.keys()].sort((a, b) => a - b)).toEqual(expected.determined);
        expect(actual.rank).toBe(expected.rank);
        // What is determined about the `last` columns alone: compare with elimination of the others first.
        const others = Array.from({ length: columns }, (_, i) => i).filter((c) => !last.includes(c));
        const order = [...others, ...last];
        const permuted = rows.map((row) => row.map(([c, v]) => [order.indexOf(c), v] as const));
        const reference = denseDetermined(permuted, columns);
        const rankOthers = denseDetermined(
          permuted.map((row) => row.filter(([c]) => c < others.length)),
          columns,
        ).rank;
        expect(actual.lastOnly.length).toBe(reference.rank - rankOthers);
      }),
      { numRuns: 400 },
    );
  });
});
