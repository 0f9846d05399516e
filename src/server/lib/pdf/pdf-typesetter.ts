// Sets text in a PDF in the fonts of pdf-fonts.ts: chooses the font per character (the first of the
// chain that has it), measures and wraps, and draws a line in right-to-left order where it holds
// Arabic. pdf-lib writes the PDF and embeds each font used as a subset of the glyphs drawn (a file of
// Dutch text carries only a part of Noto Sans); fontkit reads the fonts, shapes Arabic and emoji
// sequences (the joined letter forms and the placed dots and vowel marks, from the font's GSUB and
// GPOS tables) and writes the subsets; bidi-js orders the runs (pdf-bidi.ts).
//
// Three things work around the libraries, each on the font object pdf-lib gets (`forPdfLib`):
// - fontkit itself, not pdf-lib's old fork of it (@pdf-lib/fontkit), whose TrueType subsets lose
//   glyphs (a short `loca` table without padding). pdf-lib takes any fontkit through
//   `registerFontkit`, but asks the subset for a stream (`encodeStream`) where fontkit 2 gives the
//   bytes (`encode`).
// - Shaping costs fontkit about a millisecond per line of Latin text: half a minute for a 700-page
//   file. Text with nothing that needs shaping (no Arabic, no combining marks, no emoji sequence) is
//   mapped character by character through the font's cmap instead: the same glyphs, less kerning
//   and ligatures (the standard fonts had neither).
// - pdf-lib draws glyphs at their advance widths and ignores the positions shaping gives (Noto Sans
//   Arabic places the dots of ي and ة as separate marks). A shaped run is therefore drawn glyph by
//   glyph at its position; pdf-lib still encodes the run (Identity-H: two bytes a glyph), so it
//   records every glyph for the subset and for the text a reader copies out (ToUnicode).
// Because Arabic letters share their dotless glyphs (ب ت ن ي), a glyph cannot tell which letter it
// was: each shaped run carries its text as /ActualText (PDF 32000-1, 14.9.4), which text
// extraction and screen readers use instead of the glyphs. Like the glyphs it replaces, it is in
// the order drawn (a right-to-left run's letters reversed, each with its marks), so a reader turns
// it back as it turns the glyphs of any right-to-left text. The fonts are parsed per document, so
// what the glyphs map to does not depend on what the process drew before.
import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import {
  beginText,
  endText,
  popGraphicsState,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type Color,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { FONT_CHAIN, fontBytes, fontFileOf, type FontStyle } from './pdf-fonts';
import { cleanText, graphemes, truncateText, wrapText } from './pdf-text';
import { mirroredReverse, paragraphDirection, reversed, visualItems, type Direction } from './pdf-bidi';

type Font = fontkit.Font;
type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** Characters only shaping draws right: Arabic letters, combining marks, joiners, emoji modifiers, flags, variation selectors. */
const NEEDS_SHAPING = /[\p{Script=Arabic}\p{M}\u200c\u200d\ufe00-\ufe0f\p{Emoji_Modifier}\p{Regional_Indicator}\u{e0020}-\u{e007f}]/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** An emoji meant to be shown as an emoji: drawn in the emoji font before any other. */
const EMOJI = /\p{Extended_Pictographic}(\ufe0f|\u200d|\p{Emoji_Modifier})|\p{Emoji_Presentation}|\p{Regional_Indicator}/u;
/** What fontkit detects as the direction of a string: that of the first character of a script that has one. */
const FIRST_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const RIGHT_TO_LEFT_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const MISSING = '\ufffd';

/** A run's glyphs with their advances and offsets, in font units. */
interface PlacedRun {
  glyphs: fontkit.Glyph[];
  /** Only for a shaped run: where each glyph goes. A run mapped through the cmap advances by the glyphs' widths. */
  positions?: fontkit.GlyphPosition[];
}

const shapers = new WeakMap<Font, Font['layout']>();

/** A run as fontkit shapes it (when it needs shaping) or as the cmap maps it; what pdf-lib gets is the same. */
function runOf(font: Font, text: string): PlacedRun {
  if (NEEDS_SHAPING.test(text)) {
    const { glyphs, positions } = shapers.get(font)!(text);
    return { glyphs, positions };
  }
  const glyphs: fontkit.Glyph[] = [];
  for (const char of text) if (!IGNORABLE.test(char)) glyphs.push(font.glyphForCodePoint(char.codePointAt(0)!));
  return { glyphs };
}

/** The font as pdf-lib uses it: the quick layout, and a subset it can stream. */
function forPdfLib(font: Font): Font {
  shapers.set(font, font.layout.bind(font));
  // pdf-lib reads only the glyphs of a run.
  font.layout = (text) => runOf(font, text) as fontkit.GlyphRun;
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
  };
  return font;
}

