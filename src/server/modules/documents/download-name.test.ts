import { describe, expect, it } from 'vitest';
import { downloadFileName } from './download-name';

describe('downloadFileName', () => {
  it('keeps a plain name', () => {
    expect(downloadFileName('brief.pdf')).toBe(`attachment; filename="brief.pdf"; filename*=UTF-8''brief.pdf`);
  });
  it('drops paths, quotes and control characters, and gives accents in filename* only', () => {
    const header = downloadFileName('..\\map/"Verslag" café\r\n.pdf');
    expect(header).toBe(`attachment; filename="_Verslag_ cafe_.pdf"; filename*=UTF-8''_Verslag_%20caf%C3%A9_.pdf`);
    expect(header).not.toMatch(/[\r\n]/);
  });
  it('never answers an empty name', () => {
    expect(downloadFileName('...')).toContain('filename="document"');
  });
});
