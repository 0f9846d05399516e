// The client's file for an access request: everything the organisation holds about the client that
// the actor may see, built once and rendered as JSON or PDF. Cases, registrations and what hangs on
// them, consents and disclosures (the recording team's) follow the actor's scope (break-the-glass
// readers included); sensitive journal entries only when the actor is their author or one of the
// case's workers, otherwise the file says one was withheld. The overview of who accessed the file
// (the access log) follows the rule of the access log itself (mayReadAccessLog): whoever may not read
// the log gets the file with that part withheld and the reason, never the staff names and actions in
// it. The export is logged.
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database';
import {
  caseClients,
  cases,
  codes,
  consents,
  contacts,
  contactVersions,
  disclosures,
  documents,
  networkMembers,
  organisations,
  planVersions,
  provisionDecisions,
  provisionRequests,
  provisions,
  registrations,
  teams,
  users,
  zrmAssessments,
} from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope, consentScope, disclosureScope, documentScope, holds, isCaseWorker, registrationScope, sensitiveContactVisible, sensitiveDocumentVisible } from '../../access/access.policy';
import { ROLE_LABELS } from '../../access/permissions';
import { writeAudit } from '../../audit/audit.writer';
import { NotFound, TooManyRequests } from '../../lib/errors';
import { giveBackSlot, takeSlot } from '../../lib/rate-limit';
import { findVisibleClient } from '../clients/clients.repo';
import { listCaseEvents, listHousehold } from '../cases/cases.repo';
import { CASE_EVENT_LABELS, CASE_STATUS_LABELS, CONTACT_KIND_LABELS } from '../cases/case-rules';
import { TRIAGE_LABELS } from '../registrations/triage';
import { AGREEMENT_WAY_LABELS, planContent, type PlanContent } from '../plans/plans.schemas';
import { planAsSeenBy } from '../plans/plan-sensitivity';
import { CLOSENESS_LABELS, NETWORK_KIND_LABELS } from '../network/network.schemas';
import { loadAccessLog, mayReadAccessLog } from '../access-log/access-log.service';
import type { ClientFile, FileCase, FileContact, FileDocument } from './client-file.schemas';
import { readBytes } from '../documents/document-store';
import { typeLabel } from '../documents/document-types';
import { PDF_TIMEOUT_SECONDS, type PdfPool } from '../../lib/pdf/pdf-pool';
import { clientFilePdfDocument } from './client-file.document';
import { budgetText, DECISION_OUTCOME_LABELS, DELIVERY_FORM_LABELS, omvangText, REQUEST_STATUS_LABELS, REQUESTED_BY_LABELS } from '../maatwerk/maatwerk-codes';
import { objectionUntil } from '../maatwerk/legal-terms';
import { ACCESS_LOG_WITHHELD_REASON, DOCUMENT_WITHHELD_REASON, WITHHELD_REASON, codeText, fileAbout } from './client-file.labels';
import { GENDER_LABELS, HOUSEHOLD_ROLE_LABELS } from '../clients/clients.schemas';
import { DISCLOSURE_GROUND_LABELS } from '../consents/consents.schemas';
import { SENSITIVITY_LABELS } from '../../lib/sensitivity';

/** A code's label in the organisation's list (the code itself when the list lacks it). */
type Labels = ((list: string, code: string | null | undefined) => string) & { position: (list: string, code: string) => number };

async function codeLabels(db: DbOrTx, organisationId: string): Promise<Labels> {
  const rows = await db.select({ list: codes.list, code: codes.code, label: codes.label, position: codes.position }).from(codes).where(eq(codes.organisationId, organisationId));
  const map = new Map(rows.map((r) => [`${r.list}:${r.code}`, r]));
  const labels = (list: string, code: string | null | undefined) => (code ? (map.get(`${list}:${code}`)?.label ?? codeText(code)) : '');
  return Object.assign(labels, { position: (list: string, code: string) => map.get(`${list}:${code}`)?.position ?? Number.MAX_SAFE_INTEGER });
}

