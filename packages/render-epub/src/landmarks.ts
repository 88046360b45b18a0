import type { Book } from '@dmls/core';
import { chapterFileName, FILES, NAV_TOC_ID } from './layout.js';

/** A landmark: where a reading system jumps for "cover", "contents", "start reading"… */
export interface Landmark {
  type: string;
  label: string;
  href: string;
}

/** Cover, title page, contents, start of content (the introduction), glossary, colophon. */
export function landmarks(book: Book): Landmark[] {
  return [
    { type: 'cover', label: 'Cover', href: FILES.cover },
    { type: 'titlepage', label: 'Title page', href: FILES.titlePage },
    { type: 'toc', label: 'Contents', href: `${FILES.nav}#${NAV_TOC_ID}` },
    { type: 'bodymatter', label: 'Start of content', href: chapterFileName(book.introduction) },
    ...(book.glossary.length > 0 ? [{ type: 'glossary', label: 'Glossary', href: FILES.glossary }] : []),
    { type: 'colophon', label: 'Colophon', href: FILES.colophon },
  ];
}

/** The EPUB 2 guide, for reading systems that predate landmarks. */
export function guide(book: Book): { type: string; title: string; href: string }[] {
  return [
    { type: 'cover', title: 'Cover', href: FILES.cover },
    { type: 'title-page', title: 'Title page', href: FILES.titlePage },
    { type: 'toc', title: 'Contents', href: FILES.nav },
    { type: 'text', title: 'Start of content', href: chapterFileName(book.introduction) },
  ];
}
