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
  const entries = async (folder: string) => {
    const { readdirSync, statSync } = await import('node:fs');
    const [version] = readdirSync(folder);
    const dir = path.join(folder, version!);
    return new Map(readdirSync(dir).map((name) => [name, statSync(path.join(dir, name)).mtimeMs]));
  };

  it('survives a round trip, writes only what changed, and leaves out entries it cannot read', async () => {
    const { cpSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { createCompileCache, readCompileCache, writeCompileCache } = await import('../src/index.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'dmls-cachebook-'));
    cpSync(path.join(fixtures, 'valid-book'), dir, { recursive: true });
    const folder = path.join(mkdtempSync(path.join(tmpdir(), 'dmls-cachefolder-')), 'compile');
    const options = { cwd: dir, modified: '2022-05-01T00:00:00Z' };
    const cache = createCompileCache();
    const first = await compile(dir, { ...options, cache });
    await writeCompileCache(cache, folder);
    // book.yaml, glossary, and each of the two chapters parsed and finished, their trees apart.
    const written = await entries(folder);
    const kinds = (names: string[]) => names.map((name) => name.replace(/-[0-9a-f]+\./, '.')).sort();
    expect(kinds([...written.keys()])).toEqual([
      'finished.bin', 'finished.bin', 'finished.tree', 'finished.tree', 'glossary.bin', 'meta.bin', 'parsed.bin', 'parsed.bin', 'parsed.tree', 'parsed.tree',
    ]);

    const seen: string[] = [];
    const again = await compile(dir, { ...options, cache: await readCompileCache(folder), onFile: (f) => seen.push(f) });
    expect(seen).toEqual([]);
    // Trees from the folder are parsed when first read, and then are as they were.
    const chapter = again.book!.chapters[0]!;
    expect(Object.getOwnPropertyDescriptor(chapter, 'tree')?.get).toBeTypeOf('function');
    expect(chapter.tree).toEqual(first.book!.chapters[0]!.tree);
    expect(Object.getOwnPropertyDescriptor(chapter, 'tree')?.value).toBe(chapter.tree);
    expect(Object.keys(chapter)).toEqual(Object.keys(first.book!.chapters[0]!));
    expect(again).toEqual(first);

    // An edit: the chapter's two entries are replaced, the others are not written again.
    const old = new Date('2020-01-01T00:00:00Z');
    const version = readdirSync(folder)[0]!;
    for (const name of written.keys()) utimesSync(path.join(folder, version, name), old, old);
    const file = path.join(dir, 'chapters', '01-one.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Tip text.', 'Changed tip text.'));
    const edited = await readCompileCache(folder);
    const second = await compile(dir, { ...options, cache: edited });
    await writeCompileCache(edited, folder);
    const after = await entries(folder);
    expect(after.size).toBe(10);
    const rewritten = [...after].filter(([, mtime]) => mtime !== old.getTime()).map(([name]) => name);
    expect(kinds(rewritten)).toEqual(['finished.bin', 'finished.tree', 'parsed.bin', 'parsed.tree']);
    expect(rewritten.every((name) => !written.has(name))).toBe(true);
    expect(await compile(dir, { ...options, cache: await readCompileCache(folder) })).toEqual(second);


    // A corrupt entry, or one without its tree, is compiled again; a missing folder is an empty cache.
    const { rmSync } = await import('node:fs');
    const [one, two] = [...after.keys()].filter((name) => name.startsWith('parsed-') && name.endsWith('.bin'));
    writeFileSync(path.join(folder, version, one!), 'not a cache entry');
    rmSync(path.join(folder, version, two!.replace('.bin', '.tree')));
    seen.length = 0;
    const fresh = await compile(dir, { ...options, cache: await readCompileCache(folder), onFile: (f) => seen.push(f) });
    expect(seen).toHaveLength(2);
    expect(fresh).toEqual(second);
    seen.length = 0;
    await compile(dir, { ...options, cache: await readCompileCache(path.join(folder, 'missing')), onFile: (f) => seen.push(f) });
    expect(seen).toHaveLength(2);
    // A new heading changes the anchors every chapter may link to: the introduction, unchanged, is
    // finished again from the Markdown tree its entry kept.
    const repaired = await readCompileCache(folder);
    await compile(dir, { ...options, cache: repaired });
    await writeCompileCache(repaired, folder);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n## A heading added later\n\nText.\n`);
    const anchors = await readCompileCache(folder);
    seen.length = 0;
    const finishedAgain = await compile(dir, { ...options, cache: anchors, onFile: (f) => seen.push(f) });
    expect(seen).toEqual(['chapters/01-one.md']);
    expect(finishedAgain).toEqual(await compile(dir, options));
    await writeCompileCache(anchors, folder);
    expect(await compile(dir, { ...options, cache: await readCompileCache(folder) })).toEqual(finishedAgain);

    // A tree pruned by another process after this one read the cache: a clear error, not a stack.
    const late = await compile(dir, { ...options, cache: await readCompileCache(folder) });
    for (const name of readdirSync(path.join(folder, version))) if (name.startsWith('finished-') && name.endsWith('.tree')) rmSync(path.join(folder, version, name));
    expect(() => late.book!.chapters[0]!.tree).toThrow(/The compile cache changed while this build was reading it .*Build again, or with --no-cache\./);
  });
});
