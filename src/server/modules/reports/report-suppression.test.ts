import { describe, expect, it } from 'vitest';
import type { ZrmDomainSummary } from '../zrm/zrm-rules';
import type { ZrmReport } from '../zrm/zrm.schemas';
import { publishWithMarks, suppressZrmFamily } from './report-suppression';
import { DEFAULT_SMALL_NUMBERS } from './small-numbers';

function domain(n: number, meanStart: number, meanLatest: number): ZrmDomainSummary {
  return { n, mean_start: n ? meanStart : null, mean_latest: n ? meanLatest : null, mean_change: n ? meanLatest - meanStart : null, p_value: n ? 0.01 : null, p_value_method: 'wilcoxon', p_wilcoxon: n ? 0.01 : null, p_pratt: n ? 0.02 : null };
}
const zrm = (domains: Record<string, ZrmDomainSummary>): ZrmReport => ({ year: 2016, domains });

describe('publishing with marks', () => {
  it('nulls every marked cell and names it with its reason, sorted', () => {
    const published = publishWithMarks<{ a: number; b: { c: number } }, { a: number | null; b: { c: number | null }; suppression: unknown }>({ a: 3, b: { c: 40 } }, new Map([['/b/c', 'secondary'], ['/a', 'small']]), DEFAULT_SMALL_NUMBERS);
    expect(published).toEqual({ a: null, b: { c: null }, suppression: { min_count: 5, min_observations: 10, cells: { '/a': 'small', '/b/c': 'secondary' } } });
  });
});

describe('the ZRM report family (the organisation and every team)', () => {
  it('hides a team’s small number of clients, and another team’s, so the organisation’s does not give it away', () => {
    const reports = new Map<string | null, ZrmReport>([
      [null, zrm({ financien: domain(63, 2.1, 3.0) })],
      ['a', zrm({ financien: domain(3, 2, 3) })],
      ['b', zrm({ financien: domain(20, 2.2, 3.1) })],
      ['c', zrm({ financien: domain(40, 2.05, 2.95) })],
    ]);
    const family = suppressZrmFamily(reports, DEFAULT_SMALL_NUMBERS);
    const a = family.publish('a');
    expect(a.domains.financien!.n).toBeNull();
    expect(a.suppression!.cells['/domains/financien/n']).toBe('small');
    expect(a.domains.financien!.mean_start).toBeNull();
    expect(a.suppression!.cells['/domains/financien/mean_start']).toBe('few_observations');
    // Team b's 20 is the partner: with the organisation's 63 and c's 40 it would give a's 3 away.
    const b = family.publish('b');
    expect(b.suppression!.cells['/domains/financien/n']).toBe('secondary');
    expect(family.publish(null).domains.financien!.n).toBe(63);
    expect(family.publish('c').domains.financien!.n).toBe(40);
  });

  it('hides the means of a further team where the organisation’s means would give a hidden mean away', () => {
    // Team a has 7 clients: its n is shown, its means not (fewer than 10). The organisation's sum of
    // scores minus b's and c's would give a's mean back: b's (smaller) means go too.
    const reports = new Map<string | null, ZrmReport>([
      [null, zrm({ financien: domain(67, 2.1, 3.0) })],
      ['a', zrm({ financien: domain(7, 1.57, 2.86) })],
      ['b', zrm({ financien: domain(20, 2.2, 3.1) })],
      ['c', zrm({ financien: domain(40, 2.1, 3.0) })],
    ]);
    const family = suppressZrmFamily(reports, DEFAULT_SMALL_NUMBERS);
    const a = family.publish('a');
    expect(a.domains.financien!.n).toBe(7);
    expect(a.suppression!.cells['/domains/financien/mean_change']).toBe('few_observations');
    const hiddenElsewhere = ['b', 'c', null].filter((team) => family.publish(team).suppression!.cells['/domains/financien/mean_start'] === 'secondary');
    expect(hiddenElsewhere).toEqual(['b']);
    expect(family.publish('b').domains.financien!.p_value).toBeNull();
  });

  it('changes nothing when no number is small and every mean is over enough clients', () => {
    const reports = new Map<string | null, ZrmReport>([
      [null, zrm({ financien: domain(60, 2.1, 3.0) })],
      ['a', zrm({ financien: domain(20, 2, 3) })],
      ['b', zrm({ financien: domain(40, 2.15, 3.0) })],
    ]);
    const family = suppressZrmFamily(reports, DEFAULT_SMALL_NUMBERS);
    for (const team of [null, 'a', 'b']) expect(family.publish(team).suppression!.cells).toEqual({});
  });
});
