import { describe, expect, it } from 'vitest';
import { countFlow } from './flow-rules';
import type { PublishedFlowReport } from './flow-report.schemas';
import { buildFlowTables, flowFileName, lastMonthShown } from './flow-tables';
import { renderTablesCsv } from './report-csv';

const labels = { teams: [{ code: 'west', name: 'West' }, { code: 'oost', name: 'Oost' }], codes: {} };

function report(asOf: string, team: string | null = null): PublishedFlowReport {
  const counts = countFlow(
    {
      registrations: [{ teamId: 'W', registeredOn: '2025-02-03', triageOutcome: 'specialist' }],
      cases: [{ id: 'K', teamId: 'W', registeredOn: '2025-01-06', firstMeetingOn: '2025-01-10', closedOn: null }],
      caseClients: [{ caseId: 'K', clientId: 'k' }],
      decisions: [{ caseId: 'K', clientId: 'k', decidedOn: '2025-02-10', outcome: 'toegekend' }],
      provisions: [],
    },
    { year: 2025, asOf },
    ['W', 'O'],
  );
  const scope = (id: string) => counts.teams.get(id)!.scope;
  return team === null
    ? { year: 2025, asOf, team: null, total: counts.total.scope, teams: { west: scope('W'), oost: scope('O') } }
    : { year: 2025, asOf, team, total: scope('W'), teams: { [team]: scope('W') } };
}

describe('the tables of the report Uitstroom', () => {
  it('writes every table with its months and the year, and per team the year', () => {
    const model = buildFlowTables(report('2025-12-31'), labels);
    expect(model.title).toBe('Uitstroom 2025');
    expect(model.suppression).toBeNull();
    expect(model.tables.map((t) => t.id)).toEqual(['uitstroom-triage', 'uitstroom-beschikking', 'uitstroom-start', 'uitstroom-wachten', 'uitstroom-maatwerk', 'uitstroom-drie-maanden', 'uitstroom-teams']);
    const specialist = model.byId.triage.groups[0]!.rows.find((r) => r.label === 'Naar specialistische hulp')!;
    expect(specialist.values).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const perTeam = model.byId.perTeam!;
    expect(perTeam.groups[0]!.rows.map((r) => r.label)).toEqual(['Oost', 'West']);
    // West: 1 not helped, 1 beschikking after 35 days, no start, 100 % to maatwerk, at the end of December 0 waiting and 1 over three months.
    expect(perTeam.groups[0]!.rows[1]!.values).toEqual([1, 1, 35, 0, null, 100, 0, 1]);
    expect(perTeam.columns[6]!.label).toBe('Wachten op start (december)');
  });

  it('says up to which day a running year is counted, and has no per-team table in a team report', () => {
    const model = buildFlowTables(report('2025-06-15', 'west'), labels);
    expect(model.title).toBe('Uitstroom 2025 (team West), tot en met 15 juni 2025');
    expect(model.byId.perTeam).toBeNull();
    expect(model.byId.overThreeMonths.groups[0]!.rows[0]!.values).toEqual([0, 0, 0, 1, 1, 1, null, null, null, null, null, null]);
    expect(lastMonthShown({ year: 2025, asOf: '2025-06-15' })).toBe(5);
    expect(flowFileName({ year: 2025, team: 'west' }, 'csv')).toBe('uitstroom-2025-west.csv');
  });

  it('shows a suppressed figure by its marker, and "x" for a total over it', () => {
    const published = report('2025-12-31');
    published.teams.west!.triage.specialist.months[1] = null;
    published.suppression = { min_count: 5, min_observations: 10, cells: { '/teams/west/triage/specialist/months/1': 'small', '/total/triage/specialist/months/1': 'small' } };
    published.total.triage.specialist.months[1] = null;
    const model = buildFlowTables(published, labels);
    const triage = model.byId.triage;
    expect(triage.groups[0]!.rows.find((r) => r.label === 'Naar specialistische hulp')!.marks[1]).toBe('<5');
    expect(triage.groups[1]!.rows[0]!.marks[1]).toBe('x');
    const csv = renderTablesCsv(model.title, model.suppression, model.tables);
    expect(csv.split('\n')[1]).toMatch(/^"?Kleine aantallen zijn afgeschermd/);
    expect(csv).toContain('Naar specialistische hulp,0,<5,0,');
  });
});
