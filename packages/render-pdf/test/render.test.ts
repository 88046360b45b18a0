import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Book, Chapter, Section } from '@dmls/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../src/index.js';
import { CROSS_PART_LINK } from '../src/merge-pdfs.js';
import { pageMap } from '../src/page-map.js';
import { decodeName } from '../src/pdf-reader.js';
import { chromiumProcesses, outline, type OutlineItem, pageLabelled, pageText, pdfinfo, printedToc, run, savePdf, testBook } from './helpers.js';

let book: Book;
let pdf: Uint8Array;
let file: string;
const progress: string[] = [];
// A temporary folder of this file's own (test files run in parallel), to find what is left behind.
const privateTmp = mkdtempSync(path.join(tmpdir(), 'render-pdf-tmp-'));

beforeAll(async () => {
  process.env.TMPDIR = privateTmp;
  book = await testBook();
  pdf = await renderPdf(book, { version: '1.2.3', onProgress: (m) => progress.push(m) });
  file = savePdf(pdf);
});

const chapters = () => [book.introduction, ...book.chapters];
const flatten = (items: OutlineItem[]): OutlineItem[] => items.flatMap((i) => [i, ...flatten(i.kids)]);
const norm = (text: string) => text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();

describe('renderPdf: a valid PDF', () => {
  it('passes qpdf --check', () => {
    const result = run('qpdf', ['--check', file]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('No syntax or stream encoding errors found');
    expect(result.status).toBe(0);
  });

  it('has the page size, tags, and the document information pdfinfo shows', () => {
    const info = pdfinfo(file);
    expect(info['Page size']).toMatch(/\(A4\)/);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(book.subtitle ? `${book.title}: ${book.subtitle}` : book.title);
    expect(info.Author).toBe(book.credits.filter((c) => c.role === 'author').map((c) => c.name).join(', '));
    expect(info.Subject).toBe(book.description);
    expect(info.Keywords).toContain(book.subjects[0]);
    expect(info.Creator).toBe('dmls 1.2.3 (@dmls/render-pdf)');
    expect(info.Producer).toMatch(/^Skia\/PDF m\d+; @dmls\/render-pdf$/);
    expect(info.CreationDate).toMatch(/May\s+1 12:00:00 2024/);
    expect(info.ModDate).toBe(info.CreationDate);
    expect(info['Metadata Stream']).toBe('yes');
    expect(Number(info.Pages)).toBeGreaterThan(5);
  });

  it('declares its language and opens with the bookmarks shown', () => {
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toContain(`/Lang (${book.language})`);
    expect(text).toContain('/PageMode /UseOutlines');
    expect(text).toMatch(/\/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]/);
    expect(text).toContain(`<dc:identifier>${book.identifier}</dc:identifier>`);
  });

  it('has selectable text with no stray soft hyphens inside words', () => {
    const text = run('pdftotext', ['-layout', file, '-']).stdout;
    expect(text).toContain(norm(book.introduction.title));
    // A soft hyphen may only remain where a line breaks (drawn as a hyphen at the line's end).
    const inside = [...text.matchAll(/\S*\u00ad(?!-[ \t]*\n)\S*/g)].map((m) => m[0]);
    expect(inside.filter((w) => !/\u00ad-/.test(w))).toEqual([]);
  });

  it('leaves no Chromium process and no work folder behind', () => {
    expect(tmpdir()).toBe(privateTmp);
    expect(chromiumProcesses(privateTmp)).toEqual([]);
    expect(readdirSync(privateTmp).filter((n) => n.startsWith('dmls-pdf-'))).toEqual([]);
  });

  it('reports progress', () => {
    expect(progress[0]).toMatch(/Chromium/);
    expect(progress.some((m) => /laying out pages \(\d+ parts/.test(m))).toBe(true);
    expect(progress.some((m) => /printing \d+ pages/.test(m))).toBe(true);
    expect(progress.some((m) => /^merging \d+ parts/.test(m))).toBe(true);
  });
});

describe('renderPdf: structure', () => {
  it('has a bookmark for every chapter and, nested under it, every section', () => {
    const top = outline(file);
    const expectSections = (item: OutlineItem | undefined, sections: Section[], where: string) => {
      expect(item, where).toBeDefined();
      const kids = item!.kids.filter((k) => k.title !== 'Notes');
      expect(kids.map((k) => k.title), where).toEqual(sections.map((s) => s.title));
      sections.forEach((s, i) => expectSections(kids[i], s.children, `${where} › ${s.title}`));
    };
    for (const chapter of chapters()) {
      expectSections(top.find((t) => t.title === chapter.title), chapter.sections, chapter.title);
    }
    expect(top.map((t) => t.title)).toEqual(['Contents', ...chapters().map((c) => c.title), ...(book.glossary.length ? ['Glossary'] : [])]);
  });

  it('keeps the cover, title page and colophon out of the bookmarks, and starts each chapter on a new page, without running header', () => {
    const top = outline(file);
    const contents = top[0]!;
    expect(contents.page).toBeGreaterThanOrEqual(4);
    const starts = top.slice(1).map((t) => t.page);
    expect(new Set(starts).size).toBe(starts.length);
    for (const item of top.slice(1)) {
      const lines = pageText(file, item.page).split('\n').map((l) => l.trim()).filter(Boolean);
      // The page opens with the chapter's label and title; its running header (which would
      // repeat the title) is left out, and its page number kept.
      const opening = norm(lines.slice(0, 4).join(' '));
      expect(opening.split(norm(item.title)).length - 1, `${item.title}: ${opening}`).toBe(1);
      expect(pageLabelled(file)(Number(lines.at(-1)))).toBe(item.page);
    }
    expect(pageText(file, 1)).toContain(book.title);
    expect(pageText(file, 2)).toContain(book.title);
    expect(pageText(file, 3)).toContain(book.license.content);
  });

  it('prints contents whose page numbers are the pages where each chapter and section starts', () => {
    const top = outline(file);
    const firstChapterPage = top[1]!.page;
    const physical = pageLabelled(file);
    const printed = printedToc(file, top[0]!.page, firstChapterPage - 1).map((e) => ({ ...e, page: physical(e.page) }));
    const bookmarks = flatten(top);
    const expected: Array<{ title: string; chapter: Chapter | undefined }> = [];
    const add = (sections: Section[], chapter: Chapter) =>
      sections.filter((s) => s.depth <= 3).forEach((s) => {
        expected.push({ title: s.title, chapter: undefined });
        add(s.children, chapter);
      });
    for (const chapter of chapters()) {
      expected.push({ title: chapter.title, chapter });
      add(chapter.sections, chapter);
    }
    if (book.glossary.length) expected.push({ title: 'Glossary', chapter: undefined });

    expect(printed.map((e) => e.title)).toEqual(expected.map((e) => norm(e.title)));
    let previous = 0;
    printed.forEach((entry, i) => {
      // Chromium's own bookmark for that heading points to the same page…
      const bookmark = bookmarks.find((b) => norm(b.title) === entry.title && b.page >= previous);
      expect(bookmark?.page, entry.title).toBe(entry.page);
      // …and the text of that page shows the heading.
      expect(norm(pageText(file, entry.page)), `${entry.title} on page ${entry.page}`).toContain(entry.title);
      if (expected[i]!.chapter) expect(pageText(file, entry.page)).toMatch(/Chapter \d+|Introduction/i);
      expect(entry.page).toBeGreaterThanOrEqual(previous);
      previous = entry.page;
    });
  });

  it('has page numbers in the footers and the chapter title in the running header, none on the cover', () => {
    const top = outline(file);
    const chapter = top[2] ?? top[1]!;
    const lines = pageText(file, chapter.page + 1).split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length > 2) {
      expect(norm(lines[0]!)).toContain(norm(chapter.title));
      expect(pageLabelled(file)(Number(lines.at(-1)))).toBe(chapter.page + 1);
    }
    const cover = pageText(file, 1).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(cover.some((l) => /^\d+$/.test(l))).toBe(false);
  });

  it('numbers the front matter in roman numerals and the body from 1, as its page labels say', () => {
    const top = outline(file);
    const contents = top[0]!.page;
    const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'][contents - 1];
    expect(pageText(file, contents).split('\n').map((l) => l.trim()).filter(Boolean).at(-1)).toBe(roman);
    // The introduction opens the body: the labels count from 1 there.
    expect(pageLabelled(file)(1)).toBe(top[1]!.page);
    expect(pageText(file, top[1]!.page).split('\n').map((l) => l.trim()).filter(Boolean).at(-1)).toBe('1');
  });

  it('makes the contents, cross-references and footnotes clickable, and external links too', () => {
    const text = Buffer.from(pdf).toString('latin1');
    const internal = text.match(/\/Subtype \/Link[^]*?\/Dest \//g) ?? [];
    const tocEntries = chapters().length + chapters().flatMap((c) => c.sections).length;
    expect(internal.length).toBeGreaterThanOrEqual(tocEntries);
    // The book is printed in parts: links between them must land on a destination of the whole.
    const destinations = pageMap(pdf).pageOf;
    const targets = [...text.matchAll(/\/Subtype \/Link[^]*?\/Dest \/((?:[^\s/[\]<>(){}%#]|#[0-9A-Fa-f]{2})+)/g)].map((m) => decodeName(m[1]!));
    expect(targets.filter((t) => !destinations.has(t))).toEqual([]);
    expect(text).not.toContain(CROSS_PART_LINK);
    if (book.id === 'book') expect(text).toContain('/URI (https://unifiedjs.com');
  });

  it('embeds the bundled fonts, not system fonts', () => {
    const fonts = run('pdffonts', [file]).stdout;
    expect(fonts).toMatch(/SourceSerif4/);
    expect(fonts).toMatch(/SourceSans3/);
    const lines = fonts.split('\n').slice(2).filter(Boolean);
    expect(lines.every((l) => / yes /.test(l))).toBe(true);
  });
});

describe('renderPdf: reproducible', () => {
  it('gives byte-identical PDFs for the same book', async () => {
    const again = await renderPdf(book, { version: '1.2.3' });
    const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(hash(again)).toBe(hash(pdf));
  });

  it('prints US Letter on request', async () => {
    const letter = savePdf(await renderPdf(book, { version: '1.2.3', pageSize: 'Letter' }), 'letter.pdf');
    expect(pdfinfo(letter)['Page size']).toMatch(/letter/);
    expect(run('qpdf', ['--check', letter]).status).toBe(0);
    expect(readFileSync(letter).length).toBeGreaterThan(1000);
  });
});