function referrerText(labels: Labels, code: string, other: string | null): string {
  return other ? `${labels('referrers', code)}: ${other}` : labels('referrers', code);
}

const label = <K extends string>(labels: Record<K, string>, code: string | null): string | null => (code === null ? null : (labels[code as K] ?? codeText(code)));

const author = alias(users, 'author');
const replacer = alias(users, 'replacer');
const recorder = alias(users, 'recorder');
const triager = alias(users, 'triager');
const triageTeam = alias(teams, 'triage_team');

async function loadRegistrations(db: DbOrTx, actor: Actor, clientId: string, labels: Labels): Promise<ClientFile['registrations']> {
  const rows = await db
    .select({ r: registrations, team: teams.name, triageTeam: triageTeam.name, triager: triager.name })
    .from(registrations)
    .innerJoin(teams, and(eq(teams.organisationId, registrations.organisationId), eq(teams.id, registrations.teamId)))
    .leftJoin(triageTeam, and(eq(triageTeam.organisationId, registrations.organisationId), eq(triageTeam.id, registrations.triageTeamId)))
    .leftJoin(triager, and(eq(triager.organisationId, registrations.organisationId), eq(triager.id, registrations.triagedBy)))
    .where(and(eq(registrations.clientId, clientId), registrationScope(actor, 'read')))
    .orderBy(desc(registrations.registeredOn), desc(registrations.createdAt));
  return rows.map(({ r, team, triageTeam: otherTeam, triager: by }) => ({
    registeredOn: r.registeredOn,
    team,
    referrer: referrerText(labels, r.referrerCode, r.referrerOther),
    question: r.question,
    triage: r.triageOutcome
      ? { outcome: label(TRIAGE_LABELS, r.triageOutcome)!, advice: r.triageAdvice, otherTeam, by, at: r.triagedAt?.toISOString() ?? null }
      : null,
    caseId: r.caseId,
  }));
}

/** What an entry or an earlier version of it says, with its codes in words. */
function contactText(row: { contactOn: string; kind: string; minutes: number | null; note: string; sensitivity: string | null }, by: string | null) {
  return {
    contactOn: row.contactOn,
    kind: label(CONTACT_KIND_LABELS, row.kind)!,
    minutes: row.minutes,
    note: row.note,
    sensitivity: row.sensitivity ? `Gevoelig: ${label(SENSITIVITY_LABELS, row.sensitivity)!.toLowerCase()}` : null,
    author: by,
  };
}

