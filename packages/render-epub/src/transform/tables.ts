import type { Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Tables for small screens: `align` (obsolete in HTML5, an epubcheck error) becomes an inline
 * `text-align`, and each table sits in a wrapper that lets it scroll instead of overflowing.
 */
export function adaptTables(tree: Root): void {
  visit(tree, 'element', (node) => {
    const align = node.properties.align;
    if ((node.tagName === 'th' || node.tagName === 'td') && typeof align === 'string') {
      node.properties.style = `text-align: ${align}`;
      delete node.properties.align;
    }
  });
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
    parent.children[index] = h('div', { className: ['table-wrap'] }, [node]);
    return [SKIP, index + 1];
  });
}
