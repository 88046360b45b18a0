// The built site's markup and weight, checked without a browser.
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureBook, realBook, type BuiltSite } from './helpers/built-site.js';

let real: BuiltSite;
let fixture: BuiltSite;

beforeAll(async () => {
  [real, fixture] = await Promise.all([buildSite(realBook, { siteUrl: 'https://example.org/dmls/' }), buildSite(fixtureBook)]);
});

afterAll(() => {
  for (const site of [real, fixture]) if (site) rmSync(site.dir, { recursive: true, force: true });
});

describe('html-validate', () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Highlighted code carries its two palettes in inline styles (shiki's dual themes), by design.
      'no-inline-style': 'off',
      // hast-util-to-html escapes "<" and "&" in text and writes ">" as is (as in code: `x -> y`),
      // which the HTML standard allows; html-validate's rule would have ">" escaped too.
      'no-raw-characters': 'off',
    },
  });

  it('reports no error on any page of the real book or the fixture', async () => {
    const problems: string[] = [];
    for (const site of [real, fixture]) {
      for (const file of site.files.filter((f) => f.path.endsWith('.html'))) {
        const report = await validator.validateString(String(file.content), file.path);
        for (const result of report.results) {
          for (const m of result.messages) problems.push(`${file.path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('page weight', () => {
  /** What a first visit to a page transfers, gzip-compressed (woff2 is compressed already), images aside. */
  function transfer(site: BuiltSite, page: string): number {
    const html = String(site.files.find((f) => f.path === page)!.content);
    const used = [page, 'style.css', ...[...html.matchAll(/<link rel="preload" href="([^"]+)"/g)].map((m) => m[1]!), 'fonts/source-serif-4-latin-400-italic.woff2', 'fonts/source-serif-4-latin-700-normal.woff2'];
    return used.reduce((sum, path) => {
      const content = site.files.find((f) => f.path === path)!.content;
      return sum + (typeof content === 'string' ? gzipSync(content).length : content.byteLength);
    }, 0);
  }

  it.each(['index.html', 'training-data.html', 'data-distribution-shifts-and-monitoring.html'])('%s transfers under 150 KB before images', (page) => {
    expect(transfer(real, page)).toBeLessThan(150 * 1024);
  });

  it('makes a chapter readable before any script runs: styles and text come with the page', () => {
    const html = String(real.files.find((f) => f.path === 'training-data.html')!.content);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html.indexOf('<h1>Training Data</h1>')).toBeGreaterThan(0);
  });
});

describe('metadata', () => {
  it('gives every page a canonical URL, Open Graph tags and a title of at most 70 characters', () => {
    for (const file of real.files.filter((f) => f.path.endsWith('.html'))) {
      const html = String(file.content);
      expect(html, file.path).toContain(`<link rel="canonical" href="https://example.org/dmls/${file.path}">`);
      expect(html, file.path).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(html, file.path).toMatch(/<meta property="og:description" content="[^"]+">/);
      expect(html.match(/<title>([^<]*)<\/title>/)![1]!.length, file.path).toBeLessThanOrEqual(70);
    }
  });

  it('lists every page but search and 404 in sitemap.xml, and points robots.txt at it', () => {
    const sitemap = String(real.files.find((f) => f.path === 'sitemap.xml')!.content);
    const pages = real.files.filter((f) => f.path.endsWith('.html') && !['404.html', 'search.html'].includes(f.path));
    for (const page of pages) expect(sitemap).toContain(`<loc>https://example.org/dmls/${page.path}</loc>`);
    expect(sitemap).not.toContain('404.html');
    expect(String(real.files.find((f) => f.path === 'robots.txt')!.content)).toContain('Sitemap: https://example.org/dmls/sitemap.xml');
  });

  it('links only by relative URL, so the site works under any base path', () => {
    for (const file of real.files.filter((f) => f.path.endsWith('.html') || f.path.endsWith('.css'))) {
      const urls = [...String(file.content).matchAll(/(?:href|src)="([^"]*)"|url\(([^)]*)\)/g)].map((m) => m[1] ?? m[2]!);
      expect(urls.filter((u) => u.startsWith('/')), file.path).toEqual([]);
    }
  });
});
