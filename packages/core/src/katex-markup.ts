import type { ElementContent, Properties } from 'hast';
import { h } from 'hastscript';

// KaTeX writes well-formed markup: double-quoted attribute values (`class ="…"` in MathML, with a
// space), no comments, and five characters escaped.
const TOKEN = /<\/([a-z][a-z0-9-]*)>|<([a-z][a-z0-9-]*)((?:\s+[^\s=/>]+\s*=\s*"[^"]*")*)\s*(\/?)>|[^<]+/gy;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*"([^"]*)"/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };

interface Open {
  tagName: string;
  properties: Properties;
  children: ElementContent[];
}

/**
 * The tree of KaTeX's markup, node for node as an HTML parser (parse5, through
 * hast-util-from-html) reads it, and with the same properties (hastscript maps the attributes,
 * as it does there), but without parsing HTML in general: that cost more than typesetting.
 */
export function fromKatexMarkup(markup: string): ElementContent[] {
  const root: Open = { tagName: '', properties: {}, children: [] };
  const stack: Open[] = [root];
  let at = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(markup); match; match = TOKEN.exec(markup)) {
    at = TOKEN.lastIndex;
    const [token, closing, opening, attributes, selfClosing] = match;
    const current = stack[stack.length - 1]!;
    if (closing) {
      if (closing !== current.tagName) throw unexpected(markup, match.index);
      stack.pop();
      stack[stack.length - 1]!.children.push(h(current.tagName, current.properties, current.children));
    } else if (opening) {
      const properties: Properties = {};
      for (const [, name, value] of (attributes ?? '').matchAll(ATTRIBUTE)) properties[name!] = decode(value!, markup);
      // KaTeX closes only MathML's empty elements this way (`<mspace …/>`), as HTML parsers read them.
      if (selfClosing) current.children.push(h(opening, properties, []));
      else stack.push({ tagName: opening, properties, children: [] });
    } else {
      current.children.push({ type: 'text', value: decode(token, markup) });
    }
  }
  if (at !== markup.length || stack.length !== 1) throw unexpected(markup, at);
  return root.children;
}

function decode(text: string, markup: string): string {
  return text.replace(/&[^;]*;?/g, (entity) => {
    const character = ENTITIES[entity];
    if (character === undefined) throw unexpected(markup, markup.indexOf(entity));
    return character;
  });
}

function unexpected(markup: string, at: number): Error {
  return new Error(`Unexpected markup from KaTeX at ${at}: ${markup.slice(at, at + 40)}`);
}
