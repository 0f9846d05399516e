// The contact journal (contactjournaal) of a case; edits keep every earlier version.
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';
import { cases } from './cases';
import type { ContactKind } from '../../modules/cases/case-rules';

export const contacts = pgTable(
  'contacts',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    externalId: text('external_id'),
    caseId: uuid('case_id').notNull(),
    contactOn: date('contact_on', { mode: 'string' }).notNull(),
    kind: text('kind').$type<ContactKind>().notNull(),
    minutes: integer('minutes'),
    note: text('note').notNull().default(''),
    /** huiselijk_geweld, gezondheid or justitie: only the author and the case's workers see the entry. */
    sensitivity: text('sensitivity'),
    authorId: uuid('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('contacts_external_uq').on(t.organisationId, t.externalId),
    index('contacts_case_idx').on(t.organisationId, t.caseId, t.contactOn),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
  ],
);

/** A contact as it was before an edit: one row per replaced version. */
export const contactVersions = pgTable(
  'contact_versions',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    contactId: uuid('contact_id').notNull(),
    version: integer('version').notNull(),
    contactOn: date('contact_on', { mode: 'string' }).notNull(),
    kind: text('kind').$type<ContactKind>().notNull(),
    minutes: integer('minutes'),
    note: text('note').notNull(),
    sensitivity: text('sensitivity'),
    authorId: uuid('author_id'),
    replacedBy: uuid('replaced_by'),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.contactId, t.version] }),
    foreignKey({ columns: [t.organisationId, t.contactId], foreignColumns: [contacts.organisationId, contacts.id] }).onDelete('cascade'),
  ],
);
