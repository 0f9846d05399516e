// The element tree of every iWmo 3.2 message we write or read, with order, cardinality, namespace
// and simple-value rules (docs/iwmo.md §2–§4), and one checker that walks a parsed message against
// it. Tests run it on every message we build; the reader runs it on every incoming file.
//
// Not here: the conditions between elements (CD/CS rules such as "Einddatum required if Budget"),
// which the builders enforce on their input, and the rules across messages (TR rules), which are
// the caller's. Where the doc marks a structure as inferred, the rule says so.
import { isIsoDate } from '../../../lib/dates';
import { isValidBsn } from '../../clients/identity-rules';
import {
  ADDRESS_TYPES, CHANGE_REASONS, COMMUNICATION_FORMS, DATE_USES, DELIVERY_STATUSES, END_REASONS, FREQUENCIES, GENDERS,
  LEGAL_REPRESENTATIONS, LEGAL_STATUSES, NAME_USES, PRODUCT_CATEGORIES, REFERRER_TYPES, REJECTION_REASONS, RELATION_TYPES,
  REQUEST_ANSWERS, RESIDENCE_INDICATIONS, UNITS, YES_NO,
} from './iwmo-codes';
import { BASISSCHEMA_NS, BERICHT_CODES, BERICHT_SUBVERSIE, BERICHT_VERSIE, messageNamespace, type MessageKind } from './iwmo-format';
import { parseXml, XmlSyntaxError, type XmlElement } from './iwmo-xml';

/** A simple value's rule: `describe` says in Dutch what is expected ("een datum JJJJ-MM-DD"). */
export interface ValueRule {
  readonly describe: string;
  readonly test: (value: string) => boolean;
}

export interface ElementRule {
  readonly name: string;
  /** In the basisschema namespace (children of basisschema complex types), else in the message's own. */
  readonly basis: boolean;
  readonly min: 0 | 1;
  readonly max: number;
  /** Simple content: the value's rule. */
  readonly value?: ValueRule;
  /** Complex content: the child elements, in sequence. */
  readonly children?: readonly ElementRule[];
}

/** One thing wrong: the element's path (`Bericht/Client/StartProducten/StartProduct[2]/Begindatum`) and a Dutch message. */
export interface StructureProblem {
  readonly element: string;
  readonly message: string;
}

// ---- simple values (§2.3 and the RS/CS rules) ----

const pattern = (regex: RegExp, describe: string): ValueRule => ({ describe, test: (v) => regex.test(v) });
const fixed = (value: string, describe: string): ValueRule => ({ describe, test: (v) => v === value });
const code = (list: string, codes: readonly string[]): ValueRule => ({
  describe: `een code uit ${list} (${codes.join(', ')})`,
  test: (v) => codes.includes(v),
});
/** Text of 1 to `max` characters that is not only spaces (RS033: no empty elements). */
const text = (max: number): ValueRule => ({
  describe: `tekst van ten hoogste ${max} tekens`,
  test: (v) => v.trim() !== '' && [...v].length <= max,
});

const DATE: ValueRule = { describe: 'een datum JJJJ-MM-DD zonder tijdzone (RS032)', test: isIsoDate };
const TIME = pattern(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'een tijd UU:MM:SS zonder tijdzone (RS034)');
const AGB = pattern(/^\d{8}$/, 'een AGB-code van 8 cijfers (RS036)');
const GEMEENTE = pattern(/^\d{4}$/, 'een gemeentecode van 4 cijfers (RS035)');
const BSN: ValueRule = { describe: 'een BSN van 9 cijfers dat aan de 11-proef voldoet (CS002)', test: (v) => /^\d{9}$/.test(v) && isValidBsn(v) };
/** LDT_Nummer (ToewijzingNummer, BeschikkingNummer): 0–999 999 999 (RS001/RS006), written as plain digits [INFERRED]. */
const NUMMER = pattern(/^\d{1,9}$/, 'een nummer van ten hoogste 9 cijfers (RS006)');
/** LDT_Volume and LDT_Budget: 0–99 999 999 (RS001/RS005); Budget in eurocent (IV024). */
const AMOUNT = pattern(/^\d{1,8}$/, 'een geheel getal van 0 tot en met 99999999 (RS005)');
const VERSIE = pattern(/^\d+\.\d+\.\d+$/, 'een versienummer n.n.n (RS048)');
const IDENTIFICATIE = text(12);
const REFERENTIE = text(36);
const COMMENTAAR: ValueRule = { describe: 'tekst die niet leeg is (RS031)', test: (v) => v.trim() !== '' };
/** LDT_RetourCode: 4 positions. The full WJ001 list is longer than the extract in the doc, so only the form is checked. */
const RETOURCODE = pattern(/^[0-9A-Z]{4}$/, 'een retourcode van 4 posities (WJ001)');

