// BSN (11-proef), postcode, house number and masking rules. Pure functions, shared with the web app.

/** A BSN is 9 digits with (9·d1 + 8·d2 + … + 2·d8 − 1·d9) mod 11 = 0; 8 digits get a leading 0. */
export function isValidBsn(value: string): boolean {
  const digits = value.length === 8 ? `0${value}` : value;
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** 9-digit BSN with the 11-proef from its first 8 digits, or null when no check digit fits. */
export function bsnWithCheckDigit(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(first8[i]);
  const check = sum % 11;
  return check === 10 ? null : `${first8}${check}`;
}

export function normaliseBsn(value: string): string {
  const digits = value.replace(/[\s.]/g, '');
  return digits.length === 8 ? `0${digits}` : digits;
}

/** A BSN never appears whole in lists, logs or URLs: `*****3847`. */
export function maskBsn(bsn: string | null): string | null {
  return bsn ? `*****${bsn.slice(-4)}` : null;
}

const POSTCODE = /^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$/;

export function isValidPostcode(value: string): boolean {
  return POSTCODE.test(value.trim().toUpperCase());
}

/** `1234ab` and `1234 AB` are both stored as `1234 AB`. */
export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

/** "12", "12a", "12 A", "12-2", "12a-3", "12 bis", "12 hs": the number, a single letter, and what is added (at most 4). */
export function splitHouseNumber(value: string): { houseNumber: number; houseLetter: string | null; addition: string | null } | null {
  const match = /^(\d{1,5})(?!\d)(?:\s*([A-Za-z])(?![A-Za-z0-9]))?(?:\s*[-/]?\s*([A-Za-z0-9]{1,4}))?$/.exec(value.trim());
  if (!match) return null;
  return { houseNumber: Number(match[1]), houseLetter: match[2] ?? null, addition: match[3] ?? null };
}

/** A house number as the BAG writes it: digits first (no "twaalf"), then an optional letter and addition. */
export function isValidHouseNumber(value: string): boolean {
  return splitHouseNumber(value) !== null;
}

/** Initials of the first names, as on Dutch letters: `Jan Willem` → `J.W.`, `Anne-Marie` → `A.M.`. */
export function initials(firstName: string): string {
  return firstName
    .split(/[\s-]+/)
    .filter((part) => part.length > 0)
    .map((part) => `${[...part][0]!.toLocaleUpperCase('nl')}.`)
    .join('');
}

/** What the duplicate check looks for: the same BSN, or a similar name with the same birth date or postcode. */
export interface DuplicateProbe {
  name: string;
  birthDate: string | null;
  postcode: string | null;
  bsn: string | null;
}

/** The fields of the form as typed, made into a probe: only a valid BSN, a valid postcode and a full date count. */
export function duplicateProbe(input: { firstName: string; lastName: string; birthDate?: string | null; postcode?: string | null; bsn?: string | null }): DuplicateProbe {
  const bsn = input.bsn ? normaliseBsn(input.bsn) : null;
  const birthDate = input.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(input.birthDate) ? input.birthDate : null;
  return {
    name: `${input.firstName.trim()} ${input.lastName.trim()}`.trim(),
    birthDate,
    postcode: input.postcode && isValidPostcode(input.postcode) ? normalisePostcode(input.postcode) : null,
    bsn: bsn && isValidBsn(bsn) ? bsn : null,
  };
}

/** A name is only compared with three letters or more, and only next to a birth date or postcode. */
export const DUPLICATE_NAME_MIN = 3;

/** What a check with this probe can find: by BSN, by name with birth date or postcode, both or neither. */
export function duplicateCheckCovers(probe: DuplicateProbe): { bsn: boolean; name: boolean } {
  return { bsn: probe.bsn !== null, name: probe.name.length >= DUPLICATE_NAME_MIN && (probe.birthDate !== null || probe.postcode !== null) };
}
