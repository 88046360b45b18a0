import type { Book, Chapter } from '@dmls/core';
import { contentCss } from '@dmls/theme';
import type { Element, ElementContent, Root } from 'hast';
import { chapterContent, type RenderCache } from './render-cache.js';
import { toHtml } from './to-html.js';
import { h } from 'hastscript';
import { adaptTree, type Reference } from './adapt-tree.js';
import { injected } from './page.js';
import { chapterLabel, colophon, documentHead, glossaryList, noteAuthors, sourceAuthor, tocList } from './book-parts.js';
import siteCss from './site.css';

export interface SinglePageOptions {
  /** Package version, shown on the title page and colophon. */
  version?: string;
  /** Extra CSS appended after the shared styles (the PDF edition adds its print styles here). */
  css?: string;
  /** Maps a figure's `src` to the URL to load it from (default: unchanged, `figures/x.svg`). */
  figureSrc?: (src: string) => string;
  /** Page numbers for the table of contents, by link target (`#chapter--section`). */
  pageOf?: (href: string) => number | undefined;
  /** Extra elements at the top of `<head>` (canonical link, meta tags). */
  head?: ElementContent[];
  /** JavaScript run at the end of `<body>` (a dev server's live reload); must not contain `</script>`. */
  injectScript?: string;
}

/** The `id` a chapter's element gets on the single page, and the prefix of the ids inside it. */
export const singlePageLink = (ref: Reference): string => `#${ref.chapter}${ref.section ? `--${ref.section}` : ''}`;

/**
 * The whole book on one page: title page, colophon, contents, introduction, chapters, glossary.
 * It is the site's `book.html` and, with print CSS, the source of the PDF edition.
 */
export function renderSinglePage(book: Book, options: SinglePageOptions = {}): string {
  return singlePage(book, options);
}

/** The single page, with each chapter's content from `cache` where it has it (never with `figureSrc`, a function). */
export function singlePage(book: Book, options: SinglePageOptions, cache?: RenderCache): string {
  const chapterSection = (chapter: Chapter): Element => {
    const content = chapterContent(options.figureSrc ? undefined : cache, ['single'], chapter, () =>
      adaptTree(chapter, {
        idPrefix: `${chapter.id}--`,
        resolveLink: singlePageLink,
        ...(options.figureSrc ? { figureSrc: options.figureSrc } : {}),
      }).children as ElementContent[],
    );
    return h('section.chapter', { id: chapter.id, ariaLabelledBy: `${chapter.id}--title`, dataChapterTitle: chapter.title }, [
      h('header.chapter-head', [
        h('p.chapter-label', chapterLabel(chapter)),
        h('h1', { id: `${chapter.id}--title` }, chapter.title),
      ]),
      ...content,
    ]);
  };
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: book.language }, [
        h('head', [
          ...documentHead(book, `${book.title}${book.subtitle ? `: ${book.subtitle}` : ''}`, book.description),
          ...(options.head ?? []),
          h('style', `${contentCss}\n${siteCss}\n${options.css ?? ''}`),
        ]),
        h('body.single-page', [
          h('main', [
            h('section.titlepage', { ariaLabel: 'Title page' }, [
              h('p.book-title', book.title),
              book.subtitle ? h('p.book-subtitle', book.subtitle) : undefined,
              h('p.book-credit', `Notes on ${book.source.title} by ${sourceAuthor(book)}`),
              h('p.book-authors', noteAuthors(book)),
              options.version ? h('p.book-version', `Version ${options.version}`) : undefined,
            ].filter((e) => e !== undefined)),
            h('section.colophon', { ariaLabel: 'Colophon' }, colophon(book, options.version)),
            h('nav.book-toc', { ariaLabelledBy: 'contents-title' }, [
              h('h1', { id: 'contents-title' }, 'Contents'),
              tocList(book, singlePageLink, { depth: 3, glossary: '#glossary', ...(options.pageOf ? { pageOf: options.pageOf } : {}) }),
            ]),
            ...[book.introduction, ...book.chapters].map(chapterSection),
            book.glossary.length > 0
              ? h('section.chapter.glossary-section', { id: 'glossary', ariaLabelledBy: 'glossary--title', dataChapterTitle: 'Glossary' }, [
                  h('header.chapter-head', [h('h1', { id: 'glossary--title' }, 'Glossary')]),
                  glossaryList(book, singlePageLink, 'glossary--'),
                ])
              : undefined,
          ].filter((e) => e !== undefined)),
          ...injected(options.injectScript),
        ]),
      ]),
    ],
  };
  return toHtml(tree, { upperDoctype: true });
}
