import { describe, expect, it } from 'vitest';
import { checkDocumentContent, DOCUMENT_ACCEPT, extensionOf, OLD_OFFICE_MESSAGE, sizeText, UNKNOWN_TYPE_MESSAGE } from './document-types';

describe('checkDocumentContent', () => {
  it('takes a file whose name agrees with its content, in any case of the extension', () => {
    expect(checkDocumentContent('brief.pdf', 'pdf', 10)).toEqual({ ok: true, kind: 'pdf', mediaType: 'application/pdf' });
    expect(checkDocumentContent('Foto.JPEG', 'jpg', 10)).toEqual({ ok: true, kind: 'jpg', mediaType: 'image/jpeg' });
    expect(checkDocumentContent('plan.docx', 'docx', 10)).toMatchObject({ ok: true, kind: 'docx' });
  });

  it('refuses a name that lies about the content, and says what it is', () => {
    const check = checkDocumentContent('brief.pdf', 'png', 10);
    expect(check).toEqual({ ok: false, message: expect.stringContaining('Dit bestand is geen PDF, al eindigt de naam op .pdf. Het is een PNG-afbeelding') });
    expect(checkDocumentContent('scan', 'pdf', 10)).toEqual({ ok: false, message: expect.stringContaining('de naam heeft geen extensie') });
    expect(checkDocumentContent('scan.txt', 'pdf', 10)).toEqual({ ok: false, message: expect.stringContaining('de naam eindigt op .txt') });
  });

  it('refuses what it cannot recognise, old Office files, other types and empty files', () => {
    expect(checkDocumentContent('notitie.txt', undefined, 10)).toEqual({ ok: false, message: UNKNOWN_TYPE_MESSAGE });
    expect(checkDocumentContent('oud.doc', 'cfb', 10)).toEqual({ ok: false, message: OLD_OFFICE_MESSAGE });
    expect(checkDocumentContent('archief.zip', 'zip', 10)).toEqual({ ok: false, message: expect.stringMatching(/^Dit is een \.zip-bestand/) });
    expect(checkDocumentContent('leeg.pdf', 'pdf', 0)).toMatchObject({ ok: false });
  });
});

describe('helpers', () => {
  it('reads the extension of the last part of a path only', () => {
    expect(extensionOf('C:\\map.v2\\brief.PDF')).toBe('pdf');
    expect(extensionOf('.verborgen')).toBe('');
    expect(extensionOf('map.v2/zonder')).toBe('');
  });
  it('lists the extensions for the file input and writes sizes in Dutch', () => {
    expect(DOCUMENT_ACCEPT.split(',')).toContain('.jpeg');
    expect(sizeText(2_500_000)).toBe('2,4 MB');
    expect(sizeText(300)).toBe('1 kB');
  });
});
