import type { Book } from '@dmls/core';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ContentDocument } from './document.js';
import { type Landmark, landmarks } from './landmarks.js';
import { FILES, NAV_TOC_ID } from './layout.js';
import { type TocEntry, tableOfContents } from './toc.js';
import { xhtmlPage } from './xhtml-page.js';

/** The EPUB 3 navigation document: the table of contents and the landmarks. */
export function navDocument(book: Book): ContentDocument {
  return {
    id: 'nav',
    file: FILES.nav,
    title: 'Contents',
    page: xhtmlPage({
      lang: book.language,
      title: 'Contents',
      matter: 'frontmatter',
      content: [
        h('nav', { 'epub:type': 'toc', id: NAV_TOC_ID, role: 'doc-toc', ariaLabelledBy: 'toc-title' }, [
          h('h1', { id: 'toc-title' }, 'Contents'),
          list(tableOfContents(book)),
        ]),
        h('nav', { 'epub:type': 'landmarks', id: 'landmarks', ariaLabelledBy: 'landmarks-title', hidden: true }, [
          h('h2', { id: 'landmarks-title' }, 'Landmarks'),
          h('ol', landmarks(book).map(landmarkItem)),
        ]),
      ],
    }),
  };
}

function list(entries: readonly TocEntry[]): ElementContent {
  return h(
    'ol',
    entries.map((entry) => h('li', [h('a', { href: entry.href }, entry.label), ...(entry.children.length > 0 ? [list(entry.children)] : [])])),
  );
}

function landmarkItem(landmark: Landmark): ElementContent {
  return h('li', [h('a', { 'epub:type': landmark.type, href: landmark.href }, landmark.label)]);
}
