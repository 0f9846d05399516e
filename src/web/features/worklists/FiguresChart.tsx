// One bar chart: open cases and cases over the norm per team. The table next to it is the text
// alternative; the chart itself is one image with a summary as its name. A suppressed figure (the
// analyst's) has no bar, and the summary gives its marker.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { TeamFigures } from './api';
import { figureText } from './figure-text';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

export function FiguresChart({ figures: all }: { figures: TeamFigures }) {
  const ref = useRef<HTMLDivElement>(null);
  const figures = all.teams;
  const label = `Staafdiagram van open casussen en casussen boven de norm per team. ${figures
    .map((t, i) => `${t.teamName}: ${figureText(all, i, 'openCases')} open, ${figureText(all, i, 'overNorm')} boven de norm`)
    .join('; ')}. Dezelfde cijfers staan in de tabel.`;

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const text = cssVar('--utrecht-document-color', '#000');
    chart.setOption({
      // The decal patterns tell the two series apart without colour; the label is our Dutch summary.
      aria: { enabled: true, label: { description: label }, decal: { show: true } },
      animation: false,
      textStyle: { fontFamily: cssVar('--utrecht-document-font-family', 'sans-serif'), color: text },
      color: [cssVar('--utrecht-color-blue-35', '#24578f'), cssVar('--utrecht-color-red-40', '#cc0000')],
      legend: { top: 0, textStyle: { color: text } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: figures.map((t) => t.teamName), axisLabel: { rotate: figures.length > 6 ? 40 : 0, color: text, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text } },
      series: [
        { name: 'Open casussen', type: 'bar', data: figures.map((t) => t.openCases) },
        { name: 'Boven de norm', type: 'bar', data: figures.map((t) => t.overNorm) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [figures, label]);

  return (
    <figure className="kt-chart-figure">
      <div ref={ref} role="img" aria-label={label} className="kt-chart" />
      <figcaption className="utrecht-paragraph">Open casussen en casussen boven de norm per team (de tabel hieronder geeft dezelfde cijfers).</figcaption>
    </figure>
  );
}
