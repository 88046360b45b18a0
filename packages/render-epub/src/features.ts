import type { Root } from 'hast';
import { EXIT, visit } from 'unist-util-visit';

/** Whether a page has MathML (its manifest item then needs the `mathml` property). */
export function usesMath(tree: Root): boolean {
  return has(tree, 'math');
}

/** Whether a page has inline SVG (its manifest item then needs the `svg` property). */
export function usesSvg(tree: Root): boolean {
  return has(tree, 'svg');
}

function has(tree: Root, tagName: string): boolean {
  let found = false;
  visit(tree, 'element', (node) => {
    if (node.tagName !== tagName) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}
