// Rate limits shared by every process of the installation: failed logins per address, look-ups per
// user, ... A limit held in one process's memory would be n times looser with n processes, and a
// burst of parallel requests could pass it before any of them was counted; here each request takes
// its slot in one atomic statement before the work it limits.
//
// Not a tenant table: a login is counted before anyone knows its organisation. A key that concerns
// one organisation's user names that user's id, which is unique in the installation.
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const rateLimits = pgTable(
  'rate_limits',
  {
    /** What is limited and for whom, e.g. `login:address:203.0.113.7` or `duplicate-check:user:<id>`. */
    key: text('key').primaryKey(),
    /** The start of the current window; a hit after the window starts a new one. */
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    /** Slots taken in the current window. */
    hits: integer('hits').notNull(),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStartedAt)],
);
