// ZRM assessments (zelfredzaamheidsmatrix) of a case.
import { bigint, date, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';
import { cases } from './cases';
import { clients } from './clients';

export const zrmAssessments = pgTable(
  'zrm_assessments',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    externalId: text('external_id'),
    caseId: uuid('case_id').notNull(),
    clientId: uuid('client_id').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    /** nul, doel, periodiek, eind; onbekend for old registrations without a type. */
    type: text('type').notNull(),
    /** Score 1..5 per ZRM domain code; a domain not assessed is absent. */
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The order in which the assessments were recorded: the order of entry in Keukentafel, the
     * order of the rows of zrm.csv for an import (one multi-row insert per batch, in file order).
     * Assessments on the same day are ordered by it (ZRM report, export), never by the random id:
     * every row of one import has the same created_at.
     */
    recordedOrder: bigint('recorded_order', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('zrm_external_uq').on(t.organisationId, t.externalId),
    uniqueIndex('zrm_recorded_order_uq').on(t.organisationId, t.recordedOrder),
    index('zrm_case_idx').on(t.organisationId, t.caseId),
    index('zrm_client_idx').on(t.organisationId, t.clientId, t.assessedOn),
    index('zrm_date_idx').on(t.organisationId, t.assessedOn),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.organisationId, t.clientId], foreignColumns: [clients.organisationId, clients.id] }),
  ],
);
