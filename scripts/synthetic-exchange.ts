// A deterministic synthetic registration history in the exchange format, at any size: for import
// timing and large tests. Shapes follow the Utrecht annual report: 18 teams, households, clients
// helped by two teams, close reasons (sometimes none or several), ZRM rows (some without type),
// provisions with extensions and voided rows, contacts.
import { addDays, daysBetween } from '../src/server/lib/dates';
import codesFile from '../src/server/modules/reference/codes.json' with { type: 'json' };

import { writeCsv } from '../src/server/modules/exchange/csv';
import { FILE_COLUMNS } from '../src/server/modules/exchange/exchange-format';
import { bsnWithCheckDigit } from '../src/server/modules/clients/identity-rules';
import { mulberry32 } from '../src/server/lib/seeded-random';

export interface SyntheticOptions {
  cases: number;
  from: string;
  to: string;
  seed?: number;
}

export function generateExchange(options: SyntheticOptions): Record<string, string> {
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const span = daysBetween(options.from, options.to);
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(7, '0')}`;

  const clients: string[][] = [];
  const cases: string[][] = [];
  const links: string[][] = [];
  const zrm: string[][] = [];
  const provisions: string[][] = [];
  const contacts: string[][] = [];
  const domains = codesFile.zrm_domains.map((d) => d.code);
  const referrers = codesFile.referrers.map((r) => r.code);
  const products = codesFile.provision_products;

  let clientCount = 0;
  let bsnPrefix = 10_000_000;
  const newClient = () => {
    clientCount++;
    let bsn: string | null = null;
    if (chance(0.8)) while (!(bsn = bsnWithCheckDigit(String(bsnPrefix++).padStart(8, '0'))));
    const birth = addDays('1930-01-01', int(0, 365 * 75));
    clients.push([id('C', clientCount), bsn ?? '', birth, chance(0.1) ? '' : pick(['m', 'v', 'x']), `${int(3511, 3585)}${pick(['AB', 'CD', 'EF', 'GH', 'JK'])}`]);
    return id('C', clientCount);
  };
  const returning: string[] = [];

  for (let n = 1; n <= options.cases; n++) {
    const caseId = id('K', n);
    const registeredOn = addDays(options.from, int(0, span));
    const met = chance(0.93);
    const firstMeetingOn = met ? addDays(registeredOn, Math.min(int(0, 12), daysBetween(registeredOn, options.to))) : '';
    const closes = chance(0.75);
    const start = firstMeetingOn || registeredOn;
    const closedOn = closes && daysBetween(start, options.to) > 0 ? addDays(start, int(0, Math.min(400, daysBetween(start, options.to)))) : '';
    const reasons = closedOn ? (chance(0.08) ? [] : chance(0.1) ? ['volgens_plan', 'eenzijdig_client'] : [pick(codesFile.close_reasons).code]) : [];
    const outcomes = closedOn ? [...new Set([pick(codesFile.close_outcomes).code, ...(chance(0.4) ? [pick(codesFile.close_outcomes).code] : [])])] : [];
    cases.push([
      caseId,
      pick(codesFile.teams).code,
      registeredOn,
      chance(0.05) ? '' : pick(referrers),
      firstMeetingOn,
      met ? pick(['thuis', 'thuis', 'kantoor', 'elders']) : '',
      closedOn,
      reasons.join(';'),
      outcomes.join(';'),
      closedOn && chance(0.6) ? String(int(4, 10)) : '',
      closedOn && chance(0.6) ? (chance(0.84) ? 'ja' : 'nee') : '',
    ]);
    // A tenth of the cases is a returning client, possibly with another team.
    const main = returning.length && chance(0.1) ? pick(returning) : newClient();
    if (chance(0.05)) returning.push(main);
    links.push([caseId, main, 'hoofdclient']);
    const members = [main];
    if (chance(0.12)) for (let m = int(1, 3); m > 0; m--) members.push(newClient()), links.push([caseId, members.at(-1)!, 'huishoudlid']);

    const end = closedOn || options.to;
    const within = () => addDays(registeredOn, int(0, Math.max(0, daysBetween(registeredOn, end))));
    const assessments = chance(0.55) ? int(1, 3) : 0;
    for (let z = 1; z <= assessments; z++) {
      const type = chance(0.03) ? '' : z === 1 ? 'nul' : pick(['periodiek', 'eind', 'doel']);
      zrm.push([`${caseId}-Z${z}`, caseId, pick(members), within(), type, ...domains.map(() => (chance(0.9) ? String(int(1, 5)) : ''))]);
    }
    if (chance(0.08)) {
      const product = pick(products);
      const startOn = within();
      const first = `${caseId}-P1`;
      provisions.push([first, caseId, main, product.category, product.code, pick(codesFile.providers), startOn, addDays(startOn, 180), '', chance(0.05) ? 'ja' : 'nee']);
      if (chance(0.3)) provisions.push([`${caseId}-P2`, caseId, main, product.category, product.code, pick(codesFile.providers), addDays(startOn, 181), addDays(startOn, 360), first, 'nee']);
    }
    const contactCount = met ? int(0, 4) + (chance(0.3) ? 1 : 0) : 0;
    for (let c = 1; c <= contactCount; c++) {
      contacts.push([`${caseId}-C${c}`, caseId, within(), pick(['huisbezoek', 'kantoor', 'telefoon', 'elders', 'groep', 'digitaal']), chance(0.9) ? String(int(5, 120)) : '']);
    }
  }
  return {
    'clients.csv': writeCsv(FILE_COLUMNS['clients.csv'], clients),
    'cases.csv': writeCsv(FILE_COLUMNS['cases.csv'], cases),
    'case_clients.csv': writeCsv(FILE_COLUMNS['case_clients.csv'], links),
    'zrm.csv': writeCsv([...FILE_COLUMNS['zrm.csv'], ...domains], zrm),
    'provisions.csv': writeCsv(FILE_COLUMNS['provisions.csv'], provisions),
    'contacts.csv': writeCsv(FILE_COLUMNS['contacts.csv'], contacts),
  };
}
