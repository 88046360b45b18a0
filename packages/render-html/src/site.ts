import { createHash } from 'node:crypto';
import type { Book, Chapter } from '@dmls/core';
import { contentCss } from '@dmls/theme';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { adaptTree, type Reference } from './adapt-tree.js';
import { chapterLabel, glossaryList, noteAuthors, sourceAuthor } from './book-parts.js';
import { baseUrl, headMeta, renderPage, type ShellOptions } from './page.js';
import { searchDocuments, searchIndexScript, type SearchDocument } from './search-index.js';
import { searchScript } from './search-script.js';
import { fontFaceCss, siteAssets } from './site-assets.js';
import type { SiteFile } from './site-file.js';
import { cached, chapterContent, chapterKey, type RenderCache } from './render-cache.js';
import { singlePage } from './single-page.js';
import siteCss from './site.css';

export type { SiteFile } from './site-file.js';
export { createRenderCache, readRenderCache, writeRenderCache, type RenderCache } from './render-cache.js';

export interface SiteOptions {
  /** Package version, shown in the footer and on the single-page edition. */
  version?: string;
  /** Absolute URL where the site will live (e.g. `https://example.org/dmls/`), for canonical links, Open Graph and the sitemap. Links inside the site are relative either way. */
  siteUrl?: string;
  /**
   * JavaScript run at the end of every page's `<body>` (a dev server's live reload). Inserted as
   * is: it must not contain `</script>`.
   */
  injectScript?: string;
  /** Render only these paths (a dev server renders each page when it is asked for). */
  only?: readonly string[];
  /**
   * Chapter content rendered before (by an earlier build or, in memory, an earlier render): a
   * chapter whose HTML has not changed is not rendered again. Same output with it as without.
   */
  cache?: RenderCache;
}

const GLOSSARY = 'glossary.html';

/**
 * The reading site: home, a page per chapter, glossary, search, single-page edition, 404, CSS,
 * fonts, figures, search index and, given `siteUrl`, a sitemap. Every link is relative, so the
 * files can be served under any path or opened from disk.
 */
