// A client as the 301 names them (pure): BSN, birth date, gender, name and the BRP address
// (docs/iwmo.md §3.1, IV047). Keukentafel keeps one last-name field and one house-number field; the
// 301 wants the voorvoegsel and the huisletter/toevoeging apart, so they are split here by the
// rules of Dutch names and addresses. What cannot be sent answers a Dutch problem instead.
import { isValidBsn, splitHouseNumber } from '../../clients/identity-rules';
import type { Client301, Contact301 } from '../iwmo/build-301';
import type { Gender } from '../iwmo/iwmo-codes';

export interface ClientRow {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  bsn: string | null;
  gender: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
}

const GENDERS: Record<string, Gender> = { m: '1', v: '2' };

/**
 * Voorvoegsels as the BRP knows them (Tabel 36, the common ones), longest first so that "van der"
 * wins over "van". Only at the start of the last name and in lower case: "Van Dijk" written with a
 * capital is kept whole, as it may be part of the name itself.
 */
const PREFIXES = [
  'van de', 'van der', 'van den', 'van het', "van 't", 'van ter', 'van ten', 'in de', 'in der', 'in den', 'in het', "in 't", 'op de', 'op den', 'op het',
  "op 't", 'uit de', 'uit den', 'uit het', 'aan de', 'aan den', 'aan het', 'bij de', 'de la', 'de le', 'van', 'de', 'der', 'den', 'het', "'t", 'te', 'ten', 'ter',
  'la', 'le', 'du', 'da', 'di', 'dos', 'el', 'al', 'von', 'zu', 'vom', 'zum', 'zur', 'op', 'in', 'uit', 'aan', 'bij', 'over', 'onder', 'voor',
].sort((a, b) => b.length - a.length);

/** "van der Berg" → voorvoegsel "van der", achternaam "Berg"; a name without a lower-case voorvoegsel stays whole. */
export function splitSurname(lastName: string): { surname: string; prefix: string | null } {
  const name = lastName.trim().replace(/\s+/g, ' ');
  for (const prefix of PREFIXES) {
    if (name.startsWith(`${prefix} `) && name.length > prefix.length + 1) {
      return { surname: name.slice(prefix.length + 1), prefix: prefix.length <= 10 ? prefix : null };
    }
  }
  return { surname: name, prefix: null };
}

/** Voorletters as iWmo writes them: the initials of the first names, without dots or spaces, at most 6 (RS045). */
export function initialsOf(firstName: string): string | null {
  const letters = firstName
    .split(/[\s-]+/)
    .filter((part) => part.length > 0)
    .map((part) => [...part][0]!.toLocaleUpperCase('nl'))
    .join('')
    .replace(/[^\p{L}]/gu, '');
  return letters ? [...letters].slice(0, 6).join('') : null;
}

/** A Dutch phone number as iWmo writes it: digits only with the national 0, and Landnummer 0031; a foreign one is left out. */
export function dutchPhone(value: string): { number: string; countryPrefix: string } | null {
  const compact = value.replace(/[\s().-]/g, '');
  const national = /^\+31/.test(compact) ? `0${compact.slice(3)}` : /^0031/.test(compact) ? `0${compact.slice(4)}` : compact;
  return /^0[1-9]\d{8}$/.test(national) ? { number: national, countryPrefix: '0031' } : null;
}

export type Client301Result = { ok: true; client: Client301 } | { ok: false; problem: string };

/** The 301's Client, or why this client cannot be sent (in Dutch, without the facts themselves). */
export function client301(row: ClientRow): Client301Result {
  const missing: string[] = [];
  if (!row.bsn || !isValidBsn(row.bsn)) missing.push('een geldig BSN');
  if (!row.birthDate) missing.push('de geboortedatum');
  const house = row.houseNumber ? splitHouseNumber(row.houseNumber) : null;
  // IV047: the BRP address always goes along; TR006: a house number with postcode (or a phone number).
  if (!house || !row.postcode) missing.push('een adres met huisnummer en postcode');
  if (missing.length > 0) return { ok: false, problem: `van de cliënt ontbreekt ${joinDutch(missing)}` };

  const { surname, prefix } = splitSurname(row.lastName);
  const firstNames = row.firstName.trim() || null;
  const phone = row.phone ? dutchPhone(row.phone) : null;
  const contact: Contact301 = {
    type: '01',
    address: {
      houseNumber: house!.houseNumber,
      houseLetter: house!.houseLetter,
      houseNumberAddition: house!.addition,
      postcode: row.postcode!.replace(/\s+/g, '').toUpperCase(),
      // LDT_Straatnaam holds 24 positions, as the BRP's short street name (NEN 5825) does.
      street: row.street?.trim() ? [...row.street.trim()].slice(0, 24).join('').trim() : null,
      city: row.city?.trim() ? [...row.city.trim()].slice(0, 80).join('') : null,
      countryCode: 'NL',
    },
    phone,
  };
  return {
    ok: true,
    client: {
      bsn: row.bsn!,
      birthDate: row.birthDate!,
      gender: GENDERS[row.gender ?? ''] ?? '0',
      name: { surname: [...surname].slice(0, 200).join(''), prefix, firstNames: firstNames ? [...firstNames].slice(0, 200).join('') : null, initials: firstNames ? initialsOf(firstNames) : null, nameUse: '1' },
      contacts: [contact],
    },
  };
}

function joinDutch(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
