// Accounts and their sessions.
import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations, teams } from './organisation';
import type { Role } from '../../access/permissions';

export const users = pgTable(
  'users',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    teamId: uuid('team_id'),
    /** Null for an account that logs in only through OpenID Connect. */
    passwordHash: text('password_hash'),
    /** The `sub` of the identity provider, bound at the first OpenID Connect login. */
    oidcSubject: text('oidc_subject'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    // Login is by e-mail alone, so an address identifies one account in the whole installation.
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    uniqueIndex('users_oidc_subject_uq').on(t.oidcSubject),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    /** sha256 of the cookie token: a stolen database gives no usable sessions. */
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Moved on every request (at most once a minute); a session idle for too long ends. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.tokenHash] }),
    index('sessions_token_idx').on(t.tokenHash),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete('cascade'),
  ],
);
