// The limits a form shows come from the schema the server checks, so the count under a field
// cannot drift from the check: `maxLengthOf(newRegistration, 'question')` is that field's `.max()`.
import type { z } from 'zod';

type Wrapped = z.ZodType & { unwrap?: () => z.ZodType; in?: z.ZodType; maxLength?: number | null };

export function maxLengthOf<S extends { shape: Record<string, z.ZodType> }>(schema: S, key: keyof S['shape'] & string): number | undefined {
  let field = schema.shape[key] as Wrapped | undefined;
  // optional(), nullable() and default() wrap the string schema that holds the limit; a
  // transform() is a pipe from it.
  for (;;) {
    if (field && typeof field.unwrap === 'function') field = field.unwrap() as Wrapped;
    else if (field?.in) field = field.in as Wrapped;
    else break;
  }
  return field?.maxLength ?? undefined;
}