const keys = (list: object): string[] => Object.keys(list);

// ---- element constructors ----

type Occurs = '1' | '0..1' | '1..n';
const OCCURS: Record<Occurs, { min: 0 | 1; max: number }> = {
  '1': { min: 1, max: 1 },
  '0..1': { min: 0, max: 1 },
  '1..n': { min: 1, max: Number.POSITIVE_INFINITY },
};
const element = (basis: boolean) => (name: string, content: ValueRule | readonly ElementRule[], occurs: Occurs = '1'): ElementRule => ({
  name,
  basis,
  ...OCCURS[occurs],
  ...('test' in content ? { value: content } : { children: content }),
});
/** An element in the message's own namespace. */
const m = element(false);
/** An element in the basisschema namespace. */
const b = element(true);

// ---- basisschema composite types (§2.3) ----

const cdtBerichtIdentificatie = [b('Identificatie', IDENTIFICATIE), b('Dagtekening', DATE)];
/** Order BasisschemaXsdVersie, BerichtXsdVersie: seen only in the 3.2 example messages [EX]. */
const cdtXsdVersie = [b('BasisschemaXsdVersie', VERSIE), b('BerichtXsdVersie', VERSIE)];
const cdtGeboortedatum = [b('Datum', DATE), b('DatumGebruik', code('COD170', DATE_USES), '0..1')];
const cdtAchternaam = [b('Achternaam', text(200)), b('Voorvoegsel', text(10), '0..1')];
const VOORLETTERS = pattern(/^[^.\s]{1,6}$/, 'ten hoogste 6 voorletters zonder punten of spaties (RS045)');
/** NaamGebruik 1..1 as in the 2.1 basisschema; not verified for 3.2 (§2.3, §8.1). */
const cdtVolledigeNaam = [
  b('Geslachtsnaam', cdtAchternaam),
  b('Partnernaam', cdtAchternaam, '0..1'),
  b('Voornamen', text(200), '0..1'),
  b('Voorletters', VOORLETTERS, '0..1'),
  b('NaamGebruik', code('COD700', NAME_USES)),
];
const cdtVerkorteNaam = [b('Geslachtsnaam', cdtAchternaam), b('Voornamen', text(200), '0..1'), b('Voorletters', VOORLETTERS, '0..1')];
const cdtCommunicatie = [b('Vorm', code('COD747', COMMUNICATION_FORMS)), b('Taal', text(25), '0..1')];
const cdtHuis = [
  b('Huisnummer', pattern(/^\d{1,5}$/, 'een huisnummer van 0 tot en met 99999')),
  b('Huisletter', text(1), '0..1'),
  b('HuisnummerToevoeging', text(4), '0..1'),
  b('AanduidingWoonadres', code('NUM061', RESIDENCE_INDICATIONS), '0..1'),
];
const cdtAdres = [
  b('Huis', cdtHuis, '0..1'),
  b('Postcode', text(8), '0..1'),
  b('Straatnaam', text(24), '0..1'),
  b('Plaatsnaam', text(80), '0..1'),
  b('LandCode', pattern(/^[A-Z]{2}$/, 'een landcode van 2 hoofdletters (COD032)'), '0..1'),
];
/** Landnummer 1..1 as in the 2.1 basisschema (§2.3 gives no cardinality). */
const cdtTelefoon = [b('Telefoonnummer', pattern(/^\d{1,15}$/, 'een telefoonnummer van ten hoogste 15 cijfers')), b('Landnummer', text(4))];
const cdtTelefoonnummers = [b('Telefoon01', cdtTelefoon), b('Telefoon02', cdtTelefoon, '0..1')];
const cdtOpenPeriode = [b('Begindatum', DATE, '0..1'), b('Einddatum', DATE, '0..1')];
const cdtProduct = [
  b('Categorie', code('WMO020', keys(PRODUCT_CATEGORIES))),
  b('Code', text(5), '0..1'),
];
const cdtOmvang = [
  b('Volume', AMOUNT),
  b('Eenheid', code('WJ756', keys(UNITS))),
  b('Frequentie', code('WMO757', keys(FREQUENCIES))),
];
/** Order Type, Naam, ZorgverlenerCode: UNCONFIRMED (§2.3); taken from the order of the conditions table. */
const cdtVerwijzer = [
  b('Type', code('COD327', keys(REFERRER_TYPES))),
  b('Naam', text(64), '0..1'),
  b('ZorgverlenerCode', AGB, '0..1'),
];

