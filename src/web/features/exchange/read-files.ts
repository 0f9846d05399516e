// Reading an exchange folder in the browser: from a .zip (fflate) or from a chosen folder. Only the
// files of the format are kept (by name, wherever they sit in the zip or folder); the rest is listed
// as ignored.
import { unzipSync } from 'fflate';
import { EXCHANGE_FILES, type ExchangeFile } from '../../../server/modules/exchange/exchange.schemas';

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

function collect(source: string, kind: 'zip' | 'map', entries: { path: string; size: number; read: () => string }[]): ExchangeFolder {
  const found: FoundFile[] = [];
  const ignored: string[] = [];
  const duplicates: string[] = [];
  for (const entry of entries) {
    if (entry.path.endsWith('/') || isSystemFile(entry.path)) continue;
    const name = baseName(entry.path);
    if (!isExchangeFile(name)) {
      ignored.push(entry.path);
    } else if (found.some((f) => f.name === name)) {
      duplicates.push(entry.path);
    } else {
      found.push({ name, path: entry.path, size: entry.size, text: entry.read() });
    }
  }
  found.sort((a, b) => EXCHANGE_FILES.indexOf(a.name) - EXCHANGE_FILES.indexOf(b.name));
  const names = new Set(found.map((f) => f.name));
  return {
    source,
    kind,
    found,
    ignored: ignored.sort(),
    duplicates,
    missingRequired: REQUIRED_FILES.filter((f) => !names.has(f)),
    missingOptional: EXCHANGE_FILES.filter((f) => !REQUIRED_FILES.includes(f) && !names.has(f)),
  };
}

export class UnreadableZipError extends Error {}

/** Unpacks only the format's files; the others are listed by name. */
export async function readZip(file: File): Promise<ExchangeFolder> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const names: { path: string; size: number }[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (info) => {
        names.push({ path: info.name, size: info.originalSize });
        return isExchangeFile(baseName(info.name)) && !isSystemFile(info.name);
      },
    });
  } catch {
    throw new UnreadableZipError(`${file.name} is geen geldig zip-bestand of is beschadigd.`);
  }
  return collect(
    file.name,
    'zip',
    names.map((n) => ({ path: n.path, size: files[n.path]?.length ?? n.size, read: () => decoder.decode(files[n.path]) })),
  );
}

/** The files of a chosen folder (`webkitdirectory`), read as UTF-8 text. */
export async function readFolder(list: FileList): Promise<ExchangeFolder> {
  const files = Array.from(list);
  const path = (f: File) => f.webkitRelativePath || f.name;
  const folder = files[0] ? path(files[0]).split('/')[0] ?? '' : '';
  const texts = new Map<File, string>();
  await Promise.all(files.filter((f) => isExchangeFile(f.name) && !isSystemFile(path(f))).map(async (f) => texts.set(f, await f.text())));
  return collect(
    folder,
    'map',
    files.map((f) => ({ path: path(f), size: f.size, read: () => texts.get(f) ?? '' })),
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}
