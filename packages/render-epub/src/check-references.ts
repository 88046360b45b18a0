import type { Element } from 'hast';
import type { ContentDocument } from './document.js';
import { collectIds } from './ids.js';
import { eachElement } from './walk.js';

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The last check before packaging: every internal link (`a[href]`) and resource (`img[src]`,
 * `link[href]`) of every content document resolves to a file in the EPUB and, with a fragment, to
 * an id in that file; no resource is remote. Chapter links were already checked with the
 * author's file names; this catches anything else.
 */
export function checkReferences(documents: readonly ContentDocument[], resources: ReadonlySet<string>): void {
  const ids = new Map(documents.map((document) => [document.file, collectIds(document.page)]));
  const problems: string[] = [];
  for (const document of documents) {
    eachElement(document.page, (node: Element) => {
      const attribute = node.tagName === 'img' ? 'src' : node.tagName === 'a' || node.tagName === 'link' ? 'href' : undefined;
      const value = attribute ? node.properties[attribute] : undefined;
      if (typeof value !== 'string') return;
      if (EXTERNAL.test(value)) {
        if (node.tagName !== 'a') problems.push(`${document.file}: remote resource \`${value}\``);
        return;
      }
      const hash = value.indexOf('#');
      const file = hash === -1 ? value : value.slice(0, hash) || document.file;
      const fragment = hash === -1 ? undefined : value.slice(hash + 1);
      const targetIds = ids.get(file);
      if (!targetIds && !resources.has(file)) problems.push(`${document.file}: \`${value}\` is not a file of the EPUB`);
      else if (fragment !== undefined && !targetIds?.has(fragment)) problems.push(`${document.file}: \`${value}\` has no target \`#${fragment}\``);
    });
  }
  if (problems.length > 0) throw new Error(`The EPUB would have broken references:\n  ${problems.join('\n  ')}`);
}
