// Scores over time per domain against the goal (doel): a chart (ECharts, loaded on first use) with
// a Dutch summary as its name, and a table with the same scores as text alternative.
import { lazy, Suspense } from 'react';
import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { formatDate } from '../../app/format';
import { Loading } from '../../app/QueryStatus';
import type { Option } from '../../app/fields';
import { ScrollTable } from '../../app/ScrollTable';
import type { ZrmAssessment } from './api';
import type { ZrmChartSeries } from './ZrmChart';
import { TYPE_LABELS, ZRM_LEVELS } from './zrm-labels';

const ZrmChart = lazy(() => import('./ZrmChart').then((m) => ({ default: m.ZrmChart })));

const TYPE_ORDER: Record<string, number> = { nul: 0, onbekend: 1, periodiek: 2, eind: 3, doel: 4 };

export interface ZrmProgressModel {
  measurements: ZrmAssessment[];
  series: ZrmChartSeries[];
}

/** Measurements in date order; per scored domain its scores and the latest goal. */
export function progressModel(assessments: ZrmAssessment[], domains: Option[]): ZrmProgressModel {
  const measurements = assessments.filter((a) => a.type !== 'doel').sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || (TYPE_ORDER[a.type] ?? 9) - (TYPE_ORDER[b.type] ?? 9));
  const goals = assessments.filter((a) => a.type === 'doel').sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const codes = [...domains.map((d) => d.value), ...new Set(assessments.flatMap((a) => Object.keys(a.scores)))].filter((code, i, all) => all.indexOf(code) === i);
  const series: ZrmChartSeries[] = [];
  for (const code of codes) {
    const values = measurements.map((m) => m.scores[code] ?? null);
    let goal: number | null = null;
    for (const g of goals) if (g.scores[code] !== undefined) goal = g.scores[code];
    if (values.every((v) => v === null) && goal === null) continue;
    series.push({ code, name: domains.find((d) => d.value === code)?.label ?? code, values, goal });
  }
  return { measurements, series };
}

function summary(name: string, model: ZrmProgressModel): string {
  const parts = model.series.map((s) => {
    const scores = s.values
      .map((v, i) => (v === null ? null : `${v} op ${formatDate(model.measurements[i].assessedOn)}`))
      .filter(Boolean)
      .join(', ');
    return `${s.name}: ${scores || 'nog geen score'}${s.goal !== null ? `; doel ${s.goal}` : ''}`;
  });
  return `Lijndiagram van de ZRM-scores van ${name} per leefgebied over de tijd (1 is acute problematiek, 5 volledig zelfredzaam), met het doel als stippellijn. ${parts.join('. ')}. De tabel geeft dezelfde scores.`;
}

export function ZrmProgress({ name, assessments, domains }: { name: string; assessments: ZrmAssessment[]; domains: Option[] }) {
  const model = progressModel(assessments, domains);
  if (model.series.length === 0) return null;
  const label = summary(name, model);
  return (
    <div className="kt-zrm-progress">
      <Suspense fallback={<Loading what="de grafiek" />}>
        <ZrmChart label={label} caption={`ZRM-scores van ${name} over de tijd; de stippellijn is het doel.`} dates={model.measurements.map((m) => `${formatDate(m.assessedOn)} (${TYPE_LABELS[m.type]})`)} series={model.series} />
      </Suspense>
      <ScrollTable caption={`ZRM-scores van ${name} per leefgebied`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Leefgebied</TableHeaderCell>
            {model.measurements.map((m) => (
              <TableHeaderCell key={m.id} scope="col">
                {formatDate(m.assessedOn)} <span className="kt-muted">({TYPE_LABELS[m.type]})</span>
              </TableHeaderCell>
            ))}
            <TableHeaderCell scope="col">Doel</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {model.series.map((s) => (
            <TableRow key={s.code}>
              <TableHeaderCell scope="row">{s.name}</TableHeaderCell>
              {s.values.map((v, i) => (
                <TableCell key={model.measurements[i].id}>{v === null ? '–' : `${v} ${ZRM_LEVELS[v] ? `(${ZRM_LEVELS[v]})` : ''}`}</TableCell>
              ))}
              <TableCell>{s.goal === null ? '–' : `${s.goal} (${ZRM_LEVELS[s.goal] ?? ''})`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </div>
  );
}
