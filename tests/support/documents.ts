// Small real files for the document tests: a PDF made with pdf-lib (one page, one line) and a 1×1 PNG.
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A 1×1 transparent PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A one-page PDF saying `text`, made the same way each time (no dates in it). */
export async function tinyPdf(text = 'Brief van de woningcorporatie'): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A PDF that needs no awaiting, for a route's body: the header and trailer file-type recognises. */
export const MINIMAL_PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n').toString('base64');