/** The journal of the cases: every entry the actor may read with its earlier versions, the rest withheld. */
async function loadJournal(db: DbOrTx, actor: Actor, caseIds: string[]): Promise<Map<string, FileContact[]>> {
  const byCase = new Map<string, FileContact[]>();
  if (caseIds.length === 0) return byCase;
  const entries = await db
    .select({ c: contacts, author: author.name, visible: sql<boolean>`${sensitiveContactVisible(actor)}` })
    .from(contacts)
    .leftJoin(author, and(eq(author.organisationId, contacts.organisationId), eq(author.id, contacts.authorId)))
    .where(and(eq(contacts.organisationId, actor.organisationId), inArray(contacts.caseId, caseIds)))
    .orderBy(desc(contacts.contactOn), desc(contacts.createdAt));
  // A version is shown when it was not marked sensitive, or the actor may read the entry's marks.
  const versionVisible: SQL = sql`(${contactVersions.sensitivity} is null or ${contacts.authorId} = ${actor.userId} or ${contactVersions.authorId} = ${actor.userId} or ${isCaseWorker(actor, contacts.caseId)})`;
  const versions = await db
    .select({ v: contactVersions, author: author.name, replacedBy: replacer.name, visible: sql<boolean>`${versionVisible}` })
    .from(contactVersions)
    .innerJoin(contacts, and(eq(contacts.organisationId, contactVersions.organisationId), eq(contacts.id, contactVersions.contactId)))
    .leftJoin(author, and(eq(author.organisationId, contactVersions.organisationId), eq(author.id, contactVersions.authorId)))
    .leftJoin(replacer, and(eq(replacer.organisationId, contactVersions.organisationId), eq(replacer.id, contactVersions.replacedBy)))
    .where(and(eq(contactVersions.organisationId, actor.organisationId), inArray(contacts.caseId, caseIds)))
    .orderBy(desc(contactVersions.version));
  for (const { c, author: by, visible } of entries) {
    const list = byCase.get(c.caseId) ?? [];
    byCase.set(c.caseId, list);
    if (!visible) {
      list.push({ withheld: true, contactOn: c.contactOn, reason: WITHHELD_REASON });
      continue;
    }
    const earlier = versions.filter((v) => v.v.contactId === c.id);
    list.push({
      withheld: false,
      ...contactText(c, by),
      recordedAt: c.createdAt.toISOString(),
      changedAt: c.updatedAt.toISOString(),
      version: c.version,
      earlierVersions: earlier
        .filter((v) => v.visible)
        .map(({ v, author: versionAuthor, replacedBy }) => ({
          version: v.version,
          ...contactText(v, versionAuthor),
          replacedBy,
          replacedAt: v.replacedAt.toISOString(),
        })),
      withheldVersions: earlier.filter((v) => !v.visible).length,
    });
  }
  return byCase;
}

/** Every plan version of the cases, as the actor may see it: sensitive parts only for the case's worker. */
async function loadPlans(db: DbOrTx, actor: Actor, caseIds: string[], labels: Labels): Promise<Map<string, FileCase['plan']>> {
  const byCase = new Map<string, FileCase['plan']>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select({ v: planVersions, savedBy: users.name, caseWorker: sql<boolean>`${isCaseWorker(actor, sql`${planVersions.caseId}`)}` })
    .from(planVersions)
    .leftJoin(users, and(eq(users.organisationId, planVersions.organisationId), eq(users.id, planVersions.savedBy)))
    .where(and(eq(planVersions.organisationId, actor.organisationId), inArray(planVersions.caseId, caseIds)))
    .orderBy(desc(planVersions.version));
  const current = new Map<string, PlanContent>();
  for (const { v, savedBy, caseWorker } of rows) {
    const list = byCase.get(v.caseId) ?? [];
    byCase.set(v.caseId, list);
    const stored = planContent.parse(v.content);
    // Rows come newest first: the first of a case is its current version, whose marks count for all.
    if (!current.has(v.caseId)) current.set(v.caseId, stored);
    const seen = planAsSeenBy(stored, caseWorker, current.get(v.caseId));
    list.push({
      version: v.version,
      savedAt: v.savedAt.toISOString(),
      savedBy,
      agreedOn: v.agreedOn,
      agreedHow: label(AGREEMENT_WAY_LABELS, v.agreedHow),
      content: readablePlan(seen, labels),
    });
  }
  return byCase;
}

/** The plan with the names of its life domains instead of their codes. */
function readablePlan(content: PlanContent, labels: Labels): PlanContent {
  return { ...content, domains: content.domains.map((d) => ({ ...d, domain: labels('zrm_domains', d.domain) })) };
}

const uploader = alias(users, 'uploader');

/**
 * Documents in the actor's scope (documentScope) matching `where`, oldest first, with their files;
 * a sensitive one the actor may not see is withheld. Grouped by case (null: the client's own).
 */
