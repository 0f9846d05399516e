import { describe, expect, it } from 'vitest';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { DamagedZipError, listZip, SizeMismatchError, unpackEntry } from './zip-entries';

const blob = (bytes: Uint8Array) => new Blob([bytes.slice()]);

/** Where the central directory starts, from the end record fflate writes (no comment). */
function directoryOffset(zip: Uint8Array): number {
  return new DataView(zip.buffer, zip.byteOffset).getUint32(zip.length - 22 + 16, true);
}

/** Sets the uncompressed size the directory (and the local header) declares for the first entry. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const entry = directoryOffset(copy);
  view.setUint32(entry + 24, size, true);
  view.setUint32(view.getUint32(entry + 42, true) + 22, size, true);
  return copy;
}

/** One stored entry written the ZIP64 way: every size and offset in the ZIP64 records, 0xFFFFFFFF in the old fields. */
function zip64Stored(name: string, data: Uint8Array): Uint8Array {
  const nameBytes = strToU8(name);
  const parts: Uint8Array[] = [];
  const record = (size: number, fill: (view: DataView) => void) => {
    const bytes = new Uint8Array(size);
    fill(new DataView(bytes.buffer));
    parts.push(bytes);
    return bytes;
  };
  record(30, (v) => {
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 45, true);
    v.setUint32(18, data.length, true);
    v.setUint32(22, data.length, true);
    v.setUint16(26, nameBytes.length, true);
  });
  parts.push(nameBytes, data);
  const directoryStart = 30 + nameBytes.length + data.length;
  record(46, (v) => {
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 45, true);
    v.setUint16(6, 45, true);
    v.setUint16(8, 0x800, true);
    v.setUint32(20, 0xffffffff, true);
    v.setUint32(24, 0xffffffff, true);
    v.setUint16(28, nameBytes.length, true);
    v.setUint16(30, 28, true);
    v.setUint32(42, 0xffffffff, true);
  });
  parts.push(nameBytes);
  record(28, (v) => {
    v.setUint16(0, 1, true);
    v.setUint16(2, 24, true);
    v.setBigUint64(4, BigInt(data.length), true);
    v.setBigUint64(12, BigInt(data.length), true);
    v.setBigUint64(20, 0n, true);
  });
  const directorySize = 46 + nameBytes.length + 28;
  const zip64End = directoryStart + directorySize;
  record(56, (v) => {
    v.setUint32(0, 0x06064b50, true);
    v.setBigUint64(4, 44n, true);
    v.setBigUint64(24, 1n, true);
    v.setBigUint64(32, 1n, true);
    v.setBigUint64(40, BigInt(directorySize), true);
    v.setBigUint64(48, BigInt(directoryStart), true);
  });
  record(20, (v) => {
    v.setUint32(0, 0x07064b50, true);
    v.setBigUint64(8, BigInt(zip64End), true);
    v.setUint32(16, 1, true);
  });
  record(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, 0xffff, true);
    v.setUint16(10, 0xffff, true);
    v.setUint32(12, 0xffffffff, true);
    v.setUint32(16, 0xffffffff, true);
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

const csv = strToU8('client_id,bsn\n' + 'C1,\n'.repeat(5000));

describe('reading a zip', () => {
  it('lists the entries with their declared sizes and unpacks deflated and stored ones', async () => {
    const zip = zipSync({ 'map/clients.csv': csv, 'map/cases.csv': [strToU8('case_id\nK1\n'), { level: 0 }], 'map/': new Uint8Array() });
    const entries = await listZip(blob(zip));
    expect(entries.map((e) => [e.path, e.size])).toEqual([
      ['map/clients.csv', csv.length],
      ['map/cases.csv', 11],
      ['map/', 0],
    ]);
    expect(entries.slice(0, 2).map((e) => e.method)).toEqual([8, 0]);
    expect(await unpackEntry(blob(zip), entries[0]!)).toEqual(csv);
    expect(new TextDecoder().decode(await unpackEntry(blob(zip), entries[1]!))).toBe('case_id\nK1\n');
  });

  it('unpacks entries written with data descriptors (sizes only after the data), as streaming zippers do', async () => {
    const chunks: Uint8Array[] = [];
    const zipper = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const file = new ZipDeflate('clients.csv');
    zipper.add(file);
    file.push(csv, true);
    zipper.end();
    const zip = new Uint8Array(await new Blob(chunks.map((c) => c.slice())).arrayBuffer());
    const [entry] = await listZip(blob(zip));
    expect(entry).toMatchObject({ path: 'clients.csv', size: csv.length });
    expect(await unpackEntry(blob(zip), entry!)).toEqual(csv);
  });

  it('reads the ZIP64 records', async () => {
    const data = strToU8('case_id\nK1\n');
    const zip = zip64Stored('cases.csv', data);
    const entries = await listZip(blob(zip));
    expect(entries).toEqual([{ path: 'cases.csv', size: data.length, compressedSize: data.length, method: 0, encrypted: false, localHeaderOffset: 0 }]);
    expect(await unpackEntry(blob(zip), entries[0]!)).toEqual(data);
  });

  it('stops an entry that unpacks into more than it declared', async () => {
    const bomb = new Uint8Array(8 * 1024 * 1024).fill(0x30);
    const zip = declareSize(zipSync({ 'clients.csv': bomb }), 1000);
    const [entry] = await listZip(blob(zip));
    expect(entry!.size).toBe(1000);
    await expect(unpackEntry(blob(zip), entry!)).rejects.toBeInstanceOf(SizeMismatchError);
  });

  it('refuses a stored entry whose sizes disagree, and one that unpacks into less than declared', async () => {
    const stored = declareSize(zipSync({ 'cases.csv': [csv, { level: 0 }] }), csv.length + 1);
    await expect(unpackEntry(blob(stored), (await listZip(blob(stored)))[0]!)).rejects.toBeInstanceOf(SizeMismatchError);
    const short = declareSize(zipSync({ 'cases.csv': csv }), csv.length + 1);
    await expect(unpackEntry(blob(short), (await listZip(blob(short)))[0]!)).rejects.toBeInstanceOf(DamagedZipError);
  });

  it('refuses what is not a zip, a cut-off zip, a damaged entry and an encrypted one', async () => {
    await expect(listZip(blob(csv))).rejects.toBeInstanceOf(DamagedZipError);
    const zip = zipSync({ 'clients.csv': csv });
    await expect(listZip(blob(zip.subarray(10)))).rejects.toBeInstanceOf(DamagedZipError);
    const [entry] = await listZip(blob(zip));
    const broken = zip.slice();
    broken.fill(0xff, 40, 60);
    await expect(unpackEntry(blob(broken), entry!)).rejects.toBeInstanceOf(DamagedZipError);
    await expect(unpackEntry(blob(zip), { ...entry!, encrypted: true })).rejects.toThrow(/versleuteld/);
    await expect(unpackEntry(blob(zip), { ...entry!, method: 12 })).rejects.toThrow(/compressiemethode/);
  });
});
