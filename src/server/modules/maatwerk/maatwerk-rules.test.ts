import { describe, expect, it } from 'vitest';
import { assignmentProblems, decisionProblems, endProblems, extensionProblems, requestProblems, researchProblems, voidProblems, withdrawalProblems, type ChainLink } from './maatwerk-rules';

const today = '2026-12-07';
const paths = (problems: { path: string }[]) => problems.map((p) => p.path);
const link = (over: Partial<ChainLink> = {}): ChainLink => ({ startOn: '2026-10-01', endOn: '2026-12-31', voided: false, endReason: null, extended: false, ...over });
const zin = { deliveryForm: 'zin' as const, startOn: '2026-11-01', endOn: '2027-04-30', volume: 3, unit: '04', frequency: '2', budgetCents: null };

describe('the road of a request', () => {
  it('takes a melding up to today, not later', () => {
    expect(requestProblems(today, today)).toEqual([]);
    expect(paths(requestProblems('2026-12-08', today))).toEqual(['requestedOn']);
  });

  it('reports the onderzoek once, between the melding and today', () => {
    const open = { status: 'open' as const, requestedOn: '2026-11-01' };
    expect(researchProblems(open, '2026-11-20', today)).toEqual([]);
    expect(researchProblems(open, '2026-10-31', today)[0]!.message).toMatch(/vóór de melding/);
    expect(researchProblems(open, '2026-12-08', today)[0]!.message).toMatch(/toekomst/);
    expect(researchProblems({ ...open, status: 'onderzocht' }, '2026-11-20', today)[0]!.message).toMatch(/al afgerond/);
  });

  it('decides only after the report, once', () => {
    const researched = { status: 'onderzocht' as const, researchReportedOn: '2026-11-20' };
    expect(decisionProblems(researched, '2026-11-25', today)).toEqual([]);
    expect(decisionProblems({ status: 'open', researchReportedOn: null }, '2026-11-25', today)[0]!.message).toMatch(/verslag van het onderzoek vast/);
    expect(decisionProblems(researched, '2026-11-19', today)[0]!.message).toMatch(/vóór het verslag/);
    expect(decisionProblems({ ...researched, status: 'besloten' }, '2026-11-25', today)[0]!.message).toMatch(/al besloten/);
  });

  it('withdraws what is not decided', () => {
    expect(withdrawalProblems({ status: 'open' })).toEqual([]);
    expect(withdrawalProblems({ status: 'onderzocht' })).toEqual([]);
    expect(paths(withdrawalProblems({ status: 'besloten' }))).toEqual(['reason']);
  });
});

describe('a toewijzing', () => {
  const granted = { outcome: 'toegekend' as const, requestedOn: '2026-10-15' };

  it('follows a grant, with an omvang for zorg in natura and a budget for a pgb', () => {
    expect(assignmentProblems(granted, zin)).toEqual([]);
    expect(paths(assignmentProblems({ ...granted, outcome: 'afgewezen' }, zin))).toEqual(['product']);
    expect(paths(assignmentProblems(granted, { ...zin, volume: null, unit: null, frequency: null }))).toEqual(['volume', 'unit', 'frequency']);
    expect(paths(assignmentProblems(granted, { ...zin, deliveryForm: 'pgb', volume: null, unit: null, frequency: null }))).toEqual(['budgetCents']);
    expect(assignmentProblems(granted, { ...zin, deliveryForm: 'pgb', budgetCents: 125_000 })).toEqual([]);
  });

  it('runs from the melding on, and ends after it starts', () => {
    expect(paths(assignmentProblems(granted, { ...zin, startOn: '2026-10-14' }))).toEqual(['startOn']);
    expect(paths(assignmentProblems(granted, { ...zin, endOn: '2026-10-31' }))).toEqual(['endOn']);
    expect(assignmentProblems(granted, { ...zin, endOn: null })).toEqual([]);
    // Typing errors: a start years away, an end beyond ten years.
    expect(paths(assignmentProblems(granted, { ...zin, startOn: '2999-01-01', endOn: null }))).toEqual(['startOn']);
    expect(paths(assignmentProblems(granted, { ...zin, endOn: '2999-01-01' }))).toEqual(['endOn']);
  });

  it('takes no daily frequency for days, dagdelen, euros or pieces (iWmo CS338)', () => {
    expect(paths(assignmentProblems(granted, { ...zin, unit: '16', frequency: '1' }))).toEqual(['frequency']);
    expect(assignmentProblems(granted, { ...zin, unit: '04', frequency: '1' })).toEqual([]);
  });

  it('is extended after its end, only as the last link and not after an early end', () => {
    expect(extensionProblems(link(), '2027-06-30')).toEqual([]);
    expect(extensionProblems(link(), '2026-12-31')[0]!.message).toMatch(/na de huidige einddatum/);
    expect(extensionProblems(link(), '2999-01-01')[0]!.message).toMatch(/tien jaar/);
    expect(extensionProblems(link({ endOn: null }), '2027-06-30')[0]!.message).toMatch(/zonder einddatum/);
    expect(extensionProblems(link({ extended: true }), '2027-06-30')[0]!.message).toMatch(/al verlengd/);
    expect(extensionProblems(link({ voided: true }), '2027-06-30')[0]!.message).toMatch(/vervallen/);
    expect(extensionProblems(link({ endReason: 'Verhuisd' }), '2027-06-30')[0]!.message).toMatch(/beëindigde/);
  });

  it('ends early between its start and its end', () => {
    expect(endProblems(link(), '2026-11-15')).toEqual([]);
    expect(endProblems(link(), '2026-10-01')).toEqual([]);
    expect(endProblems(link(), '2026-09-30')[0]!.message).toMatch(/vóór de begindatum/);
    expect(endProblems(link(), '2026-12-31')[0]!.message).toMatch(/verlengen/);
    expect(endProblems(link({ endOn: null }), '2027-12-31')).toEqual([]);
    expect(endProblems(link({ endOn: null }), '2999-01-01')[0]!.message).toMatch(/tien jaar/);
    expect(paths(endProblems(link({ extended: true }), '2026-11-15'))).toEqual(['endOn']);
  });

  it('is voided before delivery starts, as the last link', () => {
    expect(voidProblems(link(), false)).toEqual([]);
    expect(voidProblems(link(), true)[0]!.message).toMatch(/beëindig/);
    expect(paths(voidProblems(link({ extended: true }), false))).toEqual(['reason']);
    expect(paths(voidProblems(link({ voided: true }), false))).toEqual(['reason']);
  });
});
