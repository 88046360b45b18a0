// Renders a book folder to a PDF and reports time and the peak memory of the whole process tree
// (Node and every Chromium process, proportional set size), sampled from /proc every 200 ms, and the
// CPU time of the tree (sampled too, so a process's last 200 ms may be missed).
// Usage: node scripts/render-book.mjs [--bare] [BOOK_DIR=the real book] [OUT.pdf=dist/book.pdf] [A4|Letter]
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { compile, formatDiagnostic } from '@dmls/core';
import { renderSinglePage } from '@dmls/render-html';
import puppeteer from 'puppeteer-core';
import { findChromium, renderPdf } from '../dist/index.js';

async function barePrint(book) {
  const work = mkdtempSync(`${tmpdir()}/bare-print-`);
  const figures = new Map([book.introduction, ...book.chapters].flatMap((c) => c.figures.map((f) => [f.src, f.svg])));
  const html = renderSinglePage(book, { figureSrc: (src) => `data:image/svg+xml;base64,${Buffer.from(figures.get(src) ?? '').toString('base64')}` });
  writeFileSync(`${work}/book.html`, html);
  const browser = await puppeteer.launch({ executablePath: findChromium(), args: ['--no-sandbox'], userDataDir: `${work}/profile`, pipe: true });
  try {
    const [page] = await browser.pages();
    await page.goto(`file://${work}/book.html`, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', timeout: 0 });
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

const here = new URL('.', import.meta.url).pathname;
// --bare: print the plain single-page HTML once, untagged, for comparison (what "a bare Chromium
// print of the same HTML" costs).
const bare = process.argv.includes('--bare');
process.argv = process.argv.filter((a) => a !== '--bare');
const [dir, out, pageSize] = [process.argv[2] || `${here}../../../content/designing-ml-systems`, process.argv[3] || `${here}../dist/book.pdf`, process.argv[4] || 'A4'];
const { book, diagnostics } = await compile(dir);
if (!book) {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  process.exit(1);
}

function treeRss(root, detail = false) {
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
    } catch {}
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    try {
      if (pid !== root) {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        cpuTicks.set(pid, Number(fields[11]) + Number(fields[12]));
      }
      // Proportional set size: shared pages (Chromium's processes share many) are counted once.
      const kb = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      total += kb ? Number(kb[1]) * 1024 : 0;
      if (detail && kb) console.error(pid, Math.round(Number(kb[1]) / 1024), 'MiB', readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 90));
    } catch {}
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU ticks of every process of the tree, as last seen (Chromium's processes exit before the end). */
const cpuTicks = new Map();
const ownTicks = () => readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
const ownBefore = ownTicks();
let peak = 0;
const timer = setInterval(() => {
  const now = treeRss(process.pid);
  if (now > peak && process.env.MEMORY_DETAIL) treeRss(process.pid, true);
  peak = Math.max(peak, now);
}, 200);
const started = performance.now();
const pdf = bare ? await barePrint(book) : await renderPdf(book, {
  pageSize,
  onProgress: (m) => console.error(`  ${((performance.now() - started) / 1000).toFixed(2)} s  ${(peak / 2 ** 20).toFixed(0).padStart(5)} MiB  ${m}`),
});
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
writeFileSync(out, pdf);
console.log(
  `${out}: ${pdf.byteLength} bytes in ${seconds.toFixed(2)} s (CPU ${((ownTicks() - ownBefore + [...cpuTicks.values()].reduce((a, b) => a + b, 0)) / 100).toFixed(1)} s), ` +
    `peak memory of the process tree ${(peak / 2 ** 20).toFixed(0)} MiB`,
);
