import type { Link, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { eachNode } from './walk.js';
import type { Point } from './diagnostics.js';
import { LONG_PARAGRAPH_WORDS } from './lint.js';

/**
 * What the lint rules need to know of one chapter, found when it is parsed. Kept with the parsed
 * chapter (and in the compile cache), so that linting a book never walks its trees again.
 */
export interface ChapterLint {
  /** Paragraphs over the word limit, with their word counts. */
  longParagraphs: { words: number; at: Point | undefined }[];
  /** Links whose text is their URL, written without `<…>` or `[…]`. */
  bareUrls: { text: string; at: Point | undefined }[];
  /** The chapter's text in lower case, runs of white space as one space: where glossary terms are looked for. */
  text: string;
}

export function lintChapter(tree: Root, source: string): ChapterLint {
  const lint: ChapterLint = { longParagraphs: [], bareUrls: [], text: toString(tree).toLowerCase().replace(/\s+/g, ' ') };
  eachNode(tree, 'paragraph', (paragraph: Paragraph) => {
    const words = toString(paragraph).split(/\s+/).filter(Boolean).length;
    if (words > LONG_PARAGRAPH_WORDS) lint.longParagraphs.push({ words, at: pointOf(paragraph) });
  });
  eachNode(tree, 'link', (link: Link) => {
    const text = toString(link);
    const offset = link.position?.start.offset;
    const bare = link.url === text || link.url === `http://${text}` || link.url === `mailto:${text}`;
    if (bare && offset !== undefined && source[offset] !== '<' && source[offset] !== '[') lint.bareUrls.push({ text, at: pointOf(link) });
  });
  return lint;
}

function pointOf(node: Paragraph | Link): Point | undefined {
  const start = node.position?.start;
  return start && { line: start.line, column: start.column };
}
