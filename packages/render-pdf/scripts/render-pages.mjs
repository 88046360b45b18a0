// Renders a book to PDF and writes PNGs of the pages to look at before a release: the cover, the
// first page of the contents, and a chapter page that shows a figure, a table and code.
// Needs the built package (`pnpm --filter @dmls/render-pdf build`) and poppler-utils.
// Usage: node scripts/render-pages.mjs [BOOK_DIR=the real book] [OUT_DIR=dist/pages] [A4|Letter]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compile, formatDiagnostic } from '@dmls/core';
import { renderPdf } from '../dist/index.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const [dir, out, pageSize] = [
  process.argv[2] || path.join(here, '../../../content/designing-ml-systems'),
  process.argv[3] || path.join(here, '../dist/pages'),
  process.argv[4] || 'A4',
];
const { book, diagnostics } = await compile(dir);
if (!book) {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const pdfFile = path.join(out, `${book.id}.pdf`);
writeFileSync(pdfFile, await renderPdf(book, { pageSize, onProgress: (m) => console.error(`  ${m}`) }));

const tool = (name, args) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdfFile]))[1]);
const text = (page) => tool('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdfFile, '-']);
const contents = Array.from({ length: pages }, (_, i) => i + 1).find((p) => /^\s*Contents\s*$/m.test(text(p).split('\n').slice(0, 4).join('\n')));

// A page with a figure caption, table rows (three or more columns) and code (the monospace font).
let best = { page: contents ? contents + 1 : 2, score: -1 };
for (let page = (contents ?? 1) + 1; page <= pages; page++) {
  const body = text(page);
  const figure = /Figure \d+(\.\d+)?/.test(body) ? 1 : 0;
  const table = body.split('\n').filter((l) => l.trim().split(/\s{2,}/).length >= 3).length >= 3 ? 1 : 0;
  const code = /SourceCodePro/.test(tool('pdffonts', ['-f', String(page), '-l', String(page), pdfFile])) ? 1 : 0;
  const score = figure + table + code;
  if (score > best.score) best = { page, score };
  if (score === 3) break;
}

const shots = { cover: 1, contents: contents ?? 4, chapter: best.page };
for (const [name, page] of Object.entries(shots)) {
  const prefix = path.join(out, name);
  tool('pdftoppm', ['-png', '-r', '110', '-singlefile', '-f', String(page), '-l', String(page), pdfFile, prefix]);
  console.log(`${prefix}.png  (page ${page})`);
}
console.log(`${pdfFile}  (${pages} pages)`);
