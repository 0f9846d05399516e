// Letter templates (pure, shared with the web app): the kinds of letter a team sends, the text each
// starts with, and the fields a template may name. The organisation keeps its own text for a kind
// (the beheerder changes it on Beheer → Brieven); until then the text below is used. A template
// names a field between braces, {naam}; filling a letter from a case puts in what the case knows
// and leaves the rest, in braces, for the worker to fill in before the letter is saved.
// The texts are B1 Dutch: short sentences, "u", no jargon.

export const LETTER_KINDS = ['uitnodiging', 'bevestiging_kennismaking', 'afsluiting'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  uitnodiging: 'Uitnodiging voor een gesprek',
  bevestiging_kennismaking: 'Bevestiging van de kennismaking',
  afsluiting: 'Afsluiting van de ondersteuning',
};

/** The fields a template may name, with what each one holds (shown to the beheerder). */
export const LETTER_FIELDS = {
  naam: 'Voornaam en achternaam van de ontvanger',
  medewerker: 'Naam van de vaste medewerker van de casus',
  team: 'Naam van het buurtteam',
  organisatie: 'Naam van de organisatie',
  vandaag: 'De datum van vandaag',
  datum_aanmelding: 'De dag van de aanmelding',
  datum_kennismaking: 'De dag van het eerste gesprek (kennismaking)',
  datum_afsluiting: 'De dag waarop de casus is afgesloten',
  afspraak_datum: 'De dag van de volgende afspraak',
  afspraak_tijd: 'Het begin van de volgende afspraak (uur en minuten)',
  afspraak_plaats: 'De plaats van de volgende afspraak',
} as const;
export type LetterField = keyof typeof LETTER_FIELDS;

export interface LetterTemplateText {
  subject: string;
  body: string;
}

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

export const DEFAULT_LETTER_TEMPLATES: Record<LetterKind, LetterTemplateText> = {
  uitnodiging: {
    subject: 'Uitnodiging voor een gesprek met het buurtteam',
    body: [
      'Beste {naam},',
      'U heeft zich aangemeld bij buurtteam {team} op {datum_aanmelding}. Wij willen graag met u kennismaken.',
      'Wij nodigen u uit voor een gesprek op {afspraak_datum} om {afspraak_tijd}. Het gesprek is hier: {afspraak_plaats}.',
      'In het gesprek praten we over uw vraag. En over wat u zelf kunt en wie u kan helpen. Wilt u iemand meenemen? Dat mag.',
      'Kunt u niet op deze dag? Of heeft u vragen? Neem dan contact met ons op. Dan maken we samen een nieuwe afspraak.',
      'Met vriendelijke groet,\n\n{medewerker}\nBuurtteam {team}\n{organisatie}',
    ].join('\n\n'),
  },
  bevestiging_kennismaking: {
    subject: 'Ons gesprek van {datum_kennismaking}',
    body: [
      'Beste {naam},',
      'Op {datum_kennismaking} hebben wij met elkaar kennisgemaakt. Dank u wel voor het gesprek.',
      'In deze brief leest u wat we hebben afgesproken. {medewerker} is uw vaste contactpersoon bij buurtteam {team}.',
      'Samen maken we een plan. In het plan staat wat u wilt bereiken, wat u zelf doet en wat wij doen.',
      'Heeft u vragen? Of wilt u iets anders afspreken? Neem dan contact met ons op.',
      'Met vriendelijke groet,\n\n{medewerker}\nBuurtteam {team}\n{organisatie}',
    ].join('\n\n'),
  },
  afsluiting: {
    subject: 'Wij stoppen met de ondersteuning',
    body: [
      'Beste {naam},',
      'Op {datum_afsluiting} zijn wij gestopt met de ondersteuning van buurtteam {team}. Dat hebben we samen besproken.',
      'Wij vonden het fijn om met u samen te werken. Wij wensen u het beste.',
      'Heeft u later weer hulp nodig? Of heeft u een vraag? Neem dan gerust contact met ons op. U bent altijd welkom.',
      'Met vriendelijke groet,\n\n{medewerker}\nBuurtteam {team}\n{organisatie}',
    ].join('\n\n'),
  },
};

const FIELD_PATTERN = /\{([^{}\s]{1,40})\}/g;

/** The names between braces in a text, in order of first appearance. */
export function fieldsIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD_PATTERN)].map((m) => m[1]!))];
}

/** The names between braces that are not fields a template may use. */
export function unknownFields(text: string): string[] {
  return fieldsIn(text).filter((name) => !Object.hasOwn(LETTER_FIELDS, name));
}

/** A field's name as a person reads it: {datum_kennismaking} → "datum kennismaking". */
export const fieldLabel = (name: string) => name.replaceAll('_', ' ');

/** The text with the known values put in; a field without a value stays, in braces. */
export function fillTemplate(text: string, values: Partial<Record<LetterField, string | null>>): string {
  return text.replace(FIELD_PATTERN, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name as LetterField] : null;
    return value ? value : whole;
  });
}

/** The fields a filled text still names: the letter is not ready while there are any. */
export function fieldsToFill(text: string): string[] {
  return fieldsIn(text).filter((name) => Object.hasOwn(LETTER_FIELDS, name));
}
