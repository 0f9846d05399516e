// How a figure of the Cijfers page reads: its marker when suppressed (the analyst's "<5" or "x"),
// else the number in Dutch notation ("–" for none). Shared by the table and the chart's summary.
import { pointer, suppressionMarker } from '../../../server/modules/reports/small-numbers';
import { formatNumber } from '../../app/format';
import type { TeamFigures } from './api';

type FigureField = Exclude<keyof TeamFigures['teams'][number], 'teamId' | 'teamName'>;

export function figureText(figures: TeamFigures, index: number, field: FigureField, decimals = 0): string {
  const reason = figures.suppression?.cells[pointer('teams', index, field)];
  if (reason && figures.suppression) return suppressionMarker(reason, figures.suppression);
  return formatNumber(figures.teams[index]![field], decimals);
}
