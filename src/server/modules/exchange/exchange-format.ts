// The exchange format (shared/spec/exchange-format.md): reading and validating a folder of CSV files
// into typed rows, with every problem as FILE:LINE: message. Pure: the caller supplies the code
// lists and today's date.
import { isValidBsn, isValidPostcode, normalisePostcode } from '../clients/identity-rules';
import { CONTACT_KINDS, FIRST_MEETING_LOCATIONS } from '../cases/case-rules';
import { parseCsv, unprotectFormula } from './csv';
import { isIsoDate } from '../../lib/dates';
import { EXCHANGE_FILES, type ExchangeFile, type ImportProblem } from './exchange.schemas';

export interface ExchangeCodes {
  teams: Set<string>;
  referrers: Set<string>;
  closeReasons: Set<string>;
  closeOutcomes: Set<string>;
  /** ZRM domain codes in the organisation's order: the score columns of zrm.csv. */
  zrmDomains: string[];
  provisionCategories: Set<string>;
  /** Product code → its category. */
  productCategory: Map<string, string>;
}

export interface ClientRow { id: string; bsn: string | null; birthDate: string | null; gender: string | null; postcode: string | null }
export interface CaseRow {
  id: string;
  teamCode: string;
  registeredOn: string;
  referrer: string;
  firstMeetingOn: string | null;
  firstMeetingLocation: string | null;
  closedOn: string | null;
  closeReasons: string[];
  closeOutcomes: string[];
  satisfactionScore: number | null;
  canContinueAlone: boolean | null;
}
export interface CaseClientRow { caseId: string; clientId: string; role: 'hoofdclient' | 'huishoudlid' }
export interface ZrmRow { id: string; caseId: string; clientId: string; assessedOn: string; type: string; scores: Record<string, number> }
export interface ProvisionRow {
  id: string;
  caseId: string;
  clientId: string;
  category: string;
  product: string;
  provider: string;
  startOn: string;
  endOn: string | null;
  extendsId: string | null;
  voided: boolean;
}
export interface ContactRow { id: string; caseId: string; contactOn: string; kind: string; minutes: number | null }

export interface History {
  clients: ClientRow[];
  cases: CaseRow[];
  caseClients: CaseClientRow[];
  zrm: ZrmRow[];
  provisions: ProvisionRow[];
  contacts: ContactRow[];
}

export const FILE_COLUMNS = {
  'clients.csv': ['client_id', 'bsn', 'birth_date', 'gender', 'postcode'],
  'cases.csv': [
    'case_id',
    'team_code',
    'registered_on',
    'referrer',
    'first_meeting_on',
    'first_meeting_location',
    'closed_on',
    'close_reasons',
    'close_outcomes',
    'satisfaction_score',
    'can_continue_alone',
  ],
  'case_clients.csv': ['case_id', 'client_id', 'role'],
  'zrm.csv': ['assessment_id', 'case_id', 'client_id', 'assessed_on', 'type'],
  'provisions.csv': ['provision_id', 'case_id', 'client_id', 'category', 'product', 'provider', 'start_on', 'end_on', 'extends_provision_id', 'voided'],
  'contacts.csv': ['contact_id', 'case_id', 'contact_on', 'kind', 'minutes'],
} as const satisfies Record<ExchangeFile, readonly string[]>;

const REQUIRED_COLUMNS: Record<ExchangeFile, readonly string[]> = {
  'clients.csv': ['client_id'],
  'cases.csv': ['case_id', 'team_code', 'registered_on'],
  'case_clients.csv': ['case_id', 'client_id', 'role'],
  'zrm.csv': ['assessment_id', 'case_id', 'client_id', 'assessed_on'],
  'provisions.csv': ['provision_id', 'case_id', 'client_id', 'category', 'product', 'provider', 'start_on'],
  'contacts.csv': ['contact_id', 'case_id', 'contact_on', 'kind'],
};

const ZRM_TYPES = new Set(['nul', 'doel', 'periodiek', 'eind']);

interface Cells {
  line: number;
  get(column: string): string;
}

class Collector {
  readonly problems: ImportProblem[] = [];
  add(file: string, line: number, message: string) {
    this.problems.push({ file, line, message });
  }
}

