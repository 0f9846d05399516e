import { describe, expect, it } from 'vitest';
import { P_VALUE_METHOD, summariseDomain, zrmDue } from './zrm-rules';
import { signedRankTest } from './wilcoxon';

describe('zrmDue', () => {
  const open = { firstMeetingOn: '2016-03-01', closedOn: null };

  it('asks for a nulmeting 14 days after the first meeting while there is none', () => {
    expect(zrmDue(open, [], '2016-03-10')).toEqual([{ kind: 'nul', dueOn: '2016-03-15', overdue: false }]);
    expect(zrmDue(open, [], '2016-03-15')).toEqual([{ kind: 'nul', dueOn: '2016-03-15', overdue: false }]);
    expect(zrmDue(open, [], '2016-03-16')).toEqual([{ kind: 'nul', dueOn: '2016-03-15', overdue: true }]);
    // A doel alone is not a nulmeting.
    expect(zrmDue(open, [{ type: 'doel', assessedOn: '2016-03-05' }], '2016-03-10').map((d) => d.kind)).toEqual(['nul']);
  });

  it('asks nothing before the first meeting', () => {
    expect(zrmDue({ firstMeetingOn: null, closedOn: null }, [], '2016-05-01')).toEqual([]);
  });

  it('asks for a periodic assessment 91 days after the latest nul or periodic one while open', () => {
    const assessments = [
      { type: 'nul', assessedOn: '2016-03-10' },
      { type: 'doel', assessedOn: '2016-03-10' },
      { type: 'periodiek', assessedOn: '2016-06-01' },
      { type: 'eind', assessedOn: '2016-07-01' },
    ];
    // 2016-06-01 + 91 days = 2016-08-31.
    expect(zrmDue(open, assessments, '2016-08-31')).toEqual([{ kind: 'periodiek', dueOn: '2016-08-31', overdue: false }]);
    expect(zrmDue(open, assessments.slice(0, 2), '2016-07-01')).toEqual([{ kind: 'periodiek', dueOn: '2016-06-09', overdue: true }]);
  });

  it('asks for an eindmeting on the closing date when a closed case has none, and nothing else', () => {
    const closed = { firstMeetingOn: '2016-03-01', closedOn: '2016-09-30' };
    const nul = { type: 'nul', assessedOn: '2016-03-10' };
    expect(zrmDue(closed, [nul], '2016-09-30')).toEqual([{ kind: 'eind', dueOn: '2016-09-30', overdue: false }]);
    expect(zrmDue(closed, [], '2016-10-01')).toEqual([{ kind: 'eind', dueOn: '2016-09-30', overdue: true }]);
    expect(zrmDue(closed, [nul, { type: 'eind', assessedOn: '2016-09-30' }], '2016-10-01')).toEqual([]);
  });
});

describe('summariseDomain', () => {
  /*
   * Five clients: 2→3, 2→3, 3→3, 4→2, 1→4. Means: start 12/5 = 2.4, latest 15/5 = 3.0,
   * change 3/5 = 0.6. Changes 1, 1, 0, −2, 3.
   */
  const pairs = [
    { start: 2, latest: 3, clients: 2 },
    { start: 3, latest: 3, clients: 1 },
    { start: 4, latest: 2, clients: 1 },
    { start: 1, latest: 4, clients: 1 },
  ];

  it('gives n, the means to 2 decimals and both p-values', () => {
    const summary = summariseDomain(pairs);
    expect(summary).toMatchObject({ n: 5, mean_start: 2.4, mean_latest: 3, mean_change: 0.6, p_value_method: P_VALUE_METHOD });
    expect(summary.p_wilcoxon).toBe(signedRankTest([1, 1, 0, -2, 3], 'wilcoxon').pValue);
    expect(summary.p_pratt).toBe(signedRankTest([1, 1, 0, -2, 3], 'pratt').pValue);
    expect(summary.p_value).toBe(P_VALUE_METHOD === 'pratt' ? summary.p_pratt : summary.p_wilcoxon);
  });

  it('rounds the mean change itself, not the difference of the rounded means', () => {
    // start 1, 2, 2, 2, 2, 2 (mean 1.8333 → 1.83), latest 2, 2, 2, 2, 2, 3 (2.1667 → 2.17):
    // change 2/6 = 0.33, not 2.17 − 1.83 = 0.34.
    const summary = summariseDomain([
      { start: 1, latest: 2, clients: 1 },
      { start: 2, latest: 2, clients: 4 },
      { start: 2, latest: 3, clients: 1 },
    ]);
    expect(summary).toMatchObject({ mean_start: 1.83, mean_latest: 2.17, mean_change: 0.33 });
  });

  it('gives nulls for a domain without clients, and no p-value when nobody changed', () => {
    expect(summariseDomain([])).toMatchObject({ n: 0, mean_start: null, mean_latest: null, mean_change: null, p_value: null });
    expect(summariseDomain([{ start: 3, latest: 3, clients: 4 }])).toMatchObject({ n: 4, mean_change: 0, p_value: null, p_pratt: null, p_wilcoxon: null });
  });
});
