import { EPub, type Options } from 'epub-gen-memory';
import type { EmbeddedFont } from './fonts.js';

/** What epub-gen-memory packages: every text file of the EPUB, written by us. */
export interface EpubGenInput {
  title: string;
  lang: string;
  /** ISO date, passed so that the library does not read the clock. */
  date: string;
  css: string;
  coverSvg: string;
  documents: { title: string; file: string; xhtml: string }[];
  packageDocument: string;
  ncx: string;
  nav: string;
  fonts: readonly EmbeddedFont[];
}

/**
 * Runs epub-gen-memory to lay out the container: `mimetype`, `META-INF/container.xml`, the
 * stylesheet, the content documents, the package document, the NCX, the navigation document, the
 * cover image and the fonts (read from `file:` URLs in this package's dependencies).
 *
 * Its defaults are unfit for a reproducible, valid EPUB, so each template is replaced by one that
 * prints a document we built (`<%- … %>`): its chapter template would rewrite our XHTML with an
 * HTML parser that drops MathML namespaces, `width`/`height` and `data-*` attributes; its package
 * template uses `Math.random` ids and `new Date()`; it would download `http(s)` images. Chapters
 * are passed with empty `content` (nothing for it to parse or download) and their XHTML in
 * `xhtml`; `prependChapterTitles` is off because our pages carry their own headings (with the
 * chapter number and ARIA labelling). The zip it returns is stored, not compressed: the caller
 * rewrites it anyway (see `normaliseZip`).
 */
export async function runEpubGen(input: EpubGenInput): Promise<Uint8Array> {
  const options: Options & { dmls: { opf: string; ncx: string; nav: string } } = {
    title: input.title,
    lang: input.lang,
    date: input.date,
    css: input.css,
    cover: new File([input.coverSvg], 'cover.svg', { type: 'image/svg+xml' }),
    prependChapterTitles: false,
    tocInTOC: false,
    numberChaptersInTOC: false,
    chapterXHTML: '<%- xhtml %>',
    contentOPF: '<%- dmls.opf %>',
    tocNCX: '<%- dmls.ncx %>',
    tocXHTML: '<%- dmls.nav %>',
    fonts: input.fonts.map((font) => ({ filename: font.fileName, url: font.url })),
    version: 3,
    verbose: false,
    ignoreFailedDownloads: false,
    dmls: { opf: input.packageDocument, ncx: input.ncx, nav: input.nav },
  };
  const chapters = input.documents.map((document) => ({
    title: document.title,
    filename: document.file,
    content: '',
    excludeFromToc: true,
    xhtml: document.xhtml,
  }));
  const epub = new EPub(options, chapters);
  await epub.render();
  return epub.generateAsync({ type: 'uint8array', compression: 'STORE' });
}
