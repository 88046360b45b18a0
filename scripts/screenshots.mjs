#!/usr/bin/env node
// `pnpm screenshots [chapter-id]`: builds the HTML edition of the real book into a temporary folder,
// serves it on 127.0.0.1 and writes PNGs of one chapter page at phone and desktop widths, in the
// light and dark themes, to dist/screenshots/: the first screen (`<id>-375-light.png`) and the whole
// page (`<id>-375-light-full.png`). Needs the packages built (`pnpm build:packages`)
// and the system's Chromium (or PUPPETEER_EXECUTABLE_PATH).
// EPUB: the same chapter of the EPUB edition as a reading system shows it (epub.js, from
// @dmls/render-epub's devDependencies, in Chromium), at 375 and 800 px: `<id>-epub-375.png`, and
// the whole chapter in `<id>-epub-375-full.png`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const root = path.resolve(import.meta.dirname, '..');
const chapter = process.argv[2] ?? 'training-data';
const outDir = path.join(root, 'dist', 'screenshots');
const cli = path.join(root, 'packages', 'cli', 'dist', 'bin.js');
const chromium = process.env.PUPPETEER_EXECUTABLE_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

if (!existsSync(cli)) fail('the packages are not built: run `pnpm build:packages` first.');
if (!chromium) fail('no Chromium found: `apt-get install chromium`, or set PUPPETEER_EXECUTABLE_PATH.');

const work = mkdtempSync(path.join(tmpdir(), 'dmls-screens-'));
const server = createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html');
  const file = path.join(work, 'html', path.normalize(name));
  if (!file.startsWith(path.join(work, 'html')) || !existsSync(file)) return void res.writeHead(404).end();
  const type = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' }[path.extname(file)];
  res.writeHead(200, { 'content-type': type ?? 'application/octet-stream' }).end(readFileSync(file));
});
let browser;
try {
  execFileSync(process.execPath, [cli, 'build', '--format', 'html', '--out', work, '--quiet', path.join(root, 'content', 'designing-ml-systems')], { stdio: 'inherit' });
  if (!existsSync(path.join(work, 'html', `${chapter}.html`))) fail(`no chapter page ${chapter}.html`);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  browser = await puppeteer.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'],
  });
  mkdirSync(outDir, { recursive: true });
  for (const width of [375, 1280]) {
    for (const theme of ['light', 'dark']) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: width < 600 ? 812 : 900, deviceScaleFactor: 1 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
      await page.goto(`http://127.0.0.1:${port}/${chapter}.html`, { waitUntil: 'networkidle0' });
      await page.evaluate(() => document.fonts.ready);
      for (const fullPage of [false, true]) {
        const file = path.join(outDir, `${chapter}-${width}-${theme}${fullPage ? '-full' : ''}.png`);
        await page.screenshot({ path: file, fullPage });
        console.log(path.relative(root, file));
      }
      await page.close();
    }
  }
  await epubScreenshots(browser);
} finally {
  await browser?.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}

/**
 * The EPUB part: builds the EPUB edition, serves it with an empty reader page on 127.0.0.1, and has
 * epub.js (loaded from node_modules, no network) show the chapter scrolled, as one tall frame.
 */
async function epubScreenshots(browser) {
  execFileSync(process.execPath, [cli, 'build', '--format', 'epub', '--out', work, '--quiet', path.join(root, 'content', 'designing-ml-systems')], { stdio: 'inherit' });
  const epub = readFileSync(path.join(work, 'designing-ml-systems.epub'));
  const resolveReader = createRequire(path.join(root, 'packages', 'render-epub', 'package.json')).resolve;
  const scripts = [resolveReader('jszip/dist/jszip.min.js'), resolveReader('epubjs/dist/epub.min.js')];
  const reader = createServer((req, res) => {
    if (req.url === '/book.epub') return void res.writeHead(200, { 'content-type': 'application/epub+zip' }).end(epub);
    if (req.url !== '/') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html lang="en"><title>EPUB</title><body style="margin:0"><div id="viewer"></div></body></html>');
  });
  await new Promise((resolve) => reader.listen(0, '127.0.0.1', resolve));
  try {
    for (const width of [375, 800]) {
      const height = width < 600 ? 812 : 1000;
      const page = await browser.newPage();
      await page.setViewport({ width, height, deviceScaleFactor: 1 });
      await page.goto(`http://127.0.0.1:${reader.address().port}/`, { waitUntil: 'load' });
      for (const script of scripts) await page.addScriptTag({ path: script });
      await page.evaluate(
        async (href, size) => {
          const rendition = window.ePub('book.epub').renderTo('viewer', { ...size, flow: 'scrolled-doc' });
          await rendition.display(href);
          const document = rendition.getContents()[0].document;
          await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
          await document.fonts.ready;
        },
        `chapter-${chapter}.xhtml`,
        { width, height },
      );
      const file = path.join(outDir, `${chapter}-epub-${width}.png`);
      await page.screenshot({ path: file });
      console.log(path.relative(root, file));
      const full = path.join(outDir, `${chapter}-epub-${width}-full.png`);
      await (await page.$('#viewer iframe')).screenshot({ path: full });
      console.log(path.relative(root, full));
      await page.close();
    }
  } finally {
    reader.close();
  }
}

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}
