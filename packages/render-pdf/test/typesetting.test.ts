import type { Book } from '@dmls/core';
import type { Element, Root, Text } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverSpec } from '../src/cover.js';
import { hyphenateBook, hyphenatorFor } from '../src/hyphenate.js';
import { PAGE_GEOMETRY } from '../src/page-size.js';
import { cssString, printCss } from '../src/print-css.js';
import { printHtml } from '../src/print-html.js';
import { fixtureDir } from './helpers.js';
import { compile } from '@dmls/core';

let book: Book;

beforeAll(async () => {
  book = (await compile(fixtureDir, { modified: '2024-05-01T12:00:00Z' })).book!;
});

function texts(tree: Root | Element, inside: string[] = []): Array<{ value: string; inside: string[] }> {
  return tree.children.flatMap((child) => {
    if (child.type === 'text') return [{ value: (child as Text).value, inside }];
    if (child.type === 'element') return texts(child, [...inside, child.tagName]);
    return [];
  });
}

describe('hyphenateBook', () => {
  it('puts soft hyphens in running text, never in code, headings or math', () => {
    const { book: typeset, hyphenated } = hyphenateBook(book);
    expect(hyphenated).toBe(true);
    const all = [typeset.introduction, ...typeset.chapters].flatMap((c) => texts(c.tree));
    expect(all.some((t) => t.value.includes('\u00ad'))).toBe(true);
    const forbidden = all.filter((t) => t.value.includes('\u00ad') && t.inside.some((tag) => /^(pre|code|h[1-6]|math)$/.test(tag)));
    expect(forbidden).toEqual([]);
    expect(typeset.chapters[0]!.tree).not.toBe(book.chapters[0]!.tree);
    expect(texts(book.chapters[0]!.tree).some((t) => t.value.includes('\u00ad'))).toBe(false);
  });

  it('leaves URLs alone and words shorter than six letters whole', () => {
    const hyphenate = hyphenatorFor('en')!;
    expect(hyphenate('continual')).toContain('\u00ad');
    expect(hyphenate('model')).toBe('model');
  });

  it('knows regional tags and does without patterns it does not have', () => {
    expect(hyphenatorFor('en-GB')).toBeDefined();
    expect(hyphenatorFor('de')).toBeDefined();
    expect(hyphenatorFor('x-klingon')).toBeUndefined();
    expect(hyphenateBook({ ...book, language: 'tlh' }).hyphenated).toBe(false);
  });
});

describe('printCss', () => {
  it('gives every chapter a named page whose header carries its title', () => {
    const css = printCss(book, PAGE_GEOMETRY.A4);
    book.chapters.forEach((chapter, i) => {
      expect(css).toContain(`@page chapter-${i + 1} {`);
      expect(css).toContain(`@top-right { content: "${cssString(chapter.title)}"; }`);
      expect(css).toContain(`section.chapter[id="${chapter.id}"] { page: chapter-${i + 1}; }`);
    });
    expect(css).toContain('size: A4;');
    expect(printCss(book, PAGE_GEOMETRY.Letter)).toContain('size: letter;');
  });

  it('loads the bundled fonts from files, never from the network', () => {
    const css = printCss(book, PAGE_GEOMETRY.A4);
    expect(css).toMatch(/font-family: 'Source Serif 4'[^}]*src: url\(file:\/\//);
    expect(css).not.toMatch(/url\(https?:/);
  });

  it('escapes titles for CSS strings', () => {
    expect(cssString('Say "hi" \\ bye\nnow')).toBe('Say \\"hi\\" \\\\ bye now');
  });
});

describe('printHtml', () => {
  it('is the single-page edition with figures inlined and placeholder page numbers', () => {
    const { html } = printHtml(book, { geometry: PAGE_GEOMETRY.A4 });
    expect(html).toContain('<nav class="book-toc"');
    expect(html).toMatch(/<span class="toc-page">888<\/span>/);
    expect(html).toContain('src="data:image/svg+xml;base64,');
    expect(html).not.toMatch(/src="figures\//);
  });
});

describe('cover', () => {
  it('shows the title, subtitle, credit and authors', () => {
    const spec = coverSpec(book);
    expect(spec.title).toBe(book.title);
    expect(spec.subtitle).toBe(book.subtitle);
    expect(spec.credit).toBe(`Notes on ${book.source.title} by Original Writer`);
    expect(spec.authors).toBe('Fixture Author');
    expect(spec.art).toMatch(/^data:image\/svg\+xml;base64,/);
  });
});
