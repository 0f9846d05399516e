// Jaarverslag: the annual or quarterly report for the municipality, for the organisation or one
// team; every table of shared/spec/reports.md, charts where a picture says more, CSV and Excel.
import { lazy, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { SelectField, type Option } from '../../app/fields';
import { formatDateTime } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { useReference } from '../../app/reference';
import { buildReportTables, NO_LABELS, periodLabel, reportFileName, teamName, type AnnualReportTables, type ReportLabels } from '../../../server/modules/reports/report-tables';
import { annualCsvUrl, useAnnualReport, type AnnualReport, type ReportParams } from './api';
import { ReportTable } from './ReportTable';
import { SuppressionNote } from './SuppressionNote';
import { ChartSlot, ReportContents, ReportSection } from './ReportSections';
import './reports.css';

// ECharts is large: the charts load only when the report is shown.
const charts = () => import('./ReportCharts');
const CasesChart = lazy(() => charts().then((m) => ({ default: m.CasesChart })));
const WaitingChart = lazy(() => charts().then((m) => ({ default: m.WaitingChart })));
const TotalsBarChart = lazy(() => charts().then((m) => ({ default: m.TotalsBarChart })));
const MarksChart = lazy(() => charts().then((m) => ({ default: m.MarksChart })));

const FIRST_YEAR = 2010;

function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
}

/** The report asked for in the address (`?jaar=2016&kwartaal=2&team=west`), with defaults. */
function useReportParams(): [ReportParams, (next: ReportParams) => void] {
  const [search, setSearch] = useSearchParams();
  const thisYear = currentYear();
  const year = Number(search.get('jaar'));
  const quarter = Number(search.get('kwartaal'));
  const params: ReportParams = {
    year: Number.isInteger(year) && year >= FIRST_YEAR && year <= thisYear ? year : thisYear,
    quarter: [1, 2, 3, 4].includes(quarter) ? quarter : undefined,
    team: search.get('team') || undefined,
  };
  const set = (next: ReportParams) => {
    const entries: Record<string, string> = { jaar: String(next.year) };
    if (next.quarter) entries.kwartaal = String(next.quarter);
    if (next.team) entries.team = next.team;
    setSearch(entries, { replace: true });
  };
  return [params, set];
}

export function AnnualReportPage() {
  const [params, setParams] = useReportParams();
  const reference = useReference();
  const report = useAnnualReport(params);
  const thisYear = currentYear();
  const years: Option[] = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }));
  const quarters: Option[] = [{ value: '', label: 'Heel jaar' }, ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: `t/m kwartaal ${q}` }))];
  const teams: Option[] = [{ value: '', label: 'Hele organisatie' }, ...(reference.data?.teams ?? []).map((t) => ({ value: t.code, label: t.name }))];

  return (
    <>
      <PageTitle title="Jaarverslag" />
      <Paragraph>
        De cijfers voor de verantwoording aan de gemeente, per jaar of per kwartaal, voor de hele organisatie of één team. Er staan geen cliëntgegevens in dit overzicht.
      </Paragraph>
      <form aria-label="Welk verslag" className="kt-row kt-report-controls" onSubmit={(e) => e.preventDefault()}>
        <SelectField id="verslag-jaar" label="Jaar" value={String(params.year)} options={years} placeholder={null} onChange={(v) => setParams({ ...params, year: Number(v) })} />
        <SelectField id="verslag-periode" label="Periode" value={params.quarter ? String(params.quarter) : ''} options={quarters} placeholder={null} onChange={(v) => setParams({ ...params, quarter: v ? Number(v) : undefined })} />
        <SelectField id="verslag-team" label="Team" value={params.team ?? ''} options={teams} placeholder={null} onChange={(v) => setParams({ ...params, team: v || undefined })} />
      </form>
      <p className="kt-visually-hidden" role="status">
        {report.data ? `${params.quarter ? 'Kwartaalrapportage' : 'Jaarverslag'} ${periodLabel(params.year, params.quarter)} geladen.` : ''}
      </p>
      <QueryStatus query={report} what="het verslag">
        {(r) => <ReportView report={r} labels={reference.data ?? NO_LABELS} organisation={reference.data?.organisation.name ?? ''} params={params} />}
      </QueryStatus>
    </>
  );
}

const SECTIONS: [string, string][] = [
  ['instroom', 'Instroom, lopend en uitstroom'],
  ['teams', 'Per team'],
  ['wachttijd', 'Wachttijd tot kennismaking'],
  ['melders', 'Aanmeldingen per melder'],
  ['afsluiting', 'Afsluiting'],
  ['voorzieningen', 'Voorzieningen'],
  ['tevredenheid', 'Tevredenheid'],
  ['zrm', 'ZRM-metingen'],
];

