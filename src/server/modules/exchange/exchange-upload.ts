// The web import's upload, checked: the request body's bytes (JSON `{files: {name: text}}`) read
// and validated against the exchange format. Pure and synchronous; the server runs it in the upload
// worker (exchange.worker.ts), off the event loop, and the CLI runs `checkFiles` in its own process.
import type { FieldProblem } from '../../lib/errors';
import { badTextError, findBadText } from '../../lib/bad-text';
import { validateExchange, type ExchangeCodes, type History } from './exchange-format';
import { exchangeUpload, type ImportProblem } from './exchange.schemas';

/** A folder checked against the format: its problems, rows per file, and the typed rows when asked for and valid. */
export interface CheckedFolder {
  /** The names of the files that were sent. */
  files: string[];
  problems: ImportProblem[];
  rowCounts: Record<string, number>;
  history: History | null;
}

/** The body is not the JSON the route takes: answered 400 with these, like a schema failure. */
export interface UnreadableUpload {
  unreadable: true;
  message: string;
  fields: FieldProblem[];
}

export type CheckedUpload = CheckedFolder | UnreadableUpload;

/** `keepHistory`: return the typed rows (to import them); a check alone returns only the counts. */
export function checkFiles(files: Record<string, string>, codes: ExchangeCodes, today: string, keepHistory: boolean): CheckedFolder {
  const { problems, history, rowCounts } = validateExchange(files, codes, today);
  return { files: Object.keys(files), problems, rowCounts, history: keepHistory ? history : null };
}

function unreadable(message: string, fields: FieldProblem[] = []): UnreadableUpload {
  return { unreadable: true, message, fields };
}

/** Reads the body (UTF-8 JSON in the shape of `exchangeUpload`), or says what is wrong with it. */
export function readUpload(body: Uint8Array): { files: Record<string, string> } | UnreadableUpload {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    // Not UTF-8, or not JSON: the same words the error mapper uses for any unreadable body.
    return unreadable('Het verzoek is niet leesbaar');
  }
  // Text PostgreSQL cannot store (a lone surrogate, a NUL), with the file and line: the same rule
  // and words as the input check of every other route.
  const bad = findBadText(json);
  if (bad.length > 0) {
    const refusal = badTextError(bad);
    return unreadable(refusal.message, refusal.fields);
  }
  const parsed = exchangeUpload.safeParse(json);
  if (!parsed.success) return unreadable('De invoer is niet geldig', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.data;
}

export function checkUpload(body: Uint8Array, codes: ExchangeCodes, today: string, keepHistory: boolean): CheckedUpload {
  const upload = readUpload(body);
  if ('unreadable' in upload) return upload;
  return checkFiles(upload.files, codes, today, keepHistory);
}
