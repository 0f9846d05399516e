import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/dates';
import { mulberry32, SeededRandom } from '../../lib/seeded-random';
import { attackFlow, type FlowVariant } from '../../../../tests/support/flow-attack';
import { countFlow, type FlowProvisionRow, type FlowRows } from './flow-rules';
import { suppressFlowFamily } from './flow-family';
import type { FlowReport } from './flow-report.schemas';
import { DEFAULT_SMALL_NUMBERS } from './small-numbers';

/** A year of three teams of very different size (120, 30 and 6 cases), with maatwerk, drawn from a fixed seed. */
function history(seed: number): FlowRows {
  const random = new SeededRandom(mulberry32(seed));
  const rows: { [K in keyof FlowRows]: FlowRows[K][number][] } = { registrations: [], cases: [], caseClients: [], decisions: [], provisions: [] };
  let n = 0;
  for (const [team, count] of [['T1', 120], ['T2', 30], ['T3', 6]] as const) {
    for (let i = 0; i < random.int(2, 25); i++) {
      rows.registrations.push({ teamId: team, registeredOn: addDays('2025-01-01', random.int(0, 364)), triageOutcome: random.pick(['other_team', 'jeugd_gezin', 'social_base', 'specialist', 'out_of_scope']) });
    }
    for (let i = 0; i < count; i++) {
      const id = `K${++n}`;
      const registeredOn = addDays('2024-10-01', random.int(0, 455));
      const firstMeetingOn = random.chance(0.85) ? addDays(registeredOn, random.int(1, 10)) : null;
      const closedOn = firstMeetingOn && random.chance(0.6) ? addDays(firstMeetingOn, random.int(20, 200)) : null;
      rows.cases.push({ id, teamId: team, registeredOn, firstMeetingOn, closedOn: closedOn && closedOn <= '2025-12-31' ? closedOn : null });
      const clients = random.chance(0.3) ? [`${id}a`, `${id}b`] : [`${id}a`];
      for (const clientId of clients) rows.caseClients.push({ caseId: id, clientId });
      if (!random.chance(0.4)) continue;
      const decidedOn = addDays(firstMeetingOn ?? registeredOn, random.int(5, 90));
      if (decidedOn > '2025-12-31') continue;
      const outcome = random.weighted([['toegekend', 17], ['deels_toegekend', 1], ['afgewezen', 2]] as const);
      rows.decisions.push({ caseId: id, clientId: clients[0]!, decidedOn, outcome });
      if (outcome === 'afgewezen') continue;
      const startOn = addDays(decidedOn, random.int(1, 30));
      const started = addDays(startOn, random.int(0, 5));
      const first: FlowProvisionRow = {
        id: `${id}P`,
        extendsProvisionId: null,
        caseId: id,
        clientId: clients[0]!,
        voided: random.chance(0.05),
        deliveryForm: random.chance(0.8) ? 'zin' : 'pgb',
        decisionOutcome: outcome,
        decidedOn,
        startOn,
        endOn: addDays(startOn, 120),
        deliveryStartedOn: random.chance(0.85) && started <= '2025-12-31' ? started : null,
      };
      rows.provisions.push(first);
      if (random.chance(0.2)) rows.provisions.push({ ...first, id: `${id}X`, extendsProvisionId: first.id, voided: false, startOn: addDays(first.endOn!, 1), endOn: addDays(first.endOn!, 180), deliveryStartedOn: null });
    }
  }
  return rows;
}

