// Text for the PDF, before fonts: clean a text into lines a page can hold, and wrap it to a width.
// Works on grapheme clusters (what a reader sees as one character: an emoji with its skin tone, a
// letter with its accents), so a cut never splits one. Pure.

const graphemeSegmenter = new Intl.Segmenter('nl', { granularity: 'grapheme' });
/**
 * Characters that join a cluster with their neighbour (UAX #29): combining marks, format
 * characters (joiners, tags, prepended signs), emoji modifiers, flags, Hangul jamo, a CR before LF.
 */
const CLUSTERING = /[\p{M}\p{Cf}\p{Emoji_Modifier}\p{Regional_Indicator}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\r]/u;

/** The grapheme clusters of a text, in order. Without a character that clusters, they are its characters (the segmenter is slow). */
export function graphemes(text: string): string[] {
  if (!CLUSTERING.test(text)) return Array.from(text);
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/**
 * One normalised text: composed characters (NFC), line breaks as "\n", a tab as four spaces, and
 * every other control character as a space (a PDF shows none of them).
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
}

/**
 * Lines of at most `maxWidth` (as `measure` counts) for a text: hard breaks kept, words kept whole
 * where they fit, a word longer than a line cut between graphemes. An empty text is one empty line.
 * `measure` is asked about single words and spaces, never whole lines, so a caller can cache it.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  const space = measure(' ');
  for (const paragraph of cleanText(text).split('\n')) {
    let line = '';
    let width = 0;
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      const wordWidth = measure(word);
      if (line && width + space + wordWidth <= maxWidth) {
        line += ` ${word}`;
        width += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= maxWidth) {
        line = word;
        width = wordWidth;
        continue;
      }
      // The word alone is too wide: cut it where the line is full.
      const rest = cutToWidth(word, maxWidth, measure);
      lines.push(...rest.slice(0, -1));
      line = rest[rest.length - 1]!;
      width = measure(line);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A word in pieces of at most `maxWidth` (at least one grapheme each). The length of each piece is
 * found by doubling, then halving, so a long text without spaces (Chinese) costs few measurements.
 */
function cutToWidth(word: string, maxWidth: number, measure: (text: string) => number): string[] {
  const pieces: string[] = [];
  let rest = graphemes(word);
  const fits = (count: number) => measure(rest.slice(0, count).join('')) <= maxWidth;
  while (rest.length > 0) {
    let fitting = 1;
    let tooMany = 2;
    while (tooMany <= rest.length && fits(tooMany)) {
      fitting = tooMany;
      tooMany *= 2;
    }
    tooMany = Math.min(tooMany, rest.length + 1);
    while (tooMany - fitting > 1) {
      const middle = (fitting + tooMany) >> 1;
      if (fits(middle)) fitting = middle;
      else tooMany = middle;
    }
    pieces.push(rest.slice(0, fitting).join(''));
    rest = rest.slice(fitting);
  }
  return pieces;
}

/** The first line of `text` that fits `maxWidth` with an ellipsis, or the text itself when it fits. */
export function truncateText(text: string, maxWidth: number, measure: (text: string) => number): string {
  const clean = cleanText(text).replace(/\n/g, ' ');
  if (measure(clean) <= maxWidth) return clean;
  const ellipsis = '\u2026';
  const [first = ''] = cutToWidth(clean, maxWidth - measure(ellipsis), measure);
  return `${first.trimEnd()}${ellipsis}`;
}
