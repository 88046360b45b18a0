// The EPUB in a real reading system: epub.js in headless Chromium, at a phone's and a tablet's
// width. epubcheck says the file is valid; this says that what it holds works when it is read.
import { compile } from '@dmls/core';
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEpub } from '../src/index.js';
import { fixtureBook, repositoryRoot } from './helpers.js';
import { type ChapterReport, launch, measureChapter, openChapter, serveEpub } from './reading-system.js';

const viewports = [
  { width: 375, height: 667 },
  { width: 800, height: 1000 },
];

interface Served {
  url: string;
  close: () => Promise<void>;
}

let browser: Browser;
let fixture: Served;
let real: Served;
const requests: string[] = [];

beforeAll(async () => {
  const { book, diagnostics } = await compile(resolve(repositoryRoot, 'content/designing-ml-systems'));
  if (!book) throw new Error(`The real book does not compile: ${JSON.stringify(diagnostics)}`);
  const [fixtureBytes, realBytes] = await Promise.all([renderEpub(await fixtureBook()), renderEpub(book)]);
  [fixture, real, browser] = await Promise.all([serveEpub(fixtureBytes), serveEpub(realBytes), launch()]);
});

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
  await real?.close();
});

async function read(served: Served, href: string, viewport: { width: number; height: number }): Promise<ChapterReport> {
  const chapter = await openChapter(browser, served.url, href, viewport);
  try {
    requests.push(...chapter.requests.filter((url) => !url.startsWith(served.url) && !url.startsWith(`blob:${served.url.slice(0, -1)}`)));
    return await measureChapter(chapter.page);
  } finally {
    await chapter.page.close();
  }
}

/** What every chapter must do in the reader, whatever it holds. */
function expectReadable(report: ChapterReport): void {
  expect(report.pageWidth, 'nothing sticks out of the page sideways').toBeLessThanOrEqual(report.viewportWidth);
  for (const image of report.images) {
    expect(image.naturalWidth, `${image.src} loaded`).toBeGreaterThan(0);
    expect(image.width, `${image.src} is drawn`).toBeGreaterThan(0);
    expect(image.width, `${image.src} fits`).toBeLessThanOrEqual(report.viewportWidth);
  }
  for (const table of report.tables) {
    expect(table.right, 'the table fits the viewport').toBeLessThanOrEqual(report.viewportWidth + 0.5);
    expect(table.scrollWidth, 'nothing in the table overflows it').toBeLessThanOrEqual(Math.ceil(table.width) + 1);
  }
  for (const token of report.codeTokens) {
    expect(token.inline, `code token ${JSON.stringify(token.text)} has an inline colour`).not.toBe('');
    expect(token.drawn, `code token ${JSON.stringify(token.text)} is drawn in it`).toBe(token.inline);
  }
  for (const ref of report.noterefs) {
    expect([ref.href, ref.target, ref.targetType], 'the noteref points at a footnote of the same document').toEqual([ref.href, 'aside', 'footnote']);
  }
  for (const math of report.maths) {
    expect(math.width, 'math is laid out').toBeGreaterThan(0);
    expect(math.height, 'math is laid out').toBeGreaterThan(0);
  }
}

describe.each(viewports)('epub.js in Chromium at $width px', (viewport) => {
  it('shows the fixture chapters with their figures, tables, highlighted code, footnotes and math working', async () => {
    const reports: ChapterReport[] = [];
    for (const href of ['chapter-introduction.xhtml', 'chapter-first-steps.xhtml', 'chapter-going-further.xhtml']) {
      const report = await read(fixture, href, viewport);
      expectReadable(report);
      reports.push(report);
    }
    expect(reports.map((report) => report.title)).toEqual(['About this book', 'Chapter 1. First Steps', 'Chapter 2. Going Further']);
    // Every kind of content was there to check.
    const all = (key: 'images' | 'tables' | 'codeTokens' | 'noterefs' | 'maths') => reports.reduce((sum, report) => sum + report[key].length, 0);
    expect({ images: all('images'), tables: all('tables'), noterefs: all('noterefs'), maths: all('maths') }).toEqual({ images: 2, tables: 1, noterefs: 2, maths: 2 });
    expect(all('codeTokens')).toBeGreaterThan(5);
    const colours = new Set(reports.flatMap((report) => report.codeTokens.map((token) => token.drawn)));
    expect(colours.size, 'the code is highlighted, not one colour').toBeGreaterThan(2);
  });

  it('shows a real chapter with all of them at once', async () => {
    const report = await read(real, 'chapter-training-data.xhtml', viewport);
    expectReadable(report);
    expect(report.title).toBe('Chapter 4. Training Data');
    expect(report.images.length).toBeGreaterThan(0);
    expect(report.tables.length).toBeGreaterThan(0);
    expect(report.codeBlocks).toBeGreaterThan(0);
    expect(report.noterefs.length).toBeGreaterThan(0);
    expect(report.maths.length).toBeGreaterThan(0);
  });
});

it('reads nothing from outside the book', () => {
  expect(requests).toEqual([]);
});
