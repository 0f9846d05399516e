import { describe, expect, it } from 'vitest';
import { addMonths, countFlow, isLateStart, isLongRunning, isWaitingForStart, monthMoments, toewijzingen, wholeMonthsBetween, type FlowProvisionRow, type FlowRows } from './flow-rules';

const period = { year: 2025, asOf: '2025-12-31' };
const zeros = () => Array<number>(12).fill(0);
const months = (entries: Record<number, number>) => zeros().map((_, m) => entries[m] ?? 0);

function provision(over: Partial<FlowProvisionRow> & Pick<FlowProvisionRow, 'id' | 'caseId' | 'clientId'>): FlowProvisionRow {
  return {
    extendsProvisionId: null,
    voided: false,
    deliveryForm: 'zin',
    decisionOutcome: 'toegekend',
    decidedOn: '2025-02-10',
    startOn: '2025-02-15',
    endOn: null,
    deliveryStartedOn: null,
    ...over,
  };
}

/**
 * Two teams. Case A (T1): met in January, a granted beschikking in February, started in March, then
 * extended (the extension has no start of its own); a second, later beschikking is no "first".
 * Case B (T1): no first meeting, a beschikking and a toewijzing that never starts. Case C (T2):
 * its first beschikking was in 2024, a voided and a pgb toewijzing, closed in March. Case D (T2):
 * refused before its first meeting. Case E (T2): met in December, granted only next year.
 */
const rows: FlowRows = {
  registrations: [
    { teamId: 'T1', registeredOn: '2025-01-06', triageOutcome: 'generalist' },
    { teamId: 'T1', registeredOn: '2025-02-03', triageOutcome: 'specialist' },
    { teamId: 'T1', registeredOn: '2025-02-20', triageOutcome: 'social_base' },
    { teamId: 'T2', registeredOn: '2025-02-10', triageOutcome: 'other_team' },
    { teamId: 'T1', registeredOn: '2024-12-31', triageOutcome: 'specialist' },
    { teamId: 'T2', registeredOn: '2025-11-03', triageOutcome: 'out_of_scope' },
  ],
  cases: [
    { id: 'A', teamId: 'T1', registeredOn: '2025-01-06', firstMeetingOn: '2025-01-10', closedOn: null },
    { id: 'B', teamId: 'T1', registeredOn: '2025-03-03', firstMeetingOn: null, closedOn: null },
    { id: 'C', teamId: 'T2', registeredOn: '2024-11-01', firstMeetingOn: '2024-11-05', closedOn: '2025-03-15' },
    { id: 'D', teamId: 'T2', registeredOn: '2025-06-02', firstMeetingOn: '2025-06-04', closedOn: '2025-06-30' },
    { id: 'E', teamId: 'T2', registeredOn: '2025-12-15', firstMeetingOn: '2025-12-20', closedOn: null },
  ],
  caseClients: [
    { caseId: 'A', clientId: 'a1' },
    { caseId: 'A', clientId: 'a2' },
    { caseId: 'D', clientId: 'd1' },
    { caseId: 'E', clientId: 'e1' },
  ],
  decisions: [
    { caseId: 'A', clientId: 'a1', decidedOn: '2025-02-10', outcome: 'toegekend' },
    { caseId: 'A', clientId: 'a1', decidedOn: '2025-05-01', outcome: 'afgewezen' },
    { caseId: 'B', clientId: 'b1', decidedOn: '2025-04-01', outcome: 'toegekend' },
    { caseId: 'C', clientId: 'c1', decidedOn: '2024-12-20', outcome: 'toegekend' },
    { caseId: 'C', clientId: 'c1', decidedOn: '2025-01-15', outcome: 'toegekend' },
    { caseId: 'D', clientId: 'd1', decidedOn: '2025-06-03', outcome: 'afgewezen' },
    { caseId: 'E', clientId: 'e1', decidedOn: '2026-01-10', outcome: 'toegekend' },
  ],
  provisions: [
    provision({ id: 'P1', caseId: 'A', clientId: 'a1', endOn: '2025-08-14', deliveryStartedOn: '2025-03-03' }),
    provision({ id: 'P1e', extendsProvisionId: 'P1', caseId: 'A', clientId: 'a1', startOn: '2025-08-15', endOn: '2026-02-14' }),
    provision({ id: 'PB', caseId: 'B', clientId: 'b1', decidedOn: '2025-04-01', startOn: '2025-04-15' }),
    provision({ id: 'PC', caseId: 'C', clientId: 'c1', decidedOn: '2025-01-15', startOn: '2025-01-20', voided: true }),
    provision({ id: 'PC2', caseId: 'C', clientId: 'c1', decidedOn: '2024-12-20', startOn: '2025-01-01', deliveryForm: 'pgb' }),
  ],
};

