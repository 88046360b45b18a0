import type { Chapter } from '@dmls/core';
import type { Root } from 'hast';
import { eachElement } from '../walk.js';
import { EpubInputError, locate } from '../errors.js';
import { figureFileName } from '../layout.js';

/**
 * Points each `<img>` at the figure's file inside the EPUB. Only the chapter's own SVG figures
 * are allowed: anything else would be a remote resource, a missing file or an image type that the
 * EPUB does not carry.
 */
export function adaptFigures(tree: Root, chapter: Chapter, sourceFile: string): void {
  eachElement(tree, (node) => {
    if (node.tagName !== 'img') return;
    const src = node.properties.src;
    const where = locate(sourceFile, node);
    if (typeof src !== 'string' || src === '') {
      throw new EpubInputError(where, 'an image has no source.', 'Write figures as `![alt text](../figures/NAME.svg "Caption")`.');
    }
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
      throw new EpubInputError(
        where,
        `the image \`${src}\` is a remote or embedded resource; the EPUB carries only the book's own figure files.`,
        'Save the image as an SVG file in `figures/` and link it as `../figures/NAME.svg`.',
      );
    }
    const figure = chapter.figures.find((candidate) => candidate.src === src);
    if (!figure) {
      throw new EpubInputError(where, `the image \`${src}\` is not one of the chapter's figures.`, 'Put the image alone in its paragraph, as `![alt text](../figures/NAME.svg "Caption")`.');
    }
    if (!src.toLowerCase().endsWith('.svg')) {
      throw new EpubInputError(where, `the figure \`${src}\` is not an SVG file; the EPUB edition supports SVG figures only.`, 'Convert the image to SVG and save it as `figures/NAME.svg`.');
    }
    if (typeof node.properties.alt !== 'string' || node.properties.alt.trim() === '') {
      throw new EpubInputError(where, `the figure \`${src}\` has no alt text.`, 'Describe the figure in the brackets: `![what the figure shows](../figures/NAME.svg)`.');
    }
    node.properties.src = figureFileName(src);
  });
}
