import type { Element, Nodes, Root, RootContent } from 'xast';
import { serializeCompactXml } from './xml.js';

/**
 * SVG elements whose text is drawn or read out (or is a stylesheet): whitespace inside them is
 * content, e.g. the space between two `<tspan>`s.
 */
const textElements = new Set(['text', 'tspan', 'textPath', 'title', 'desc', 'style', 'script', 'metadata']);

/**
 * A figure as few bytes as draw and read the same: no comments, no XML declaration or doctype,
 * no indentation between elements. Elements, attributes (ids, `role`, ARIA), `<title>`, `<desc>`
 * and any text that is drawn stay as they are, and so does whitespace under `xml:space="preserve"`.
 */
export function minifySvg(tree: Root): string {
  return serializeCompactXml(tree.children.flatMap((node) => clean(node, false)));
}

function clean(node: Nodes, keepSpace: boolean): RootContent[] {
  switch (node.type) {
    case 'comment':
    case 'doctype':
      return [];
    case 'instruction':
      return node.name === 'xml' ? [] : [node];
    case 'text':
      return keepSpace || node.value.trim() !== '' ? [node] : [];
    case 'element': {
      const keep = keepSpace || textElements.has(node.name) || node.attributes['xml:space'] === 'preserve';
      const element: Element = { ...node, children: node.children.flatMap((child) => clean(child, keep)) as Element['children'] };
      return [element];
    }
    default:
      return node.type === 'root' ? node.children.flatMap((child) => clean(child, keepSpace)) : [node];
  }
}
