// The one way the web app draws a chart (ECharts, SVG): one image with a Dutch summary as its name,
// the table next to it being the text alternative; the NL Design System's text colour and font; no
// animation; series told apart by symbol, dash or pattern (decal), never by colour alone. Import it
// only from lazily loaded modules: ECharts is large and must stay out of the first load.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

/** The text colour of the page, for axes and labels. */
export function textColour(): string {
  return cssVar('--utrecht-document-color', '#000');
}

/** The series colours: the NL Design System's blue, red and green. */
export function palette(): string[] {
  return [cssVar('--utrecht-color-blue-35', '#24578f'), cssVar('--utrecht-color-red-40', '#cc0000'), cssVar('--utrecht-color-green-30', '#3d5c1f')];
}

interface ChartProps {
  /** The image's name: a summary of what the chart shows, in Dutch. */
  label: string;
  caption: string;
  /** The chart's option; it may size the element first (a legend that wraps on a narrow screen). */
  draw: (element: HTMLDivElement) => ChartOption;
  /** What the chart is drawn from: it is drawn again only when this changes. */
  drawKey: string;
  /** Patterns on bars and areas (decal), for charts whose series are bars. */
  patterns?: boolean;
  height?: number;
}

export function Chart({ label, caption, draw, drawKey, patterns = false, height }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  useEffect(() => {
    if (!ref.current) return;
    const option = drawRef.current(ref.current);
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true, label: { description: label }, ...(patterns ? { decal: { show: true } } : {}) },
      animation: false,
      textStyle: { fontFamily: cssVar('--utrecht-document-font-family', 'sans-serif'), color: textColour() },
      color: palette(),
      ...option,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [drawKey, label, patterns]);
  return (
    <figure className="kt-chart-figure">
      <div ref={ref} role="img" aria-label={label} className="kt-chart" style={height ? { blockSize: `${height}px` } : undefined} />
      <figcaption className="utrecht-paragraph">{caption}</figcaption>
    </figure>
  );
}
