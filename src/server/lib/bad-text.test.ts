import { describe, expect, it } from 'vitest';
import { textProblem } from './text-fields';
import { badTextError, findBadText } from './bad-text';

describe('textProblem', () => {
  it('finds a NUL and a lone surrogate, high or low, anywhere; a pair is well-formed', () => {
    expect(textProblem('Jansen')).toBeNull();
    expect(textProblem('👩‍👩‍👧 e\u0301 \u202e')).toBeNull();
    expect(textProblem('\ud83d\ude00')).toBeNull();
    for (const bad of ['\ud800', 'a\ud800', '\udc00a', 'a\udbffb', '\udc00\ud800', '\ud83d']) expect(textProblem(bad), JSON.stringify(bad)).toBe('surrogate');
    expect(textProblem('a\u0000b')).toBe('nul');
    expect(textProblem('\u0000\ud800')).toBe('nul');
  });
});

describe('findBadText', () => {
  it('walks keys and values at any depth, in document order, with the line in text of several lines', () => {
    const value = { a: 'goed', b: ['x', { 'c\ud800': 'ook goed', d: 'y\u0000' }], e: 'regel 1\nregel 2\nre\udc00gel 3' };
    expect(findBadText(value)).toEqual([
      { path: ['b', 1, 'c\ud800'], problem: 'surrogate' },
      { path: ['b', 1, 'd'], problem: 'nul' },
      { path: ['e'], problem: 'surrogate', line: 3 },
    ]);
  });

  it('takes any JSON value and stops at the limit', () => {
    expect(findBadText(null)).toEqual([]);
    expect(findBadText(12)).toEqual([]);
    expect(findBadText('\ud800')).toEqual([{ path: [], problem: 'surrogate' }]);
    expect(findBadText(Array.from({ length: 50 }, () => '\u0000'), 5)).toHaveLength(5);
  });

  it('does not exhaust the stack on a deeply nested value', () => {
    let value: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(findBadText(value)[0]!.path).toHaveLength(100_000);
  });
});

describe('badTextError', () => {
  it('names the field, with bad characters of a key replaced so the answer is valid text', () => {
    const error = badTextError([{ path: ['client', 'voor\ud800naam'], problem: 'surrogate' }]);
    expect(error.fields).toEqual([{ path: 'client.voor\ufffdnaam', message: expect.stringMatching(/geen geldige tekst/) }]);
    expect(error.message).toMatch(/^“voor\ufffdnaam” bevat een teken dat geen geldige tekst is/);
    expect(error.message.isWellFormed()).toBe(true);
  });

  it('names a file and its line for the import, not the index of a list', () => {
    expect(badTextError([{ path: ['files', 'clients.csv'], problem: 'nul', line: 12 }]).message).toBe('“clients.csv” bevat op regel 12 een nulteken. Haal het weg en probeer het opnieuw.');
    expect(badTextError([{ path: ['domains', 0, 'agreements', 2], problem: 'nul' }]).message).toMatch(/^“agreements” bevat/);
    expect(badTextError([{ path: [], problem: 'nul' }]).message).toMatch(/^De invoer bevat/);
  });
});
