// The tables of the report "Uitstroom", defined once: titles, Dutch row and column headings, which
// figure of the report each cell shows, and the marker of a suppressed figure. The CSV (report-csv.ts)
// and the page of the web app write these tables, in the table model of report-tables.ts.
// Pure: no I/O; the web app imports it.
import { FLOW_STARTS, FLOW_TRIAGE_OUTCOMES, LONG_RUNNING_MONTHS, type FlowRoad, type FlowTriageOutcome } from './flow-rules';
import type { PublishedFlowReport } from './flow-report.schemas';
import { dutchDate } from '../../lib/dutch-dates';
import { MONTHS, MONTHS_SHORT, sumRows, teamName, type ReportColumn, type ReportLabels, type ReportRow, type ReportTable } from './report-tables';
import { pointer, suppressionExplanation, suppressionMarker } from './small-numbers';

/** Where someone the team did not help itself went (triage), in short Dutch. */
export const FLOW_TRIAGE_LABELS: Record<FlowTriageOutcome, string> = {
  other_team: 'Naar een ander buurtteam',
  jeugd_gezin: 'Naar Buurtteam Jeugd & Gezin',
  social_base: 'Naar vrijwilligers of de sociale basis',
  specialist: 'Naar specialistische hulp',
  out_of_scope: 'Buiten de taak van het buurtteam',
};

export interface FlowReportTables {
  /** "Uitstroom 2026", "Uitstroom 2026 (team West)". */
  title: string;
  /** What "<5" and "x" mean, when small numbers were suppressed; null for an exact report. */
  suppression: string | null;
  /** In the order of the page and the file. */
  tables: ReportTable[];
  /** The tables by role, for the page. */
  byId: {
    triage: ReportTable;
    toDecision: ReportTable;
    toStart: ReportTable;
    waitingForStart: ReportTable;
    toMaatwerk: ReportTable;
    overThreeMonths: ReportTable;
    /** The organisation's report only: the year per team. */
    perTeam: ReportTable | null;
  };
}

/** The file name of a download: `uitstroom-2026.csv`, `uitstroom-2026-west.csv`. */
export function flowFileName(options: { year: number; team?: string }, extension: string): string {
  return `${['uitstroom', String(options.year), options.team].filter(Boolean).join('-')}.${extension}`;
}

/** The month (0..11) whose stock the summaries show: the month of asOf in its year, December before. */
export function lastMonthShown(report: { year: number; asOf: string }): number | null {
  if (report.asOf < `${report.year}-01-01`) return null;
  return Number(report.asOf.slice(5, 7)) - 1;
}

type Path = (string | number)[];

