// The tenant (organisation), its teams and its code lists.
import { boolean, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Years a closed case is kept before its client's personal data are due for destruction. */
  retentionYears: integer('retention_years').notNull().default(15),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const teams = pgTable(
  'teams',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] }), uniqueIndex('teams_code_uq').on(t.organisationId, t.code)],
);

/** Every code list of codes.json (referrers, close reasons, ...) in one table; `list` names the list. */
export const codes = pgTable(
  'codes',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    list: text('list').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull(),
    /** For provision products: the category code they belong to. */
    parentCode: text('parent_code'),
    /**
     * The code another system knows this by: for provision categories the iWmo productcategorie
     * (WMO020), for provision products the iWmo productcode (5 positions), for providers their AGB
     * code (8 digits). Filled from iwmo-codes.json; a municipality puts its own contracted codes here.
     */
    externalCode: text('external_code'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.list, t.code] })],
);
