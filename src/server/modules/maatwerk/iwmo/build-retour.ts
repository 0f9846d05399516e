// The retour message on an incoming heen message: 306 on a 305, 308 on a 307, 316 on a 315
// (docs/iwmo.md §0.3, §2.2; rules IV028, IV032, OP065, OP090). One retour per heen message.
//
// - The heen header is copied unchanged (Afzender stays the provider, Ontvanger the municipality);
//   only BerichtCode becomes the retour's own, and IdentificatieRetour, DagtekeningRetour and
//   XsdVersieRetour are added. XsltVersie is left out: Keukentafel does not run the official XSLTs.
// - No errors: the Header only, without RetourCodes.
// - Errors in records: the Header with 0200, and the Client copied unchanged with every class
//   closed by RetourCodes: the failing records with the codes of the failed rules, the other
//   records and the Client itself with 0200 "geen opmerking" (the IV028 worked example: Header 0200,
//   Client 0200, StartProduct 9063). Any error rejects the whole message (IV032).
// - Errors in the header (e.g. 9056, TR056) or a technical rejection (0001, IV028 level 2): the
//   Header only, with those codes.
//
// Retour codes for record errors (WJ001, docs/iwmo.md §4; which rule to apply is the caller's):
//   9019 (TR019) start/stop cannot be linked to an assignment, e.g. an unknown ToewijzingNummer;
//   9063 (TR063) StatusAanlevering 3 without an earlier 1;  9074 (TR074) status 1 with a key already received;
//   9071 (TR071) a start cannot be deleted, delivery already stopped;  9326 (TR326) a current start is not stopped yet;
//   9069, 9413, 9414, 9415 (TR069, TR413–TR415) stop rules;  9347 (TR347) ReferentieAanbieder not unique;
//   9374 (TR374) a request is already open;  S300 (TR378) unknown gemeentecode;  S329 (TR381) product code not in category.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { RETOUR_CODES, RETOUR_OK, RETOUR_TECHNICAL, type RetourCode } from './iwmo-codes';
import { IwmoInputError, type RetourSource } from './iwmo-errors';
import {
  BASISSCHEMA_NS, BERICHT_CODES, RETOUR_KIND, elementWriter, messageNamespace, newMessage, writeXsdVersie,
  type ElementWriter, type InboundHeenKind,
} from './iwmo-format';
import { serialiseChecked } from './iwmo-output';
import type { StructureProblem } from './iwmo-structure';
import { parseXml, type XmlElement } from './iwmo-xml';

/** The failed rules of one record (StartProduct, StopProduct or AangevraagdProduct), by its index in `records`. */
export interface RecordError {
  readonly index: number;
  readonly codes: readonly RetourCode[];
}

export interface RetourFields {
  /** IdentificatieRetour: at most 12 characters, unique per berichtsoort for the municipality. */
  readonly identification: string;
  /** DagtekeningRetour, YYYY-MM-DD. */
  readonly date: string;
  /** Codes for the header itself (e.g. 9056, 8848, or 0001 for a technical rejection); default 0200 when records fail. */
  readonly headerCodes?: readonly RetourCode[];
}

const RECORD_CLASS: Record<InboundHeenKind, { list: string; item: string }> = {
  '305': { list: 'StartProducten', item: 'StartProduct' },
  '307': { list: 'StopProducten', item: 'StopProduct' },
  '315': { list: 'AangevraagdeProducten', item: 'AangevraagdProduct' },
};

