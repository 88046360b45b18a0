import type { Book } from '@dmls/core';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { creditLine } from './credits.js';
import type { ContentDocument } from './document.js';
import { FILES } from './layout.js';
import { xhtmlPage } from './xhtml-page.js';

/** The title page: title, subtitle, credits, the work the notes are about, the publisher. */
export function titlePageDocument(book: Book): ContentDocument {
  const { source } = book;
  const content: ElementContent[] = [
    h('h1', { id: 'book-title', className: ['book-title'] }, book.title),
    ...(book.subtitle ? [h('p', { className: ['book-subtitle'] }, book.subtitle)] : []),
    h(
      'ul',
      { className: ['credits'] },
      book.credits.map((credit) =>
        h('li', [creditLine(credit), ...(credit.note ? [h('br'), h('span', { className: ['credit-note'] }, credit.note)] : [])]),
      ),
    ),
    h('p', { className: ['source-work'] }, [
      'Study notes on ',
      h('cite', source.title),
      ` by ${source.author} (${source.publisher}, ${source.year}).`,
    ]),
    ...(book.publisher ? [h('p', { className: ['publisher'] }, book.publisher)] : []),
  ];
  return {
    id: 'titlepage',
    file: FILES.titlePage,
    title: book.title,
    page: xhtmlPage({
      lang: book.language,
      title: book.title,
      matter: 'frontmatter',
      content: [h('section', { 'epub:type': 'titlepage', className: ['titlepage'], ariaLabelledBy: 'book-title' }, content)],
    }),
  };
}
