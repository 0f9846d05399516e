import { describe, expect, it } from 'vitest';
import { mirroredReverse, paragraphDirection, reversed, visualItems } from './pdf-bidi';

/** A font per script, as the typesetter would choose: 1 for Arabic letters, 0 for the rest. */
const fontOf = (g: string) => (/\p{Script=Arabic}/u.test(g) ? 1 : 0);
const drawn = (line: string, direction: 'ltr' | 'rtl') => visualItems(line, fontOf, direction).map((i) => `${i.rtl ? '<' : '>'}${i.text}`);

describe('paragraphDirection', () => {
  it('is the direction of the first strong letter', () => {
    expect(paragraphDirection('Mevrouw heet محمد')).toBe('ltr');
    expect(paragraphDirection('محمد heet meneer')).toBe('rtl');
    expect(paragraphDirection('123 (محمد)')).toBe('rtl');
    expect(paragraphDirection('123 ...')).toBe('ltr');
  });
});

describe('visualItems', () => {
  it('leaves a left-to-right line as one item per font', () => {
    expect(drawn('Ayşe Yılmaz', 'ltr')).toEqual(['>Ayşe Yılmaz']);
  });

  it('puts an Arabic name inside Dutch text where it belongs, its words right to left', () => {
    // Logical: "heet " + محمد + " " + العلي + " nu"; the two Arabic words (and the space between) read right to left.
    expect(drawn('heet محمد العلي nu', 'ltr')).toEqual(['>heet ', '<العلي', '< ', '<محمد', '> nu']);
  });

  it('orders a right-to-left paragraph from the right, numbers inside it left to right', () => {
    expect(drawn('منذ 2015 هنا', 'rtl')).toEqual(['<هنا', '< ', '>2015', '< ', '<منذ']);
  });

  it('returns nothing for an empty line', () => {
    expect(visualItems('', fontOf, 'ltr')).toEqual([]);
  });
});

describe('reversed and mirroredReverse', () => {
  it('turn graphemes, not code points, and mirror brackets only when asked', () => {
    expect(reversed('a👍🏽b')).toBe('b👍🏽a');
    expect(mirroredReverse('(a)')).toBe('(a)');
    expect(mirroredReverse('[x<')).toBe('>x]');
  });
});