/** The retour file text (UTF-8 without BOM, CR/LF). `inbound` is what readInbound returned, or an IwmoFileError's retourSource. */
export function buildRetour(inbound: RetourSource, recordErrors: readonly RecordError[], retour: RetourFields): string {
  const heen = parseXml(inbound.source);
  const heenHeader = find(heen, 'Header');
  const heenClient = find(heen, 'Client');
  const { list, item } = RECORD_CLASS[inbound.kind];
  const recordCount = heenClient ? children(find(heenClient, list), item).length : 0;
  const headerCodes = retour.headerCodes ?? [];
  const problems = checkCodes(recordErrors, headerCodes, recordCount);
  if (!heenHeader) problems.push({ element: 'inbound', message: 'het heenbericht heeft geen Header' });
  if (problems.length > 0) throw new IwmoInputError(problems);

  const kind = RETOUR_KIND[inbound.kind];
  const w = elementWriter(kind);
  const root = newMessage(kind);
  const header = w.group(root, 'Header');
  const heenNamespace = messageNamespace(inbound.kind);
  for (const el of heenHeader!.children) {
    if (el.name === 'BerichtCode') w.value(header, 'BerichtCode', BERICHT_CODES[kind]);
    else copy(w, header, el, heenNamespace);
  }
  w.value(header, 'IdentificatieRetour', retour.identification);
  w.value(header, 'DagtekeningRetour', retour.date);
  writeXsdVersie(w, header, 'XsdVersieRetour');
  const withClient = recordErrors.length > 0;
  const codesForHeader = headerCodes.length > 0 ? headerCodes : withClient ? [RETOUR_OK] : [];
  writeCodes(w, header, codesForHeader);

  if (withClient && heenClient) {
    const codesByRecord = new Map(recordErrors.map((e) => [e.index, e.codes]));
    let index = 0;
    const closeClass = (el: XmlElement): readonly RetourCode[] | null => {
      if (el.name === 'Client') return [RETOUR_OK];
      if (el.name !== item) return null;
      return codesByRecord.get(index++) ?? [RETOUR_OK];
    };
    copy(w, root, heenClient, heenNamespace, closeClass);
  }
  return serialiseChecked(kind, root);
}

/**
 * Copy a heen element into the retour: elements of the heen message's namespace move to the retour's,
 * basisschema elements stay. `closeClass` gives the RetourCodes that end a class (null: not a class).
 */
function copy(w: ElementWriter, parent: XMLBuilder, el: XmlElement, heenNamespace: string, closeClass?: (el: XmlElement) => readonly RetourCode[] | null): void {
  const inBasis = el.namespace === BASISSCHEMA_NS;
  if (el.children.length === 0) {
    if (inBasis) w.basisValue(parent, el.name, el.text);
    else w.value(parent, el.name, el.text);
    return;
  }
  if (!inBasis && el.namespace !== heenNamespace) throw new Error(`onverwachte namespace ${el.namespace} in het heenbericht`);
  const target = inBasis ? w.basisGroup(parent, el.name) : w.group(parent, el.name);
  // The class's own codes are decided before its children are walked, so records count in document order.
  const codes = closeClass?.(el) ?? null;
  for (const child of el.children) copy(w, target, child, heenNamespace, closeClass);
  if (codes) writeCodes(w, target, codes);
}

function writeCodes(w: ElementWriter, parent: XMLBuilder, codes: readonly RetourCode[]): void {
  if (codes.length === 0) return;
  const el = w.group(parent, 'RetourCodes');
  for (const code of codes) w.value(el, 'RetourCode', code);
}

function checkCodes(recordErrors: readonly RecordError[], headerCodes: readonly RetourCode[], recordCount: number): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const known = (code: string) => Object.hasOwn(RETOUR_CODES, code);
  for (const code of headerCodes) if (!known(code)) problems.push({ element: 'headerCodes', message: `onbekende retourcode ${code}` });
  if (headerCodes.includes(RETOUR_TECHNICAL) && recordErrors.length > 0) {
    problems.push({ element: 'recordErrors', message: 'bij retourcode 0001 (technisch afgekeurd) bestaat het retourbericht alleen uit de Header (IV028)' });
  }
  const seen = new Set<number>();
  for (const [i, error] of recordErrors.entries()) {
    const at = `recordErrors[${i}]`;
    if (!Number.isInteger(error.index) || error.index < 0 || error.index >= recordCount) {
      problems.push({ element: `${at}.index`, message: `record ${error.index} bestaat niet in het heenbericht (${recordCount} records)` });
    }
    if (seen.has(error.index)) problems.push({ element: `${at}.index`, message: `record ${error.index} staat twee keer in de fouten` });
    seen.add(error.index);
    if (error.codes.length === 0) problems.push({ element: `${at}.codes`, message: 'ten minste één retourcode is verplicht' });
    for (const code of error.codes) {
      if (!known(code)) problems.push({ element: `${at}.codes`, message: `onbekende retourcode ${code}` });
      else if (code === RETOUR_OK || code === '0233' || code === RETOUR_TECHNICAL) problems.push({ element: `${at}.codes`, message: `retourcode ${code} is geen fout op een record` });
    }
  }
  return problems;
}

const find = (el: XmlElement | undefined, name: string): XmlElement | undefined => el?.children.find((c) => c.name === name);
const children = (el: XmlElement | undefined, name: string): XmlElement[] => el?.children.filter((c) => c.name === name) ?? [];
