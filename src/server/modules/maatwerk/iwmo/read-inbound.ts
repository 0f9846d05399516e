// Reading one incoming iWmo file: 305 (start), 307 (stop), 315 (verzoek om toewijzing) or 302 (the
// provider's retour on our 301). The kind comes from the root's namespace and must agree with the
// Header's BerichtCode; the file is checked against the structure table and then turned into plain
// data. Anything wrong throws IwmoFileError naming the file and the element.
import type { ChangeReason, DeliveryStatus, EndReason, Frequency, Gender, ProductCategory, Unit } from './iwmo-codes';
import { IwmoFileError } from './iwmo-errors';
import { BERICHT_CODES, messageNumberOfCode, messageNumberOfNamespace, type InboundKind } from './iwmo-format';
import { checkTree } from './iwmo-structure';
import { parseXml, XmlSyntaxError, type XmlElement } from './iwmo-xml';

const INBOUND_KINDS: readonly InboundKind[] = ['305', '307', '315', '302'];

export interface InboundHeader {
  /** Afzender of a 305/307/315, Ontvanger of a 302 (which keeps our 301's header, IV028). */
  readonly providerAgb: string;
  readonly municipalityCode: string;
  /** BerichtIdentificatie of the heen message (for a 302: of our 301). */
  readonly messageId: string;
  readonly messageDate: string;
  readonly basisschemaXsdVersion: string;
  readonly messageXsdVersion: string;
}

export interface InboundClient {
  readonly bsn: string;
  readonly birthDate: string;
  readonly gender: Gender;
  readonly name: { readonly surname: string; readonly prefix: string | null; readonly firstNames: string | null; readonly initials: string | null };
}

export interface InboundProduct {
  readonly category: ProductCategory;
  readonly code: string | null;
}

export interface InboundOmvang {
  readonly volume: number;
  readonly unit: Unit;
  readonly frequency: Frequency;
}

/** A StartProduct. The key is ToewijzingNummer + Product + Begindatum (IV096, IV008). */
export interface StartRecord {
  readonly assignmentNumber: number | null;
  readonly product: InboundProduct | null;
  /** ToewijzingIngangsdatum: the Ingangsdatum of the assignment in our 301. */
  readonly assignmentStartOn: string | null;
  /** Begindatum: when delivery actually started. */
  readonly startOn: string;
  /** 1 first delivery, 3 delete an earlier one (CS058). */
  readonly status: DeliveryStatus;
}

/** A StopProduct: the start's key, the reason and the end of delivery. */
export interface StopRecord extends StartRecord {
  /** RedenBeeindiging (WMO588); 20 is a temporary stop. */
  readonly endReason: EndReason;
  /** Einddatum: when delivery ended. */
  readonly endOn: string;
}

/** An AangevraagdProduct of a 315. */
export interface RequestedProduct {
  readonly providerReference: string;
  readonly decisionNumber: number | null;
  readonly product: InboundProduct | null;
  readonly decisionStartOn: string | null;
  readonly requestedStartOn: string;
  readonly requestedEndOn: string | null;
  readonly omvang: InboundOmvang | null;
  readonly budgetCents: number | null;
  readonly referrer: { readonly type: string; readonly name: string | null; readonly agb: string | null };
  /** Raamcontract (COD260): '1' ja, '2' nee. */
  readonly frameworkContract: '1' | '2' | null;
  readonly comment: string | null;
}

interface InboundFile {
  readonly fileName: string;
  /** The file's text, from which the retour message is copied. */
  readonly source: string;
  readonly header: InboundHeader;
}

export interface Inbound305 extends InboundFile {
  readonly kind: '305';
  readonly client: InboundClient;
  readonly records: readonly StartRecord[];
}

export interface Inbound307 extends InboundFile {
  readonly kind: '307';
  readonly client: InboundClient;
  readonly records: readonly StopRecord[];
}

export interface Inbound315 extends InboundFile {
  readonly kind: '315';
  readonly client: InboundClient & { readonly comment: string | null };
  readonly records: readonly RequestedProduct[];
}

/** The retour codes on one class of our 301, as the provider returned them. */
export interface RetourClassCodes {
  /** Path of the class in the 302, such as `Bericht/Client/Contactgegevens/Contact[1]`. */
  readonly element: string;
  readonly codes: readonly string[];
}

export interface Inbound302 extends InboundFile {
  readonly kind: '302';
  readonly retourId: string;
  readonly retourDate: string;
  readonly xsltVersion: string | null;
  /** RetourCodes of the Header; empty when the 302 is the Header only without codes. */
  readonly headerCodes: readonly string[];
  /** Present when the provider returned the Client (it does when a class has an error, IV028). */
  readonly client: { readonly bsn: string; readonly codes: readonly string[] } | null;
  readonly assignments: readonly { readonly assignmentNumber: number; readonly changeReason: ChangeReason | null; readonly codes: readonly string[] }[];
  /** The other classes that carry codes (Relatie, Contact). */
  readonly otherClasses: readonly RetourClassCodes[];
  /**
   * True when nothing was rejected: no codes at all, or only 0200. Any other code rejects the whole
   * 301 (IV032, OP286); send a corrected 301 with a new BerichtIdentificatie.
   */
  readonly accepted: boolean;
}