function parse(bytes: Uint8Array): Font {
  const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('layout' in font)) throw new Error('a font collection is not a font');
  return forPdfLib(font);
}

/** The advance of a run, in font units. */
function advanceOf(run: PlacedRun): number {
  let units = 0;
  if (run.positions) for (const p of run.positions) units += p.xAdvance;
  else for (const g of run.glyphs) units += g.advanceWidth;
  return units;
}

/** Whether the font draws `text` right to left by itself (fontkit reverses a run of a right-to-left script, and mirrors its brackets). */
function fontRunsRightToLeft(text: string): boolean {
  if (!NEEDS_SHAPING.test(text)) return false;
  const first = FIRST_SCRIPT.exec(text);
  return !!first && RIGHT_TO_LEFT_SCRIPT.test(first[0]);
}

/**
 * The text to hand the font so that its glyphs come out left to right. A font reverses (and
 * mirrors) a run of Arabic by itself; any other run that reads right to left is turned here, and a
 * run the font would turn that must not be (Arabic-Indic digits read left to right) is turned first.
 */
function inDrawingOrder(text: string, rightToLeft: boolean): string {
  const fontTurns = fontRunsRightToLeft(text);
  if (rightToLeft === fontTurns) return text;
  return rightToLeft ? mirroredReverse(text) : reversed(text);
}

export interface LineOptions {
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  style: FontStyle;
  color: Color;
  /** The paragraph's direction. */
  direction: Direction;
  width: number;
  /** Where the line sits within `width`; by default flush with the side the paragraph starts on. */
  align?: 'left' | 'right';
}

/** The text setter of one PDF document. */
export class Typesetter {
  /** The fonts of this document, parsed when first needed; pdf-lib gets them through `registerFontkit`. */
  private readonly parsed = new Map<Uint8Array, Font>();
  private readonly embedded = new Map<string, PDFFont>();
  private readonly pageFonts = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();
  private readonly widths = new Map<string, number>();
  private readonly fontChoice = new Map<string, number>();

  constructor(private readonly pdf: PDFDocument) {
    const fonts = { create: (bytes: Uint8Array) => this.parsedFont(bytes) };
    // pdf-lib declares the font type of its fork; fontkit 2 has every member pdf-lib uses.
    pdf.registerFontkit(fonts as unknown as PdfLibFontkit);
  }

  private parsedFont(bytes: Uint8Array): Font {
    let font = this.parsed.get(bytes);
    if (!font) this.parsed.set(bytes, (font = parse(bytes)));
    return font;
  }

  private font(family: number, style: FontStyle): Font {
    return this.parsedFont(fontBytes(fontFileOf(FONT_CHAIN[family]!, style)));
  }

  /** The family that draws a grapheme: the first of the chain that has all its characters (emoji first in the emoji font); -1 for none. */
  private familyOf(grapheme: string, style: FontStyle): number {
    const key = `${style}\u0000${grapheme}`;
    let family = this.fontChoice.get(key);
    if (family === undefined) {
      const codePoints = [...grapheme].filter((c) => !IGNORABLE.test(c)).map((c) => c.codePointAt(0)!);
      const order = FONT_CHAIN.map((_, i) => i);
      if (EMOJI.test(grapheme)) order.sort((a, b) => Number(!!FONT_CHAIN[b]!.emoji) - Number(!!FONT_CHAIN[a]!.emoji));
      const covers = (i: number, points: number[]) => points.every((cp) => this.font(i, style).hasGlyphForCodePoint(cp));
      family = codePoints.length === 0 ? 0 : (order.find((i) => covers(i, codePoints)) ?? order.find((i) => covers(i, codePoints.slice(0, 1))) ?? -1);
      this.fontChoice.set(key, family);
    }
    return family;
  }

  /** The text with every grapheme no font has replaced by "�", so measuring and drawing see the same. */
  printable(text: string, style: FontStyle): string {
    return graphemes(cleanText(text))
      .map((g) => (g === '\n' || this.familyOf(g, style) >= 0 ? g : MISSING))
      .join('');
  }

