import { compile, type Book } from '@dmls/core';
import { strFromU8, unzipSync } from 'fflate';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Nodes, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';

export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** The fixture book, compiled once per test file (a fresh copy for each caller). */
let fixture: Promise<Book> | undefined;
export async function fixtureBook(): Promise<Book> {
  fixture ??= compile(resolve(repositoryRoot, 'tests/fixtures/book')).then(({ book, diagnostics }) => {
    if (!book) throw new Error(`The fixture book does not compile: ${JSON.stringify(diagnostics)}`);
    return book;
  });
  return structuredClone(await fixture);
}

/** An unpacked EPUB: file contents by path, and parsed XML on demand. */
export class Unpacked {
  readonly files: Record<string, Uint8Array>;
  constructor(readonly bytes: Uint8Array) {
    this.files = unzipSync(bytes);
  }
  text(path: string): string {
    const data = this.files[path];
    if (!data) throw new Error(`No ${path} in the EPUB`);
    return strFromU8(data);
  }
  xml(path: string): Root {
    return fromXml(this.text(path));
  }
}

/** Every element of a tree, in document order. */
export function elements(node: Nodes): Element[] {
  const found: Element[] = [];
  const walk = (current: Nodes): void => {
    if (current.type === 'element') found.push(current);
    if (current.type === 'element' || current.type === 'root') current.children.forEach(walk);
  };
  walk(node);
  return found;
}

/** Elements named `name` (with prefix, e.g. `dc:title`). */
export function byName(node: Nodes, name: string): Element[] {
  return elements(node).filter((element) => element.name === name);
}

/** The text content of an element. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

/** Resolves `href` found in `from` (both paths inside the zip) to a zip path and a fragment. */
export function resolveHref(from: string, href: string): { path: string; fragment: string | undefined } {
  const hash = href.indexOf('#');
  const file = hash === -1 ? href : href.slice(0, hash);
  const fragment = hash === -1 ? undefined : decodeURIComponent(href.slice(hash + 1));
  if (file === '') return { path: from, fragment };
  const base = from.slice(0, from.lastIndexOf('/') + 1);
  const parts = `${base}${file}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return { path: out.join('/'), fragment };
}
