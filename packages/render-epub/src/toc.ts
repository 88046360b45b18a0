import type { Book, Chapter, Section } from '@dmls/core';
import { chapterFileName, FILES } from './layout.js';

/** One entry of the table of contents (the nav document and the NCX share it). */
export interface TocEntry {
  label: string;
  href: string;
  children: TocEntry[];
}

/** The whole book: introduction and chapters with their full section hierarchy, then the back matter. */
export function tableOfContents(book: Book): TocEntry[] {
  return [
    chapterEntry(book.introduction),
    ...book.chapters.map(chapterEntry),
    ...(book.glossary.length > 0 ? [{ label: 'Glossary', href: FILES.glossary, children: [] }] : []),
    { label: 'Colophon', href: FILES.colophon, children: [] },
  ];
}

/** The deepest level of the table of contents (1 for a flat list). */
export function tocDepth(entries: readonly TocEntry[]): number {
  return entries.reduce((depth, entry) => Math.max(depth, 1 + tocDepth(entry.children)), 0);
}

function chapterEntry(chapter: Chapter): TocEntry {
  const file = chapterFileName(chapter);
  const label = chapter.number === 0 ? chapter.title : `${chapter.number}. ${chapter.title}`;
  return { label, href: file, children: chapter.sections.map((section) => sectionEntry(file, section)) };
}

function sectionEntry(file: string, section: Section): TocEntry {
  return { label: section.title, href: `${file}#${section.id}`, children: section.children.map((child) => sectionEntry(file, child)) };
}
