// RFC 4180 CSV: parsing with the physical line number of every record (for `FILE:LINE: message`),
// and writing with `\n` line ends; and the one rule that keeps spreadsheet programs from running a
// cell as a formula, for every CSV the app writes and the exchange reader. Pure functions.

export interface CsvRecord {
  /** Physical line where the record starts; the header is line 1. */
  line: number;
  values: string[];
}

export interface ParsedCsv {
  header: string[];
  records: CsvRecord[];
  /** Problems of the file's syntax (an unclosed quote), with their line. */
  problems: { line: number; message: string }[];
}

/** Parses CSV text; `\n` and `\r\n` line ends, a UTF-8 BOM is ignored, blank lines are skipped. */
export function parseCsv(text: string): ParsedCsv {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRecord[] = [];
  const problems: ParsedCsv['problems'] = [];
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const startLine = line;
    const values: string[] = [];
    let field = '';
    let endOfRecord = false;
    let quoted = false;
    while (!endOfRecord) {
      if (i >= input.length) {
        values.push(field);
        break;
      }
      const ch = input[i]!;
      if (quoted) {
        if (ch === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        continue;
      }
      if (ch === '"' && field === '') {
        quoted = true;
        i++;
      } else if (ch === ',') {
        values.push(field);
        field = '';
        i++;
      } else if (ch === '\n' || (ch === '\r' && input[i + 1] === '\n')) {
        values.push(field);
        i += ch === '\r' ? 2 : 1;
        line++;
        endOfRecord = true;
      } else {
        field += ch;
        i++;
      }
    }
    if (quoted) problems.push({ line: startLine, message: 'Aanhalingsteken wordt niet gesloten' });
    const blank = values.length === 1 && values[0] === '';
    if (!blank) rows.push({ line: startLine, values });
  }
  const [header, ...records] = rows;
  return { header: header?.values ?? [], records, problems };
}

/*
 * CSV injection (OWASP ASVS 5.0 V1.2.10, CWE-1236): Excel, LibreOffice and Google Sheets run a cell
 * that starts with = + - @ (or a tab, CR or NUL) as a formula, e.g. =HYPERLINK(…) that sends other
 * cells away. Such a cell is written with an apostrophe in front, which makes it text in a
 * spreadsheet. To stay reversible without ambiguity, a cell that already starts with
 * apostrophes followed by such a character gets one more, and reading takes exactly one off a cell
 * of that shape; every other cell is left alone: 's-Hertogenbosch, and plain numbers (-3, -0.5,
 * +31), which a spreadsheet reads as numbers and runs nothing with.
 */
const FORMULA_START = /^'*[=+\-@\t\r\0]/;
const PROTECTED_FORMULA = /^'+[=+\-@\t\r\0]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** The cell as written: an apostrophe before a value a spreadsheet would run as a formula. */
export function protectFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The value of a cell as read: undoes protectFormula (one apostrophe off a protected formula). */
export function unprotectFormula(cell: string): string {
  return PROTECTED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

/** One text value as a CSV field: protected against formulas, quoted where RFC 4180 needs it. */
export function csvField(value: string): string {
  const cell = protectFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes a header and rows as CSV with `\n` line ends and a final newline. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