async function loadDocuments(db: DbOrTx, actor: Actor, where: SQL): Promise<Map<string | null, FileDocument[]>> {
  const rows = await db
    .select({ d: documents, by: uploader.name, visible: holds(sensitiveDocumentVisible(actor)) })
    .from(documents)
    .leftJoin(uploader, and(eq(uploader.organisationId, documents.organisationId), eq(uploader.id, documents.uploadedBy)))
    .where(and(documentScope(actor, 'read'), where))
    .orderBy(asc(documents.uploadedAt), asc(documents.id));
  const byCase = new Map<string | null, FileDocument[]>();
  for (const { d, by, visible } of rows) {
    const list = byCase.get(d.caseId) ?? [];
    byCase.set(d.caseId, list);
    if (!visible) {
      list.push({ withheld: true, uploadedAt: d.uploadedAt.toISOString(), reason: DOCUMENT_WITHHELD_REASON });
      continue;
    }
    list.push({
      withheld: false,
      title: d.title,
      fileName: d.fileName,
      type: typeLabel(d.mediaType),
      mediaType: d.mediaType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      sensitivity: d.sensitivity ? `Gevoelig: ${label(SENSITIVITY_LABELS, d.sensitivity)!.toLowerCase()}` : null,
      source: d.source === 'brief' ? 'Brief gemaakt met een sjabloon' : 'Geüpload',
      uploadedBy: by,
      uploadedAt: d.uploadedAt.toISOString(),
      contentBase64: (await readBytes(db, d)).toString('base64'),
    });
  }
  return byCase;
}

async function loadNetwork(db: DbOrTx, organisationId: string, caseIds: string[]): Promise<Map<string, FileCase['network']>> {
  const byCase = new Map<string, FileCase['network']>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select()
    .from(networkMembers)
    .where(and(eq(networkMembers.organisationId, organisationId), inArray(networkMembers.caseId, caseIds)))
    .orderBy(asc(networkMembers.closeness), asc(networkMembers.name));
  for (const m of rows) {
    const list = byCase.get(m.caseId) ?? [];
    byCase.set(m.caseId, list);
    list.push({
      name: m.name,
      kind: label(NETWORK_KIND_LABELS, m.kind)!,
      relation: m.relation,
      doesNow: m.doesNow,
      couldDo: m.couldDo,
      phone: m.phone,
      email: m.email,
      closeness: CLOSENESS_LABELS[m.closeness as 1 | 2 | 3] ?? String(m.closeness),
    });
  }
  return byCase;
}

async function loadCases(db: DbOrTx, actor: Actor, clientId: string, labels: Labels): Promise<FileCase[]> {
  const lead = alias(users, 'lead');
  const rows = await db
    .select({ c: cases, role: caseClients.role, team: teams.name, lead: lead.name })
    .from(cases)
    .innerJoin(caseClients, and(eq(caseClients.organisationId, cases.organisationId), eq(caseClients.caseId, cases.id)))
    .innerJoin(teams, and(eq(teams.organisationId, cases.organisationId), eq(teams.id, cases.teamId)))
    .leftJoin(lead, and(eq(lead.organisationId, cases.organisationId), eq(lead.id, cases.leadWorkerId)))
    .where(and(eq(caseClients.clientId, clientId), caseScope(actor, 'read')))
    .orderBy(desc(cases.registeredOn));
  const ids = rows.map((r) => r.c.id);
  const [journal, plans, network] = [await loadJournal(db, actor, ids), await loadPlans(db, actor, ids, labels), await loadNetwork(db, actor.organisationId, ids)];
  const caseDocuments = ids.length ? await loadDocuments(db, actor, inArray(documents.caseId, ids)) : new Map<string | null, FileDocument[]>();
  const result: FileCase[] = [];
  for (const { c, role, team, lead: leadName } of rows) {
    const events = await listCaseEvents(db, actor.organisationId, c.id);
    const household = await listHousehold(db, actor.organisationId, c.id);
    result.push({
      id: c.id,
      team,
      status: label(CASE_STATUS_LABELS, c.status)!,
      role: label(HOUSEHOLD_ROLE_LABELS, role)!,
      registeredOn: c.registeredOn,
      referrer: referrerText(labels, c.referrerCode, c.referrerOther),
      question: c.question,
      leadWorker: leadName,
      firstMeetingOn: c.firstMeetingOn,
      firstMeetingLocation: c.firstMeetingLocation ? labels('first_meeting_locations', c.firstMeetingLocation) : null,
      closedOn: c.closedOn,
      closeReasons: c.closeReasons.map((code) => labels('close_reasons', code)),
      closeOutcomes: c.closeOutcomes.map((code) => labels('close_outcomes', code)),
      satisfactionScore: c.satisfactionScore,
      canContinueAlone: c.canContinueAlone,
      history: events.map((e) => ({ at: e.at, event: label(CASE_EVENT_LABELS, e.kind)!, reason: e.reason, by: e.actorName })),
      household: household.map((h) => ({ name: `${h.firstName} ${h.lastName}`.trim(), birthDate: h.birthDate, role: label(HOUSEHOLD_ROLE_LABELS, h.role)! })),
      journal: journal.get(c.id) ?? [],
      plan: plans.get(c.id) ?? [],
      network: network.get(c.id) ?? [],
      documents: caseDocuments.get(c.id) ?? [],
    });
  }
  return result;
}

