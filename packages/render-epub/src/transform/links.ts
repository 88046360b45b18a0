import type { Chapter } from '@dmls/core';
import type { Root } from 'hast';
import { eachElement } from '../walk.js';
import { EpubInputError, locate } from '../errors.js';

/** What a link may point at: for each chapter id, its EPUB file and the ids in it. */
export type LinkTargets = ReadonlyMap<string, { file: string; ids: ReadonlySet<string> }>;

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Rewrites the compiler's cross-references (`<chapterId>.html#<sectionId>`, `#<id>`) to the EPUB's
 * own files, and stops on any internal link that does not resolve. External links (https:,
 * mailto:) stay as they are: they are hyperlinks, not resources of the publication.
 */
export function rewriteLinks(tree: Root, chapter: Chapter, sourceFile: string, targets: LinkTargets): void {
  eachElement(tree, (node) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const href = node.properties.href;
    if (EXTERNAL.test(href)) return;
    const { chapterId, fragment } = parse(href, chapter.id, node.properties.dataChapter, node.properties.dataSection);
    delete node.properties.dataChapter;
    delete node.properties.dataSection;
    const where = locate(sourceFile, node);
    const target = chapterId === undefined ? undefined : targets.get(chapterId);
    if (!target) {
      throw new EpubInputError(where, `the link \`${href}\` does not lead to a chapter of this book.`, 'Link a chapter file relative to this one, e.g. `[text](02-next-chapter.md#a-section)`.');
    }
    if (fragment !== undefined && !target.ids.has(fragment)) {
      throw new EpubInputError(
        where,
        `the link \`${href}\` points at \`#${fragment}\`, which is not a heading, figure or note of chapter \`${String(chapterId)}\`.`,
        "Use the heading's GitHub slug (lowercase, spaces as hyphens), e.g. `#key-takeaways`.",
      );
    }
    const sameFile = chapterId === chapter.id;
    node.properties.href = sameFile && fragment !== undefined ? `#${fragment}` : `${target.file}${fragment === undefined ? '' : `#${fragment}`}`;
  });
}

function parse(href: string, currentId: string, dataChapter: unknown, dataSection: unknown): { chapterId: string | undefined; fragment: string | undefined } {
  const hash = href.indexOf('#');
  const path = hash === -1 ? href : href.slice(0, hash);
  const rawFragment = hash === -1 ? undefined : href.slice(hash + 1);
  const fragment = typeof dataSection === 'string' ? dataSection : rawFragment === undefined ? undefined : safeDecode(rawFragment);
  if (typeof dataChapter === 'string') return { chapterId: dataChapter, fragment };
  if (path === '') return { chapterId: currentId, fragment };
  const match = /^([^/?#]+)\.html$/.exec(path);
  return { chapterId: match?.[1], fragment };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
