// The built site as readers get it: headless Chromium, served over HTTP on 127.0.0.1.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve } from './helpers/browser.js';
import { buildSite, fixtureBook, realBook, type BuiltSite } from './helpers/built-site.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Served extends BuiltSite {
  url: string;
  close: () => Promise<void>;
}

let browser: Browser;
let real: Served;
let fixture: Served;
/** Every request a page made that left the site. */
const external: string[] = [];

async function serveBook(contentDir: string): Promise<Served> {
  const site = await buildSite(contentDir);
  return { ...site, ...(await serve(site.dir)) };
}

async function open(site: Served, path: string, options: { theme?: 'light' | 'dark'; javaScript?: boolean; width?: number } = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  await page.setJavaScriptEnabled(options.javaScript ?? true);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.theme ?? 'light' }]);
  page.on('request', (request) => {
    if (!request.url().startsWith(site.url) && !request.url().startsWith('data:')) external.push(request.url());
  });
  await page.goto(site.url + path, { waitUntil: 'networkidle0' });
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe.run(document),
  );
  return results.violations.flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
}

beforeAll(async () => {
  [real, fixture] = await Promise.all([serveBook(realBook), serveBook(fixtureBook)]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  for (const site of [real, fixture]) {
    await site?.close();
    if (site) rmSync(site.dir, { recursive: true, force: true });
  }
});

describe('accessibility (axe-core)', () => {
  const pages = ['index.html', 'training-data.html', 'glossary.html', 'book.html', 'search.html?q=feature+store'];
  it.each(pages.flatMap((p) => [[p, 'light'], [p, 'dark']] as const))('%s in the %s theme has no violations', async (path, theme) => {
    const page = await open(real, path, { theme });
    if (path.startsWith('search')) await page.waitForSelector('#search-results li');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no violations on a phone, with the contents menu folded', async () => {
    const page = await open(real, 'training-data.html', { width: 375, theme: 'dark' });
    expect(await page.$eval('.toc-details', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('links', () => {
  it('every internal link, anchor, image, stylesheet and script resolves, and no request leaves the site', async () => {
    for (const site of [fixture, real]) {
      const pages = site.files.filter((f) => f.path.endsWith('.html')).map((f) => f.path);
      const ids = new Map<string, Set<string>>();
      const links: Array<{ from: string; to: string }> = [];
      for (const path of pages) {
        const page = await open(site, path);
        ids.set(site.url + path, new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id))));
        const targets = await page.$$eval('a[href], link[href], img[src], script[src]', (els) =>
          els.map((e) => (e instanceof HTMLAnchorElement || e instanceof HTMLLinkElement ? e.href : (e as HTMLImageElement).src)),
        );
        for (const to of targets) if (to.startsWith(site.url)) links.push({ from: path, to });
        await page.close();
      }
      const broken: string[] = [];
      const fetched = new Map<string, number>();
      for (const { from, to } of links) {
        const [target, anchor] = to.split('#') as [string, string | undefined];
        if (!fetched.has(target)) fetched.set(target, (await fetch(target)).status);
        if (fetched.get(target) !== 200) broken.push(`${from} → ${to} (HTTP ${fetched.get(target)})`);
        else if (anchor && !ids.get(target)?.has(decodeURIComponent(anchor))) broken.push(`${from} → ${to} (no such id)`);
      }
      expect(broken).toEqual([]);
    }
    expect(external).toEqual([]);
  });
});

describe('search', () => {
  const cases: Array<[string, string]> = [
    ['milliseconds', 'going-further.html#tables-and-code'],
    ['struck text', 'going-further.html#links'],
    ['subsection', 'first-steps.html#a-subsection'],
    ['callouts five kinds', 'first-steps.html#key-takeaways'],
  ];
  it.each(cases)('“%s” finds %s first', async (query, expected) => {
    const page = await open(fixture, `search.html?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('#search-results li a');
    expect(await page.$eval('#search-results li a', (a) => a.getAttribute('href'))).toBe(expected);
    await page.close();
  });

  it('finds sections of the real book, from the search box in the top bar', async () => {
    const page = await open(real, 'training-data.html');
    await page.type('.topbar-search input', 'reservoir sampling');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.waitForSelector('#search-results li a');
    expect(await page.$eval('#search-results li a', (a) => a.getAttribute('href'))).toBe('training-data.html#reservoir-sampling-for-streams');
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const page = await open(fixture, 'search.html?q=zzyzx');
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('Nothing found'));
    expect(await page.$$('#search-results li')).toHaveLength(0);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('shows the chapter, its contents and its figures; only the theme toggle stays hidden', async () => {
    const page = await open(real, 'training-data.html', { javaScript: false, width: 375 });
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('Training Data');
    expect(await page.$eval('.toc-details', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.$eval('.theme-toggle', (b) => (b as HTMLButtonElement).hidden)).toBe(true);
    expect(await page.$$eval('figure img', (imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await page.close();
  });
});

describe('theme', () => {
  it('follows the system, and remembers the toggle across pages', async () => {
    const page = await open(fixture, 'first-steps.html', { theme: 'dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(13, 17, 23)');
    expect(await page.$eval('.theme-toggle', (b) => b.getAttribute('aria-pressed'))).toBe('true');
    await page.click('.theme-toggle');
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.goto(`${fixture.url}going-further.html`, { waitUntil: 'networkidle0' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await page.$eval('.theme-toggle', (b) => b.getAttribute('aria-pressed'))).toBe('false');
    await page.close();
  });

  it('prints black on white whatever the theme, without navigation', async () => {
    const page = await open(fixture, 'first-steps.html', { theme: 'dark' });
    await page.emulateMediaType('print');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    expect(await page.$eval('.sidebar', (e) => getComputedStyle(e).display)).toBe('none');
    await page.close();
  });

  it('loads the bundled font', async () => {
    const page = await open(fixture, 'first-steps.html');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Source Serif 4"'))).toBe(true);
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Source Serif 4') && f.status === 'loaded'))).toBe(true);
    await page.close();
  });
});
