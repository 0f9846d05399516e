// WMO301 Toewijzing: one message for one client and one provider (docs/iwmo.md §3.1, §5.2), from
// plain data. The caller decides what goes in (OP087: all current assignments for that provider
// plus the ones changed since the last 301) and what each assignment says; this only writes it,
// after checking the conditions between elements that the structure table cannot see.
//
// Deleting ("voiding") an assignment is an ordinary entry: the same assignmentNumber, endOn equal
// to startOn and changeReason '13' (OP033x1, CS335); see `CHANGE_REASON_DELETED`.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { isIsoDate } from '../../../lib/dates';
import type { AddressType, ChangeReason, Frequency, Gender, NameUse, ProductCategory, Unit } from './iwmo-codes';
import { IwmoInputError } from './iwmo-errors';
import { elementWriter, newMessage, writeHeenHeader, type ElementWriter } from './iwmo-format';
import { serialiseChecked } from './iwmo-output';
import type { StructureProblem } from './iwmo-structure';

const KIND = '301';

export interface MessageHeaderInput {
  /** CBS gemeentecode, 4 digits (Afzender of a 301/319). */
  readonly municipalityCode: string;
  /** The provider's Wmo AGB code, 8 digits (Ontvanger). */
  readonly providerAgb: string;
  /** BerichtIdentificatie/Identificatie: at most 12 characters, unique per berichtsoort for the municipality (TR056). */
  readonly messageId: string;
  /** BerichtIdentificatie/Dagtekening, YYYY-MM-DD: the sending date, not in the future (TR135). */
  readonly messageDate: string;
}

/** CDT_VolledigeNaam. CS050: with a partner surname nameUse is 1–4, otherwise 1 (6 is not used in a 301 Client, CS318). */
export interface PersonName {
  readonly surname: string;
  readonly prefix?: string | null;
  readonly partnerSurname?: string | null;
  readonly partnerPrefix?: string | null;
  readonly firstNames?: string | null;
  /** Without dots or spaces, at most 6 (RS045). */
  readonly initials?: string | null;
  readonly nameUse: NameUse;
}

export interface Address301 {
  readonly houseNumber: number;
  readonly houseLetter?: string | null;
  readonly houseNumberAddition?: string | null;
  readonly postcode?: string | null;
  readonly street?: string | null;
  readonly city?: string | null;
  /** ISO 3166 two letters (COD032); required when a postcode is given (CD005). */
  readonly countryCode?: string | null;
}

export interface Phone301 {
  /** Digits only, at most 15. */
  readonly number: string;
  /** International prefix as seen from the Netherlands, such as '0031'. */
  readonly countryPrefix: string;
}

/** One Contact of the client (COD757 Soort; TR006: a phone number and/or house number with postcode). */
export interface Contact301 {
  readonly type: AddressType;
  readonly address?: Address301 | null;
  readonly phone?: Phone301 | null;
  readonly email?: string | null;
}

export interface Client301 {
  /** 9 digits passing the 11-proef. */
  readonly bsn: string;
  readonly birthDate: string;
  /** COD170 DatumGebruik, only for a partly unknown birth date (IV009). */
  readonly birthDateUse?: '1' | '2' | '3' | null;
  readonly gender: Gender;
  readonly name: PersonName;
  /** At least one, with at least one of type 01, 02 or 03 (TR061). */
  readonly contacts: readonly Contact301[];
  readonly comment?: string | null;
}

export interface Product {
  readonly category: ProductCategory;
  /** 5 positions; null for an aspecific assignment (category only, IV075). */
  readonly code: string | null;
}

export interface Omvang {
  /** 0–99 999 999; in eurocent when unit is 83 (IV042). */
  readonly volume: number;
  readonly unit: Unit;
  readonly frequency: Frequency;
}

interface AssignmentFields {
  /** ToewijzingNummer: 0–999 999 999, unique per municipality per legal domain (OP275). */
  readonly assignmentNumber: number;
  /** Only in the first 301 that honours a 315/317 (TR379, IV094, IV097). */
  readonly providerReference?: string | null;
  /** Null for a generic assignment, which then has a budget (CD079, IV075). */
  readonly product: Product | null;
  /** Toewijzingsdatum and Toewijzingstijd (HH:MM:SS): when this version was decided; unchanged on a re-send (IV013). */
  readonly assignedOn: string;
  readonly assignedAt: string;
  readonly startOn: string;
  /** Required with a budget (CD075) and with frequency 2 (CD076); not before startOn (CS003). */
  readonly endOn: string | null;
  /** WMO002; null on first issue and on a plain re-send (IV099); '13' deletes (CS335). */
  readonly changeReason: ChangeReason | null;
  readonly comment?: string | null;
}

