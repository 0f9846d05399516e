// The authorisation table of every API route, for the generated tests (tests/http/authorization,
// tests/http/fuzz). A route gets ONE entry in ROUTE_POLICY: the record it concerns and how to call it
// validly for a fixture record. What each caller may expect is not listed but derived here, from
// ROLE_PERMISSIONS (function level) and RECORD_ACCESS, the policy table at the top of
// src/server/access/access.policy.ts (record level).
//
// Adding a route: one line keyed 'METHOD /api/v1/path/:id' as in app.routeTable, e.g.
//   'GET /api/v1/clients/:id/consents': { record: 'client' },
//   'POST /api/v1/clients/:id/consents': { record: 'client', body: (f) => ({ ... }) },
//   'POST /api/v1/consents/:id/withdraw': { record: 'client', make: ({ owner }, f) => ..., body: () => ({ ... }) },
// `body` must be valid for the fixture and applicable once (each allowed caller gets new records);
// `prepare` brings the record into the state the action needs; a record with a policy of its own
// (the quality registers, the access log, the destruction queue, the review of emergency accesses)
// states it in `access`, next to the source it comes from, so the expectation is derived from that
// statement and not from a list of outcomes.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { roleAllows, ROLES, worksInTeam, type Permission, type Role } from '../../src/server/access/permissions';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { DASHBOARD_BLOCKS } from '../../src/server/modules/worklists/worklists.schemas';
import type { ClientFile } from '../../src/server/modules/client-file/client-file.schemas';
import { pdfText } from './pdf-text';
import { MINIMAL_PDF_BASE64 } from './documents';
import { TEST_PASSWORD, TEST_USERS, type TestUser } from './fixtures';
import type { Session } from './test-app';
import type { Db } from '../../src/server/db/database';
import { agendaFeeds, destructions } from '../../src/server/db/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { PENDING_STATUSES } from '../../src/server/modules/retention/retention.schemas';

/** Who calls: a user of a role, or nobody (no session). */
export type Caller = Role | 'none';
export const CALLERS: readonly Caller[] = [...ROLES, 'none'];
/** The fixture user acting for each role (workerA, leadA in team A; the others have no team). */
export const CALLER_USER: Record<Role, TestUser> = { medewerker: 'workerA', teamleider: 'leadA', kwaliteit: 'quality', analist: 'analyst', beheerder: 'admin' };

/**
 * How a record relates to the caller: held by the caller's own team (team A), by another team
 * (team B), by no team at all (a client without case or registration, a team nobody works in, an
 * id that does not exist), held by another team (team B) while the caller holds an active
 * emergency access to its client ('break the glass'; only medewerker, teamleider and kwaliteit can
 * hold one), or held by another team (team B) whose client a worker of the caller's team attached
 * (koppeling: a registration of team A for team B's client, by exact identification and a reason,
 * not yet reviewed by kwaliteit: 'attached').
 * Break the glass opens a client with its cases, registrations and journal, never a team: for a
 * team's own record (its workers, its quality reports) it is 'other team'. An attach opens only the
 * client's master data: for every other record of team B (its cases, registrations, journal, team)
 * it is 'other team'; see `decidingRelation`.
 */
export type Relation = 'own team' | 'other team' | 'no relation' | 'break the glass' | 'attached';
export const RELATIONS: readonly Relation[] = ['own team', 'other team', 'no relation', 'break the glass', 'attached'];

/** Whether a role reaches a relation's record: yes, no, or to read only (break the glass). */
export type Reach = boolean | 'read';
export type RecordAccess = Record<Role, Record<Relation, Reach>>;

/**
 * The record-level policy table of access.policy.ts, per relation: medewerker and teamleider read
 * and write their own team's records, and read the master data of a client their team attached
 * (writing waits for kwaliteit's judgement); kwaliteit sees a record only through break-the-glass;
 * whoever opened a client through break-the-glass reads it and never writes; analist and beheerder
 * never see client data.
 */
export const RECORD_ACCESS: RecordAccess = {
  medewerker: { 'own team': true, 'other team': false, 'no relation': false, 'break the glass': 'read', attached: 'read' },
  teamleider: { 'own team': true, 'other team': false, 'no relation': false, 'break the glass': 'read', attached: 'read' },
  kwaliteit: { 'own team': false, 'other team': false, 'no relation': false, 'break the glass': 'read', attached: false },
  analist: { 'own team': false, 'other team': false, 'no relation': false, 'break the glass': false, attached: false },
  beheerder: { 'own team': false, 'other team': false, 'no relation': false, 'break the glass': false, attached: false },
};

const everyRelation = { 'own team': true, 'other team': true, 'no relation': true, 'break the glass': true, attached: true } as const;
const noRelation = { 'own team': false, 'other team': false, 'no relation': false, 'break the glass': false, attached: false } as const;

/**
 * The team's own work with a client it holds (clientOfOwnTeam in src/server/access/access.policy.ts):
 * a new registration for the client by id, the team's own consents and disclosures. The client is in
 * the team's records also through an attach; break-the-glass reads, it never links or records.
 */
export const TEAM_CLIENT_ACCESS: RecordAccess = Object.fromEntries(
  ROLES.map((role) => [role, { ...RECORD_ACCESS[role], 'break the glass': false, attached: RECORD_ACCESS[role].attached !== false }]),
) as RecordAccess;

/**
 * The access log (accessLogReadable in src/server/access/access.policy.ts): kwaliteit reads the log of
 * every client of the organisation, whichever team holds them (or none); a medewerker or teamleider
 * reads it within their team's scope and only as the lead worker of one of the client's cases (see
 * `asLeadWorker`); analist and beheerder never.
 */
export const ACCESS_LOG_ACCESS: RecordAccess = { ...RECORD_ACCESS, kwaliteit: everyRelation };

/**
 * The quality registers (qualityReportScope in src/server/access/access.policy.ts): kwaliteit handles the reports
 * of every team, and of no team; a teamleider those of their own team; nobody else.
 */
export const QUALITY_ACCESS: RecordAccess = {
  medewerker: noRelation,
  teamleider: { 'own team': true, 'other team': false, 'no relation': false, 'break the glass': false, attached: false },
  kwaliteit: everyRelation,
  analist: noRelation,
  beheerder: noRelation,
};

