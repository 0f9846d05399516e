// The iWmo 3.2 code lists the messages use (docs/iwmo.md §4), code → Dutch meaning. The structure
// table checks values against them; screens can show the meanings.

/** WMO020 Productcategorie. */
export const PRODUCT_CATEGORIES = {
  '01': 'Hulp bij het huishouden', '02': 'Begeleiding', '03': 'Persoonlijke verzorging', '04': 'Kortdurend verblijf',
  '05': 'Woondiensten', '06': 'Overige ondersteuning gericht op het individu of huishouden/gezin', '07': 'Dagbesteding',
  '08': 'Vervoerdiensten', '09': 'Overige groepsgerichte ondersteuning', '10': 'Overige maatwerk arrangementen',
  '11': 'Rolstoelen', '12': 'Vervoervoorzieningen', '13': 'Woonvoorzieningen', '14': 'Overige hulpmiddelen',
  '15': 'Beschermd wonen', '16': 'Opvang', '17': 'Spoedopvang', '18': 'Overige beschermd wonen en opvang',
} as const;
export type ProductCategory = keyof typeof PRODUCT_CATEGORIES;

/** WJ756 Eenheid. With 83 (Euro's) the Volume is in eurocent (IV042). */
export const UNITS = {
  '01': 'Minuut', '04': 'Uur', '14': 'Etmaal', '16': 'Dagdeel (4 uur)', '82': 'Stuks (output)', '83': "Euro's", '84': 'Stuks (inspanning)',
} as const;
export type Unit = keyof typeof UNITS;

/** WMO757 Frequentie. */
export const FREQUENCIES = { '1': 'Per dag', '2': 'Per week', '4': 'Per maand', '6': 'Totaal binnen geldigheidsduur toewijzing' } as const;
export type Frequency = keyof typeof FREQUENCIES;

/** WMO002 RedenWijziging, without 01 (vervallen; CS336 forbids it). 13 marks a deleted assignment (CS335). */
export const CHANGE_REASONS = {
  '02': 'Client overleden', '03': 'Contractwijziging', '04': 'Herbeoordeling: verlenging', '05': 'Herbeoordeling: verkorting',
  '06': 'Uitstroom naar ander domein', '07': 'Verhuizing naar een andere gemeente', '08': 'Wijziging leveringsvorm',
  '09': 'Overstap naar andere aanbieder', '10': 'Overgang naar nieuwe bekostigingssystematiek', '11': 'Gemeentelijke herindeling',
  '12': 'Geinitieerd door de aanbieder', '13': 'Verwijderd', '14': 'Administratieve correctie',
} as const;
export type ChangeReason = keyof typeof CHANGE_REASONS;
/** RedenWijziging for deleting ("voiding") an assignment: Einddatum = Ingangsdatum plus this code (OP033x1, CS335). */
export const CHANGE_REASON_DELETED: ChangeReason = '13';

/** WMO588 RedenBeeindiging (307). 20 is a temporary stop, every other code a definitive one. */
export const END_REASONS = {
  '02': 'Overlijden', '19': 'Levering volgens plan beeindigd', '20': 'Levering is tijdelijk beeindigd', '21': 'Eenzijdig door client',
  '22': 'Eenzijdig door aanbieder', '23': 'In overeenstemming voortijdig', '31': 'Verhuizing naar een andere gemeente',
  '36': 'Geinitieerd door de gemeente', '37': 'In verband met wijzigingsverzoek', '38': 'Overstap naar andere aanbieder',
  '39': 'Uitstroom naar ander domein',
} as const;
export type EndReason = keyof typeof END_REASONS;

/** COD467 StatusAanlevering as 305/307 may use it: CS058 allows only 1 and 3 (2 is not allowed, OP033x2). */
export const DELIVERY_STATUSES = { '1': 'Eerste aanlevering', '3': 'Verwijderen aanlevering' } as const;
export type DeliveryStatus = keyof typeof DELIVERY_STATUSES;

/** WJ760 VerzoekAntwoord. */
export const REQUEST_ANSWERS = { '1': 'Verzoek afgewezen', '2': 'Aanvraag in onderzoek' } as const;
export type RequestAnswer = keyof typeof REQUEST_ANSWERS;