/** Reads one file's header and records; reports unknown, missing and doubled columns. */
function readFile(file: ExchangeFile, text: string, extraColumns: readonly string[], out: Collector): Cells[] {
  const parsed = parseCsv(text);
  for (const p of parsed.problems) out.add(file, p.line, p.message);
  const known = new Set<string>([...FILE_COLUMNS[file], ...extraColumns]);
  const index = new Map<string, number>();
  parsed.header.forEach((name, i) => {
    if (!known.has(name)) out.add(file, 1, `onbekende kolom "${name}"`);
    else if (index.has(name)) out.add(file, 1, `kolom "${name}" staat er twee keer in`);
    else index.set(name, i);
  });
  for (const column of REQUIRED_COLUMNS[file]) {
    if (!index.has(column)) out.add(file, 1, `verplichte kolom "${column}" ontbreekt`);
  }
  const cells: Cells[] = [];
  for (const record of parsed.records) {
    if (record.values.length !== parsed.header.length) {
      out.add(file, record.line, `${record.values.length} velden, de kopregel heeft er ${parsed.header.length}`);
      continue;
    }
    // Trimmed first, then a cell protected against spreadsheet formulas read back to its value.
    cells.push({ line: record.line, get: (column) => (index.has(column) ? unprotectFormula(record.values[index.get(column)!]!.trim()) : '') });
  }
  return cells;
}