/**
 * The destruction queue and a client's request for destruction (src/server/modules/retention): the
 * queue is the organisation's, so kwaliteit handles the row of any client, whichever team held them
 * (or none); nobody else.
 */
export const RETENTION_ACCESS: RecordAccess = { medewerker: noRelation, teamleider: noRelation, kwaliteit: everyRelation, analist: noRelation, beheerder: noRelation };

/** The review of emergency accesses (emergency.service listForReview): kwaliteit reviews every access of the organisation. */
export const EMERGENCY_REVIEW_ACCESS: RecordAccess = RETENTION_ACCESS;

/** The review of attachments (attachments.service listAttachmentsForReview): kwaliteit reviews every attach of the organisation. */
export const ATTACHMENT_REVIEW_ACCESS: RecordAccess = RETENTION_ACCESS;

/**
 * Break the glass, finding and opening (emergency.service): the search by exact identification finds
 * any client of the organisation for everyone who may request an emergency access; opening one is
 * allowed exactly for a client outside the caller's own scope and not opened already (else: bad
 * input, or a conflict with the access already open; see `refusal`).
 */
export const EMERGENCY_SEARCH_ACCESS: RecordAccess = { medewerker: everyRelation, teamleider: everyRelation, kwaliteit: everyRelation, analist: noRelation, beheerder: noRelation };
export const EMERGENCY_GRANT_ACCESS: RecordAccess = Object.fromEntries(
  ROLES.map((role) => [role, Object.fromEntries(RELATIONS.map((relation) => [relation, roleAllows(role, 'emergency:request') && !RECORD_ACCESS[role][relation] && relation !== 'break the glass']))]),
) as RecordAccess;

/** The records one relation offers. Versions are re-read from the database before each call. */
export interface Fixture {
  relation: Relation;
  team: { id: string };
  client: { id: string; lastName: string; version: number };
  case: { id: string; version: number };
  contact: { id: string; version: number };
  /** An untriaged registration of the client. */
  registration: { id: string; version: number };
  networkMember: { id: string; version: number };
  plan: { version: number };
  /** The case's lead worker, and a worker of the same team who can take over (lead may equal colleague). */
  leadWorkerId: string | null;
  colleagueId: string;
  /** A team that is neither the caller's nor the record's: where a case or registration can go. */
  elsewhereTeamId: string;
  /**
   * Texts and ids only team B's records of the client hold (its case, journal entry, consent,
   * disclosure): no answer to a caller whose team holds the client through an attach may contain them.
   */
  otherTeamTraces: string[];
}

/** What a route is about. `none`: no record (lists, the session, aggregates, configuration). */
export type RecordKind = 'none' | 'client' | 'case' | 'contact' | 'registration' | 'network member' | 'plan version' | 'team';

/** The id that replaces `:id` for each kind (`plan version`: the case, with `:version` the plan's). */
const RECORD_ID: Record<Exclude<RecordKind, 'none'>, (f: Fixture) => string> = {
  client: (f) => f.client.id,
  case: (f) => f.case.id,
  contact: (f) => f.contact.id,
  registration: (f) => f.registration.id,
  'network member': (f) => f.networkMember.id,
  'plan version': (f) => f.case.id,
  team: (f) => f.team.id,
};

/**
 * What `make` gets: the worker of the fixture's team (null for 'no relation'), a login for anyone,
 * and the database with the organisation, for what only a background job makes (the retention listing).
 */
export interface MakeContext {
  owner: Session | null;
  as(user: TestUser): Promise<Session>;
  /** A worker of a team that is neither the callers' nor the records' (its reach changes no caller's). */
  outsider(): Promise<Session>;
  db: Db;
  organisationId: string;
}

export interface RoutePolicy {
  /** The record the route concerns; for a `make` record, the kind it belongs to (a consent: 'client'). */
  record: RecordKind;
  /**
   * A record of the route's own kind (a consent, a quality report): made for the fixture before each
   * call, its id replaces `:id`. For 'no relation' return `unknownId()` or a record no team holds.
   */
  make?: (ctx: MakeContext, f: Fixture) => Promise<string>;
  /** A record with a policy of its own (e.g. the quality registers): who sees which relation. Default RECORD_ACCESS. */
  access?: RecordAccess;
  /** A team role (medewerker, teamleider) passes `access` only as the lead worker of the fixture's case. */
  asLeadWorker?: true;
  /**
   * A part of the answer with a policy of its own: the route answers whoever the record's policy
   * lets in, and the part is in the answer whole only for those its `access` lets see it (as
   * `asLeadWorker` says for the record); for the others the answer says it is withheld.
   */
  part?: AnswerPart;
  /** The answer per relation when `access` says no (default 404: not found), where the refusal is about the input. */
  refusal?: Partial<Record<Relation, 400 | 409>>;
  /** Whether the route only reads (break the glass allows it); default: GET, or a `:read` permission. */
  reads?: boolean;
  /**
   * The route is switched off in the test app, with the reason: every caller gets 404 (what it does
   * when switched on is tested elsewhere).
   */
  off?: string;
  /**
   * The route lists records of this kind instead of addressing one: it answers 2xx to everyone the
   * role allows, and the fixture's record is in the answer exactly when the caller may see it
   * ('scope'), or only when the caller is also the case's lead worker ('lead worker'); a list of the
   * team's own work ('team') never shows what break the glass opened.
   */
  list?: 'scope' | 'team' | 'lead worker';
  query?: (f: Fixture) => string;
  /** A valid body for the fixture's record (GET routes and bodyless POSTs have none). */
  body?: (f: Fixture) => unknown;
  /** Brings the record into the state the action needs, as its team's worker, before the call (a client no team holds needs nothing). */
  prepare?: (owner: Session, f: Fixture) => Promise<void>;
  /** The call ends the caller's session: it runs on a session of its own. */
  endsSession?: true;
  /**
   * The call changes the caller's own account (the password; it ends the account's other sessions):
   * it runs as a stand-in, a user of the caller's role and team made for the call, so the fixture
   * users keep their password and sessions.
   */
  ownAccount?: true;
}

/** A part of an answer with a policy of its own, and how to tell from an answer whether it is there. */
export interface AnswerPart {
  name: string;
  access: RecordAccess;
  asLeadWorker?: true;
  shown(response: LightMyRequestResponse): boolean | Promise<boolean>;
}

