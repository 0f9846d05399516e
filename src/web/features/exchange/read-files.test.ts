import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readFolder, readZip, TooLargeError, UnreadableZipError, uploadSize } from './read-files';

const MB = 1024 * 1024;
const clients = 'client_id,bsn\nC1,\n';
const cases = 'case_id,team_code,registered_on\nK1,zuilen,2016-01-04\n';

function zipFile(name: string, entries: Record<string, Uint8Array | string>): File {
  const bytes = zipSync(Object.fromEntries(Object.entries(entries).map(([path, content]) => [path, typeof content === 'string' ? strToU8(content) : content])));
  return new File([bytes], name);
}

/** The same zip with its central directory declaring `size` for the first entry. */
function declaringSize(zip: File, size: number): Promise<File> {
  return zip.arrayBuffer().then((buffer) => {
    const view = new DataView(buffer);
    const directory = view.getUint32(buffer.byteLength - 22 + 16, true);
    view.setUint32(directory + 24, size, true);
    return new File([buffer], zip.name);
  });
}

/** A folder's FileList, with files that must not be read (their text() fails). */
function folder(files: { path: string; content?: string; size?: number }[]): FileList {
  return files.map(({ path, content, size }) => {
    const file = new File([content ?? ''], path.split('/').pop()!);
    Object.defineProperty(file, 'webkitRelativePath', { value: path });
    if (size !== undefined) {
      Object.defineProperty(file, 'size', { value: size });
      file.text = () => Promise.reject(new Error(`${path} was read`));
    }
    return file;
  }) as unknown as FileList;
}

describe('reading the files to import', () => {
  it('keeps the format files of a zip, wherever they sit, and lists the rest', async () => {
    const zip = zipFile('export.zip', { 'export/clients.csv': clients, 'export/cases.csv': cases, 'export/leesmij.txt': 'x', 'andere/clients.csv': clients, '__MACOSX/._cases.csv': 'x' });
    const progress: number[] = [];
    const read = await readZip(zip, MB, (done) => progress.push(done));
    expect(read.found.map((f) => [f.name, f.path, f.text])).toEqual([
      ['clients.csv', 'export/clients.csv', clients],
      ['cases.csv', 'export/cases.csv', cases],
    ]);
    expect(read).toMatchObject({ ignored: ['export/leesmij.txt'], duplicates: ['andere/clients.csv'], missingRequired: [] });
    expect(progress.at(-1)).toBe(clients.length + cases.length);
  });

  it('refuses a zip whose declared sizes are over the limit, before inflating anything', async () => {
    // The data is not even deflate: inflating it would fail with "damaged", not "too large".
    const zip = await declaringSize(zipFile('groot.zip', { 'clients.csv': 'x'.repeat(1000) }), 3 * MB);
    const bytes = new Uint8Array(await zip.arrayBuffer());
    bytes.fill(0xff, 30 + 'clients.csv'.length, 40 + 'clients.csv'.length);
    const error = await readZip(new File([bytes], zip.name), 2 * MB).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooLargeError);
    expect((error as Error).message).toBe(
      'Uitgepakt zijn de CSV-bestanden in groot.zip groter dan 2 MB, de grens voor een import via de website. Een grotere geschiedenis importeert de beheerder van de server met de opdrachtregel (npm run cli -- import MAP); die leest de bestanden van schijf.',
    );
  });

  it('stops a zip bomb whose directory understates its size', async () => {
    const bomb = await declaringSize(zipFile('bom.zip', { 'clients.csv': new Uint8Array(16 * MB).fill(0x30), 'cases.csv': cases }), 100);
    const error = await readZip(bomb, 2 * MB).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableZipError);
    expect((error as Error).message).toMatch(/^bom\.zip is beschadigd of misleidend: clients\.csv pakt uit tot meer dan het zip-bestand opgeeft/);
  });

  it('says a file that is not a zip is not one', async () => {
    await expect(readZip(new File([clients], 'clients.zip'), MB)).rejects.toThrow('clients.zip is geen geldig zip-bestand of is beschadigd.');
  });

  it('refuses a folder over the limit without reading its files', async () => {
    const list = folder([
      { path: 'export/clients.csv', size: 1.5 * MB },
      { path: 'export/cases.csv', size: MB },
      { path: 'export/film.mp4', size: 900 * MB },
    ]);
    await expect(readFolder(list, 2 * MB)).rejects.toThrow(/^De CSV-bestanden in de map export zijn samen groter dan 2 MB, de grens/);
  });

  it('reads a folder under the limit, ignoring other files however large', async () => {
    const read = await readFolder(folder([{ path: 'export/clients.csv', content: clients }, { path: 'export/cases.csv', content: cases }, { path: 'export/film.mp4', size: 900 * MB }]), MB);
    expect(read.found.map((f) => f.text)).toEqual([clients, cases]);
    expect(read.ignored).toEqual(['export/film.mp4']);
  });

  it('refuses files that fit but whose request body would not (JSON escapes every quote and line end)', async () => {
    const quoted = 'client_id\n' + '"""",\n'.repeat(40_000);
    const list = folder([{ path: 'export/clients.csv', content: quoted }, { path: 'export/cases.csv', content: cases }]);
    const limit = quoted.length + cases.length + 100;
    await expect(readFolder(list, limit)).rejects.toThrow(/^De bestanden zijn samen groter dan [\d,]+ MB, de grens voor een import via de website/);
    const read = await readFolder(list, 2 * limit);
    expect(uploadSize(read)).toBeGreaterThan(limit);
  });
});
