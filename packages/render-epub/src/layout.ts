import type { Chapter } from '@dmls/core';

/**
 * Where everything lives inside the EPUB. epub-gen-memory fixes the folder (`OEBPS/`) and the
 * names of the package document, the NCX, the navigation document and the stylesheet; the rest
 * is ours. Chapter files are prefixed so that no chapter id can collide with a file of ours.
 */
export const ROOT = 'OEBPS/';
export const FILES = {
  opf: 'content.opf',
  ncx: 'toc.ncx',
  nav: 'toc.xhtml',
  css: 'style.css',
  cover: 'cover.xhtml',
  coverImage: 'cover.svg',
  titlePage: 'titlepage.xhtml',
  glossary: 'glossary.xhtml',
  colophon: 'colophon.xhtml',
} as const;

/** Id of the navigation document's table of contents (`toc.xhtml#toc`). */
export const NAV_TOC_ID = 'toc';

/** The EPUB file of a chapter (or of the introduction). */
export function chapterFileName(chapter: Pick<Chapter, 'id'>): string {
  return `chapter-${chapter.id}.xhtml`;
}

/** The EPUB path of a figure, from its source path (`figures/x.svg` → `images/x.svg`). */
export function figureFileName(src: string): string {
  const base = src.slice(src.lastIndexOf('/') + 1);
  return `images/${base}`;
}

/** The EPUB path of an embedded font file. */
export function fontFileName(fileName: string): string {
  return `fonts/${fileName}`;
}
