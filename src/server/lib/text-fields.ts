// Text fields as the forms send them: trimmed, with a Dutch length message. Shared by the schemas.
// Whether text can be stored at all: checked once for every request, before any schema
// (http/input-check.ts), and for every cell of an imported CSV file (exchange/csv.ts).
import { z } from 'zod';

/**
 * Why PostgreSQL cannot store this text and give it back unchanged, if it cannot: a NUL character
 * (refused by text and jsonb alike), or a lone UTF-16 surrogate (jsonb refuses its escape, text
 * columns get U+FFFD instead, so a stored id never matches its source again).
 */
export function textProblem(text: string): 'nul' | 'surrogate' | null {
  if (text.includes('\u0000')) return 'nul';
  if (!text.isWellFormed()) return 'surrogate';
  return null;
}

/** Free text that may be empty (stored as ''). */
export const plainText = (max: number) => z.string().trim().max(max, `Maximaal ${max} tekens`).default('');

/** Optional text: empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Maximaal ${max} tekens`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