/** The client's access log inside the client's file (JSON and PDF): the rule of the access log itself. */
const accessLogInFile = (shown: AnswerPart['shown']): AnswerPart => ({ name: 'the access log', access: ACCESS_LOG_ACCESS, asLeadWorker: true, shown });
const accessLogInJson = accessLogInFile((response) => (response.json() as ClientFile).accessLog.withheld === false);
// The PDF's section heading carries the number of log rows only when the rows are in it.
const accessLogInPdf = accessLogInFile(async (response) => /Wie heeft dit dossier ingezien \(\d+\)/.test(await pdfText(response.rawPayload)));

const today = todayInNetherlands();

/**
 * One record of a kind per fixture: the routes about it share it, so the fixture shared by the
 * refused callers has one consent, one queue row, ... (made before the test takes its fingerprint).
 */
const madeOnce = new Map<string, Promise<string>>();
function once(kind: string, f: Fixture, make: () => Promise<string>): Promise<string> {
  const key = `${kind} ${f.client.id}`;
  if (!madeOnce.has(key)) madeOnce.set(key, make());
  return madeOnce.get(key)!;
}

/** A consent of the fixture's client, recorded by its team's worker (none for a client no team holds). */
const makeConsent = ({ owner }: MakeContext, f: Fixture) =>
  once('consent', f, async () =>
    owner
      ? (await owner.post<{ id: string }>(`/api/v1/clients/${f.client.id}/consents`, { recipientKind: 'huisarts', recipientName: 'Huisartsenpraktijk De Linde', dataShared: 'Het krachtplan', purpose: 'Afstemming van de zorg', validFrom: today, givenHow: 'mondeling' })).id
      : unknownId(),
  );

/**
 * A quality report of the fixture's team: filed by the team's worker (who files for their own team),
 * and for 'no relation' by kwaliteit for the team nobody works in.
 */
const makeQualityReport = ({ owner, as }: MakeContext, f: Fixture) =>
  once('quality report', f, async () => {
    const body = { kind: 'klacht', title: 'Afspraak niet nagekomen', description: 'De bewoner wachtte tevergeefs', occurredOn: today, receivedOn: today, filedBy: 'Een bewoner' };
    const filer = owner ?? (await as('quality'));
    return (await filer.post<{ id: string }>('/api/v1/quality-reports', owner ? body : { ...body, teamId: f.team.id })).id;
  });

/**
 * The fixture's client in the destruction queue: a request for destruction recorded by the second
 * person of kwaliteit (so the caller, the first, may confirm it: four eyes).
 */
const makeDestruction = ({ as }: MakeContext, f: Fixture) =>
  once('destruction', f, async () => (await (await as('quality2')).post<{ id: string }>(`/api/v1/clients/${f.client.id}/destruction-request`, { receivedOn: today, note: '' })).id);
/**
 * The fixture's client listed by the daily retention job (nobody proposed yet), written as the job
 * writes it (the job lists a client only 15 years after the last closing); a client already in the
 * queue (a request, on a shared fixture) keeps its one row.
 */
const makeListing = ({ db, organisationId }: MakeContext, f: Fixture) =>
  once('listing', f, async () => {
    await db.insert(destructions).values({ organisationId, clientId: f.client.id, reason: 'bewaartermijn', requestedOn: today, dueOn: today }).onConflictDoNothing();
    const [row] = await db
      .select({ id: destructions.id })
      .from(destructions)
      .where(and(eq(destructions.organisationId, organisationId), eq(destructions.clientId, f.client.id), inArray(destructions.status, [...PENDING_STATUSES])));
    return row!.id;
  });

/**
 * An emergency access to the fixture's client, for kwaliteit to review: opened by a worker outside
 * the client's team (never by one of the callers, whose scope it would widen).
 */
const makeEmergencyAccess = ({ as, outsider }: MakeContext, f: Fixture) =>
  once('emergency access', f, async () => {
    // Team A holds an attached client: a worker of a third team breaks the glass.
    const worker = f.relation === 'attached' ? await outsider() : await as(f.relation === 'own team' || f.relation === 'no relation' ? 'workerB' : 'workerA2');
    return (await worker.post<{ id: string }>('/api/v1/emergency-access', { clientId: f.client.id, reason: 'Crisis in het weekend, het eigen team is niet bereikbaar' })).id;
  });

/**
 * An attach of the fixture's client, for kwaliteit to review: for 'attached' the fixture's own (team
 * A's); otherwise one by a worker of a team none of the callers works in (an attach opens the client
 * to the attacher's whole team), identified by last name and birth date, with a new registration.
 */
const makeAttachment = ({ outsider, as }: MakeContext, f: Fixture) =>
  once('attachment', f, async () => {
    if (f.relation !== 'attached') {
      const attach = { lastName: f.client.lastName, birthDate: '1960-06-06', reason: 'De bewoner meldt zich bij ons met een nieuwe vraag' };
      await (await outsider()).post('/api/v1/registrations', { attach, registeredOn: today, referrerCode: 'zelfmelder', question: 'Nieuwe vraag' });
    }
    const attachments = await (await as('quality')).get<{ id: string; clientId: string }[]>('/api/v1/attachments?status=alle');
    return attachments.find((a) => a.clientId === f.client.id)!.id;
  });

/** Nothing keeps the client: the case closed, the waiting registration referred elsewhere. */
const closeEverything = async (owner: Session, f: Fixture) => {
  await owner.post(`/api/v1/cases/${f.case.id}/close`, { closedOn: today, reasons: ['volgens_plan'], version: f.case.version });
  await owner.post(`/api/v1/registrations/${f.registration.id}/triage`, { outcome: 'social_base', advice: 'De vrijwilligerscentrale', version: f.registration.version });
};

const recordFirstMeeting = (owner: Session, f: Fixture) => owner.post(`/api/v1/cases/${f.case.id}/first-meeting`, { firstMeetingOn: today, location: 'thuis', version: f.case.version }).then(() => undefined);

/**
 * Maatwerk on the fixture's case, made by its team's worker step by step (none for a case no team
 * holds); each route gets its own (`use`), as each takes its record one step further.
 */
