// A document the PDF machinery lays out (pdf-render.ts), whatever it is: the client's file, a
// decision letter. A module turns its data into blocks (pure) and the metadata; the renderer only
// lays the blocks out on A4 pages with a footer. Plain data, so it crosses to a worker thread
// (pdf-pool.ts) as it is.

/** A piece of the document, top to bottom. A text may hold line breaks ("\n"): they are kept. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /**
   * A paragraph takes the direction of its first letters (a note someone wrote in Arabic is set
   * right to left); a `composed` one is text the document writes in Dutch, left to right whatever
   * names it holds (a letter's address block with a name in Arabic script).
   */
  | { kind: 'paragraph'; text: string; muted?: boolean; composed?: boolean }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'item'; text: string; emphasis?: boolean }
  /** Empty room of `lines` lines of body text (a letter's address block apart from its date); none at the top of a page. */
  | { kind: 'space'; lines: number };

export interface PdfMeta {
  /** The PDF's title (what a viewer shows in its title bar). */
  title: string;
  /** Who makes the document: the organisation. */
  author: string;
  subject: string;
  /** The moment the document was made (ISO), the PDF's creation date. */
  createdAt: string;
  /** The footer's left text on every page (cut off with "…" when too long); the page number is on the right. */
  footer: string;
}

export interface PdfDocumentSpec {
  meta: PdfMeta;
  blocks: Block[];
}

