import { describe, expect, it } from 'vitest';
import { buildRetour } from './build-retour';
import { IwmoFileError, IwmoInputError } from './iwmo-errors';
import { checkStructure } from './iwmo-structure';
import { parseXml, type XmlElement } from './iwmo-xml';
import { readInbound, type Inbound305, type Inbound307, type Inbound315 } from './read-inbound';
import { expectFileRules, FILE_305, FILE_307, FILE_315, valueAt } from './test-fixtures';

/** A heen message (a 302 is a retour itself and gets no retour; the types make callers check this). */
function readHeen(fileName: string, xml: string): Inbound305 | Inbound307 | Inbound315 {
  const message = readInbound(fileName, xml);
  if (message.kind === '302') throw new Error('a 302 gets no retour');
  return message;
}

const retour = { identification: 'R00000000001', date: '2025-04-11' };
const codesAt = (tree: XmlElement, path: string): string[] => {
  let el: XmlElement | undefined = tree;
  for (const step of `${path}/RetourCodes`.split('/').filter(Boolean)) {
    const [, name, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(step)!;
    el = el?.children.filter((c) => c.name === name)[Number(index ?? 1) - 1];
  }
  return el?.children.map((c) => c.text) ?? [];
};

describe('buildRetour', () => {
  it.each([
    ['305', FILE_305, '306', '419'],
    ['307', FILE_307, '308', '421'],
    ['315', FILE_315, '316', '445'],
  ] as const)('answers a clean %s with a header-only %s', (_heen, file, kind, code) => {
    const inbound = readHeen(`${_heen}.xml`, file);
    const xml = buildRetour(inbound, [], retour);
    expect(checkStructure(kind, xml)).toEqual([]);
    expectFileRules(xml);
    const tree = parseXml(xml);
    expect(tree.namespace).toBe(`http://www.istandaarden.nl/iwmo/3_2/wmo${kind}/schema`);
    expect(tree.children.map((c) => c.name)).toEqual(['Header']);
    expect(valueAt(tree, 'Header/BerichtCode')).toBe(code);
    // The heen header is kept: the provider stays Afzender (IV028).
    expect(valueAt(tree, 'Header/Afzender')).toBe('42420001');
    expect(valueAt(tree, 'Header/Ontvanger')).toBe('0363');
    expect(valueAt(tree, 'Header/BerichtIdentificatie/Identificatie')).toBe(inbound.header.messageId);
    expect(valueAt(tree, 'Header/IdentificatieRetour')).toBe('R00000000001');
    expect(valueAt(tree, 'Header/DagtekeningRetour')).toBe('2025-04-11');
    expect(valueAt(tree, 'Header/XsdVersieRetour/BerichtXsdVersie')).toBe('1.0.0');
    expect(valueAt(tree, 'Header/RetourCodes')).toBeUndefined();
    expect(valueAt(tree, 'Header/XsltVersie')).toBeUndefined();
  });

  it('copies the client with RetourCodes on every class when a record fails (IV028 example)', () => {
    const inbound = readHeen('305.xml', FILE_305);
    const xml = buildRetour(inbound, [{ index: 1, codes: ['9019'] }], retour);
    expect(checkStructure('306', xml)).toEqual([]);
    expectFileRules(xml);
    const tree = parseXml(xml);
    expect(codesAt(tree, 'Header')).toEqual(['0200']);
    expect(codesAt(tree, 'Client')).toEqual(['0200']);
    expect(codesAt(tree, 'Client/StartProducten/StartProduct[1]')).toEqual(['0200']);
    expect(codesAt(tree, 'Client/StartProducten/StartProduct[2]')).toEqual(['9019']);
    // Copied unchanged, the basisschema children still in the iwmo namespace.
    expect(valueAt(tree, 'Client/Naam/Geslachtsnaam/Achternaam')).toBe('Wit');
    expect(valueAt(tree, 'Client/StartProducten/StartProduct[2]/ToewijzingNummer')).toBe('300202');
    expect(valueAt(tree, 'Client/StartProducten/StartProduct[1]/Product/Code')).toBe('02A01');
    expect(xml).toContain('<wmo306:Product>\r\n          <iwmo:Categorie>02</iwmo:Categorie>');
    expect(xml).not.toContain('wmo305');
  });

  it('marks failing requested products of a 315 in a 316', () => {
    const xml = buildRetour(readHeen('315.xml', FILE_315), [{ index: 0, codes: ['9347', '9374'] }], retour);
    expect(checkStructure('316', xml)).toEqual([]);
    expectFileRules(xml);
    const tree = parseXml(xml);
    expect(codesAt(tree, 'Client/AangevraagdeProducten/AangevraagdProduct[1]')).toEqual(['9347', '9374']);
    expect(codesAt(tree, 'Client/AangevraagdeProducten/AangevraagdProduct[2]')).toEqual(['0200']);
    expect(valueAt(tree, 'Client/Commentaar')).toBe('Graag snel');
  });

  it('marks a stop without a current start in a 308', () => {
    const xml = buildRetour(readHeen('307.xml', FILE_307), [{ index: 0, codes: ['9069'] }], retour);
    expect(checkStructure('308', xml)).toEqual([]);
    expectFileRules(xml);
    const tree = parseXml(xml);
    expect(valueAt(tree, 'Header/BerichtCode')).toBe('421');
    expect(codesAt(tree, 'Client/StopProducten/StopProduct[1]')).toEqual(['9069']);
    expect(valueAt(tree, 'Client/StopProducten/StopProduct[1]/RedenBeeindiging')).toBe('19');
    expect(valueAt(tree, 'Client/StopProducten/StopProduct[1]/Einddatum')).toBe('2025-10-31');
  });

  it('puts header errors on the header only', () => {
    const xml = buildRetour(readHeen('307.xml', FILE_307), [], { ...retour, headerCodes: ['9056'] });
    expect(checkStructure('308', xml)).toEqual([]);
    const tree = parseXml(xml);
    expect(tree.children.map((c) => c.name)).toEqual(['Header']);
    expect(codesAt(tree, 'Header')).toEqual(['9056']);
  });

  it('answers a file rejected on its client part with a technical 0001 retour', () => {
    let source;
    try {
      readInbound('305.xml', FILE_305.replace('<wmo305:Bsn>999900006<', '<wmo305:Bsn>999900007<'));
    } catch (error) {
      if (error instanceof IwmoFileError) source = error.retourSource;
    }
    expect(source).toBeDefined();
    const xml = buildRetour(source!, [], { ...retour, headerCodes: ['0001'] });
    expect(checkStructure('306', xml)).toEqual([]);
    expect(codesAt(parseXml(xml), 'Header')).toEqual(['0001']);
  });

  it('refuses codes and records that make no sense', () => {
    const inbound = readHeen('305.xml', FILE_305);
    expect(() => buildRetour(inbound, [{ index: 2, codes: ['9019'] }], retour)).toThrow(/record 2 bestaat niet/);
    expect(() => buildRetour(inbound, [{ index: 0, codes: [] }], retour)).toThrow(IwmoInputError);
    expect(() => buildRetour(inbound, [{ index: 0, codes: ['0200'] }], retour)).toThrow(/geen fout op een record/);
    expect(() => buildRetour(inbound, [{ index: 0, codes: ['1234' as '9019'] }], retour)).toThrow(/onbekende retourcode 1234/);
    expect(() => buildRetour(inbound, [{ index: 0, codes: ['9019'] }], { ...retour, headerCodes: ['0001'] })).toThrow(/IV028/);
    expect(() => buildRetour(inbound, [], { ...retour, date: '11-04-2025' })).toThrow(/DagtekeningRetour/);
  });
});
