// The fixed facts of the iWmo 3.2 message files (docs/iwmo.md §0–§2): namespaces, BerichtCodes,
// versions, and the file rules (OP192: UTF-8 without BOM, CR/LF line endings). Every writer in
// this folder creates its document with `newMessage` and turns it into text with `serialise`.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

/** The shared basisschema namespace; children of basisschema complex types live here (§0.1). */
export const BASISSCHEMA_NS = 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema';
export const BASISSCHEMA_PREFIX = 'iwmo';

/** Every iWmo 3.2 message, by number, with its BerichtCode (§0.2, §1; the xs:pattern in each XSD). */
export const BERICHT_CODES = {
  '301': '414', '302': '415', '305': '418', '306': '419', '307': '420', '308': '421', '315': '444',
  '316': '445', '317': '480', '318': '481', '319': '482', '320': '483', '323': '484', '325': '485',
} as const;
export type IwmoMessageNumber = keyof typeof BERICHT_CODES;

/** The messages this module writes or reads, and so has a structure table for. */
export const MESSAGE_KINDS = ['301', '302', '305', '306', '307', '308', '315', '316', '319'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The heen messages a municipality receives and answers with a retour message (§1, OP090). */
export type InboundHeenKind = '305' | '307' | '315';
/** Incoming files `readInbound` accepts: the heen messages above plus 302, the retour on our 301. */
export type InboundKind = InboundHeenKind | '302';
export const RETOUR_KIND = { '305': '306', '307': '308', '315': '316' } as const satisfies Record<InboundHeenKind, MessageKind>;

/** Fixed in every 3.2 XSD (`xs:pattern` 3 and 2; CS025, CS015). */
export const BERICHT_VERSIE = '3';
export const BERICHT_SUBVERSIE = '2';
/**
 * The XSD versions written in XsdVersie / XsdVersieRetour: copied from the `xs:appinfo` of the
 * saved 3.2 XSDs (IV034), 1.0.0 for the basisschema and for every message. Check them against the
 * official release before going live (§8.2: a later patch version may exist).
 */
export const XSD_VERSIE = { basisschema: '1.0.0', bericht: '1.0.0' } as const;

export const messageNamespace = (kind: IwmoMessageNumber): string => `http://www.istandaarden.nl/iwmo/3_2/wmo${kind}/schema`;
export const messagePrefix = (kind: IwmoMessageNumber): string => `wmo${kind}`;

/** The message number whose namespace this is, or null for anything else. */
export function messageNumberOfNamespace(namespace: string | null): IwmoMessageNumber | null {
  const found = (Object.keys(BERICHT_CODES) as IwmoMessageNumber[]).find((n) => messageNamespace(n) === namespace);
  return found ?? null;
}

/** The message number with this BerichtCode, or null when the code is not an iWmo 3.2 one. */
export function messageNumberOfCode(code: string): IwmoMessageNumber | null {
  const found = (Object.entries(BERICHT_CODES) as [IwmoMessageNumber, string][]).find(([, c]) => c === code);
  return found ? found[0] : null;
}

/**
 * A new message document: the root `Bericht` in the message's namespace, declaring both the message
 * prefix and `iwmo:` for the basisschema, as in the example messages. Returns the root element.
 */
export function newMessage(kind: MessageKind): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' })
    .ele(messageNamespace(kind), `${messagePrefix(kind)}:Bericht`)
    .att('http://www.w3.org/2000/xmlns/', `xmlns:${BASISSCHEMA_PREFIX}`, BASISSCHEMA_NS);
}

type Value = string | number | null | undefined;

/** Writes the elements of one message kind: in its own namespace, or in the basisschema one. */
export interface ElementWriter {
  /** A complex element in the message namespace. */
  group(parent: XMLBuilder, name: string): XMLBuilder;
  /** A simple element in the message namespace; nothing for null or undefined (RS033: no empty elements). */
  value(parent: XMLBuilder, name: string, value: Value): void;
  /** A complex element in the basisschema namespace. */
  basisGroup(parent: XMLBuilder, name: string): XMLBuilder;
  /** A simple element in the basisschema namespace; nothing for null or undefined. */
  basisValue(parent: XMLBuilder, name: string, value: Value): void;
}

export function elementWriter(kind: MessageKind): ElementWriter {
  const namespace = messageNamespace(kind);
  const prefix = messagePrefix(kind);
  const group = (parent: XMLBuilder, name: string) => parent.ele(namespace, `${prefix}:${name}`);
  const basisGroup = (parent: XMLBuilder, name: string) => parent.ele(BASISSCHEMA_NS, `${BASISSCHEMA_PREFIX}:${name}`);
  return {
    group,
    basisGroup,
    value(parent, name, value) {
      if (value != null) group(parent, name).txt(String(value));
    },
    basisValue(parent, name, value) {
      if (value != null) basisGroup(parent, name).txt(String(value));
    },
  };
}

/** The parties and identification of a heen message we send (301, 319). */
export interface HeenHeaderFields {
  readonly sender: string;
  readonly receiver: string;
  readonly messageId: string;
  readonly messageDate: string;
}

/** The heen header (§2.1): BerichtCode, versions, Afzender, Ontvanger, BerichtIdentificatie, XsdVersie. */
export function writeHeenHeader(root: XMLBuilder, kind: MessageKind, fields: HeenHeaderFields): void {
  const w = elementWriter(kind);
  const header = w.group(root, 'Header');
  w.value(header, 'BerichtCode', BERICHT_CODES[kind]);
  w.value(header, 'BerichtVersie', BERICHT_VERSIE);
  w.value(header, 'BerichtSubversie', BERICHT_SUBVERSIE);
  w.value(header, 'Afzender', fields.sender);
  w.value(header, 'Ontvanger', fields.receiver);
  const identification = w.group(header, 'BerichtIdentificatie');
  w.basisValue(identification, 'Identificatie', fields.messageId);
  w.basisValue(identification, 'Dagtekening', fields.messageDate);
  writeXsdVersie(w, header, 'XsdVersie');
}

export function writeXsdVersie(w: ElementWriter, header: XMLBuilder, name: 'XsdVersie' | 'XsdVersieRetour'): void {
  const versions = w.group(header, name);
  w.basisValue(versions, 'BasisschemaXsdVersie', XSD_VERSIE.basisschema);
  w.basisValue(versions, 'BerichtXsdVersie', XSD_VERSIE.bericht);
}

/**
 * The file text of a message (OP192): the XML declaration with encoding UTF-8, indented, every line
 * ending in CR/LF (also line breaks inside text values), and no byte order mark. Write it to disk
 * as UTF-8 (`Buffer.from(text, 'utf8')` adds no BOM).
 */
export function serialise(doc: XMLBuilder): string {
  const text = doc.end({ prettyPrint: true, indent: '  ', newline: '\n' });
  return `${text.replace(/\r\n|\r|\n/g, '\r\n').replace(/^\uFEFF/, '')}\r\n`;
}
