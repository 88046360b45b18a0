import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, formatDiagnostic } from '../src/index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const update = Boolean(process.env.UPDATE_FIXTURES);

/** Each fixture folder is an input book; expected.json beside it is what compile must return. */
describe('compile fixtures', () => {
  // Each folder is a case; its expected output sits beside it as <name>.expected.json.
  for (const name of readdirSync(fixtures).filter((n) => statSync(path.join(fixtures, n)).isDirectory()).sort()) {
    it(name, async () => {
      const dir = path.join(fixtures, name);
      const { book, diagnostics } = await compile(dir, { cwd: dir, modified: '2022-05-01T00:00:00Z' });
      const actual = {
        diagnostics: diagnostics.map(formatDiagnostic),
        book: book && {
          ...book,
          introduction: summarise(book.introduction),
          chapters: book.chapters.map(summarise),
        },
      };
      const file = path.join(dir, '..', `${name}.expected.json`);
      if (update || !existsSync(file)) {
        if (process.env.CI) throw new Error(`${file} is missing; run UPDATE_FIXTURES=1 pnpm test locally`);
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});

// The tree is checked through its HTML; figures' SVG through its length.
function summarise<T extends { tree: unknown; figures: { svg: string }[] }>(chapter: T) {
  const { tree: _tree, ...rest } = chapter;
  return { ...rest, figures: chapter.figures.map((f) => ({ ...f, svg: f.svg.length })) };
}

describe('compile', () => {
  it('sorts diagnostics by file, line and column', async () => {
    const dir = path.join(fixtures, 'every-error');
    const { diagnostics } = await compile(dir, { cwd: dir });
    const keys = diagnostics.map((d) => [d.file, d.line, d.column] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
  });

  it('returns no book when there is an error, so that nothing gets written', async () => {
    const dir = path.join(fixtures, 'every-error');
    const result = await compile(dir, { cwd: dir });
    expect(result.book).toBeUndefined();
    expect(result.diagnostics.every((d) => d.line > 0 && d.column > 0 && d.ruleId && d.message)).toBe(true);
  });

  it('takes the modified date from SOURCE_DATE_EPOCH when none is given', async () => {
    const dir = path.join(fixtures, 'valid-book');
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1650000000';
    try {
      const { book } = await compile(dir, { cwd: dir });
      expect(book?.modified).toBe('2022-04-15T05:20:00Z');
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
  });
});

describe('compile cache', () => {
  it('re-parses only the chapter that changed, and gives the same book', async () => {
    const { cpSync, mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { createCompileCache } = await import('../src/index.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'dmls-cache-'));
    cpSync(path.join(fixtures, 'valid-book'), dir, { recursive: true });
    const cache = createCompileCache();
    const seen: string[] = [];
    const options = { cwd: dir, modified: '2022-05-01T00:00:00Z', cache, onFile: (f: string) => seen.push(f) };
    const first = await compile(dir, options);
    expect(seen).toEqual(['introduction.md', 'chapters/01-one.md']);
    seen.length = 0;
    const file = path.join(dir, 'chapters', '01-one.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Tip text.', 'Changed tip text.'));
    const second = await compile(dir, options);
    expect(seen).toEqual(['chapters/01-one.md']);
    expect(second.book!.chapters[0]!.html).toContain('Changed tip text.');
    expect(second.book!.introduction).toBe(first.book!.introduction);
    const fresh = await compile(dir, { cwd: dir, modified: '2022-05-01T00:00:00Z' });
    expect(second.book).toEqual(fresh.book);
  });
});

describe('compile cache on disk', () => {
  it('survives a round trip and is ignored when corrupt', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { createCompileCache, readCompileCache, writeCompileCache } = await import('../src/index.js');
    const dir = path.join(fixtures, 'valid-book');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dmls-cachefile-')), 'cache.bin');
    const cache = createCompileCache();
    const first = await compile(dir, { cwd: dir, modified: '2022-05-01T00:00:00Z', cache });
    await writeCompileCache(cache, file);
    const seen: string[] = [];
    const again = await compile(dir, { cwd: dir, modified: '2022-05-01T00:00:00Z', cache: await readCompileCache(file), onFile: (f) => seen.push(f) });
    expect(seen).toEqual([]);
    // Trees from the file are parsed when first read, and then are as they were.
    const chapter = again.book!.chapters[0]!;
    expect(Object.getOwnPropertyDescriptor(chapter, 'tree')?.get).toBeTypeOf('function');
    expect(chapter.tree).toEqual(first.book!.chapters[0]!.tree);
    expect(Object.getOwnPropertyDescriptor(chapter, 'tree')?.value).toBe(chapter.tree);
    expect(Object.keys(chapter)).toEqual(Object.keys(first.book!.chapters[0]!));
    expect(again).toEqual(first);
    writeFileSync(file, 'not a cache');
    const fresh = await compile(dir, { cwd: dir, modified: '2022-05-01T00:00:00Z', cache: await readCompileCache(file), onFile: (f) => seen.push(f) });
    expect(seen).toHaveLength(2);
    expect(fresh).toEqual(first);
  });
});