/** WJ759 RedenAfwijzingVerzoek (one digit, as docs/iwmo.md §4 lists it). */
export const REJECTION_REASONS = {
  '1': 'Geen wijziging maar nieuwe aanvraag', '2': 'Past niet binnen budget', '3': 'Geen contract', '4': 'Past niet binnen contract',
  '5': 'Andere gemeente', '6': 'Stapeling', '7': 'Zorginhoudelijke afkeur', '8': 'Woonplaatsbeginsel', '9': 'Leeftijdsgrens is bereikt',
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;

/** COD327 Type verwijzer. */
export const REFERRER_TYPES = {
  '01': 'Gemeente', '02': 'Huisarts', '03': 'Jeugdarts', '04': 'Gecertificeerde instelling', '05': 'Medisch specialist',
  '06': 'Zelfverwijzer/geen verwijzer', '08': 'Rechter/OvJ/JJI',
} as const;

/** COD046 Geslacht. */
export const GENDERS = { '0': 'Onbekend', '1': 'Mannelijk', '2': 'Vrouwelijk' } as const;
export type Gender = keyof typeof GENDERS;

/** COD700 NaamGebruik (1–6). CS318: a 301 Client does not use 6. */
export const NAME_USES = ['1', '2', '3', '4', '5', '6'] as const;
export type NameUse = (typeof NAME_USES)[number];

/** COD757 Soort adres. */
export const ADDRESS_TYPES = { '01': 'BRP-adres', '02': 'Correspondentieadres', '03': 'Verblijfadres', '04': 'Tijdelijk verblijfadres' } as const;
export type AddressType = keyof typeof ADDRESS_TYPES;

/** Code lists listed in docs/iwmo.md §4 by code only. */
export const DATE_USES = ['1', '2', '3'] as const; // COD170 DatumGebruik
export const COMMUNICATION_FORMS = ['1', '2', '3'] as const; // COD747
export const RELATION_TYPES = Array.from({ length: 23 }, (_, i) => String(i + 3).padStart(2, '0')); // COD472: 03–25
export const LEGAL_REPRESENTATIONS = ['06', '07', '08', '09', '10'] as const; // WJ003
export const LEGAL_STATUSES = ['01', '02', '03', '04', '05', '11', '12'] as const; // WJ232
export const YES_NO = ['1', '2'] as const; // COD260: 1 ja, 2 nee
export const RESIDENCE_INDICATIONS = ['AB', 'BY', 'TO', 'WW'] as const; // NUM061

/**
 * WJ001 Retourcode: the codes this module writes or expects to read on 301/305/307/315/319 (docs/iwmo.md
 * §2.2 and §4; the WJ001 list in i-Sociaal-Lab/jaapjunior `packages/api/wmo/bronnen/codelijsten/WJ001_Retourcode.md`).
 */
export const RETOUR_CODES = {
  '0001': 'Bericht is afgekeurd om technische redenen.',
  '0200': 'Geen opmerking over deze berichtklasse.',
  '0233': 'Berichtklasse is niet beoordeeld.',
  /**
   * TR304; WJ001 lists it for WMO317 (and the declarations): the person does not match. Keukentafel
   * also answers it on each AangevraagdProduct of a 315 whose BSN is not a client of the
   * organisation with a case. WJ001 has no code of its own for that [INFERRED: the nearest code].
   */
  '8187': 'De prestatie hoort niet bij deze cliënt. (TR304)',
  '8848': 'Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen. (TR135)',
  '9019': 'Het regiebericht kan niet gekoppeld worden aan een toewijzing. (TR019)',
  '9056': 'Identificatie moet uniek zijn. (TR056)',
  '9063': 'Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is. (TR063)',
  '9069': 'Er is geen actueel startbericht met dezelfde sleutel. (TR069)',
  '9071': 'Het eerdere startbericht kan niet verwijderd worden omdat de zorg al beeindigd is. (TR071)',
  '9074': 'Er is al een eerder bericht ontvangen met dezelfde sleutel. (TR074)',
  '9326': 'De actuele levering is nog niet gestopt met een Stopbericht. (TR326)',
  '9332': 'Toewijzing heeft geen uniek nummer binnen wettelijk domein. (TR332)',
  '9347': 'ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein. (TR347)',
  '9355': 'ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek. (TR355)',
  '9359': 'Er is al een toewijzing gestuurd met deze ReferentieAanbieder. (TR359)',
  '9360': 'Er is al een antwoordbericht "in onderzoek" met deze ReferentieAanbieder. (TR360)',
  '9365': 'Er is al een antwoordbericht met deze ReferentieAanbieder dat niet "in onderzoek" is. (TR365)',
  '9374': 'Er is al een verzoek onderhanden. (TR374)',
  '9379': 'ReferentieAanbieder refereert niet naar een verzoek, is onterecht gevuld. (TR379)',
  '9385': 'Toewijzing heeft goedgekeurde declaratieregels. (TR385)',
  '9413': 'Er is al een tijdelijke stop (20) met dezelfde sleutel. (TR413)',
  '9414': 'Einddatum is niet >= Einddatum uit het actuele StopProduct met dezelfde sleutel. (TR414)',
  '9415': 'Er is al een definitieve stop met dezelfde sleutel. (TR415)',
  S300: 'Gemeentecode komt niet voor in de lijst van CBS. (TR378)',
  S329: 'ProductCode hoort niet bij de ProductCategorie. (TR381)',
} as const;
export type RetourCode = keyof typeof RETOUR_CODES;
/** The code for a class without remarks, and the one for the message rejected on technical grounds (IV028). */
export const RETOUR_OK: RetourCode = '0200';
export const RETOUR_TECHNICAL: RetourCode = '0001';
