import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { fromKatexMarkup } from './katex-markup.js';

/**
 * Typesets remark-math's math (`code.language-math`, inline or display) with KaTeX, as
 * rehype-katex does, reporting TeX that KaTeX cannot read on the file; but it builds the tree from
 * KaTeX's markup itself instead of re-parsing it as HTML.
 */
export function rehypeMath(options: KatexOptions) {
  return (tree: Root, file: VFile): void => {
    visitParents(tree, 'element', (element, parents) => {
      const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
      const languageMath = classes.includes('language-math');
      const mathDisplay = classes.includes('math-display');
      if (!languageMath && !mathDisplay && !classes.includes('math-inline')) return undefined;
      let parent = parents[parents.length - 1];
      let scope: Element = element;
      let displayMode = mathDisplay;
      // Fenced ```math: the whole `<pre>` becomes display math.
      if (element.tagName === 'code' && languageMath && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents[parents.length - 2];
        displayMode = true;
      }
      if (!parent) return undefined;
      const value = toText(scope, { whitespace: 'pre' });
      let markup: string;
      try {
        markup = katex.renderToString(value, { ...options, displayMode, throwOnError: true });
      } catch (error) {
        const cause = error as Error;
        file.message('Could not render math with KaTeX', { ancestors: [...parents, element], cause, place: element.position, ruleId: cause.name.toLowerCase(), source: 'rehype-katex' });
        parent.children.splice(parent.children.indexOf(scope), 1, ...renderError(value, displayMode, options, cause));
        return SKIP;
      }
      parent.children.splice(parent.children.indexOf(scope), 1, ...fromKatexMarkup(markup));
      return SKIP;
    });
  };
}

/** KaTeX's own rendering of TeX it cannot read; or, where even that fails, the same in red by hand. */
function renderError(value: string, displayMode: boolean, options: KatexOptions, error: Error): ElementContent[] {
  let markup: string;
  try {
    markup = katex.renderToString(value, { ...options, displayMode, strict: 'ignore', throwOnError: false });
  } catch {
    return [{ type: 'element', tagName: 'span', properties: { className: ['katex-error'], style: `color:${options.errorColor || '#cc0000'}`, title: String(error) }, children: [{ type: 'text', value }] }];
  }
  return fromKatexMarkup(markup);
}
