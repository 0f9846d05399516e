// The synthetic demo history: accounts, clients, households, registrations, cases, journal and
// case events of ~2.5 years of Utrecht-like neighbourhood teams, up to "today". Pure and
// deterministic (a seeded PRNG): the same seed and today give the same history; only the ids come
// from the caller's `newId`. Writing it to the database is demo.seed.ts's job.
import { FIRST_MEETING_NORM_DAYS, type CaseStatus, type ContactKind, type FirstMeetingLocation } from '../modules/cases/case-rules';
import type { Role } from '../access/permissions';
import type { TriageOutcome } from '../modules/registrations/triage';
import codesFile from '../modules/reference/codes.json' with { type: 'json' };
import iwmoCodes from '../modules/reference/iwmo-codes.json' with { type: 'json' };
import { CONTACT_NOTES, FIRST_MEETING_NOTE, NAME_GROUPS, QUESTIONS, REFERRER_OTHER, TEAM_AREAS, TRIAGE_ADVICE, type NameGroup } from './names';
import { mulberry32, SeededRandom } from '../lib/seeded-random';
import { bsnWithCheckDigit } from '../modules/clients/identity-rules';

export const DEMO_EMAIL_DOMAIN = 'demo.keukentafel.nl';

/** The accounts the demo is shown with; every other demo account is a lead worker of some team. */
export const DEMO_LOGINS: readonly { role: Role; email: string; name: string; teamCode: string | null }[] = [
  { role: 'medewerker', email: `medewerker@${DEMO_EMAIL_DOMAIN}`, name: 'Sanne Verhoeven', teamCode: 'overvecht-centrum' },
  { role: 'teamleider', email: `teamleider@${DEMO_EMAIL_DOMAIN}`, name: 'Mehmet Yıldız', teamCode: 'overvecht-centrum' },
  { role: 'kwaliteit', email: `kwaliteit@${DEMO_EMAIL_DOMAIN}`, name: 'Ingrid van der Linden', teamCode: null },
  { role: 'analist', email: `analist@${DEMO_EMAIL_DOMAIN}`, name: 'Ruben Kartoredjo', teamCode: null },
  { role: 'beheerder', email: `beheerder@${DEMO_EMAIL_DOMAIN}`, name: 'Peter de Graaf', teamCode: null },
  { role: 'medewerker', email: `medewerker.zuilen@${DEMO_EMAIL_DOMAIN}`, name: 'Naima Bouzid', teamCode: 'zuilen' },
  // The second pair of eyes: destroying a client's data is proposed by one person of kwaliteit and confirmed by another.
  { role: 'kwaliteit', email: `kwaliteit2@${DEMO_EMAIL_DOMAIN}`, name: 'Jeroen Smit', teamCode: null },
];

/** The demo medewerker, whose work lists the demo opens on. */
export const DEMO_WORKER_EMAIL = `medewerker@${DEMO_EMAIL_DOMAIN}`;

export const REFERRER_WEIGHTS: readonly [string, number][] = [
  ['zelfmelder', 38], ['huisarts', 14], ['sociaal_netwerk', 10], ['woningcorporatie', 7], ['gemeente', 6],
  ['medisch_specialist', 3], ['aanvullende_zorg', 3], ['bt_jeugd_gezin', 3], ['bt_sociaal', 2], ['veilig_thuis', 2],
  ['wijkcontactdagen_wi', 2], ['politie', 2], ['raadslieden', 2], ['sociaal_makelaar', 2], ['outreach', 2],
  ['juridisch_loket', 1], ['school', 0.5], ['jongerenwerk', 0.5], ['anders', 1], ['onbekend', 1],
];
export const CLOSE_REASON_WEIGHTS: readonly [string, number][] = [
  ['volgens_plan', 65], ['voortijdig_overeenstemming', 12], ['eenzijdig_client', 12], ['externe_omstandigheden', 7], ['eenzijdig_aanbieder', 4],
];
export const CLOSE_OUTCOME_WEIGHTS: readonly [string, number][] = [
  ['eigen_netwerk', 30], ['huisarts', 15], ['vrijwilligers_maatjes', 12], ['andere_partijen', 12], ['activiteiten_buitenshuis', 10],
  ['specialistische_zorg', 10], ['corporatie', 8], ['wijkverpleegkundige', 6], ['vrijwilligerswerk', 5], ['werk', 4],
  ['onderwijs', 2], ['jeugdgezondheidszorg', 2], ['gedwongen_kader', 1],
];
const SATISFACTION_WEIGHTS: readonly [number, number][] = [[5, 4], [6, 9], [7, 24], [8, 36], [9, 18], [10, 9]];
const LOCATION_WEIGHTS: readonly [FirstMeetingLocation, number][] = [['thuis', 60], ['kantoor', 30], ['elders', 10]];
const CONTACT_KIND_WEIGHTS: readonly [ContactKind, number][] = [
  ['huisbezoek', 30], ['telefoon', 30], ['kantoor', 15], ['digitaal', 12], ['elders', 8], ['groep', 5],
];
const OTHER_TRIAGE_WEIGHTS: readonly [Exclude<TriageOutcome, 'generalist'>, number][] = [
  ['social_base', 12], ['other_team', 8], ['jeugd_gezin', 8], ['specialist', 6], ['out_of_scope', 6],
];
/** Inflow per month (peak at the end of Q1, dip in summer), January first. */
const SEASON = [1.0, 1.1, 1.2, 1.05, 1.0, 0.95, 0.75, 0.7, 1.0, 1.05, 1.05, 0.85];

