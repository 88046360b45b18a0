import type { SiteFile } from './site-file.js';

/** The body font: Source Serif 4 (SIL Open Font License 1.1), Fontsource's Latin subset. */
const FONTS = [
  { file: 'source-serif-4-latin-400-normal.woff2', weight: 400, style: 'normal' },
  { file: 'source-serif-4-latin-400-italic.woff2', weight: 400, style: 'italic' },
  { file: 'source-serif-4-latin-700-normal.woff2', weight: 700, style: 'normal' },
] as const;

/** Fontsource's range for its Latin subset: text outside it falls back to the next family. */
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

/** The regular weight, which every page uses at once: pages preload it. */
export const bodyFontPath = (): string => `fonts/${FONTS[0].file}`;

/** `@font-face` rules, relative to `style.css`, so the site works under any base path. */
export function fontFaceCss(): string {
  return FONTS.map(
    (f) =>
      `@font-face { font-family: 'Source Serif 4'; font-style: ${f.style}; font-weight: ${f.weight}; font-display: swap; ` +
      `src: url(fonts/${f.file}) format('woff2'); unicode-range: ${LATIN_RANGE}; }`,
  ).join('\n');
}

let cached: SiteFile[] | undefined;

/**
 * The files that every site copies from this package's dependencies: the font and its licence,
 * and MiniSearch's browser build for the search page. Read once per process (the dev server
 * renders the site many times). Node's modules are reached through `process.getBuiltinModule`
 * rather than imported, so that bundling `renderChapterHtml` for a browser pulls in no `node:` module.
 */
export function siteAssets(): SiteFile[] {
  if (cached) return cached;
  const node = globalThis.process;
  if (typeof node?.getBuiltinModule !== 'function') throw new Error('renderSite reads its font and search files from disk: it needs Node.js 20.16 or later.');
  const { readFileSync } = node.getBuiltinModule('node:fs');
  const { createRequire } = node.getBuiltinModule('node:module');
  const { dirname, join } = node.getBuiltinModule('node:path');
  const require = createRequire(import.meta.url);
  // MiniSearch exports no path to its UMD build, which a classic <script> needs (module scripts
  // are blocked on file:// pages); it sits beside the CommonJS entry.
  const miniSearchUmd = join(dirname(require.resolve('minisearch')), '..', 'umd', 'index.js');
  cached = [
    ...FONTS.map((f) => ({ path: `fonts/${f.file}`, content: new Uint8Array(readFileSync(require.resolve(`@fontsource/source-serif-4/files/${f.file}`))) })),
    { path: 'fonts/LICENSE-source-serif-4.txt', content: readFileSync(require.resolve('@fontsource/source-serif-4/LICENSE'), 'utf8') },
    { path: 'assets/minisearch.js', content: readFileSync(miniSearchUmd, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n') },
  ];
  return cached;
}
