import { createRequire } from 'node:module';
import type { Book, Chapter } from '@dmls/core';
import type { Element, ElementContent, Root, RootContent } from 'hast';

const require = createRequire(import.meta.url);

type Hyphenator = (word: string) => string;

/** Elements whose text is never hyphenated: code, math, headings (they feed the bookmarks). */
const SKIP = new Set(['pre', 'code', 'kbd', 'samp', 'var', 'math', 'svg', 'script', 'style', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const WORD = /[\p{L}\p{M}]{6,}/gu;
/** The pattern set for a language given without a region. */
const DEFAULT_VARIANT: Record<string, string> = { en: 'en-us', de: 'de-1996', el: 'el-monoton', mn: 'mn-cyrl', sr: 'sr-cyrl', sh: 'sh-latn' };
const URL_LIKE = /[/@_]|\w\.\w|^www/;

/**
 * A copy of the book with soft hyphens (U+00AD) in the running text of each chapter and in the
 * glossary's definitions. Chromium on Linux ships no hyphenation dictionaries, so `hyphens: auto`
 * alone does nothing; soft hyphens are break opportunities that stay invisible unless a line breaks
 * there. The tree is changed, never the HTML text. Returns the book unchanged (and `false`) when no
 * patterns exist for its language.
 */
export function hyphenateBook(book: Book): { book: Book; hyphenated: boolean } {
  const hyphenate = hyphenatorFor(book.language);
  if (!hyphenate) return { book, hyphenated: false };
  const text = (value: string) =>
    value
      .split(/(\s+)/)
      .map((token) => (URL_LIKE.test(token) ? token : token.replace(WORD, (word) => hyphenate(word))))
      .join('');
  const chapter = (c: Chapter): Chapter => ({ ...c, tree: hyphenateTree(c.tree, text) });
  return {
    book: {
      ...book,
      introduction: chapter(book.introduction),
      chapters: book.chapters.map(chapter),
      glossary: book.glossary.map((entry) => ({ ...entry, definition: text(entry.definition) })),
    },
    hyphenated: true,
  };
}

function hyphenateTree(tree: Root, text: (value: string) => string): Root {
  const copy = structuredClone(tree);
  const walk = (nodes: Array<RootContent | ElementContent>): void => {
    for (const node of nodes) {
      if (node.type === 'text') node.value = text(node.value);
      else if (node.type === 'element' && !skipped(node)) walk(node.children);
    }
  };
  walk(copy.children);
  return copy;
}

function skipped(node: Element): boolean {
  if (SKIP.has(node.tagName)) return true;
  const className = node.properties.className;
  return Array.isArray(className) && className.includes('katex');
}

/** Liang patterns from the `hyphen` package for a BCP 47 tag (`en` → `en-us`), if it has them. */
export function hyphenatorFor(language: string): Hyphenator | undefined {
  const tag = language.toLowerCase();
  const primary = tag.split('-')[0] ?? tag;
  const candidates = [tag, primary, ...(DEFAULT_VARIANT[primary] ? [DEFAULT_VARIANT[primary]] : [])];
  for (const name of candidates) {
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(name)) continue;
    let patterns: unknown;
    try {
      patterns = require(`hyphen/patterns/${name}.js`);
    } catch {
      continue;
    }
    const create = require('hyphen') as (patterns: unknown, options: object) => Hyphenator;
    return create(patterns, { html: false, minWordLength: 6 });
  }
  return undefined;
}
