import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FamilyModel, stockSuppression, SuppressionFailed, suppressFamily, type FamilyCell } from './family-suppression';
import { analyse, type SparseRow } from './linear-attack';

/** What an attacker determines from a model and its marks, by cell name (an independent check of the engine). */
function attack(model: FamilyModel, marks: ReadonlyMap<number, string>, minCount = 5): string[] {
  const unknown = (id: number) => {
    const cell = model.cells[id]!;
    if (cell.kind === 'count') return marks.has(id);
    if (cell.kind === 'virtual') return true;
    if (cell.kind === 'fixed') return cell.hidden;
    return cell.hidden || marks.has(id) || cell.dependsOn.some((d) => marks.has(d));
  };
  const protectedCell = (id: number) => {
    const cell = model.cells[id]!;
    if (cell.kind === 'count') return marks.has(id);
    if (cell.kind === 'virtual') return cell.value > 0 && cell.value < minCount;
    if (cell.kind === 'fixed') return cell.hidden;
    return cell.protect && (cell.hidden || marks.has(id));
  };
  const columns = new Map<number, number>();
  const rows: SparseRow[] = [];
  const equations = [...model.groups.map((g) => [...g.members.map((m) => [m, 1] as const), [g.total, -1] as const]), ...model.equations];
  for (const equation of equations) {
    const row = equation.filter(([id]) => unknown(id)).map(([id, c]) => {
      if (!columns.has(id)) columns.set(id, columns.size);
      return [columns.get(id)!, c] as const;
    });
    if (row.length) rows.push(row);
  }
  const ids = [...columns.keys()];
  return [...analyse({ rows }).determined.keys()].map((c) => ids[c]!).filter(protectedCell).map((id) => model.names[id]!);
}

function family(cells: Record<string, FamilyCell>, groups: [string, string[]][], equations: [string, number][][] = []): { model: FamilyModel; id: (name: string) => number } {
  const model = new FamilyModel();
  for (const [name, cell] of Object.entries(cells)) model.add(name, cell);
  const id = (name: string) => model.names.indexOf(name);
  for (const [total, members] of groups) model.sum(id(total), members.map(id));
  for (const terms of equations) model.equation(terms.map(([name, c]) => [id(name), c] as const));
  return { model, id };
}

const count = (value: number): FamilyCell => ({ kind: 'count', value });
const named = (model: FamilyModel, marks: Map<number, string>) => Object.fromEntries([...marks].map(([id, mark]) => [model.names[id]!, mark]));