async function loadZrm(db: DbOrTx, organisationId: string, clientId: string, caseIds: string[], labels: Labels): Promise<ClientFile['zrm']> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .select()
    .from(zrmAssessments)
    .where(and(eq(zrmAssessments.organisationId, organisationId), eq(zrmAssessments.clientId, clientId), inArray(zrmAssessments.caseId, caseIds)))
    .orderBy(desc(zrmAssessments.assessedOn), desc(zrmAssessments.createdAt));
  return rows.map((a) => ({
    assessedOn: a.assessedOn,
    type: labels('zrm_types', a.type),
    // In the order of the organisation's matrix (the stored scores keep no order).
    scores: Object.entries(a.scores)
      .sort(([x], [y]) => labels.position('zrm_domains', x) - labels.position('zrm_domains', y))
      .map(([domain, score]) => ({ domain: labels('zrm_domains', domain), score })),
  }));
}

async function loadProvisions(db: DbOrTx, organisationId: string, clientId: string, caseIds: string[], labels: Labels): Promise<ClientFile['provisions']> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .select()
    .from(provisions)
    .where(and(eq(provisions.organisationId, organisationId), eq(provisions.clientId, clientId), inArray(provisions.caseId, caseIds)))
    .orderBy(desc(provisions.startOn));
  return rows.map((p) => ({
    category: labels('provision_categories', p.category),
    product: labels('provision_products', p.product),
    provider: p.provider,
    startOn: p.startOn,
    endOn: p.endOn,
    extension: p.extendsProvisionId !== null,
    voided: p.voided,
    deliveryForm: p.deliveryForm ? DELIVERY_FORM_LABELS[p.deliveryForm] : null,
    size: p.budgetCents !== null ? budgetText(p.budgetCents) : p.volume !== null && p.unit && p.frequency ? omvangText(p.volume, p.unit, p.frequency) : null,
    endReason: p.endReason,
    voidReason: p.voidReason,
    deliveryStartedOn: p.deliveryStartedOn,
    deliveryEndedOn: p.deliveryEndedOn,
  }));
}