export function renderSite(book: Book, options: SiteOptions = {}): SiteFile[] {
  const all = [book.introduction, ...book.chapters];
  const pageOf = (id: string) => `${id === book.introduction.id ? 'index' : id}.html`;
  const link = (ref: Reference) => `${pageOf(ref.chapter)}${ref.section ? `#${ref.section}` : ''}`;
  const wanted = options.only ? new Set(options.only) : undefined;
  const want = (path: string) => !wanted || wanted.has(path);
  const files: SiteFile[] = [];
  // Each file is built only when wanted: the content is a function of the path.
  const add = (path: string, content: () => string | Uint8Array) => {
    if (want(path)) files.push({ path, content: content() });
  };
  all.forEach((chapter, i) => add(pageOf(chapter.id), () => chapterPage(book, options, chapter, link, all[i - 1], all[i + 1])));
  const base = baseUrl(options.siteUrl);
  const page = (path: string, title: string, description: string, body: () => ElementContent[], extra: { searchBox?: boolean; scripts?: string[]; base?: string } = {}) =>
    add(path, () => renderPage(book, options, { path, title, description, current: path === GLOSSARY ? 'glossary' : '', body: body(), ...extra }));

  page(GLOSSARY, `Glossary · ${book.title}`, `Definitions of ${book.glossary.length} key terms of ${book.title}.`, () => [
    h('header.chapter-head', [h('h1', 'Glossary')]),
    glossaryList(book, link),
  ]);
  page('search.html', `Search · ${book.title}`, `Search the full text of ${book.title}.`, searchBody, { searchBox: false, scripts: [searchScript()] });
  page('404.html', `Page not found · ${book.title}`, 'This page does not exist.', () => [
    h('header.chapter-head', [h('h1', 'Page not found')]),
    h('p', ['There is no page at this address. Start from ', h('a', { href: 'index.html' }, 'the home page'), ' or ', h('a', { href: 'search.html' }, 'search'), '.']),
  ], base ? { base } : {});
  add('book.html', () =>
    singlePage(
      book,
      {
        ...(options.version ? { version: options.version } : {}),
        ...(options.injectScript ? { injectScript: options.injectScript } : {}),
        css: fontFaceCss(),
        head: headMeta(book, options, 'book.html', `${book.title} (single page)`, book.description),
      },
      options.cache,
    ),
  );
  add('style.css', () => `${fontFaceCss()}\n${contentCss}\n${siteCss}`);
  add('search-index.js', () => {
    const { cache } = options;
    if (!cache) return searchIndexScript(searchDocuments(book, link, GLOSSARY));
    // The index is a function of its documents, kept under their hash. The documents are made
    // from the chapters (which their keys stand for, and the links, for the introduction's id)
    // and the glossary: a build where none of these changed finds the documents' hash without
    // making them; one where the searchable text did not change (an edit in a footnote) reuses
    // the index after making them.
    let documents: SearchDocument[] | undefined;
    const made = () => (documents ??= searchDocuments(book, link, GLOSSARY, cache));
    const sources = sha256(JSON.stringify([book.introduction.id, all.map((c) => chapterKey(['search'], c)), book.glossary]));
    const index = cached(cache, `search-sources ${sources}`, () => `search-index ${sha256(JSON.stringify(made()))}`);
    return cached(cache, index, () => searchIndexScript(made()));
  });
  add('favicon.svg', () => FAVICON);
  for (const asset of siteAssets()) if (want(asset.path)) files.push(asset);
  for (const chapter of all) for (const figure of chapter.figures) add(figure.src, () => figure.svg);
  if (base) {
    const pages = [...all.map((c) => pageOf(c.id)), GLOSSARY, 'book.html'].map((path) => ({ path }));
    const urls = pages.map((f) => `  <url><loc>${escapeXml(base + f.path)}</loc><lastmod>${book.modified.slice(0, 10)}</lastmod></url>`);
    add('sitemap.xml', () => `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
    add('robots.txt', () => `User-agent: *\nAllow: /\nSitemap: ${base}sitemap.xml\n`);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function chapterPage(book: Book, options: SiteOptions, chapter: Chapter, link: (ref: Reference) => string, previous?: Chapter, next?: Chapter): string {
  const isHome = chapter === book.introduction;
  // Links depend on the chapters' ids and on which is the introduction (index.html).
  const content = chapterContent(options.cache, ['page', book.introduction.id], chapter, () =>
    adaptTree(chapter, { resolveLink: link, headingAnchors: true }).children as ElementContent[],
  );
  const body: ElementContent[] = [
    isHome
      ? h('header.chapter-head', [
          h('p.chapter-label', 'Study notes'),
          h('h1', book.title),
          book.subtitle ? h('p.summary', book.subtitle) : h('p.summary', chapter.summary),
          h('p.meta', `Notes on ${book.source.title} by ${sourceAuthor(book)} (${book.source.publisher}, ${book.source.year}), written by ${noteAuthors(book)}.`),
        ])
      : h('header.chapter-head', [
          h('p.chapter-label', chapterLabel(chapter)),
          h('h1', chapter.title),
          h('p.summary', chapter.summary),
          h('p.meta', `${chapter.readingMinutes} min read · ${chapter.wordCount.toLocaleString('en')} words`),
        ]),
    ...content,
    ...(isHome ? [contents(book, link)] : []),
    h('nav.prev-next', { ariaLabel: 'Previous and next chapter' }, [
      previous ? h('a.prev', { href: link({ chapter: previous.id }), rel: 'prev' }, [h('span.dir', 'Previous'), previous.title]) : h('span'),
      next
        ? h('a.next', { href: link({ chapter: next.id }), rel: 'next' }, [h('span.dir', 'Next'), next.title])
        : h('a.next', { href: GLOSSARY }, [h('span.dir', 'Next'), 'Glossary']),
    ]),
  ];
  const outline = chapter.sections.map((s) => ({ id: s.id, title: s.title }));
  return renderPage(book, options, {
    path: link({ chapter: chapter.id }),
    title: isHome ? `${book.title}: study notes` : pageTitle(chapter.title, book.title),
    description: chapter.summary,
    current: chapter.id,
    body,
    outline: isHome ? [...outline, { id: 'book-contents', title: 'Contents' }] : outline,
  });
}

/** The home page's table of contents: every chapter with its summary. */
function contents(book: Book, link: (ref: Reference) => string): ElementContent {
  return h('section.book-contents', { ariaLabelledBy: 'book-contents' }, [
    h('h2', { id: 'book-contents' }, 'Contents'),
    h('ol.contents-list', [
      ...book.chapters.map((chapter) =>
        h('li', [
          h('a.contents-title', { href: link({ chapter: chapter.id }) }, [h('span.toc-number', String(chapter.number)), ' ', chapter.title]),
          h('p.contents-summary', chapter.summary),
        ]),
      ),
      h('li', [h('a.contents-title', { href: GLOSSARY }, 'Glossary'), h('p.contents-summary', `Definitions of ${book.glossary.length} key terms.`)]),
    ]),
  ]);
}

/** The search page works from its query string, so a search box anywhere can submit to it. */
function searchBody(): ElementContent[] {
  return [
    h('header.chapter-head', [h('h1', 'Search')]),
    h('form#search-form.search-form', { role: 'search', action: 'search.html' }, [
      h('label', { htmlFor: 'search-input' }, 'Search the notes'),
      h('div.search-row', [
        h('input#search-input', { type: 'search', name: 'q', autoComplete: 'off' }),
        h('button', { type: 'submit' }, 'Search'),
      ]),
    ]),
    h('noscript', h('p', ['Search needs JavaScript. Without it, browse the ', h('a', { href: 'index.html#book-contents' }, 'contents'), ' or the ', h('a', { href: GLOSSARY }, 'glossary'), '.'])),
    h('p#search-status.search-status', { role: 'status' }),
    h('ol#search-results.search-results'),
  ];
}

/** "Chapter · Book", or the chapter alone where both would pass the 70 characters that search results show. */
function pageTitle(title: string, bookTitle: string): string {
  const full = `${title} · ${bookTitle}`;
  return full.length <= 70 ? full : title;
}

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0550ae"/>' +
  '<path d="M8 8h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H8zM24 8h-3a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h4z" fill="#fff"/></svg>\n';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
