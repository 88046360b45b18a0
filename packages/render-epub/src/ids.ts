import type { Root } from 'hast';
import { eachElement } from './walk.js';

/** Every `id` in a tree. */
export function collectIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  eachElement(tree, (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  return ids;
}

/** `base`, or `base-2`, `base-3`… : the first that `taken` does not hold. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}
