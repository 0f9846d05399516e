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

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/**
 * `2026-11-03` → `3 november 2026` (as Intl's nl-NL long date writes it). Without Intl: a client's
 * file of 700 pages holds some ten thousand dates, and the main thread turns it into blocks
 * before a worker lays them out; Intl would take some 50 ms of that.
 */
export function dutchDate(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** An ISO timestamp → `3 november 2026 om 14:05` (Dutch time). */
export function dutchDateTime(iso: string | null): string {
  if (!iso) return '';
  const text = dateTimeFormat.format(new Date(iso));
  return text.includes(' om ') ? text : text.replace(/,? (\d{2}:\d{2})$/, ' om $1');
}