/** The client's requests for provisions in the cases the actor sees, with their decisions. */
async function loadProvisionRequests(db: DbOrTx, organisationId: string, clientId: string, caseIds: string[], labels: Labels): Promise<ClientFile['provisionRequests']> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .select({ request: provisionRequests, decision: provisionDecisions })
    .from(provisionRequests)
    .leftJoin(provisionDecisions, and(eq(provisionDecisions.organisationId, provisionRequests.organisationId), eq(provisionDecisions.requestId, provisionRequests.id)))
    .where(and(eq(provisionRequests.organisationId, organisationId), eq(provisionRequests.clientId, clientId), inArray(provisionRequests.caseId, caseIds)))
    .orderBy(desc(provisionRequests.requestedOn), desc(provisionRequests.createdAt), desc(provisionRequests.id));
  return rows.map(({ request: r, decision: d }) => ({
    requestedOn: r.requestedOn,
    asked: r.asked,
    category: r.category ? labels('provision_categories', r.category) : null,
    requestedBy: REQUESTED_BY_LABELS[r.requestedBy],
    status: REQUEST_STATUS_LABELS[r.status],
    researchReportedOn: r.researchReportedOn,
    researchReport: r.researchReport,
    withdrawnReason: r.withdrawnReason,
    decision: d ? { number: d.decisionNumber, decidedOn: d.decidedOn, outcome: DECISION_OUTCOME_LABELS[d.outcome], reasons: d.reasons, objectionUntil: objectionUntil(d.decidedOn) } : null,
  }));
}

/** The consents the actor sees (consentScope): a team its own, a break-the-glass reader all. */
async function loadConsents(db: DbOrTx, actor: Actor, clientId: string): Promise<ClientFile['consents']> {
  const rows = await db
    .select({ c: consents, recordedBy: recorder.name })
    .from(consents)
    .leftJoin(recorder, and(eq(recorder.organisationId, consents.organisationId), eq(recorder.id, consents.recordedBy)))
    .where(and(consentScope(actor), eq(consents.clientId, clientId)))
    .orderBy(desc(consents.validFrom), desc(consents.recordedAt), desc(consents.id));
  return rows.map(({ c, recordedBy }) => ({
    recipientKind: codeText(c.recipientKind),
    recipientName: c.recipientName,
    dataShared: c.dataShared,
    purpose: c.purpose,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    givenHow: codeText(c.givenHow),
    recordedBy,
    recordedAt: c.recordedAt.toISOString(),
    withdrawnOn: c.withdrawnOn,
    withdrawalNote: c.withdrawalNote,
  }));
}

/** The disclosures the actor sees (disclosureScope), of no case or of a case in the file. */
async function loadDisclosures(db: DbOrTx, actor: Actor, clientId: string, caseIds: string[]): Promise<ClientFile['disclosures']> {
  const rows = await db
    .select({ d: disclosures, recordedBy: recorder.name })
    .from(disclosures)
    .leftJoin(recorder, and(eq(recorder.organisationId, disclosures.organisationId), eq(recorder.id, disclosures.recordedBy)))
    // A disclosure made from a case outside the actor's scope belongs to that team's file.
    .where(and(disclosureScope(actor), eq(disclosures.clientId, clientId), or(isNull(disclosures.caseId), caseIds.length ? inArray(disclosures.caseId, caseIds) : sql`false`)))
    .orderBy(desc(disclosures.disclosedOn), desc(disclosures.recordedAt), desc(disclosures.id));
  return rows.map(({ d, recordedBy }) => ({
    disclosedOn: d.disclosedOn,
    recipient: d.recipient,
    dataShared: d.dataShared,
    ground: label(DISCLOSURE_GROUND_LABELS, d.ground)!,
    reasoning: d.reasoning,
    recordedBy,
  }));
}

async function actorTeamName(db: DbOrTx, actor: Actor): Promise<string | null> {
  if (!actor.teamId) return null;
  const [row] = await db.select({ name: teams.name }).from(teams).where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, actor.teamId)));
  return row?.name ?? null;
}

