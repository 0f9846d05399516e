// The text a reader gets out of a PDF, page by page, as a PDF viewer extracts it (pdf.js, the engine
// of Firefox's viewer): through each font's ToUnicode map, so a text in an embedded subset font is
// found as well as one in a standard font. Lines become lines; right-to-left runs come back in
// logical order (pdf.js applies the bidirectional algorithm).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
