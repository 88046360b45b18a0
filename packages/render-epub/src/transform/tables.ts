import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { eachElement } from '../walk.js';

/**
 * Tables for small screens: `align` (obsolete in HTML5, an epubcheck error) becomes an inline
 * `text-align`, and each table sits in a wrapper that lets it scroll instead of overflowing.
 */
export function adaptTables(tree: Root): void {
  const parents = new Set<Root | Element>();
  const holdsTable = (node: Root | Element) => node.children.some((child) => child.type === 'element' && child.tagName === 'table');
  if (holdsTable(tree)) parents.add(tree);
  eachElement(tree, (node) => {
    const align = node.properties.align;
    if ((node.tagName === 'th' || node.tagName === 'td') && typeof align === 'string') {
      node.properties.style = `text-align: ${align}`;
      delete node.properties.align;
    }
    if (holdsTable(node)) parents.add(node);
  });
  // Wrapped after the walk, which would otherwise find each table again inside its wrapper.
  for (const parent of parents) {
    parent.children = parent.children.map((child) => (child.type === 'element' && child.tagName === 'table' ? h('div', { className: ['table-wrap'] }, [child]) : child)) as typeof parent.children;
  }
}
