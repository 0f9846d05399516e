import { describe, expect, it } from 'vitest';
import { stockSuppression } from '../reports/family-suppression';
import { DEFAULT_SMALL_NUMBERS } from '../reports/small-numbers';
import { suppressTeamFigures, type FigureRow } from './figures-suppression';

function row(teamCode: string, counts: Partial<FigureRow> = {}): FigureRow {
  return {
    teamId: `id-${teamCode}`,
    teamCode,
    teamName: teamCode.toUpperCase(),
    active: true,
    openCases: 40,
    awaitingFirstMeeting: 12,
    overNorm: 6,
    startedLast90Days: 30,
    closedLast90Days: 25,
    meanDaysToFirstMeeting: 4.2,
    meanObservations: 25,
    ...counts,
  };
}

describe('the Cijfers page for the analyst', () => {
  it('suppresses a small count and the smallest other team’s, so the sum over teams gives neither away', () => {
    const published = suppressTeamFigures([row('a', { overNorm: 2 }), row('b', { overNorm: 7 }), row('c', { overNorm: 9 })], DEFAULT_SMALL_NUMBERS);
    expect(published.teams.map((t) => t.overNorm)).toEqual([null, null, 9]);
    expect(published.suppression!.cells).toEqual({ '/teams/0/overNorm': 'small', '/teams/1/overNorm': 'secondary' });
  });

  it('hides the open cases exactly where the annual reports hide the stock of open cases', () => {
    const rows = [row('a', { openCases: 3 }), row('b', { openCases: 12 }), row('c', { openCases: 25 })];
    const published = suppressTeamFigures(rows, DEFAULT_SMALL_NUMBERS);
    const hidden = stockSuppression(new Map([['org', 40], ['a', 3], ['b', 12], ['c', 25]]), 'org', 5);
    expect(published.teams.map((t, i) => (t.openCases === null ? rows[i]!.teamCode : null)).filter(Boolean)).toEqual([...hidden].sort());
    expect(published.suppression!.cells['/teams/0/openCases']).toBe('small');
    expect(published.suppression!.cells['/teams/1/openCases']).toBe('secondary');
  });

  it('counts an inactive team in the totals without showing it', () => {
    // The inactive team's 3 is small: the others must not give it away through the organisation's total.
    const published = suppressTeamFigures([row('a', { startedLast90Days: 20 }), row('b', { startedLast90Days: 30 }), row('old', { active: false, startedLast90Days: 3, openCases: 0 })], DEFAULT_SMALL_NUMBERS);
    expect(published.teams.map((t) => t.teamName)).toEqual(['A', 'B']);
    expect(published.teams.map((t) => t.startedLast90Days)).toEqual([null, 30]);
  });

  it('hides a mean over fewer than 10 cases', () => {
    const published = suppressTeamFigures([row('a', { meanObservations: 9 }), row('b')], DEFAULT_SMALL_NUMBERS);
    expect(published.teams[0]!.meanDaysToFirstMeeting).toBeNull();
    expect(published.suppression!.cells['/teams/0/meanDaysToFirstMeeting']).toBe('few_observations');
    expect(published.teams[1]!.meanDaysToFirstMeeting).toBe(4.2);
  });
});
