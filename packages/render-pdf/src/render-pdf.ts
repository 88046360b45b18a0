import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Book } from '@dmls/core';
import { withBrowser } from './browser.js';
import { coverSpec } from './cover.js';
import { RenderPdfError } from './errors.js';
import { finalizePdf } from './finalize.js';
import { findChromium } from './find-chromium.js';
import { fontDirs } from './fonts.js';
import { bookMetadata } from './metadata.js';
import { type PageGeometry, type PageSize, pageGeometry } from './page-size.js';
import { assembleBook, type PrintedBook, type PrintJob, printBook } from './print-book.js';
import { printHtml } from './print-html.js';
import { splitPrintHtml } from './print-parts.js';

export interface RenderPdfOptions {
  /** Package version, shown on the title page and colophon and in the PDF's Creator. */
  version?: string;
  /** Paper size. Default `'A4'`. */
  pageSize?: PageSize;
  /** Chromium or Chrome to print with. Default: `PUPPETEER_EXECUTABLE_PATH`, else a system Chromium. */
  executablePath?: string;
  /** Called with a short message at each step (for a CLI's progress line). */
  onProgress?: (message: string) => void;
  /** The longest any one step (start Chromium, load, print) may take, in ms. Default 120 000. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** Parts laid out at once, one Chromium renderer each: more would cost memory for little time. */
const MAX_WORKERS = 4;

/**
 * Renders a book as a PDF with the system's Chromium and returns its bytes: cover, title page,
 * colophon, contents with real page numbers, introduction, chapters and glossary; bookmarks,
 * tags, running headers, page numbers, clickable links. The same book gives the same bytes.
 * A crash or hang of Chromium is retried once with a fresh browser; Chromium is always shut down.
 */
export async function renderPdf(book: Book, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  const progress = options.onProgress ?? (() => {});
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const geometry = pageGeometry(options.pageSize);
  const executablePath = findChromium(options.executablePath);
  const metadata = bookMetadata(book, options.version);

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'dmls-pdf-'));
  try {
    let job: PrintJob | undefined;
    // Written while Chromium starts (and kept for a retry).
    const prepare = async () => {
      job ??= await printJob(book, { workDir, geometry, timeoutMs, progress, ...(options.version ? { version: options.version } : {}) });
    };
    // Merged and finished while Chromium shuts down.
    const finish = (printed: PrintedBook) => {
      const merged = assembleBook(printed, job!);
      progress('finishing the PDF…');
      return finalizePdf(merged, metadata);
    };
    let pdf: Uint8Array | undefined;
    for (let attempt = 1; pdf === undefined; attempt++) {
      const profileDir = path.join(workDir, `profile-${attempt}`);
      await mkdir(profileDir);
      try {
        progress(attempt === 1 ? 'starting Chromium…' : 'starting a fresh Chromium…');
        pdf = await withBrowser({ executablePath, profileDir, timeoutMs }, { whileStarting: prepare, work: (browser) => printBook(browser, job!), finish });
      } catch (error) {
        if (job === undefined) throw error;
        const failure = asRenderError(error, executablePath, timeoutMs);
        if (attempt >= 2 || failure.code === 'no-browser' || failure.code === 'bad-output') {
          throw attempt >= 2 ? new RenderPdfError(`${failure.message} (after one retry)`, failure.code, error) : failure;
        }
        progress(`${failure.message}; retrying once…`);
      }
    }
    return pdf;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The book's print HTML, in parts on disk, and what printing it needs. */
async function printJob(
  book: Book,
  options: { workDir: string; geometry: PageGeometry; version?: string; timeoutMs: number; progress: (message: string) => void },
): Promise<PrintJob> {
  const { workDir, progress } = options;
  const { html, hyphenated } = printHtml(book, { geometry: options.geometry, ...(options.version ? { version: options.version } : {}) });
  if (!hyphenated) progress(`no hyphenation patterns for language "${book.language}": words will not be hyphenated`);
  const workers = Math.max(1, Math.min(MAX_WORKERS, os.availableParallelism()));
  const openings = [book.introduction, ...book.chapters].map((c) => c.id).concat(book.glossary.length > 0 ? ['glossary'] : []);
  const parts = splitPrintHtml(html, openings, 1);
  const front = path.join(workDir, 'front.html');
  await writeFile(front, parts.front);
  const body = parts.body.map((_, i) => path.join(workDir, `part-${i + 1}.html`));
  await Promise.all(body.map((file, i) => writeFile(file, parts.body[i]!)));
  return { front, body, openings, workers, readableDirs: [workDir, ...fontDirs()], cover: coverSpec(book), marginText: marginText(book), timeoutMs: options.timeoutMs, progress };
}

/** Every character the running headers and footers may show. */
function marginText(book: Book): string {
  const titles = [book.introduction, ...book.chapters].map((c) => `${c.title} Chapter ${c.number}`);
  return [...new Set([...titles, book.title, 'Introduction Contents Glossary 0123456789'].join(''))].join('');
}

function asRenderError(error: unknown, executablePath: string, timeoutMs: number): RenderPdfError {
  if (error instanceof RenderPdfError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new RenderPdfError(`Chromium did not answer within ${timeoutMs} ms (${firstLine(message)})`, 'timeout', error);
  }
  if (/ENOENT|EACCES|Failed to launch/.test(message)) {
    return new RenderPdfError(`Chromium at ${executablePath} could not be started: ${firstLine(message)}`, 'browser-failed', error);
  }
  return new RenderPdfError(`Chromium failed while printing: ${firstLine(message)}`, 'browser-failed', error);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}
