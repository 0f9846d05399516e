// The fonts of the client's file. A name or a note may be in any script a resident writes (Turkish
// ğ ş ı İ, Arabic, Chinese, an emoji), and the file must print it as written, never as "?". No one
// font covers all of them, so the PDF uses a chain of Noto fonts (Google's family made to cover
// every script) and takes, per character, the first font of the chain that has it:
//   Noto Sans          Latin (with every European and Turkish letter), Greek, Cyrillic
//   Noto Sans Arabic   Arabic, Persian, Urdu letters
//   Noto Sans SC       Chinese (simplified and most traditional characters), Japanese kana
//   Noto Emoji         emoji, in black and white (a PDF text font has one colour)
// The TrueType files come from the npm packages of Expo's Google Fonts collection
// (@expo-google-fonts/*), which ship them unchanged. The fonts are under the SIL Open Font License
// 1.1 (each package's LICENSE_FONT), which allows embedding them in documents; the PDF embeds only
// the glyphs it uses (a subset).
import fs from 'node:fs';
import { createRequire } from 'node:module';

export type FontStyle = 'regular' | 'bold' | 'italic';

export interface FontFamily {
  name: string;
  /** The package file per style; a style a family has no file for uses its regular one. */
  files: { regular: string } & Partial<Record<FontStyle, string>>;
  /** Emoji are drawn in this family before any other that has the character (♥ and ☺ are in Noto Sans too). */
  emoji?: true;
}

/** The fallback chain, in the order a character is tried. */
export const FONT_CHAIN: readonly FontFamily[] = [
  {
    name: 'Noto Sans',
    files: {
      regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
      bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
      italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
    },
  },
  {
    name: 'Noto Sans Arabic',
    files: {
      regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
      bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
    },
  },
  {
    name: 'Noto Sans SC',
    files: {
      regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
      bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    },
  },
  {
    name: 'Noto Emoji',
    emoji: true,
    files: {
      regular: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
      bold: '@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf',
    },
  },
];

export function fontFileOf(family: FontFamily, style: FontStyle): string {
  return family.files[style] ?? family.files.regular;
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, Uint8Array>();

/** A font file's bytes, read once per process (or worker) and kept: the Chinese font is 10 MB. */
export function fontBytes(file: string): Uint8Array {
  let bytes = loaded.get(file);
  if (!bytes) {
    bytes = new Uint8Array(fs.readFileSync(require.resolve(file)));
    loaded.set(file, bytes);
  }
  return bytes;
}
