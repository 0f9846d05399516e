// The size limits of the web import: IMPORT_MAX_MB in words (the server's 413 and the browser's
// check before sending say the same), and whether the server's heap can hold an import. Pure;
// shared with the web app.

/** Megabytes as people write them in Dutch: "40 MB", "0,5 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/** Where a history goes that the web import does not take. */
export const COMMAND_LINE_HINT = 'Een grotere geschiedenis importeert de beheerder van de server met de opdrachtregel (npm run cli -- import MAP); die leest de bestanden van schijf.';

/** The upload (the files together, as sent) is over the limit. */
export function uploadTooLargeMessage(maxBytes: number): string {
  return `De bestanden zijn samen groter dan ${formatMegabytes(maxBytes)}, de grens voor een import via de website. ${COMMAND_LINE_HINT}`;
}

/** The upload is under the limit, but holds more rows or fields than the server checks in one go. */
export const UPLOAD_TOO_COMPLEX_MESSAGE = `De bestanden bevatten meer regels of velden dan de server in één keer kan controleren. ${COMMAND_LINE_HINT}`;

/**
 * Importing an upload (the typed rows back from the worker, the rows already stored, the planned
 * inserts and updates) takes some 15 times the upload on the server's own heap, beside what it
 * already uses: measured with scripts/security/upload-memory.ts, the Utrecht-scale import (12.3 MB)
 * runs in a 256 MB heap but not in 192 MB, one of 37.9 MB in 640 MB. 20 leaves headroom.
 */
export const IMPORT_HEAP_PER_UPLOAD_BYTE = 20;

/** Whether an import of `uploadBytes` fits in what is left of the heap (v8.getHeapStatistics()). */
export function importFitsInHeap(uploadBytes: number, heap: { heap_size_limit: number; used_heap_size: number }): boolean {
  return IMPORT_HEAP_PER_UPLOAD_BYTE * uploadBytes <= heap.heap_size_limit - heap.used_heap_size;
}

/** The server's heap cannot hold the import of this upload (a small machine, or IMPORT_MAX_MB set high). */
export const IMPORT_TOO_LARGE_FOR_SERVER_MESSAGE = `Deze bestanden zijn te groot om op deze server via de website te importeren: de server heeft er te weinig geheugen voor. ${COMMAND_LINE_HINT}`;
