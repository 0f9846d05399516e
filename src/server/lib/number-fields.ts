// Whole numbers as the API takes them, shared by the schemas. Every one has bounds inside the
// database's integer column (int4), so a number PostgreSQL cannot hold is refused by the schema
// with a clear message instead of failing in a query (tests/http/bad-input.test.ts checks every
// number of the OpenAPI document).
import { z } from 'zod';

export const INT4_MIN = -(2 ** 31);
export const INT4_MAX = 2 ** 31 - 1;

function checkedBounds(min: number, max: number): void {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < INT4_MIN || max > INT4_MAX || min > max) {
    throw new Error(`wholeNumber bounds ${min}..${max} do not fit an int4 column`);
  }
}

/** A whole number from `min` to `max` in a JSON body; `message` replaces the default ones. */
export function wholeNumber(min: number, max: number, message?: string) {
  checkedBounds(min, max);
  const range = message ?? `Vul een geheel getal van ${min} tot en met ${max} in`;
  return z
    .number(message ?? 'Vul een getal in')
    .int(message ?? 'Vul een geheel getal in')
    .min(min, range)
    .max(max, range);
}

/** The same in a query string or a path, where it arrives as text. */
export function wholeNumberParam(min: number, max: number, message?: string) {
  checkedBounds(min, max);
  const range = message ?? `Vul een geheel getal van ${min} tot en met ${max} in`;
  return z.coerce
    .number(message ?? 'Vul een getal in')
    .int(message ?? 'Vul een geheel getal in')
    .min(min, range)
    .max(max, range);
}

/** The version of a record that a change sends back: the one the user read (409 when it moved on). */
export const version = wholeNumber(1, INT4_MAX, 'Het versienummer ontbreekt of klopt niet. Laad de pagina opnieuw.');

/** A version number in a path or a query string. */
export const versionParam = wholeNumberParam(1, INT4_MAX, 'Deze versie bestaat niet');

/** Where a page of a list starts. */
export const offsetParam = wholeNumberParam(0, INT4_MAX, 'Het beginpunt van de lijst is een geheel getal vanaf 0');
