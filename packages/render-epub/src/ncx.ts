import type { Book } from '@dmls/core';
import type { Element } from 'xast';
import { x } from 'xastscript';
import { isCreator } from './credits.js';
import { type TocEntry, tableOfContents, tocDepth } from './toc.js';
import { serializeXml } from './xml.js';

/** The EPUB 2 NCX, for reading systems that predate the navigation document: the same hierarchy. */
export function ncxDocument(book: Book): string {
  const entries = tableOfContents(book);
  let playOrder = 0;
  const navPoint = (entry: TocEntry): Element => {
    playOrder += 1;
    return x('navPoint', { id: `navpoint-${playOrder}`, playOrder: String(playOrder) }, [
      x('navLabel', [x('text', entry.label)]),
      x('content', { src: entry.href }),
      ...entry.children.map(navPoint),
    ]);
  };
  const authors = book.credits.filter(isCreator).map((credit) => credit.name);
  return serializeXml(
    x('ncx', { xmlns: 'http://www.daisy.org/z3986/2005/ncx/', version: '2005-1', 'xml:lang': book.language }, [
      x('head', [
        x('meta', { name: 'dtb:uid', content: book.identifier }),
        x('meta', { name: 'dtb:depth', content: String(tocDepth(entries)) }),
        x('meta', { name: 'dtb:totalPageCount', content: '0' }),
        x('meta', { name: 'dtb:maxPageNumber', content: '0' }),
      ]),
      x('docTitle', [x('text', book.title)]),
      ...authors.map((name) => x('docAuthor', [x('text', name)])),
      x('navMap', entries.map(navPoint)),
    ]),
  );
}
