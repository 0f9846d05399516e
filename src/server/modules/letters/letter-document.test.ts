import { describe, expect, it } from 'vitest';
import { renderPdfDocument } from '../../lib/pdf/pdf-render';
import { paragraphsOf, templateLetterDocument, type TemplateLetter } from './letter-document';

const letter = (over: Partial<TemplateLetter> = {}): TemplateLetter => ({
  organisation: 'Buurtteams Demo',
  team: 'Overvecht',
  recipient: { name: 'Fatima El Amrani', street: 'Gentiaandreef', houseNumber: '12', postcode: '3562 AB', city: 'Utrecht' },
  date: '2026-12-07',
  workerName: 'Sanne de Vries',
  subject: 'Ons gesprek van 3 december 2026',
  body: 'Beste Fatima El Amrani,\n\nDank u wel.  \r\n\r\n\n\nMet vriendelijke groet,\n\nSanne de Vries\nBuurtteam Overvecht',
  createdAt: '2026-12-07T10:00:00.000Z',
  ...over,
});

describe('a letter from a template', () => {
  it('splits the text into paragraphs on empty lines and keeps single line breaks', () => {
    expect(paragraphsOf(letter().body)).toEqual(['Beste Fatima El Amrani,', 'Dank u wel.', 'Met vriendelijke groet,', 'Sanne de Vries\nBuurtteam Overvecht']);
  });

  it('addresses the recipient, dates the letter in words and names the contact person', () => {
    const { blocks, meta } = templateLetterDocument(letter());
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'Fatima El Amrani\nGentiaandreef 12\n3562 AB Utrecht', composed: true });
    expect(blocks).toContainEqual({ kind: 'field', label: 'Datum', value: '7 december 2026' });
    expect(blocks).toContainEqual({ kind: 'field', label: 'Contactpersoon', value: 'Sanne de Vries' });
    expect(blocks).toContainEqual({ kind: 'title', text: 'Ons gesprek van 3 december 2026' });
    expect(meta.title).toBe('Ons gesprek van 3 december 2026');
    expect(templateLetterDocument(letter({ workerName: null })).blocks.some((b) => b.kind === 'field' && b.label === 'Contactpersoon')).toBe(false);
  });

  it('renders as a PDF', async () => {
    const bytes = await renderPdfDocument(templateLetterDocument(letter()));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});