describe('suppression over a family', () => {
  it('suppresses small counts and, by the group rule, a partner', () => {
    const { model } = family({ a: count(3), b: count(20), total: count(23) }, [['total', ['a', 'b']]]);
    expect(named(model, suppressFamily(model, 5))).toEqual({ a: 'small', b: 'secondary' });
  });

  it('finds what the group rule misses: two small marks given away by the mean', () => {
    // Marks 6 (3×) and 9 (2×) are small; together 5, so the group rule is content. But the mean of
    // 25 responses is shown, so 6·a + 9·b is known as well: both follow.
    const cells = { m6: count(3), m7: count(20), m9: count(2), responses: count(25), sum: { kind: 'derived', value: 6 * 3 + 7 * 20 + 9 * 2, dependsOn: [3], hidden: false, protect: false } as FamilyCell };
    const { model } = family(cells, [['responses', ['m6', 'm7', 'm9']]], [[['sum', -1], ['m6', 6], ['m7', 7], ['m9', 9]]]);
    const marks = suppressFamily(model, 5);
    expect(named(model, marks)).toMatchObject({ m6: 'small', m9: 'small' });
    expect(marks.size).toBeGreaterThan(2);
    expect(attack(model, marks)).toEqual([]);
  });

  it('protects a small population nobody publishes (what a later cut-off adds)', () => {
    // 40 clients up to quarter 1, 42 up to quarter 2: the 2 added in quarter 2 must not follow.
    const { model } = family({ c1: count(40), c2: count(42), added: { kind: 'virtual', value: 2 }, other1: count(30), other2: count(38), org1: count(70), org2: count(80) }, [
      ['c2', ['c1', 'added']],
      ['org1', ['c1', 'other1']],
      ['org2', ['c2', 'other2']],
    ]);
    const marks = suppressFamily(model, 5);
    expect(marks.size).toBeGreaterThan(0);
    expect(attack(model, marks)).toEqual([]);
  });

  it('never lets more follow about hidden stocks than their own identity tells', () => {
    // Two hidden stocks s1 + s2 = 10 (known from the organisation's). This family also shows
    // r1 = s1 + x and x: s1 would follow; x must go (it is the smallest shown count used).
    const cells: Record<string, FamilyCell> = {
      s1: { kind: 'fixed', value: 3, hidden: true },
      s2: { kind: 'fixed', value: 7, hidden: true },
      org: { kind: 'fixed', value: 10, hidden: false },
      x: count(6),
      r1: count(9),
      y: count(8),
      r2: count(15),
    };
    const { model } = family(cells, [['org', ['s1', 's2']], ['r1', ['s1', 'x']], ['r2', ['s2', 'y']]]);
    const marks = suppressFamily(model, 5);
    expect(attack(model, marks)).toEqual([]);
    // Nothing beyond s1 + s2 may follow: each of r1/x and r2/y loses a cell.
    expect(marks.size).toBeGreaterThanOrEqual(2);
  });

  it('refuses to answer when a small count follows from cells it may not suppress', () => {
    const { model } = family({ s0: { kind: 'fixed', value: 12, hidden: false }, s1: { kind: 'fixed', value: 9, hidden: false }, closed: count(3) }, [['s0', ['s1', 'closed']]]);
    expect(() => suppressFamily(model, 5)).toThrow(SuppressionFailed);
  });

  it('suppresses a zero only as the last resort', () => {
    // closed = s0 + started − s1 with both stocks shown: the zero of `started` is what gives 3 away.
    const { model } = family({ s0: { kind: 'fixed', value: 12, hidden: false }, s1: { kind: 'fixed', value: 9, hidden: false }, started: count(0), closed: count(3), running: count(12) }, [
      ['running', ['s0', 'started']],
      ['running', ['s1', 'closed']],
    ]);
    const marks = suppressFamily(model, 5);
    expect(attack(model, marks)).toEqual([]);
    expect(named(model, marks)).toMatchObject({ closed: 'small', running: 'secondary' });
  });

  it('leaves nothing to find on random families', () => {
    const arbitrary = fc.record({
      values: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3, maxLength: 14 }),
      virtual: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
      groups: fc.array(fc.record({ total: fc.nat(), members: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ values, virtual, groups }) => {
        // Totals computed from their members, so the identities hold (the first group of a cell wins).
        const n = values.length;
        const v = [...values];
        const usable = groups.map((g) => ({ total: g.total % n, members: [...new Set(g.members.map((m) => m % n))].filter((m) => m !== g.total % n) })).filter((g) => g.members.length > 0);
        const totals = new Set<number>();
        const consistent = usable.filter((g) => {
          if (totals.has(g.total) || g.members.some((m) => totals.has(m))) return false;
          totals.add(g.total);
          v[g.total] = g.members.reduce((sum, m) => sum + v[m]!, 0);
          return true;
        });
        const model = new FamilyModel();
        v.forEach((value, i) => model.add(`c${i}`, virtual[i] ? { kind: 'virtual', value } : { kind: 'count', value }));
        for (const g of consistent) model.sum(g.total, g.members);
        const marks = suppressFamily(model, 5);
        expect(attack(model, marks)).toEqual([]);
        model.cells.forEach((cell, id) => {
          if (cell.kind === 'count' && cell.value > 0 && cell.value < 5) expect(marks.get(id)).toBe('small');
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('stocks shared between families', () => {
  it('hides a small team stock and one more, so the organisation’s stock gives neither away', () => {
    const hidden = stockSuppression(new Map([['org', 40], ['a', 3], ['b', 12], ['c', 25]]), 'org', 5);
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('hides nothing when no stock is small', () => {
    expect(stockSuppression(new Map([['org', 40], ['a', 0], ['b', 15], ['c', 25]]), 'org', 5).size).toBe(0);
  });
});