  /** The width of a (printable) text in points; remembered per word, as wrapping asks about the same words often. */
  widthOf(text: string, style: FontStyle, size: number): number {
    const key = `${style}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = 0;
      let run = '';
      let runFamily = -1;
      const add = () => {
        const font = this.font(runFamily, style);
        width! += advanceOf(runOf(font, run)) / font.unitsPerEm;
      };
      for (const grapheme of graphemes(text)) {
        const family = this.familyOf(grapheme, style);
        if (family !== runFamily && run) {
          add();
          run = '';
        }
        run += grapheme;
        runFamily = family;
      }
      if (run) add();
      this.widths.set(key, width);
    }
    return width * size;
  }

  /** A text as lines of at most `width` points, ready to draw. */
  wrap(text: string, style: FontStyle, size: number, width: number): string[] {
    return wrapText(this.printable(text, style), width, (t) => this.widthOf(t, style, size));
  }

  /** The first line of a text, cut with an ellipsis where it is wider than `width`. */
  truncate(text: string, style: FontStyle, size: number, width: number): string {
    return truncateText(this.printable(text, style), width, (t) => this.widthOf(t, style, size));
  }

  direction(text: string): Direction {
    return paragraphDirection(text);
  }

  /** The embedded font of a family and style, embedded when first drawn (so a PDF holds only the fonts it uses). */
  private async pdfFont(family: number, style: FontStyle): Promise<PDFFont> {
    const file = fontFileOf(FONT_CHAIN[family]!, style);
    let font = this.embedded.get(file);
    if (!font) {
      // Parses nothing new: the registered fontkit hands out the document's font.
      font = await this.pdf.embedFont(fontBytes(file), { subset: true });
      this.embedded.set(file, font);
    }
    return font;
  }

  /** The name of a font in a page's resources, added once per page. */
  private fontName(page: PDFPage, font: PDFFont): PDFName {
    let names = this.pageFonts.get(page);
    if (!names) this.pageFonts.set(page, (names = new Map()));
    let name = names.get(font);
    if (!name) {
      name = page.node.newFontDictionary(font.name, font.ref);
      names.set(font, name);
    }
    return name;
  }

  /** Draws one line (from `wrap`): its runs left to right in bidirectional order, each in its font. */
  async drawLine(page: PDFPage, line: string, options: LineOptions): Promise<void> {
    const { style, size } = options;
    const items = visualItems(line, (g) => this.familyOf(g, style), options.direction).map((item) => ({
      drawnText: item.rtl ? reversed(item.text) : item.text,
      text: inDrawingOrder(item.text, item.rtl),
      family: item.font,
      width: this.widthOf(item.text, style, size),
    }));
    const total = items.reduce((sum, item) => sum + item.width, 0);
    let x = (options.align ?? (options.direction === 'rtl' ? 'right' : 'left')) === 'right' ? options.x + options.width - total : options.x;
    const operators: PDFOperator[] = [pushGraphicsState(), setFillingColor(options.color), beginText()];
    for (const item of items) {
      const pdfFont = await this.pdfFont(item.family, style);
      operators.push(setFontAndSize(this.fontName(page, pdfFont), size));
      const run = runOf(this.font(item.family, style), item.text);
      const encoded = pdfFont.encodeText(item.text);
      if (!run.positions) {
        operators.push(setTextMatrix(1, 0, 0, 1, x, options.y), showText(encoded));
      } else {
        // Identity-H: four hex digits a glyph, in the order of the run.
        const codes = encoded.asString().match(/.{4}/g) ?? [];
        if (codes.length !== run.glyphs.length) throw new Error(`encoded ${codes.length} glyphs for a run of ${run.glyphs.length}`);
        const scale = size / this.font(item.family, style).unitsPerEm;
        let pen = x;
        const actualText = this.pdf.context.obj({ ActualText: PDFHexString.fromText(item.drawnText) });
        // An inline dictionary is a valid operand of BDC; pdf-lib's operand type does not list it.
        operators.push(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), actualText as unknown as PDFName]));
        run.positions.forEach((p, i) => {
          operators.push(setTextMatrix(1, 0, 0, 1, pen + p.xOffset * scale, options.y + p.yOffset * scale), showText(PDFHexString.of(codes[i]!)));
          pen += p.xAdvance * scale;
        });
        operators.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
      }
      x += item.width;
    }
    operators.push(endText(), popGraphicsState());
    page.pushOperators(...operators);
  }
}
