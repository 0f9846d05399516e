// The size limit of the web import (IMPORT_MAX_MB) in words: the server's 413 and the browser's
// check before sending say the same. Pure; shared with the web app.

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
