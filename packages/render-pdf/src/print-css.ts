import type { Book, Chapter } from '@dmls/core';
import { FONT_FAMILIES, fontFaceCss } from './fonts.js';
import type { PageGeometry } from './page-size.js';
import { printStyles } from './print-styles.js';

/**
 * The print stylesheet appended to the single-page edition: fonts, page geometry, typesetting, and
 * one named page per chapter, whose top margin box carries the chapter's title (a running header
 * without any per-chapter rendering).
 */
export function printCss(book: Book, geometry: PageGeometry): string {
  return [fontFaceCss(), printStyles(geometry, FONT_FAMILIES), chapterPages(book)].join('\n');
}

/** `@page chapter-N` with the running header, and the rule that puts each chapter on its page. */
function chapterPages(book: Book): string {
  const parts = [book.introduction, ...book.chapters].map((chapter: Chapter, index) => {
    const label = chapter.number > 0 ? `Chapter ${chapter.number}` : 'Introduction';
    return runningHeader(`chapter-${index}`, `section.chapter[id="${cssString(chapter.id)}"]`, label, chapter.title);
  });
  parts.push(runningHeader('glossary', 'section.chapter[id="glossary"]', book.title, 'Glossary'));
  return parts.join('\n');
}

function runningHeader(name: string, selector: string, left: string, right: string): string {
  return [
    `@page ${name} {`,
    `  @top-left { content: "${cssString(left)}"; }`,
    `  @top-right { content: "${cssString(right)}"; }`,
    '}',
    `${selector} { page: ${name}; }`,
  ].join('\n');
}

/** Escapes text for a double-quoted CSS string. */
export function cssString(text: string): string {
  return text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ');
}