export function buildFlowTables(report: PublishedFlowReport, labels: ReportLabels): FlowReportTables {
  const suppression = report.suppression;
  const marker = (at: string): string | null => {
    const reason = suppression?.cells[at];
    return reason && suppression ? suppressionMarker(reason, suppression) : null;
  };
  const row = (label: string, values: (number | null)[], at: string[], extra: Partial<ReportRow> = {}): ReportRow => ({ label, values, marks: at.map(marker), ...extra });

  const monthColumns: ReportColumn[] = MONTHS.map((label, i) => ({ label, short: MONTHS_SHORT[i] }));
  const periodColumns = [...monthColumns, { label: 'Jaar' }];
  const monthPointers = (base: Path) => Array.from({ length: 12 }, (_, m) => pointer(...base, 'months', m));
  const periodPointers = (base: Path) => [...monthPointers(base), pointer(...base, 'year')];
  const periodRow = (label: string, values: { months: (number | null)[]; year: number | null }, base: Path, extra: Partial<ReportRow> = {}) => row(label, [...values.months, values.year], periodPointers(base), extra);
  const scope = report.total;
  const base: Path = ['total'];
  const teamText = report.team ? `team ${teamName(labels, report.team)}` : null;
  const asOfText = dutchDate(report.asOf);
  const running = report.asOf < `${report.year}-12-31`;

  const triageRows = FLOW_TRIAGE_OUTCOMES.map((o) => periodRow(FLOW_TRIAGE_LABELS[o], scope.triage[o], [...base, 'triage', o]));
  const triage: ReportTable = {
    id: 'uitstroom-triage',
    title: 'Aanmeldingen die het team niet zelf hielp, per uitkomst van de triage en maand van aanmelding',
    sheet: 'Triage',
    rowHeader: 'Waar naartoe',
    columns: periodColumns,
    groups: [{ label: null, rows: triageRows }, { label: null, rows: [sumRows(triageRows, 'Totaal', periodColumns.length)] }],
    note: 'Een aanmelding die naar een ander buurtteam ging, telt daar opnieuw mee met de uitkomst van de triage van dat team.',
  };

  const roadTable = (road: FlowRoad, id: string, title: string, sheet: string, event: string, note: string): ReportTable => {
    const names = { fromRegistration: 'aanmelding', fromFirstMeeting: 'kennismaking' } as const;
    const rows = FLOW_STARTS.flatMap((start) => {
      const d = scope[road][start];
      const at = [...base, road, start];
      return [
        periodRow(start === 'fromRegistration' ? `Cliënten met een eerste ${event}` : `Van hen met de kennismaking ervoor`, d.n, [...at, 'n']),
        periodRow(`Mediaan dagen vanaf ${names[start]}`, d.medianDays, [...at, 'medianDays'], { decimals: 1 }),
        periodRow(`Gemiddeld dagen vanaf ${names[start]}`, d.meanDays, [...at, 'meanDays'], { decimals: 1 }),
      ];
    });
    return { id, title, sheet, rowHeader: 'Maat', columns: periodColumns, groups: [{ label: null, rows }], note };
  };
  const toDecision = roadTable(
    'toDecision',
    'uitstroom-beschikking',
    'Dagen tot de beschikking, per maand van het besluit',
    'Tot beschikking',
    'beschikking',
    'Per cliënt per casus telt het eerste besluit op een aanvraag voor maatwerk, toegekend of afgewezen. Dagen zijn kalenderdagen vanaf de aanmelding en vanaf de kennismaking van de casus. – betekent: geen besluit in die maand.',
  );
  const toStart = roadTable(
    'toStart',
    'uitstroom-start',
    'Dagen tot de start van de voorziening, per maand van de start',
    'Tot start',
    'start',
    'De start is de eerste echte start die de aanbieder meldde (iWmo-bericht 305), per cliënt per casus. Een verlenging is dezelfde toewijzing en telt niet opnieuw; een vervallen toewijzing telt nergens mee.',
  );

  const stockRow = (label: string, months: (number | null)[], at: Path) => row(label, months, monthPointers(at));
  const stockNote = running ? ` Voor de lopende maand is het de stand op ${asOfText}; – betekent: die maand is nog niet begonnen.` : '';
  const waitingForStart: ReportTable = {
    id: 'uitstroom-wachten',
    title: 'Cliënten die wachten op de start van zorg in natura, aan het eind van de maand',
    sheet: 'Wachten op start',
    rowHeader: 'Cliënten',
    columns: monthColumns,
    groups: [{ label: null, rows: [stockRow('Wachten op de start', scope.waitingForStart.months, [...base, 'waitingForStart'])] }],
    note: `Een cliënt (per casus) met een toegekende toewijzing in natura die niet is vervallen, niet is afgelopen en waarvan de aanbieder nog geen start meldde.${stockNote}`,
  };

  const m = scope.toMaatwerk;
  const toMaatwerk: ReportTable = {
    id: 'uitstroom-maatwerk',
    title: 'Naar maatwerk: cliënten met een kennismaking in de maand, en wie van hen een toekenning kreeg',
    sheet: 'Naar maatwerk',
    rowHeader: 'Cliënten',
    columns: periodColumns,
    groups: [
      {
        label: null,
        rows: [
          periodRow('Cliënten met een kennismaking', m.met, [...base, 'toMaatwerk', 'met']),
          periodRow('Van hen met een toegekende beschikking', m.granted, [...base, 'toMaatwerk', 'granted']),
          periodRow('Aandeel naar maatwerk', m.sharePct, [...base, 'toMaatwerk', 'sharePct'], { decimals: 1, suffix: '%' }),
        ],
      },
    ],
    note: `Alle cliënten van het huishouden van casussen met een kennismaking in die maand; een toekenning telt tot en met ${asOfText}. Voor de laatste maanden is het aandeel daarom nog niet af.`,
  };

  const overThreeMonths: ReportTable = {
    id: 'uitstroom-drie-maanden',
    title: `Open casussen langer dan ${LONG_RUNNING_MONTHS} maanden na de kennismaking, aan het eind van de maand`,
    sheet: 'Langer dan 3 maanden',
    rowHeader: 'Casussen',
    columns: monthColumns,
    groups: [{ label: null, rows: [stockRow(`Langer dan ${LONG_RUNNING_MONTHS} maanden`, scope.overThreeMonths.months, [...base, 'overThreeMonths'])] }],
    note: `Het werkkader: een buurtteam komt “in principe voor drie maanden” in iemands leven; dat is geen harde grens. Een casus zonder kennismaking telt niet mee.${stockNote}`,
  };

  let perTeam: ReportTable | null = null;
  const last = lastMonthShown(report);
  if (report.team === null) {
    const lastText = last === null ? '' : ` (${MONTHS[last]})`;
    const columns: ReportColumn[] = [
      { label: 'Niet zelf geholpen' },
      { label: 'Eerste beschikkingen' },
      { label: 'Mediaan dagen aanmelding tot beschikking', decimals: 1 },
      { label: 'Eerste starts' },
      { label: 'Mediaan dagen aanmelding tot start', decimals: 1 },
      { label: 'Aandeel naar maatwerk (%)', decimals: 1 },
      { label: `Wachten op start${lastText}` },
      { label: `Langer dan ${LONG_RUNNING_MONTHS} maanden${lastText}` },
    ];
    const teamRow = (label: string, s: PublishedFlowReport['total'], at: Path, total = false): ReportRow => {
      const triageCells = FLOW_TRIAGE_OUTCOMES.map((o) => ({ value: s.triage[o].year, mark: marker(pointer(...at, 'triage', o, 'year')) }));
      const triageHidden = triageCells.some((c) => c.mark !== null);
      const stock = (values: (number | null)[], path: string) => (last === null ? { value: null, at: null } : { value: values[last]!, at: pointer(...at, path, 'months', last) });
      const waiting = stock(s.waitingForStart.months, 'waitingForStart');
      const over = stock(s.overThreeMonths.months, 'overThreeMonths');
      const cells: { value: number | null; at: string | null; mark?: string | null }[] = [
        { value: triageHidden ? null : triageCells.reduce((sum, c) => sum + (c.value ?? 0), 0), at: null, mark: triageHidden ? 'x' : null },
        { value: s.toDecision.fromRegistration.n.year, at: pointer(...at, 'toDecision', 'fromRegistration', 'n', 'year') },
        { value: s.toDecision.fromRegistration.medianDays.year, at: pointer(...at, 'toDecision', 'fromRegistration', 'medianDays', 'year') },
        { value: s.toStart.fromRegistration.n.year, at: pointer(...at, 'toStart', 'fromRegistration', 'n', 'year') },
        { value: s.toStart.fromRegistration.medianDays.year, at: pointer(...at, 'toStart', 'fromRegistration', 'medianDays', 'year') },
        { value: s.toMaatwerk.sharePct.year, at: pointer(...at, 'toMaatwerk', 'sharePct', 'year') },
        waiting,
        over,
      ];
      return {
        label,
        values: cells.map((c) => c.value),
        marks: cells.map((c) => (c.mark !== undefined ? c.mark : c.at === null ? null : marker(c.at))),
        ...(total ? { total: true } : {}),
      };
    };
    const codes = Object.keys(report.teams).sort((a, b) => {
      const [x, y] = [teamName(labels, a), teamName(labels, b)];
      return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
    perTeam = {
      id: 'uitstroom-teams',
      title: `Uitstroom per team in ${report.year}`,
      sheet: 'Per team',
      rowHeader: 'Team',
      columns,
      groups: [{ label: null, rows: codes.map((code) => teamRow(teamName(labels, code), report.teams[code]!, ['teams', code])) }, { label: null, rows: [teamRow('Hele organisatie', scope, base, true)] }],
      zeroRowsToggle: true,
      note: 'Medianen in kalenderdagen vanaf de aanmelding; het aandeel naar maatwerk in procenten van de cliënten met een kennismaking in het jaar.',
    };
  }

  const tables = [triage, toDecision, toStart, waitingForStart, toMaatwerk, overThreeMonths, ...(perTeam ? [perTeam] : [])];
  return {
    title: `Uitstroom ${report.year}${teamText ? ` (${teamText})` : ''}${running ? `, tot en met ${asOfText}` : ''}`,
    suppression: suppression ? suppressionExplanation(suppression) : null,
    tables,
    byId: { triage, toDecision, toStart, waitingForStart, toMaatwerk, overThreeMonths, perTeam },
  };
}
