// The krachtplan of a case: one plan per case (household), every save a new immutable version,
// with the client's agreement recorded per version.
import { date, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';
import { cases } from './cases';

export const plans = pgTable(
  'plans',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    currentVersion: integer('current_version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.caseId] }),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
  ],
);

export const planVersions = pgTable(
  'plan_versions',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    caseId: uuid('case_id').notNull(),
    version: integer('version').notNull(),
    /** The whole plan as saved (PlanContent of plans.schemas.ts). */
    content: jsonb('content').notNull(),
    savedBy: uuid('saved_by'),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
    agreedOn: date('agreed_on', { mode: 'string' }),
    agreedHow: text('agreed_how'),
    agreedRecordedBy: uuid('agreed_recorded_by'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.caseId, t.version] }),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [plans.organisationId, plans.caseId] }).onDelete('cascade'),
  ],
);
