import type { Book, Chapter } from '@dmls/core';
import type { ElementContent, RootContent } from 'hast';
import type { Options } from 'minisearch';
import type { Reference } from './adapt-tree.js';
import { chapterLabel } from './book-parts.js';
import { cached, chapterKey, type RenderCache } from './render-cache.js';
import { searchIndexJson } from './search-index-json.js';

/** One search result: a section of a chapter (or a chapter's opening, or a glossary term). */
export interface SearchDocument {
  /** The URL the result links to, relative to the site's root: `chapter.html#section`. */
  id: string;
  title: string;
  /** Where the section sits: "Chapter 4 · Training Data". */
  chapter: string;
  text: string;
  /** The start of the text, shown under the result. */
  excerpt: string;
}

/** Shared by the index built here and the search page that loads it: the two must agree. */
export const searchOptions = {
  fields: ['title', 'chapter', 'text'],
  storeFields: ['title', 'chapter', 'excerpt'],
} satisfies Options<SearchDocument>;

/** A section per document, so that a result links to the place where the words are. */
export function searchDocuments(book: Book, link: (ref: Reference) => string, glossaryPage: string, cache?: RenderCache): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const chapter of [book.introduction, ...book.chapters]) {
    const where = chapter.number > 0 ? `${chapterLabel(chapter)} · ${chapter.title}` : chapterLabel(chapter);
    const parts = cache ? (JSON.parse(cached(cache, chapterKey(['search'], chapter), () => JSON.stringify(chapterParts(chapter)))) as Part[]) : chapterParts(chapter);
    for (const part of parts) {
      const text = part.text.replace(/\s+/g, ' ').trim();
      documents.push({
        id: link(part.section ? { chapter: chapter.id, section: part.section } : { chapter: chapter.id }),
        title: part.title,
        chapter: where,
        text,
        excerpt: excerpt(text),
      });
    }
  }
  for (const entry of book.glossary) {
    documents.push({ id: `${glossaryPage}#${entry.id}`, title: entry.term, chapter: 'Glossary', text: entry.definition, excerpt: excerpt(entry.definition) });
  }
  return documents;
}

/**
 * The prebuilt index as a classic script that hands it to the search page. A script rather than
 * JSON because `fetch` is blocked on `file://` pages, and the site must search offline from disk.
 */
export function searchIndexScript(documents: SearchDocument[]): string {
  return `window.dmlsSearchIndex=${searchIndexJson(documents, searchOptions)};\n`;
}

interface Part {
  section?: string;
  title: string;
  text: string;
}

/** The chapter's opening, then one part per heading (any depth), with the text up to the next heading. */
function chapterParts(chapter: Chapter): Part[] {
  const parts: Part[] = [{ title: chapter.number > 0 ? chapter.title : 'Introduction', text: `${chapter.summary} ${chapter.keywords.join(' ')} ` }];
  for (const node of chapter.tree.children) {
    if (node.type === 'element' && /^h[2-6]$/.test(node.tagName) && typeof node.properties.id === 'string') {
      parts.push({ section: node.properties.id, title: textOf(node).trim(), text: '' });
    } else {
      parts[parts.length - 1]!.text += `${textOf(node)} `;
    }
  }
  return parts;
}

/** Visible text; footnote lists, footnote markers and TeX sources are left out as noise. */
function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'annotation' || node.tagName === 'sup' || 'dataFootnotes' in node.properties) return '';
  const separator = /^(p|li|h[1-6]|td|th|figcaption|pre|div|tr)$/.test(node.tagName) ? ' ' : '';
  return node.children.map(textOf).join('') + separator;
}

function excerpt(text: string, length = 180): string {
  if (text.length <= length) return text;
  const cut = text.lastIndexOf(' ', length);
  return `${text.slice(0, cut > length / 2 ? cut : length).replace(/[\s.,;:]+$/, '')}…`;
}
