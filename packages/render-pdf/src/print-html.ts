import type { Book } from '@dmls/core';
import { renderSinglePage } from '@dmls/render-html';
import { hyphenateBook } from './hyphenate.js';
import type { PageGeometry } from './page-size.js';
import { printCss } from './print-css.js';

/**
 * What the contents show before the pages are known: three digits, so that the first layout
 * reserves the room the real numbers take (`.toc-page` also has a fixed width).
 */
export const TOC_PLACEHOLDER = 888;

/**
 * The book as one HTML document for printing: the single-page edition (`@dmls/render-html`) with
 * the print stylesheet, hyphenation points, figures inlined as `data:` URLs, and placeholder page
 * numbers in the contents.
 */
export function printHtml(book: Book, options: { version?: string; geometry: PageGeometry }): { html: string; hyphenated: boolean } {
  const { book: typeset, hyphenated } = hyphenateBook(book);
  const figures = new Map([book.introduction, ...book.chapters].flatMap((c) => c.figures.map((f) => [f.src, f.svg] as const)));
  const html = renderSinglePage(typeset, {
    ...(options.version ? { version: options.version } : {}),
    css: printCss(book, options.geometry),
    figureSrc: (src) => {
      const svg = figures.get(src);
      return svg === undefined ? src : `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    },
    pageOf: () => TOC_PLACEHOLDER,
  });
  return { html, hyphenated };
}