type Maatwerk = { requests: { id: string; decision: { id: string } | null }[]; provisions: { id: string; decisionId: string | null }[] };
const makeRequest = (use: string) => (ctx: MakeContext, f: Fixture) =>
  once(`provision request for ${use}`, f, async () => {
    if (!ctx.owner) return unknownId();
    const answer = await ctx.owner.post<Maatwerk>(`/api/v1/cases/${f.case.id}/provision-requests`, { clientId: f.client.id, requestedOn: today, asked: `Hulp bij het huishouden (${use})`, requestedBy: 'client' });
    return answer.requests[0]!.id;
  });
const makeResearchedRequest = (use: string) => (ctx: MakeContext, f: Fixture) =>
  once(`researched request for ${use}`, f, async () => {
    const id = await makeRequest(use)(ctx, f);
    if (ctx.owner) await ctx.owner.post(`/api/v1/provision-requests/${id}/research`, { researchReportedOn: today, researchReport: 'Het huishouden lukt niet meer zelf', version: 1 });
    return id;
  });
const makeDecision = (use: string) => (ctx: MakeContext, f: Fixture) =>
  once(`decision for ${use}`, f, async () => {
    const id = await makeResearchedRequest(use)(ctx, f);
    if (!ctx.owner) return id;
    const answer = await ctx.owner.post<Maatwerk>(`/api/v1/provision-requests/${id}/decision`, { decidedOn: today, outcome: 'toegekend', reasons: 'Hulp is nodig', version: 2 });
    return answer.requests.find((r) => r.id === id)!.decision!.id;
  });
const makeProvision = (use: string) => (ctx: MakeContext, f: Fixture) =>
  once(`provision for ${use}`, f, async () => {
    const id = await makeDecision(use)(ctx, f);
    if (!ctx.owner) return id;
    const body = { category: 'hbh', product: 'hbh', provider: 'Careyn', startOn: today, endOn: addDays(today, 90), volume: 3, unit: '04', frequency: '2' };
    return (await ctx.owner.post<Maatwerk>(`/api/v1/provision-decisions/${id}/provisions`, body)).provisions.find((p) => p.decisionId === id)!.id;
  });

/**
 * A task on the fixture's case, made by its team's worker for themselves, the case's lead worker
 * (none for a case no team holds); `done` also marks it done (version 2). One per use.
 */
const makeTask = (use: string, done = false) => ({ owner }: MakeContext, f: Fixture) =>
  once(`task for ${use}`, f, async () => {
    if (!owner) return unknownId();
    const made = await owner.post<{ id: string; version: number }>(`/api/v1/cases/${f.case.id}/tasks`, { title: `De huisarts bellen (${use})`, dueOn: today });
    if (done) await owner.post(`/api/v1/tasks/${made.id}/done`, { version: made.version });
    return made.id;
  });

/**
 * A document on the fixture's case, uploaded by its team's worker (who is then the uploader and the
 * lead worker; none for a case no team holds). One per use.
 */
const makeDocument = (use: string) => ({ owner }: MakeContext, f: Fixture) =>
  once(`document for ${use}`, f, async () => {
    if (!owner) return unknownId();
    return (await owner.post<{ id: string }>(`/api/v1/cases/${f.case.id}/documents`, { title: `Brief (${use})`, fileName: 'brief.pdf', contentBase64: MINIMAL_PDF_BASE64 })).id;
  });
const documentUpload = () => ({ title: 'Brief van de huisarts', fileName: 'huisarts.pdf', contentBase64: MINIMAL_PDF_BASE64 });

/**
 * An appointment on the fixture's case, made by its team's worker (the case's lead worker) for
 * themselves, today from 00:00 to 00:30 (begun whenever the test runs, so it can become a journal
 * entry), none for a case no team holds or a closed case. One per use.
 */
const makeAppointment = (use: string) => ({ owner }: MakeContext, f: Fixture) =>
  once(`appointment for ${use}`, f, async () => {
    if (!owner) return unknownId();
    const made = await owner.request('POST', `/api/v1/cases/${f.case.id}/appointments`, { kind: 'telefoon', date: today, startTime: '00:00', endTime: '00:30', withWhom: `Mevrouw (${use})` });
    // A closed case takes none (409): the call then goes to an id no appointment has.
    if (made.statusCode === 409) return unknownId();
    if (made.statusCode !== 201) throw new Error(`appointment for ${use}: ${made.statusCode} ${made.body}`);
    return (made.json() as { id: string }).id;
  });

/**
 * No agenda-feed addresses at all before a call of the revoke route, whose caller then has none:
 * revoking changes nothing and answers 204 (tests/http/appointments.test.ts revokes real ones).
 */
const withoutFeeds = async ({ db }: MakeContext) => {
  await db.delete(agendaFeeds);
  return unknownId();
};

/** The token of the last agenda-feed address made for the feed route (made new for every call: a caller may have revoked the one before). */
let feedToken = '';
const makeFeed = async ({ as }: MakeContext) => {
  const worker = await as('workerA2');
  const { createdAt } = await worker.get<{ createdAt: string | null }>('/api/v1/agenda-feed');
  const made = await worker.post<{ path: string }>('/api/v1/agenda-feed', { replacing: createdAt });
  feedToken = new URL(made.path, 'http://localhost').searchParams.get('token')!;
  return unknownId();
};

