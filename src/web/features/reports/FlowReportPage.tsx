// Uitstroom: the road to specialist care, per team and month. Who the team did not help and where
// they went, how long it took to the beschikking and to the real start, who waits for a start, the
// share moved on to maatwerk, and the cases running longer than the werkkader's three months
// (GET /api/v1/reports/flow; the tables of flow-tables.ts, the same as in the CSV).
import { lazy, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { SelectField, type Option } from '../../app/fields';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { useReference } from '../../app/reference';
import { RouterLink } from '../../app/links';
import { useAuth } from '../../app/auth';
import { NO_LABELS, teamName, type ReportLabels } from '../../../server/modules/reports/report-tables';
import { buildFlowTables, flowFileName } from '../../../server/modules/reports/flow-tables';
import { dutchDate } from '../../../server/lib/dutch-dates';
import type { PublishedFlowReport } from '../../../server/modules/reports/flow-report.schemas';
import { flowCsvUrl, useFlowReport } from './api';
import { ReportTable } from './ReportTable';
import { SuppressionNote } from './SuppressionNote';
import { ChartSlot, ReportContents, ReportSection } from './ReportSections';
import './reports.css';

// ECharts is large: the chart loads only when the report is shown.
const RoadChart = lazy(() => import('./ReportCharts').then((m) => ({ default: m.RoadChart })));

const FIRST_YEAR = 2010;

function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
}

interface FlowParams {
  year: number;
  team?: string;
}

/** The report asked for in the address (`?jaar=2025&team=west`), with defaults. */
function useFlowParams(): [FlowParams, (next: FlowParams) => void] {
  const [search, setSearch] = useSearchParams();
  const thisYear = currentYear();
  const year = Number(search.get('jaar'));
  const params: FlowParams = { year: Number.isInteger(year) && year >= FIRST_YEAR && year <= thisYear ? year : thisYear, team: search.get('team') || undefined };
  const set = (next: FlowParams) => setSearch(next.team ? { jaar: String(next.year), team: next.team } : { jaar: String(next.year) }, { replace: true });
  return [params, set];
}

export function FlowReportPage() {
  const [params, setParams] = useFlowParams();
  const reference = useReference();
  const report = useFlowReport(params.year, params.team);
  const thisYear = currentYear();
  const years: Option[] = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }));
  const teams: Option[] = [{ value: '', label: 'Hele organisatie' }, ...(reference.data?.teams ?? []).map((t) => ({ value: t.code, label: t.name }))];

  return (
    <>
      <PageTitle title="Uitstroom" />
      <Paragraph>
        De weg naar specialistische zorg: wie het team niet zelf hielp en waar die naartoe ging, hoe lang het duurde tot de beschikking en tot de start van de zorg, wie nog wacht, hoeveel
        cliënten naar maatwerk gingen, en welke casussen langer dan drie maanden lopen. Per maand, voor de hele organisatie of één team. Er staan geen cliëntgegevens in dit overzicht.
      </Paragraph>
      <form aria-label="Welk overzicht" className="kt-row kt-report-controls" onSubmit={(e) => e.preventDefault()}>
        <SelectField id="uitstroom-jaar" label="Jaar" value={String(params.year)} options={years} placeholder={null} onChange={(v) => setParams({ ...params, year: Number(v) })} />
        <SelectField id="uitstroom-team" label="Team" value={params.team ?? ''} options={teams} placeholder={null} onChange={(v) => setParams({ ...params, team: v || undefined })} />
      </form>
      <p className="kt-visually-hidden" role="status">
        {report.data ? `Uitstroom ${params.year} geladen.` : ''}
      </p>
      <QueryStatus query={report} what="het overzicht">
        {(r) => <FlowView report={r} labels={reference.data ?? NO_LABELS} />}
      </QueryStatus>
    </>
  );
}

function FlowView({ report, labels }: { report: PublishedFlowReport; labels: ReportLabels }) {
  const { can } = useAuth();
  const model = useMemo(() => buildFlowTables(report, labels), [report, labels]);
  const tables = model.byId;
  const team = report.team ?? undefined;
  const sections: [string, string][] = [
    ...(tables.perTeam ? [['per-team', 'Per team'] as [string, string]] : []),
    ['triage', 'Niet zelf geholpen'],
    ['doorlooptijd', 'Tijd tot beschikking en start'],
    ['wachten', 'Wachten op de start'],
    ['maatwerk', 'Naar maatwerk'],
    ['drie-maanden', 'Langer dan drie maanden'],
  ];
  const running = report.asOf < `${report.year}-12-31`;

  return (
    <>
      <p className="utrecht-paragraph kt-lead">
        Uitstroom {report.year} · {team ? teamName(labels, team) : 'Hele organisatie'}
        {running ? ` · tot en met ${dutchDate(report.asOf)}` : ''}
      </p>
      {report.suppression && <SuppressionNote suppression={report.suppression} />}
      <section aria-labelledby="uitstroom-downloads-title" className="kt-section kt-downloads">
        <Heading2 id="uitstroom-downloads-title">Downloaden</Heading2>
        <ButtonGroup>
          <a href={flowCsvUrl(report.year, team)} download={flowFileName({ year: report.year, team }, 'csv')} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">
            Downloaden als CSV-bestand
          </a>
        </ButtonGroup>
      </section>
      <ReportContents label="Inhoud van het overzicht" sections={sections} />

      {tables.perTeam && (
        <ReportSection id="per-team" title="Per team">
          <Paragraph>Het jaar per team naast elkaar. Kies een team hierboven voor de cijfers per maand.</Paragraph>
          <ReportTable table={tables.perTeam} />
        </ReportSection>
      )}

      <ReportSection id="triage" title="Niet zelf geholpen">
        <Paragraph>Aanmeldingen waarvoor het team na de triage geen casus opende, en waar de bewoner naartoe ging.</Paragraph>
        <ReportTable table={tables.triage} />
      </ReportSection>

      <ReportSection id="doorlooptijd" title="Tijd tot beschikking en start">
        <Paragraph>
          Hoeveel dagen het duurde van de aanmelding (en van de kennismaking) tot het eerste besluit over maatwerk, en tot de aanbieder echt begon. Per cliënt per casus telt alleen de eerste
          keer.
        </Paragraph>
        <ChartSlot>
          <RoadChart decision={tables.toDecision} start={tables.toStart} year={report.year} />
        </ChartSlot>
        <ReportTable table={tables.toDecision} />
        <ReportTable table={tables.toStart} />
      </ReportSection>

      <ReportSection id="wachten" title="Wachten op de start">
        <ReportTable table={tables.waitingForStart} />
      </ReportSection>

      <ReportSection id="maatwerk" title="Naar maatwerk">
        <ReportTable table={tables.toMaatwerk} />
      </ReportSection>

      <ReportSection id="drie-maanden" title="Langer dan drie maanden">
        <ReportTable table={tables.overThreeMonths} />
        {can('team:overview') && (
          <Paragraph>
            Welke casussen het zijn, en welke toewijzingen niet op tijd starten, staat op de pagina <RouterLink to="/team">Team</RouterLink>.
          </Paragraph>
        )}
      </ReportSection>
    </>
  );
}
