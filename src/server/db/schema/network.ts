// The network around a household (eigen netwerk, organised informal help, professionals), and
// per-user preferences such as the order of the dashboard blocks.
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation';
import { cases } from './cases';
import { users } from './users';
import type { NetworkKind } from '../../modules/network/network.schemas';

export const networkMembers = pgTable(
  'network_members',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    name: text('name').notNull(),
    /** family, friend, neighbour, volunteer, informal_carer, professional, organisation */
    kind: text('kind').$type<NetworkKind>().notNull(),
    /** e.g. "dochter", "huisarts", "buurvrouw". */
    relation: text('relation').notNull().default(''),
    doesNow: text('does_now').notNull().default(''),
    couldDo: text('could_do').notNull().default(''),
    phone: text('phone'),
    email: text('email'),
    /** 1 close, 2 in between, 3 further away: the rings of the ecogram. */
    closeness: integer('closeness').notNull().default(2),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('network_case_idx').on(t.organisationId, t.caseId),
    foreignKey({ columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete('cascade'),
  ],
);

export const userPreferences = pgTable(
  'user_preferences',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    userId: uuid('user_id').notNull(),
    /** { dashboard: { order: string[], hidden: string[] } } */
    preferences: jsonb('preferences').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete('cascade'),
  ],
);
