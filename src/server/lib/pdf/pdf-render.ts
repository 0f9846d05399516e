// A document (pdf-document.ts) as a readable PDF (A4): its blocks laid out with wrapped lines, page
// breaks that keep a heading with its text, and a footer with the document's own text and the page
// number. Text in any script, in the Noto fonts (pdf-typesetter.ts, pdf-fonts.ts).
// CPU-heavy for a long document (a client's file of 700 pages): the server runs it in a worker
// thread (pdf-pool.ts), never on the main thread.
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { Block, PdfDocumentSpec, PdfMeta } from './pdf-document';
import type { FontStyle } from './pdf-fonts';
import { Typesetter } from './pdf-typesetter';
import type { Direction } from './pdf-bidi';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 60, bottom: 64 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 150;
const BULLET_INDENT = 12;
/** A field of up to this many lines starts on the next page rather than being split. */
const KEEP_FIELD_LINES = 4;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.33, 0.33, 0.33);

interface Style {
  font: FontStyle;
  size: number;
  before: number;
  color: typeof BLACK;
}

const STYLES = {
  title: { font: 'bold', size: 18, before: 0, color: BLACK },
  h1: { font: 'bold', size: 14, before: 16, color: BLACK },
  h2: { font: 'bold', size: 12, before: 10, color: BLACK },
  h3: { font: 'bold', size: 11, before: 8, color: BLACK },
  body: { font: 'regular', size: 10, before: 3, color: BLACK },
  muted: { font: 'italic', size: 9, before: 2, color: GREY },
} satisfies Record<string, Style>;

const lineHeight = (size: number) => size * 1.35;

/** Lays out lines top to bottom, starting a new page when the next lines do not fit. */
class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    readonly type: Typesetter,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
  }

  /** Room for `height` points on this page, else a new page; `before` space is dropped at a page top. */
  private reserve(height: number, before: number) {
    const atTop = this.y === PAGE.height - MARGIN.top;
    if (!atTop && this.y - before - height < MARGIN.bottom) this.newPage();
    else if (!atTop) this.y -= before;
  }

  private baseline(style: Style) {
    return this.y + (lineHeight(style.size) - style.size) / 2;
  }

  private async draw(line: string, style: Style, x: number, width: number, direction: Direction) {
    await this.type.drawLine(this.page, line, { x, y: this.baseline(style), size: style.size, style: style.font, color: style.color, direction, width });
  }

  /**
   * A text wrapped in a column at `x`. The first line may keep its heading company (`keepWith` extra
   * points) and carry a `marker` (a bullet) in the margin before the column. A text the document
   * composes in Dutch reads left to right whatever names it holds; a text someone wrote (`written`:
   * a note) takes the direction of its first letters, and is set flush right when that is right to left.
   */
  async text(text: string, style: Style, x: number, width: number, options: { keepWith?: number; marker?: string; written?: boolean } = {}) {
    const direction = options.written ? this.type.direction(text) : 'ltr';
    const height = lineHeight(style.size);
    const lines = this.type.wrap(text, style.font, style.size, width);
    for (const [index, line] of lines.entries()) {
      this.reserve(height + (index === 0 ? (options.keepWith ?? 0) : 0), index === 0 ? style.before : 0);
      this.y -= height;
      if (index === 0 && options.marker) await this.draw(options.marker, style, MARGIN.left, BULLET_INDENT, 'ltr');
      await this.draw(line, style, x, width, direction);
    }
  }

  /** Empty room of `height` points; none at the top of a page, and at most to the bottom of this one. */
  space(height: number) {
    if (this.y === PAGE.height - MARGIN.top) return;
    this.y = Math.max(MARGIN.bottom, this.y - height);
  }

  /**
   * A label in a column beside its wrapped value (in the value's own direction), the two kept
   * together on one page; a value of a few lines is not split over two pages either.
   */
  async field(label: string, value: string) {
    const style = STYLES.body;
    const bold = { ...style, font: 'bold' as const };
    const labels = this.type.wrap(label, 'bold', style.size, LABEL_WIDTH - 8);
    const valueWidth = CONTENT_WIDTH - LABEL_WIDTH;
    const values = this.type.wrap(value, style.font, style.size, valueWidth);
    const direction = this.type.direction(value);
    const height = lineHeight(style.size);
    const rows = Math.max(labels.length, values.length);
    for (let i = 0; i < rows; i++) {
      this.reserve(i === 0 ? Math.min(rows, KEEP_FIELD_LINES) * height : height, i === 0 ? style.before : 0);
      this.y -= height;
      if (labels[i]) await this.draw(labels[i]!, bold, MARGIN.left, LABEL_WIDTH - 8, 'ltr');
      if (values[i]) await this.draw(values[i]!, style, MARGIN.left + LABEL_WIDTH, valueWidth, direction);
    }
  }
}

