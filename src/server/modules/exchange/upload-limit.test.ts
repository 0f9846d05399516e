import { describe, expect, it } from 'vitest';
import { readConfig } from '../../config';
import { formatMegabytes, importFitsInHeap, IMPORT_HEAP_PER_UPLOAD_BYTE, uploadTooLargeMessage } from './upload-limit';

const MB = 1024 * 1024;

describe('the web import limit', () => {
  it('is IMPORT_MAX_MB megabytes, 40 unless set, and refuses a setting that is not a positive number', () => {
    expect(readConfig({}).importMaxBytes).toBe(40 * MB);
    expect(readConfig({ IMPORT_MAX_MB: '12.5' }).importMaxBytes).toBe(12.5 * MB);
    for (const wrong of ['0', '-3', 'veel', 'Infinity', '']) expect(() => readConfig({ IMPORT_MAX_MB: wrong }), wrong).toThrow(/IMPORT_MAX_MB must be a positive number/);
  });

  it('says the limit the way people write megabytes', () => {
    expect(formatMegabytes(40 * MB)).toBe('40 MB');
    expect(formatMegabytes(0.5 * MB)).toBe('0,5 MB');
    expect(formatMegabytes(1536 * MB)).toBe('1.536 MB');
    expect(uploadTooLargeMessage(40 * MB)).toMatch(/^De bestanden zijn samen groter dan 40 MB, de grens voor een import via de website\. .*npm run cli -- import MAP/);
  });

  it('lets an import through only when what is left of the heap holds it', () => {
    const upload = 10 * MB;
    const needed = IMPORT_HEAP_PER_UPLOAD_BYTE * upload;
    expect(importFitsInHeap(upload, { heap_size_limit: needed + 100 * MB, used_heap_size: 100 * MB })).toBe(true);
    expect(importFitsInHeap(upload, { heap_size_limit: needed + 100 * MB, used_heap_size: 100 * MB + 1 })).toBe(false);
    expect(importFitsInHeap(upload, { heap_size_limit: needed - 1, used_heap_size: 0 })).toBe(false);
  });
});
