import { describe, expect, it } from 'vitest';
import { duplicateCheckCovers, duplicateProbe, initials, isValidHouseNumber, isValidBsn, isValidPostcode, maskBsn, normaliseBsn, normalisePostcode } from './identity-rules';

describe('BSN 11-proef', () => {
  it('accepts the published test numbers and the standard example', () => {
    for (const bsn of ['123456782', '999993847', '999992077', '999993483', '999990482', '999993653', '999995017', '999990408', '999994669']) {
      expect(isValidBsn(bsn), bsn).toBe(true);
    }
  });
  it('rejects a changed digit, wrong lengths, letters and all zeros', () => {
    for (const bsn of ['123456781', '999993848', '12345678', '1234567820', '12345678a', '000000000', '']) {
      expect(isValidBsn(bsn), bsn).toBe(false);
    }
  });
  it('gives an 8-digit number a leading zero', () => {
    expect(normaliseBsn('11222333')).toBe('011222333');
    expect(isValidBsn('11222333')).toBe(isValidBsn('011222333'));
    expect(normaliseBsn('9999 93 847')).toBe('999993847');
  });
  it('masks all but the last four digits', () => {
    expect(maskBsn('999993847')).toBe('*****3847');
    expect(maskBsn(null)).toBeNull();
  });
});

describe('postcode', () => {
  it('accepts 1234 AB in any case and spacing, and normalises it', () => {
    expect(isValidPostcode('3511ab')).toBe(true);
    expect(isValidPostcode('3511 AB')).toBe(true);
    expect(normalisePostcode('3511ab')).toBe('3511 AB');
    expect(normalisePostcode(' 3511  ab ')).toBe('3511 AB');
  });
  it('rejects a leading zero, the letter pairs SA, SD, SS, and other shapes', () => {
    for (const postcode of ['0511 AB', '3511 SA', '3511 SD', '3511 SS', '351 AB', '3511 A', '3511-AB', 'ABCD 12']) {
      expect(isValidPostcode(postcode), postcode).toBe(false);
    }
  });
});

describe('initials', () => {
  it('takes the first letter of each first name, also of a double name, in capitals', () => {
    expect(initials('Saskia')).toBe('S.');
    expect(initials('jan willem')).toBe('J.W.');
    expect(initials('Anne-Marie  Joke')).toBe('A.M.J.');
    expect(initials('Ömer')).toBe('Ö.');
    expect(initials('')).toBe('');
  });
});

describe('what the duplicate check can compare', () => {
  const covers = (input: Parameters<typeof duplicateProbe>[0]) => duplicateCheckCovers(duplicateProbe(input));
  it('compares nothing on a name alone, or on a BSN that fails the 11-proef', () => {
    expect(covers({ firstName: 'Saskia', lastName: 'de Vries' })).toEqual({ bsn: false, name: false });
    expect(covers({ firstName: 'Saskia', lastName: 'de Vries', bsn: '123456788' })).toEqual({ bsn: false, name: false });
    expect(covers({ firstName: '', lastName: 'de Vries', postcode: '35' })).toEqual({ bsn: false, name: false });
    expect(covers({ firstName: '', lastName: 'de Vries', birthDate: '1980-02' })).toEqual({ bsn: false, name: false });
  });
  it('compares a valid BSN, and a name of three letters or more next to a birth date or a valid postcode', () => {
    expect(covers({ firstName: '', lastName: '', bsn: '1112.22.333' })).toEqual({ bsn: true, name: false });
    expect(covers({ firstName: 'Saskia', lastName: 'de Vries', postcode: '3511ab' })).toEqual({ bsn: false, name: true });
    expect(covers({ firstName: 'Al', lastName: '', birthDate: '1980-02-01' })).toEqual({ bsn: false, name: false });
    expect(covers({ firstName: 'Ali', lastName: '', birthDate: '1980-02-01', bsn: '111222333' })).toEqual({ bsn: true, name: true });
  });
  it('hands the repository the normalised values', () => {
    expect(duplicateProbe({ firstName: ' Saskia ', lastName: 'de Vries ', postcode: '3511ab', bsn: '11122233', birthDate: '' })).toEqual({
      name: 'Saskia de Vries',
      birthDate: null,
      postcode: '3511 AB',
      bsn: null,
    });
  });
});

describe('house number', () => {
  it('takes digits first, then an optional letter and an addition of at most four', () => {
    for (const ok of ['7', '12a', '12 A', '12-2', '12a-3', '12 bis', '12 hs', '12 II', '99999']) expect(isValidHouseNumber(ok), ok).toBe(true);
    for (const bad of ['twaalf', 'a12', '123456', '12 boven', '', '12--']) expect(isValidHouseNumber(bad), bad).toBe(false);
  });
});
