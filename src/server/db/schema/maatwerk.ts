// Maatwerk (individual provisions under the Wmo) on a case: the melding/aanvraag of a client of the
// household, the onderzoek and its report, the beschikking, and the toewijzingen to providers
// (`provisions`, also filled by the exchange import), with what the provider reported back through
// iWmo (start and stop of delivery). Terms: docs/glossary.md; the iWmo names: docs/iwmo.md.
import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';
import { cases } from './cases';
import { clients } from './clients';
import { users } from './users';

export type RequestedBy = 'client' | 'vertegenwoordiger' | 'medewerker' | 'aanbieder';
export type ProvisionRequestStatus = 'open' | 'onderzocht' | 'besloten' | 'ingetrokken';
export type DecisionOutcome = 'toegekend' | 'deels_toegekend' | 'afgewezen';
export type DeliveryForm = 'zin' | 'pgb';

/**
 * A melding or aanvraag for a maatwerkvoorziening by or for one client of the household. The Wmo
 * (art. 2.3.2) gives the onderzoek six weeks from the melding; its report is kept here. A provider's
 * verzoek om toewijzing (iWmo 315) arrives as a request too, with the provider's reference.
 */
export const provisionRequests = pgTable(
  'provision_requests',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    clientId: uuid('client_id').notNull(),
    /** The day of the melding: the legal terms run from here. */
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    /** What is asked, in the words of the one who asked. */
    asked: text('asked').notNull(),
    /** The provision category asked for, when known (code list provision_categories). */
    category: text('category'),
    requestedBy: text('requested_by').$type<RequestedBy>().notNull(),
    /** A provider's request (iWmo 315): its AGB code and its ReferentieAanbieder. */
    providerAgb: text('provider_agb'),
    providerReference: text('provider_reference'),
    /** The onderzoek's report: the day it was finished and what it found. */
    researchReportedOn: date('research_reported_on', { mode: 'string' }),
    researchReport: text('research_report'),
    status: text('status').$type<ProvisionRequestStatus>().notNull().default('open'),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('provision_requests_case_idx').on(t.organisationId, t.caseId),
    index('provision_requests_open_idx').on(t.organisationId, t.status, t.requestedOn),
    uniqueIndex('provision_requests_provider_ref_uq').on(t.organisationId, t.providerAgb, t.providerReference),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }),
    foreignKey({ columns: [t.organisationId, t.createdBy], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** The beschikking on a request: granted (wholly or in part) or refused, with its reasons and number. */
export const provisionDecisions = pgTable(
  'provision_decisions',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    /** The decision number (iWmo BeschikkingNummer: at most 9 digits), unique in the organisation. */
    decisionNumber: integer('decision_number').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    outcome: text('outcome').$type<DecisionOutcome>().notNull(),
    reasons: text('reasons').notNull(),
    decidedBy: uuid('decided_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('provision_decisions_request_uq').on(t.organisationId, t.requestId),
    uniqueIndex('provision_decisions_number_uq').on(t.organisationId, t.decisionNumber),
    foreignKey({ columns: [t.organisationId, t.requestId], foreignColumns: [provisionRequests.organisationId, provisionRequests.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.decidedBy], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/**
 * A toewijzing: a provision assigned to a provider. Imported rows (provisions.csv) carry only the
 * columns of the exchange format; one made in Keukentafel belongs to a beschikking and carries what
 * iWmo's 301 sends (assignment number, product, provider's AGB code, volume or budget).
 */
export const provisions = pgTable(
  'provisions',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    externalId: text('external_id'),
    caseId: uuid('case_id').notNull(),
    clientId: uuid('client_id').notNull(),
    category: text('category').notNull(),
    product: text('product').notNull(),
    /** The provider's name as written. */
    provider: text('provider').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    /** An extension (verlenging) points at the provision it extends; it is not a new assignment. */
    extendsProvisionId: uuid('extends_provision_id'),
    /** Registered in error and withdrawn: kept in the history, counted nowhere. */
    voided: boolean('voided').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The beschikking it carries out; none for an imported row. */
    decisionId: uuid('decision_id'),
    /** iWmo ToewijzingNummer: at most 9 digits, unique in the organisation, kept through changes of the end date. */
    assignmentNumber: integer('assignment_number'),
    providerAgb: text('provider_agb'),
    deliveryForm: text('delivery_form').$type<DeliveryForm>(),
    /** Omvang (iWmo): volume in the unit (code list WJ756) per frequency (WMO757); or a budget in eurocent. */
    volume: integer('volume'),
    unit: text('unit'),
    frequency: text('frequency'),
    budgetCents: integer('budget_cents'),
    /** Why the toewijzing last changed (iWmo RedenWijziging, WMO002) and when the change was decided. */
    changeReason: text('change_reason'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** Why it ended early (in words) or was voided. */
    endReason: text('end_reason'),
    voidReason: text('void_reason'),
    /** What the provider reported: the real start (iWmo 305) and end (307) of delivery. */
    deliveryStartedOn: date('delivery_started_on', { mode: 'string' }),
    deliveryEndedOn: date('delivery_ended_on', { mode: 'string' }),
    deliveryEndReason: text('delivery_end_reason'),
    version: integer('version').notNull().default(1),
    /**
     * The version last sent to the provider in a 301 (iwmo_messages): a link whose version moved on
     * since is "changed since the last 301" (OP087). Null: never sent. Not a change of the
     * toewijzing itself, so writing it does not move `version`. 0: sent, but the provider refused
     * that 301 (a 302 with error codes, IV032: it counts as not sent), so it goes again.
     */
    sentVersion: integer('sent_version'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('provisions_external_uq').on(t.organisationId, t.externalId),
    uniqueIndex('provisions_assignment_number_uq').on(t.organisationId, t.assignmentNumber),
    index('provisions_case_idx').on(t.organisationId, t.caseId),
    index('provisions_start_idx').on(t.organisationId, t.startOn),
    index('provisions_decision_idx').on(t.organisationId, t.decisionId),
    // The toewijzingen whose provider has not reported a start yet (the team page's late starts): few, read often.
    index('provisions_awaiting_start_idx')
      .on(t.organisationId, t.startOn)
      .where(sql`${t.extendsProvisionId} is null and not ${t.voided} and ${t.deliveryStartedOn} is null and ${t.deliveryForm} = 'zin'`),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }),
    foreignKey({ columns: [t.organisationId, t.extendsProvisionId], foreignColumns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.decisionId], foreignColumns: [provisionDecisions.organisationId, provisionDecisions.id] }),
  ],
);
