// The charts of the annual report, each one image with a Dutch summary as its name; the table next
// to it is the text alternative. Series differ by symbol, line style, pattern and labels, never by
// colour alone (app/Chart.tsx). Loaded lazily: ECharts is large.
import { Chart, palette, textColour, type ChartOption } from '../../app/Chart';
import { formatNumber } from '../../app/format';
import { MONTHS, MONTHS_SHORT, type ReportTable as ReportTableModel } from '../../../server/modules/reports/report-tables';

const SYMBOLS = ['circle', 'rect', 'triangle'];
const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;

/** The value in the last column (the year or "t/m" total) of each row that is no total. */
function totalsOf(table: ReportTableModel): { label: string; value: number }[] {
  return table.groups.flatMap((g) => g.rows.filter((r) => !r.total).map((r) => ({ label: r.label, value: r.values[r.values.length - 1] ?? 0 })));
}

/** Line chart of series per month: every series its own symbol, dash and end label. */
function monthLines(rows: { label: string; values: (number | null)[] }[], months: number, extra: Record<string, unknown> = {}): ChartOption {
  const text = textColour();
  return {
    legend: { top: 0, textStyle: { color: text } },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, bottom: 8, top: 48, containLabel: true },
    xAxis: { type: 'category', data: MONTHS_SHORT.slice(0, months), axisLabel: { color: text } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text } },
    series: rows.map((row, i) => ({
      name: row.label,
      type: 'line',
      data: row.values.slice(0, months),
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 9,
      lineStyle: { type: LINE_TYPES[i % LINE_TYPES.length], width: 2.5 },
      connectNulls: false,
      ...(i === 0 ? extra : {}),
    })),
  };
}

function highest(values: (number | null)[]): { month: string; value: number } | null {
  let best: { month: string; value: number } | null = null;
  values.forEach((v, i) => {
    if (v !== null && (best === null || v > best.value)) best = { month: MONTHS[i]!, value: v };
  });
  return best;
}

/**
 * Instroom, lopend en uitstroom per maand, in two panels: running cases are ten times the others,
 * so they get their own scale (a line, top) and started/closed share one (patterned bars, bottom).
 */
export function CasesChart({ table, months, period }: { table: ReportTableModel; months: number; period: string }) {
  const rows = table.groups[0]!.rows;
  const [started, running, closed] = [rows[0]!, rows[1]!, rows[2]!];
  const summary = [started, running, closed]
    .map((row) => {
      const top = highest(row.values.slice(0, months));
      const total = row.values[row.values.length - 1];
      return `${row.label}: ${formatNumber(total)} in ${period}${top ? `, het hoogst in ${top.month} (${formatNumber(top.value)})` : ''}`;
    })
    .join('; ');
  const label = `Grafiek per maand, ${period}, in twee delen: boven een lijn met het aantal lopende casussen, onder staven met instroom en uitstroom. ${summary}. De cijfers per maand staan in de tabel eronder.`;
  const text = textColour();
  const categories = MONTHS_SHORT.slice(0, months);
  const [blue, red, green] = palette();
  const option = {
    color: [red, blue, green],
    legend: { top: 0, textStyle: { color: text } },
    tooltip: { trigger: 'axis' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left: 8, right: 24, top: 56, height: 130, containLabel: true },
      { left: 8, right: 24, top: 250, bottom: 8, containLabel: true },
    ],
    xAxis: [
      { gridIndex: 0, type: 'category', data: categories, axisLabel: { color: text } },
      { gridIndex: 1, type: 'category', data: categories, axisLabel: { color: text } },
    ],
    yAxis: [
      { gridIndex: 0, type: 'value', name: 'Lopend', nameTextStyle: { color: text, align: 'left' }, minInterval: 1, axisLabel: { color: text } },
      { gridIndex: 1, type: 'value', name: 'Instroom en uitstroom', nameTextStyle: { color: text, align: 'left' }, minInterval: 1, axisLabel: { color: text } },
    ],
    series: [
      { name: running.label, type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: running.values.slice(0, months), symbol: 'rect', symbolSize: 9, lineStyle: { width: 2.5 } },
      { name: started.label, type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: started.values.slice(0, months) },
      { name: closed.label, type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: closed.values.slice(0, months) },
    ],
  };
  return <Chart draw={() => option} drawKey={JSON.stringify(option)} patterns label={label} caption="Lopende casussen (boven) en instroom en uitstroom (onder) per maand (de tabel hieronder geeft dezelfde cijfers)." height={500} />;
}

/** Gemiddelde dagen tot kennismaking per locatie per maand, with the norm of 5 days. */
export function WaitingChart({ table, months, period, yearMean }: { table: ReportTableModel; months: number; period: string; yearMean: number | null }) {
  const rows = table.groups[0]!.rows;
  const summary = rows
    .map((row) => {
      const values = row.values.slice(0, months).filter((v): v is number => v !== null);
      if (values.length === 0) return `${row.label}: geen kennismakingen`;
      return `${row.label}: van ${formatNumber(Math.min(...values), 1)} tot ${formatNumber(Math.max(...values), 1)} dagen`;
    })
    .join('; ');
  const label = `Lijndiagram van het gemiddeld aantal dagen van aanmelding tot kennismaking per locatie per maand, ${period}, met de norm van 5 dagen als horizontale lijn. Gemiddeld over alle locaties: ${yearMean === null ? 'geen gegevens' : `${formatNumber(yearMean, 1)} dagen`}. ${summary}. De cijfers staan in de tabel eronder.`;
  const norm = { markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: textColour() }, label: { formatter: 'norm 5 dagen', position: 'insideStartTop', color: textColour() }, data: [{ yAxis: 5 }] } };
  const option = monthLines(rows, months, norm);
  return <Chart draw={() => option} drawKey={JSON.stringify(option)} patterns label={label} caption="Gemiddeld aantal dagen tot kennismaking per locatie en maand van aanmelding; de stippellijn is de norm van 5 dagen (de tabel hieronder geeft dezelfde cijfers)." />;
}

