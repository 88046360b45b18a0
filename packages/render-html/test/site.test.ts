import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile, type Book, type Chapter } from '@dmls/core';
import type { ElementContent } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRenderCache,
  readRenderCache,
  renderChapterHtml,
  renderSinglePage,
  renderSite,
  writeRenderCache,
  type RenderCache,
} from '../src/index.js';

const fixture = path.resolve(import.meta.dirname, '../../../tests/fixtures/book');
let book: Book;

beforeAll(async () => {
  const result = await compile(fixture, { modified: '2022-05-01T00:00:00Z' });
  expect(result.diagnostics).toEqual([]);
  book = result.book!;
});

/** Every `href="x.html#y"` and `href="#y"` in the files points at a file and an id that exist. */
function brokenLinks(all: { path: string; content: string | Uint8Array }[]): string[] {
  const files = all.filter((f): f is { path: string; content: string } => typeof f.content === 'string');
  const ids = new Map(all.map((f) => [f.path, new Set([...String(f.content).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))]));
  const broken: string[] = [];
  for (const file of files.filter((f) => f.path.endsWith('.html'))) {
    for (const [, href] of file.content.matchAll(/\shref="([^"]+)"/g)) {
      if (/^[a-z]+:/.test(href!)) continue;
      const [target, anchor] = href!.split('#');
      const page = target ? path.posix.join(path.posix.dirname(file.path), target) : file.path;
      if (!ids.has(page)) broken.push(`${file.path}: ${href} (no such file)`);
      else if (anchor && !ids.get(page)!.has(anchor)) broken.push(`${file.path}: ${href} (no such id)`);
    }
  }
  return broken;
}

describe('renderSite', () => {
  it('writes home, chapter pages, glossary, search, single page, 404, CSS, fonts, figures and the search index', () => {
    const paths = renderSite(book).map((f) => f.path);
    expect(paths).toEqual([
      '404.html', 'assets/minisearch.js', 'book.html', 'favicon.svg', 'figures/circle.svg', 'figures/square.svg', 'first-steps.html',
      'fonts/LICENSE-source-serif-4.txt', 'fonts/source-serif-4-latin-400-italic.woff2', 'fonts/source-serif-4-latin-400-normal.woff2',
      'fonts/source-serif-4-latin-700-normal.woff2', 'glossary.html', 'going-further.html', 'index.html', 'search-index.js', 'search.html', 'style.css',
    ]);
  });

  it('copies the font files as bytes (woff2)', () => {
    const font = renderSite(book).find((f) => f.path === 'fonts/source-serif-4-latin-400-normal.woff2')!;
    expect(font.content).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(font.content as Uint8Array).subarray(0, 4).toString('latin1')).toBe('wOF2');
  });

  it('appends the injected script at the end of every page’s body', () => {
    const script = 'window.__reload = 1;';
    for (const file of renderSite(book, { injectScript: script }).filter((f) => f.path.endsWith('.html'))) {
      expect(file.content, file.path).toMatch(/<script>window\.__reload = 1;<\/script><\/body>/);
    }
    expect(renderSite(book).some((f) => String(f.content).includes('__reload'))).toBe(false);
  });

  it('has no broken internal link or anchor', () => {
    expect(brokenLinks(renderSite(book))).toEqual([]);
  });

  it('adds a sitemap and canonical links when given a site URL', () => {
    const files = renderSite(book, { siteUrl: 'https://example.org/notes' });
    const sitemap = files.find((f) => f.path === 'sitemap.xml')!.content;
    expect(sitemap).toContain('<loc>https://example.org/notes/first-steps.html</loc>');
    expect(files.find((f) => f.path === 'index.html')!.content).toContain('<link rel="canonical" href="https://example.org/notes/index.html">');
    expect(files.find((f) => f.path === 'robots.txt')!.content).toContain('Sitemap: https://example.org/notes/sitemap.xml');
    // Served for a missing page at any depth, the 404 page resolves its links from the site's root.
    expect(files.find((f) => f.path === '404.html')!.content).toContain('<base href="https://example.org/notes/">');
  });

  it('gives every page a title, a description and a language', () => {
    for (const file of renderSite(book).filter((f) => f.path.endsWith('.html'))) {
      expect(file.content).toMatch(/<html lang="en">/);
      expect(file.content).toMatch(/<title>[^<]+<\/title>/);
      expect(file.content).toMatch(/<meta name="description" content="[^"]+">/);
    }
  });
});