describe('countFlow', () => {
  const counts = countFlow(rows, period, ['T1', 'T2']);
  const t1 = counts.teams.get('T1')!.scope;
  const t2 = counts.teams.get('T2')!.scope;
  const total = counts.total.scope;

  it('counts the registrations the team did not help itself, per triage outcome and month of registration', () => {
    expect(t1.triage.specialist).toEqual({ months: months({ 1: 1 }), year: 1 });
    expect(t1.triage.social_base).toEqual({ months: months({ 1: 1 }), year: 1 });
    expect(t2.triage.other_team).toEqual({ months: months({ 1: 1 }), year: 1 });
    expect(t2.triage.out_of_scope.year).toBe(1);
    // Generalist support and a registration of the year before count nowhere.
    expect(Object.values(total.triage).reduce((sum, row) => sum + row.year, 0)).toBe(4);
  });

  it('measures the days to the first beschikking per client and case, from registration and from the first meeting', () => {
    // A: 6 January → 10 February = 35 days (from the meeting on 10 January: 31); B: 3 March → 1 April = 29.
    expect(t1.toDecision.fromRegistration.n).toEqual({ months: months({ 1: 1, 3: 1 }), year: 2 });
    expect(t1.toDecision.fromRegistration.medianDays).toEqual({ months: zeros().map((_, m) => (m === 1 ? 35 : m === 3 ? 29 : null)), year: 32 });
    expect(t1.toDecision.fromRegistration.meanDays.year).toBe(32);
    // B has no first meeting: measured from its registration only.
    expect(t1.toDecision.fromFirstMeeting.n).toEqual({ months: months({ 1: 1 }), year: 1 });
    expect(t1.toDecision.fromFirstMeeting.medianDays.year).toBe(31);
    expect(counts.teams.get('T1')!.daySums.toDecision.fromRegistration.year).toBe(64);
  });

  it('counts a beschikking only when it is the first of its client in the case', () => {
    // C's first was in 2024; D was refused a day after registration, before its first meeting.
    expect(t2.toDecision.fromRegistration.n).toEqual({ months: months({ 5: 1 }), year: 1 });
    expect(t2.toDecision.fromRegistration.medianDays.year).toBe(1);
    expect(t2.toDecision.fromFirstMeeting.n.year).toBe(0);
    expect(t2.toDecision.fromFirstMeeting.medianDays.year).toBeNull();
    expect(total.toDecision.fromRegistration.n.year).toBe(3);
    expect(total.toDecision.fromRegistration.medianDays.year).toBe(29);
    expect(total.toDecision.fromRegistration.meanDays.year).toBe(21.7);
  });

  it('measures the days to the real start; an extension has no start of its own and voided counts nowhere', () => {
    // 6 January → 3 March = 56 days; from the meeting 52.
    expect(t1.toStart.fromRegistration.n).toEqual({ months: months({ 2: 1 }), year: 1 });
    expect(t1.toStart.fromRegistration.medianDays.year).toBe(56);
    expect(t1.toStart.fromFirstMeeting.meanDays.year).toBe(52);
    expect(t2.toStart.fromRegistration.n.year).toBe(0);
  });

  it('counts clients waiting for a start at each month end: granted zorg in natura, not started, not voided, not pgb', () => {
    // A waits at the end of February (started 3 March; its extension, never "started", does not make
    // it wait again); B waits from April on. C's voided toewijzing and its pgb wait nowhere.
    expect(t1.waitingForStart.months).toEqual(months({ 1: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1, 11: 1 }));
    expect(t2.waitingForStart.months).toEqual(zeros());
  });

  it('gives the share of clients with a first meeting who moved on to maatwerk', () => {
    // A's household of two met in January, one granted; D refused; E granted only after the year.
    expect(t1.toMaatwerk.met).toEqual({ months: months({ 0: 2 }), year: 2 });
    expect(t1.toMaatwerk.granted).toEqual({ months: months({ 0: 1 }), year: 1 });
    expect(t1.toMaatwerk.sharePct.months[0]).toBe(50);
    expect(t1.toMaatwerk.sharePct.months[1]).toBeNull();
    expect(t2.toMaatwerk.met).toEqual({ months: months({ 5: 1, 11: 1 }), year: 2 });
    expect(t2.toMaatwerk.granted.year).toBe(0);
    expect(total.toMaatwerk.sharePct.year).toBe(25);
  });

  it('counts cases open at the month end more than three months after the first meeting, never one without', () => {
    // A: 10 January + 3 months = 10 April, so from the end of April; C: 5 February, closed 15 March.
    expect(t1.overThreeMonths.months).toEqual(months({ 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1, 11: 1 }));
    expect(t2.overThreeMonths.months).toEqual(months({ 1: 1 }));
  });

  it('makes the whole the sum of its teams', () => {
    const add = (a: number[], b: number[]) => a.map((n, m) => n + b[m]!);
    expect(total.waitingForStart.months).toEqual(add(t1.waitingForStart.months as number[], t2.waitingForStart.months as number[]));
    expect(total.overThreeMonths.months).toEqual(add(t1.overThreeMonths.months as number[], t2.overThreeMonths.months as number[]));
    expect(total.toMaatwerk.met.year).toBe(4);
  });

  it('does not depend on the order of the rows nor on the ids', () => {
    const rename = (id: string) => `x-${id.split('').reverse().join('')}`;
    const shuffled: FlowRows = {
      registrations: [...rows.registrations].reverse(),
      cases: [...rows.cases].reverse().map((c) => ({ ...c, id: rename(c.id) })),
      caseClients: [...rows.caseClients].reverse().map((cc) => ({ caseId: rename(cc.caseId), clientId: rename(cc.clientId) })),
      decisions: [...rows.decisions].reverse().map((d) => ({ ...d, caseId: rename(d.caseId), clientId: rename(d.clientId) })),
      provisions: [...rows.provisions]
        .reverse()
        .map((p) => ({ ...p, id: rename(p.id), extendsProvisionId: p.extendsProvisionId && rename(p.extendsProvisionId), caseId: rename(p.caseId), clientId: rename(p.clientId) })),
    };
    const again = countFlow(shuffled, period, ['T2', 'T1']);
    expect(again.total).toEqual(counts.total);
    expect(again.teams.get('T1')).toEqual(counts.teams.get('T1'));
    expect(again.teams.get('T2')).toEqual(counts.teams.get('T2'));
  });

  it('gives every team asked for, with zeros, and no stock for a month after asOf', () => {
    const early = countFlow({ registrations: [], cases: [], caseClients: [], decisions: [], provisions: [] }, { year: 2026, asOf: '2026-03-15' }, ['T9']);
    const scope = early.teams.get('T9')!.scope;
    expect(scope.waitingForStart.months).toEqual([0, 0, 0, ...Array(9).fill(null)]);
    expect(scope.triage.specialist.year).toBe(0);
    expect(scope.toDecision.fromRegistration.medianDays.year).toBeNull();
  });
});

