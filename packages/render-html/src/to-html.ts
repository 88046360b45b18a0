import type { ElementContent, Nodes, Parents, Properties } from 'hast';
import { htmlVoidElements } from 'html-void-elements';
import { find, html, type Schema, svg } from 'property-information';

/**
 * Serialises a hast tree exactly as `hast-util-to-html` does with `{ upperDoctype }` and every other
 * option at its default (a test holds the two to the same bytes on every page of the book), in
 * one pass of string appends. hast-util-to-html builds an array per element, copies its options
 * object for every text and attribute value and looks up each property again: on the real book
 * that was about 240 ms of the site's 420 ms.
 */
export function toHtml(tree: Nodes, options: { upperDoctype?: boolean } = {}): string {
  return one(tree, undefined, html, options.upperDoctype === true);
}

/**
 * HTML this package serialised itself earlier (a chapter's content from the render cache), to be
 * written as it is. Only nodes made by `serialised` are: a `raw` node from anywhere else is text.
 */
const trusted = new WeakSet<object>();

interface Raw {
  type: 'raw';
  value: string;
}

/** Stands in a tree wherever an element may, as a `raw` node does in hast. */
export function serialised(value: string): ElementContent {
  const node: Raw = { type: 'raw', value };
  trusted.add(node);
  return node as unknown as ElementContent;
}

const VOIDS = new Set(htmlVoidElements);
// Elements inside SVG whose content is HTML again.
const INTEGRATION_POINTS = new Set(['desc', 'foreignObject', 'title']);

function one(node: Nodes, parent: Parents | undefined, schema: Schema, upperDoctype: boolean): string {
  switch (node.type) {
    case 'root':
      return all(node, schema, upperDoctype);
    case 'element': {
      const inSvg = schema.space === 'svg' || node.tagName === 'svg';
      const own = inSvg ? svg : html;
      const attributes = serializeAttributes(node.properties, own);
      const childSchema = own === svg && INTEGRATION_POINTS.has(node.tagName) ? html : own;
      const content = all(node.tagName === 'template' && node.content ? node.content : node, childSchema, upperDoctype);
      // A void element with children is not void (hast-util-to-html's rule); SVG's empty elements are
      // closed with an end tag, as closeEmptyElements is off.
      const selfClosing = schema.space !== 'svg' && content === '' && VOIDS.has(node.tagName.toLowerCase());
      return `<${node.tagName}${attributes}>${content}${selfClosing ? '' : `</${node.tagName}>`}`;
    }
    case 'text':
      return text(node.value, parent);
    case 'comment':
      return `<!--${node.value.replace(/^>|^->|<!--|-->|--!>|<!-$/g, (match) => match.replace(/[<>]/g, (c) => (c === '<' ? '&#x3C;' : '&#x3E;')))}-->`;
    case 'doctype':
      return upperDoctype ? '<!DOCTYPE html>' : '<!doctype html>';
    default: {
      const other = node as unknown as { value?: unknown };
      if (trusted.has(other)) return (other as Raw).value;
      // Any other `raw` node is text, as hast-util-to-html has it without allowDangerousHtml.
      return typeof other.value === 'string' ? text(other.value, parent) : '';
    }
  }
}

/** Text is escaped, except inside `<script>` and `<style>`. */
function text(value: string, parent: Parents | undefined): string {
  return parent?.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style') ? value : escapeWith(value, TEXT);
}

function all(parent: Parents, schema: Schema, upperDoctype: boolean): string {
  let out = '';
  for (const child of parent.children) out += one(child, parent, schema, upperDoctype);
  return out;
}

interface Attribute {
  attribute: string;
  /** The attribute's name as written (escaped). */
  name: string;
  boolean: boolean;
  overloadedBoolean: boolean;
  commaSeparated: boolean;
}

const infos = { html: new Map<string, Attribute>(), svg: new Map<string, Attribute>() };

function info(schema: Schema, key: string): Attribute {
  const cache = schema.space === 'svg' ? infos.svg : infos.html;
  let found = cache.get(key);
  if (!found) {
    const { attribute, boolean, overloadedBoolean, commaSeparated } = find(schema, key);
    found = { attribute, name: escapeWith(attribute, NAME), boolean, overloadedBoolean, commaSeparated };
    cache.set(key, found);
  }
  return found;
}

/** The attributes with a leading space, or '' (hast-util-to-html's rules for each value type). */
function serializeAttributes(properties: Properties | undefined, schema: Schema): string {
  let out = '';
  if (!properties) return out;
  for (const key in properties) {
    let value = properties[key];
    if (value === null || value === undefined) continue;
    const attr = info(schema, key);
    if (attr.overloadedBoolean && (value === attr.attribute || value === '')) value = true;
    else if ((attr.boolean || attr.overloadedBoolean) && (typeof value !== 'string' || value === attr.attribute || value === '')) value = Boolean(value);
    if (value === false || (typeof value === 'number' && Number.isNaN(value))) continue;
    if (value === true) {
      out += ` ${attr.name}`;
      continue;
    }
    out += ` ${attr.name}="${escapeWith(Array.isArray(value) ? list(value, attr.commaSeparated) : String(value), VALUE)}"`;
  }
  return out;
}

// The characters hast-util-to-html encodes (as hexadecimal references) in text, in double-quoted
// attribute values and in attribute names, with parse errors and dangerous characters disallowed.
const TEXT = /[<&]/g;
const VALUE = /[\0"&'`]/g;
const NAME = /[\0\t\n\f\r "&'/<=>`]/g;

/** comma-separated-tokens' and space-separated-tokens' `stringify`. */
function list(values: Array<string | number>, commas: boolean): string {
  if (!commas) return values.join(' ').trim();
  return (values[values.length - 1] === '' ? [...values, ''] : values).join(', ').trim();
}

function escapeWith(value: string, pattern: RegExp): string {
  pattern.lastIndex = 0;
  if (!pattern.test(value)) return value;
  pattern.lastIndex = 0;
  return value.replace(pattern, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}
