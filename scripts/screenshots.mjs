#!/usr/bin/env node
// `pnpm screenshots [chapter-id]`: builds the HTML edition of the real book into a temporary folder,
// serves it on 127.0.0.1 and writes PNGs of one chapter page at phone and desktop widths, in the
// light and dark themes, to dist/screenshots/: the first screen (`<id>-375-light.png`) and the whole
// page (`<id>-375-light-full.png`). Needs the packages built (`pnpm build:packages`)
// and the system's Chromium (or PUPPETEER_EXECUTABLE_PATH).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
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
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
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
} finally {
  await browser?.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}
