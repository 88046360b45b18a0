import type { Chapter } from '@dmls/core';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';

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
 * HTML strings, so that no adaptation can break markup or escape sanitisation. The copy is made
 * in the same pass that adapts it: a page of the site adapts every chapter, often twice.
 */
export function adaptTree(chapter: Chapter, options: AdaptOptions = {}): Root {
  const { idPrefix = '', classPrefix = '', headingOffset = 0 } = options;
  const context: Context = { chapter, options, idPrefix, classPrefix, headingOffset, resolveLink: options.resolveLink ?? defaultResolveLink, tables: 0 };
  const tree = chapter.tree;
  return { ...tree, children: adaptChildren(tree.children, undefined, context) as Root['children'] };
}

interface Context {
  chapter: Chapter;
  options: AdaptOptions;
  idPrefix: string;
  classPrefix: string;
  headingOffset: number;
  resolveLink: (reference: Reference) => string;
  /** Tables adapted so far, to name each apart. */
  tables: number;
}

/**
 * Children in document order, each element before its children (as the numbering of tables
 * needs). `scope` is given to header cells: a row passes whether its cells head columns or rows.
 */
function adaptChildren(
  children: readonly (RootContent | ElementContent)[],
  parent: Element | undefined,
  context: Context,
  scope?: 'col' | 'row',
): (RootContent | ElementContent)[] {
  return children.map((child) => (child.type === 'element' ? adaptElement(child, parent, context, child.tagName === 'th' ? scope : undefined) : { ...child }));
}

function adaptElement(source: Element, parent: Element | undefined, context: Context, scope: 'col' | 'row' | undefined): Element {
  const { idPrefix, classPrefix, headingOffset, options, chapter } = context;
  const props: Properties = {};
  for (const [key, value] of Object.entries(source.properties)) props[key] = Array.isArray(value) ? [...value] : value;
  if (scope) props.scope = scope;
  const node: Element = { ...source, properties: props };
  let children: ElementContent[] = source.children;
  let result: Element = node;
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
      props.href = ref.chapter === chapter.id && ref.section ? `#${idPrefix}${ref.section}` : context.resolveLink(ref);
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
      // Adapted with the heading's other children, as any child is.
      children = [
        ...children,
        {
          type: 'element',
          tagName: 'a',
          properties: { className: [`${classPrefix}heading-anchor`], href: `#${props.id}`, ariaHidden: 'true', tabIndex: -1 },
          children: [{ type: 'text', value: '#' }],
        },
      ];
    }
  }
  // Wide tables and formulas scroll inside their own box instead of widening the page; the box is
  // focusable so that keyboard users can scroll it, and each table's is named apart ("Table 4.2").
  if (node.tagName === 'table' && !parent?.properties.dataTableWrap) {
    context.tables += 1;
    result = {
      type: 'element',
      tagName: 'div',
      // A group, not a region: a landmark per table would crowd the page's list of landmarks.
      properties: { className: [`${classPrefix}table-wrap`], dataTableWrap: true, tabIndex: 0, role: 'group', ariaLabel: `Table ${chapter.number > 0 ? `${chapter.number}.` : ''}${context.tables}` },
      children: [node],
    };
  }
  const first = children[0];
  if (
    node.tagName === 'span' && parent?.tagName !== 'p' && children.length === 1 &&
    first?.type === 'element' && first.tagName === 'math' && first.properties.display === 'block'
  ) {
    node.tagName = 'div';
    props.className = [...(Array.isArray(props.className) ? props.className.map(String) : []), `${classPrefix}math-block`];
    props.tabIndex = 0;
  }
  if (node.tagName === 'th' || node.tagName === 'td') adaptCell(node, classPrefix);
  const cellScope = node.tagName === 'tr' ? (parent?.tagName === 'thead' ? 'col' : 'row') : undefined;
  node.children = adaptChildren(children, node, context, cellScope) as ElementContent[];
  return result;
}

/**
 * GFM's column alignment arrives as the obsolete `align` attribute: it becomes a class
 * (`align-right`). A header cell says which cells it heads (`scope`), and one with no text (the
 * corner of a table with row headers) would be announced as an unnamed header: it becomes a plain cell.
 */
function adaptCell(cell: Element, classPrefix: string): void {
  const { align } = cell.properties;
  if (typeof align === 'string') {
    cell.properties.className = [...(Array.isArray(cell.properties.className) ? cell.properties.className.map(String) : []), `${classPrefix}align-${align}`];
    delete cell.properties.align;
  }
  if (cell.tagName === 'th' && !hasText(cell)) {
    cell.tagName = 'td';
    delete cell.properties.scope;
  }
}

function hasText(node: Element): boolean {
  return node.children.some((child) => (child.type === 'text' ? child.value.trim() !== '' : child.type === 'element' && hasText(child)));
}
