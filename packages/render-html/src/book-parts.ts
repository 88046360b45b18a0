import type { Book, Chapter, Section } from '@dmls/core';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Reference } from './adapt-tree.js';

/** "Chapter 4" or "Introduction". */
export function chapterLabel(chapter: Chapter): string {
  return chapter.number > 0 ? `Chapter ${chapter.number}` : 'Introduction';
}

export function sourceAuthor(book: Book): string {
  return book.credits.find((c) => c.role === 'source-author')?.name ?? book.source.author;
}

/** The start of every page's `<head>`: encoding, viewport, title, description and authors. */
export function documentHead(book: Book, title: string, description: string): Element[] {
  return [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', title),
    h('meta', { name: 'description', content: description }),
    h('meta', { name: 'author', content: noteAuthors(book) }),
  ];
}

export function noteAuthors(book: Book): string {
  return book.credits.filter((c) => c.role === 'author').map((c) => c.name).join(', ');
}

/** A nested list of the book's chapters (and, to `depth`, their sections). */
export function tocList(
  book: Book,
  link: (ref: Reference) => string,
  options: { depth?: number; current?: string; glossary?: string; pageOf?: (href: string) => number | undefined } = {},
): Element {
  const entry = (href: string, content: Array<ElementContent | string> | string, current?: boolean): Element[] => {
    const page = options.pageOf?.(href);
    return [
      h('a', { href, ariaCurrent: current ? 'page' : undefined }, content),
      ...(page === undefined ? [] : [h('span.toc-page', String(page))]),
    ];
  };
  const depth = options.depth ?? 2;
  const sections = (chapter: Chapter, list: Section[]): Element | undefined => {
    const shown = list.filter((s) => s.depth <= depth);
    if (shown.length === 0) return undefined;
    return h(
      'ol',
      shown.map((s) =>
        h('li', [...entry(link({ chapter: chapter.id, section: s.id }), s.title), sections(chapter, s.children)].filter(isDefined)),
      ),
    );
  };
  const items: ElementContent[] = [book.introduction, ...book.chapters].map((chapter) =>
    h(
      'li',
      { className: chapter.id === options.current ? ['current'] : undefined },
      [
        ...entry(
          link({ chapter: chapter.id }),
          chapter.number > 0 ? [h('span.toc-number', `${chapter.number}`), ' ', chapter.title] : [chapter.title],
          chapter.id === options.current,
        ),
        depth > 1 ? sections(chapter, chapter.sections) : undefined,
      ].filter(isDefined),
    ),
  );
  if (options.glossary && book.glossary.length > 0) {
    items.push(h('li', { className: options.current === 'glossary' ? ['current'] : undefined }, entry(options.glossary, 'Glossary', options.current === 'glossary')));
  }
  return h('ol.toc', items);
}

/** The glossary as a definition list; each term links to the chapters that use it. */
export function glossaryList(book: Book, link: (ref: Reference) => string, idPrefix = ''): Element {
  const titles = new Map([book.introduction, ...book.chapters].map((c) => [c.id, c]));
  return h(
    'dl.glossary',
    book.glossary.flatMap((entry) => [
      h('dt', { id: `${idPrefix}${entry.id}` }, entry.term),
      h('dd', [
        h('p', entry.definition),
        entry.chapters.length > 0
          ? h('p.glossary-chapters', [
              'See: ',
              ...entry.chapters.flatMap((id, i) => {
                const chapter = titles.get(id);
                const label = chapter ? (chapter.number > 0 ? `ch. ${chapter.number}` : 'introduction') : id;
                return [i > 0 ? ', ' : '', h('a', { href: link({ chapter: id }) }, label)];
              }),
            ])
          : undefined,
      ].filter(isDefined)),
    ]),
  );
}

/** Credits and licence, as the colophon of every edition states them. */
export function colophon(book: Book, version?: string): Element[] {
  const date = book.modified.slice(0, 10);
  return [
    h('p', [
      h('cite', book.title),
      book.subtitle ? `: ${book.subtitle}` : '',
      `. Notes by ${noteAuthors(book)}${version ? `, version ${version}` : ''}, last changed ${date}.`,
    ]),
    h('p', [
      'An independent summary of ',
      h('cite', book.source.title),
      ` by ${book.source.author} (${book.source.publisher}, ${book.source.year}${book.source.isbn ? `, ISBN ${book.source.isbn}` : ''}). `,
      'Not affiliated with or endorsed by the author or publisher; read the book.',
    ]),
    h('p', [
      `Text licensed under ${book.license.content}; code under the ${book.license.code} licence. `,
      'Identifier: ',
      h('code', book.identifier),
      '.',
    ]),
  ];
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
