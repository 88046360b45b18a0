import type { Chapter } from '@dmls/core';
import type { Node } from 'hast';

/**
 * Bad input that stops the build: the message names the file (relative to the content folder,
 * with `:line:column` where the tree carries positions), the problem and the fix.
 */
export class EpubInputError extends Error {
  override readonly name = 'EpubInputError';
  /** File of the cause, relative to the content folder, e.g. `chapters/01-overview.md:12:3`. */
  readonly file: string;
  /** What to do about it. */
  readonly hint: string;

  constructor(file: string, problem: string, hint: string) {
    super(`${file}: ${problem}\n  hint: ${hint}`);
    this.file = file;
    this.hint = hint;
  }
}

/** The source file of a chapter, relative to the content folder (the authoring format's names). */
export function chapterSourceFile(chapter: Chapter): string {
  if (chapter.number === 0) return `${chapter.id}.md`;
  return `chapters/${String(chapter.number).padStart(2, '0')}-${chapter.id}.md`;
}

/** `file:line:column` when the node has a position, else the file alone. */
export function locate(file: string, node?: Node): string {
  const start = node?.position?.start;
  return start ? `${file}:${start.line}:${start.column}` : file;
}
