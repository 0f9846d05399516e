// Text fields as the forms send them: trimmed, with a Dutch length message. Shared by the schemas.
import { z } from 'zod';

/** PostgreSQL stores no NUL character; refused here too, so a field the action does not store cannot slip one past. */
const NO_NUL = [(v: string) => !v.includes('\u0000'), 'Haal het nulteken uit de tekst'] as const;

/** Free text that may be empty (stored as ''). */
export const plainText = (max: number) => z.string().trim().max(max, `Maximaal ${max} tekens`).refine(...NO_NUL).default('');

/** Optional text: empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Maximaal ${max} tekens`)
    .refine(...NO_NUL)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