/** One ToegewezenProduct: with an omvang, or with a budget in eurocent (CD077/CD078: never both). */
export type Assignment301 = AssignmentFields & ({ readonly omvang: Omvang; readonly budgetCents?: undefined } | { readonly budgetCents: number; readonly omvang?: undefined });

export interface Toewijzing301Input {
  readonly header: MessageHeaderInput;
  readonly client: Client301;
  /** At least one. */
  readonly assignments: readonly Assignment301[];
}

/** The WMO301 file text (UTF-8 without BOM, CR/LF). Throws IwmoInputError when the input breaks a rule. */
export function build301(input: Toewijzing301Input): string {
  const problems = checkInput(input);
  if (problems.length > 0) throw new IwmoInputError(problems);

  const w = elementWriter(KIND);
  const root = newMessage(KIND);
  const { header, client } = input;
  writeHeenHeader(root, KIND, { sender: header.municipalityCode, receiver: header.providerAgb, messageId: header.messageId, messageDate: header.messageDate });

  const c = w.group(root, 'Client');
  w.value(c, 'Bsn', client.bsn);
  const birth = w.group(c, 'Geboortedatum');
  w.basisValue(birth, 'Datum', client.birthDate);
  w.basisValue(birth, 'DatumGebruik', client.birthDateUse);
  w.value(c, 'Geslacht', client.gender);
  writeName(w, w.group(c, 'Naam'), client.name);
  w.value(c, 'Commentaar', client.comment);
  const contacts = w.group(c, 'Contactgegevens');
  for (const contact of client.contacts) writeContact(w, w.group(contacts, 'Contact'), contact);
  const products = w.group(c, 'ToegewezenProducten');
  for (const assignment of input.assignments) writeAssignment(w, w.group(products, 'ToegewezenProduct'), assignment);

  return serialiseChecked(KIND, root);
}

function writeName(w: ElementWriter, naam: XMLBuilder, name: PersonName): void {
  const surname = w.basisGroup(naam, 'Geslachtsnaam');
  w.basisValue(surname, 'Achternaam', name.surname);
  w.basisValue(surname, 'Voorvoegsel', name.prefix);
  if (name.partnerSurname) {
    const partner = w.basisGroup(naam, 'Partnernaam');
    w.basisValue(partner, 'Achternaam', name.partnerSurname);
    w.basisValue(partner, 'Voorvoegsel', name.partnerPrefix);
  }
  w.basisValue(naam, 'Voornamen', name.firstNames);
  w.basisValue(naam, 'Voorletters', name.initials);
  w.basisValue(naam, 'NaamGebruik', name.nameUse);
}

function writeContact(w: ElementWriter, el: XMLBuilder, contact: Contact301): void {
  w.value(el, 'Soort', contact.type);
  const address = contact.address;
  if (address) {
    const adres = w.group(el, 'Adres');
    const huis = w.basisGroup(adres, 'Huis');
    w.basisValue(huis, 'Huisnummer', address.houseNumber);
    w.basisValue(huis, 'Huisletter', address.houseLetter);
    w.basisValue(huis, 'HuisnummerToevoeging', address.houseNumberAddition);
    w.basisValue(adres, 'Postcode', address.postcode);
    w.basisValue(adres, 'Straatnaam', address.street);
    w.basisValue(adres, 'Plaatsnaam', address.city);
    w.basisValue(adres, 'LandCode', address.countryCode);
  }
  if (contact.phone) {
    const phone = w.basisGroup(w.group(el, 'Telefoon'), 'Telefoon01');
    w.basisValue(phone, 'Telefoonnummer', contact.phone.number);
    w.basisValue(phone, 'Landnummer', contact.phone.countryPrefix);
  }
  w.value(el, 'Emailadres', contact.email);
}