export type InboundMessage = Inbound305 | Inbound307 | Inbound315 | Inbound302;

/** Read one incoming file (its bytes, or text already decoded from UTF-8). */
export function readInbound(fileName: string, content: string | Uint8Array): InboundMessage {
  const xml = decode(fileName, content);
  let tree: XmlElement;
  try {
    tree = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new IwmoFileError(fileName, error.element, error.message);
    throw error;
  }
  const kind = kindOf(fileName, tree);
  const problems = checkTree(kind, tree);
  const first = problems[0];
  if (first) {
    const headerValid = !problems.some((p) => p.element.startsWith('Bericht/Header'));
    const retourSource = kind !== '302' && headerValid ? { kind, source: xml } : undefined;
    throw new IwmoFileError(fileName, first.element, first.message, problems, retourSource);
  }
  const base = { fileName, source: xml, header: readHeader(tree, kind) };
  const clientEl = find(tree, 'Client');
  switch (kind) {
    case '305':
      return { ...base, kind, client: readClient(clientEl!), records: all(find(clientEl!, 'StartProducten')!, 'StartProduct').map(readStart) };
    case '307':
      return { ...base, kind, client: readClient(clientEl!), records: all(find(clientEl!, 'StopProducten')!, 'StopProduct').map(readStop) };
    case '315':
      return {
        ...base,
        kind,
        client: { ...readClient(clientEl!), comment: value(clientEl!, 'Commentaar') },
        records: all(find(clientEl!, 'AangevraagdeProducten')!, 'AangevraagdProduct').map(readRequested),
      };
    case '302':
      return { ...base, kind, ...readRetour302(tree) };
  }
}

function decode(fileName: string, content: string | Uint8Array): string {
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
    } catch {
      throw new IwmoFileError(fileName, '', 'het bestand is geen geldige UTF-8-tekst (OP192)');
    }
  }
  if (text.startsWith('\uFEFF')) throw new IwmoFileError(fileName, '', 'het bestand begint met een byte order mark (BOM); iWmo-bestanden zijn UTF-8 zonder BOM (OP192)');
  return text;
}

/** The message kind from the root's namespace, checked against the Header's BerichtCode. */
function kindOf(fileName: string, tree: XmlElement): InboundKind {
  if (tree.name !== 'Bericht') throw new IwmoFileError(fileName, tree.name, `hoofdelement ${tree.name}; een iWmo-bericht begint met Bericht`);
  const number = messageNumberOfNamespace(tree.namespace);
  if (!number) {
    throw new IwmoFileError(fileName, 'Bericht', `onbekende namespace ${tree.namespace ?? '(geen)'}; verwacht een iWmo 3.2-namespace http://www.istandaarden.nl/iwmo/3_2/wmoNNN/schema`);
  }
  const kind = INBOUND_KINDS.find((k) => k === number);
  if (!kind) throw new IwmoFileError(fileName, 'Bericht', `berichtsoort WMO${number} wordt niet ingelezen; alleen WMO305, WMO307, WMO315 en WMO302`);
  const code = find(find(tree, 'Header'), 'BerichtCode')?.text;
  if (code !== undefined) {
    const ofCode = messageNumberOfCode(code);
    if (!ofCode) throw new IwmoFileError(fileName, 'Bericht/Header/BerichtCode', `onbekende berichtcode ${code}`);
    if (ofCode !== kind) {
      throw new IwmoFileError(fileName, 'Bericht/Header/BerichtCode', `berichtcode ${code} hoort bij WMO${ofCode}, maar de namespace is die van WMO${kind} (berichtcode ${BERICHT_CODES[kind]})`);
    }
  }
  return kind;
}

// ---- reading the checked tree: the structure check has made every required element present ----

const find = (el: XmlElement | undefined, name: string): XmlElement | undefined => el?.children.find((c) => c.name === name);
const all = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.name === name);
const value = (el: XmlElement | undefined, name: string): string | null => find(el, name)?.text ?? null;
const required = (el: XmlElement, name: string): string => find(el, name)!.text;
const numberOrNull = (text: string | null): number | null => (text === null ? null : Number(text));

function readHeader(tree: XmlElement, kind: InboundKind): InboundHeader {
  const header = find(tree, 'Header')!;
  const identification = find(header, 'BerichtIdentificatie')!;
  const versions = find(header, 'XsdVersie')!;
  const afzender = required(header, 'Afzender');
  const ontvanger = required(header, 'Ontvanger');
  // A 302 keeps our 301's header: Afzender is the municipality, Ontvanger the provider (IV028).
  const providerSends = kind !== '302';
  return {
    providerAgb: providerSends ? afzender : ontvanger,
    municipalityCode: providerSends ? ontvanger : afzender,
    messageId: required(identification, 'Identificatie'),
    messageDate: required(identification, 'Dagtekening'),
    basisschemaXsdVersion: required(versions, 'BasisschemaXsdVersie'),
    messageXsdVersion: required(versions, 'BerichtXsdVersie'),
  };
}

