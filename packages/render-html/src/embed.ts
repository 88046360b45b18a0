import type { Chapter } from '@dmls/core';
import { toHtml } from './to-html.js';
import { adaptTree, type AdaptOptions } from './adapt-tree.js';

/**
 * A chapter's HTML for embedding in another app. The chapter was sanitised when it was compiled
 * (no script, event handler, remote resource or `javascript:` URL survives); this adapts ids,
 * heading levels, class names and links to the host page. For component-based rendering, walk
 * `adaptTree(chapter, options)` instead (e.g. with hast-util-to-jsx-runtime).
 */
export function renderChapterHtml(chapter: Chapter, options: AdaptOptions = {}): string {
  return toHtml(adaptTree(chapter, options));
}
