// The Content-Disposition of a download: the user's file name made safe. An ASCII `filename` every
// browser takes (no quotes, slashes, control characters or accents) and the name itself in
// `filename*` (RFC 6266, UTF-8), which modern browsers prefer.

/** Characters no file name on any system should get: control characters, path and quoting ones. */
const UNSAFE = /[\u0000-\u001f\u007f"\\/:*?<>|]+/g;

export function downloadFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(UNSAFE, '_').replace(/^\.+/, '').trim().slice(0, 200) || 'document';
  const ascii =
    base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._ -]+/g, '_')
      .replace(/_+/g, '_') || 'document';
  const encoded = encodeURIComponent(base).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
