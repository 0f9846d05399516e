import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, PdfDocumentSpec } from './pdf-document';
import { renderPdfDocument } from './pdf-render';

const meta: PdfDocumentSpec['meta'] = { title: 'Proef', author: 'Buurtteams', subject: 'Proef', createdAt: '2026-02-01T12:30:00Z', footer: 'Proef' };

/** Where each text item starts on the pages: x from the left, y from the bottom. */
async function positions(blocks: Block[]): Promise<{ page: number; text: string; x: number; y: number }[]> {
  const bytes = await renderPdfDocument({ meta, blocks });
  const document = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const found = [];
    for (let page = 1; page <= document.numPages; page++) {
      const items = (await (await document.getPage(page)).getTextContent()).items as { str: string; transform: number[] }[];
      found.push(...items.filter((i) => i.str.trim()).map((i) => ({ page, text: i.str, x: i.transform[4]!, y: i.transform[5]! })));
    }
    return found;
  } finally {
    await document.destroy();
  }
}
const at = (found: Awaited<ReturnType<typeof positions>>, text: string) => found.find((f) => f.text.includes(text))!;

describe('renderPdfDocument', () => {
  it('leaves room for a space block of body lines, but none at the top of a page', async () => {
    const plain = await positions([{ kind: 'paragraph', text: 'Eerste' }, { kind: 'paragraph', text: 'Tweede' }]);
    const spaced = await positions([{ kind: 'space', lines: 5 }, { kind: 'paragraph', text: 'Eerste' }, { kind: 'space', lines: 3 }, { kind: 'paragraph', text: 'Tweede' }]);
    expect(at(spaced, 'Eerste').y).toBeCloseTo(at(plain, 'Eerste').y, 1);
    expect(at(plain, 'Tweede').y - at(spaced, 'Tweede').y).toBeCloseTo(3 * 10 * 1.35, 1);
  });

  it('sets a composed paragraph left to right whatever its first letters, and a written one in their direction', async () => {
    const found = await positions([
      { kind: 'paragraph', text: 'محمد العلي\nLaan 1', composed: true },
      { kind: 'paragraph', text: 'سارة\nStraat 2' },
    ]);
    expect(at(found, 'Laan 1').x).toBeCloseTo(56, 0);
    expect(at(found, 'Straat 2').x).toBeGreaterThan(300);
  });

  it('starts a field of a few lines on the next page rather than splitting it', async () => {
    // A page holds some 43 of these paragraphs: one of these counts leaves room for one or two lines.
    for (let count = 40; count <= 44; count++) {
      const filler: Block[] = Array.from({ length: count }, (_, i) => ({ kind: 'paragraph', text: `Regel ${i}` }));
      const found = await positions([...filler, { kind: 'field', label: 'Lang', value: 'woord '.repeat(30) }]);
      const lines = found.filter((f) => f.text.startsWith('woord'));
      expect(lines.length, `${count}`).toBeGreaterThan(2);
      expect(new Set(lines.map((l) => l.page)), `${count}`).toEqual(new Set([at(found, 'Lang').page]));
    }
  });
});