describe('the Uitstroom family for the analyst', () => {
  for (const seed of [1, 2, 3]) {
    it(`shows no count of 1 to 4 and gives nothing away (seed ${seed})`, () => {
      const period = { year: 2025, asOf: '2025-12-31' };
      const counts = countFlow(history(seed), period, ['T1', 'T2', 'T3']);
      const codes = ['t1', 't2', 't3'];
      const teams = new Map(codes.map((code, i) => [code, counts.teams.get(`T${i + 1}`)!]));
      const suppression = suppressFlowFamily({ ...period, teamCodes: codes, organisation: counts.total, teams }, DEFAULT_SMALL_NUMBERS);
      const exact = (team: string | null): FlowReport => ({
        ...period,
        team,
        total: (team === null ? counts.total : teams.get(team)!).scope,
        teams: Object.fromEntries((team === null ? codes : [team]).map((code) => [code, teams.get(code)!.scope])),
      });
      const variants: FlowVariant[] = [null, ...codes].map((team) => ({ team, published: suppression.publish(team), exact: exact(team) }));
      for (const v of variants) expect(v.published.suppression).toBeDefined();
      // The small team's figures are mostly hidden; the organisation's year figures mostly shown.
      const org = variants[0]!.published;
      expect(org.total.toMaatwerk.met.year).toBe(counts.total.scope.toMaatwerk.met.year);
      expect(org.teams.t3!.toDecision.fromRegistration.meanDays.year).toBeNull();

      // An attacker who also knows every stock of open cases at a month end (the annual report's),
      // except those of 1–4, which the annual family never lets follow.
      const known = (stocks: readonly (number | null)[]) => stocks.map((n) => (n !== null && n > 0 && n < 5 ? null : n));
      const stocks = new Map<string, (number | null)[]>([['org', known(counts.total.openCases)], ...codes.map((code): [string, (number | null)[]] => [code, known(teams.get(code)!.openCases)])]);
      const result = attackFlow(variants, 5, stocks);
      expect(result.wrong).toEqual([]);
      expect(result.smallPublished).toEqual([]);
      expect(result.leaks).toEqual([]);
      expect(result.unknowns).toBeGreaterThan(50);
    });
  }

  it('hides a team’s small count, and a further cell where the organisation’s total would give it away', () => {
    const period = { year: 2025, asOf: '2025-12-31' };
    const rows: FlowRows = {
      registrations: [
        ...Array.from({ length: 8 }, () => ({ teamId: 'A', registeredOn: '2025-03-03', triageOutcome: 'specialist' })),
        ...Array.from({ length: 2 }, () => ({ teamId: 'B', registeredOn: '2025-03-04', triageOutcome: 'specialist' })),
      ],
      cases: [],
      caseClients: [],
      decisions: [],
      provisions: [],
    };
    const counts = countFlow(rows, period, ['A', 'B']);
    const teams = new Map([
      ['a', counts.teams.get('A')!],
      ['b', counts.teams.get('B')!],
    ]);
    const published = suppressFlowFamily({ ...period, teamCodes: ['a', 'b'], organisation: counts.total, teams }, DEFAULT_SMALL_NUMBERS).publish(null);
    expect(published.teams.b!.triage.specialist.months[2]).toBeNull();
    expect(published.suppression!.cells['/teams/b/triage/specialist/months/2']).toBe('small');
    expect(published.teams.a!.triage.specialist.months[2]).toBeNull();
    expect(published.suppression!.cells['/teams/a/triage/specialist/months/2']).toBe('secondary');
    expect(published.total.triage.specialist.months[2]).toBe(10);
    // The team's own report hides the same cells.
    const own = suppressFlowFamily({ ...period, teamCodes: ['a', 'b'], organisation: counts.total, teams }, DEFAULT_SMALL_NUMBERS).publish('b');
    expect(own.total.triage.specialist.year).toBeNull();
    expect(own.teams.b!.triage.specialist.year).toBeNull();
  });

  it('keeps a mean over few clients hidden: it must not follow from the organisation’s mean and the other team’s', () => {
    // Team A: 20 first beschikkingen, team B: 7 (a count that may be shown, a mean that may not).
    const period = { year: 2025, asOf: '2025-12-31' };
    const cases = [...Array.from({ length: 20 }, (_, i) => ({ team: 'A', i })), ...Array.from({ length: 7 }, (_, i) => ({ team: 'B', i: 20 + i }))];
    const rows: FlowRows = {
      registrations: [],
      cases: cases.map(({ team, i }) => ({ id: `K${i}`, teamId: team, registeredOn: '2025-03-03', firstMeetingOn: null, closedOn: '2025-03-31' })),
      caseClients: [],
      decisions: cases.map(({ i }) => ({ caseId: `K${i}`, clientId: `C${i}`, decidedOn: addDays('2025-03-10', i % 9), outcome: 'afgewezen' as const })),
      provisions: [],
    };
    const counts = countFlow(rows, period, ['A', 'B']);
    const teams = new Map([
      ['a', counts.teams.get('A')!],
      ['b', counts.teams.get('B')!],
    ]);
    const family = suppressFlowFamily({ ...period, teamCodes: ['a', 'b'], organisation: counts.total, teams }, DEFAULT_SMALL_NUMBERS);
    const variants: FlowVariant[] = [null, 'a', 'b'].map((team) => ({
      team,
      published: family.publish(team),
      exact: { ...period, team, total: (team === null ? counts.total : teams.get(team)!).scope, teams: Object.fromEntries((team === null ? ['a', 'b'] : [team]).map((c) => [c, teams.get(c)!.scope])) },
    }));
    const org = variants[0]!.published;
    expect(org.teams.b!.toDecision.fromRegistration.n.year).toBe(7);
    expect(org.suppression!.cells['/teams/b/toDecision/fromRegistration/meanDays/year']).toBe('few_observations');
    // Something of the organisation's or team A's year is hidden, or B's mean would follow.
    const hidden = ['/total/toDecision/fromRegistration/meanDays/year', '/total/toDecision/fromRegistration/n/year', '/teams/a/toDecision/fromRegistration/meanDays/year', '/teams/a/toDecision/fromRegistration/n/year'];
    expect(hidden.some((at) => org.suppression!.cells[at] === 'secondary')).toBe(true);
    expect(attackFlow(variants).leaks).toEqual([]);
  });

  it('hides the cases over three months where the open cases not over three months would be 1 to 4 (the annual report shows the open cases)', () => {
    const period = { year: 2025, asOf: '2025-12-31' };
    // Team A: 10 cases open since June 2024 and 2 met in December; team B: 20 and 8.
    const open = (team: string, n: number, from: number, registeredOn: string) =>
      Array.from({ length: n }, (_, i) => ({ id: `${team}${from + i}`, teamId: team, registeredOn, firstMeetingOn: addDays(registeredOn, 2), closedOn: null }));
    const rows: FlowRows = {
      registrations: [],
      cases: [...open('A', 10, 0, '2024-06-03'), ...open('A', 2, 10, '2025-12-08'), ...open('B', 20, 0, '2024-06-03'), ...open('B', 8, 20, '2025-12-08')],
      caseClients: [],
      decisions: [],
      provisions: [],
    };
    const counts = countFlow(rows, period, ['A', 'B']);
    const teams = new Map([
      ['a', counts.teams.get('A')!],
      ['b', counts.teams.get('B')!],
    ]);
    expect(teams.get('a')!.openCases[11]).toBe(12);
    expect(teams.get('a')!.scope.overThreeMonths.months[11]).toBe(10);
    const family = suppressFlowFamily({ ...period, teamCodes: ['a', 'b'], organisation: counts.total, teams }, DEFAULT_SMALL_NUMBERS);
    const variants: FlowVariant[] = [null, 'a', 'b'].map((team) => ({
      team,
      published: family.publish(team),
      exact: { ...period, team, total: (team === null ? counts.total : teams.get(team)!).scope, teams: Object.fromEntries((team === null ? ['a', 'b'] : [team]).map((c) => [c, teams.get(c)!.scope])) },
    }));
    const published = variants[0]!.published;
    // December: 12 open in A minus 10 shown would give 2.
    expect(published.teams.a!.overThreeMonths.months[11]).toBeNull();
    expect(published.suppression!.cells['/teams/a/overThreeMonths/months/11']).toBe('secondary');
    // November: every open case of A is over three months (nothing to protect).
    expect(published.teams.a!.overThreeMonths.months[10]).toBe(10);
    const stocks = new Map<string, (number | null)[]>([
      ['org', counts.total.openCases],
      ['a', teams.get('a')!.openCases],
      ['b', teams.get('b')!.openCases],
    ]);
    expect(attackFlow(variants, 5, stocks).leaks).toEqual([]);
  });
});
