import { describe, expect, it } from 'vitest';
import { classifySearch } from './clients.service';

describe('client search classification', () => {
  it('recognises a BSN, birth dates in two notations, a postcode and otherwise a name', () => {
    expect(classifySearch('999993847')).toEqual({ kind: 'bsn', value: '999993847' });
    expect(classifySearch('1971-04-12')).toEqual({ kind: 'birth_date', value: '1971-04-12' });
    expect(classifySearch('2-4-1971')).toEqual({ kind: 'birth_date', value: '1971-04-02' });
    expect(classifySearch('3562jt')).toEqual({ kind: 'postcode', value: '3562 JT' });
    expect(classifySearch(' El Amrani ')).toEqual({ kind: 'name', value: 'el amrani' });
  });
  it('treats a 9-digit number that fails the 11-proef as a name search, not a BSN', () => {
    expect(classifySearch('123456789').kind).toBe('name');
  });
});

describe('client search on impossible dates', () => {
  it('searches by name when a date-shaped text is not a real date', () => {
    expect(classifySearch('2020-13-01').kind).toBe('name');
    expect(classifySearch('31-02-2020').kind).toBe('name');
    expect(classifySearch('0000-01-01').kind).toBe('name');
  });
});
