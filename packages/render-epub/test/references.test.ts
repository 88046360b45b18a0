import type { Element } from 'xast';
import { beforeAll, expect, it } from 'vitest';
import { renderEpub } from '../src/index.js';
import { Unpacked, byName, elements, fixtureBook, resolveHref } from './helpers.js';

let epub: Unpacked;

beforeAll(async () => {
  epub = new Unpacked(await renderEpub(await fixtureBook()));
});

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** Every reference of the EPUB: [file it is in, attribute value, whether it loads a resource]. */
function references(): [string, string, boolean][] {
  const found: [string, string, boolean][] = [];
  for (const path of Object.keys(epub.files)) {
    if (path.endsWith('.xhtml') || path.endsWith('.svg')) {
      for (const element of elements(epub.xml(path))) {
        for (const name of ['href', 'src', 'xlink:href']) {
          const value = element.attributes[name];
          if (value !== undefined && value !== null) found.push([path, value, element.name !== 'a']);
        }
      }
    }
  }
  for (const point of byName(epub.xml('OEBPS/toc.ncx'), 'content')) found.push(['OEBPS/toc.ncx', point.attributes.src ?? '', false]);
  for (const item of byName(epub.xml('OEBPS/content.opf'), 'item')) found.push(['OEBPS/content.opf', item.attributes.href ?? '', true]);
  for (const reference of byName(epub.xml('OEBPS/content.opf'), 'reference')) found.push(['OEBPS/content.opf', reference.attributes.href ?? '', false]);
  return found;
}

function idsIn(path: string): Set<string> {
  return new Set(elements(epub.xml(path)).map((element: Element) => element.attributes.id).filter((id): id is string => typeof id === 'string'));
}

it('resolves every internal href and src to a file of the EPUB and an id in it', () => {
  const internal = references().filter(([, value]) => !EXTERNAL.test(value));
  expect(internal.length).toBeGreaterThan(80);
  const broken = internal.filter(([from, value]) => {
    const { path, fragment } = resolveHref(from, value);
    if (!(path in epub.files)) return true;
    return fragment !== undefined && !idsIn(path).has(fragment);
  });
  expect(broken).toEqual([]);
});

it('loads no remote resource: only hyperlinks leave the book', () => {
  const remote = references().filter(([, value, loads]) => EXTERNAL.test(value) && loads);
  expect(remote).toEqual([]);
  expect(epub.text('OEBPS/style.css')).not.toMatch(/url\(\s*['"]?(https?:|\/\/)|@import/);
});

it('resolves every spine item to the manifest', () => {
  const opf = epub.xml('OEBPS/content.opf');
  const ids = new Set(byName(opf, 'item').map((item) => item.attributes.id));
  for (const ref of byName(opf, 'itemref')) expect(ids.has(ref.attributes.idref)).toBe(true);
});
