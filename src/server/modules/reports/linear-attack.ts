// The exact "attacker" of small-number suppression: what can someone work out from published
// figures and the identities between them? Every identity is a linear equation over the cells;
// published cells are known, suppressed and unpublished ones unknown. An unknown is determined
// when its unit vector lies in the row space of the equations restricted to the unknowns; we find
// out by Gauss–Jordan elimination in exact integer arithmetic (bigint, fraction-free, each row
// divided by the gcd of its entries), so no rounding can hide or invent a disclosure.
// Pure: no I/O. Used by family-suppression.ts and by the tests that attack published reports.

/** One equation: Σ coefficient · cell = constant; only its unknown cells matter for what is determined. */
export type SparseRow = ReadonlyArray<readonly [column: number, coefficient: number]>;

export interface LinearSystem {
  /** The equations restricted to the unknowns (columns 0..n−1). */
  rows: readonly SparseRow[];
  /**
   * Columns eliminated after all others (unknowns shared with other families, e.g. stocks at 1
   * January). The rows whose pivot is one of them then hold exactly what the equations determine
   * about these columns alone (see `lastOnly`).
   */
  last?: ReadonlySet<number>;
  /** Also return, for each result, which input rows combine into it (to choose what to suppress). */
  provenance?: boolean;
}

/** A combination of input rows: row index → multiplier. */
export type Provenance = ReadonlyMap<number, bigint>;

export interface Analysis {
  /** Every determined column, with the rows that determine it (when asked for). */
  determined: Map<number, Provenance | null>;
  /** A basis of the combinations of `last` columns alone that the equations determine. */
  lastOnly: { columns: number[]; provenance: Provenance | null }[];
  rank: number;
}

/**
 * Exact integer arithmetic: JavaScript numbers while every value stays a safe integer (fast), and
 * bigint when one would not (then the elimination starts again in bigint).
 */
interface Ring<T> {
  from(n: number): T;
  isZero(a: T): boolean;
  mul(a: T, b: T): T;
  /** a − b·c */
  subMul(a: T, b: T, c: T): T;
  div(a: T, b: T): T;
  /** The greatest common divisor, not negative. */
  gcd(a: T, b: T): T;
  /** a = 1 */
  isOne(a: T): boolean;
  negative(a: T): boolean;
  /** g > 1 */
  greaterThanOne(g: T): boolean;
  toBigInt(a: T): bigint;
}

class Overflow extends Error {}

function checked(n: number): number {
  if (!Number.isSafeInteger(n)) throw new Overflow();
  return n;
}

const NUMBERS: Ring<number> = {
  from: (n) => n,
  isZero: (a) => a === 0,
  mul: (a, b) => checked(a * b),
  subMul: (a, b, c) => checked(a - checked(b * c)),
  div: (a, b) => a / b,
  gcd: (a, b) => {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b !== 0) [a, b] = [b, a % b];
    return a;
  },
  greaterThanOne: (g) => g > 1,
  isOne: (a) => a === 1,
  negative: (a) => a < 0,
  toBigInt: (a) => BigInt(a),
};

const BIGINTS: Ring<bigint> = {
  from: (n) => BigInt(n),
  isZero: (a) => a === 0n,
  mul: (a, b) => a * b,
  subMul: (a, b, c) => a - b * c,
  div: (a, b) => a / b,
  gcd: (a, b) => {
    if (a < 0n) a = -a;
    if (b < 0n) b = -b;
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  },
  greaterThanOne: (g) => g > 1n,
  isOne: (a) => a === 1n,
  negative: (a) => a < 0n,
  toBigInt: (a) => a,
};

interface WorkRow<T> {
  entries: Map<number, T>;
  provenance: Map<number, T> | null;
}

/** Gauss–Jordan elimination of the system; see `Analysis`. */
export function analyse(system: LinearSystem): Analysis {
  try {
    return eliminate(system, NUMBERS);
  } catch (error) {
    if (!(error instanceof Overflow)) throw error;
    return eliminate(system, BIGINTS);
  }
}

