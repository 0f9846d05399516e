// The organisation's own text of a letter template (Beheer → Brieven). A kind without a row here
// uses the text that ships with Keukentafel (modules/letters/letter-templates.ts); going back to
// that text deletes the row.
import { foreignKey, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';
import { users } from './users';
import type { LetterKind } from '../../modules/letters/letter-templates';

export const letterTemplates = pgTable(
  'letter_templates',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<LetterKind>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('letter_templates_kind_uq').on(t.organisationId, t.kind),
    foreignKey({ columns: [t.organisationId, t.updatedBy], foreignColumns: [users.organisationId, users.id] }),
  ],
);
