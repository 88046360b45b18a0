import type { Book } from '@dmls/core';
import { accessibilityMetadata } from './accessibility.js';
import { chapterDocument, linkTargets, prepareChapter } from './chapter-page.js';
import { checkReferences } from './check-references.js';
import { colophonDocument } from './colophon.js';
import { coverSvg } from './cover.js';
import { coverDocument } from './cover-page.js';
import { toModified } from './dates.js';
import type { ContentDocument } from './document.js';
import { runEpubGen } from './epub-gen.js';
import { figureFiles } from './figure-files.js';
import { embeddedFonts } from './fonts.js';
import { glossaryDocument } from './glossary-page.js';
import { guide } from './landmarks.js';
import { FILES, ROOT } from './layout.js';
import { manifestItems } from './manifest.js';
import { navDocument } from './nav-page.js';
import { ncxDocument } from './ncx.js';
import { normaliseZip } from './normalise-zip.js';
import type { RenderEpubOptions, ResolvedOptions } from './options.js';
import { packageDocument } from './package-document.js';
import { stylesheet } from './stylesheet.js';
import { titlePageDocument } from './title-page.js';
import { serializeXhtml } from './xml.js';

/**
 * Renders a book as an EPUB 3 file (with an EPUB 2 NCX) and returns its bytes. Pure: it reads
 * nothing but the book and this package's own font, writes nothing, and the same book and options
 * always give the same bytes. Throws an {@link EpubInputError} naming the file and the fix when the
 * book cannot be made into a valid EPUB (a figure that is not SVG or not self-contained, a link
 * that does not resolve…).
 */
export async function renderEpub(book: Book, options: RenderEpubOptions = {}): Promise<Uint8Array> {
  const settings = resolveOptions(book, options);
  const fonts = settings.embedFonts ? embeddedFonts() : [];
  const figures = figureFiles(book);

  const prepared = [book.introduction, ...book.chapters].map((chapter) => prepareChapter(chapter));
  const targets = linkTargets(prepared);
  const chapters = prepared.map((item) => chapterDocument(book, item, targets));
  const nav = navDocument(book);
  const documents: ContentDocument[] = [
    coverDocument(book),
    titlePageDocument(book),
    nav,
    ...chapters,
    ...(book.glossary.length > 0 ? [glossaryDocument(book)] : []),
    colophonDocument(book, { version: settings.version, modified: settings.modified, fonts }),
  ];
  const resources = new Set([FILES.css, FILES.coverImage, ...figures.map((figure) => figure.href), ...fonts.map((font) => font.href)]);
  checkReferences(documents, resources);

  const xhtml = new Map(documents.map((document) => [document.id, serializeXhtml(document.page)]));
  const { items, hasMath } = manifestItems({ documents, nav, figures, fonts });
  const opf = packageDocument({
    book,
    modified: settings.modified,
    accessibility: accessibilityMetadata({ hasMath, certifiedBy: certifier(book) }),
    items,
    spine: documents.map((document) => document.id),
    guide: guide(book),
  });

  const zip = await runEpubGen({
    title: book.title,
    lang: book.language,
    date: settings.modified,
    css: stylesheet(fonts),
    coverSvg: coverSvg(book),
    documents: documents.filter((document) => document !== nav).map((document) => ({ title: document.title, file: document.file, xhtml: xhtml.get(document.id) ?? '' })),
    packageDocument: opf,
    ncx: ncxDocument(book),
    nav: xhtml.get(nav.id) ?? '',
    fonts,
  });
  return normaliseZip({
    zip,
    extra: Object.fromEntries(figures.map((figure) => [`${ROOT}${figure.href}`, figure.data])),
    order: [
      'META-INF/container.xml',
      ...[FILES.opf, FILES.ncx, FILES.css, ...documents.map((document) => document.file), FILES.coverImage].map((file) => `${ROOT}${file}`),
      ...figures.map((figure) => `${ROOT}${figure.href}`),
      ...fonts.map((font) => `${ROOT}${font.href}`),
    ],
    modified: settings.modified,
  });
}

/** Who vouches for the accessibility claims: the publisher, else the notes' author. */
function certifier(book: Book): string {
  return book.publisher ?? book.credits.find((credit) => credit.role === 'author')?.name ?? book.title;
}

function resolveOptions(book: Book, options: RenderEpubOptions): ResolvedOptions {
  return {
    version: options.version,
    modified: toModified(options.modified ?? book.modified),
    embedFonts: options.embedFonts ?? true,
  };
}
