import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { isWinAnsi, toWinAnsi, wrapText } from './pdf-text';

describe('toWinAnsi', () => {
  it('keeps Dutch text and the WinAnsi punctuation', () => {
    expect(toWinAnsi('Cliënt één “zegt” ‘ja’ – € 5,— …')).toBe('Cliënt één “zegt” ‘ja’ – € 5,— …');
  });

  it('replaces what Helvetica cannot encode', () => {
    expect(toWinAnsi('Wałęsa Dvořák Őrség')).toBe('Walesa Dvorák Orség');
    expect(toWinAnsi('score ≥ 3 → goed')).toBe('score >= 3 -> goed');
    expect(toWinAnsi('blij 😀 ok')).toBe('blij ? ok');
    expect(toWinAnsi('zero\u200bwidth\u00adhyphen\ttab')).toBe('zerowidthhyphen tab');
    expect(toWinAnsi('日本')).toBe('??');
  });

  it('gives only characters the standard Helvetica font can encode', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const every = Array.from({ length: 0x3000 }, (_, i) => String.fromCodePoint(i + 0x20)).join('');
    const safe = toWinAnsi(every);
    expect([...safe].every(isWinAnsi)).toBe(true);
    expect(() => font.widthOfTextAtSize(safe, 10)).not.toThrow();
    expect(() => font.encodeText(safe)).not.toThrow();
    // And the check is real: Helvetica refuses a character outside WinAnsi.
    expect(() => font.encodeText('ő')).toThrow();
  });
});

describe('wrapText', () => {
  const length = (text: string) => text.length;

  it('wraps on spaces, keeps hard breaks and cuts a word longer than a line', () => {
    expect(wrapText('een twee drie vier', 9, length)).toEqual(['een twee', 'drie vier']);
    expect(wrapText('regel een\nregel twee', 20, length)).toEqual(['regel een', 'regel twee']);
    expect(wrapText('abcdefghijklmnop kort', 6, length)).toEqual(['abcdef', 'ghijkl', 'mnop', 'kort']);
    expect(wrapText('', 10, length)).toEqual(['']);
  });

  it('never returns a line wider than the width', () => {
    const text = 'Mevrouw wil liever een mannelijke hulpverlener; schulden lopen via Humanitas. '.repeat(20);
    for (const width of [5, 17, 40, 80]) {
      const lines = wrapText(text, width, length);
      expect(lines.every((l) => l.length <= width)).toBe(true);
      expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    }
  });
});
