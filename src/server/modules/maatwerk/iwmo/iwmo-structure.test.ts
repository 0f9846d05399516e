import { describe, expect, it } from 'vitest';
import { build301 } from './build-301';
import { checkStructure, STRUCTURES, type ElementRule } from './iwmo-structure';
import { FILE_302_ACCEPTED, FILE_302_REJECTED, FILE_305, FILE_307, FILE_315, INPUT_301 } from './test-fixtures';

const START = 'Bericht/Client/StartProducten/StartProduct[1]';

describe('checkStructure', () => {
  it('accepts the example files', () => {
    expect(checkStructure('305', FILE_305)).toEqual([]);
    expect(checkStructure('307', FILE_307)).toEqual([]);
    expect(checkStructure('315', FILE_315)).toEqual([]);
    expect(checkStructure('302', FILE_302_ACCEPTED)).toEqual([]);
    expect(checkStructure('302', FILE_302_REJECTED)).toEqual([]);
  });

  it('reports elements in the wrong order', () => {
    const swapped = FILE_307.replace(
      /(<wmo307:RedenBeeindiging>19<\/wmo307:RedenBeeindiging>)(\s*)(<wmo307:Einddatum>2025-10-31<\/wmo307:Einddatum>)/,
      '$3$2$1',
    );
    expect(checkStructure('307', swapped)).toEqual([
      {
        element: 'Bericht/Client/StopProducten/StopProduct[1]/RedenBeeindiging',
        message: 'staat niet op de juiste plaats; volgorde: ToewijzingNummer, Product, ToewijzingIngangsdatum, Begindatum, RedenBeeindiging, Einddatum, StatusAanlevering',
      },
    ]);
  });

  it('reports an optional element that comes too late', () => {
    const late = FILE_305.replace('<wmo305:ToewijzingNummer>300201</wmo305:ToewijzingNummer>', '').replace(
      '<wmo305:Begindatum>2025-04-08</wmo305:Begindatum>',
      '<wmo305:Begindatum>2025-04-08</wmo305:Begindatum><wmo305:ToewijzingNummer>300201</wmo305:ToewijzingNummer>',
    );
    expect(checkStructure('305', late)).toEqual([{ element: `${START}/ToewijzingNummer`, message: expect.stringContaining('staat niet op de juiste plaats') }]);
  });

  it('reports a missing required element and goes on', () => {
    const missing = FILE_305.replace('<wmo305:Begindatum>2025-04-08</wmo305:Begindatum>', '').replace('<wmo305:Geslacht>1</wmo305:Geslacht>', '');
    expect(checkStructure('305', missing)).toEqual([
      { element: 'Bericht/Client/Geslacht', message: 'verplicht element ontbreekt' },
      { element: `${START}/Begindatum`, message: 'verplicht element ontbreekt' },
    ]);
  });

  it('reports a code that is not in the code list', () => {
    const badCategory = FILE_305.replace('<iwmo:Categorie>02</iwmo:Categorie>', '<iwmo:Categorie>19</iwmo:Categorie>');
    expect(checkStructure('305', badCategory)).toEqual([
      { element: `${START}/Product/Categorie`, message: expect.stringMatching(/^waarde "19" is ongeldig; verwacht een code uit WMO020/) },
    ]);
    const status2 = FILE_305.replace('<wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>', '<wmo305:StatusAanlevering>2</wmo305:StatusAanlevering>');
    expect(checkStructure('305', status2)[0]!.message).toContain('CS058');
    const unit = FILE_315.replace('<iwmo:Eenheid>04</iwmo:Eenheid>', '<iwmo:Eenheid>14x</iwmo:Eenheid>');
    expect(checkStructure('315', unit)[0]!.element).toBe('Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Omvang/Eenheid');
  });

  it.each([
    ['<iwmo:Datum>1967-08-13</iwmo:Datum>', '<iwmo:Datum>1967-02-30</iwmo:Datum>', 'Bericht/Client/Geboortedatum/Datum', 'datum'],
    ['<wmo305:Bsn>999900006</wmo305:Bsn>', '<wmo305:Bsn>999900007</wmo305:Bsn>', 'Bericht/Client/Bsn', '11-proef'],
    ['<wmo305:Afzender>42420001</wmo305:Afzender>', '<wmo305:Afzender>4242001</wmo305:Afzender>', 'Bericht/Header/Afzender', 'AGB'],
    ['<wmo305:Ontvanger>0363</wmo305:Ontvanger>', '<wmo305:Ontvanger>363</wmo305:Ontvanger>', 'Bericht/Header/Ontvanger', 'gemeentecode'],
    ['<wmo305:ToewijzingNummer>300201</wmo305:ToewijzingNummer>', '<wmo305:ToewijzingNummer>1234567890</wmo305:ToewijzingNummer>', `${START}/ToewijzingNummer`, '9 cijfers'],
    ['<iwmo:Identificatie>S00000000001</iwmo:Identificatie>', '<iwmo:Identificatie>S000000000012</iwmo:Identificatie>', 'Bericht/Header/BerichtIdentificatie/Identificatie', '12 tekens'],
    ['<wmo305:BerichtVersie>3</wmo305:BerichtVersie>', '<wmo305:BerichtVersie>2</wmo305:BerichtVersie>', 'Bericht/Header/BerichtVersie', 'CS025'],
    ['<iwmo:Voorletters>T</iwmo:Voorletters>', '<iwmo:Voorletters>T.</iwmo:Voorletters>', 'Bericht/Client/Naam/Voorletters', 'zonder punten'],
  ])('reports a bad simple value: %s → %s', (from, to, element, message) => {
    const problems = checkStructure('305', FILE_305.replace(from, to));
    expect(problems).toEqual([{ element, message: expect.stringContaining(message) }]);
  });

  it('reports empty elements, unknown elements, repeats and text in complex elements', () => {
    expect(checkStructure('305', FILE_305.replace('<iwmo:Voornamen>Tim</iwmo:Voornamen>', '<iwmo:Voornamen/>'))).toEqual([
      { element: 'Bericht/Client/Naam/Voornamen', message: expect.stringContaining('RS033') },
    ]);
    expect(checkStructure('305', FILE_305.replace('<wmo305:Geslacht>1</wmo305:Geslacht>', '<wmo305:Geslacht>1</wmo305:Geslacht><wmo305:Kleur>rood</wmo305:Kleur>'))).toEqual([
      { element: 'Bericht/Client/Kleur', message: 'onbekend element Kleur' },
    ]);
    expect(checkStructure('305', FILE_305.replace('<wmo305:Bsn>999900006</wmo305:Bsn>', '<wmo305:Bsn>999900006</wmo305:Bsn><wmo305:Bsn>999900018</wmo305:Bsn>'))).toEqual([
      { element: 'Bericht/Client/Bsn', message: 'komt vaker voor dan toegestaan (ten hoogste 1)' },
    ]);
    expect(checkStructure('305', FILE_305.replace('<wmo305:StartProducten>', '<wmo305:StartProducten>los'))).toEqual([
      { element: 'Bericht/Client/StartProducten', message: 'bevat tekst; verwacht alleen elementen' },
    ]);
  });

  it('checks namespaces: the root, message elements and basisschema elements', () => {
    expect(checkStructure('307', FILE_305)).toEqual([{ element: 'Bericht', message: expect.stringContaining('verwacht http://www.istandaarden.nl/iwmo/3_2/wmo307/schema') }]);
    const basisInMessageNs = FILE_305.replace('<iwmo:Datum>1967-08-13</iwmo:Datum>', '<wmo305:Datum>1967-08-13</wmo305:Datum>');
    expect(checkStructure('305', basisInMessageNs)).toEqual([
      { element: 'Bericht/Client/Geboortedatum/Datum', message: expect.stringContaining('verwacht http://www.istandaarden.nl/iwmo/3_2/basisschema/schema') },
    ]);
    const messageInBasisNs = FILE_305.replace('<wmo305:Geslacht>1</wmo305:Geslacht>', '<iwmo:Geslacht>1</iwmo:Geslacht>');
    expect(checkStructure('305', messageInBasisNs)[0]!.element).toBe('Bericht/Client/Geslacht');
  });

  it('turns a file that is not well-formed into one problem', () => {
    expect(checkStructure('305', FILE_305.replace('</wmo305:Header>', ''))).toEqual([
      { element: 'Bericht/Header', message: 'geen geldige XML: sluittag </wmo305:Bericht> hoort niet bij <wmo305:Header>' },
    ]);
  });

  it('catches a mistake in a built message (the builders rely on it)', () => {
    const xml = build301(INPUT_301);
    expect(checkStructure('301', xml)).toEqual([]);
    expect(checkStructure('301', xml.replace('<wmo301:Toewijzingstijd>10:15:00</wmo301:Toewijzingstijd>', ''))[0]).toEqual({
      element: 'Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Toewijzingstijd',
      message: 'verplicht element ontbreekt',
    });
  });

  it('gives retour messages the retour header and RetourCodes closing each class (§2.2)', () => {
    const names = (rule: ElementRule | undefined): string[] => rule?.children?.map((c) => c.name) ?? [];
    const child = (rule: ElementRule | undefined, name: string) => rule?.children?.find((c) => c.name === name);
    const header306 = child(STRUCTURES['306'], 'Header');
    expect(names(header306).slice(7)).toEqual(['IdentificatieRetour', 'DagtekeningRetour', 'XsltVersie', 'XsdVersieRetour', 'RetourCodes']);
    expect(child(STRUCTURES['306'], 'Client')?.min).toBe(0);
    expect(names(child(STRUCTURES['306'], 'Client')).at(-1)).toBe('RetourCodes');
    const startProduct = child(child(child(STRUCTURES['306'], 'Client'), 'StartProducten'), 'StartProduct');
    expect(names(startProduct).at(-1)).toBe('RetourCodes');
    expect(names(child(STRUCTURES['305'], 'Client'))).not.toContain('RetourCodes');
    expect(names(STRUCTURES['319'])).toEqual(['Header', 'Antwoord']);
  });
});