describe('the rules', () => {
  it('adds calendar months the way PostgreSQL does', () => {
    expect(addMonths('2025-01-31', 3)).toBe('2025-04-30');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2025-10-15', 3)).toBe('2026-01-15');
    expect(wholeMonthsBetween('2025-01-31', '2025-04-29')).toBe(2);
    expect(wholeMonthsBetween('2025-01-31', '2025-04-30')).toBe(3);
    expect(wholeMonthsBetween('2025-05-01', '2025-04-30')).toBe(0);
  });

  it('calls a case long-running only after exactly three months have passed, and while it is open', () => {
    const c = { registeredOn: '2025-01-20', firstMeetingOn: '2025-01-31', closedOn: null };
    expect(isLongRunning(c, '2025-04-30')).toBe(false);
    expect(isLongRunning(c, '2025-05-01')).toBe(true);
    expect(isLongRunning({ ...c, closedOn: '2025-05-01' }, '2025-05-01')).toBe(false);
    expect(isLongRunning({ ...c, firstMeetingOn: null }, '2026-01-01')).toBe(false);
  });

  it('takes a month end, or asOf in its month, as the moment of a stock', () => {
    const moments = monthMoments({ year: 2024, asOf: '2024-12-07' });
    expect(moments[1]).toBe('2024-02-29');
    expect(moments[11]).toBe('2024-12-07');
  });

  it('reads a chain of toewijzingen as one, to the end of its last link', () => {
    // Never started, extended: still waiting after the first link's end; a voided extension does not extend.
    const first = provision({ id: 'R', caseId: 'K', clientId: 'k', endOn: '2025-06-30' });
    const extension = provision({ id: 'X', extendsProvisionId: 'R', caseId: 'K', clientId: 'k', startOn: '2025-07-01', endOn: '2025-12-31' });
    const [chain] = toewijzingen([extension, first]);
    expect(chain!.chainEnd).toBe('2025-12-31');
    expect(isWaitingForStart(chain!, '2025-09-30')).toBe(true);
    const [voidedExtension] = toewijzingen([first, { ...extension, voided: true }]);
    expect(isWaitingForStart(voidedExtension!, '2025-09-30')).toBe(false);
    expect(toewijzingen([{ ...first, voided: true }, extension])).toEqual([]);
  });

  it('calls a start late only more than 14 days after the start date', () => {
    const [chain] = toewijzingen([provision({ id: 'L', caseId: 'K', clientId: 'k', startOn: '2025-03-01' })]);
    expect(isLateStart(chain!, '2025-03-15')).toBe(false);
    expect(isLateStart(chain!, '2025-03-16')).toBe(true);
    const [started] = toewijzingen([provision({ id: 'S', caseId: 'K', clientId: 'k', startOn: '2025-03-01', deliveryStartedOn: '2025-03-20' })]);
    expect(isLateStart(started!, '2025-04-01')).toBe(false);
    const [pgb] = toewijzingen([provision({ id: 'G', caseId: 'K', clientId: 'k', startOn: '2025-03-01', deliveryForm: 'pgb' })]);
    expect(isLateStart(pgb!, '2025-04-01')).toBe(false);
  });
});