async function drawBlock(layout: Layout, block: Block) {
  switch (block.kind) {
    case 'title':
      return layout.text(block.text, STYLES.title, MARGIN.left, CONTENT_WIDTH);
    case 'heading': {
      const style = block.level === 1 ? STYLES.h1 : block.level === 2 ? STYLES.h2 : STYLES.h3;
      // Keep a heading with at least two lines of what follows.
      return layout.text(block.text, style, MARGIN.left, CONTENT_WIDTH, { keepWith: 2 * lineHeight(STYLES.body.size) });
    }
    case 'paragraph':
      return layout.text(block.text, block.muted ? STYLES.muted : STYLES.body, MARGIN.left, CONTENT_WIDTH, { written: !block.composed });
    case 'field':
      return layout.field(block.label, block.value);
    case 'item': {
      const style: Style = block.emphasis ? { ...STYLES.body, font: 'bold', before: 5 } : { ...STYLES.body, before: 4 };
      return layout.text(block.text, style, MARGIN.left + BULLET_INDENT, CONTENT_WIDTH - BULLET_INDENT, { marker: '\u2022' });
    }
    case 'space':
      return layout.space(block.lines * lineHeight(STYLES.body.size));
  }
}

async function drawFooters(layout: Layout, meta: PdfMeta) {
  const style: Style = { font: 'regular', size: 8, before: 0, color: GREY };
  const numberWidth = 80;
  const left = layout.type.truncate(meta.footer, style.font, style.size, CONTENT_WIDTH - numberWidth);
  for (const [index, page] of layout.pages.entries()) {
    const right = `Pagina ${index + 1} van ${layout.pages.length}`;
    page.drawLine({ start: { x: MARGIN.left, y: 44 }, end: { x: PAGE.width - MARGIN.right, y: 44 }, thickness: 0.5, color: GREY });
    const line = { y: 32, size: style.size, style: style.font, color: GREY };
    await layout.type.drawLine(page, left, { ...line, x: MARGIN.left, width: CONTENT_WIDTH - numberWidth, direction: 'ltr' });
    await layout.type.drawLine(page, right, { ...line, x: PAGE.width - MARGIN.right - numberWidth, width: numberWidth, direction: 'ltr', align: 'right' });
  }
}

/**
 * The document as PDF bytes, laid out on this thread: the server calls it in a worker thread
 * (pdf-worker.ts, through `PdfPool.render`); tests and scripts may call it directly.
 */
export async function renderPdfDocument({ meta, blocks }: PdfDocumentSpec): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.title);
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setLanguage('nl-NL');
  pdf.setCreator('Keukentafel');
  pdf.setProducer('Keukentafel');
  pdf.setCreationDate(new Date(meta.createdAt));
  // Made once, at that moment (pdf-lib would stamp the time of rendering): the same document gives the same bytes.
  pdf.setModificationDate(new Date(meta.createdAt));
  const layout = new Layout(pdf, new Typesetter(pdf));
  for (const block of blocks) await drawBlock(layout, block);
  await drawFooters(layout, meta);
  return pdf.save();
}
