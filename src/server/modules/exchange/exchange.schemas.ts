// The web import: the files of an exchange folder sent as text, and what validation or import
// reports back. Shared with the web app. The format itself: shared/spec/exchange-format.md.
import { z } from 'zod';

export const EXCHANGE_FILES = ['clients.csv', 'cases.csv', 'case_clients.csv', 'zrm.csv', 'provisions.csv', 'contacts.csv'] as const;
export type ExchangeFile = (typeof EXCHANGE_FILES)[number];

export const exchangeUpload = z.object({
  /** File name → its text (UTF-8). clients.csv and cases.csv are required, the others optional. */
  files: z.record(z.string(), z.string()),
});
export type ExchangeUpload = z.infer<typeof exchangeUpload>;

/** The largest request body the web import takes (IMPORT_MAX_MB): the browser checks before sending. */
export const uploadLimits = z.object({ maxUploadBytes: z.number().int().positive() });
export type UploadLimits = z.infer<typeof uploadLimits>;

export const importProblem = z.object({ file: z.string(), line: z.number(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblem>;

/** Rows per file: in the upload, and for an import how many were new, changed or the same. */
export const importResult = z.object({
  valid: z.boolean(),
  problems: z.array(importProblem),
  /** True when `problems` was cut off (the first 1000 are returned). */
  truncated: z.boolean(),
  files: z.array(z.object({ file: z.string(), rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number() })),
  imported: z.boolean(),
});
export type ImportResult = z.infer<typeof importResult>;
