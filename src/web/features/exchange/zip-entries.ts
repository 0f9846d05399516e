// Reading a zip without trusting it. The central directory at the end of the file (PKWARE
// APPNOTE.TXT 4.3.12, 4.3.16; ZIP64 4.3.14, 4.3.15, 4.5.3) lists every entry with its declared
// sizes, so the caller can refuse before anything is inflated. An entry is then inflated (fflate) in
// small steps from its own slice of the file, and stops as soon as more comes out than its entry
// declared: declared sizes can lie (a zip bomb), the output cannot. Only the tail, the directory and
// the entries asked for are read from the file.
import { Inflate, strFromU8 } from 'fflate';

export interface ZipEntry {
  /** Path inside the zip ("map/clients.csv"); a folder ends in "/". */
  path: string;
  /** Uncompressed size as the directory declares it. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflate (the others are not read). */
  method: number;
  encrypted: boolean;
  localHeaderOffset: number;
}

/** The file is not a zip, or its structure contradicts itself. */
export class DamagedZipError extends Error {}

/** The entry unpacks into more than its directory entry declared: a damaged or deceptive zip. */
export class SizeMismatchError extends Error {
  constructor(readonly entry: ZipEntry) {
    super(`${entry.path} pakt uit tot meer dan de ${entry.size} bytes die het zip-bestand opgeeft`);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record (22 bytes) plus the longest comment. */
const MAX_TAIL = 22 + 0xffff;
/**
 * Compressed bytes per inflate step: at most some 1000 times as much comes out of one step
 * (deflate's limit), so an entry is stopped within 4 MB of passing its declared size.
 */
const STEP = 4 * 1024;

async function read(file: Blob, start: number, end: number): Promise<DataView> {
  if (start < 0 || end > file.size || start > end) throw new DamagedZipError('verwijzing buiten het bestand');
  return new DataView(await file.slice(start, end).arrayBuffer());
}

/** A 64-bit little-endian number that must fit a JavaScript number (it always does for real files). */
function uint64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new DamagedZipError('onmogelijk grote waarde');
  return Number(value);
}

/** Where the central directory is, from the end record (or its ZIP64 version). */
async function directoryLocation(file: Blob): Promise<{ offset: number; size: number; count: number }> {
  const tailStart = Math.max(0, file.size - MAX_TAIL);
  const tail = await read(file, tailStart, file.size);
  let end = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new DamagedZipError('geen centrale map');
  let count = tail.getUint16(end + 10, true);
  let size = tail.getUint32(end + 12, true);
  let offset = tail.getUint32(end + 16, true);
  if (end >= 20 && tail.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const recordOffset = uint64(tail, end - 12);
    const record = await read(file, recordOffset, recordOffset + 56);
    if (record.getUint32(0, true) !== ZIP64_END_OF_DIRECTORY) throw new DamagedZipError('ZIP64-map ontbreekt');
    count = uint64(record, 32);
    size = uint64(record, 40);
    offset = uint64(record, 48);
  }
  return { offset, size, count };
}

/** The entries of the central directory, with their declared sizes; nothing is inflated. */
export async function listZip(file: Blob): Promise<ZipEntry[]> {
  const location = await directoryLocation(file);
  const directory = await read(file, location.offset, location.offset + location.size);
  const bytes = new Uint8Array(directory.buffer);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < location.count; n++) {
    if (at + 46 > directory.byteLength || directory.getUint32(at, true) !== DIRECTORY_ENTRY) throw new DamagedZipError('onleesbare centrale map');
    const flags = directory.getUint16(at + 8, true);
    const nameLength = directory.getUint16(at + 28, true);
    const extraLength = directory.getUint16(at + 30, true);
    const commentLength = directory.getUint16(at + 32, true);
    const entry: ZipEntry = {
      // Bit 11: the name is UTF-8; else the old DOS code page, of which ASCII names are the same.
      path: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), !(flags & 0x800)),
      method: directory.getUint16(at + 10, true),
      encrypted: (flags & 1) === 1,
      compressedSize: directory.getUint32(at + 20, true),
      size: directory.getUint32(at + 24, true),
      localHeaderOffset: directory.getUint32(at + 42, true),
    };
    // ZIP64 extra field (id 1): the 64-bit values of the fields that hold 0xFFFFFFFF, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = directory.getUint16(extra, true);
      const length = directory.getUint16(extra + 2, true);
      if (id === 1) {
        let field = extra + 4;
        for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
          if (entry[key] === 0xffffffff && field + 8 <= extra + 4 + length) {
            entry[key] = uint64(directory, field);
            field += 8;
          }
        }
      }
      extra += 4 + length;
    }
    entries.push(entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

/**
 * The entry's bytes, inflated from its slice of the file. Stops with SizeMismatchError as soon as
 * the output passes the declared size, so memory never holds more than the directory declared.
 * `onBytes` hears the bytes unpacked so far.
 */
export async function unpackEntry(file: Blob, entry: ZipEntry, onBytes?: (unpacked: number) => void): Promise<Uint8Array> {
  if (entry.encrypted) throw new DamagedZipError(`${entry.path} is versleuteld`);
  if (entry.method !== 0 && entry.method !== 8) throw new DamagedZipError(`${entry.path} gebruikt een onbekende compressiemethode (${entry.method})`);
  const local = await read(file, entry.localHeaderOffset, entry.localHeaderOffset + 30);
  if (local.getUint32(0, true) !== LOCAL_HEADER) throw new DamagedZipError(`${entry.path}: onleesbaar`);
  const start = entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const compressed = new Uint8Array(await file.slice(start, start + entry.compressedSize).arrayBuffer());
  if (compressed.byteLength !== entry.compressedSize) throw new DamagedZipError(`${entry.path}: het bestand houdt te vroeg op`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new SizeMismatchError(entry);
    onBytes?.(entry.size);
    return compressed;
  }
  const out = new Uint8Array(entry.size);
  let unpacked = 0;
  const inflater = new Inflate((chunk) => {
    if (unpacked + chunk.length > entry.size) throw new SizeMismatchError(entry);
    out.set(chunk, unpacked);
    unpacked += chunk.length;
  });
  try {
    for (let at = 0; at < compressed.length; at += STEP) {
      inflater.push(compressed.subarray(at, at + STEP), at + STEP >= compressed.length);
      onBytes?.(unpacked);
      // Let the page repaint (progress) between steps of a large entry.
      if (at % (256 * STEP) === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (compressed.length === 0) inflater.push(compressed, true);
  } catch (error) {
    if (error instanceof SizeMismatchError) throw error;
    throw new DamagedZipError(`${entry.path}: de gecomprimeerde gegevens zijn beschadigd`);
  }
  if (unpacked !== entry.size) throw new DamagedZipError(`${entry.path} pakt uit tot minder dan het zip-bestand opgeeft`);
  return out;
}
