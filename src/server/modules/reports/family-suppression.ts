// Suppression over a family of publications at once (docs/small-numbers.md): every report an
// analyst can ask for about one year (or the Cijfers page), with every identity that links their
// cells. Small counts are suppressed, then the group rule (small-numbers.ts) adds cells, then the
// exact attacker (linear-attack.ts) looks for anything that still follows, and each time one does,
// a further cell of what it follows from is suppressed, until nothing protected follows.
// Pure: no I/O. The models of the reports are built in annual-family.ts, report-suppression.ts (ZRM)
// and worklists/figures-suppression.ts.

import { analyse, type Provenance, type SparseRow } from './linear-attack';
import { GroupIndex, isSmallCount, secondarySuppression, suppressCounts, type AdditiveGroup } from './small-numbers';

/** A cell of the family, by what it counts (not by where a report shows it). */
export type FamilyCell =
  /** A count some report publishes: suppressed when small, and a candidate for secondary suppression. */
  | { kind: 'count'; value: number }
  /**
   * A count no report publishes (a stock of open cases, what a later cut-off adds, a total the
   * reader can add up): always unknown to the attacker, and protected when small.
   */
  | { kind: 'virtual'; value: number }
  /**
   * A count shared with other families (the stock of open cases on 1 January, shared by the year
   * before and the year after, and today's, shared with the Cijfers page): its suppression is
   * decided once for all of them (`stockSuppression`) and never changed here.
   */
  | { kind: 'fixed'; value: number; hidden: boolean }
  /**
   * What a published statistic gives away as a count, e.g. the sum of the marks (the mean times the
   * number of responses): known while the statistic (`hidden`: it is not shown) and every count
   * it `dependsOn` are shown. Suppressing it hides the statistic. `protect`: a hidden statistic
   * must not follow either (a ZRM mean over few clients); otherwise it only matters for what it
   * gives away about counts.
   */
  | { kind: 'derived'; value: number; dependsOn: readonly number[]; hidden: boolean; protect: boolean };

/** Σ coefficient · cell = 0, over cell ids. */
export type Equation = readonly (readonly [cell: number, coefficient: number])[];

/**
 * The cells of a family and the identities between them, by cell id. Names (`what|where|period`)
 * are for messages and to break ties the same way every time.
 */
export class FamilyModel {
  readonly names: string[] = [];
  readonly cells: FamilyCell[] = [];
  /** Identities where members add up to a total: used by the group rule and the attacker. */
  readonly groups: AdditiveGroup<number>[] = [];
  /** Other identities (weights, differences): used by the attacker only. */
  readonly equations: Equation[] = [];

  add(name: string, cell: FamilyCell): number {
    this.names.push(name);
    this.cells.push(cell);
    return this.cells.length - 1;
  }

  sum(total: number, members: readonly number[]): void {
    this.groups.push({ members, total });
  }

  equation(terms: Equation): void {
    this.equations.push(terms);
  }
}

export type FamilyMark = 'small' | 'secondary';

export class SuppressionFailed extends Error {}

/**
 * Which counts and derived cells to suppress, by cell id: `count` cells (small, secondary) and
 * `derived` cells chosen for secondary suppression (their statistic is to be hidden).
 */
export function suppressFamily(model: FamilyModel, minCount: number): Map<number, FamilyMark> {
  const family = new CompiledFamily(model);
  const marks = new Map<number, FamilyMark>();
  const hidden = new Set<number>();
  model.cells.forEach((cell, id) => {
    if (cell.kind === 'count' && isSmallCount(cell.value, minCount)) marks.set(id, 'small');
    if (cell.kind === 'virtual' && isSmallCount(cell.value, minCount)) hidden.add(id);
    if (cell.kind === 'fixed' && cell.hidden) hidden.add(id);
  });
  const counts = new Map<number, number>(model.cells.map((cell, id) => [id, cell.value]));
  const eligibleCount = (id: number) => model.cells[id]!.kind === 'count';
  const groupIndex = new GroupIndex(model.groups);
  // Round 0 looks at everything; a later round only at what is connected to the cells it marked
  // (the rest was free of disclosures and has not changed).
  let changed: number[] | null = null;
  for (;;) {
    const before = marks.size;
    secondarySuppression(counts, groupIndex, marks, minCount, { hidden, eligible: eligibleCount, changed: changed ?? undefined });
    if (changed) changed.push(...[...marks.keys()].slice(before));
    const state = family.state(marks, minCount);
    let explained: Disclosure[];
    if (changed === null) {
      const found = family.disclosures(state, null, false);
      explained = found.length > 0 ? family.disclosures(state, found.flatMap((d) => d.cells), true) : [];
    } else explained = family.disclosures(state, family.withDependents(changed), true);
    if (explained.length === 0) return marks;
    changed = [];
    for (const disclosure of explained) {
      const candidate = family.cheapestKnownCell(state, disclosure);
      if (candidate === null) throw new SuppressionFailed(`${model.names[disclosure.cells[0]!]} follows from figures that cannot be suppressed`);
      if (!marks.has(candidate)) {
        marks.set(candidate, 'secondary');
        changed.push(candidate);
      }
    }
    if (changed.length === 0) throw new SuppressionFailed('secondary suppression did not converge');
  }
}

