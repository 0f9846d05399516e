// A letter from a template as a PDF document (pure): the sender, the recipient's address for a
// window envelope, the date and contact person, the subject as its title, and the text the worker
// reviewed, one paragraph per block of lines. The app's PDF pool lays it out.
import { dutchDate } from '../../lib/dutch-dates';
import { addressBlock, lines, type LetterRecipient } from '../../lib/pdf/letter-parts';
import type { Block, PdfDocumentSpec } from '../../lib/pdf/pdf-document';

export interface TemplateLetter {
  organisation: string;
  team: string;
  recipient: LetterRecipient;
  /** YYYY-MM-DD: the day the letter is dated. */
  date: string;
  workerName: string | null;
  subject: string;
  /** The reviewed text: paragraphs apart by an empty line; a single line break is kept. */
  body: string;
  /** ISO moment the PDF was made. */
  createdAt: string;
}

/** The text's paragraphs: split on empty lines, trailing spaces and empty paragraphs gone. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').map((line) => line.trimEnd()).join('\n').trim())
    .filter((p) => p.length > 0);
}

export function templateLetterDocument(letter: TemplateLetter): PdfDocumentSpec {
  const blocks: Block[] = [
    { kind: 'paragraph', text: lines(letter.organisation, `Buurtteam ${letter.team}`), composed: true },
    { kind: 'space', lines: 2 },
    { kind: 'paragraph', text: addressBlock(letter.recipient), composed: true },
    { kind: 'space', lines: 3 },
    { kind: 'field', label: 'Datum', value: dutchDate(letter.date) },
    ...(letter.workerName ? [{ kind: 'field', label: 'Contactpersoon', value: letter.workerName } satisfies Block] : []),
    { kind: 'space', lines: 2 },
    { kind: 'title', text: letter.subject },
    { kind: 'space', lines: 1 },
    // What the worker wrote or kept: each paragraph in the direction of its own first letters.
    ...paragraphsOf(letter.body).map((text): Block => ({ kind: 'paragraph', text })),
  ];
  return {
    meta: {
      title: letter.subject,
      author: letter.organisation,
      subject: `Brief van buurtteam ${letter.team}`,
      createdAt: letter.createdAt,
      footer: `${letter.subject} \u00b7 ${dutchDate(letter.date)} \u00b7 ${letter.organisation}`,
    },
    blocks,
  };
}