function eliminate<T>(system: LinearSystem, ring: Ring<T>): Analysis {
  const last = system.last ?? new Set<number>();
  const rows: WorkRow<T>[] = [];
  const rowsOfColumn = new Map<number, Set<number>>();
  const one = ring.from(1);

  /**
   * target := p·target − a·pivot, then divided by the gcd of all its entries (and its provenance).
   * (p is positive: the pivot's sign is moved into a.) With p = 1, as nearly always, the row keeps
   * its scale and is not divided: the entries only add up.
   */
  const combine = (r: number, target: WorkRow<T>, pivot: WorkRow<T>, p: T, a: T) => {
    const { entries } = target;
    const scaled = !ring.isOne(p);
    if (scaled) for (const [column, value] of entries) entries.set(column, ring.mul(value, p));
    for (const [column, value] of pivot.entries) {
      const had = entries.get(column);
      const next = ring.subMul(had ?? ring.from(0), a, value);
      if (ring.isZero(next)) {
        if (had !== undefined) {
          entries.delete(column);
          rowsOfColumn.get(column)!.delete(r);
        }
      } else {
        entries.set(column, next);
        if (had === undefined) {
          let set = rowsOfColumn.get(column);
          if (!set) rowsOfColumn.set(column, (set = new Set()));
          set.add(r);
        }
      }
    }
    const provenance = target.provenance;
    if (provenance && pivot.provenance) {
      if (scaled) for (const [row, value] of provenance) provenance.set(row, ring.mul(value, p));
      for (const [row, value] of pivot.provenance) {
        const next = ring.subMul(provenance.get(row) ?? ring.from(0), a, value);
        if (ring.isZero(next)) provenance.delete(row);
        else provenance.set(row, next);
      }
    }
    if (!scaled) return;
    let g = ring.from(0);
    for (const value of entries.values()) g = ring.gcd(g, value);
    if (provenance) for (const value of provenance.values()) g = ring.gcd(g, value);
    if (!ring.greaterThanOne(g)) return;
    for (const [column, value] of entries) entries.set(column, ring.div(value, g));
    if (provenance) for (const [index, value] of provenance) provenance.set(index, ring.div(value, g));
  };

  system.rows.forEach((input, index) => {
    const entries = new Map<number, T>();
    for (const [column, coefficient] of input) {
      if (!Number.isInteger(coefficient)) throw new RangeError(`coefficient ${coefficient} is not an integer`);
      const next = ring.subMul(entries.get(column) ?? ring.from(0), ring.from(-1), ring.from(coefficient));
      if (ring.isZero(next)) entries.delete(column);
      else entries.set(column, next);
    }
    if (entries.size === 0) return;
    const at = rows.length;
    rows.push({ entries, provenance: system.provenance ? new Map([[index, one]]) : null });
    for (const column of entries.keys()) {
      let set = rowsOfColumn.get(column);
      if (!set) rowsOfColumn.set(column, (set = new Set()));
      set.add(at);
    }
  });

  // Columns held by few rows first (less fill-in), every `last` column after all others (see
  // LinearSystem.last).
  const columns = [...rowsOfColumn.keys()].sort((a, b) => Number(last.has(a)) - Number(last.has(b)) || rowsOfColumn.get(a)!.size - rowsOfColumn.get(b)!.size || a - b);
  const pivotRows = new Set<number>();
  const pivotOf = new Map<number, number>();
  for (const column of columns) {
    const holders = rowsOfColumn.get(column)!;
    let pivot = -1;
    for (const r of holders) {
      if (pivotRows.has(r)) continue;
      if (pivot < 0 || rows[r]!.entries.size < rows[pivot]!.entries.size || (rows[r]!.entries.size === rows[pivot]!.entries.size && r < pivot)) pivot = r;
    }
    if (pivot < 0) continue; // a free column
    pivotRows.add(pivot);
    pivotOf.set(column, pivot);
    const pivotRow = rows[pivot]!;
    const p = pivotRow.entries.get(column)!;
    for (const r of [...holders]) {
      if (r === pivot) continue;
      const target = rows[r]!;
      const a = target.entries.get(column)!;
      const g = ring.gcd(p, a);
      // p·target − a·pivot, both divided by their gcd and by the sign of p.
      const sign = ring.from(ring.negative(p) ? -1 : 1);
      combine(r, target, pivotRow, ring.mul(sign, ring.div(p, g)), ring.mul(sign, ring.div(a, g)));
    }
  }

  const provenanceOf = (row: WorkRow<T>): Provenance | null => (row.provenance ? new Map([...row.provenance].map(([index, k]) => [index, ring.toBigInt(k)])) : null);
  const determined = new Map<number, Provenance | null>();
  const lastOnly: Analysis['lastOnly'] = [];
  for (const [column, r] of pivotOf) {
    const row = rows[r]!;
    if (row.entries.size === 1) determined.set(column, provenanceOf(row));
    if (last.has(column)) lastOnly.push({ columns: [...row.entries.keys()].sort((a, b) => a - b), provenance: provenanceOf(row) });
  }
  return { determined, lastOnly, rank: pivotOf.size };
}
