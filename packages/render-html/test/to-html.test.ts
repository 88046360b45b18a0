import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compile, type Book } from '@dmls/core';
import type { Root } from 'hast';
import { toHtml as reference } from 'hast-util-to-html';
import { h, s } from 'hastscript';
import { describe, expect, it, vi } from 'vitest';
import { toHtml } from '../src/to-html.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('toHtml', () => {
  it('writes what hast-util-to-html writes, for every kind of node and attribute', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'doctype' },
        { type: 'comment', value: '-> a --> b <!-' },
        h('html', { lang: 'en' }, [
          h('head', [h('title', 'T & <t>'), h('style', 'a > b { content: "&" }'), h('script', 'if (a < b && c) {}')]),
          h('body', [
            h('p', { className: ['a', 'b'], id: 'x"y', title: "it's `q` & <b>", dataFootnoteBackref: '', ariaLabel: 'Back' }, ['1 < 2 & "3" > 0']),
            h('details', { open: true, hidden: false }, [h('summary', 'S')]),
            h('a', { download: true, href: 'f.txt' }, 'd'),
            h('a', { download: 'download' }, 'e'),
            h('a', { download: 'name.txt' }, 'f'),
            h('input', { type: 'file', accept: ['.md', '.txt'], disabled: '', value: 0, tabIndex: Number.NaN }),
            h('img', { src: 'a.svg', alt: '', width: 10 }),
            h('br'),
            { type: 'element', tagName: 'br', properties: {}, children: [{ type: 'text', value: 'not void' }] },
            h('table', [h('tbody', [h('tr', [h('td', { colSpan: 2 }, 'c')])])]),
            s('svg', { viewBox: '0 0 10 10', xmlns: 'http://www.w3.org/2000/svg' }, [
              s('title', [h('b', 'html again')]),
              s('path', { d: 'M0 0h10', strokeWidth: 2, fill: 'none' }),
              s('foreignObject', [h('div', { className: ['x'] }, [h('br')])]),
            ]),
            h('math', { display: 'block' }, [h('mi', { mathvariant: 'normal' }, 'x')]),
            { type: 'element', tagName: 'template', properties: {}, children: [], content: { type: 'root', children: [h('p', 'inside')] } },
          ]),
        ]),
      ],
    };
    expect(toHtml(tree)).toBe(reference(tree));
    expect(toHtml(tree, { upperDoctype: true })).toBe(reference(tree, { upperDoctype: true }));
  });

  // The site and single page of the test book and of the real one, serialised both ways.
  it.each([
    ['the test book', async () => (await compile(path.join(root, 'tests/fixtures/book'), { modified: '2022-05-01T00:00:00Z' })).book!],
    ['the real book', async () => JSON.parse(readFileSync(path.join(root, 'packages/content/dist/book.json'), 'utf8')) as Book],
  ])('gives the same pages as hast-util-to-html for %s', async (_, load) => {
    const book = await load();
    const ours = (await import('../src/site.js')).renderSite(book, { version: '1.0.0', siteUrl: 'https://example.org/notes/' });
    vi.resetModules();
    vi.doMock('../src/to-html.js', async (original) => ({ ...(await original<typeof import('../src/to-html.js')>()), toHtml: reference }));
    const theirs = (await import('../src/site.js')).renderSite(book, { version: '1.0.0', siteUrl: 'https://example.org/notes/' });
    vi.doUnmock('../src/to-html.js');
    vi.resetModules();
    expect(ours.map((f) => f.path)).toEqual(theirs.map((f) => f.path));
    const pages = ours.filter((f) => f.path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(page.content, page.path).toBe(theirs.find((f) => f.path === page.path)!.content);
  });
});