function readClient(client: XmlElement): InboundClient {
  const naam = find(client, 'Naam')!;
  const surname = find(naam, 'Geslachtsnaam')!;
  return {
    bsn: required(client, 'Bsn'),
    birthDate: required(find(client, 'Geboortedatum')!, 'Datum'),
    gender: required(client, 'Geslacht') as Gender,
    name: { surname: required(surname, 'Achternaam'), prefix: value(surname, 'Voorvoegsel'), firstNames: value(naam, 'Voornamen'), initials: value(naam, 'Voorletters') },
  };
}

function readProduct(el: XmlElement): InboundProduct | null {
  const product = find(el, 'Product');
  return product ? { category: required(product, 'Categorie') as ProductCategory, code: value(product, 'Code') } : null;
}

function readStart(el: XmlElement): StartRecord {
  return {
    assignmentNumber: numberOrNull(value(el, 'ToewijzingNummer')),
    product: readProduct(el),
    assignmentStartOn: value(el, 'ToewijzingIngangsdatum'),
    startOn: required(el, 'Begindatum'),
    status: required(el, 'StatusAanlevering') as DeliveryStatus,
  };
}

function readStop(el: XmlElement): StopRecord {
  return { ...readStart(el), endReason: required(el, 'RedenBeeindiging') as EndReason, endOn: required(el, 'Einddatum') };
}

function readRequested(el: XmlElement): RequestedProduct {
  const omvang = find(el, 'Omvang');
  const referrer = find(el, 'Verwijzer')!;
  return {
    providerReference: required(el, 'ReferentieAanbieder'),
    decisionNumber: numberOrNull(value(el, 'BeschikkingNummer')),
    product: readProduct(el),
    decisionStartOn: value(el, 'BeschikkingIngangsdatum'),
    requestedStartOn: required(el, 'ToewijzingIngangsdatum'),
    requestedEndOn: value(el, 'ToewijzingEinddatum'),
    omvang: omvang
      ? { volume: Number(required(omvang, 'Volume')), unit: required(omvang, 'Eenheid') as Unit, frequency: required(omvang, 'Frequentie') as Frequency }
      : null,
    budgetCents: numberOrNull(value(el, 'Budget')),
    referrer: { type: required(referrer, 'Type'), name: value(referrer, 'Naam'), agb: value(referrer, 'ZorgverlenerCode') },
    frameworkContract: value(el, 'Raamcontract') as '1' | '2' | null,
    comment: value(el, 'Commentaar'),
  };
}

function codesOf(el: XmlElement | undefined): string[] {
  const codes = find(el, 'RetourCodes');
  return codes ? all(codes, 'RetourCode').map((c) => c.text) : [];
}

function readRetour302(tree: XmlElement): Omit<Inbound302, keyof InboundFile | 'kind'> {
  const header = find(tree, 'Header')!;
  const client = find(tree, 'Client');
  const headerCodes = codesOf(header);
  const assignments = client
    ? all(find(client, 'ToegewezenProducten')!, 'ToegewezenProduct').map((p) => ({
        assignmentNumber: Number(required(p, 'ToewijzingNummer')),
        changeReason: value(p, 'RedenWijziging') as ChangeReason | null,
        codes: codesOf(p),
      }))
    : [];
  const otherClasses: RetourClassCodes[] = [];
  if (client) {
    const relations = find(client, 'Relaties');
    (relations ? all(relations, 'Relatie') : []).forEach((relatie, i) => {
      const at = `Bericht/Client/Relaties/Relatie[${i + 1}]`;
      otherClasses.push({ element: at, codes: codesOf(relatie) }, { element: `${at}/Contact`, codes: codesOf(find(relatie, 'Contact')) });
    });
    all(find(client, 'Contactgegevens')!, 'Contact').forEach((contact, i) => {
      otherClasses.push({ element: `Bericht/Client/Contactgegevens/Contact[${i + 1}]`, codes: codesOf(contact) });
    });
  }
  const clientCodes = client ? codesOf(client) : [];
  const everyCode = [headerCodes, clientCodes, ...assignments.map((a) => a.codes), ...otherClasses.map((c) => c.codes)].flat();
  return {
    retourId: required(header, 'IdentificatieRetour'),
    retourDate: required(header, 'DagtekeningRetour'),
    xsltVersion: value(header, 'XsltVersie'),
    headerCodes,
    client: client ? { bsn: required(client, 'Bsn'), codes: clientCodes } : null,
    assignments,
    otherClasses,
    accepted: everyCode.every((c) => c === '0200'),
  };
}
