import type { Book } from '@dmls/core';
import { deflateRawSync } from 'node:zlib';
import type { Element, Nodes } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEpub } from '../src/index.js';
import { minifyCss } from '../src/minify-css.js';
import { minifySvg } from '../src/minify-svg.js';
import { Unpacked, byName, elements, fixtureBook, textOf } from './helpers.js';

let book: Book;
let epub: Unpacked;

beforeAll(async () => {
  book = await fixtureBook();
  epub = new Unpacked(await renderEpub(book, { version: '1.0.0' }));
});

/** Each entry of the central directory: name, method, flags and compressed size. */
function centralDirectory(bytes: Uint8Array): { name: string; method: number; flags: number; compressed: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = [];
  for (let index = 0; index < count; index += 1) {
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

describe('the zip', () => {
  it('deflates every entry but mimetype and fonts at the maximum level, and says so', () => {
    const entries = centralDirectory(epub.bytes);
    const stored = entries.filter((entry) => entry.method === 0).map((entry) => entry.name);
    expect(stored).toEqual(['mimetype', 'OEBPS/fonts/source-code-pro-latin-400-normal.woff2']);
    for (const entry of entries.filter((candidate) => candidate.method === 8)) {
      const data = epub.files[entry.name] as Uint8Array;
      expect(entry.flags & 0x0006, entry.name).toBe(0x0002); // bits 1-2: maximum compression
      expect(entry.compressed, entry.name).toBeLessThanOrEqual(deflateRawSync(data, { level: 9, memLevel: 9 }).length);
    }
  });
});

/** Whitespace-only text between elements, outside text that SVG draws or reads. */
function formattingWhitespace(node: Nodes, inText = false): string[] {
  if (node.type === 'text') return !inText && node.value.trim() === '' ? [node.value] : [];
  if (node.type !== 'element' && node.type !== 'root') return [];
  const text = inText || (node.type === 'element' && ['text', 'tspan', 'title', 'desc', 'style'].includes(node.name));
  return node.children.flatMap((child) => formattingWhitespace(child, text));
}

/** What a figure draws and says: every element with its attributes, and its text. */
function drawing(node: Nodes): unknown[] {
  return elements(node).map((element) => [element.name, element.attributes, textOf(element).trim()]);
}

describe('figures', () => {
  it('are minified: no comments, no declaration, no indentation, and nothing else changed', () => {
    const source = book.chapters[0]?.figures[0]?.svg as string;
    const indented = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n${source.replace(/></g, '>\n  <').replace('<title', '<!-- the title -->\n<title')}`;
    const minified = minifySvg(fromXml(indented));
    expect(minified.startsWith('<svg ')).toBe(true);
    expect(minified).not.toMatch(/<!--|<\?xml|>\s+</);
    expect(drawing(fromXml(minified))).toEqual(drawing(fromXml(source)));
  });

  it('keep their title, description, ids, ARIA and the spaces that are drawn', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t">\n  <title id="t">A  title</title>\n  <text x="1" y="2">a <tspan>b</tspan> c</text>\n  <g xml:space="preserve"> <text>d</text> </g>\n</svg>';
    expect(minifySvg(fromXml(svg))).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t"><title id="t">A  title</title><text x="1" y="2">a <tspan>b</tspan> c</text><g xml:space="preserve"> <text>d</text> </g></svg>',
    );
  });

  it('are packaged minified', () => {
    for (const path of Object.keys(epub.files).filter((name) => name.startsWith('OEBPS/images/'))) {
      const text = epub.text(path);
      expect(text, path).not.toMatch(/<!--|<\?xml/);
      expect(formattingWhitespace(fromXml(text)), path).toEqual([]);
      const svg = byName(fromXml(text), 'svg')[0] as Element;
      expect(svg.attributes.role, path).toBe('img');
      expect(byName(svg, 'title').length, path).toBe(1);
    }
  });
});

describe('highlighted code', () => {
  const page = () => epub.xml('OEBPS/chapter-going-further.xhtml');
  const pre = () => byName(page(), 'pre')[0] as Element;

  it('keeps the code text exactly', () => {
    expect(textOf(pre())).toBe('def predict(x: float) -> float:\n    return 2 * x + 1  # a line');
  });

  it('keeps colours inline, each written where it changes something', () => {
    const block = pre();
    expect(block.attributes.class).toBe('shiki');
    expect(block.attributes.style).toMatch(/color:#1f2328/i);
    const code = byName(block, 'code')[0] as Element;
    expect(code.attributes.style).toBe('color:#1f2328');
    const tokens = byName(code, 'span');
    expect(tokens.length).toBeGreaterThan(3);
    for (const token of tokens) {
      expect(Object.keys(token.attributes)).toEqual(['style']);
      expect(token.attributes.style).toMatch(/^color:#[0-9a-f]{6}$/i);
      expect(token.attributes.style?.toLowerCase()).not.toBe('color:#1f2328');
      expect(textOf(token).trim()).not.toBe('');
    }
    // Neighbouring tokens differ in colour (else they would share a span).
    const siblings = code.children.filter((child): child is Element => child.type === 'element');
    siblings.slice(1).forEach((token, index) => {
      const previous = siblings[index] as Element;
      const between = code.children.slice(code.children.indexOf(previous) + 1, code.children.indexOf(token));
      if (between.every((node) => node.type === 'text' && node.value.trim() === '')) expect(token.attributes.style).not.toBe(previous.attributes.style);
    });
  });
});

describe('the stylesheet', () => {
  it('is minified, and means the same', () => {
    const css = epub.text('OEBPS/style.css');
    expect(css).not.toMatch(/\/\*|\n./);
    expect(css).toContain('pre.shiki{border:1px solid #d0d7de;');
    expect(css).toContain(':not(pre)>code{');
  });

  it('keeps strings and the spaces that separate', () => {
    expect(minifyCss('/* a comment */\na :hover ,\n b > c {\n  color : red ;\n  content: "x  ;  y";\n}\n@media (min-width: 30em) { d { e: f; } }')).toBe(
      'a :hover,b>c{color :red;content:"x  ;  y"}@media (min-width:30em){d{e:f}}',
    );
  });
});
