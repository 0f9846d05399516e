import { describe, expect, it } from 'vitest';
import { DEFAULT_LETTER_TEMPLATES, LETTER_KINDS, fieldsIn, fieldsToFill, fillTemplate, unknownFields } from './letter-templates';

describe('letter templates', () => {
  it('names only fields a template may use in every default text', () => {
    for (const kind of LETTER_KINDS) {
      const { subject, body } = DEFAULT_LETTER_TEMPLATES[kind];
      expect(unknownFields(subject + body), kind).toEqual([]);
      expect(fieldsIn(body).length, kind).toBeGreaterThan(0);
    }
  });

  it('finds the unknown names between braces, once each', () => {
    expect(unknownFields('Beste {naam}, {adres} en {adres} en {datum_kennismaking}')).toEqual(['adres']);
    // Not a field: braces with a space or nothing between them.
    expect(fieldsIn('{ naam } {} {naam}')).toEqual(['naam']);
  });

  it('fills what the case knows and leaves the rest in braces, to fill in before saving', () => {
    const text = 'Beste {naam}, op {datum_kennismaking} spraken wij. {medewerker}';
    const filled = fillTemplate(text, { naam: 'Fatima El Amrani', datum_kennismaking: null, medewerker: 'Sanne de Vries' });
    expect(filled).toBe('Beste Fatima El Amrani, op {datum_kennismaking} spraken wij. Sanne de Vries');
    expect(fieldsToFill(filled)).toEqual(['datum_kennismaking']);
    expect(fieldsToFill(fillTemplate(filled, { datum_kennismaking: '3 maart 2026' }))).toEqual([]);
  });

  it('does not treat a value with braces as a field to fill again, nor an unknown name as one to fill', () => {
    expect(fillTemplate('{naam}', { naam: '{medewerker}' })).toBe('{medewerker}');
    expect(fieldsToFill('Zie {bijlage}')).toEqual([]);
  });
});
