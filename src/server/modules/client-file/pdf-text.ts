// Text for the standard PDF fonts: Helvetica encodes WinAnsi (Windows-1252) only, so every other
// character is replaced by its nearest WinAnsi form; and lines are wrapped to a width. Pure.

/** The characters of Windows-1252 beyond ASCII and Latin-1 (its 0x80–0x9F range). */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

const REPLACEMENTS: Record<string, string> = {
  '\u2212': '-', // minus
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2032': "'",
  '\u2033': '"',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
};

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(char);
}

/**
 * One line of text (no line breaks) that Helvetica can encode: known look-alikes replaced, letters
 * with marks outside WinAnsi written without the mark (ő → o), everything else as "?". Control and
 * zero-width characters go.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (REPLACEMENTS[char] !== undefined) {
      out += REPLACEMENTS[char];
    } else if (/[\u200b-\u200d\ufeff\u00ad]/.test(char)) {
      // zero-width characters and soft hyphens: nothing to show
    } else if (/[\u0000-\u001f\u007f-\u009f]/.test(char)) {
      out += ' ';
    } else if (isWinAnsi(char)) {
      out += char;
    } else {
      const bare = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += bare.length > 0 && [...bare].every(isWinAnsi) ? bare : '?';
    }
  }
  return out;
}

/**
 * Lines of at most `maxWidth` (as `measure` counts) for a text: hard breaks kept, words kept whole
 * where they fit, a word longer than a line cut. An empty text is one empty line.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = paragraph.replace(/\t/g, '    ').split(' ').filter((w) => w !== '');
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // The word alone is too wide: cut it where the line is full.
      let rest = word;
      while (measure(rest) > maxWidth) {
        let cut = 1;
        while (cut < rest.length && measure(rest.slice(0, cut + 1)) <= maxWidth) cut++;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