describe('renderSinglePage', () => {
  it('prefixes ids per chapter so that links between chapters resolve on one page', () => {
    const html = renderSinglePage(book);
    expect(brokenLinks([{ path: 'book.html', content: html }])).toEqual([]);
    expect(html).toContain('id="going-further--tables-and-code"');
    expect(html).toContain('href="#going-further--tables-and-code"');
  });
});

describe('renderChapterHtml', () => {
  it('applies id prefix, heading offset, class prefix and the app’s own link resolution', () => {
    const chapter = book.chapters[0]!;
    const html = renderChapterHtml(chapter, {
      idPrefix: 'x-',
      headingOffset: 1,
      classPrefix: 'dmls-',
      resolveLink: (ref) => `/notes/${ref.chapter}${ref.section ? `/${ref.section}` : ''}`,
    });
    expect(html).toContain('<h3 id="x-lists-and-tasks">');
    expect(html).toContain('class="dmls-callout dmls-callout-note"');
    expect(html).toContain('href="/notes/going-further/tables-and-code"');
    expect(html).toContain('href="#x-lists-and-tasks"');
    expect(html).toContain('href="#x-fn-one"');
  });
});

describe('sanitisation', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![x](https://evil.example/track.png)',
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload=alert(1)>',
    '<style>body{display:none}</style>',
    '<div style="background:url(https://evil.example)">x</div>',
    '<form action="https://evil.example"><input name=q></form>',
    '<object data="x.swf"></object>',
    '<math><mtext><script>alert(1)</script></mtext></math>',
    '$\\href{javascript:alert(1)}{x}$',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  ];

  it('lets no script, handler, remote resource or javascript: URL through compile and embed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dmls-xss-'));
    cpSync(fixture, dir, { recursive: true });
    mkdirSync(path.join(dir, 'chapters'), { recursive: true });
    writeFileSync(
      path.join(dir, 'chapters', '03-hostile.md'),
      `---\ntitle: Hostile\nsummary: Payloads.\n---\n\nIntro.\n\n${payloads.map((p, i) => `## Case ${i}\n\n${p}\n`).join('\n')}`,
    );
    const { book: hostile, diagnostics } = await compile(dir);
    // The compiler refuses most payloads outright...
    expect(diagnostics.some((d) => d.ruleId === 'no-raw-html')).toBe(true);
    expect(diagnostics.some((d) => d.ruleId === 'unsafe-link')).toBe(true);
    expect(hostile).toBeUndefined();
    // ...and what it would emit anyway is sanitised: check the chapter through the phase that runs regardless.
    const { finishChapter, parseChapter } = await import('../../core/src/chapter.js');
    const { Diagnostics } = await import('../../core/src/diagnostics.js');
    const { readFileSync } = await import('node:fs');
    const { parsed, tree } = parseChapter(
      { id: 'hostile', number: 3, relPath: 'chapters/03-hostile.md', file: 'x', text: readFileSync(path.join(dir, 'chapters', '03-hostile.md'), 'utf8') },
      new Map(),
      new Diagnostics(),
    );
    const chapter = await finishChapter(parsed, tree, { chapterByPath: new Map([[parsed.relPath, parsed]]) }, new Diagnostics());
    for (const html of [chapter.html, renderChapterHtml(chapter, { idPrefix: 'p-' })]) {
      expect(html).not.toMatch(/<script|<iframe|<object|<form|<style|<base|<meta|\son[a-z]+=|(href|src|action)="\s*(javascript|data):|style=|(href|src)="https:\/\/evil/i);
    }
  });
});

