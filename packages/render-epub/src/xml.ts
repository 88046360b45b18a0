import type { Root as HastRoot } from 'hast';
import { toXast } from 'hast-util-to-xast';
import type { Element, Nodes, Root } from 'xast';

/** HTML's void elements: in XHTML the only ones written `<x />`; every other element gets an end tag. */
const htmlVoids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Serialises an XHTML content document given as hast. The tree goes through xast
 * (hast-util-to-xast), which writes boolean attributes as `checked=""` (hast-util-to-html writes
 * them bare, which is not XML) and declares namespaces where they change (MathML, SVG). Empty
 * elements follow HTML's rules (`<br />` but `<a id="x"></a>`), so the files read the same in an
 * XML or an HTML parser.
 */
export function serializeXhtml(tree: HastRoot): string {
  const xast = toXast(tree) as Root;
  return serializeXml(xast.children, (element, ns) => ns === XHTML_NS && htmlVoids.has(element.name));
}

/**
 * Serialises an XML document with its declaration. `selfClosing` decides which empty elements are
 * written `<x />` (default: all of them, as in the package document, the NCX or SVG).
 */
export function serializeXml(
  children: Root['children'] | Element,
  selfClosing: (element: Element, ns: string | undefined) => boolean = () => true,
): string {
  const nodes = Array.isArray(children) ? children : [children];
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  return `${declaration}${nodes.map((node) => one(node, undefined, selfClosing)).join('')}\n`;
}

/**
 * Serialises XML as compactly as it reads the same: no declaration (UTF-8 is XML's default) and
 * empty elements as `<x/>`. For images, which no reader opens as text.
 */
export function serializeCompactXml(nodes: Root['children']): string {
  return nodes.map((node) => one(node, undefined, () => true, '/>')).join('');
}

function one(node: Nodes, ns: string | undefined, selfClosing: (element: Element, ns: string | undefined) => boolean, empty = ' />'): string {
  switch (node.type) {
    case 'root':
      return node.children.map((child) => one(child, ns, selfClosing, empty)).join('');
    case 'element': {
      const own = node.attributes?.xmlns ?? ns;
      const attributes = Object.entries(node.attributes ?? {})
        .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
        .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
        .join('');
      if (node.children.length === 0 && selfClosing(node, own)) return `<${node.name}${attributes}${empty}`;
      const content = node.children.map((child) => one(child, own, selfClosing, empty)).join('');
      return `<${node.name}${attributes}>${content}</${node.name}>`;
    }
    case 'text':
      return escapeText(node.value);
    case 'doctype':
      return `<!DOCTYPE ${node.name}>\n`;
    case 'instruction':
      return `<?${node.name} ${node.value}?>`;
    case 'comment':
      return `<!--${node.value}-->`;
    case 'cdata':
      return `<![CDATA[${node.value}]]>`;
    default:
      return '';
  }
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
