import { describe, expect, it } from 'vitest';
import {
  BERICHT_CODES, elementWriter, messageNamespace, messageNumberOfCode, messageNumberOfNamespace, newMessage, serialise,
} from './iwmo-format';
import { expectFileRules } from './test-fixtures';

describe('iWmo file format', () => {
  it('has the BerichtCodes of docs/iwmo.md §0.2', () => {
    expect(BERICHT_CODES).toMatchObject({ '301': '414', '302': '415', '305': '418', '306': '419', '307': '420', '308': '421', '315': '444', '316': '445', '319': '482' });
    expect(messageNumberOfCode('418')).toBe('305');
    expect(messageNumberOfCode('999')).toBeNull();
  });

  it('knows the message namespaces and nothing else', () => {
    expect(messageNamespace('305')).toBe('http://www.istandaarden.nl/iwmo/3_2/wmo305/schema');
    expect(messageNumberOfNamespace('http://www.istandaarden.nl/iwmo/3_2/wmo315/schema')).toBe('315');
    expect(messageNumberOfNamespace('http://www.istandaarden.nl/iwmo/3_1/wmo315/schema')).toBeNull();
    expect(messageNumberOfNamespace(null)).toBeNull();
  });

  it('serialises as UTF-8 without BOM with CR/LF line ends, also inside text values', () => {
    const root = newMessage('319');
    const w = elementWriter('319');
    w.value(w.group(root, 'Antwoord'), 'ReferentieAanbieder', 'één\ntwee\r\ndrie');
    const xml = serialise(root);
    expectFileRules(xml);
    expect(xml).toContain('<wmo319:ReferentieAanbieder>één\r\ntwee\r\ndrie</wmo319:ReferentieAanbieder>');
    expect(xml).toContain('xmlns:wmo319="http://www.istandaarden.nl/iwmo/3_2/wmo319/schema"');
    expect(xml).toContain('xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"');
  });

  it('writes no element for a missing optional value (RS033)', () => {
    const root = newMessage('319');
    const w = elementWriter('319');
    const answer = w.group(root, 'Antwoord');
    w.value(answer, 'RedenAfwijzingVerzoek', null);
    w.basisValue(answer, 'Code', undefined);
    expect(serialise(root)).not.toMatch(/RedenAfwijzingVerzoek|Code/);
  });
});
