// The files of the iWmo folders: written so that a reader (the gateway that picks up the outbox)
// never sees half a file, moved so that nothing is overwritten, and listed in name order.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `text` (UTF-8, no BOM) as `dir/name`: first to a hidden temporary file in the same folder,
 * flushed to disk, then renamed over the name in one step, and the folder flushed, so the file is
 * either absent or whole, also after a crash.
 */
export async function writeFileAtomic(dir: string, name: string, text: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', 0o640);
  try {
    await handle.writeFile(Buffer.from(text, 'utf8'));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temporary, path.join(dir, name));
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Moves `dir/name` into `dir/<sub>/`, under its own name or, when that is taken (a provider may reuse
 * a file name), with `-2`, `-3`… before `.xml`. Answers the new name, or null when the file was gone
 * (another run moved it first).
 */
export async function moveInto(dir: string, name: string, sub: string): Promise<string | null> {
  const target = path.join(dir, sub);
  await fs.mkdir(target, { recursive: true });
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${base}-${n}${ext}`;
    // A plain rename would replace a file of the same name. Checking first works on shares without
    // hard links; the only other mover is a second run with this same file, whose rename then finds
    // the source gone.
    if (await exists(path.join(target, candidate))) continue;
    try {
      await fs.rename(path.join(dir, name), path.join(target, candidate));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    await syncDirectory(target);
    await syncDirectory(dir);
    return candidate;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** The `*.xml` files directly in `dir` (not in its sub-folders), in name order. */
export async function xmlFilesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.xml') && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
