// Every table of the web app goes through ScrollTable: a hand-made `kt-table-scroll` box is easily
// left out of the tab order (axe: scrollable-region-focusable at 390 px), and a bare table
// overflows the page on a phone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('../', import.meta.url));
const SELF = 'app/ScrollTable.tsx';

function sources(): { file: string; text: string }[] {
  return readdirSync(WEB, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => ({ file: f.split(path.sep).join('/'), text: readFileSync(path.join(WEB, f), 'utf8') }));
}

describe('ScrollTable', () => {
  it('is the only place that makes a kt-table-scroll box', () => {
    const files = sources().filter((s) => s.file !== SELF && s.text.includes('kt-table-scroll'));
    expect(files.map((s) => s.file)).toEqual([]);
  });

  it('is the only place that renders a table', () => {
    const files = sources().filter((s) => s.file !== SELF && /<(Table|table)[\s>]/.test(s.text));
    expect(files.map((s) => s.file)).toEqual([]);
  });

  it('sees the files it checks', () => {
    expect(sources().some((s) => s.file === SELF)).toBe(true);
  });
});
