// Text fields as the forms send them: trimmed, with a Dutch length message. Shared by the schemas.
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
