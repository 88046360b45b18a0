import type { Root } from 'hast';

/** A person or group credited on the title page. */
export interface Credit {
  name: string;
  /** `author`: wrote these notes. `source-author`: wrote the book these notes summarise. */
  role: 'author' | 'source-author' | 'editor' | 'illustrator';
  note?: string;
}

/** The book that these notes summarise. */
export interface SourceWork {
  title: string;
  author: string;
  publisher: string;
  year: number;
  isbn?: string;
}

/** A node of a chapter's section tree (`##` is depth 2, `###` depth 3, `####` depth 4). */
export interface Section {
  /** GitHub's slug of the heading: stable, public API. */
  id: string;
  title: string;
  depth: 2 | 3 | 4 | 5 | 6;
  children: Section[];
}

/** A figure: an image alone in its paragraph, numbered per chapter. */
export interface Figure {
  /** `figure-` + file name without extension. */
  id: string;
  /** Position in its chapter, from 1. */
  number: number;
  /** "Figure 3.2" (chapters) or "Figure 2" (introduction). */
  label: string;
  alt: string;
  caption: string;
  /** Path relative to the book root, e.g. `figures/pyramid.svg`. */
  src: string;
  /** The SVG document itself, so that a renderer needs no file system. */
  svg: string;
}

/** A chapter (or the introduction, which has number 0). */
export interface Chapter {
  /** From the file name `NN-id.md`: stable, public API. */
  id: string;
  /** 1…n for chapters; 0 for the introduction. */
  number: number;
  title: string;
  summary: string;
  keywords: string[];
  sections: Section[];
  /** The Markdown body, front matter removed. */
  markdown: string;
  /**
   * Sanitised HTML: heading ids, figures with captions, footnotes, resolved cross-references
   * (`<a href="chapter-id.html#section" data-chapter data-section>`).
   */
  html: string;
  /** The same content as a hast tree, for renderers and for apps that render with their own components. */
  tree: Root;
  /** Plain text of the chapter. */
  text: string;
  wordCount: number;
  readingMinutes: number;
  figures: Figure[];
}

export interface GlossaryEntry {
  /** Slug of the term. */
  id: string;
  term: string;
  definition: string;
  /** Ids of the chapters that use the term. */
  chapters: string[];
}

export interface Book {
  /** Slug of the book folder, e.g. `designing-ml-systems`. */
  id: string;
  title: string;
  subtitle?: string;
  /** BCP 47 language tag. */
  language: string;
  /** `urn:uuid:…`, fixed forever. */
  identifier: string;
  description: string;
  subjects: string[];
  credits: Credit[];
  source: SourceWork;
  publisher?: string;
  license: { content: string; code: string };
  /** ISO 8601 date-time of the content's last change. */
  modified: string;
  introduction: Chapter;
  chapters: Chapter[];
  glossary: GlossaryEntry[];
}

export type Severity = 'error' | 'warning';

/** A problem found in the content, shaped like a vfile message. */
export interface Diagnostic {
  /** Path of the file, relative to the working directory given to `compile` (default: the process's). */
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: Severity;
  message: string;
  /** What to do about it. */
  hint?: string;
}
