// The Cijfers page as the analyst receives it (docs/small-numbers.md): per team the counts of
// 1–4 suppressed, and where the organisation's total (anyone can add the teams up, and the reports
// hold it) would give one away, a further team's. The open cases of a team are the stock of open
// cases today, the same figure as the stock at the end of this year in the annual reports: it is
// hidden exactly where those hide it (stockSuppression, over every team, active or not).
// Means over fewer than minObservations cases are not shown. Pure: no I/O.
import { FamilyModel, stockSuppression, suppressFamily } from '../reports/family-suppression';
import { publishWithMarks } from '../reports/report-suppression';
import { isSmallCount, pointer, tooFewObservations, type SmallNumberSettings, type SuppressionReason } from '../reports/small-numbers';
import { TEAM_FIGURE_COUNTS, type PublishedTeamFigures, type TeamFigures } from './worklists.schemas';

export type FigureRow = TeamFigures['teams'][number] & {
  teamCode: string;
  /** Only active teams are shown; the others still count in the organisation's totals. */
  active: boolean;
  /** The cases the mean days to the first meeting is taken over. */
  meanObservations: number;
};

const ORG = 'org';

/** `rows`: every team of the organisation; the answer shows the active ones, in the order given. */
export function suppressTeamFigures(rows: readonly FigureRow[], settings: SmallNumberSettings): PublishedTeamFigures {
  const byCode = [...rows].sort((a, b) => (a.teamCode < b.teamCode ? -1 : a.teamCode > b.teamCode ? 1 : 0));
  const stocks = new Map<string, number>([[ORG, rows.reduce((sum, row) => sum + row.openCases, 0)], ...byCode.map((row) => [row.teamCode, row.openCases] as const)]);
  const hiddenStocks = stockSuppression(stocks, ORG, settings.minCount);

  const model = new FamilyModel();
  const cells = new Map<string, number>();
  for (const [scope, value] of stocks) cells.set(`${scope}|openCases`, model.add(`${scope}|openCases`, { kind: 'fixed', value, hidden: hiddenStocks.has(scope) }));
  for (const field of TEAM_FIGURE_COUNTS.filter((f) => f !== 'openCases')) {
    for (const row of byCode) cells.set(`${row.teamCode}|${field}`, model.add(`${row.teamCode}|${field}`, { kind: row.active ? 'count' : 'virtual', value: row[field] }));
    cells.set(`${ORG}|${field}`, model.add(`${ORG}|${field}`, { kind: 'virtual', value: byCode.reduce((sum, row) => sum + row[field], 0) }));
  }
  for (const field of TEAM_FIGURE_COUNTS) model.sum(cells.get(`${ORG}|${field}`)!, byCode.map((row) => cells.get(`${row.teamCode}|${field}`)!));
  const marks = suppressFamily(model, settings.minCount);

  const shown = rows.filter((row) => row.active);
  const reasons = new Map<string, SuppressionReason>();
  shown.forEach((row, index) => {
    if (hiddenStocks.has(row.teamCode)) reasons.set(pointer('teams', index, 'openCases'), isSmallCount(row.openCases, settings.minCount) ? 'small' : 'secondary');
    for (const field of TEAM_FIGURE_COUNTS) {
      const mark = marks.get(cells.get(`${row.teamCode}|${field}`)!);
      if (mark) reasons.set(pointer('teams', index, field), mark);
    }
    if (tooFewObservations(row.meanObservations, settings.minObservations)) reasons.set(pointer('teams', index, 'meanDaysToFirstMeeting'), 'few_observations');
  });
  const figures: TeamFigures = { teams: shown.map(({ teamCode: _code, active: _active, meanObservations: _n, ...figures }) => figures) };
  return publishWithMarks<TeamFigures, PublishedTeamFigures>(figures, reasons, settings);
}
