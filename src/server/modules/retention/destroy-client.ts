// Destroying a client's personal data (retention term passed, or the client's request), inside the
// caller's transaction: all of it or nothing.
//
// What goes: the person (name, BSN, birth date, gender, address, phone), the free text of the
// client's registrations and cases, the journal notes and their earlier versions, the krachtplan,
// the network, the tasks on the cases, the documents on the cases and of the client (rows and bytes,
// in the table or the documents folder), consents and disclosures, the free text of the maatwerk requests, decisions and
// toewijzingen (what was asked, the report, the reasons), and the values (`changes`) in the access
// log rows about the client and the records removed. What stays, because the reports count it and it identifies
// no one: the client row as an anonymous key (destroyed_at set), case dates, team, referrer code,
// first-meeting location code, close reasons and outcomes, satisfaction; the journal entries' date,
// kind and minutes; ZRM scores; provisions and the maatwerk road (dates, codes, outcomes, numbers:
// the annual report and Uitstroom count them); the access log rows themselves (who, when, what).
// No report uses the birth date or postcode, so no coarser form of them is kept.
//
// All the client's cases are closed when this runs (the service checks); their free text, journal,
// plan and network describe the household and go with the first of its members to be destroyed.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/database';
import { appointments, caseClients, caseEvents, cases, clients, consents, contactVersions, contacts, disclosures, documents, networkMembers, plans, provisionDecisions, provisionRequests, provisions, registrations, tasks } from '../../db/schema';
import { removeBytes } from '../documents/document-store';

export interface DestructionCounts {
  cases: number;
  contacts: number;
  contactVersions: number;
  plans: number;
  networkMembers: number;
  consents: number;
  disclosures: number;
  registrations: number;
  provisionRequests: number;
  documents: number;
  auditRows: number;
}