const COUNT = 0;
const VIRTUAL = 1;
const FIXED = 2;
const DERIVED = 3;

/** Who knows what for one set of marks: per cell, 1 where unknown to the attacker, protected, or still eligible. */
interface State {
  unknown: Uint8Array;
  protect: Uint8Array;
  eligible: Uint8Array;
}

/** The model made ready for the attacker, once: every round only changes who knows what. */
class CompiledFamily {
  private readonly cells: readonly FamilyCell[];
  private readonly names: readonly string[];
  private readonly kinds: Uint8Array;
  private readonly values: Float64Array;
  /** Every identity as an equation: the groups (members − total), then the others. */
  private readonly equations: Equation[];
  /** Whether an equation holds only stocks (fixed cells). */
  private readonly stockOnly: boolean[];
  /** Per cell, the equations it is in. */
  private readonly equationsOf: number[][];

  constructor(model: FamilyModel) {
    this.cells = model.cells;
    this.names = model.names;
    const kindCode = { count: COUNT, virtual: VIRTUAL, fixed: FIXED, derived: DERIVED } as const;
    this.kinds = Uint8Array.from(this.cells, (cell) => kindCode[cell.kind]);
    this.values = Float64Array.from(this.cells, (cell) => cell.value);
    this.equations = [...model.groups.map((g): Equation => [...g.members.map((m) => [m, 1] as const), [g.total, -1] as const]), ...model.equations];
    this.stockOnly = this.equations.map((equation) => equation.every(([cell]) => this.kinds[cell] === FIXED));
    this.equationsOf = this.cells.map(() => []);
    this.equations.forEach((equation, e) => {
      for (const [cell] of equation) this.equationsOf[cell]!.push(e);
    });
  }

