// The organisation's reference data as the web app receives it: teams and code lists.
import { z } from 'zod';

export const codeItem = z.object({ code: z.string(), label: z.string(), parentCode: z.string().nullable() });
export type CodeItem = z.infer<typeof codeItem>;

export const reference = z.object({
  organisation: z.object({ id: z.string(), name: z.string() }),
  teams: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  /** Code lists by list name: referrers, close_reasons, close_outcomes, first_meeting_locations, ... */
  codes: z.record(z.string(), z.array(codeItem)),
});
export type Reference = z.infer<typeof reference>;
