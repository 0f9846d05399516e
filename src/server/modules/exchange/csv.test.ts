import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from './csv';

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
  it('reports text the database cannot store (a NUL, a lone surrogate) at the line of its record', () => {
    expect(parseCsv('id,note\n1,ok\n2,"a\n\u0000"\n3,\ud800\n').problems).toEqual([
      { line: 3, message: 'bevat een nulteken; haal het weg en sla het bestand opnieuw op' },
      { line: 5, message: 'bevat een teken dat geen geldige tekst is; sla het bestand op als UTF-8' },
    ]);
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
