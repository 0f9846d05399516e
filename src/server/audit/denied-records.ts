// The records a refused look can be about (audit/denied-log.ts): how to find one in the actor's
// organisation, which client it concerns, and whether the actor may see it. "May see" is the
// record-level policy of access/access.policy.ts, the same conditions the services put in their
// `where`; so a 404 about a record the actor may see (a plan version that does not exist, a
// reference in the body to nothing) is no refusal and leaves no row.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { accessLogReadable, appointmentScope, caseScope, clientOfOwnTeam, clientScope, consentScope, documentScope, holds, qualityReportScope, registrationScope, sensitiveContactVisible, sensitiveDocumentVisible, taskScope, type AccessMode } from '../access/access.policy';
import type { DbOrTx } from '../db/database';
import { appointments, cases, clientAttachments, clients, consents, contacts, destructions, documents, emergencyAccess, networkMembers, provisionDecisions, provisionRequests, provisions, qualityReports, registrations, tasks, teams } from '../db/schema';
import { mainClientId } from '../modules/cases/cases.repo';

/** Each kind is also the `entity_type` of its denied rows. */
export const RECORD_KINDS = [
  'client',
  'case',
  'contact',
  'registration',
  'network_member',
  'provision_request',
  'provision_decision',
  'provision',
  'consent', 'quality_report', 'emergency_access', 'client_attachment', 'destruction', 'team', 'task', 'document', 'appointment'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Who may see the record a route is about: its kind's record scope (default); only the route's
 * permission (the organisation's own registers, where the role is the whole rule: the destruction
 * queue, the review of emergency accesses and attachments, break-the-glass, which finds any client);
 * the client's access log (kwaliteit, or the lead worker of one of the client's cases); or the team's
 * own work with a client it holds (clientOfOwnTeam: its registrations, consents and disclosures).
 */
export type Visibility = 'scope' | 'permission' | 'access log' | 'own team';

export interface FoundRecord {
  clientId: string | null;
  /** The actor may see the record in this mode. */
  visible: boolean;
}

type Probe = (db: DbOrTx, actor: Actor, id: string, mode: AccessMode) => Promise<{ clientId: string | null; caseId?: string; visible: boolean } | null>;

const visibleIf = holds;

