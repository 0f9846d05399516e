// The optional extra list of forbidden passwords (PASSWORD_DENYLIST_FILE): one password a line,
// e.g. the most common passwords of a breach corpus. Read once per file, in lower case; the
// rules themselves are in password-rules.ts.
import fs from 'node:fs';
import readline from 'node:readline';

const loaded = new Map<string, Promise<ReadonlySet<string>>>();

const EMPTY: ReadonlySet<string> = new Set();

export function loadPasswordDenylist(file: string | undefined): Promise<ReadonlySet<string>> {
  if (!file) return Promise.resolve(EMPTY);
  let list = loaded.get(file);
  if (!list) {
    list = readList(file);
    loaded.set(file, list);
    list.catch(() => loaded.delete(file));
  }
  return list;
}

async function readList(file: string): Promise<ReadonlySet<string>> {
  // Line by line: a breach list can be large, and the whole text need not be in memory at once.
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const passwords = new Set<string>();
  for await (const line of lines) {
    const password = line.trim();
    if (password) passwords.add(password.toLowerCase());
  }
  return passwords;
}