// ---- headers (§2.1, §2.2) ----

type Direction = 'gemeente-aanbieder' | 'aanbieder-gemeente';
const retourCodes = (occurs: Occurs): ElementRule => m('RetourCodes', [m('RetourCode', RETOURCODE, '1..n')], occurs);

function heenHeader(kind: MessageKind, direction: Direction): ElementRule[] {
  const [afzender, ontvanger] = direction === 'gemeente-aanbieder' ? [GEMEENTE, AGB] : [AGB, GEMEENTE];
  return [
    m('BerichtCode', fixed(BERICHT_CODES[kind], `berichtcode ${BERICHT_CODES[kind]} (WMO${kind})`)),
    m('BerichtVersie', fixed(BERICHT_VERSIE, `${BERICHT_VERSIE} (CS025)`)),
    m('BerichtSubversie', fixed(BERICHT_SUBVERSIE, `${BERICHT_SUBVERSIE} (CS015)`)),
    m('Afzender', afzender),
    m('Ontvanger', ontvanger),
    m('BerichtIdentificatie', cdtBerichtIdentificatie),
    m('XsdVersie', cdtXsdVersie),
  ];
}

/** A retour header keeps the heen header's Afzender and Ontvanger (IV028), so `direction` is the heen message's. */
function retourHeader(kind: MessageKind, direction: Direction): ElementRule[] {
  return [
    ...heenHeader(kind, direction),
    m('IdentificatieRetour', IDENTIFICATIE),
    m('DagtekeningRetour', DATE),
    m('XsltVersie', VERSIE, '0..1'),
    m('XsdVersieRetour', cdtXsdVersie),
    retourCodes('0..1'),
  ];
}

const root = (children: ElementRule[]): ElementRule => m('Bericht', children);

// ---- the messages (§3) ----

/** 301, and 302 = 301 with the retour header, Client 0..1 and RetourCodes closing each class (§3.1, §3.2). */
function toewijzing(kind: '301' | '302'): ElementRule {
  const retour = kind === '302';
  const rc = retour ? [retourCodes('1')] : [];
  const contact = [
    m('Soort', code('COD757', keys(ADDRESS_TYPES))),
    m('Adres', cdtAdres, '0..1'),
    m('Organisatie', text(35), '0..1'),
    m('Telefoon', cdtTelefoonnummers, '0..1'),
    m('Emailadres', text(80), '0..1'),
    m('Periode', cdtOpenPeriode, '0..1'),
    ...rc,
  ];
  const relatie = [
    m('Nummer', text(20)),
    m('Volgorde', pattern(/^\d{1,2}$/, 'een getal van 0 tot en met 99'), '0..1'),
    m('Soort', code('COD472', RELATION_TYPES)),
    m('Geboortedatum', cdtGeboortedatum, '0..1'),
    m('Geslacht', code('COD046', keys(GENDERS)), '0..1'),
    m('Naam', cdtVolledigeNaam),
    m('Contact', contact),
    ...rc,
  ];
  const toegewezenProduct = [
    m('ToewijzingNummer', NUMMER),
    m('ReferentieAanbieder', REFERENTIE, '0..1'),
    m('Product', cdtProduct, '0..1'),
    m('Toewijzingsdatum', DATE),
    m('Toewijzingstijd', TIME),
    m('Ingangsdatum', DATE),
    m('Einddatum', DATE, '0..1'),
    m('RedenWijziging', code('WMO002', keys(CHANGE_REASONS)), '0..1'),
    m('Omvang', cdtOmvang, '0..1'),
    m('Budget', AMOUNT, '0..1'),
    m('Commentaar', COMMENTAAR, '0..1'),
    ...rc,
  ];
  const client = [
    m('Bsn', BSN),
    m('Geboortedatum', cdtGeboortedatum),
    m('Geslacht', code('COD046', keys(GENDERS))),
    m('Naam', cdtVolledigeNaam),
    m('Communicatie', cdtCommunicatie, '0..1'),
    m('JuridischeStatus', code('WJ232', LEGAL_STATUSES), '0..1'),
    m('WettelijkeVertegenwoordiging', code('WJ003', LEGAL_REPRESENTATIONS), '0..1'),
    m('Commentaar', COMMENTAAR, '0..1'),
    m('Relaties', [m('Relatie', relatie, '1..n')], '0..1'),
    m('Contactgegevens', [m('Contact', contact, '1..n')]),
    m('ToegewezenProducten', [m('ToegewezenProduct', toegewezenProduct, '1..n')]),
    ...rc,
  ];
  return root([
    m('Header', retour ? retourHeader(kind, 'gemeente-aanbieder') : heenHeader(kind, 'gemeente-aanbieder')),
    m('Client', client, retour ? '0..1' : '1'),
  ]);
}

