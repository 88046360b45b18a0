import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile, type Book } from '@dmls/core';

export const fixtureDir = path.resolve(import.meta.dirname, '../../../tests/fixtures/book');

/** The book the rendering tests use: the fixture, or `DMLS_PDF_TEST_BOOK` (e.g. the real book). */
export async function testBook(): Promise<Book> {
  const dir = process.env.DMLS_PDF_TEST_BOOK ? path.resolve(process.env.DMLS_PDF_TEST_BOOK) : fixtureDir;
  const { book, diagnostics } = await compile(dir, { modified: '2024-05-01T12:00:00Z' });
  if (!book) throw new Error(`${dir} does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  return book;
}

/** A PDF laid out the way Skia writes one (classic cross-reference table), from object bodies numbered from 1. */
export function skiaPdf(objects: string[], root: number, info?: number): Uint8Array {
  let text = '%PDF-1.4\n%\xD3\xEB\xE9\xE1\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root ${root} 0 R${info ? `\n/Info ${info} 0 R` : ''}>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** Writes the PDF to a temporary file for the command-line tools. */
export function savePdf(bytes: Uint8Array, name = 'book.pdf'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'render-pdf-test-')), name);
  writeFileSync(file, bytes);
  return file;
}

export function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

export interface OutlineItem {
  title: string;
  page: number;
  kids: OutlineItem[];
}

/** The bookmarks, as `qpdf --json` reads them. */
export function outline(file: string): OutlineItem[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 })) as {
    outlines: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>;
  };
  const convert = (items: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>): OutlineItem[] =>
    items.map((item) => ({ title: item.title, page: item.destpageposfrom1, kids: convert(item.kids as typeof items) }));
  return convert(json.outlines);
}

/**
 * The physical page (from 1) that shows page number `label`, from the PDF's page labels: roman
 * numerals for the front matter, then the body from 1. Without labels, the page itself.
 */
export function pageLabelled(file: string): (label: number) => number {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pagelabels', file], { encoding: 'utf8' })) as {
    pagelabels: Array<{ index: number; label: { '/S'?: string; '/St'?: number } }>;
  };
  const arabic = json.pagelabels.find((l) => l.label['/S'] === '/D');
  return (label) => (arabic ? arabic.index + label - ((arabic.label['/St'] ?? 1) - 1) : label);
}

/** The text of one page (`pdftotext -layout`). */
export function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

/**
 * The entries of the printed table of contents: title and page number, read with `pdftotext` from
 * the pages between "Contents" and the page the first entry points to.
 */
export function printedToc(file: string, firstPage: number, lastPage: number): Array<{ title: string; page: number }> {
  const entries: Array<{ title: string; page: number }> = [];
  let pending = '';
  for (let page = firstPage; page <= lastPage; page++) {
    const lines = pageText(file, page).split('\n').map((l) => l.trim()).filter(Boolean);
    for (const line of lines.slice(1, -1)) {
      if (line === 'Contents') continue;
      const match = /^(?:\d+\s+)?(.*?)\s*(\d+)$/.exec(`${pending} ${line}`.trim());
      if (match && /\s{2,}\d+$/.test(line)) {
        entries.push({ title: match[1]!.replace(/\s+/g, ' '), page: Number(match[2]) });
        pending = '';
      } else {
        pending = `${pending} ${line}`.trim();
      }
    }
  }
  return entries;
}

/** Process ids of running Chromium processes whose command line contains `marker`. */
export function chromiumProcesses(marker: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes(marker) && /chrom/i.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}
