import { describe, expect, it } from 'vitest';
import { decisionDueOn, objectionUntil, researchDueOn, runningTerm, termState } from './legal-terms';

describe('legal terms of a maatwerk request', () => {
  it('gives the onderzoek six weeks from the melding and the decision two weeks from the report', () => {
    expect(researchDueOn('2026-11-02')).toBe('2026-12-14');
    expect(researchDueOn('2024-02-01')).toBe('2024-03-14'); // through a leap day
    expect(decisionDueOn('2026-12-14')).toBe('2026-12-28');
  });

  it('lets the client object until six weeks after the decision', () => {
    expect(objectionUntil('2026-12-07')).toBe('2027-01-18');
  });

  it('says whether a term is in time, close, passed, or met in time or late', () => {
    expect(termState('2026-12-14', null, '2026-12-01')).toBe('op_tijd');
    expect(termState('2026-12-14', null, '2026-12-07')).toBe('bijna');
    expect(termState('2026-12-14', null, '2026-12-14')).toBe('bijna');
    expect(termState('2026-12-14', null, '2026-12-15')).toBe('te_laat');
    expect(termState('2026-12-14', '2026-12-14', '2027-01-01')).toBe('gehaald');
    expect(termState('2026-12-14', '2026-12-15', '2027-01-01')).toBe('te_laat_gehaald');
  });
});

describe('the running term of a request', () => {
  it('is the report while researched, the decision after, none once decided or withdrawn', () => {
    expect(runningTerm({ status: 'open', requestedOn: '2026-11-01', researchReportedOn: null }, '2026-12-07')).toEqual({ kind: 'onderzoek', dueOn: '2026-12-13', state: 'bijna' });
    expect(runningTerm({ status: 'onderzocht', requestedOn: '2026-11-01', researchReportedOn: '2026-11-20' }, '2026-12-07')).toEqual({ kind: 'besluit', dueOn: '2026-12-04', state: 'te_laat' });
    expect(runningTerm({ status: 'besloten', requestedOn: '2026-11-01', researchReportedOn: '2026-11-20' }, '2026-12-07')).toBeNull();
    expect(runningTerm({ status: 'ingetrokken', requestedOn: '2026-11-01', researchReportedOn: null }, '2026-12-07')).toBeNull();
  });
});