/** 305/306 (start) and 307/308 (stop): the stop adds RedenBeeindiging before Einddatum (§3.3–§3.6). */
function regie(kind: '305' | '306' | '307' | '308'): ElementRule {
  const retour = kind === '306' || kind === '308';
  const stop = kind === '307' || kind === '308';
  const rc = retour ? [retourCodes('1')] : [];
  const record = [
    m('ToewijzingNummer', NUMMER, '0..1'),
    m('Product', cdtProduct, '0..1'),
    m('ToewijzingIngangsdatum', DATE, '0..1'),
    m('Begindatum', DATE),
    ...(stop ? [m('RedenBeeindiging', code('WMO588', keys(END_REASONS))), m('Einddatum', DATE)] : []),
    m('StatusAanlevering', code('COD467 zoals CS058 toestaat', keys(DELIVERY_STATUSES))),
    ...rc,
  ];
  const [list, item] = stop ? ['StopProducten', 'StopProduct'] : ['StartProducten', 'StartProduct'];
  const client = [
    m('Bsn', BSN),
    m('Geboortedatum', cdtGeboortedatum),
    m('Geslacht', code('COD046', keys(GENDERS))),
    m('Naam', cdtVerkorteNaam),
    m(list, [m(item, record, '1..n')]),
    ...rc,
  ];
  return root([
    m('Header', retour ? retourHeader(kind, 'aanbieder-gemeente') : heenHeader(kind, 'aanbieder-gemeente')),
    m('Client', client, retour ? '0..1' : '1'),
  ]);
}

/** 315 Verzoek om toewijzing and 316, its retour (§3.7, §3.8). */
function verzoekOmToewijzing(kind: '315' | '316'): ElementRule {
  const retour = kind === '316';
  const rc = retour ? [retourCodes('1')] : [];
  const aangevraagdProduct = [
    m('ReferentieAanbieder', REFERENTIE),
    m('BeschikkingNummer', NUMMER, '0..1'),
    m('Product', cdtProduct, '0..1'),
    m('BeschikkingIngangsdatum', DATE, '0..1'),
    m('ToewijzingIngangsdatum', DATE),
    m('ToewijzingEinddatum', DATE, '0..1'),
    m('Omvang', cdtOmvang, '0..1'),
    m('Budget', AMOUNT, '0..1'),
    m('Verwijzer', cdtVerwijzer),
    m('Raamcontract', code('COD260', YES_NO), '0..1'),
    m('Commentaar', COMMENTAAR, '0..1'),
    ...rc,
  ];
  const client = [
    m('Bsn', BSN),
    m('Geboortedatum', cdtGeboortedatum),
    m('Geslacht', code('COD046', keys(GENDERS))),
    m('Naam', cdtVerkorteNaam),
    m('Commentaar', COMMENTAAR, '0..1'),
    m('AangevraagdeProducten', [m('AangevraagdProduct', aangevraagdProduct, '1..n')]),
    ...rc,
  ];
  return root([
    m('Header', retour ? retourHeader(kind, 'aanbieder-gemeente') : heenHeader(kind, 'aanbieder-gemeente')),
    m('Client', client, retour ? '0..1' : '1'),
  ]);
}

/** 319 Antwoordbericht: no Client, linked through ReferentieAanbieder only (§3.9). */
const antwoord = (): ElementRule =>
  root([
    m('Header', heenHeader('319', 'gemeente-aanbieder')),
    m('Antwoord', [
      m('ReferentieAanbieder', REFERENTIE),
      m('VerzoekAntwoord', code('WJ760', keys(REQUEST_ANSWERS))),
      m('RedenAfwijzingVerzoek', code('WJ759', keys(REJECTION_REASONS)), '0..1'),
    ]),
  ]);