// ---------------------------------------------------------------------------------------------
// Row shapes (organisation id is added by the writer).

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamCode: string | null;
  /** One of DEMO_LOGINS (shown at start-up), not a generated team member. */
  login: boolean;
}
export interface DemoClient {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  bsn: string | null;
  gender: 'm' | 'v' | 'x';
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface DemoRegistration {
  id: string;
  clientId: string;
  teamId: string;
  registeredOn: string;
  referrerCode: string;
  referrerOther: string | null;
  question: string;
  createdBy: string;
  createdAt: Date;
  triageOutcome: TriageOutcome | null;
  triageAdvice: string | null;
  triageTeamId: string | null;
  triagedBy: string | null;
  triagedAt: Date | null;
  caseId: string | null;
}
export interface DemoCase {
  id: string;
  teamId: string;
  leadWorkerId: string;
  status: CaseStatus;
  registeredOn: string;
  referrerCode: string;
  referrerOther: string | null;
  question: string;
  firstMeetingOn: string | null;
  firstMeetingLocation: FirstMeetingLocation | null;
  closedOn: string | null;
  closeReasons: string[];
  closeOutcomes: string[];
  satisfactionScore: number | null;
  canContinueAlone: boolean | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}
export interface DemoCaseClient {
  caseId: string;
  clientId: string;
  role: 'hoofdclient' | 'huishoudlid';
}
export interface DemoCaseEvent {
  id: string;
  caseId: string;
  kind: 'opened' | 'first_meeting' | 'started' | 'closed';
  data: unknown;
  actorId: string;
  at: Date;
}
export interface DemoContact {
  id: string;
  caseId: string;
  contactOn: string;
  kind: ContactKind;
  minutes: number;
  note: string;
  authorId: string;
  createdAt: Date;
  updatedAt: Date;
}
export interface DemoZrm {
  id: string;
  caseId: string;
  clientId: string;
  assessedOn: string;
  type: 'nul' | 'doel' | 'periodiek' | 'eind';
  scores: Record<string, number>;
}
export interface DemoProvision {
  id: string;
  caseId: string;
  clientId: string;
  category: string;
  product: string;
  provider: string;
  startOn: string;
  endOn: string | null;
  extendsProvisionId: string | null;
  voided: boolean;
  /** Made in Keukentafel on a decision (none on the old, imported-looking rows). */
  decisionId?: string | null;
  assignmentNumber?: number | null;
  providerAgb?: string | null;
  deliveryForm?: 'zin' | 'pgb' | null;
  volume?: number | null;
  unit?: string | null;
  frequency?: string | null;
  budgetCents?: number | null;
  changeReason?: string | null;
  endReason?: string | null;
  voidReason?: string | null;
  assignedAt?: Date | null;
  deliveryStartedOn?: string | null;
  deliveryEndedOn?: string | null;
  deliveryEndReason?: string | null;
  /** The version the last 301 carried: the demo's provider knows all but the last two weeks' toewijzingen. */
  sentVersion?: number | null;
}
export interface DemoProvisionRequest {
  id: string;
  caseId: string;
  clientId: string;
  requestedOn: string;
  asked: string;
  category: string;
  requestedBy: 'client' | 'vertegenwoordiger' | 'medewerker';
  researchReportedOn: string | null;
  researchReport: string | null;
  status: 'open' | 'onderzocht' | 'besloten' | 'ingetrokken';
  withdrawnReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
export interface DemoProvisionDecision {
  id: string;
  requestId: string;
  decisionNumber: number;
  decidedOn: string;
  outcome: 'toegekend' | 'deels_toegekend' | 'afgewezen';
  reasons: string;
  decidedBy: string;
  createdAt: Date;
}
export interface DemoHistory {
  users: DemoUser[];
  clients: DemoClient[];
  registrations: DemoRegistration[];
  cases: DemoCase[];
  caseClients: DemoCaseClient[];
  caseEvents: DemoCaseEvent[];
  contacts: DemoContact[];
  /** The maatwerk road: requests, then their decisions, then the toewijzingen on them. */
  provisionRequests: DemoProvisionRequest[];
  provisionDecisions: DemoProvisionDecision[];
  /** Base assignments come before their extensions (the foreign key needs that order). */
  provisions: DemoProvision[];
  zrm: DemoZrm[];
}

export interface HistoryOptions {
  seed: number;
  /** The last day of the history (YYYY-MM-DD), normally today in the Netherlands. */
  today: string;
  /** The moment of generation; no timestamp lies after it. Default: the end of `today`. */
  now?: Date;
  teams: readonly { id: string; code: string }[];
  /** Id maker; default a deterministic UUID-shaped sequence from the seed. */
  newId?: () => string;
  /** Expected number of cases from the inflow (a few waiting cases are added on top). */
  targetCases?: number;
  /** Length of the history in days. */
  spanDays?: number;
  /** Lead workers per team, drawn between these bounds (default 3–6; the benchmark uses more). */
  workersPerTeam?: readonly [number, number];
}

const ZRM_DOMAINS = codesFile.zrm_domains.map((d) => d.code);
const PROVISION_PRODUCTS = codesFile.provision_products;
const PROVIDERS = codesFile.providers;
const PROVIDER_AGB = iwmoCodes.providers as Record<string, string>;

/** What a resident asks for, per category, in the words a worker writes down. */
const ASKED: Record<string, string> = {
  begeleiding: 'Hulp bij het op orde houden van de administratie en de post',
  dagbesteding: 'Een plek om overdag naartoe te gaan, met structuur en contact',
  vervoer: 'Vervoer naar de dagbesteding',
  hbh: 'Hulp bij het schoonhouden van het huis',
  pgb: 'Een budget om de begeleiding zelf in te kopen',
};
/** A usual omvang per category (volume, unit WJ756, frequency WMO757). */
const OMVANG: Record<string, [number, string, string]> = {
  begeleiding: [2, '04', '2'],
  dagbesteding: [4, '16', '2'],
  vervoer: [8, '82', '4'],
  hbh: [3, '04', '2'],
};
const RESEARCH_REPORTS = [
  'Samen met de bewoner en de dochter gekeken wat lukt. Het netwerk helpt al waar het kan; voor dit deel is meer nodig.',
  'Huisbezoek gedaan. De bewoner wil zo zelfstandig mogelijk blijven; zonder deze ondersteuning lukt dat niet.',
  'Gesprek aan de keukentafel met de bewoner en de buurvrouw. Algemene voorzieningen zijn geprobeerd en passen niet.',
];

// ---------------------------------------------------------------------------------------------
// Randomness and dates.

export const DAY_MS = 86_400_000;
export const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday ... 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

function deterministicIds(seed: number): () => string {
  const next = mulberry32(seed ^ 0x5eed1d5);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`;
}

/** ASCII local part for an e-mail address: `Ayşe` → `ayse`, `El Amrani` → `elamrani`. */
export function emailPart(name: string): string {
  return name
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------

const BUSY_TEAM = /^(overvecht|kanaleneiland)/;
function teamWeight(code: string): number {
  if (BUSY_TEAM.test(code)) return 1.8;
  if (code === 'binnenstad') return 0.8;
  if (code === 'vleuten' || code === 'de-meern') return 0.7;
  return 1;
}

/** Share of the demo medewerker among the lead workers of new cases in her team. */
const DEMO_WORKER_SHARE = 0.38;

interface Person {
  client: DemoClient;
  household: DemoClient[];
  /** The team of the person's latest case (their neighbourhood). */
  teamIndex: number;
  /** Day the person's latest case closed, or Infinity while it is open. */
  busyUntil: number;
  cases: number;
}

interface CasePlan {
  teamIndex: number;
  registeredDay: number;
  meetingDelay?: number;
  startDelay?: number;
  leadWorkerId?: string;
  allowReturning?: boolean;
}

export function generateDemoHistory(options: HistoryOptions): DemoHistory {
  const random = new SeededRandom(mulberry32(options.seed));
  const newId = options.newId ?? deterministicIds(options.seed);
  const today = dayNumber(options.today);
  const now = options.now ?? new Date((today + 1) * DAY_MS - 1);
  const spanDays = options.spanDays ?? 913;
  const targetCases = options.targetCases ?? 3000;
  const firstDay = today - spanDays + 1;
  const teams = options.teams;
  const teamIndexByCode = new Map(teams.map((t, i) => [t.code, i]));

  /** A timestamp on a day at a local-ish working hour, never after `now`. */
  const stamp = (day: number, hour: number, minute = 0): Date => {
    const at = new Date(day * DAY_MS + ((hour - 1) * 60 + minute) * 60_000);
    return at > now ? now : at;
  };

  const history: DemoHistory = { users: [], clients: [], registrations: [], cases: [], caseClients: [], caseEvents: [], contacts: [], provisionRequests: [], provisionDecisions: [], provisions: [], zrm: [] };

  // ZRM and provisions draw from a stream of their own, so adding them left the rest as it was.
  const extra = new SeededRandom(mulberry32(options.seed ^ 0x2e5d));
  /** ZRM at the start (with a target half the time), every three months, and mostly at closing; scores creep up. */
  const addAssessments = (caseId: string, clientId: string, start: number, end: number, closed: boolean) => {
    let scores: Record<string, number> = Object.fromEntries(ZRM_DOMAINS.map((d) => [d, extra.weighted([[1, 10], [2, 30], [3, 35], [4, 20], [5, 5]] as const)]));
    const nul = Math.min(end, start + extra.int(0, 14));
    const add = (day: number, type: DemoZrm['type'], values: Record<string, number>) =>
      history.zrm.push({ id: newId(), caseId, clientId, assessedOn: isoDay(day), type, scores: values });
    add(nul, 'nul', scores);
    if (extra.chance(0.5)) add(nul, 'doel', Object.fromEntries(ZRM_DOMAINS.map((d) => [d, Math.min(5, scores[d]! + (extra.chance(0.5) ? 1 : 0))])));
    const improve = () => (scores = Object.fromEntries(ZRM_DOMAINS.map((d) => [d, Math.min(5, scores[d]! + (extra.chance(0.25) ? 1 : 0))])));
    for (let day = nul + 91; day < end; day += 91) add(day, 'periodiek', improve());
    if (closed && extra.chance(0.7)) add(end, 'eind', improve());
  };
  // The maatwerk road around a provision draws from a third stream: the two above stay as they were.
  const road = new SeededRandom(mulberry32(options.seed ^ 0x6d77));
  let decisionNumber = 0;
  /** What was decided longer ago than this went to the provider already (a 301): the outbox of the demo has the rest. */
  const SENT_BEFORE_DAYS = 14;
  let assignmentNumber = 0;
  const addRequest = (caseId: string, clientId: string, lead: string, category: string, requestedDay: number): DemoProvisionRequest => {
    const at = stamp(requestedDay, road.int(9, 16), road.int(0, 59));
    const request: DemoProvisionRequest = {
      id: newId(),
      caseId,
      clientId,
      requestedOn: isoDay(requestedDay),
      asked: ASKED[category] ?? 'Ondersteuning thuis',
      category,
      requestedBy: road.weighted([['client', 6], ['medewerker', 3], ['vertegenwoordiger', 1]] as const),
      researchReportedOn: null,
      researchReport: null,
      status: 'open',
      withdrawnReason: null,
      createdBy: lead,
      createdAt: at,
      updatedAt: at,
    };
    history.provisionRequests.push(request);
    return request;
  };
  const research = (request: DemoProvisionRequest, day: number) => {
    request.researchReportedOn = isoDay(day);
    request.researchReport = road.pick(RESEARCH_REPORTS);
    request.status = 'onderzocht';
    request.updatedAt = stamp(day, 15);
  };

  /**
   * For one case in twelve: a request researched (now and then after the six weeks), decided (mostly
   * granted), and a toewijzing the provider started on; sometimes extended, ended early, or voided as
   * registered in error. The draws from `extra` are the ones the provisions always made.
   */
  const addProvision = (caseId: string, clientId: string, lead: string, start: number, end: number) => {
    if (!extra.chance(0.08)) return;
    const product = extra.pick(PROVISION_PRODUCTS);
    const provider = extra.pick(PROVIDERS);
    const plannedStart = Math.min(end, start + extra.int(7, 60));
    const voided = extra.chance(0.03);
    // The same draws from `extra` under the same conditions as always, so the ZRM stream stays as it was.
    const extend = !voided && plannedStart + 183 <= today && extra.chance(0.3);

    const requestedDay = Math.max(start, plannedStart - road.int(20, 45));
    const request = addRequest(caseId, clientId, lead, product.category, requestedDay);
    const researchDay = Math.min(today, requestedDay + (road.chance(0.1) ? road.int(43, 55) : road.int(7, 35)));
    research(request, researchDay);
    const decidedDay = Math.min(today, researchDay + road.int(1, 16));
    const outcome = road.weighted([['toegekend', 17], ['deels_toegekend', 1], ['afgewezen', 2]] as const);
    const decision: DemoProvisionDecision = {
      id: newId(),
      requestId: request.id,
      decisionNumber: ++decisionNumber,
      decidedOn: isoDay(decidedDay),
      outcome,
      reasons: outcome === 'afgewezen' ? 'Het netwerk en de algemene voorzieningen bieden wat nodig is.' : 'Zonder deze ondersteuning kan de bewoner niet zelfstandig thuis blijven wonen.',
      decidedBy: lead,
      createdAt: stamp(decidedDay, 16),
    };
    history.provisionDecisions.push(decision);
    request.status = 'besloten';
    request.updatedAt = decision.createdAt;
    if (outcome === 'afgewezen') return;

    const startDay = Math.min(today, Math.max(plannedStart, decidedDay + 1));
    const pgb = product.category === 'pgb';
    const [volume, unit, frequency] = OMVANG[product.category] ?? [null, null, null];
    const endedEarly = !voided && road.chance(0.08);
    const endDay = endedEarly ? startDay + road.int(30, 150) : startDay + 182;
    const base: DemoProvision = {
      id: newId(),
      caseId,
      clientId,
      category: product.category,
      product: product.code,
      provider,
      startOn: isoDay(startDay),
      endOn: isoDay(endDay),
      extendsProvisionId: null,
      voided,
      decisionId: decision.id,
      assignmentNumber: pgb ? null : ++assignmentNumber,
      providerAgb: PROVIDER_AGB[provider] ?? null,
      deliveryForm: pgb ? 'pgb' : 'zin',
      volume: pgb ? null : volume,
      unit: pgb ? null : unit,
      frequency: pgb ? null : frequency,
      budgetCents: pgb ? road.int(40, 160) * 5000 : null,
      changeReason: voided ? '13' : endedEarly ? '05' : null,
      endReason: endedEarly ? 'Herbeoordeling: verkorting' : null,
      voidReason: voided ? 'Bij de verkeerde cliënt vastgelegd' : null,
      assignedAt: stamp(decidedDay, 16, 30),
      // The provider's 305 a few days after the start; its 307 when the delivery ended.
      deliveryStartedOn: !voided && !pgb && startDay + 3 <= today ? isoDay(startDay + road.int(0, 3)) : null,
      deliveryEndedOn: !voided && !pgb && endDay < today ? isoDay(endDay) : null,
      deliveryEndReason: !voided && !pgb && endDay < today ? (endedEarly ? '23' : '19') : null,
      sentVersion: pgb || decidedDay > today - SENT_BEFORE_DAYS ? null : 1,
    };
    history.provisions.push(base);
    if (extend && !endedEarly && startDay + 183 <= today) {
      const extensionEnd = startDay + 365;
      history.provisions.push({
        ...base,
        id: newId(),
        startOn: isoDay(startDay + 183),
        endOn: isoDay(extensionEnd),
        extendsProvisionId: base.id,
        assignmentNumber: null,
        changeReason: '04',
        assignedAt: stamp(startDay + 170, 11),
        deliveryStartedOn: null,
        deliveryEndedOn: null,
        deliveryEndReason: null,
        sentVersion: pgb || startDay + 170 > today - SENT_BEFORE_DAYS ? null : 1,
      });
      // The chain's end is reported on its first link.
      base.deliveryEndedOn = !pgb && extensionEnd < today ? isoDay(extensionEnd) : null;
      base.deliveryEndReason = base.deliveryEndedOn ? '19' : null;
    }
  };

  /** On an open case of the last two months, now and then a request that still waits on its report or decision. */
  const addPendingRequest = (caseId: string, clientId: string, lead: string, start: number) => {
    if (today - start > 60 || !road.chance(0.25)) return;
    const category = road.pick(PROVISION_PRODUCTS).category;
    const requestedDay = Math.min(today, start + road.int(0, 20));
    const request = addRequest(caseId, clientId, lead, category, requestedDay);
    if (road.chance(0.4) && requestedDay + 10 <= today) research(request, road.int(requestedDay + 7, today));
  };

  // --- Accounts -------------------------------------------------------------------------------
  for (const login of DEMO_LOGINS) {
    const teamIndex = login.teamCode === null ? undefined : teamIndexByCode.get(login.teamCode);
    if (login.teamCode !== null && teamIndex === undefined) throw new Error(`Demo team ${login.teamCode} does not exist`);
    history.users.push({
      id: newId(),
      email: login.email,
      name: login.name,
      role: login.role,
      teamId: teamIndex === undefined ? null : teams[teamIndex]!.id,
      teamCode: login.teamCode,
      login: true,
    });
  }
  const demoWorker = history.users.find((u) => u.email === DEMO_WORKER_EMAIL)!;
  const workersByTeam: string[][] = teams.map(() => []);
  for (const user of history.users) {
    if (user.role === 'medewerker' && user.teamId) workersByTeam[teams.findIndex((t) => t.id === user.teamId)]!.push(user.id);
  }
  let emailNumber = 0;
  teams.forEach((team, teamIndex) => {
    const count = random.int(...(options.workersPerTeam ?? [3, 6]));
    for (let i = 0; i < count; i++) {
      const group = random.weighted(NAME_GROUPS.map((g) => [g, g.weight] as const));
      const first = random.pick(random.chance(0.7) ? group.female : group.male);
      const last = random.pick(group.last);
      emailNumber++;
      const user: DemoUser = {
        id: newId(),
        email: `${emailPart(first)}.${emailPart(last)}.${emailNumber}@${DEMO_EMAIL_DOMAIN}`,
        name: `${first} ${last}`,
        role: 'medewerker',
        teamId: team.id,
        teamCode: team.code,
        login: false,
      };
      history.users.push(user);
      workersByTeam[teamIndex]!.push(user.id);
    }
  });
  const leadWorkerFor = (teamIndex: number): string => {
    const pool = workersByTeam[teamIndex]!;
    if (teamIndex === teamIndexByCode.get(demoWorker.teamCode!) && random.chance(DEMO_WORKER_SHARE)) return demoWorker.id;
    return random.pick(pool);
  };

  // --- Clients ----------------------------------------------------------------------------------
  const usedBsns = new Set<string>();
  const newBsn = (): string | null => {
    // 9999xxxxx: the range of the national test persons, so no demo number is a real resident's.
    for (let attempt = 0; attempt < 200; attempt++) {
      const bsn = bsnWithCheckDigit(`9999${String(random.int(0, 9999)).padStart(4, '0')}`);
      if (bsn && !usedBsns.has(bsn)) {
        usedBsns.add(bsn);
        return bsn;
      }
    }
    return null;
  };
  const postcodeLetters = (): string => {
    for (;;) {
      const letters = random.pick([...'ABCDEGHJKLMNPRSTVWXZ']) + random.pick([...'ABCDEFGHJKLMNPRSTVWXZ']);
      if (letters !== 'SA' && letters !== 'SD' && letters !== 'SS') return letters;
    }
  };
  const address = (teamIndex: number) => {
    const area = TEAM_AREAS[teams[teamIndex]!.code] ?? { postcodes: [3500 + teamIndex], streets: ['Dorpsstraat'] };
    const number = random.int(1, 240);
    const suffix = random.chance(0.12) ? random.pick(['A', 'B', '-bis', '-1', '-2']) : '';
    return {
      street: random.pick(area.streets),
      houseNumber: `${number}${suffix}`,
      postcode: `${random.pick(area.postcodes)} ${postcodeLetters()}`,
      city: area.city ?? 'Utrecht',
    };
  };
  const birthDateFor = (ageYears: number, onDay: number): string => isoDay(onDay - Math.floor(ageYears * 365.25) - random.int(0, 364));
  const makeClient = (
    group: NameGroup,
    gender: 'm' | 'v' | 'x',
    lastName: string,
    birthDate: string,
    home: ReturnType<typeof address>,
    bsnShare: number,
    withPhone: boolean,
    createdDay: number,
    /** First names already used in the household. */
    taken: readonly string[] = [],
  ): DemoClient => {
    const names = gender === 'm' ? group.male : gender === 'v' ? group.female : random.chance(0.5) ? group.male : group.female;
    let first = random.pick(names);
    for (let attempt = 0; attempt < 5 && taken.includes(first); attempt++) first = random.pick(names);
    const created = stamp(createdDay, random.int(9, 16), random.int(0, 59));
    const client: DemoClient = {
      id: newId(),
      firstName: first,
      lastName,
      birthDate,
      bsn: random.chance(bsnShare) ? newBsn() : null,
      gender,
      ...home,
      phone: withPhone ? `06-${random.int(1, 9)}${String(random.int(0, 9_999_999)).padStart(7, '0')}` : null,
      createdAt: created,
      updatedAt: created,
    };
    history.clients.push(client);
    return client;
  };
  const newPerson = (teamIndex: number, day: number, withHousehold: boolean): Person => {
    const group = random.weighted(NAME_GROUPS.map((g) => [g, g.weight] as const));
    const gender = random.weighted([['v', 55], ['m', 44], ['x', 1]] as const);
    const ageBand = random.weighted([[[18, 34], 25], [[35, 59], 40], [[60, 74], 20], [[75, 90], 15]] as const);
    const age = random.int(ageBand[0], ageBand[1]);
    const home = address(teamIndex);
    const lastName = random.pick(group.last);
    const client = makeClient(group, gender, lastName, birthDateFor(age, day), home, 0.65, random.chance(0.85), day);
    const household: DemoClient[] = [];
    const taken = () => [client.firstName, ...household.map((m) => m.firstName)];
    if (withHousehold) {
      const members = random.weighted([[1, 55], [2, 30], [3, 15]] as const);
      for (let i = 0; i < members; i++) {
        if (i === 0 && (random.chance(0.6) || age > 65)) {
          const partnerGender = gender === 'v' ? 'm' : 'v';
          const partnerAge = Math.max(18, age + random.int(-6, 6));
          const partnerLast = random.chance(0.7) ? lastName : random.pick(group.last);
          household.push(makeClient(group, partnerGender, partnerLast, birthDateFor(partnerAge, day), home, 0.5, false, day, taken()));
        } else {
          // Children living at home; older clients' household members are grown-up children.
          const childAge = age <= 60 ? random.int(0, Math.min(25, age - 18)) : Math.max(18, age - random.int(22, 35));
          household.push(makeClient(group, random.chance(0.5) ? 'm' : 'v', lastName, birthDateFor(childAge, day), home, 0.5, false, day, taken()));
        }
      }
    }
    return { client, household, teamIndex, busyUntil: Infinity, cases: 0 };
  };

  // --- Cases ------------------------------------------------------------------------------------
  const peopleByTeam: Person[][] = teams.map(() => []);

  /** A client whose first case closed at least a month ago: usually of this team, sometimes one who moved here. */
  const findReturning = (teamIndex: number, day: number): Person | null => {
    const from = random.chance(0.8) ? teamIndex : random.int(0, teams.length - 1);
    const pool = peopleByTeam[from]!;
    for (let attempt = 0; attempt < 15 && pool.length > 0; attempt++) {
      const person = random.pick(pool);
      if (person.cases === 1 && person.busyUntil < day - 30) return person;
    }
    return null;
  };

  const addCase = (plan: CasePlan): DemoCase => {
    const { teamIndex, registeredDay: r } = plan;
    const team = teams[teamIndex]!;
    let person = plan.allowReturning && r - firstDay > 120 && random.chance(0.07) ? findReturning(teamIndex, r) : null;
    if (person) {
      if (person.teamIndex !== teamIndex) {
        // They moved: the household's address is now in this team's neighbourhood.
        const home = address(teamIndex);
        for (const c of [person.client, ...person.household]) Object.assign(c, home, { updatedAt: stamp(r, 9) });
        peopleByTeam[teamIndex]!.push(person);
        person.teamIndex = teamIndex;
      }
    } else {
      person = newPerson(teamIndex, r, random.chance(0.2));
      peopleByTeam[teamIndex]!.push(person);
    }
    person.cases++;

    const lead = plan.leadWorkerId ?? leadWorkerFor(teamIndex);
    const createdBy = random.chance(0.6) ? lead : random.pick(workersByTeam[teamIndex]!);
    const referrerCode = random.weighted(REFERRER_WEIGHTS);
    const referrerOther = referrerCode === 'anders' ? random.pick(REFERRER_OTHER) : null;
    const question = random.pick(QUESTIONS);
    const createdAt = stamp(r, random.int(8, 16), random.int(0, 59));

    let meetingDelay =
      plan.meetingDelay ??
      random.weighted([[0, 5], [random.int(1, 5), 70], [random.int(6, 10), 17], [random.int(11, 30), 8]] as const);
    if (plan.meetingDelay === undefined) {
      const wd = weekday(r + meetingDelay);
      if (wd === 6) meetingDelay += 2;
      if (wd === 0) meetingDelay += 1;
    }
    const m = r + meetingDelay;
    const startDelay = plan.startDelay ?? random.weighted([[random.int(0, 3), 40], [random.int(4, 14), 45], [random.int(15, 30), 15]] as const);
    const s = m + startDelay;
    const duration = Math.min(425, Math.max(meetingDelay + startDelay + random.int(0, 14), 30 + Math.round(-Math.log(1 - random.next()) * 120)));
    const c = r + duration;

    const status: CaseStatus = m > today ? 'registered' : s > today ? 'first_meeting' : c > today ? 'running' : 'closed';
    const location = status === 'registered' ? null : random.weighted(LOCATION_WEIGHTS);
    const closed = status === 'closed';
    const reasons = closed ? random.weightedDistinct(CLOSE_REASON_WEIGHTS, random.chance(0.85) ? 1 : 2) : [];
    const outcomes = closed ? random.weightedDistinct(CLOSE_OUTCOME_WEIGHTS, random.weighted([[1, 50], [2, 35], [3, 15]] as const)) : [];
    const satisfaction = closed && random.chance(0.7) ? random.weighted(SATISFACTION_WEIGHTS) : null;
    const canContinueAlone = closed && random.chance(0.8) ? random.chance(0.84) : null;

    const caseId = newId();
    const events: DemoCaseEvent[] = [{ id: newId(), caseId, kind: 'opened', data: null, actorId: createdBy, at: new Date(createdAt.getTime() + random.int(5, 90) * 60_000) }];
    if (status !== 'registered') {
      events.push({ id: newId(), caseId, kind: 'first_meeting', data: { on: isoDay(m), location }, actorId: lead, at: stamp(m, random.int(9, 17), random.int(0, 59)) });
    }
    if (status === 'running' || closed) events.push({ id: newId(), caseId, kind: 'started', data: null, actorId: lead, at: stamp(s, random.int(9, 17), random.int(0, 59)) });
    if (closed) {
      events.push({ id: newId(), caseId, kind: 'closed', data: { closedOn: isoDay(c), reasons, outcomes }, actorId: lead, at: stamp(c, random.int(9, 17), random.int(0, 59)) });
    }
    for (const e of events) if (e.at > now) e.at = now;

    const row: DemoCase = {
      id: caseId,
      teamId: team.id,
      leadWorkerId: lead,
      status,
      registeredOn: isoDay(r),
      referrerCode,
      referrerOther,
      question,
      firstMeetingOn: status === 'registered' ? null : isoDay(m),
      firstMeetingLocation: location,
      closedOn: closed ? isoDay(c) : null,
      closeReasons: reasons,
      closeOutcomes: outcomes,
      satisfactionScore: satisfaction,
      canContinueAlone,
      createdAt,
      updatedAt: events[events.length - 1]!.at,
      version: events.length,
    };
    history.cases.push(row);
    history.caseEvents.push(...events);
    history.caseClients.push({ caseId, clientId: person.client.id, role: 'hoofdclient' });
    for (const member of person.household) history.caseClients.push({ caseId, clientId: member.id, role: 'huishoudlid' });
    history.registrations.push({
      id: newId(),
      clientId: person.client.id,
      teamId: team.id,
      registeredOn: isoDay(r),
      referrerCode,
      referrerOther,
      question,
      createdBy,
      createdAt,
      triageOutcome: 'generalist',
      triageAdvice: null,
      triageTeamId: null,
      triagedBy: createdBy,
      triagedAt: events[0]!.at,
      caseId,
    });
    person.busyUntil = closed ? c : Infinity;

    // Journal: the first meeting, then contacts spread over the support period.
    if (status !== 'registered') {
      const end = closed ? c : today;
      const firstKind: ContactKind = location === 'thuis' ? 'huisbezoek' : location === 'kantoor' ? 'kantoor' : 'elders';
      const days = [m];
      const extra = status === 'first_meeting' ? random.int(0, 1) : Math.min(14, Math.round(((end - m) / 21) * (0.5 + random.next())));
      for (let i = 0; i < extra && end > m; i++) days.push(random.int(m + 1, end));
      days.sort((a, b) => a - b);
      days.forEach((day, i) => {
        const kind = i === 0 ? firstKind : random.weighted(CONTACT_KIND_WEIGHTS);
        const minutes = i === 0 ? random.int(9, 18) * 5 : kind === 'telefoon' || kind === 'digitaal' ? random.int(2, 6) * 5 : random.int(6, 24) * 5;
        const at = stamp(day, random.int(9, 17), random.int(0, 59));
        history.contacts.push({
          id: newId(),
          caseId,
          contactOn: isoDay(day),
          kind,
          minutes,
          note: i === 0 ? FIRST_MEETING_NOTE : random.pick(CONTACT_NOTES),
          authorId: lead,
          createdAt: at,
          updatedAt: at,
        });
      });
      addAssessments(caseId, person.client.id, m, end, closed);
      addProvision(caseId, person.client.id, lead, m, end);
      if (!closed) addPendingRequest(caseId, person.client.id, lead, m);
    }
    return row;
  };

  // Inflow: a Poisson number of registrations per team per day, by team size, season and weekday.
  const dayFactor = (day: number): number => {
    const wd = weekday(day);
    const weekdayFactor = wd === 0 ? 0.02 : wd === 6 ? 0.05 : 1;
    const month = new Date(day * DAY_MS).getUTCMonth();
    const growth = 0.9 + (0.2 * (day - firstDay)) / spanDays;
    return weekdayFactor * SEASON[month]! * growth;
  };
  let expected = 0;
  const weights = teams.map((t) => teamWeight(t.code));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  for (let day = firstDay; day <= today; day++) expected += dayFactor(day) * weightSum;
  const base = targetCases / expected;
  for (let day = firstDay; day <= today; day++) {
    const factor = dayFactor(day) * base;
    teams.forEach((_, teamIndex) => {
      const count = random.poisson(factor * weights[teamIndex]!);
      for (let i = 0; i < count; i++) addCase({ teamIndex, registeredDay: day, allowReturning: true });
    });
  }

  // Work lists must have content on every install day: per team at least one registration that
  // waits within the 5-day norm and one over it, and for the demo medewerker every open status.
  const waiting = (caseRow: DemoCase) => today - dayNumber(caseRow.registeredOn);
  const addWaiting = (teamIndex: number, overNorm: boolean, leadWorkerId?: string) => {
    const r = overNorm ? today - random.int(FIRST_MEETING_NORM_DAYS + 1, 12) : today - random.int(0, Math.min(3, FIRST_MEETING_NORM_DAYS));
    addCase({ teamIndex, registeredDay: r, meetingDelay: today - r + random.int(1, 4), leadWorkerId });
  };
  teams.forEach((team, teamIndex) => {
    const open = history.cases.filter((c) => c.teamId === team.id && c.status === 'registered');
    if (!open.some((c) => waiting(c) <= FIRST_MEETING_NORM_DAYS)) addWaiting(teamIndex, false);
    if (!open.some((c) => waiting(c) > FIRST_MEETING_NORM_DAYS)) addWaiting(teamIndex, true);
  });
  const demoTeamIndex = teamIndexByCode.get(demoWorker.teamCode!)!;
  const demoOpen = () => history.cases.filter((c) => c.leadWorkerId === demoWorker.id && c.status !== 'closed');
  while (demoOpen().filter((c) => c.status === 'registered' && waiting(c) <= FIRST_MEETING_NORM_DAYS).length < 2) addWaiting(demoTeamIndex, false, demoWorker.id);
  if (!demoOpen().some((c) => c.status === 'registered' && waiting(c) > FIRST_MEETING_NORM_DAYS)) addWaiting(demoTeamIndex, true, demoWorker.id);
  if (!demoOpen().some((c) => c.status === 'first_meeting')) {
    const r = today - random.int(7, 14);
    const meetingDelay = random.int(1, 4);
    addCase({ teamIndex: demoTeamIndex, registeredDay: r, meetingDelay, startDelay: today - r - meetingDelay + random.int(1, 10), leadWorkerId: demoWorker.id });
  }

  // Her caseload is what the demo opens on: keep it at a realistic 16–24 open cases whatever the
  // install day, by handing running cases over between her and her colleagues.
  const reassign = (caseRow: DemoCase, to: string) => {
    const from = caseRow.leadWorkerId;
    caseRow.leadWorkerId = to;
    for (const e of history.caseEvents) if (e.caseId === caseRow.id && e.kind !== 'opened' && e.actorId === from) e.actorId = to;
    for (const c of history.contacts) if (c.caseId === caseRow.id && c.authorId === from) c.authorId = to;
  };
  const colleagues = workersByTeam[demoTeamIndex]!.filter((id) => id !== demoWorker.id);
  const demoTeamId = teams[demoTeamIndex]!.id;
  const handOver = history.cases.filter((c) => c.teamId === demoTeamId && c.status === 'running' && c.leadWorkerId !== demoWorker.id);
  while (demoOpen().length < 16 && handOver.length > 0) reassign(handOver.pop()!, demoWorker.id);
  const handBack = demoOpen().filter((c) => c.status === 'running');
  while (demoOpen().length > 24 && handBack.length > 0) reassign(handBack.pop()!, random.pick(colleagues));

  // --- Registrations that did not open a case here ------------------------------------------------
  const plainRegistration = (teamIndex: number, day: number): DemoRegistration => {
    const person = newPerson(teamIndex, day, false);
    const referrerCode = random.weighted(REFERRER_WEIGHTS);
    const createdBy = random.pick(workersByTeam[teamIndex]!);
    return {
      id: newId(),
      clientId: person.client.id,
      teamId: teams[teamIndex]!.id,
      registeredOn: isoDay(day),
      referrerCode,
      referrerOther: referrerCode === 'anders' ? random.pick(REFERRER_OTHER) : null,
      question: random.pick(QUESTIONS),
      createdBy,
      createdAt: stamp(day, random.int(8, 16), random.int(0, 59)),
      triageOutcome: null,
      triageAdvice: null,
      triageTeamId: null,
      triagedBy: null,
      triagedAt: null,
      caseId: null,
    };
  };
  const teamEntries = teams.map((_, i) => [i, weights[i]!] as const);
  for (let i = 0; i < 40; i++) {
    const teamIndex = random.weighted(teamEntries);
    let day = random.int(firstDay, today - 7);
    while (weekday(day) === 0 || weekday(day) === 6) day++;
    const registration = plainRegistration(teamIndex, day);
    const outcome = random.weighted(OTHER_TRIAGE_WEIGHTS);
    let otherTeam = random.int(0, teams.length - 2);
    if (otherTeam >= teamIndex) otherTeam++;
    registration.triageOutcome = outcome;
    registration.triageAdvice = random.pick(TRIAGE_ADVICE[outcome]);
    registration.triageTeamId = outcome === 'other_team' ? teams[otherTeam]!.id : null;
    registration.triagedBy = registration.createdBy;
    registration.triagedAt = new Date(registration.createdAt.getTime() + random.int(10, 120) * 60_000);
    history.registrations.push(registration);
  }
  // The triage queue: a few fresh, untriaged registrations per team.
  teams.forEach((_, teamIndex) => {
    const count = random.int(3, 7);
    for (let i = 0; i < count; i++) history.registrations.push(plainRegistration(teamIndex, today - random.int(0, 4)));
  });

  return history;
}
