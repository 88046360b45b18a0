import type { Book, Chapter } from '@dmls/core';
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { ContentDocument } from './document.js';
import { chapterSourceFile } from './errors.js';
import { collectIds, uniqueId } from './ids.js';
import { chapterFileName } from './layout.js';
import { leanCode } from './transform/code.js';
import { adaptFigures } from './transform/figures.js';
import { adaptFootnotes } from './transform/footnotes.js';
import { dropStyleVariables } from './transform/inline-styles.js';
import { type LinkTargets, rewriteLinks } from './transform/links.js';
import { adaptTables } from './transform/tables.js';
import { xhtmlPage } from './xhtml-page.js';

/** A chapter's tree adapted to EPUB, waiting for its links (which need every chapter's ids). */
export interface PreparedChapter {
  chapter: Chapter;
  sourceFile: string;
  file: string;
  body: Root;
  ids: Set<string>;
}

/** Adapts a chapter's tree (a copy: the book is not touched) to EPUB, all but its links. */
export function prepareChapter(chapter: Chapter): PreparedChapter {
  const sourceFile = chapterSourceFile(chapter);
  const body = structuredClone(chapter.tree);
  adaptFigures(body, chapter, sourceFile);
  adaptFootnotes(body);
  adaptTables(body);
  dropStyleVariables(body);
  leanCode(body);
  const ids = collectIds(body);
  const headingId = uniqueId('chapter-title', ids);
  ids.add(headingId);
  body.children = [chapterSection(chapter, headingId, body.children as ElementContent[])];
  return { chapter, sourceFile, file: chapterFileName(chapter), body, ids };
}

/** What links may point at: every chapter's file and ids. */
export function linkTargets(prepared: readonly PreparedChapter[]): LinkTargets {
  return new Map(prepared.map((item) => [item.chapter.id, { file: item.file, ids: item.ids }]));
}

/** Resolves the chapter's links and wraps it in its XHTML page. */
export function chapterDocument(book: Book, item: PreparedChapter, targets: LinkTargets): ContentDocument {
  rewriteLinks(item.body, item.chapter, item.sourceFile, targets);
  const { chapter } = item;
  return {
    id: `chapter-${chapter.id}`,
    file: item.file,
    title: chapterLabel(chapter),
    page: xhtmlPage({
      lang: book.language,
      title: chapterLabel(chapter),
      matter: 'bodymatter',
      content: item.body.children as ElementContent[],
    }),
  };
}

/** "Chapter 3. Data Engineering Fundamentals", or the introduction's title. */
export function chapterLabel(chapter: Chapter): string {
  return chapter.number === 0 ? chapter.title : `Chapter ${chapter.number}. ${chapter.title}`;
}

function chapterSection(chapter: Chapter, headingId: string, content: ElementContent[]): ElementContent {
  const isIntroduction = chapter.number === 0;
  const heading = h('h1', { id: headingId, className: ['chapter-title'] }, [
    ...(isIntroduction ? [] : [h('span', { className: ['chapter-number'] }, `Chapter ${chapter.number}`), { type: 'text' as const, value: ' ' }]),
    h('span', { className: ['chapter-name'] }, chapter.title),
  ]);
  const header = h('header', { className: ['chapter-header'] }, [heading, ...(chapter.summary ? [h('p', { className: ['chapter-summary'] }, chapter.summary)] : [])]);
  return h(
    'section',
    {
      'epub:type': isIntroduction ? 'introduction' : 'chapter',
      role: isIntroduction ? 'doc-introduction' : 'doc-chapter',
      ariaLabelledBy: headingId,
      className: ['chapter'],
    },
    [{ type: 'text', value: '\n' }, header, { type: 'text', value: '\n' }, ...content],
  );
}
