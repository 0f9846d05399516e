import { describe, expect, it } from 'vitest';
import { build301, type Assignment301, type Toewijzing301Input } from './build-301';
import { IwmoInputError } from './iwmo-errors';
import { checkStructure } from './iwmo-structure';
import { parseXml } from './iwmo-xml';
import { expectFileRules, INPUT_301, valueAt } from './test-fixtures';

const P = 'Client/ToegewezenProducten/ToegewezenProduct';

function inputErrors(input: Toewijzing301Input): string[] {
  try {
    build301(input);
  } catch (error) {
    if (error instanceof IwmoInputError) return error.problems.map((p) => `${p.element}: ${p.message}`);
    throw error;
  }
  return [];
}

const withAssignment = (change: Partial<Assignment301> & Record<string, unknown>): Toewijzing301Input => ({
  ...INPUT_301,
  assignments: [{ ...INPUT_301.assignments[0]!, ...change } as Assignment301],
});

describe('build301', () => {
  const xml = build301(INPUT_301);

  it('passes the structure check and the file rules', () => {
    expect(checkStructure('301', xml)).toEqual([]);
    expectFileRules(xml);
  });

  it('round-trips: the parsed file holds the input', () => {
    const tree = parseXml(xml);
    expect(tree.namespace).toBe('http://www.istandaarden.nl/iwmo/3_2/wmo301/schema');
    expect(valueAt(tree, 'Header/BerichtCode')).toBe('414');
    expect(valueAt(tree, 'Header/Afzender')).toBe('0363');
    expect(valueAt(tree, 'Header/Ontvanger')).toBe('42420001');
    expect(valueAt(tree, 'Header/BerichtIdentificatie/Identificatie')).toBe('K00000000001');
    expect(valueAt(tree, 'Header/XsdVersie/BerichtXsdVersie')).toBe('1.0.0');
    expect(valueAt(tree, 'Client/Bsn')).toBe('999900006');
    expect(valueAt(tree, 'Client/Naam/Geslachtsnaam/Voorvoegsel')).toBe('de');
    expect(valueAt(tree, 'Client/Commentaar')).toBe('Regel één\nRegel twee & <drie>');
    expect(valueAt(tree, 'Client/Contactgegevens/Contact[2]/Telefoon/Telefoon01/Landnummer')).toBe('0031');
    expect(valueAt(tree, `${P}[1]/ToewijzingNummer`)).toBe('300201');
    expect(valueAt(tree, `${P}[1]/Product/Code`)).toBe('02A01');
    expect(valueAt(tree, `${P}[1]/Omvang/Frequentie`)).toBe('2');
    expect(valueAt(tree, `${P}[1]/RedenWijziging`)).toBeUndefined();
    expect(valueAt(tree, `${P}[2]/ReferentieAanbieder`)).toBe('VOT-2025-0002');
    expect(valueAt(tree, `${P}[2]/Product`)).toBeUndefined();
    expect(valueAt(tree, `${P}[2]/Budget`)).toBe('125000');
  });

  it('writes a deleted assignment as Einddatum = Ingangsdatum with RedenWijziging 13 (OP033x1, CS335)', () => {
    const tree = parseXml(xml);
    expect(valueAt(tree, `${P}[3]/Ingangsdatum`)).toBe('2025-03-01');
    expect(valueAt(tree, `${P}[3]/Einddatum`)).toBe('2025-03-01');
    expect(valueAt(tree, `${P}[3]/RedenWijziging`)).toBe('13');
    expect(inputErrors(withAssignment({ changeReason: '13' }))).toEqual([
      'assignments[0].endOn: bij RedenWijziging 13 (verwijderd) is de einddatum gelijk aan de ingangsdatum (CS335)',
    ]);
  });

  it('puts the basisschema children in the iwmo namespace and the message elements in wmo301', () => {
    expect(xml).toContain('<wmo301:BerichtIdentificatie>\r\n      <iwmo:Identificatie>K00000000001</iwmo:Identificatie>');
    expect(xml).toContain('<wmo301:Product>\r\n          <iwmo:Categorie>02</iwmo:Categorie>');
  });

  it('refuses input that breaks the conditions between elements', () => {
    expect(inputErrors(withAssignment({ omvang: undefined, budgetCents: 1000, endOn: null, product: { category: '02', code: '02A01' } }))).toEqual([
      'assignments[0].omvang: verplicht als de productcode is gevuld (CD041)',
      'assignments[0].endOn: verplicht bij een budget (CD075)',
    ]);
    expect(inputErrors(withAssignment({ product: null }))).toEqual(['assignments[0].product: verplicht als er geen budget is (CD079)']);
    expect(inputErrors(withAssignment({ budgetCents: 1000 }))).toEqual(['assignments[0]: een toewijzing heeft een omvang of een budget, niet beide (CD077, CD078)']);
    expect(inputErrors(withAssignment({ endOn: null }))).toEqual(['assignments[0].endOn: verplicht bij frequentie 2, per week (CD076)']);
    expect(inputErrors(withAssignment({ endOn: '2025-01-01' }))).toEqual(['assignments[0].endOn: de einddatum ligt voor de ingangsdatum (CS003)']);
    expect(inputErrors(withAssignment({ omvang: { volume: 3, unit: '14', frequency: '1' } }))).toEqual([
      'assignments[0].omvang.frequency: bij eenheid 14, 16, 83 of 84 is de frequentie 2, 4 of 6 (CS338)',
    ]);
    expect(inputErrors(withAssignment({ assignmentNumber: 1_000_000_000 }))).toEqual([
      'assignments[0].assignmentNumber: een ToewijzingNummer is een geheel getal van 0 tot en met 999999999 (RS006)',
    ]);
    expect(inputErrors({ ...INPUT_301, assignments: [INPUT_301.assignments[0]!, INPUT_301.assignments[0]!] })).toEqual([
      'assignments[1].assignmentNumber: ToewijzingNummer 300201 staat twee keer in het bericht',
    ]);
    expect(inputErrors({ ...INPUT_301, assignments: [] })).toEqual(['assignments: ten minste één toegewezen product is verplicht']);
  });

  it('refuses client data against the client rules', () => {
    const client = INPUT_301.client;
    expect(inputErrors({ ...INPUT_301, client: { ...client, contacts: [{ type: '04', phone: { number: '0201234567', countryPrefix: '0031' } }] } })).toEqual([
      'client.contacts: ten minste één contact met soort 01, 02 of 03 is verplicht (TR061)',
    ]);
    expect(inputErrors({ ...INPUT_301, client: { ...client, contacts: [{ type: '01', email: 'a@b.nl' }] } })).toEqual([
      'client.contacts[0]: een contact heeft een telefoonnummer en/of een huisnummer met postcode (TR006)',
    ]);
    expect(inputErrors({ ...INPUT_301, client: { ...client, name: { surname: 'Wit', nameUse: '6' } } })).toEqual(['client.name.nameUse: NaamGebruik 6 wordt in een 301 niet gebruikt (CS318)']);
    expect(inputErrors({ ...INPUT_301, client: { ...client, name: { surname: 'Wit', nameUse: '2' } } })).toEqual(['client.name.nameUse: zonder partnernaam is NaamGebruik 1 (CS050)']);
  });

  it('refuses values the structure table rejects, naming the element', () => {
    expect(inputErrors({ ...INPUT_301, client: { ...INPUT_301.client, bsn: '123456789' } })).toEqual([
      'Bericht/Client/Bsn: waarde "123456789" is ongeldig; verwacht een BSN van 9 cijfers dat aan de 11-proef voldoet (CS002)',
    ]);
    expect(inputErrors(withAssignment({ assignedAt: '10:15' }))[0]).toMatch(/^Bericht\/Client\/ToegewezenProducten\/ToegewezenProduct\[1\]\/Toewijzingstijd: /);
    expect(inputErrors({ ...INPUT_301, header: { ...INPUT_301.header, messageId: 'K000000000012' } })[0]).toMatch(/Identificatie: .*12 tekens/);
    expect(inputErrors({ ...INPUT_301, client: { ...INPUT_301.client, comment: 'bel \u0007' } })[0]).toContain('ongeldig teken U+0007');
  });
});
