import type { Book } from '@dmls/core';
import { coverArt } from '@dmls/theme';

/** What the cover shows: the book's own words, over an abstract drawing made from its title. */
export interface CoverSpec {
  title: string;
  subtitle: string | undefined;
  credit: string;
  authors: string;
  /** `data:` URL of the SVG drawing, set as the cover's background (an artifact, not content). */
  art: string;
}

export function coverSpec(book: Book): CoverSpec {
  const source = book.credits.find((c) => c.role === 'source-author')?.name ?? book.source.author;
  return {
    title: book.title,
    subtitle: book.subtitle,
    credit: `Notes on ${book.source.title} by ${source}`,
    authors: book.credits.filter((c) => c.role === 'author').map((c) => c.name).join(', '),
    art: `data:image/svg+xml;base64,${Buffer.from(coverArt(book.title)).toString('base64')}`,
  };
}

/**
 * Puts the cover before the title page (first in `<body>`, outside `<main>`, whose width is the
 * printed text width). Runs inside the page (serialised by puppeteer), so it
 * may use only its argument and the DOM; it builds elements, never parses HTML.
 */
export function insertCover(spec: CoverSpec): void {
  if (document.querySelector('.pdf-cover')) return;
  const cover = document.createElement('div');
  cover.className = 'pdf-cover';
  cover.setAttribute('role', 'region');
  cover.setAttribute('aria-label', 'Cover');
  cover.style.backgroundImage = `url("${spec.art}")`;
  const block = document.createElement('div');
  block.className = 'pdf-cover-text';
  const line = (className: string, text: string | undefined) => {
    if (!text) return;
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    block.append(p);
  };
  line('pdf-cover-title', spec.title);
  line('pdf-cover-subtitle', spec.subtitle);
  line('pdf-cover-credit', spec.credit);
  line('pdf-cover-authors', spec.authors);
  cover.append(block);
  document.body.prepend(cover);
}
