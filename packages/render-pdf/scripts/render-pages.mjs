// Renders a book to PDF and writes PNGs of the pages to look at before a release: the cover, the
// first page of the contents, and a chapter page that shows a figure, a table and code (or, if no
// page has all three, the page with most of them and a page with code).
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

// A page with a figure caption, a table and a code block. Tables and code blocks are recognised by
// the book's own text (a table's header row, a code block's first line), as a figure's labels can
// look like table rows in the extracted text.
const textOf = (node) => (node.type === 'text' ? node.value : (node.children ?? []).map(textOf).join(''));
const find = (node, tag, found = []) => {
  if (node.tagName === tag) found.push(node);
  for (const child of node.children ?? []) find(child, tag, found);
  return found;
};
const trees = [book.introduction, ...book.chapters].map((c) => c.tree);
const headerRows = trees.flatMap((t) => find(t, 'table')).map((table) => find(table, 'th').map((th) => textOf(th).trim()).filter(Boolean));
const codeLines = trees.flatMap((t) => find(t, 'pre')).map((pre) => textOf(pre).split('\n').find((l) => l.trim().length >= 8)?.trim()).filter(Boolean);
const squash = (line) => line.replace(/\s+/g, ' ');
let best = { page: contents ? contents + 1 : 2, score: -1, code: 0 };
let bestCode;
for (let page = (contents ?? 1) + 1; page <= pages; page++) {
  const lines = text(page).split('\n').map(squash);
  const figure = lines.some((l) => /Figure \d+(\.\d+)?/.test(l)) ? 1 : 0;
  const table = headerRows.some((row) => row.length >= 2 && lines.some((l) => row.every((cell) => l.includes(squash(cell))))) ? 1 : 0;
  const code = codeLines.some((first) => lines.some((l) => l.includes(squash(first)))) ? 1 : 0;
  const score = figure + table + code;
  if (score > best.score) best = { page, score, code };
  if (code && score > (bestCode?.score ?? -1)) bestCode = { page, score };
  if (score === 3) break;
}

// When no page has all three, a page with a code block too.
const shots = { cover: 1, contents: contents ?? 4, chapter: best.page, ...(best.code || !bestCode ? {} : { code: bestCode.page }) };
for (const [name, page] of Object.entries(shots)) {
  const prefix = path.join(out, name);
  tool('pdftoppm', ['-png', '-r', '110', '-singlefile', '-f', String(page), '-l', String(page), pdfFile, prefix]);
  console.log(`${prefix}.png  (page ${page})`);
}
console.log(`${pdfFile}  (${pages} pages)`);