export const ROUTE_POLICY: Record<string, RoutePolicy> = {
  'GET /api/v1/health': { record: 'none' },
  'GET /api/v1/openapi.json': { record: 'none' },
  'POST /api/v1/auth/login': { record: 'none', endsSession: true, body: () => ({ email: TEST_USERS.workerA2.email, password: TEST_PASSWORD }) },
  'POST /api/v1/auth/logout': { record: 'none', endsSession: true },
  'GET /api/v1/auth/me': { record: 'none' },
  'POST /api/v1/auth/password': { record: 'none', ownAccount: true, body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'Zeven zilveren zwanen zwemmen' }) },
  'GET /api/v1/auth/config': { record: 'none' },
  'GET /api/v1/auth/oidc/start': { record: 'none', off: 'OpenID Connect is not configured in the test app (tests/http/oidc.test.ts runs it against a provider)' },
  'GET /api/v1/auth/oidc/callback': { record: 'none', off: 'OpenID Connect is not configured in the test app (tests/http/oidc.test.ts runs it against a provider)' },
  'GET /api/v1/reference': { record: 'none' },
  'GET /api/v1/teams/:teamId/workers': { record: 'team' },

  'POST /api/v1/clients/search': { record: 'client', list: 'scope', body: (f) => ({ search: f.client.lastName }) },
  // The header search: the clients the caller may read, with their open cases the caller may see.
  'POST /api/v1/search': { record: 'client', list: 'scope', body: (f) => ({ search: f.client.lastName }) },
  'GET /api/v1/clients/:id': { record: 'client' },
  'PUT /api/v1/clients/:id': { record: 'client', body: (f) => ({ firstName: 'Truus', lastName: f.client.lastName, birthDate: '1960-06-06', version: f.client.version }) },
  // Lists possible matches across the organisation; the id only of a client the caller may read.
  'POST /api/v1/clients/duplicate-check': { record: 'client', list: 'scope', reads: true, body: (f) => ({ firstName: 'Truus', lastName: f.client.lastName, birthDate: '1960-06-06' }) },
  'GET /api/v1/clients/:id/zrm': { record: 'client' },
  'GET /api/v1/clients/:id/file': { record: 'client', part: accessLogInJson },
  'GET /api/v1/clients/:id/file.pdf': { record: 'client', part: accessLogInPdf },
  'GET /api/v1/clients/:id/access-log': { record: 'client', access: ACCESS_LOG_ACCESS, asLeadWorker: true },

  'GET /api/v1/clients/:id/consents': { record: 'client' },
  'POST /api/v1/clients/:id/consents': {
    record: 'client',
    access: TEAM_CLIENT_ACCESS,
    body: () => ({ recipientKind: 'woningcorporatie', recipientName: 'Woonstichting Mitros', dataShared: 'Adres en huurachterstand', purpose: 'Een betalingsregeling', validFrom: today, givenHow: 'schriftelijk' }),
  },
  'POST /api/v1/consents/:id/withdraw': { record: 'client', make: makeConsent, body: () => ({ withdrawnOn: today, note: 'De bewoner trekt de toestemming in', version: 1 }) },
  'POST /api/v1/clients/:id/disclosures': {
    record: 'client',
    access: TEAM_CLIENT_ACCESS,
    body: () => ({ recipient: 'Veilig Thuis Utrecht', dataShared: 'Zorgen over de kinderen', ground: 'meldrecht', reasoning: 'Volgens de meldcode: acute onveiligheid in het gezin', disclosedOn: today }),
  },

  'POST /api/v1/emergency-access/search': { record: 'client', list: 'scope', access: EMERGENCY_SEARCH_ACCESS, body: (f) => ({ lastName: f.client.lastName, birthDate: '1960-06-06' }) },
  'POST /api/v1/emergency-access': { record: 'client', access: EMERGENCY_GRANT_ACCESS, refusal: { 'own team': 400, 'break the glass': 409, attached: 400 }, body: (f) => ({ clientId: f.client.id, reason: 'Crisis in het weekend, het eigen team is niet bereikbaar' }) },
  'GET /api/v1/emergency-access/mine': { record: 'none' },
  'GET /api/v1/emergency-access': { record: 'client', list: 'scope', access: EMERGENCY_REVIEW_ACCESS, make: makeEmergencyAccess },
  'POST /api/v1/emergency-access/:id/review': { record: 'client', access: EMERGENCY_REVIEW_ACCESS, make: makeEmergencyAccess, body: () => ({ outcome: 'terecht', note: '', version: 1 }) },

  'GET /api/v1/attachments': { record: 'client', list: 'scope', access: ATTACHMENT_REVIEW_ACCESS, make: makeAttachment, query: () => '?status=alle' },
  'POST /api/v1/attachments/:id/review': { record: 'client', access: ATTACHMENT_REVIEW_ACCESS, make: makeAttachment, body: () => ({ outcome: 'terecht', note: '', version: 1 }) },

  'GET /api/v1/retention': { record: 'client', list: 'scope', access: RETENTION_ACCESS, make: makeDestruction, query: () => '?limit=500' },
  'POST /api/v1/retention/:id/propose': { record: 'client', access: RETENTION_ACCESS, prepare: closeEverything, make: makeListing, body: () => ({ version: 1, note: '' }) },
  'POST /api/v1/retention/:id/confirm': { record: 'client', access: RETENTION_ACCESS, prepare: closeEverything, make: makeDestruction, body: () => ({ version: 1, note: '' }) },
  'POST /api/v1/retention/:id/decline': { record: 'client', access: RETENTION_ACCESS, make: makeDestruction, body: () => ({ version: 1, note: 'Langer bewaren: er loopt een klacht' }) },
  'POST /api/v1/clients/:id/destruction-request': { record: 'client', access: RETENTION_ACCESS, body: () => ({ receivedOn: today, note: '' }) },

  'POST /api/v1/quality-reports': {
    record: 'none',
    body: () => ({ kind: 'incident', category: 'agressie_verbaal', title: 'Schelden aan de balie', description: 'Een bezoeker schold een collega uit', occurredOn: today, receivedOn: today, filedBy: 'Een medewerker' }),
  },
  'GET /api/v1/quality-reports': { record: 'team', list: 'scope', access: QUALITY_ACCESS, make: makeQualityReport },
  'GET /api/v1/quality-reports/:id': { record: 'team', access: QUALITY_ACCESS, make: makeQualityReport },
  'PUT /api/v1/quality-reports/:id': { record: 'team', access: QUALITY_ACCESS, make: makeQualityReport, body: () => ({ status: 'in_behandeling', evaluation: '', lessonLearned: '', reopenReason: '', version: 1 }) },
  'POST /api/v1/quality-reports/:id/steps': { record: 'team', access: QUALITY_ACCESS, make: makeQualityReport, body: () => ({ stepOn: today, description: 'Gesprek met de melder gevoerd' }) },

  // An existing client by id: only one the caller's team holds (an attach counts, break the glass does not).
  'POST /api/v1/registrations': { record: 'client', access: TEAM_CLIENT_ACCESS, body: (f) => ({ clientId: f.client.id, registeredOn: today, referrerCode: 'zelfmelder', question: 'Hulp bij post' }) },
  'GET /api/v1/registrations': { record: 'registration', list: 'team' },
  'GET /api/v1/registrations/:id': { record: 'registration' },
  'POST /api/v1/registrations/:id/triage': { record: 'registration', body: (f) => ({ outcome: 'generalist', version: f.registration.version }) },

  'GET /api/v1/cases': { record: 'case', list: 'scope', query: () => '?scope=team&status=all' },
  'GET /api/v1/cases/:id': { record: 'case' },
  'POST /api/v1/cases/:id/first-meeting': { record: 'case', body: (f) => ({ firstMeetingOn: today, location: 'thuis', version: f.case.version }) },
  'POST /api/v1/cases/:id/start': { record: 'case', prepare: recordFirstMeeting, body: (f) => ({ version: f.case.version }) },
  'POST /api/v1/cases/:id/close': { record: 'case', body: (f) => ({ closedOn: today, reasons: ['volgens_plan'], version: f.case.version }) },
  'POST /api/v1/cases/:id/reopen': {
    record: 'case',
    prepare: (owner, f) => owner.post(`/api/v1/cases/${f.case.id}/close`, { closedOn: today, reasons: ['volgens_plan'], version: f.case.version }).then(() => undefined),
    body: (f) => ({ reason: 'De bewoner meldt zich opnieuw', version: f.case.version }),
  },
  'PUT /api/v1/cases/:id/lead-worker': { record: 'case', body: (f) => ({ leadWorkerId: f.colleagueId, version: f.case.version }) },
  'POST /api/v1/cases/:id/household': { record: 'case', body: (f) => ({ client: { firstName: 'Kim', lastName: f.client.lastName }, version: f.case.version }) },
  'POST /api/v1/cases/:id/transfer': { record: 'case', body: (f) => ({ teamId: f.elsewhereTeamId, note: 'Verhuisd naar een andere wijk', version: f.case.version }) },

  'GET /api/v1/cases/:id/contacts': { record: 'case' },
  'POST /api/v1/cases/:id/contacts': { record: 'case', body: () => ({ contactOn: today, kind: 'telefoon', note: 'Gebeld' }) },
  'PUT /api/v1/contacts/:id': { record: 'contact', body: (f) => ({ contactOn: today, kind: 'huisbezoek', note: 'Toch langs geweest', version: f.contact.version }) },
  'GET /api/v1/contacts/:id/versions': { record: 'contact' },

  'GET /api/v1/cases/:id/plan': { record: 'case' },
  'PUT /api/v1/cases/:id/plan': { record: 'case', body: (f) => ({ content: { domains: [{ domain: 'financien', goal: 'Overzicht in de post' }], reciprocity: 'Helpt de buurvrouw' }, baseVersion: f.plan.version }) },
  'GET /api/v1/cases/:id/plan/versions/:version': { record: 'plan version' },
  'POST /api/v1/cases/:id/plan/versions/:version/agreement': { record: 'plan version', body: () => ({ agreedOn: today, how: 'gesprek' }) },
  'GET /api/v1/cases/:id/plan/compare': { record: 'case', query: (f) => `?from=${f.plan.version}&to=${f.plan.version}` },
  'POST /api/v1/cases/:id/plan/print': { record: 'case', body: () => ({}) },

  'GET /api/v1/cases/:id/zrm': { record: 'case' },
  'POST /api/v1/cases/:id/zrm': { record: 'case', body: (f) => ({ clientId: f.client.id, assessedOn: today, type: 'nul', scores: { financien: 3 } }) },

  'GET /api/v1/cases/:id/network': { record: 'case' },
  'POST /api/v1/cases/:id/network': { record: 'case', body: () => ({ name: 'Oom Piet', kind: 'family' }) },
  'PUT /api/v1/network/:id': { record: 'network member', body: (f) => ({ name: 'Buurvrouw Els', kind: 'neighbour', version: f.networkMember.version }) },
  'POST /api/v1/network/:id/remove': { record: 'network member', body: (f) => ({ version: f.networkMember.version }) },
  'GET /api/v1/cases/:id/maatwerk': { record: 'case' },
  'POST /api/v1/cases/:id/provision-requests': { record: 'case', body: (f) => ({ clientId: f.client.id, requestedOn: today, asked: 'Begeleiding bij de administratie', requestedBy: 'client' }) },
  'POST /api/v1/provision-requests/:id/research': { record: 'case', make: makeRequest('research'), body: () => ({ researchReportedOn: today, researchReport: 'Begeleiding is nodig', version: 1 }) },
  'POST /api/v1/provision-requests/:id/withdrawal': { record: 'case', make: makeRequest('withdrawal'), body: () => ({ reason: 'De bewoner ziet ervan af', version: 1 }) },
  'POST /api/v1/provision-requests/:id/decision': { record: 'case', make: makeResearchedRequest('decision'), body: () => ({ decidedOn: today, outcome: 'afgewezen', reasons: 'Het netwerk kan dit', version: 2 }) },
  'GET /api/v1/provision-decisions/:id/letter.pdf': { record: 'case', make: makeDecision('letter') },
  'POST /api/v1/provision-decisions/:id/provisions': {
    record: 'case',
    make: makeDecision('assignment'),
    body: () => ({ category: 'begeleiding', product: 'iab_klein', provider: 'Lister', startOn: today, endOn: null, volume: 2, unit: '04', frequency: '2' }),
  },
  'POST /api/v1/provisions/:id/extension': { record: 'case', make: makeProvision('extension'), body: () => ({ endOn: addDays(today, 180), version: 1 }) },
  'POST /api/v1/provisions/:id/end': { record: 'case', make: makeProvision('end'), body: () => ({ endOn: addDays(today, 30), reason: '05', version: 1 }) },
  'POST /api/v1/provisions/:id/void': { record: 'case', make: makeProvision('void'), body: () => ({ reason: 'Bij de verkeerde cliënt ingevoerd', version: 1 }) },

  'GET /api/v1/work/mine': { record: 'case', list: 'lead worker' },
  'GET /api/v1/work/dashboard': { record: 'case', list: 'lead worker' },
  'PUT /api/v1/work/dashboard/layout': { record: 'none', body: () => ({ order: [...DASHBOARD_BLOCKS].reverse(), hidden: [] }) },
  'GET /api/v1/work/team': { record: 'case', list: 'team' },
  'GET /api/v1/work/figures': { record: 'none' },

  'GET /api/v1/reports/annual': { record: 'none', query: () => `?year=${today.slice(0, 4)}` },
  'GET /api/v1/reports/annual.csv': { record: 'none', query: () => `?year=${today.slice(0, 4)}&quarter=1` },
  'GET /api/v1/reports/zrm': { record: 'none', query: () => `?year=${today.slice(0, 4)}` },
  'GET /api/v1/reports/flow': { record: 'none', query: () => `?year=${today.slice(0, 4)}` },
  'GET /api/v1/reports/flow.csv': { record: 'none', query: () => `?year=${today.slice(0, 4)}&team=zuilen` },

  'GET /api/v1/exchange/limits': { record: 'none' },
  'POST /api/v1/exchange/validate': { record: 'none', body: () => ({ files: { 'clients.csv': 'client_id;voornaam\n' } }) },
  'POST /api/v1/exchange/import': { record: 'none', body: () => ({ files: {} }) },

  // The beheerder's iWmo screen: no record and no client data (tests/http/iwmo-screen.test.ts); the test app's folders are set.
  'GET /api/v1/iwmo/messages': { record: 'none', query: () => '?direction=out&limit=20' },
  'POST /api/v1/iwmo/outbox': { record: 'none', body: () => ({}) },
  'POST /api/v1/iwmo/inbox': { record: 'none', body: () => ({}) },

  // Tasks: one on a case follows the case (taskScope); "mine" lists those given to the caller, here
  // the lead worker, for whom the case's worker made it; the team view lists the team's (team leader).
  'GET /api/v1/tasks': { record: 'case', list: 'lead worker', make: makeTask('list') },
  'GET /api/v1/tasks/team': { record: 'case', list: 'team', make: makeTask('list') },
  'POST /api/v1/tasks': { record: 'none', body: () => ({ title: 'Verlof aanvragen', dueOn: today }) },
  'POST /api/v1/tasks/:id/done': { record: 'case', make: makeTask('done'), body: () => ({ version: 1 }) },
  'POST /api/v1/tasks/:id/reopen': { record: 'case', make: makeTask('reopen', true), body: () => ({ version: 2 }) },
  'GET /api/v1/cases/:id/tasks': { record: 'case' },
  'POST /api/v1/cases/:id/tasks': { record: 'case', body: () => ({ title: 'Huisbezoek plannen', dueOn: today }) },

  // Letters: the templates are the organisation's (beheerder; tests/http/letters.test.ts); a letter
  // on a case goes with the case (a member of its household is the recipient).
  'GET /api/v1/letter-templates': { record: 'none' },
  'PUT /api/v1/letter-templates': { record: 'none', body: () => ({ kind: 'uitnodiging', subject: 'Uitnodiging', body: 'Beste {naam},', version: 0 }) },
  'POST /api/v1/letter-templates/reset': { record: 'none', body: () => ({ kind: 'afsluiting', version: 1 }) },
  // A draft needs the case's write scope (it is the start of a letter): break the glass does not make one.
  'POST /api/v1/cases/:id/letter-draft': { record: 'case', body: (f) => ({ kind: 'uitnodiging', recipientId: f.client.id }) },
  'POST /api/v1/cases/:id/letters': { record: 'case', body: (f) => ({ kind: 'afsluiting', recipientId: f.client.id, subject: 'Wij stoppen', body: 'Beste mevrouw,\n\nTot ziens.' }) },
  // Documents: one on a case follows the case; one of a client alone is the storing team's (as consents).
  'GET /api/v1/cases/:id/documents': { record: 'case' },
  'POST /api/v1/cases/:id/documents': { record: 'case', body: documentUpload },
  'GET /api/v1/clients/:id/documents': { record: 'client' },
  'POST /api/v1/clients/:id/documents': { record: 'client', access: TEAM_CLIENT_ACCESS, body: documentUpload },
  'GET /api/v1/documents/:id/content': { record: 'case', make: makeDocument('download') },
  'PUT /api/v1/documents/:id': { record: 'case', make: makeDocument('change'), body: () => ({ title: 'Brief van de corporatie', version: 1 }) },
  'POST /api/v1/documents/:id/remove': { record: 'case', make: makeDocument('remove'), body: () => ({ version: 1 }) },
  // Appointments follow their case (appointmentScope); the own agenda lists those the caller
  // organises, here the lead worker, who made it; the team's agenda is the team leader's.
  'GET /api/v1/cases/:id/appointments': { record: 'case' },
  'POST /api/v1/cases/:id/appointments': { record: 'case', body: () => ({ kind: 'huisbezoek', date: today, startTime: '10:00', endTime: '11:00', place: 'Bij mevrouw thuis' }) },
  'PUT /api/v1/appointments/:id': { record: 'case', make: makeAppointment('change'), body: () => ({ kind: 'video', date: today, startTime: '00:00', endTime: '00:45', version: 1 }) },
  'POST /api/v1/appointments/:id/cancel': { record: 'case', make: makeAppointment('cancel'), body: () => ({ version: 1 }) },
  'POST /api/v1/appointments/:id/journal-entry': { record: 'case', make: makeAppointment('journal'), body: () => ({ version: 1 }) },
  'GET /api/v1/agenda': { record: 'case', list: 'lead worker', make: makeAppointment('list'), query: () => `?from=${today}&to=${addDays(today, 6)}` },
  'GET /api/v1/agenda/team': { record: 'case', list: 'team', make: makeAppointment('list'), query: () => `?from=${today}&to=${today}` },
  // The caller's own feed address (no record); the feed itself is public, its token the key.
  'GET /api/v1/agenda-feed': { record: 'none' },
  // Made by each allowed caller once, who has none yet; revoking an address one does not have changes nothing.
  'POST /api/v1/agenda-feed': { record: 'none', body: () => ({ replacing: null }) },
  'POST /api/v1/agenda-feed/revoke': { record: 'none', make: withoutFeeds, body: () => ({ createdAt: '2026-01-01T00:00:00.000Z' }) },
  'GET /api/v1/agenda-feed/agenda.ics': { record: 'none', make: makeFeed, query: () => `?token=${feedToken}` },

  // Notifications are the caller's own (every session has them); tests/http/notifications.test.ts checks who gets which, and what the list shows.
  'GET /api/v1/notifications': { record: 'none' },
  'GET /api/v1/notifications/unread-count': { record: 'none' },
  'POST /api/v1/notifications/read': { record: 'none', body: () => ({ ids: [unknownId()] }) },
  // Up to a moment before any fixture: the shared fixtures' notifications (their registrations') stay unread.
  'POST /api/v1/notifications/read-all': { record: 'none', body: () => ({ seenUpTo: '2020-01-01T00:00:00.000Z' }) },
};