export const STRUCTURES: Readonly<Record<MessageKind, ElementRule>> = {
  '301': toewijzing('301'),
  '302': toewijzing('302'),
  '305': regie('305'),
  '306': regie('306'),
  '307': regie('307'),
  '308': regie('308'),
  '315': verzoekOmToewijzing('315'),
  '316': verzoekOmToewijzing('316'),
  '319': antwoord(),
};

// ---- the checker ----

/** Check XML text against the message kind's structure; a document that is not well-formed gives one problem. */
export function checkStructure(kind: MessageKind, xml: string): StructureProblem[] {
  let tree: XmlElement;
  try {
    tree = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return [{ element: error.element, message: error.message }];
    throw error;
  }
  return checkTree(kind, tree);
}

/** Check an already parsed message against the message kind's structure. */
export function checkTree(kind: MessageKind, tree: XmlElement): StructureProblem[] {
  const namespace = messageNamespace(kind);
  if (tree.name !== 'Bericht') return [{ element: tree.name, message: `hoofdelement ${tree.name}; verwacht Bericht` }];
  if (tree.namespace !== namespace) {
    return [{ element: 'Bericht', message: `namespace ${tree.namespace ?? '(geen)'}; verwacht ${namespace} (WMO${kind})` }];
  }
  const problems: StructureProblem[] = [];
  checkContent(STRUCTURES[kind], tree, 'Bericht', namespace, problems);
  return problems;
}

function checkContent(rule: ElementRule, el: XmlElement, path: string, namespace: string, problems: StructureProblem[]): void {
  if (rule.value) {
    if (el.children.length > 0) problems.push({ element: path, message: `bevat element ${el.children[0].name}; verwacht alleen een waarde` });
    else if (el.text === '') problems.push({ element: path, message: 'leeg element; laat een optioneel element weg in plaats van het leeg te laten (RS033)' });
    else if (!rule.value.test(el.text)) problems.push({ element: path, message: `waarde "${el.text}" is ongeldig; verwacht ${rule.value.describe}` });
    return;
  }
  if (el.text.trim() !== '') problems.push({ element: path, message: 'bevat tekst; verwacht alleen elementen' });
  checkSequence(rule.children ?? [], el.children, path, namespace, problems);
}

/**
 * Match the children against the rules in order. A child in the wrong place stops the check of this
 * parent (everything after it would only repeat the same mistake); a missing required element does not.
 */
function checkSequence(rules: readonly ElementRule[], children: readonly XmlElement[], path: string, namespace: string, problems: StructureProblem[]): void {
  const order = `volgorde: ${rules.map((r) => r.name).join(', ')}`;
  const counts = rules.map(() => 0);
  const misplaced = (child: XmlElement): StructureProblem => {
    const k = rules.findIndex((r) => r.name === child.name);
    if (k === -1) return { element: `${path}/${child.name}`, message: `onbekend element ${child.name}` };
    if (counts[k] >= rules[k].max) return { element: `${path}/${child.name}`, message: `komt vaker voor dan toegestaan (ten hoogste ${rules[k].max})` };
    return { element: `${path}/${child.name}`, message: `staat niet op de juiste plaats; ${order}` };
  };

  let i = 0;
  for (const [r, rule] of rules.entries()) {
    while (i < children.length && children[i].name === rule.name && counts[r] < rule.max) {
      const child = children[i];
      counts[r]++;
      const childPath = `${path}/${rule.name}${rule.max > 1 ? `[${counts[r]}]` : ''}`;
      const expected = rule.basis ? BASISSCHEMA_NS : namespace;
      if (child.namespace !== expected) problems.push({ element: childPath, message: `namespace ${child.namespace ?? '(geen)'}; verwacht ${expected}` });
      else checkContent(rule, child, childPath, namespace, problems);
      i++;
    }
    if (counts[r] >= rule.min) continue;
    const next = children[i];
    const later = rules.slice(r + 1).some((other) => other.name === next?.name);
    if (next && !later) {
      // An unknown element, or one whose place in the sequence has already passed.
      problems.push(misplaced(next));
      return;
    }
    if (children.slice(i).some((c) => c.name === rule.name)) {
      problems.push({ element: `${path}/${rule.name}`, message: `staat niet op de juiste plaats; ${order}` });
      return;
    }
    problems.push({ element: `${path}/${rule.name}`, message: 'verplicht element ontbreekt' });
  }
  const extra = children[i];
  if (extra) problems.push(misplaced(extra));
}
