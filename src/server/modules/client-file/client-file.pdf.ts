// The client's file as a readable PDF (A4, Helvetica): the document blocks laid out with wrapped
// lines, page breaks that keep a heading with its text, and a footer with the page number and the
// date the file was made.
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ClientFile } from './client-file.schemas';
import { clientFileDocument, dutchDateTime, type Block } from './client-file.document';
import { toWinAnsi, wrapText } from './pdf-text';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 60, bottom: 64 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 150;
const BULLET_INDENT = 12;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.33, 0.33, 0.33);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

interface Style {
  font: keyof Fonts;
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
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
    this.pageFont = null;
  }

  private pageFont: PDFFont | null = null;

  /** drawText with a font would add a font entry to the page for every line: set it on change only. */
  private draw(text: string, x: number, y: number, size: number, font: PDFFont, color: typeof BLACK) {
    if (this.pageFont !== font) {
      this.page.setFont(font);
      this.pageFont = font;
    }
    this.page.drawText(text, { x, y, size, color });
  }

  /** Room for `height` points on this page, else a new page; `before` space is dropped at a page top. */
  reserve(height: number, before: number) {
    const atTop = this.y === PAGE.height - MARGIN.top;
    if (!atTop && this.y - before - height < MARGIN.bottom) this.newPage();
    else if (!atTop) this.y -= before;
  }

  wrap(text: string, style: Style, width: number): string[] {
    const font = this.fonts[style.font];
    return wrapText(toWinAnsi(text), width, (t) => font.widthOfTextAtSize(t, style.size));
  }

  /** Wrapped text at `x`; the first line may keep its heading company (`keepWith` extra points). */
  text(lines: string[], style: Style, x: number, keepWith = 0) {
    const height = lineHeight(style.size);
    lines.forEach((line, index) => {
      this.reserve(height + (index === 0 ? keepWith : 0), index === 0 ? style.before : 0);
      this.y -= height;
      this.draw(line, x, this.y + (height - style.size) / 2, style.size, this.fonts[style.font], style.color);
    });
  }

  /** A label in a column beside its wrapped value, the two kept together on one page. */
  field(label: string, value: string) {
    const style = STYLES.body;
    const labels = this.wrap(label, { ...style, font: 'bold' }, LABEL_WIDTH - 8);
    const values = this.wrap(value, style, CONTENT_WIDTH - LABEL_WIDTH);
    const height = lineHeight(style.size);
    const rows = Math.max(labels.length, values.length);
    for (let i = 0; i < rows; i++) {
      this.reserve(height, i === 0 ? style.before : 0);
      this.y -= height;
      const baseline = this.y + (height - style.size) / 2;
      if (labels[i]) this.draw(labels[i]!, MARGIN.left, baseline, style.size, this.fonts.bold, BLACK);
      if (values[i]) this.draw(values[i]!, MARGIN.left + LABEL_WIDTH, baseline, style.size, this.fonts.regular, BLACK);
    }
  }
}

function drawBlock(layout: Layout, block: Block) {
  switch (block.kind) {
    case 'title':
      layout.text(layout.wrap(block.text, STYLES.title, CONTENT_WIDTH), STYLES.title, MARGIN.left);
      return;
    case 'heading': {
      const style = block.level === 1 ? STYLES.h1 : block.level === 2 ? STYLES.h2 : STYLES.h3;
      // Keep a heading with at least two lines of what follows.
      layout.text(layout.wrap(block.text, style, CONTENT_WIDTH), style, MARGIN.left, 2 * lineHeight(STYLES.body.size));
      return;
    }
    case 'paragraph': {
      const style = block.muted ? STYLES.muted : STYLES.body;
      layout.text(layout.wrap(block.text, style, CONTENT_WIDTH), style, MARGIN.left);
      return;
    }
    case 'field':
      layout.field(block.label, block.value);
      return;
    case 'item': {
      const style: Style = block.emphasis ? { ...STYLES.body, font: 'bold', before: 5 } : { ...STYLES.body, before: 4 };
      const lines = layout.wrap(block.text, style, CONTENT_WIDTH - BULLET_INDENT);
      // The bullet goes on the first line of the item, drawn as part of the text column's first line.
      layout.text(lines.map((line, i) => (i === 0 ? `\u2022  ${line}` : line)).slice(0, 1), style, MARGIN.left);
      if (lines.length > 1) layout.text(lines.slice(1), { ...style, before: 0 }, MARGIN.left + BULLET_INDENT);
      return;
    }
  }
}

function drawFooters(layout: Layout, file: ClientFile) {
  const font = layout.fonts.regular;
  const size = 8;
  const name = `${file.person.firstName} ${file.person.lastName}`.trim();
  let left = toWinAnsi(`Dossier van ${name} \u00b7 aangemaakt op ${dutchDateTime(file.createdAt)} \u00b7 ${file.organisation}`);
  while (left.length > 1 && font.widthOfTextAtSize(left, size) > CONTENT_WIDTH - 80) left = `${left.slice(0, -2)}\u2026`;
  layout.pages.forEach((page, index) => {
    const right = `Pagina ${index + 1} van ${layout.pages.length}`;
    page.drawLine({ start: { x: MARGIN.left, y: 44 }, end: { x: PAGE.width - MARGIN.right, y: 44 }, thickness: 0.5, color: GREY });
    page.drawText(left, { x: MARGIN.left, y: 32, size, font, color: GREY });
    page.drawText(right, { x: PAGE.width - MARGIN.right - font.widthOfTextAtSize(right, size), y: 32, size, font, color: GREY });
  });
}

export async function renderClientFilePdf(file: ClientFile): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const name = `${file.person.firstName} ${file.person.lastName}`.trim();
  pdf.setTitle(toWinAnsi(`Dossier van ${name}`));
  pdf.setAuthor(toWinAnsi(file.organisation));
  pdf.setSubject('Inzage in het dossier (Wmo 2015, artikel 5.3.2)');
  pdf.setLanguage('nl-NL');
  pdf.setCreator('Keukentafel');
  pdf.setProducer('Keukentafel');
  pdf.setCreationDate(new Date(file.createdAt));
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  const layout = new Layout(pdf, fonts);
  for (const block of clientFileDocument(file)) drawBlock(layout, block);
  drawFooters(layout, file);
  return pdf.save();
}
