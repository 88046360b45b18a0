import type { Book } from '@dmls/core';
import { h } from 'hastscript';
import { coverDescription } from './cover.js';
import type { ContentDocument } from './document.js';
import { FILES } from './layout.js';
import { xhtmlPage } from './xhtml-page.js';

/** The cover as the first page of the reading order. */
export function coverDocument(book: Book): ContentDocument {
  return {
    id: 'cover',
    file: FILES.cover,
    title: 'Cover',
    page: xhtmlPage({
      lang: book.language,
      title: 'Cover',
      matter: 'frontmatter',
      bodyClass: 'cover-page',
      content: [
        h('section', { 'epub:type': 'cover', className: ['cover'] }, [
          h('img', { src: FILES.coverImage, alt: coverDescription(book), role: 'doc-cover' }),
        ]),
      ],
    }),
  };
}
