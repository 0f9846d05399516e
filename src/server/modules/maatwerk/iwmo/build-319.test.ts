import { describe, expect, it } from 'vitest';
import { build319 } from './build-319';
import { IwmoInputError } from './iwmo-errors';
import { checkStructure } from './iwmo-structure';
import { parseXml } from './iwmo-xml';
import { expectFileRules, INPUT_301, valueAt } from './test-fixtures';

const header = { ...INPUT_301.header, messageId: 'A00000000001' };

describe('build319', () => {
  it('writes a rejection with its reason', () => {
    const xml = build319({ header, providerReference: 'VOT-2025-0001', answer: '1', rejectionReason: '3' });
    expect(checkStructure('319', xml)).toEqual([]);
    expectFileRules(xml);
    const tree = parseXml(xml);
    expect(valueAt(tree, 'Header/BerichtCode')).toBe('482');
    expect(valueAt(tree, 'Header/Afzender')).toBe('0363');
    expect(valueAt(tree, 'Antwoord/ReferentieAanbieder')).toBe('VOT-2025-0001');
    expect(valueAt(tree, 'Antwoord/VerzoekAntwoord')).toBe('1');
    expect(valueAt(tree, 'Antwoord/RedenAfwijzingVerzoek')).toBe('3');
  });

  it('writes "in onderzoek" without a reason', () => {
    const xml = build319({ header, providerReference: 'VOT-2025-0001', answer: '2', rejectionReason: null });
    expect(checkStructure('319', xml)).toEqual([]);
    expect(xml).not.toContain('RedenAfwijzingVerzoek');
  });

  it('enforces CD085 and CD086', () => {
    expect(() => build319({ header, providerReference: 'X', answer: '1', rejectionReason: null })).toThrow(IwmoInputError);
    expect(() => build319({ header, providerReference: 'X', answer: '2', rejectionReason: '3' })).toThrow(/CD086/);
    expect(() => build319({ header, providerReference: 'x'.repeat(37), answer: '2', rejectionReason: null })).toThrow(/ReferentieAanbieder/);
  });
});