/** Routes left out of the OpenAPI document on purpose, with the reason. */
export const UNDOCUMENTED_ROUTES: Record<string, string> = {
  '/api/*': 'the catch-all that answers 404 to an unknown API path',
};

/** A route as the OpenAPI document lists it, `{id}` written as `:id` like app.routeTable. */
export interface DocumentedRoute {
  method: string;
  url: string;
  /** The names of its query parameters. */
  query: string[];
}

/** The routes of the OpenAPI document, fetched through the app like any client would. */
export async function documentedRoutes(app: FastifyInstance): Promise<DocumentedRoute[]> {
  const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  type Operation = { parameters?: { in: string; name: string }[] };
  const doc = response.json() as { servers: { url: string }[]; paths: Record<string, Record<string, Operation>> };
  // The paths are relative to the server's URL (/api/v1), as OpenAPI has it.
  const base = doc.servers[0]!.url;
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      url: base + path.replace(/\{(\w+)\}/g, ':$1'),
      query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

export const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

/** The policy entry of a route, or an error that says what to do. */
export function policyOf(route: { method: string; url: string }): RoutePolicy {
  const entry = ROUTE_POLICY[routeKey(route)];
  if (!entry) throw new Error(`no policy entry for ${routeKey(route)}: add one to tests/support/route-policy.ts`);
  return entry;
}

/** The relations worth calling a route with: a route about no record has one answer for all. */
export function relationsOf(policy: RoutePolicy): readonly Relation[] {
  return policy.record === 'none' ? ['own team'] : RELATIONS;
}

export type Expected =
  /** 2xx; for a list, whether the fixture's record is in it; for an answer with a `part`, whether the part is whole. */
  | { allowed: true; listed?: boolean; partShown?: boolean }
  | { allowed: false; status: 400 | 401 | 404 | 409 };

/**
 * The outcome a caller may expect, derived from the two policy tables: no session → 401 (unless
 * public); a role without the route's permission → 404; a route about a record → allowed only when
 * RECORD_ACCESS lets the role see that relation, else 404; a list → allowed, with the record in it
 * only when it may be seen. `callerId`: the caller's user id, for lists of one's own cases.
 */
export function expectedOutcome(route: { method: string; permission: Permission }, policy: RoutePolicy, caller: Caller, relation: Relation, callerId?: string, f?: Fixture): Expected {
  if (policy.off) return { allowed: false, status: 404 };
  if (caller === 'none') return route.permission === 'public' ? { allowed: true } : { allowed: false, status: 401 };
  if (!roleAllows(caller, route.permission)) return { allowed: false, status: 404 };
  if (policy.record === 'none') return { allowed: true };
  const held = decidingRelation(policy.record, relation);
  const reads = policy.reads ?? (route.method === 'GET' || route.permission.endsWith(':read'));
  const isLeadWorker = !!callerId && callerId === f?.leadWorkerId;
  const sees = (access: RecordAccess, asLeadWorker: boolean) => {
    const reach = access[caller][held];
    return (reach === true || (reach === 'read' && reads)) && (!asLeadWorker || !worksInTeam(caller) || isLeadWorker);
  };
  const visible = sees(policy.access ?? RECORD_ACCESS, !!policy.asLeadWorker);
  if (policy.list === 'scope') return { allowed: true, listed: visible };
  if (policy.list === 'team') return { allowed: true, listed: visible && held !== 'break the glass' };
  if (policy.list === 'lead worker') return { allowed: true, listed: visible && isLeadWorker };
  if (!visible) return { allowed: false, status: policy.refusal?.[held] ?? 404 };
  return policy.part ? { allowed: true, partShown: sees(policy.part.access, !!policy.part.asLeadWorker) } : { allowed: true };
}

/**
 * The relation that decides about a record of this kind: break the glass opens a client with its
 * cases, registrations and journal, never a team; an attach opens the client's master data only,
 * so every other record of team B stays 'other team'.
 */
export function decidingRelation(record: Exclude<RecordKind, 'none'>, relation: Relation): Relation {
  if (relation === 'break the glass' && record === 'team') return 'other team';
  if (relation === 'attached' && record !== 'client') return 'other team';
  return relation;
}

/**
 * What of team B's records an answer to the caller shows, where the caller's team holds team B's
 * client through an attach: it must be nothing (the master data, yes; cases, journal, consents,
 * disclosures of team B, no). Empty for every other relation and for callers outside the team.
 */
export function otherTeamTracesIn(body: string, caller: Caller, f: Fixture): string[] {
  if (f.relation !== 'attached' || caller === 'none' || !worksInTeam(caller)) return [];
  return f.otherTeamTraces.filter((trace) => body.includes(trace));
}

export function describeExpected(expected: Expected, policy?: RoutePolicy): string {
  if (!expected.allowed) return String(expected.status);
  if (expected.partShown !== undefined) return `2xx ${expected.partShown ? 'with' : 'withholding'} ${policy?.part?.name ?? 'the part'}`;
  return expected.listed === undefined ? '2xx' : expected.listed ? '2xx with the record' : '2xx without the record';
}

/**
 * The concrete URL of a route for a fixture: `:id` is the record (or `madeId`, the record `make`
 * made), `:teamId` the team, `:version` the plan version.
 */
export function urlFor(route: { method: string; url: string }, policy: RoutePolicy, f: Fixture, madeId?: string): string {
  const id = madeId ?? (policy.record === 'none' ? undefined : RECORD_ID[policy.record](f));
  let url = route.url.replace(':teamId', f.team.id).replace(':version', String(f.plan.version));
  if (url.includes(':id')) {
    if (!id) throw new Error(`${routeKey(route)} has :id but its policy entry names no record`);
    url = url.replace(':id', id);
  }
  return url + (policy.query?.(f) ?? '');
}

/** The record a list should or should not contain. */
export function listedId(policy: RoutePolicy, f: Fixture, madeId?: string): string {
  if (madeId) return madeId;
  if (policy.record === 'none') throw new Error('a list names the kind of record it lists');
  return RECORD_ID[policy.record](f);
}

/** An id no record has. */
export const unknownId = () => randomUUID();