function writeAssignment(w: ElementWriter, el: XMLBuilder, a: Assignment301): void {
  w.value(el, 'ToewijzingNummer', a.assignmentNumber);
  w.value(el, 'ReferentieAanbieder', a.providerReference);
  if (a.product) {
    const product = w.group(el, 'Product');
    w.basisValue(product, 'Categorie', a.product.category);
    w.basisValue(product, 'Code', a.product.code);
  }
  w.value(el, 'Toewijzingsdatum', a.assignedOn);
  w.value(el, 'Toewijzingstijd', a.assignedAt);
  w.value(el, 'Ingangsdatum', a.startOn);
  w.value(el, 'Einddatum', a.endOn);
  w.value(el, 'RedenWijziging', a.changeReason);
  if (a.omvang) {
    const omvang = w.group(el, 'Omvang');
    w.basisValue(omvang, 'Volume', a.omvang.volume);
    w.basisValue(omvang, 'Eenheid', a.omvang.unit);
    w.basisValue(omvang, 'Frequentie', a.omvang.frequency);
  }
  w.value(el, 'Budget', a.budgetCents);
  w.value(el, 'Commentaar', a.comment);
}

/** The rules between fields (CD/CS/TR within the message) that the structure table cannot express. */
function checkInput(input: Toewijzing301Input): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const add = (element: string, message: string) => problems.push({ element, message });
  const { client, assignments } = input;

  const { name } = client;
  if (name.nameUse === '6') add('client.name.nameUse', 'NaamGebruik 6 wordt in een 301 niet gebruikt (CS318)');
  else if (!name.partnerSurname && name.nameUse !== '1') add('client.name.nameUse', 'zonder partnernaam is NaamGebruik 1 (CS050)');
  if (name.partnerPrefix && !name.partnerSurname) add('client.name.partnerPrefix', 'een voorvoegsel van de partnernaam zonder partnernaam');

  if (client.contacts.length === 0) add('client.contacts', 'ten minste één contact is verplicht');
  else if (!client.contacts.some((c) => c.type === '01' || c.type === '02' || c.type === '03')) {
    add('client.contacts', 'ten minste één contact met soort 01, 02 of 03 is verplicht (TR061)');
  }
  client.contacts.forEach((contact, i) => {
    const at = `client.contacts[${i}]`;
    if (!contact.phone && !(contact.address?.postcode)) add(at, 'een contact heeft een telefoonnummer en/of een huisnummer met postcode (TR006)');
    if (contact.address?.postcode && !contact.address.countryCode) add(`${at}.address.countryCode`, 'verplicht als de postcode is gevuld (CD005)');
  });

  if (assignments.length === 0) add('assignments', 'ten minste één toegewezen product is verplicht');
  const numbers = new Set<number>();
  assignments.forEach((a, i) => {
    const at = `assignments[${i}]`;
    if (!Number.isSafeInteger(a.assignmentNumber) || a.assignmentNumber < 0 || a.assignmentNumber > 999_999_999) {
      add(`${at}.assignmentNumber`, 'een ToewijzingNummer is een geheel getal van 0 tot en met 999999999 (RS006)');
    }
    if (numbers.has(a.assignmentNumber)) add(`${at}.assignmentNumber`, `ToewijzingNummer ${a.assignmentNumber} staat twee keer in het bericht`);
    numbers.add(a.assignmentNumber);
    const hasBudget = a.budgetCents !== undefined;
    if (a.omvang && hasBudget) add(at, 'een toewijzing heeft een omvang of een budget, niet beide (CD077, CD078)');
    if (!a.omvang && !hasBudget) add(at, 'een toewijzing heeft een omvang of een budget');
    if (!a.product && !hasBudget) add(`${at}.product`, 'verplicht als er geen budget is (CD079)');
    if (a.product?.code && !a.omvang) add(`${at}.omvang`, 'verplicht als de productcode is gevuld (CD041)');
    if (hasBudget && !a.endOn) add(`${at}.endOn`, 'verplicht bij een budget (CD075)');
    if (a.omvang?.frequency === '2' && !a.endOn) add(`${at}.endOn`, 'verplicht bij frequentie 2, per week (CD076)');
    if (a.endOn && isIsoDate(a.endOn) && isIsoDate(a.startOn) && a.endOn < a.startOn) add(`${at}.endOn`, 'de einddatum ligt voor de ingangsdatum (CS003)');
    const longUnit = a.omvang && ['14', '16', '83', '84'].includes(a.omvang.unit);
    if (longUnit && (!a.endOn || a.endOn > '2020-12-31') && !['2', '4', '6'].includes(a.omvang!.frequency)) {
      add(`${at}.omvang.frequency`, 'bij eenheid 14, 16, 83 of 84 is de frequentie 2, 4 of 6 (CS338)');
    }
    if (a.changeReason === '13' && a.endOn !== a.startOn) add(`${at}.endOn`, 'bij RedenWijziging 13 (verwijderd) is de einddatum gelijk aan de ingangsdatum (CS335)');
  });
  return problems;
}