/** Everything about the client the actor may see, in one read-only transaction; not logged. */
export async function buildClientFile(db: Db, actor: Actor, clientId: string, now = new Date()): Promise<ClientFile> {
  return db.transaction(async (tx) => {
    const client = await findVisibleClient(tx, actor, clientId);
    if (!client) throw new NotFound('Cliënt niet gevonden');
    const labels = await codeLabels(tx, actor.organisationId);
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId));
    const fileCases = await loadCases(tx, actor, clientId, labels);
    const caseIds = fileCases.map((c) => c.id);
    return {
      createdAt: now.toISOString(),
      createdBy: { name: actor.name, role: ROLE_LABELS[actor.role], team: await actorTeamName(tx, actor) },
      organisation: organisation?.name ?? '',
      about: fileAbout,
      person: {
        firstName: client.firstName,
        lastName: client.lastName,
        birthDate: client.birthDate,
        bsn: client.bsn,
        gender: label(GENDER_LABELS, client.gender),
        street: client.street,
        houseNumber: client.houseNumber,
        postcode: client.postcode,
        city: client.city,
        phone: client.phone,
        recordedAt: client.createdAt.toISOString(),
      },
      registrations: await loadRegistrations(tx, actor, clientId, labels),
      cases: fileCases,
      zrm: await loadZrm(tx, actor.organisationId, clientId, caseIds, labels),
      provisionRequests: await loadProvisionRequests(tx, actor.organisationId, clientId, caseIds, labels),
      provisions: await loadProvisions(tx, actor.organisationId, clientId, caseIds, labels),
      consents: await loadConsents(tx, actor, clientId),
      disclosures: await loadDisclosures(tx, actor, clientId, caseIds),
      documents: (await loadDocuments(tx, actor, and(isNull(documents.caseId), eq(documents.clientId, clientId))!)).get(null) ?? [],
      accessLog: (await mayReadAccessLog(tx, actor, clientId))
        ? { withheld: false, entries: await loadAccessLog(tx, actor.organisationId, clientId) }
        : { withheld: true, reason: ACCESS_LOG_WITHHELD_REASON },
    };
  });
}

/**
 * One PDF at a time per user: a PDF of a long file holds a worker for seconds, and one user must not
 * fill the queue for everyone. The slot is taken before the work (in the one rate limiter, so it
 * holds across processes) and given back when the PDF is made or has failed; a slot of a process
 * that died is free when its window ends.
 */
const ONE_PDF_AT_A_TIME = { limit: 1, windowSeconds: PDF_TIMEOUT_SECONDS + 30 };
export const PDF_IN_PROGRESS = 'U maakt al een pdf van een dossier. Wacht tot die klaar is en probeer het dan opnieuw.';

export interface ClientFilePdf {
  lastName: string;
  pdf: Uint8Array;
}

/** The client's file as PDF, laid out by `pdfs`, the export logged; one at a time per user. */
export async function exportClientFilePdf(db: Db, pdfs: PdfPool, actor: Actor, clientId: string): Promise<ClientFilePdf> {
  const key = `client-file-pdf:${actor.userId}`;
  const slot = await takeSlot(db, key, ONE_PDF_AT_A_TIME);
  if (!slot.allowed) {
    // The refused request holds no slot either.
    await giveBackSlot(db, key);
    throw new TooManyRequests(PDF_IN_PROGRESS, Math.min(slot.retryAfterSeconds, 10));
  }
  try {
    const file = await buildClientFile(db, actor, clientId);
    const pdf = await pdfs.render(clientFilePdfDocument(file));
    await logClientFileExport(db, actor, clientId, 'pdf');
    return { lastName: file.person.lastName, pdf };
  } finally {
    await giveBackSlot(db, key);
  }
}

/** The export of the file, in the client's access log. */
export async function logClientFileExport(db: Db, actor: Actor, clientId: string, format: 'json' | 'pdf'): Promise<void> {
  await writeAudit(db, actor, { action: 'export', entityType: 'client_file', entityId: clientId, clientId, changes: { format } });
}

/** `dossier-<achternaam>-<datum>.pdf`: the surname in plain letters, so every system accepts it. */
export function fileName(lastName: string, date: string, extension: 'pdf' | 'json'): string {
  const slug = lastName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `dossier-${slug || 'client'}-${date}.${extension}`;
}
