// Text fields as the forms send them: trimmed, with a Dutch length message. Shared by the schemas.
// Whether the text can be stored at all (no NUL, no lone surrogate) is checked once for every
// request, before any schema (http/input-check.ts).
import { z } from 'zod';

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