  state(marks: ReadonlyMap<number, FamilyMark>, minCount: number): State {
    const n = this.cells.length;
    const marked = new Uint8Array(n);
    for (const id of marks.keys()) marked[id] = 1;
    const unknown = new Uint8Array(n);
    const protect = new Uint8Array(n);
    const eligible = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const cell = this.cells[i]!;
      switch (cell.kind) {
        case 'count':
          unknown[i] = marked[i]!;
          protect[i] = marked[i]!;
          eligible[i] = 1 - marked[i]!;
          break;
        case 'virtual':
          unknown[i] = 1;
          protect[i] = isSmallCount(cell.value, minCount) ? 1 : 0;
          break;
        case 'fixed':
          // A hidden stock is checked as a stock: see computeStockDimension.
          unknown[i] = cell.hidden ? 1 : 0;
          break;
        case 'derived': {
          const hidden = cell.hidden || marked[i] === 1 || cell.dependsOn.some((d) => marked[d] === 1);
          unknown[i] = hidden ? 1 : 0;
          protect[i] = cell.protect && (cell.hidden || marked[i] === 1) ? 1 : 0;
          eligible[i] = !hidden && cell.value > 0 ? 1 : 0;
          break;
        }
      }
    }
    return { unknown, protect, eligible };
  }

  /**
   * How many independent combinations of hidden stocks the stock identities among `equations`
   * alone determine (the organisation's stock minus the shown teams' stocks): every family learns
   * these, and no family may determine more, or two families together could (docs/small-numbers.md).
   */
  private stockDimension(equations: readonly number[]): number {
    const rows: SparseRow[] = [];
    for (const e of equations) {
      if (!this.stockOnly[e]) continue;
      const row = this.equations[e]!.filter(([cell]) => (this.cells[cell] as { hidden: boolean }).hidden);
      if (row.length > 0) rows.push(row);
    }
    return analyse({ rows }).rank;
  }

  /**
   * Every disclosure: a protected unknown that follows, or more known about hidden stocks than
   * their own identities tell. `from`: only over the rows connected to these cells (null: all).
   * `explain`: with the equations (and multipliers) each is computed from.
   */
  disclosures(state: State, from: readonly number[] | null, explain: boolean): Disclosure[] {
    const column = new Int32Array(this.cells.length).fill(-1);
    const cellOf: number[] = [];
    const fixedColumns = new Set<number>();
    const rows: SparseRow[] = [];
    const rowEquation: number[] = [];
    const keep = from ? this.connectedRows(state, from) : null;
    this.equations.forEach((equation, e) => {
      if (keep && !keep.has(e)) return;
      const row: [number, number][] = [];
      for (const [cell, coefficient] of equation) {
        if (!state.unknown[cell]) continue;
        if (column[cell] === -1) {
          column[cell] = cellOf.length;
          cellOf.push(cell);
          if (this.kinds[cell] === FIXED) fixedColumns.add(column[cell]!);
        }
        row.push([column[cell]!, coefficient]);
      }
      if (row.length === 0) return;
      rows.push(row);
      rowEquation.push(e);
    });
    const analysis = analyse({ rows, last: fixedColumns, provenance: explain });
    const equationsOf = (provenance: Provenance | null) => (provenance ? new Map([...provenance].map(([row, k]) => [rowEquation[row]!, k])) : null);
    const found: Disclosure[] = [];
    for (const [col, provenance] of analysis.determined) {
      if (state.protect[cellOf[col]!]) found.push({ cells: [cellOf[col]!], equations: equationsOf(provenance) });
    }
    if (analysis.lastOnly.length > this.stockDimension(rowEquation)) {
      // Every row that uses other equations than the stocks' own is suspect.
      for (const row of analysis.lastOnly) {
        const equations = equationsOf(row.provenance);
        if (!equations || [...equations.keys()].some((e) => !this.stockOnly[e])) found.push({ cells: row.columns.map((c) => cellOf[c]!), equations });
      }
      if (found.length === 0) throw new SuppressionFailed('the stocks of open cases follow from their own identities');
    }
    return found;
  }

  /** The cells and the derived cells that depend on them (they turn unknown with them). */
  withDependents(cells: readonly number[]): number[] {
    const changed = new Set(cells);
    this.cells.forEach((cell, id) => {
      if (cell.kind === 'derived' && cell.dependsOn.some((d) => changed.has(d))) changed.add(id);
    });
    return [...changed];
  }

  /** The equations connected (through unknown cells) to these cells. */
  private connectedRows(state: State, from: readonly number[]): Set<number> {
    const seen = new Uint8Array(this.cells.length);
    const kept = new Set<number>();
    const stack = from.filter((cell) => state.unknown[cell]);
    while (stack.length > 0) {
      const cell = stack.pop()!;
      if (seen[cell]) continue;
      seen[cell] = 1;
      for (const e of this.equationsOf[cell]!) {
        if (kept.has(e)) continue;
        kept.add(e);
        for (const [other] of this.equations[e]!) if (state.unknown[other] && !seen[other]) stack.push(other);
      }
    }
    return kept;
  }

  /**
   * Of the known cells a disclosure is computed from, the smallest that may be suppressed; a zero
   * only when nothing else is left (e.g. the cases closed in a year without new cases follow from
   * the stocks at its two ends: then the zero of the cases started is what gives them away).
   */
  cheapestKnownCell(state: State, disclosure: Disclosure): number | null {
    const net = new Map<number, bigint>();
    for (const [e, multiplier] of disclosure.equations ?? []) {
      for (const [cell, coefficient] of this.equations[e]!) {
        if (state.unknown[cell]) continue;
        net.set(cell, (net.get(cell) ?? 0n) + multiplier * BigInt(coefficient));
      }
    }
    let best: number | null = null;
    let bestValue = Infinity;
    for (const [cell, coefficient] of net) {
      if (coefficient === 0n || !state.eligible[cell]) continue;
      const value = this.values[cell] || Number.MAX_SAFE_INTEGER;
      if (best === null || value < bestValue || (value === bestValue && this.names[cell]! < this.names[best]!)) {
        best = cell;
        bestValue = value;
      }
    }
    return best;
  }
}

interface Disclosure {
  /** The protected cell that follows, or the hidden stocks of a combination that follows. */
  cells: number[];
  /** Equation index → multiplier (when explained). */
  equations: ReadonlyMap<number, bigint> | null;
}

/**
 * Which stocks of open cases at one moment (per team, and the organisation as their sum) are
 * hidden: the small ones, and where the organisation's total would give one away a further team.
 * Every family that holds these stocks (the years before and after, the Cijfers page) uses this,
 * so they all hide the same ones.
 */
export function stockSuppression(stocks: ReadonlyMap<string, number>, organisation: string, minCount: number): Set<string> {
  const members = [...stocks.keys()].filter((key) => key !== organisation);
  return new Set(suppressCounts(stocks, [{ members, total: organisation }], minCount).keys());
}
