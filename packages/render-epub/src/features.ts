import type { Root } from 'hast';
import { someElement } from './walk.js';

/** Whether a page has MathML (its manifest item then needs the `mathml` property). */
export function usesMath(tree: Root): boolean {
  return has(tree, 'math');
}

/** Whether a page has inline SVG (its manifest item then needs the `svg` property). */
export function usesSvg(tree: Root): boolean {
  return has(tree, 'svg');
}

function has(tree: Root, tagName: string): boolean {
  return someElement(tree, (node) => node.tagName === tagName);
}
