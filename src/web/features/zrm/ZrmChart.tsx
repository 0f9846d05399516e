// The ZRM line chart: one line per domain (own symbol and colour), the goal as a dashed line in the
// same colour. One image with the Dutch summary as its name; the table beside it has the numbers.
import { Chart, cssVar, textColour } from '../../app/Chart';
import { ZRM_LEVELS } from './zrm-labels';

export interface ZrmChartSeries {
  code: string;
  name: string;
  values: (number | null)[];
  goal: number | null;
}

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];
// 8 colours against 7 symbols: no two of the first 56 domains look the same.
const FALLBACK_COLOURS = ['#24578f', '#cc0000', '#3d5c1f', '#7a3e9d', '#8a5a00', '#006d77', '#444444', '#b3006b'];

export function ZrmChart({ label, caption, dates, series }: { label: string; caption: string; dates: string[]; series: ZrmChartSeries[] }) {
  const draw = (element: HTMLDivElement) => {
    const text = textColour();
    const colours = [cssVar('--utrecht-color-blue-35', FALLBACK_COLOURS[0]!), cssVar('--utrecht-color-red-40', FALLBACK_COLOURS[1]!), cssVar('--utrecht-color-green-30', FALLBACK_COLOURS[2]!), ...FALLBACK_COLOURS.slice(3)];
    // The legend wraps on narrow screens: leave it room above the plot, and keep the plot's height.
    const perRow = Math.max(1, Math.floor(element.clientWidth / 150));
    const legendHeight = 22 * Math.ceil(series.length / perRow);
    element.style.blockSize = `${320 + legendHeight}px`;
    return {
      // The goals share their domain's colour; the legend names the domains only.
      legend: { top: 0, data: series.map((s) => s.name), textStyle: { color: text } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, bottom: 8, top: 16 + legendHeight, containLabel: true },
      xAxis: { type: 'category', data: dates, axisLabel: { color: text, interval: 0, rotate: dates.length > 3 || perRow < 3 ? 30 : 0 } },
      yAxis: { type: 'value', min: 1, max: 5, interval: 1, axisLabel: { color: text, formatter: (v: number) => (perRow < 3 ? String(v) : `${v} ${ZRM_LEVELS[v] ?? ''}`) } },
      series: series.flatMap((s, i) => {
        const colour = colours[i % colours.length];
        const lines: Record<string, unknown>[] = [
          { name: s.name, type: 'line', data: s.values, connectNulls: true, symbol: SYMBOLS[i % SYMBOLS.length], symbolSize: 10, lineStyle: { width: 2.5, color: colour }, itemStyle: { color: colour } },
        ];
        if (s.goal !== null) {
          lines.push({ name: `Doel ${s.name}`, type: 'line', data: dates.map(() => s.goal), symbol: 'none', lineStyle: { type: 'dashed', width: 2, color: colour }, itemStyle: { color: colour } });
        }
        return lines;
      }),
    };
  };
  return <Chart label={label} caption={caption} draw={draw} drawKey={JSON.stringify({ dates, series })} />;
}
