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
    case 'root': {
      let out = '';
      for (const child of node.children) out += one(child, ns, selfClosing, empty);
      return out;
    }
    case 'element': {
      const own = node.attributes?.xmlns ?? ns;
      let out = `<${node.name}`;
      for (const name in node.attributes) {
        const value = node.attributes[name];
        if (value !== null && value !== undefined) out += ` ${name}="${escapeAttribute(value)}"`;
      }
      if (node.children.length === 0 && selfClosing(node, own)) return out + empty;
      out += '>';
      for (const child of node.children) out += one(child, own, selfClosing, empty);
      return `${out}</${node.name}>`;
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

// One pass each, and none for the many strings with nothing to escape.
const TEXT_SPECIAL = /[&<>]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const entity = (char: string) => ENTITIES[char]!;

function escapeText(value: string): string {
  TEXT_SPECIAL.lastIndex = 0;
  return TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIAL, entity) : value;
}

function escapeAttribute(value: string): string {
  ATTRIBUTE_SPECIAL.lastIndex = 0;
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(ATTRIBUTE_SPECIAL, entity) : value;
}
