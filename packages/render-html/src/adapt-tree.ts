import type { Chapter } from '@dmls/core';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** A cross-reference as the compiler resolved it. */
export interface Reference {
  chapter: string;
  section?: string;
}

export interface AdaptOptions {
  /** Prefix for every id (and every `#` link to it), so that several chapters can share a page. */
  idPrefix?: string;
  /** Maps a cross-reference to a URL. Default: `<chapter>.html#<section>`. */
  resolveLink?: (reference: Reference) => string;
  /** Added to every heading level (1 turns `##` into `<h3>`); levels stop at 6. */
  headingOffset?: number;
  /** Prefix for every class name, to keep the host page's styles apart. */
  classPrefix?: string;
  /** Maps a figure's `src` (`figures/x.svg`) to the URL to load it from. */
  figureSrc?: (src: string) => string;
  /** Adds a `#` link beside each heading. */
  headingAnchors?: boolean;
}

export const defaultResolveLink = (ref: Reference): string => `${ref.chapter}.html${ref.section ? `#${ref.section}` : ''}`;

/**
 * A copy of the chapter's tree adapted to where it will be shown. Works on the tree, never on
 * HTML strings, so that no adaptation can break markup or escape sanitisation.
 */
export function adaptTree(chapter: Chapter, options: AdaptOptions = {}): Root {
  const tree = structuredClone(chapter.tree);
  const { idPrefix = '', classPrefix = '', headingOffset = 0 } = options;
  const resolveLink = options.resolveLink ?? defaultResolveLink;
  visit(tree, 'element', (node: Element, index, parent) => {
    const props = node.properties;
    if (typeof props.id === 'string') props.id = idPrefix + props.id;
    if (typeof props.ariaDescribedBy === 'string' || Array.isArray(props.ariaDescribedBy)) {
      props.ariaDescribedBy = [props.ariaDescribedBy].flat().map((id) => idPrefix + String(id));
    }
    if (classPrefix && Array.isArray(props.className)) {
      props.className = props.className.map((name) => classPrefix + String(name));
    }
    if (node.tagName === 'a' && typeof props.href === 'string') {
      if (typeof props.dataChapter === 'string') {
        const ref: Reference = { chapter: props.dataChapter };
        if (typeof props.dataSection === 'string') ref.section = props.dataSection;
        props.href = ref.chapter === chapter.id && ref.section ? `#${idPrefix}${ref.section}` : resolveLink(ref);
      } else if (props.href.startsWith('#')) {
        props.href = `#${idPrefix}${props.href.slice(1)}`;
      }
    }
    if (node.tagName === 'img' && typeof props.src === 'string' && options.figureSrc) {
      props.src = options.figureSrc(props.src);
    }
    const level = /^h([1-6])$/.exec(node.tagName);
    if (level) {
      if (headingOffset) node.tagName = `h${Math.min(6, Number(level[1]) + headingOffset)}`;
      const isFootnoteLabel = Array.isArray(props.className) && props.className.some((c) => String(c).endsWith('sr-only'));
      if (options.headingAnchors && typeof props.id === 'string' && !isFootnoteLabel) {
        node.children.push({
          type: 'element',
          tagName: 'a',
          properties: { className: [`${classPrefix}heading-anchor`], href: `#${props.id}`, ariaHidden: 'true', tabIndex: -1 },
          children: [{ type: 'text', value: '#' }],
        });
      }
    }
    // Wide tables scroll inside their own box instead of widening the page.
    if (node.tagName === 'table' && parent && typeof index === 'number' && !(parent as Element).properties?.dataTableWrap) {
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: [`${classPrefix}table-wrap`], dataTableWrap: true, tabIndex: 0, role: 'region', ariaLabel: 'Table' },
        children: [node],
      };
    }
  });
  return tree;
}
