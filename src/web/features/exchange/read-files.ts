// Reading an exchange folder in the browser: from a .zip or from a chosen folder. Only the files of
// the format are kept (by name, wherever they sit in the zip or folder); the rest is listed as
// ignored. Nothing larger than the server takes (its IMPORT_MAX_MB) is unpacked or read: a zip's
// declared sizes are checked before inflating, and an entry that unpacks into more than it
// declared is stopped there (zip-entries.ts).
import { EXCHANGE_FILES, type ExchangeFile, type ExchangeUpload } from '../../../server/modules/exchange/exchange.schemas';
import { COMMAND_LINE_HINT, formatMegabytes, uploadTooLargeMessage } from '../../../server/modules/exchange/upload-limit';
import { DamagedZipError, listZip, SizeMismatchError, unpackEntry } from './zip-entries';

export const REQUIRED_FILES: ExchangeFile[] = ['clients.csv', 'cases.csv'];

export interface FoundFile {
  name: ExchangeFile;
  /** Where it was found (path inside the zip or folder). */
  path: string;
  size: number;
  text: string;
}

export interface ExchangeFolder {
  /** The zip file's or folder's name. */
  source: string;
  kind: 'zip' | 'map';
  found: FoundFile[];
  /** Other files (paths), not sent. */
  ignored: string[];
  /** A format file that occurred twice: the first one is used. */
  duplicates: string[];
  missingRequired: ExchangeFile[];
  missingOptional: ExchangeFile[];
}

/** The zip cannot be read; the message says why, in Dutch. */
export class UnreadableZipError extends Error {}

/** More than the server takes: the message says how much, the limit and what to do instead. */
export class TooLargeError extends Error {}

/** Unpacked bytes so far, of `total`. */
export type ReadProgress = (done: number, total: number) => void;

const decoder = new TextDecoder('utf-8');

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

function isExchangeFile(name: string): name is ExchangeFile {
  return (EXCHANGE_FILES as readonly string[]).includes(name);
}

/** Finder and Windows leave these in zips and folders; they are not worth a note. */
function isSystemFile(path: string): boolean {
  const name = baseName(path);
  return path.startsWith('__MACOSX/') || path.includes('/__MACOSX/') || name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini';
}

/** Which entries to read (the first of each format file), which are ignored and which doubled. */
function sortOut<T extends { path: string }>(entries: T[]): { chosen: (T & { name: ExchangeFile })[]; ignored: string[]; duplicates: string[] } {
  const chosen: (T & { name: ExchangeFile })[] = [];
  const ignored: string[] = [];
  const duplicates: string[] = [];
  for (const entry of entries) {
    if (entry.path.endsWith('/') || isSystemFile(entry.path)) continue;
    const name = baseName(entry.path);
    if (!isExchangeFile(name)) ignored.push(entry.path);
    else if (chosen.some((c) => c.name === name)) duplicates.push(entry.path);
    else chosen.push({ ...entry, name });
  }
  return { chosen, ignored: ignored.sort(), duplicates };
}

function folderOf(source: string, kind: 'zip' | 'map', found: FoundFile[], ignored: string[], duplicates: string[]): ExchangeFolder {
  found.sort((a, b) => EXCHANGE_FILES.indexOf(a.name) - EXCHANGE_FILES.indexOf(b.name));
  const names = new Set(found.map((f) => f.name));
  return {
    source,
    kind,
    found,
    ignored,
    duplicates,
    missingRequired: REQUIRED_FILES.filter((f) => !names.has(f)),
    missingOptional: EXCHANGE_FILES.filter((f) => !REQUIRED_FILES.includes(f) && !names.has(f)),
  };
}

/** What is sent: the files' texts by name. */
export function uploadOf(folder: ExchangeFolder): ExchangeUpload {
  return { files: Object.fromEntries(folder.found.map((f) => [f.name, f.text])) };
}

/** The request body's size in bytes, as the server counts it against its limit. */
export function uploadSize(folder: ExchangeFolder): number {
  return new TextEncoder().encode(JSON.stringify(uploadOf(folder))).byteLength;
}

/** Refuses a folder whose request body would be over the limit (the JSON escapes add a little). */
function checkUploadSize(folder: ExchangeFolder, maxBytes: number): ExchangeFolder {
  if (uploadSize(folder) > maxBytes) throw new TooLargeError(uploadTooLargeMessage(maxBytes));
  return folder;
}

function tooLarge(what: string, maxBytes: number): TooLargeError {
  return new TooLargeError(`${what} groter dan ${formatMegabytes(maxBytes)}, de grens voor een import via de website. ${COMMAND_LINE_HINT}`);
}

/**
 * Unpacks only the format's files, and only when the sizes their directory entries declare fit in
 * `maxBytes`; the others are listed by name.
 */
export async function readZip(file: File, maxBytes: number, onProgress?: ReadProgress): Promise<ExchangeFolder> {
  const damaged = () => new UnreadableZipError(`${file.name} is geen geldig zip-bestand of is beschadigd.`);
  let entries;
  try {
    entries = await listZip(file);
  } catch (error) {
    if (error instanceof DamagedZipError) throw damaged();
    throw error;
  }
  const { chosen, ignored, duplicates } = sortOut(entries);
  const declared = chosen.reduce((sum, e) => sum + e.size, 0);
  if (declared > maxBytes) throw tooLarge(`Uitgepakt zijn de CSV-bestanden in ${file.name}`, maxBytes);
  const found: FoundFile[] = [];
  let done = 0;
  for (const entry of chosen) {
    let bytes: Uint8Array;
    try {
      bytes = await unpackEntry(file, entry, (unpacked) => onProgress?.(done + unpacked, declared));
    } catch (error) {
      if (error instanceof SizeMismatchError) {
        throw new UnreadableZipError(`${file.name} is beschadigd of misleidend: ${entry.path} pakt uit tot meer dan het zip-bestand opgeeft. Maak het zip-bestand opnieuw, of kies de map met de CSV-bestanden.`);
      }
      if (error instanceof DamagedZipError) throw damaged();
      throw error;
    }
    done += bytes.byteLength;
    found.push({ name: entry.name, path: entry.path, size: bytes.byteLength, text: decoder.decode(bytes) });
  }
  return checkUploadSize(folderOf(file.name, 'zip', found, ignored, duplicates), maxBytes);
}

/** The format's files of a chosen folder (`webkitdirectory`), read as UTF-8 text when together they fit in `maxBytes`. */
export async function readFolder(list: FileList, maxBytes: number): Promise<ExchangeFolder> {
  const path = (f: File) => f.webkitRelativePath || f.name;
  const files = Array.from(list).map((file) => ({ file, path: path(file) }));
  const source = files[0] ? (files[0].path.split('/')[0] ?? '') : '';
  const { chosen, ignored, duplicates } = sortOut(files);
  const total = chosen.reduce((sum, c) => sum + c.file.size, 0);
  if (total > maxBytes) throw tooLarge(`De CSV-bestanden in de map ${source} zijn samen`, maxBytes);
  const found = await Promise.all(chosen.map(async (c) => ({ name: c.name, path: c.path, size: c.file.size, text: await c.file.text() })));
  return checkUploadSize(folderOf(source, 'map', found, ignored, duplicates), maxBytes);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}
