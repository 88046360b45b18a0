import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * The open fonts the PDF embeds (all SIL Open Font License 1.1), as Fontsource packages ship them,
 * in their Latin and Greek subsets (characters outside them fall back to a system font).
 */
const FACES: ReadonlyArray<readonly [pkg: string, files: readonly string[]]> = [
  ['@fontsource/source-serif-4', ['400', '400-italic', '600', '600-italic', '700', '700-italic']],
  ['@fontsource/source-sans-3', ['400', '400-italic', '600', '700', '800']],
  ['@fontsource/source-code-pro', ['400', '400-italic', '600']],
  ['@fontsource/noto-sans-math', ['400']],
];
const SUBSETS = /^\/\* [a-z0-9-]+-(latin|latin-ext|greek|greek-ext)-\d+-(normal|italic) \*\/$/m;

export const FONT_FAMILIES = {
  body: "'Source Serif 4'",
  ui: "'Source Sans 3'",
  mono: "'Source Code Pro'",
  math: "'Noto Sans Math'",
} as const;

/** Folders the page may load font files from. */
export function fontDirs(): string[] {
  return FACES.map(([pkg]) => path.dirname(require.resolve(`${pkg}/package.json`)));
}

/**
 * `@font-face` rules for every face, pointing at the font files inside this package's dependencies
 * (`file:` URLs: nothing is fetched from the network and no system font is needed). Fontsource's
 * own CSS is reused for its `unicode-range` subsets, so Chromium reads only the subsets in use.
 */
export function fontFaceCss(): string {
  return FACES.flatMap(([pkg, files]) => {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    const base = pathToFileURL(dir).href;
    const math = pkg.endsWith('-math');
    return files.flatMap((file) =>
      readFileSync(path.join(dir, `${file}.css`), 'utf8')
        .split(/\n(?=\/\*)/)
        .filter((face) => SUBSETS.test(face))
        .map((face) =>
          face
            .replaceAll('url(./files/', `url(${base}/files/`)
            .replace('font-display: swap', 'font-display: block')
            // The math font's file is the whole font; its declared range covers only Latin.
            .replace(math ? /\n\s*unicode-range:[^;]*;/ : /$^/, ''),
        ),
    );
  }).join('\n');
}
