import type { Chapter } from '@dmls/core';
import { book } from '../generated/book.js';

export type { Book, Chapter, Credit, Figure, GlossaryEntry, Section, SourceWork } from '@dmls/core';

export { book };

/** The numbered chapters, in order (the introduction is `book.introduction`). */
export const chapters: readonly Chapter[] = book.chapters;

/** The glossary, sorted by term. */
export const glossary = book.glossary;

/** A chapter by id (or `introduction`); `undefined` when there is none. */
export function getChapter(id: string): Chapter | undefined {
  return id === book.introduction.id ? book.introduction : book.chapters.find((chapter) => chapter.id === id);
}
