// A small history in the exchange format crafted so that chance would show: in every team one
// client with two nulmetingen on the same day and two later assessments (periodiek, eind) on the
// same day, each pair with different scores, and assessment ids that sort against the file order.
// The ZRM report must take the first recorded nulmeting and the last recorded later assessment of
// the day (shared/spec/reports.md), so with random ids deciding, two imports differ per team with
// probability 3/4. It also holds providers outside the code list (their order in the report must
// not follow the order rows come back in).
import codesFile from '../../src/server/modules/reference/codes.json' with { type: 'json' };
import { writeCsv } from '../../src/server/modules/exchange/csv';
import { FILE_COLUMNS } from '../../src/server/modules/exchange/exchange-format';

export const TIED_YEAR = 2016;
const DOMAINS = codesFile.zrm_domains.map((d) => d.code);

/** One team's same-day assessments in file order: [assessment id, date, type, score in every domain]. */
function assessments(team: number): [string, string, string, number][] {
  // Ids count down, so id order is the reverse of file order (the first row has the largest id).
  const z = (n: number) => `T${String(team).padStart(2, '0')}-Z${n}`;
  const spread = team % 3;
  return [
    [z(4), `${TIED_YEAR}-02-10`, 'nul', 1 + spread],
    [z(3), `${TIED_YEAR}-02-10`, 'nul', 2 + spread],
    [z(2), `${TIED_YEAR}-09-15`, 'periodiek', 5 - spread],
    [z(1), `${TIED_YEAR}-09-15`, 'eind', 4 - spread],
  ];
}

export function tiedHistory(): Record<string, string> {
  const teams = codesFile.teams.map((t) => t.code);
  const clients: string[][] = [];
  const cases: string[][] = [];
  const links: string[][] = [];
  const zrm: string[][] = [];
  const provisions: string[][] = [];
  const contacts: string[][] = [];
  const product = codesFile.provision_products[0]!;
  teams.forEach((teamCode, i) => {
    const n = String(i).padStart(2, '0');
    const client = `T${n}-C`;
    const caseId = `T${n}-K`;
    clients.push([client, '', '1970-01-01', 'v', '3511AB']);
    cases.push([caseId, teamCode, `${TIED_YEAR}-02-01`, 'zelfmelder', `${TIED_YEAR}-02-03`, 'thuis', `${TIED_YEAR}-11-30`, 'volgens_plan', 'eigen_netwerk', '8', 'ja']);
    links.push([caseId, client, 'hoofdclient']);
    for (const [id, on, type, score] of assessments(i)) zrm.push([id, caseId, client, on, type, ...DOMAINS.map(() => String(score))]);
    // Two providers that are not in the code list, in both orders over the teams.
    const providers = i % 2 ? ['Zorgaanbieder Zuid', 'Aanbieder Noord'] : ['Aanbieder Noord', 'Zorgaanbieder Zuid'];
    providers.forEach((provider, p) => provisions.push([`T${n}-P${p}`, caseId, client, product.category, product.code, provider, `${TIED_YEAR}-03-0${p + 1}`, '', '', 'nee']));
    contacts.push([`T${n}-C1`, caseId, `${TIED_YEAR}-02-03`, 'huisbezoek', '60']);
  });
  return {
    'clients.csv': writeCsv(FILE_COLUMNS['clients.csv'], clients),
    'cases.csv': writeCsv(FILE_COLUMNS['cases.csv'], cases),
    'case_clients.csv': writeCsv(FILE_COLUMNS['case_clients.csv'], links),
    'zrm.csv': writeCsv([...FILE_COLUMNS['zrm.csv'], ...DOMAINS], zrm),
    'provisions.csv': writeCsv(FILE_COLUMNS['provisions.csv'], provisions),
    'contacts.csv': writeCsv(FILE_COLUMNS['contacts.csv'], contacts),
  };
}

/**
 * What the rule gives for one team's client, read from the crafted rows in file order: the first
 * nulmeting of the earliest day and the last periodiek/eind of the latest day.
 */
export function expectedPair(team: number): { start: number; latest: number } {
  const rows = assessments(team);
  const starts = rows.filter(([, , type]) => type === 'nul');
  const earliest = starts.map(([, on]) => on).sort()[0]!;
  const later = rows.filter(([, , type]) => type === 'periodiek' || type === 'eind');
  const latestDay = later.map(([, on]) => on).sort().at(-1)!;
  return { start: starts.find(([, on]) => on === earliest)![3], latest: later.filter(([, on]) => on === latestDay).at(-1)![3] };
}