/** Validates a whole folder. Returns the rows only when there are no problems. */
export function validateExchange(files: Partial<Record<string, string>>, codes: ExchangeCodes, today: string): { problems: ImportProblem[]; history: History | null; rowCounts: Record<string, number> } {
  const out = new Collector();
  for (const name of Object.keys(files)) {
    if (!(EXCHANGE_FILES as readonly string[]).includes(name)) out.add(name, 1, `onbekend bestand; verwacht: ${EXCHANGE_FILES.join(', ')}`);
  }
  for (const name of ['clients.csv', 'cases.csv'] as const) {
    if (files[name] === undefined) out.add(name, 1, 'dit bestand ontbreekt (verplicht)');
  }
  const read = (file: ExchangeFile, extra: readonly string[] = []) => (files[file] === undefined ? [] : readFile(file, files[file]!, extra, out));
  const history: History = { clients: [], cases: [], caseClients: [], zrm: [], provisions: [], contacts: [] };

  // An id: present, at most 64 characters, unique in its file.
  const idOf = (file: string, cells: Cells, column: string, seen: Map<string, number>): string | null => {
    const id = cells.get(column);
    if (!id) return out.add(file, cells.line, `${column} is leeg`), null;
    if (id.length > 64) return out.add(file, cells.line, `${column} is langer dan 64 tekens`), null;
    const earlier = seen.get(id);
    if (earlier !== undefined) return out.add(file, cells.line, `${column} "${id}" staat ook op regel ${earlier}`), null;
    seen.set(id, cells.line);
    return id;
  };
  const dateOf = (file: string, cells: Cells, column: string, required: boolean): string | null | undefined => {
    const value = cells.get(column);
    if (!value) {
      if (required) out.add(file, cells.line, `${column} is leeg`);
      return required ? undefined : null;
    }
    if (!isIsoDate(value)) return out.add(file, cells.line, `${column} "${value}" is geen datum JJJJ-MM-DD`), undefined;
    return value;
  };
  const codeList = (file: string, cells: Cells, column: string, allowed: Set<string>, what: string): string[] => {
    const value = cells.get(column);
    if (!value) return [];
    const list = value.split(';').map((v) => v.trim());
    for (const code of list) if (!allowed.has(code)) out.add(file, cells.line, `${column}: onbekende ${what} "${code}"`);
    if (new Set(list).size !== list.length) out.add(file, cells.line, `${column}: een code staat er twee keer in`);
    return list;
  };

  // clients.csv
  const clientLines = new Map<string, number>();
  for (const c of read('clients.csv')) {
    const f = 'clients.csv';
    const id = idOf(f, c, 'client_id', clientLines);
    const bsn = c.get('bsn');
    if (bsn && !(/^\d{9}$/.test(bsn) && isValidBsn(bsn))) out.add(f, c.line, `bsn "${bsn}" is geen BSN van 9 cijfers dat voldoet aan de 11-proef`);
    const birthDate = dateOf(f, c, 'birth_date', false);
    if (birthDate && birthDate > today) out.add(f, c.line, `birth_date ${birthDate} ligt in de toekomst`);
    const gender = c.get('gender');
    if (gender && !['m', 'v', 'x'].includes(gender)) out.add(f, c.line, `gender "${gender}" moet m, v of x zijn`);
    const postcode = c.get('postcode');
    if (postcode && !isValidPostcode(postcode)) out.add(f, c.line, `postcode "${postcode}" is geen Nederlandse postcode (1234 AB)`);
    if (id) history.clients.push({ id, bsn: bsn || null, birthDate: birthDate ?? null, gender: gender || null, postcode: postcode && isValidPostcode(postcode) ? normalisePostcode(postcode) : null });
  }

  // cases.csv
  const caseLines = new Map<string, number>();
  const caseById = new Map<string, CaseRow>();
  for (const c of read('cases.csv')) {
    const f = 'cases.csv';
    const id = idOf(f, c, 'case_id', caseLines);
    const teamCode = c.get('team_code');
    if (!teamCode) out.add(f, c.line, 'team_code is leeg');
    else if (!codes.teams.has(teamCode)) out.add(f, c.line, `team_code: onbekend team "${teamCode}"`);
    const registeredOn = dateOf(f, c, 'registered_on', true);
    const referrer = c.get('referrer') || 'onbekend';
    if (!codes.referrers.has(referrer)) out.add(f, c.line, `referrer: onbekende melder "${referrer}"`);
    const firstMeetingOn = dateOf(f, c, 'first_meeting_on', false);
    const location = c.get('first_meeting_location');
    if (firstMeetingOn && !location) out.add(f, c.line, 'first_meeting_location is leeg terwijl first_meeting_on is ingevuld');
    if (location && !(FIRST_MEETING_LOCATIONS as readonly string[]).includes(location)) out.add(f, c.line, `first_meeting_location "${location}" moet thuis, kantoor of elders zijn`);
    if (location && !firstMeetingOn && firstMeetingOn !== undefined) out.add(f, c.line, 'first_meeting_location is ingevuld zonder first_meeting_on');
    const closedOn = dateOf(f, c, 'closed_on', false);
    if (registeredOn && firstMeetingOn && firstMeetingOn < registeredOn) out.add(f, c.line, `first_meeting_on ${firstMeetingOn} ligt voor registered_on ${registeredOn}`);
    if (registeredOn && closedOn && closedOn < registeredOn) out.add(f, c.line, `closed_on ${closedOn} ligt voor registered_on ${registeredOn}`);
    if (firstMeetingOn && closedOn && closedOn < firstMeetingOn) out.add(f, c.line, `closed_on ${closedOn} ligt voor first_meeting_on ${firstMeetingOn}`);
    const closeReasons = codeList(f, c, 'close_reasons', codes.closeReasons, 'afsluitreden');
    const closeOutcomes = codeList(f, c, 'close_outcomes', codes.closeOutcomes, 'afsluitresultaat');
    if (!closedOn && closedOn !== undefined && closeReasons.length) out.add(f, c.line, 'close_reasons mag alleen bij een afgesloten casus (closed_on)');
    if (!closedOn && closedOn !== undefined && closeOutcomes.length) out.add(f, c.line, 'close_outcomes mag alleen bij een afgesloten casus (closed_on)');
    const score = c.get('satisfaction_score');
    if (score && !/^(?:[1-9]|10)$/.test(score)) out.add(f, c.line, `satisfaction_score "${score}" moet een geheel getal van 1 tot en met 10 zijn`);
    const alone = c.get('can_continue_alone');
    if (alone && alone !== 'ja' && alone !== 'nee') out.add(f, c.line, `can_continue_alone "${alone}" moet ja of nee zijn`);
    if (id && registeredOn) {
      const row: CaseRow = {
        id,
        teamCode,
        registeredOn,
        referrer,
        firstMeetingOn: firstMeetingOn ?? null,
        firstMeetingLocation: location || null,
        closedOn: closedOn ?? null,
        closeReasons,
        closeOutcomes,
        satisfactionScore: score ? Number(score) : null,
        canContinueAlone: alone ? alone === 'ja' : null,
      };
      history.cases.push(row);
      caseById.set(id, row);
    }
  }

  // case_clients.csv: exactly one hoofdclient per case.
  const household = new Map<string, Set<string>>();
  const mainClientLine = new Map<string, number>();
  for (const c of read('case_clients.csv')) {
    const f = 'case_clients.csv';
    const caseId = c.get('case_id');
    const clientId = c.get('client_id');
    const role = c.get('role');
    let ok = true;
    if (!caseLines.has(caseId)) (out.add(f, c.line, `case_id "${caseId}" staat niet in cases.csv`), (ok = false));
    if (!clientLines.has(clientId)) (out.add(f, c.line, `client_id "${clientId}" staat niet in clients.csv`), (ok = false));
    if (role !== 'hoofdclient' && role !== 'huishoudlid') (out.add(f, c.line, `role "${role}" moet hoofdclient of huishoudlid zijn`), (ok = false));
    if (!ok) continue;
    const members = household.get(caseId) ?? new Set<string>();
    if (members.has(clientId)) {
      out.add(f, c.line, `cliënt "${clientId}" staat al bij casus "${caseId}"`);
      continue;
    }
    if (role === 'hoofdclient') {
      const earlier = mainClientLine.get(caseId);
      if (earlier !== undefined) out.add(f, c.line, `casus "${caseId}" heeft al een hoofdclient (regel ${earlier})`);
      mainClientLine.set(caseId, c.line);
    }
    members.add(clientId);
    household.set(caseId, members);
    history.caseClients.push({ caseId, clientId, role: role as CaseClientRow["role"] });
  }
  for (const [caseId, line] of caseLines) {
    if (caseById.has(caseId) && !mainClientLine.has(caseId)) out.add('cases.csv', line, `casus "${caseId}" heeft geen hoofdclient in case_clients.csv`);
  }

  // A case of the file and a client of that case, else a problem.
  const caseAndClient = (f: string, c: Cells, withClient: boolean): CaseRow | null => {
    const caseId = c.get('case_id');
    const row = caseById.get(caseId);
    if (!row) {
      if (!caseLines.has(caseId)) out.add(f, c.line, `case_id "${caseId}" staat niet in cases.csv`);
      return null;
    }
    if (withClient && !household.get(caseId)?.has(c.get('client_id'))) {
      out.add(f, c.line, `client_id "${c.get('client_id')}" hoort niet bij casus "${caseId}" (case_clients.csv)`);
      return null;
    }
    return row;
  };

  // zrm.csv
  const zrmLines = new Map<string, number>();
  for (const c of read('zrm.csv', codes.zrmDomains)) {
    const f = 'zrm.csv';
    const id = idOf(f, c, 'assessment_id', zrmLines);
    const caseRow = caseAndClient(f, c, true);
    const assessedOn = dateOf(f, c, 'assessed_on', true);
    if (caseRow && assessedOn && (assessedOn < caseRow.registeredOn || (caseRow.closedOn && assessedOn > caseRow.closedOn))) {
      out.add(f, c.line, `assessed_on ${assessedOn} ligt buiten de casus (${caseRow.registeredOn} tot ${caseRow.closedOn ?? 'nu'})`);
    }
    const type = c.get('type');
    if (type && !ZRM_TYPES.has(type)) out.add(f, c.line, `type "${type}" moet nul, doel, periodiek of eind zijn`);
    const scores: Record<string, number> = {};
    for (const domain of codes.zrmDomains) {
      const value = c.get(domain);
      if (!value) continue;
      if (!/^[1-5]$/.test(value)) out.add(f, c.line, `${domain} "${value}" moet een score van 1 tot en met 5 zijn`);
      else scores[domain] = Number(value);
    }
    if (id && caseRow && assessedOn) history.zrm.push({ id, caseId: caseRow.id, clientId: c.get('client_id'), assessedOn, type: type || 'onbekend', scores });
  }

  // provisions.csv: an extension points at a provision of the same client, category and product.
  const provisionLines = new Map<string, number>();
  const provisionById = new Map<string, ProvisionRow & { line: number }>();
  for (const c of read('provisions.csv')) {
    const f = 'provisions.csv';
    const id = idOf(f, c, 'provision_id', provisionLines);
    const caseRow = caseAndClient(f, c, true);
    const category = c.get('category');
    const product = c.get('product');
    if (!codes.provisionCategories.has(category)) out.add(f, c.line, `category: onbekende categorie "${category}"`);
    const productCategory = codes.productCategory.get(product);
    if (!productCategory) out.add(f, c.line, `product: onbekend product "${product}"`);
    else if (productCategory !== category) out.add(f, c.line, `product "${product}" hoort bij categorie ${productCategory}, niet bij ${category}`);
    const provider = c.get('provider');
    if (!provider) out.add(f, c.line, 'provider is leeg');
    const startOn = dateOf(f, c, 'start_on', true);
    const endOn = dateOf(f, c, 'end_on', false);
    if (startOn && endOn && endOn < startOn) out.add(f, c.line, `end_on ${endOn} ligt voor start_on ${startOn}`);
    const voided = c.get('voided') || 'nee';
    if (voided !== 'ja' && voided !== 'nee') out.add(f, c.line, `voided "${voided}" moet ja of nee zijn`);
    if (id && caseRow && startOn) {
      const row = { id, caseId: caseRow.id, clientId: c.get('client_id'), category, product, provider, startOn, endOn: endOn ?? null, extendsId: c.get('extends_provision_id') || null, voided: voided === 'ja', line: c.line };
      provisionById.set(id, row);
    }
  }
  for (const row of provisionById.values()) {
    const { line, ...provision } = row;
    if (provision.extendsId) {
      const base = provisionById.get(provision.extendsId);
      if (!base) {
        out.add('provisions.csv', line, `extends_provision_id "${provision.extendsId}" staat niet in provisions.csv`);
        continue;
      }
      if (base.clientId !== provision.clientId || base.category !== provision.category || base.product !== provision.product) {
        out.add('provisions.csv', line, `verlenging van "${provision.extendsId}" moet dezelfde cliënt, categorie en product hebben`);
      }
      // An extension chain must end at a first assignment, not loop.
      const visited = new Set([provision.id]);
      for (let next: string | null = provision.extendsId; next; next = provisionById.get(next)?.extendsId ?? null) {
        if (visited.has(next)) {
          // Reported on the provisions in the loop; one that merely leads into it is not.
          if (next === provision.id) out.add('provisions.csv', line, `verlengingen verwijzen in een kring naar elkaar ("${provision.id}")`);
          break;
        }
        visited.add(next);
      }
    }
    history.provisions.push(provision);
  }

  // contacts.csv
  const contactLines = new Map<string, number>();
  for (const c of read('contacts.csv')) {
    const f = 'contacts.csv';
    const id = idOf(f, c, 'contact_id', contactLines);
    const caseRow = caseAndClient(f, c, false);
    const contactOn = dateOf(f, c, 'contact_on', true);
    const kind = c.get('kind');
    if (!(CONTACT_KINDS as readonly string[]).includes(kind)) out.add(f, c.line, `kind "${kind}" moet een van ${CONTACT_KINDS.join(', ')} zijn`);
    const minutes = c.get('minutes');
    if (minutes && !(/^\d+$/.test(minutes) && Number(minutes) <= 1440)) out.add(f, c.line, `minutes "${minutes}" moet een geheel getal van 0 tot en met 1440 zijn`);
    if (id && caseRow && contactOn) history.contacts.push({ id, caseId: caseRow.id, contactOn, kind, minutes: minutes ? Number(minutes) : null });
  }

  const rowCounts = Object.fromEntries(
    Object.entries({ 'clients.csv': clientLines, 'cases.csv': caseLines, 'zrm.csv': zrmLines, 'provisions.csv': provisionLines, 'contacts.csv': contactLines }).map(([k, v]) => [k, v.size]),
  );
  rowCounts['case_clients.csv'] = history.caseClients.length;
  // In the order of the format's files (unknown files last), then by line.
  const fileOrder = (file: string) => ((EXCHANGE_FILES as readonly string[]).includes(file) ? EXCHANGE_FILES.indexOf(file as ExchangeFile) : EXCHANGE_FILES.length);
  const problems = out.problems.sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.line - b.line);
  return { problems, history: problems.length ? null : history, rowCounts };
}