const PROBES: Record<RecordKind, Probe> = {
  client: async (db, actor, id, mode) => {
    const [row] = await db.select({ visible: visibleIf(clientScope(actor, mode)) }).from(clients).where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, id)));
    return row ? { clientId: id, visible: row.visible } : null;
  },
  case: async (db, actor, id, mode) => {
    const [row] = await db.select({ visible: visibleIf(caseScope(actor, mode)) }).from(cases).where(and(eq(cases.organisationId, actor.organisationId), eq(cases.id, id)));
    return row ? { clientId: null, caseId: id, visible: row.visible } : null;
  },
  contact: async (db, actor, id, mode) => {
    const [row] = await db
      .select({ caseId: contacts.caseId, visible: visibleIf(and(caseScope(actor, mode), sensitiveContactVisible(actor))!) })
      .from(contacts)
      .innerJoin(cases, and(eq(cases.organisationId, contacts.organisationId), eq(cases.id, contacts.caseId)))
      .where(and(eq(contacts.organisationId, actor.organisationId), eq(contacts.id, id)));
    return row ? { clientId: null, caseId: row.caseId, visible: row.visible } : null;
  },
  registration: async (db, actor, id, mode) => {
    const [row] = await db
      .select({ clientId: registrations.clientId, visible: visibleIf(registrationScope(actor, mode)) })
      .from(registrations)
      .where(and(eq(registrations.organisationId, actor.organisationId), eq(registrations.id, id)));
    return row ?? null;
  },
  network_member: async (db, actor, id, mode) => {
    const [row] = await db
      .select({ caseId: networkMembers.caseId, visible: visibleIf(caseScope(actor, mode)) })
      .from(networkMembers)
      .innerJoin(cases, and(eq(cases.organisationId, networkMembers.organisationId), eq(cases.id, networkMembers.caseId)))
      .where(and(eq(networkMembers.organisationId, actor.organisationId), eq(networkMembers.id, id)));
    return row ? { clientId: null, caseId: row.caseId, visible: row.visible } : null;
  },
  // Maatwerk is about the client it was asked for, in the scope of the case it belongs to.
  provision_request: async (db, actor, id, mode) => {
    const [row] = await db
      .select({ clientId: provisionRequests.clientId, visible: visibleIf(caseScope(actor, mode)) })
      .from(provisionRequests)
      .innerJoin(cases, and(eq(cases.organisationId, provisionRequests.organisationId), eq(cases.id, provisionRequests.caseId)))
      .where(and(eq(provisionRequests.organisationId, actor.organisationId), eq(provisionRequests.id, id)));
    return row ?? null;
  },
  provision_decision: async (db, actor, id, mode) => {
    const [row] = await db
      .select({ clientId: provisionRequests.clientId, visible: visibleIf(caseScope(actor, mode)) })
      .from(provisionDecisions)
      .innerJoin(provisionRequests, and(eq(provisionRequests.organisationId, provisionDecisions.organisationId), eq(provisionRequests.id, provisionDecisions.requestId)))
      .innerJoin(cases, and(eq(cases.organisationId, provisionRequests.organisationId), eq(cases.id, provisionRequests.caseId)))
      .where(and(eq(provisionDecisions.organisationId, actor.organisationId), eq(provisionDecisions.id, id)));
    return row ?? null;
  },
  provision: async (db, actor, id, mode) => {
    const [row] = await db
      .select({ clientId: provisions.clientId, visible: visibleIf(caseScope(actor, mode)) })
      .from(provisions)
      .innerJoin(cases, and(eq(cases.organisationId, provisions.organisationId), eq(cases.id, provisions.caseId)))
      .where(and(eq(provisions.organisationId, actor.organisationId), eq(provisions.id, id)));
    return row ?? null;
  },
  consent: async (db, actor, id, mode) => {
    const [row] = await db
      .select({ clientId: consents.clientId, visible: visibleIf(consentScope(actor, mode)) })
      .from(consents)
      .where(and(eq(consents.organisationId, actor.organisationId), eq(consents.id, id)));
    return row ?? null;
  },
  quality_report: async (db, actor, id) => {
    const [row] = await db
      .select({ visible: visibleIf(qualityReportScope(actor)) })
      .from(qualityReports)
      .where(and(eq(qualityReports.organisationId, actor.organisationId), eq(qualityReports.id, id)));
    return row ? { clientId: null, visible: row.visible } : null;
  },
  // The reviews of emergency accesses and attachments and the destruction queue are the
  // organisation's: whoever has the permission handles every row.
  emergency_access: async (db, actor, id) => {
    const [row] = await db
      .select({ clientId: emergencyAccess.clientId })
      .from(emergencyAccess)
      .where(and(eq(emergencyAccess.organisationId, actor.organisationId), eq(emergencyAccess.id, id)));
    return row ? { clientId: row.clientId, visible: true } : null;
  },
  client_attachment: async (db, actor, id) => {
    const [row] = await db
      .select({ clientId: clientAttachments.clientId })
      .from(clientAttachments)
      .where(and(eq(clientAttachments.organisationId, actor.organisationId), eq(clientAttachments.id, id)));
    return row ? { clientId: row.clientId, visible: true } : null;
  },
  destruction: async (db, actor, id) => {
    const [row] = await db.select({ clientId: destructions.clientId }).from(destructions).where(and(eq(destructions.organisationId, actor.organisationId), eq(destructions.id, id)));
    return row ? { clientId: row.clientId, visible: true } : null;
  },
  // A task on a case is about the case's client; one of one's own about no client.
  task: async (db, actor, id, mode) => {
    const [row] = await db.select({ caseId: tasks.caseId, visible: visibleIf(taskScope(actor, mode)) }).from(tasks).where(and(eq(tasks.organisationId, actor.organisationId), eq(tasks.id, id)));
    return row ? { clientId: null, caseId: row.caseId ?? undefined, visible: row.visible } : null;
  },
  // A document on a case is about the case's client; one of a client alone about that client.
  document: async (db, actor, id, mode) => {
    const [row] = await db
      .select({ caseId: documents.caseId, clientId: documents.clientId, visible: visibleIf(and(documentScope(actor, mode), sensitiveDocumentVisible(actor))!) })
      .from(documents)
      .where(and(eq(documents.organisationId, actor.organisationId), eq(documents.id, id)));
    return row ? { clientId: row.clientId, caseId: row.caseId ?? undefined, visible: row.visible } : null;
  },
  appointment: async (db, actor, id, mode) => {
    const [row] = await db.select({ caseId: appointments.caseId, visible: visibleIf(appointmentScope(actor, mode)) }).from(appointments).where(and(eq(appointments.organisationId, actor.organisationId), eq(appointments.id, id)));
    return row ? { clientId: null, caseId: row.caseId, visible: row.visible } : null;
  },
  // A team's own records (its workers) are for its members.
  team: async (db, actor, id) => {
    const [row] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, id)));
    return row ? { clientId: null, visible: actor.teamId === id } : null;
  },
};

/** The record of this kind in the actor's organisation, or null when there is none. */
export async function findRecord(db: DbOrTx, actor: Actor, kind: RecordKind, id: string, mode: AccessMode, visibility: Visibility = 'scope'): Promise<FoundRecord | null> {
  const found = await PROBES[kind](db, actor, id, mode);
  if (!found) return null;
  // A record of a case is about the case's main client, as the log rows of its reads and changes are.
  const clientId = found.caseId ? await mainClientId(db, actor.organisationId, found.caseId) : found.clientId;
  if (visibility === 'permission') return { clientId, visible: true };
  // The access log's rule and the team's own work are about a client (the route's record).
  if (visibility === 'access log') {
    const [row] = await db.select({ visible: visibleIf(accessLogReadable(actor, id)) }).from(sql`(select 1) as one`);
    return { clientId, visible: !!row?.visible };
  }
  if (visibility === 'own team') {
    const [row] = await db.select({ visible: visibleIf(clientOfOwnTeam(actor)) }).from(clients).where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, id)));
    return { clientId, visible: !!row?.visible };
  }
  return { clientId, visible: found.visible };
}
