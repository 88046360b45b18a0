import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { fontFileName } from './layout.js';

/** A font file embedded in the EPUB. */
export interface EmbeddedFont {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  license: string;
  /** File name inside `OEBPS/fonts/`. */
  fileName: string;
  /** Path inside `OEBPS/`. */
  href: string;
  /** `file:` URL of the font in this package's dependencies, which epub-gen-memory reads. */
  url: string;
  mediaType: string;
}

const require = createRequire(import.meta.url);

/**
 * The open fonts that the EPUB embeds: Source Code Pro (SIL Open Font License 1.1), the Latin
 * subset that Fontsource ships (about 12 kB), for code, whose alignment matters. Body text keeps the
 * reading system's typeface, which the reader chose.
 */
export function embeddedFonts(): EmbeddedFont[] {
  const fileName = 'source-code-pro-latin-400-normal.woff2';
  const path = require.resolve(`@fontsource/source-code-pro/files/${fileName}`);
  return [
    {
      family: 'Source Code Pro',
      weight: 400,
      style: 'normal',
      license: 'SIL Open Font License 1.1',
      fileName,
      href: fontFileName(fileName),
      url: pathToFileURL(path).href,
      mediaType: 'font/woff2',
    },
  ];
}
