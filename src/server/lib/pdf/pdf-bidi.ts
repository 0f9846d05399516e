// Right-to-left text on a PDF page: a line is drawn left to right in pieces ("items"), each in one
// font and one direction, in the order the Unicode Bidirectional Algorithm (UAX #9) puts them. The
// algorithm is bidi-js's (embedding levels, mirrored brackets); this module only cuts a line into
// items by font and level and orders them (rule L2). Pure.
import bidiFactory from 'bidi-js';
import { graphemes } from './pdf-text';

const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

/** Characters that can make a line right-to-left: the scripts written that way, and the marks and embeddings. */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\u200f\u202b\u202e\u2067\u061c]/u;

export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/** The direction of a paragraph: that of its first strong character (UAX #9, P2–P3); left to right without one. */
export function paragraphDirection(text: string): Direction {
  if (!hasRightToLeft(text)) return 'ltr';
  return bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level === 1 ? 'rtl' : 'ltr';
}

/** A piece of a line in one font and one direction, its graphemes in logical order. */
export interface LineItem {
  text: string;
  font: number;
  /** Its glyphs run right to left (an odd embedding level); brackets in it are to be mirrored. */
  rtl: boolean;
}

/**
 * The items of one line, left to right as they are to be drawn. `fontOf` chooses the font of a
 * grapheme (an index, compared only for equality); `direction` is the paragraph's.
 */
export function visualItems(line: string, fontOf: (grapheme: string) => number, direction: Direction): LineItem[] {
  if (line === '') return [];
  const levels = direction === 'ltr' && !hasRightToLeft(line) ? null : bidi.getEmbeddingLevels(line, direction).levels;
  const items: (LineItem & { level: number })[] = [];
  let index = 0;
  for (const grapheme of graphemes(line)) {
    const level = levels ? levels[index]! : 0;
    const font = fontOf(grapheme);
    index += grapheme.length;
    const last = items[items.length - 1];
    if (last && last.font === font && last.level === level) last.text += grapheme;
    else items.push({ text: grapheme, font, level, rtl: level % 2 === 1 });
  }
  // L2: from the highest level down to the lowest odd one, reverse every run of items at that level or higher.
  const highest = Math.max(...items.map((i) => i.level));
  const lowestOdd = Math.min(...items.map((i) => (i.level % 2 === 1 ? i.level : i.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < items.length; start++) {
      if (items[start]!.level < level) continue;
      let end = start;
      while (end + 1 < items.length && items[end + 1]!.level >= level) end++;
      items.splice(start, end - start + 1, ...items.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return items.map(({ text, font, rtl }) => ({ text, font, rtl }));
}

/** A text's graphemes in reverse order, each bracket or other mirrored character swapped for its mirror. */
export function mirroredReverse(text: string): string {
  return graphemes(text)
    .reverse()
    .map((g) => (g.length === 1 ? (bidi.getMirroredCharacter(g) ?? g) : g))
    .join('');
}

/** A text's graphemes in reverse order. */
export function reversed(text: string): string {
  return graphemes(text).reverse().join('');
}
