import type { Element, ElementContent, Properties, Root } from 'hast';
import { eachElement } from '../walk.js';

/**
 * Leaner highlighted code. The compiler's highlighter (shiki) wraps every line in `span.line` and
 * every token in a span with its colour, most of them in the block's own colour. The EPUB keeps
 * the colours inline, where readers' CSS does not reach, but writes each only where it changes
 * something: `<code>` carries the block's colour (inline too, so a reading system's `code` rule
 * cannot recolour plain tokens), tokens in that colour and whitespace-only tokens lose their span,
 * neighbouring tokens of one colour share one, and the line spans, which no EPUB style reads, go.
 * The theme classes name the site's light and dark pair, whose dark half the EPUB drops.
 */
export function leanCode(tree: Root): void {
  eachElement(tree, (node) => {
    if (node.tagName !== 'pre' || !classList(node.properties).includes('shiki')) return;
    setClasses(node.properties, ['shiki']);
    const colour = colourOf(node.properties.style);
    const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
    if (!code || !colour) return;
    code.properties.style = `color:${colour}`;
    code.children = mergeRuns(unwrap(code.children, colour));
  });
}

/** The colour of an inline style that sets nothing else, e.g. `color:#CF222E`. */
function colourOf(style: unknown): string | undefined {
  if (typeof style !== 'string') return undefined;
  const declarations = style.split(';').map((declaration) => declaration.trim()).filter(Boolean);
  const colour = declarations.find((declaration) => /^color\s*:/i.test(declaration));
  return colour?.slice(colour.indexOf(':') + 1).trim();
}

function tokenColour(node: Element): string | undefined {
  const style = node.properties.style;
  if (typeof style !== 'string' || style.split(';').filter((part) => part.trim() !== '').length !== 1) return undefined;
  return colourOf(style);
}

/** Line spans and spans that colour nothing visible give way to their content. */
function unwrap(children: readonly ElementContent[], blockColour: string): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element' || child.tagName !== 'span') return [child];
    if (classList(child.properties).includes('line') && Object.keys(child.properties).length === 1) return unwrap(child.children, blockColour);
    const colour = tokenColour(child);
    const onlyText = child.children.every((grandchild) => grandchild.type === 'text');
    if (colour === undefined || !onlyText || Object.keys(child.properties).length !== 1) return [child];
    const invisible = child.children.every((grandchild) => grandchild.type === 'text' && grandchild.value.trim() === '');
    return colour.toLowerCase() === blockColour.toLowerCase() || invisible ? child.children : [child];
  });
}

/** Adjacent text joins; spans of one colour join, across whitespace between them. */
function mergeRuns(children: readonly ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    const last = out[out.length - 1];
    if (child.type === 'text' && last?.type === 'text') {
      last.value += child.value;
      continue;
    }
    const colour = child.type === 'element' ? tokenColour(child) : undefined;
    if (child.type === 'element' && colour !== undefined) {
      const gap = last?.type === 'text' && last.value.trim() === '' ? last : undefined;
      const before = gap ? out[out.length - 2] : last;
      if (before?.type === 'element' && before.tagName === 'span' && tokenColour(before) === colour && Object.keys(before.properties).length === 1) {
        if (gap) out.pop();
        before.children = mergeRuns([...before.children, ...(gap ? [gap] : []), ...child.children]);
        continue;
      }
    }
    out.push(child.type === 'text' ? { ...child } : child);
  }
  return out;
}

/** Class names, whether the tree carries them as `className` (hast) or as a `class` string. */
function classList(properties: Properties): string[] {
  const value = properties.className ?? properties.class;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

function setClasses(properties: Properties, classes: string[]): void {
  delete properties.class;
  properties.className = classes;
}
