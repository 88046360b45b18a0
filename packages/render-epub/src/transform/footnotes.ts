import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { eachElement } from '../walk.js';

/**
 * Turns remark-gfm's footnotes into EPUB footnotes that reading systems show as pop-ups:
 * references get `epub:type="noteref"`, each note becomes `<aside epub:type="footnote">` (an
 * `ol` may hold only `li`, so the list gives way to numbered asides) and back links get
 * `role="doc-backlink"`.
 */
export function adaptFootnotes(tree: Root): void {
  eachElement(tree, (node) => {
    const props = node.properties;
    if (node.tagName === 'a' && props.dataFootnoteRef !== undefined) {
      delete props.dataFootnoteRef;
      props['epub:type'] = 'noteref';
      props.role = 'doc-noteref';
    } else if (node.tagName === 'a' && props.dataFootnoteBackref !== undefined) {
      delete props.dataFootnoteBackref;
      props.role = 'doc-backlink';
    } else if (node.tagName === 'section' && props.dataFootnotes !== undefined) {
      delete props.dataFootnotes;
      props['epub:type'] = 'footnotes';
      node.children = node.children.flatMap((child) => (isElement(child, 'ol') ? notesOf(child) : [child]));
    }
  });
}

function notesOf(list: Element): ElementContent[] {
  const items = list.children.filter((child): child is Element => isElement(child, 'li'));
  return items.flatMap((item, index) => [
    { type: 'text', value: '\n' },
    h('aside', { id: item.properties.id, 'epub:type': 'footnote', role: 'doc-footnote', className: ['footnote'] }, withNumber(item.children, index + 1)),
  ]);
}

/** The list's numbers are gone with the list: each note starts with its number. */
function withNumber(children: ElementContent[], number: number): ElementContent[] {
  const label = h('span', { className: ['footnote-number'] }, `${number}.`);
  const first = children.find((child) => child.type === 'element');
  if (first && isElement(first, 'p')) {
    first.children.unshift(label, { type: 'text', value: ' ' });
    return children;
  }
  return [h('p', [label]), ...children];
}

function isElement(node: ElementContent, tagName: string): node is Element {
  return node.type === 'element' && node.tagName === tagName;
}
