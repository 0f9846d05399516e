import { describe, expect, it } from 'vitest';
import type { ZrmReport } from '../zrm/zrm.schemas';
import { addToMonth, addToQuarter, emptyPeriodCounts, emptyQuarterCounts } from './report-rules';
import { suppressAnnualReport, suppressZrmReport } from './report-suppression';
import type { AnnualReport } from './reports.schemas';
import { DEFAULT_SMALL_NUMBERS } from './small-numbers';

/** Team a started 3 cases in January, team b 20; all 23 came from the GP (huisarts). */
function report(options: { responses?: number } = {}): AnnualReport {
  const teamA = { started: emptyPeriodCounts(), running: emptyPeriodCounts(), closed: emptyPeriodCounts(), unique_clients: emptyQuarterCounts() };
  const teamB = structuredClone(teamA);
  addToMonth(teamA.started, 1, 3);
  addToMonth(teamB.started, 1, 20);
  const started = emptyPeriodCounts();
  addToMonth(started, 1, 23);
  const huisarts = emptyQuarterCounts();
  addToQuarter(huisarts, 1, 23);
  const responses = options.responses ?? 0;
  return {
    year: 2016,
    cases: { started, running: structuredClone(started), closed: emptyPeriodCounts() },
    teams: { a: teamA, b: teamB },
    unique_clients: emptyQuarterCounts(),
    days_to_first_meeting: { by_location: { thuis: { months: [4.5, ...Array(11).fill(null)] } }, quarters: [4.5, null, null, null], year: 4.5 },
    started_by_referrer: { huisarts, zelfmelder: emptyQuarterCounts() },
    closed_by_reason: {},
    clients_by_outcome: {},
    provisions: { new_by_provider: {}, new_by_product: {}, extensions: emptyQuarterCounts(), clients_with_new_provision: { year: 0 } },
    satisfaction: { distribution: { '7': responses, '8': 0 }, responses, mean: responses ? 7 : null, can_continue_alone_pct: responses ? 50 : null },
    zrm: {},
  };
}

describe('the annual report for outside the organisation', () => {
  it('suppresses a team’s small counts and the cell they could be recalculated from', () => {
    const published = suppressAnnualReport(report(), { firstMeetings: [{ month: 1, location: 'thuis', cases: 23 }], canContinueAnswered: 0 }, DEFAULT_SMALL_NUMBERS);
    expect(published.teams.a!.started.months[0]).toBeNull();
    expect(published.teams.a!.started.year).toBeNull();
    // Team b's 20 plus the organisation's 23 would give team a's 3 away.
    expect(published.teams.b!.started.months[0]).toBeNull();
    expect(published.suppression!.cells).toMatchObject({
      '/teams/a/started/months/0': 'small',
      '/teams/a/started/quarters/0': 'small',
      '/teams/a/started/year': 'small',
      '/teams/b/started/months/0': 'secondary',
      '/teams/b/started/year': 'secondary',
    });
    // The organisation's figures and the referrer table have no small counts.
    expect(published.cases.started.months[0]).toBe(23);
    expect(published.started_by_referrer.huisarts!.year).toBe(23);
    expect(published.days_to_first_meeting.year).toBe(4.5);
    expect(published.suppression).toMatchObject({ min_count: 5, min_observations: 10 });
    // Every suppressed cell is null in the answer, and no other is.
    for (const at of Object.keys(published.suppression!.cells)) expect(at.startsWith('/')).toBe(true);
  });

  it('hides means over fewer than 10 cases and small mark counts with the total they add up to', () => {
    const published = suppressAnnualReport(report({ responses: 4 }), { firstMeetings: [{ month: 1, location: 'thuis', cases: 9 }], canContinueAnswered: 4 }, DEFAULT_SMALL_NUMBERS);
    expect(published.satisfaction).toEqual({ distribution: { '7': null, '8': 0 }, responses: null, mean: null, can_continue_alone_pct: null });
    expect(published.days_to_first_meeting).toEqual({ by_location: { thuis: { months: Array(12).fill(null) } }, quarters: [null, null, null, null], year: null });
    expect(published.suppression!.cells).toMatchObject({
      '/satisfaction/distribution/7': 'small',
      '/satisfaction/responses': 'small',
      '/satisfaction/mean': 'few_observations',
      '/satisfaction/can_continue_alone_pct': 'few_observations',
      '/days_to_first_meeting/by_location/thuis/months/0': 'few_observations',
      '/days_to_first_meeting/year': 'few_observations',
    });
  });

  it('changes nothing but the marker object where there are no small numbers', () => {
    const exact = report({ responses: 12 });
    exact.teams.a!.started = structuredClone(exact.teams.b!.started);
    exact.cases.started = emptyPeriodCounts();
    addToMonth(exact.cases.started, 1, 40);
    const published = suppressAnnualReport(exact, { firstMeetings: [{ month: 1, location: 'thuis', cases: 40 }], canContinueAnswered: 12 }, DEFAULT_SMALL_NUMBERS);
    const { suppression, ...rest } = published;
    expect(suppression!.cells).toEqual({});
    expect(rest).toEqual(exact);
  });
});

describe('the ZRM report for outside the organisation', () => {
  const domain = (n: number) => ({ n, mean_start: n ? 2 : null, mean_latest: n ? 3 : null, mean_change: n ? 1 : null, p_value: n ? 0.04 : null, p_value_method: 'wilcoxon' as const, p_wilcoxon: n ? 0.04 : null, p_pratt: null });
  it('suppresses small numbers of clients and the statistics over fewer than 10', () => {
    const zrm: ZrmReport = { year: 2016, domains: { financien: domain(3), huisvesting: domain(7), adl: domain(12), justitie: domain(0) } };
    const published = suppressZrmReport(zrm, DEFAULT_SMALL_NUMBERS);
    expect(published.domains.financien).toMatchObject({ n: null, mean_start: null, mean_change: null, p_value: null, p_value_method: 'wilcoxon' });
    expect(published.domains.huisvesting).toMatchObject({ n: 7, mean_start: null, p_wilcoxon: null });
    expect(published.domains.adl).toEqual(domain(12));
    expect(published.domains.justitie).toEqual(domain(0));
    expect(published.suppression!.cells).toEqual({
      '/domains/financien/n': 'small',
      '/domains/financien/mean_start': 'few_observations',
      '/domains/financien/mean_latest': 'few_observations',
      '/domains/financien/mean_change': 'few_observations',
      '/domains/financien/p_value': 'few_observations',
      '/domains/financien/p_wilcoxon': 'few_observations',
      '/domains/huisvesting/mean_start': 'few_observations',
      '/domains/huisvesting/mean_latest': 'few_observations',
      '/domains/huisvesting/mean_change': 'few_observations',
      '/domains/huisvesting/p_value': 'few_observations',
      '/domains/huisvesting/p_wilcoxon': 'few_observations',
    });
  });
});