/** A horizontal bar per row (the period total), largest first, zero rows left out, values at the bars. */
export function TotalsBarChart({ table, what, period, unit }: { table: ReportTableModel; what: string; period: string; unit: string }) {
  const items = totalsOf(table)
    .filter((item) => item.value > 0)
    .sort((a, b) => b.value - a.value);
  const text = textColour();
  const label =
    items.length === 0
      ? `Staafdiagram van ${what}, ${period}: er zijn geen ${unit} in deze periode.`
      : `Staafdiagram van ${what}, ${period}, van groot naar klein: ${items.map((i) => `${i.label} ${formatNumber(i.value)}`).join('; ')}. Dezelfde cijfers staan in de tabel eronder.`;
  const reversed = [...items].reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, bottom: 8, top: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: text } },
    yAxis: { type: 'category', data: reversed.map((i) => i.label), axisLabel: { color: text, width: 260, overflow: 'truncate' } },
    series: [{ name: unit, type: 'bar', data: reversed.map((i) => i.value), label: { show: true, position: 'right', color: text } }],
  };
  return <Chart draw={() => option} drawKey={JSON.stringify(option)} patterns label={label} caption={`${what[0]!.toUpperCase()}${what.slice(1)}, ${period} (de tabel hieronder geeft dezelfde cijfers, ook per kwartaal).`} height={Math.max(160, 40 + items.length * 30)} />;
}

/** Verdeling van de rapportcijfers 1..10. */
export function MarksChart({ table, period, mean }: { table: ReportTableModel; period: string; mean: number | null }) {
  const rows = table.groups[0]!.rows;
  const text = textColour();
  const total = rows.reduce((sum, r) => sum + (r.values[0] ?? 0), 0);
  const label =
    total === 0
      ? `Staafdiagram van de rapportcijfers, ${period}: er zijn geen rapportcijfers gegeven.`
      : `Staafdiagram van de verdeling van ${formatNumber(total)} rapportcijfers, ${period}, gemiddeld ${formatNumber(mean, 1)}: ${rows.map((r) => `cijfer ${r.label}: ${formatNumber(r.values[0])}`).join(', ')}. Dezelfde cijfers staan in de tabel eronder.`;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, bottom: 32, top: 24, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), name: 'Rapportcijfer', nameLocation: 'middle', nameGap: 28, axisLabel: { color: text }, nameTextStyle: { color: text } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text } },
    series: [{ name: 'Aantal', type: 'bar', data: rows.map((r) => r.values[0] ?? 0), label: { show: true, position: 'top', color: text } }],
  };
  return <Chart draw={() => option} drawKey={JSON.stringify(option)} patterns label={label} caption="Aantal cliënten per rapportcijfer bij afsluiten (de tabel hieronder geeft dezelfde cijfers)." height={300} />;
}

/**
 * Uitstroom: the median days from registration to the first beschikking and to the real start, per
 * month (a gap where a month had none, or too few to show). `decision` and `start` are the tables of
 * flow-tables.ts; their row "Mediaan dagen vanaf aanmelding" is drawn.
 */
export function RoadChart({ decision, start, year }: { decision: ReportTableModel; start: ReportTableModel; year: number }) {
  const medianRow = (table: ReportTableModel) => table.groups[0]!.rows.find((r) => r.label === 'Mediaan dagen vanaf aanmelding')!;
  const rows = [
    { label: 'Tot de beschikking', values: medianRow(decision).values.slice(0, 12) },
    { label: 'Tot de start', values: medianRow(start).values.slice(0, 12) },
  ];
  const describe = (row: { label: string; values: (number | null)[] }) => {
    const values = row.values.filter((v): v is number => v !== null);
    if (values.length === 0) return `${row.label.toLowerCase()}: geen maand met genoeg gegevens`;
    return `${row.label.toLowerCase()}: van ${formatNumber(Math.min(...values), 1)} tot ${formatNumber(Math.max(...values), 1)} dagen`;
  };
  const label = `Lijndiagram van de mediaan van het aantal dagen vanaf de aanmelding per maand in ${year}, ${rows.map(describe).join('; ')}. De cijfers staan in de tabellen eronder.`;
  const option = monthLines(rows, 12);
  return (
    <Chart
      draw={() => option}
      drawKey={JSON.stringify(option)}
      label={label}
      caption="Mediaan aantal dagen van aanmelding tot beschikking (rondjes, doorgetrokken) en tot de start van de voorziening (vierkantjes, gestreept), per maand. Een gat: geen of te weinig cliënten in die maand. De tabellen hieronder geven dezelfde cijfers."
    />
  );
}