function rowCount(result: unknown): number {
  // node-postgres answers with rowCount, PGlite with affectedRows.
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

/** Blanks the client's personal data; returns what was removed, as counts (no values). */
export async function destroyClientData(tx: Tx, organisationId: string, clientId: string): Promise<DestructionCounts> {
  // The one way past the access log's append-only trigger: blanking `changes`, in this transaction only.
  await tx.execute(sql`select set_config('keukentafel.destruction', 'on', true)`);

  const caseIds = (await tx.select({ id: caseClients.caseId }).from(caseClients).where(and(eq(caseClients.organisationId, organisationId), eq(caseClients.clientId, clientId)))).map((r) => r.id);
  const inCases = (column: AnyPgColumn) => (caseIds.length ? inArray(column, caseIds) : sql`false`);

  const contactIds = caseIds.length
    ? (await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.organisationId, organisationId), inCases(contacts.caseId)))).map((r) => r.id)
    : [];
  const memberIds = caseIds.length
    ? (await tx.select({ id: networkMembers.id }).from(networkMembers).where(and(eq(networkMembers.organisationId, organisationId), inCases(networkMembers.caseId)))).map((r) => r.id)
    : [];
  const registrationIds = (await tx.select({ id: registrations.id }).from(registrations).where(and(eq(registrations.organisationId, organisationId), eq(registrations.clientId, clientId)))).map((r) => r.id);
  const consentIds = (await tx.select({ id: consents.id }).from(consents).where(and(eq(consents.organisationId, organisationId), eq(consents.clientId, clientId)))).map((r) => r.id);
  // The client's own requests, and every request in the household's cases (they describe the household).
  const ofClientOrCases = (table: typeof provisionRequests | typeof provisions) => and(eq(table.organisationId, organisationId), caseIds.length ? sql`(${table.clientId} = ${clientId} or ${inCases(table.caseId)})` : eq(table.clientId, clientId));
  const requestIds = (await tx.select({ id: provisionRequests.id }).from(provisionRequests).where(ofClientOrCases(provisionRequests))).map((r) => r.id);
  const decisionIds = requestIds.length
    ? (await tx.select({ id: provisionDecisions.id }).from(provisionDecisions).where(and(eq(provisionDecisions.organisationId, organisationId), inArray(provisionDecisions.requestId, requestIds)))).map((r) => r.id)
    : [];
  const provisionIds = (await tx.select({ id: provisions.id }).from(provisions).where(ofClientOrCases(provisions))).map((r) => r.id);
  // The documents on the household's cases and those of the client alone: their bytes go too.
  const documentRows = await tx
    .select({ organisationId: documents.organisationId, id: documents.id, storage: documents.storage })
    .from(documents)
    .where(and(eq(documents.organisationId, organisationId), caseIds.length ? sql`(${documents.clientId} = ${clientId} or ${inCases(documents.caseId)})` : eq(documents.clientId, clientId)));
  const disclosureIds = (await tx.select({ id: disclosures.id }).from(disclosures).where(and(eq(disclosures.organisationId, organisationId), eq(disclosures.clientId, clientId)))).map((r) => r.id);

  await tx
    .update(clients)
    .set({
      firstName: '',
      lastName: '',
      birthDate: null,
      bsn: null,
      gender: null,
      street: null,
      houseNumber: null,
      postcode: null,
      city: null,
      phone: null,
      destroyedAt: sql`coalesce(${clients.destroyedAt}, now())`,
      updatedAt: new Date(),
      version: sql`${clients.version} + 1`,
    })
    .where(and(eq(clients.organisationId, organisationId), eq(clients.id, clientId)));

  const counts: DestructionCounts = { cases: caseIds.length, contacts: contactIds.length, contactVersions: 0, plans: 0, networkMembers: memberIds.length, consents: consentIds.length, disclosures: disclosureIds.length, registrations: registrationIds.length, provisionRequests: requestIds.length, documents: documentRows.length, auditRows: 0 };

  if (caseIds.length) {
    counts.contactVersions = rowCount(await tx.delete(contactVersions).where(and(eq(contactVersions.organisationId, organisationId), contactIds.length ? inArray(contactVersions.contactId, contactIds) : sql`false`)));
    await tx.update(contacts).set({ note: '', sensitivity: null }).where(and(eq(contacts.organisationId, organisationId), inCases(contacts.caseId)));
    counts.plans = rowCount(await tx.delete(plans).where(and(eq(plans.organisationId, organisationId), inCases(plans.caseId))));
    await tx.delete(networkMembers).where(and(eq(networkMembers.organisationId, organisationId), inCases(networkMembers.caseId)));
    // A task's title and description are free text about the household (their notifications go with them).
    await tx.delete(tasks).where(and(eq(tasks.organisationId, organisationId), inCases(tasks.caseId)));
    // An appointment's "with whom", place and note are free text about the household too.
    await tx.delete(appointments).where(and(eq(appointments.organisationId, organisationId), inCases(appointments.caseId)));
    await tx.update(cases).set({ question: null, referrerOther: null }).where(and(eq(cases.organisationId, organisationId), inCases(cases.id)));
    await tx.update(caseEvents).set({ reason: null }).where(and(eq(caseEvents.organisationId, organisationId), inCases(caseEvents.caseId)));
  }
  if (requestIds.length) {
    await tx.update(provisionRequests).set({ asked: '', researchReport: null, withdrawnReason: null }).where(and(eq(provisionRequests.organisationId, organisationId), inArray(provisionRequests.id, requestIds)));
    await tx.update(provisionDecisions).set({ reasons: '' }).where(and(eq(provisionDecisions.organisationId, organisationId), inArray(provisionDecisions.requestId, requestIds)));
  }
  if (provisionIds.length) await tx.update(provisions).set({ endReason: null, voidReason: null }).where(and(eq(provisions.organisationId, organisationId), inArray(provisions.id, provisionIds)));
  if (documentRows.length) {
    await tx.delete(documents).where(and(eq(documents.organisationId, organisationId), inArray(documents.id, documentRows.map((d) => d.id))));
    // Files in the documents folder are removed here, inside the transaction: should the commit fail
    // after this, the destruction is confirmed again and the rows go then; a file is never kept.
    await removeBytes(tx, documentRows);
  }
  await tx.delete(disclosures).where(and(eq(disclosures.organisationId, organisationId), eq(disclosures.clientId, clientId)));
  await tx.delete(consents).where(and(eq(consents.organisationId, organisationId), eq(consents.clientId, clientId)));
  await tx
    .update(registrations)
    .set({ question: '', referrerOther: null, triageAdvice: null })
    .where(and(eq(registrations.organisationId, organisationId), eq(registrations.clientId, clientId)));

  // The access log keeps every row (who did what, when), without the values. The searches and list
  // views that showed the client (client_ids) keep theirs: they hold the kind of search, filters and
  // counts, nothing about this client (search terms are never logged), and they are the log of the
  // other clients they showed as well. Like every row, they keep naming the client by id, which is an
  // anonymous key once the person is gone.
  const entityIds = [...caseIds, ...contactIds, ...memberIds, ...registrationIds, ...consentIds, ...disclosureIds, ...requestIds, ...decisionIds, ...provisionIds, ...documentRows.map((d) => d.id)];
  const aboutEntities = entityIds.length ? sql` or entity_id in (${sql.join(entityIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  counts.auditRows = rowCount(
    await tx.execute(sql`update audit_log set changes = null
                          where organisation_id = ${organisationId} and changes is not null
                            and (client_id = ${clientId}::uuid${aboutEntities})`),
  );
  return counts;
}