function ReportView({ report, labels, organisation, params }: { report: AnnualReport; labels: ReportLabels; organisation: string; params: ReportParams }) {
  const { quarter, team } = params;
  const model = useMemo(() => buildReportTables(report, labels, { quarter, team }), [report, labels, quarter, team]);
  const tables = model.tables;
  const months = 3 * (params.quarter ?? 4);
  const periodText = periodLabel(params.year, params.quarter);
  const kind = params.quarter ? 'Kwartaalrapportage' : 'Jaarverslag';

  return (
    <>
      <p className="utrecht-paragraph kt-lead">
        {kind} {periodText} · {params.team ? teamName(labels, params.team) : 'Hele organisatie'}
      </p>
      {report.suppression && <SuppressionNote suppression={report.suppression} />}
      <Downloads params={params} organisation={organisation} model={model} />
      <ReportContents label="Inhoud van het verslag" sections={SECTIONS} />

      <ReportSection id="instroom" title="Instroom, lopend en uitstroom">
        <ChartSlot>
          <CasesChart table={tables.cases} months={months} period={periodText} />
        </ChartSlot>
        <ReportTable table={tables.cases} />
      </ReportSection>

      <ReportSection id="teams" title="Per team">
        <ReportTable table={tables.teams} />
        <Heading3 className="kt-subheading">Per maand en kwartaal</Heading3>
        <ReportTable table={tables.casesPerTeam} />
        <Heading3 className="kt-subheading">Unieke cliënten</Heading3>
        <ReportTable table={tables.uniqueClients} />
      </ReportSection>

      <ReportSection id="wachttijd" title="Wachttijd tot kennismaking">
        <Paragraph>Gemiddeld aantal kalenderdagen van aanmelding tot kennismakingsgesprek, over de casussen die in de periode zijn aangemeld en een kennismaking hadden.</Paragraph>
        <ChartSlot>
          <WaitingChart table={tables.waitingByLocation} months={months} period={periodText} yearMean={report.days_to_first_meeting.year} />
        </ChartSlot>
        <ReportTable table={tables.waitingByLocation} />
        <ReportTable table={tables.waitingTotal} />
      </ReportSection>

      <ReportSection id="melders" title="Aanmeldingen per melder">
        <ChartSlot>
          <TotalsBarChart table={tables.referrers} what="aanmeldingen per melder" period={periodText} unit="aanmeldingen" />
        </ChartSlot>
        <ReportTable table={tables.referrers} />
      </ReportSection>

      <ReportSection id="afsluiting" title="Afsluiting">
        <Heading3 className="kt-subheading">Redenen van afsluiten</Heading3>
        <ChartSlot>
          <TotalsBarChart table={tables.closeReasons} what="afgesloten casussen per reden van afsluiten" period={periodText} unit="afgesloten casussen" />
        </ChartSlot>
        <ReportTable table={tables.closeReasons} />
        <Heading3 className="kt-subheading">Wat draagt de cliënt verder</Heading3>
        <ReportTable table={tables.outcomes} />
      </ReportSection>

      <ReportSection id="voorzieningen" title="Voorzieningen">
        <Heading3 className="kt-subheading">Nieuwe voorzieningen per aanbieder</Heading3>
        <ReportTable table={tables.providers} />
        <Heading3 className="kt-subheading">Nieuwe voorzieningen per product</Heading3>
        <ReportTable table={tables.products} />
        <Heading3 className="kt-subheading">Verlengingen en cliënten</Heading3>
        <ReportTable table={tables.extensions} />
        <ReportTable table={tables.clientsWithProvision} />
      </ReportSection>

      <ReportSection id="tevredenheid" title="Tevredenheid">
        <ChartSlot>
          <MarksChart table={tables.marks} period={periodText} mean={report.satisfaction.mean} />
        </ChartSlot>
        <ReportTable table={tables.marks} />
        <ReportTable table={tables.satisfaction} />
      </ReportSection>

      <ReportSection id="zrm" title="ZRM-metingen">
        <ReportTable table={tables.zrm} />
      </ReportSection>
    </>
  );
}

function Downloads({ params, organisation, model }: { params: ReportParams; organisation: string; model: AnnualReportTables }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  const csvName = reportFileName(params, 'csv');
  const xlsxName = reportFileName(params, 'xlsx');

  async function downloadXlsx() {
    setState('busy');
    try {
      const { reportWorkbook, saveBlob } = await import('./xlsx');
      const facts: [string, string][] = [
        ['Organisatie', organisation],
        ['Gemaakt op', formatDateTime(new Date().toISOString())],
      ];
      saveBlob(await reportWorkbook(model, facts), xlsxName);
      setState('done');
    } catch {
      setState('error');
    }
  }

  return (
    <section aria-labelledby="downloads-title" className="kt-section kt-downloads">
      <Heading2 id="downloads-title">Downloaden</Heading2>
      <ButtonGroup>
        <a href={annualCsvUrl(params)} download={csvName} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">
          Downloaden als CSV-bestand
        </a>
        <Button type="button" appearance="secondary-action-button" busy={state === 'busy'} disabled={state === 'busy'} onClick={() => void downloadXlsx()}>
          Downloaden als Excel-bestand
        </Button>
      </ButtonGroup>
      <p className="utrecht-paragraph kt-muted" role="status">
        {state === 'busy' && 'Het Excel-bestand wordt gemaakt…'}
        {state === 'done' && `Het Excel-bestand ${xlsxName} is gemaakt: één tabblad per tabel.`}
        {state === 'error' && 'Het Excel-bestand kon niet worden gemaakt. Probeer het opnieuw.'}
      </p>
    </section>
  );
}
