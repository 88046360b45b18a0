import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(import.meta.dirname, '../packages/content/dist');
const require = createRequire(import.meta.url);

describe('@dmls/content', () => {
  it('exports exactly book, chapters, getChapter and glossary (ESM and CJS alike)', async () => {
    const esm = await import(path.join(dist, 'index.js'));
    const cjs = require(path.join(dist, 'index.cjs'));
    expect(Object.keys(esm).sort()).toEqual(['book', 'chapters', 'getChapter', 'glossary']);
    expect(Object.keys(cjs).sort()).toEqual(['book', 'chapters', 'getChapter', 'glossary']);
  });

  it('holds every chapter with its section tree, html, text and figures', async () => {
    const { book, chapters, getChapter, glossary } = await import(path.join(dist, 'index.js'));
    expect(chapters).toHaveLength(11);
    expect(chapters.map((c: { number: number }) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const chapter of chapters) {
      expect(chapter.sections.length).toBeGreaterThan(2);
      expect(chapter.sections.at(-1).id).toBe('key-takeaways');
      expect(chapter.html).toContain('<h2 id="key-takeaways">');
      expect(chapter.text.length).toBeGreaterThan(5000);
      expect(chapter.wordCount).toBeGreaterThan(1000);
      expect(chapter.readingMinutes).toBeGreaterThan(3);
    }
    expect(getChapter('training-data')?.title).toBe('Training Data');
    expect(getChapter('introduction')).toBe(book.introduction);
    expect(getChapter('nope')).toBeUndefined();
    expect(glossary.length).toBeGreaterThanOrEqual(120);
    expect(book.identifier).toMatch(/^urn:uuid:/);
  });

  it('loads one chapter alone from its subpath, as ESM, CJS and JSON', async () => {
    const esm = await import(path.join(dist, 'chapters/training-data.js'));
    const cjs = require(path.join(dist, 'chapters/training-data.cjs'));
    const json = require(path.join(dist, 'chapters/training-data.json'));
    expect(Object.keys(esm)).toEqual(['chapter']);
    expect(esm.chapter.id).toBe('training-data');
    expect(cjs.chapter).toEqual(esm.chapter);
    expect(json).toEqual(esm.chapter);
  });

  it('ships the figures that chapters reference', async () => {
    const { chapters } = await import(path.join(dist, 'index.js'));
    const { existsSync } = await import('node:fs');
    for (const chapter of chapters) for (const figure of chapter.figures) expect(existsSync(path.join(dist, figure.src))).toBe(true);
  });
});