describe('render cache', () => {
  const render = (b: Book, cache?: RenderCache) => renderSite(b, { version: '1.0.0', ...(cache ? { cache } : {}) });

  it('gives the same files as no cache, filling it, from it, and from its file', async () => {
    const plain = render(book);
    const cache = createRenderCache();
    expect(render(book, cache)).toEqual(plain);
    expect(render(book, cache)).toEqual(plain);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dmls-render-cache-')), 'html');
    await writeRenderCache(cache, file);
    expect(render(book, await readRenderCache(file))).toEqual(plain);
  });

  it('renders cached chapters without reading their trees', () => {
    const cache = createRenderCache();
    const plain = render(book, cache);
    const untouchable = (chapter: Chapter): Chapter =>
      Object.defineProperty({ ...chapter }, 'tree', { get: () => expect.unreachable(`${chapter.id}'s tree was read`) });
    const lazy = { ...book, introduction: untouchable(book.introduction), chapters: book.chapters.map(untouchable) };
    expect(render(lazy, cache)).toEqual(plain);
  });

  it('renders again what an edit changed, and keeps only what the last render used', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dmls-render-edit-'));
    cpSync(fixture, dir, { recursive: true });
    const file = path.join(dir, 'html-cache');
    const bytes = (folder: string): number =>
      readdirSync(folder, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? bytes(path.join(folder, e.name)) : statSync(path.join(folder, e.name)).size), 0);
    const cache = createRenderCache();
    render(book, cache);
    await writeRenderCache(cache, file);
    const size = bytes(file);
    // A sentence in one chapter, and a new title for the other (which every page's contents show).
    const first = path.join(dir, 'chapters/01-first-steps.md');
    writeFileSync(first, `${readFileSync(first, 'utf8')}\nA sentence added after the cache was written, with **markup**.\n`);
    const second = path.join(dir, 'chapters/02-going-further.md');
    writeFileSync(second, readFileSync(second, 'utf8').replace(/^title: .*$/m, 'title: A title changed later'));
    const edited = (await compile(dir, { modified: '2022-05-01T00:00:00Z' })).book!;
    const again = await readRenderCache(file);
    const files = render(edited, again);
    expect(files).toEqual(render(edited));
    expect(files.find((f) => f.path === 'first-steps.html')!.content).toContain('A sentence added after the cache was written, with <strong>markup</strong>.');
    await writeRenderCache(again, file);
    // The edited chapter's old parts are gone: the file holds what the new render used, no more.
    expect(bytes(file)).toBeLessThan(size * 1.1);
    expect(render(edited, await readRenderCache(file))).toEqual(files);

    // A glossary definition alone, which the glossary page and the search index hold.
    const glossary = path.join(dir, 'glossary.yaml');
    writeFileSync(glossary, readFileSync(glossary, 'utf8').replace(/definition: (.*)/, 'definition: Redefined later, $1'));
    const redefined = (await compile(dir, { modified: '2022-05-01T00:00:00Z' })).book!;
    expect(redefined.glossary.some((entry) => entry.definition.startsWith('Redefined later, '))).toBe(true);
    const index = render(redefined, await readRenderCache(file)).find((f) => f.path === 'search-index.js')!;
    expect(index.content).toContain('Redefined later, ');
    expect(index).toEqual(render(redefined).find((f) => f.path === 'search-index.js'));
  });

  it('writes a chapter’s own raw nodes as text, cached or not', () => {
    const withRaw: Chapter = {
      ...book.chapters[0]!,
      html: `${book.chapters[0]!.html}<script>raw</script>`,
      tree: { type: 'root', children: [...book.chapters[0]!.tree.children, { type: 'raw', value: '<script>raw</script>' } as unknown as ElementContent] },
    };
    const tampered = { ...book, chapters: [withRaw, ...book.chapters.slice(1)] };
    for (const cache of [undefined, createRenderCache()]) {
      const page = String(render(tampered, cache).find((f) => f.path === `${withRaw.id}.html`)!.content);
      expect(page).toContain('&#x3C;script>raw&#x3C;/script>');
      expect(page).not.toContain('<script>raw</script>');
    }
  });
});
