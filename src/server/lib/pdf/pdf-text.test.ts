import { describe, expect, it } from 'vitest';
import { cleanText, graphemes, truncateText, wrapText } from './pdf-text';

describe('graphemes', () => {
  it('keeps what a reader sees as one character together', () => {
    expect(graphemes('a👨‍👩‍👧🇳🇱e\u0301👍🏽')).toEqual(['a', '👨‍👩‍👧', '🇳🇱', 'e\u0301', '👍🏽']);
    expect(graphemes('Ayşe 张伟')).toEqual(['A', 'y', 'ş', 'e', ' ', '张', '伟']);
    expect(graphemes('😀')).toEqual(['😀']);
  });
});

describe('cleanText', () => {
  it('composes letters and makes control characters spaces, keeping line breaks', () => {
    expect(cleanText('Cafe\u0301\r\nregel\ttab\u0007bel')).toBe('Café\nregel    tab bel');
  });
});

describe('wrapText', () => {
  const length = (text: string) => [...text].length;

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

  it('cuts a text without spaces between graphemes, never inside an emoji', () => {
    const chinese = '我们今天讨论了她的债务问题和孤独感';
    expect(wrapText(chinese, 5, length)).toEqual(['我们今天讨', '论了她的债', '务问题和孤', '独感']);
    const emoji = '👨‍👩‍👧'.repeat(5);
    // Each family is one grapheme of five code points: a width of 12 code points holds two.
    expect(wrapText(emoji, 12, length)).toEqual(['👨‍👩‍👧👨‍👩‍👧', '👨‍👩‍👧👨‍👩‍👧', '👨‍👩‍👧']);
  });

  it('asks the measure about words and spaces only, so it can be remembered per word', () => {
    const asked: string[] = [];
    wrapText('een twee drie een twee drie', 9, (t) => (asked.push(t), t.length));
    expect(new Set(asked)).toEqual(new Set([' ', 'een', 'twee', 'drie']));
  });
});

describe('truncateText', () => {
  const length = (text: string) => [...text].length;

  it('keeps a text that fits, and cuts one that does not with an ellipsis', () => {
    expect(truncateText('kort', 10, length)).toBe('kort');
    expect(truncateText('Dossier van Fatma Öztürk', 12, length)).toBe('Dossier van…');
    expect(truncateText('regel\nnog een', 20, length)).toBe('regel nog een');
  });
});
