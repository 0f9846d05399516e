// One bar chart: open cases and cases over the norm per team. The table next to it is the text
// alternative; the chart itself is one image with a summary as its name. A suppressed figure (the
// analyst's) has no bar, and the summary gives its marker.
import { Chart, textColour } from '../../app/Chart';
import type { TeamFigures } from './api';
import { figureText } from './figure-text';
import { WAITS_OVER_NORM } from '../../app/WaitingDays';

export function FiguresChart({ figures: all }: { figures: TeamFigures }) {
  const figures = all.teams;
  const label = `Staafdiagram van open casussen en casussen boven de norm per team. ${figures
    .map((t, i) => `${t.teamName}: ${figureText(all, i, 'openCases')} open, ${figureText(all, i, 'overNorm')} boven de norm`)
    .join('; ')}. Dezelfde cijfers staan in de tabel.`;
  const draw = () => {
    const text = textColour();
    return {
      legend: { top: 0, textStyle: { color: text } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: figures.map((t) => t.teamName), axisLabel: { rotate: figures.length > 6 ? 40 : 0, color: text, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text } },
      series: [
        { name: 'Open casussen', type: 'bar', data: figures.map((t) => t.openCases) },
        { name: WAITS_OVER_NORM, type: 'bar', data: figures.map((t) => t.overNorm) },
      ],
    };
  };
  // The decal patterns tell the two series apart without colour.
  return (
    <Chart
      label={label}
      caption="Open casussen en casussen boven de norm per team (de tabel hieronder geeft dezelfde cijfers)."
      draw={draw}
      drawKey={JSON.stringify(figures)}
      patterns
    />
  );
}
