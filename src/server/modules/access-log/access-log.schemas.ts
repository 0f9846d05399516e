// The client's access log (NEN 7513) in readable form: who looked at or changed what, and when.
// Shared with the web app.
import { z } from 'zod';
import { wholeNumberParam } from '../../lib/number-fields';

/** Ten rows a page: the client page shows the log collapsed and paged, not as one long table. */
export const ACCESS_LOG_PAGE_SIZE = 10;

export const accessLogQuery = z.object({
  page: wholeNumberParam(1, 100_000, 'Kies een paginanummer vanaf 1').default(1),
});

export const accessLogEntry = z.object({
  id: z.string(),
  /** ISO timestamp. */
  at: z.string(),
  /** The user's name, or "systeem (opdrachtregel)" for work from the command line. */
  who: z.string(),
  /** The Dutch label of the role the user had at the time. */
  role: z.string().nullable(),
  team: z.string().nullable(),
  /** A Dutch sentence: "bekeek het contactjournaal", "wijzigde de persoonsgegevens (achternaam)". */
  what: z.string(),
  onBehalfOf: z.string().nullable(),
  outcome: z.enum(['gelukt', 'geweigerd']),
  /** Made under break-the-glass (noodtoegang). */
  emergency: z.boolean(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

export const accessLogPage = z.object({
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  entries: z.array(accessLogEntry),
});
export type AccessLogPage = z.infer<typeof accessLogPage>;

/** The print view of the krachtplan tells the server it was opened, so the print is logged. */
export const planPrintBody = z.object({});
