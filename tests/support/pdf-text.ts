// The text a reader gets out of a PDF, page by page, as a PDF viewer extracts it (pdf.js, the engine
// of Firefox's viewer): through each font's ToUnicode map, so a text in an embedded subset font is
// found as well as one in a standard font. Lines become lines; right-to-left runs come back in
// logical order (pdf.js applies the bidirectional algorithm). pdf.js does not read /ActualText, the
// text a PDF gives for glyphs that cannot tell it themselves (shaped Arabic: ب ت ن ي share their
// dotless glyph); `pdfActualTexts` reads those as Acrobat and poppler do.
import zlib from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';

interface TextItem {
  str: string;
  hasEOL: boolean;
}

/** Every page's text, in order; a page's items joined, a line end where pdf.js sees one. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of the buffer it gets: give it a copy.
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push((content.items as TextItem[]).map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The whole document's text, the pages separated by a blank line. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join('\n\n');
}

/** Every /ActualText of a marked-content span on the pages, in drawing order (a right-to-left run's text reversed, as its glyphs are). */
export async function pdfActualTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const texts: string[] = [];
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const content = zlib.inflateSync(Buffer.from(stream.contents)).toString('latin1');
      for (const [, hex] of content.matchAll(/\/ActualText\s*<([0-9A-Fa-f]+)>/g)) {
        // UTF-16BE after the byte order mark FEFF.
        const units = Buffer.from(hex!, 'hex').subarray(2);
        texts.push(String.fromCharCode(...Array.from({ length: units.length / 2 }, (_, i) => units.readUInt16BE(2 * i))));
      }
    }
  }
  return texts;
}
