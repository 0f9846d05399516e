import { describe, expect, it } from 'vitest';
import { INT4_MAX, INT4_MIN, version, versionParam, wholeNumber, wholeNumberParam } from './number-fields';

describe('wholeNumber', () => {
  it('takes whole numbers within its bounds and refuses the rest, also what int4 cannot hold', () => {
    const minutes = wholeNumber(0, 1440);
    expect(minutes.safeParse(0).success).toBe(true);
    expect(minutes.safeParse(1440).success).toBe(true);
    for (const bad of [-1, 1441, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null]) expect(minutes.safeParse(bad).success, String(bad)).toBe(false);
    expect(version.safeParse(INT4_MAX).success).toBe(true);
    for (const bad of [0, INT4_MAX + 1, Number.MAX_SAFE_INTEGER, 2 ** 63]) expect(version.safeParse(bad).success, String(bad)).toBe(false);
  });

  it('reads a query string or path parameter as a number', () => {
    expect(versionParam.parse('7')).toBe(7);
    for (const bad of ['99999999999', '2147483648', '9223372036854775808', '1e309', 'NaN', '1.5', '0', 'abc']) expect(versionParam.safeParse(bad).success, bad).toBe(false);
    expect(wholeNumberParam(1990, 2100).safeParse('2016').success).toBe(true);
  });

  it('refuses to be defined with bounds that do not fit int4', () => {
    expect(() => wholeNumber(0, INT4_MAX + 1)).toThrow(/int4/);
    expect(() => wholeNumber(INT4_MIN - 1, 0)).toThrow(/int4/);
    expect(() => wholeNumberParam(5, 1)).toThrow(/int4/);
  });
});
