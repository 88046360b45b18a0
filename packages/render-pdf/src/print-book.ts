import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page, PDFOptions } from 'puppeteer-core';
import { type CoverSpec, insertCover } from './cover.js';
import { fitWideBlocks } from './fit-wide-blocks.js';
import { FONTS_LOADED, loadFonts } from './load-fonts.js';
import { destinationName, mergePdfs } from './merge-pdfs.js';
import { pageMap } from './page-map.js';
import { decodeName, PdfReader } from './pdf-reader.js';
import { allowOnly } from './request-policy.js';
import { pruneSoftHyphens } from './soft-hyphens.js';
import { setTocPages } from './toc-pages.js';

export interface PrintJob {
  /** The front matter's print HTML, on disk. */
  front: string;
  /** The print HTML of each part of the body, in reading order, on disk. */
  body: string[];
  /** Folders the page may read files from (the HTML's and the fonts'); every other request is refused. */
  readableDirs: string[];
  cover: CoverSpec;
  /** Ids of the elements that open a page without running header: the chapters and the glossary. */
  openings: string[];
  /** Text of the running headers and footers, whose fonts must be loaded before printing. */
  marginText: string;
  /** How many parts Chromium lays out at once (one renderer process each). */
  workers: number;
  timeoutMs: number;
  progress: (message: string) => void;
}

/** The parts as Chromium printed them, before merging. */
export interface PrintedBook {
  front: Uint8Array;
  /** In reading order. */
  body: Uint8Array[];
  /** Named destination → body page number (from 1). */
  pages: Map<string, number>;
  /** Destinations the contents link to. */
  targets: string[];
}

interface Part {
  file: string;
  front: boolean;
  /** Kept loaded between measuring and printing when every part fits in memory at once. */
  page?: Page;
  /** Pages, without the unprinted first one of a body part. */
  count: number;
  /** Named destination → page within the part (from 1). */
  pageOf: Map<string, number>;
  /** Body pages before the part's first. */
  offset: number;
}

const BASE: PDFOptions = { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false };

/**
 * Prints the book in parts, on `workers` Chromium renderers at once (assembleBook merges them).
 * The body is numbered from 1, so the first body part is printed straight away; every later part
 * is first laid out and measured: how many pages it has and where each chapter and section starts
 * (from the PDF's named destinations). The front matter is loaded once the first part prints. Then
 * each later part's numbers are made to continue those of the parts before it, the contents get
 * their page numbers, and the rest is printed, tagged and with bookmarks.
 */
export async function printBook(browser: Browser, job: PrintJob): Promise<PrintedBook> {
  const parts: Part[] = [
    ...job.body.map((file) => ({ file, front: false, count: 0, pageOf: new Map(), offset: 0 })),
    { file: job.front, front: true, count: 0, pageOf: new Map(), offset: 0 },
  ];
  const front = parts.at(-1)!;
  const first = parts[0]!;
  const keepLoaded = job.body.length <= job.workers;
  // One context per worker, each with its own renderer process. The first is the default one, whose
  // blank tab (which Chromium opens with) takes the first part: starting a renderer for a new tab
  // costs a few hundred milliseconds, on the way to the first print.
  const tabs = new Tabs(browser.pages());
  const extra = await Promise.all(Array.from({ length: Math.min(job.workers, parts.length) - 1 }, () => browser.createBrowserContext()));
  const contexts = [browser.defaultBrowserContext(), ...extra];
  const printed = new Map<Part, Uint8Array>();
  // The front matter waits for the first part to start printing: it is needed only after that
  // print, and loading it meanwhile would take CPU from the first part's way to it.
  let firstPrinting!: () => void;
  const firstPrints = new Promise<void>((resolve) => (firstPrinting = resolve));

  job.progress(`laying out pages (${job.body.length + 1} parts, ${contexts.length} at a time)…`);
  await inParallel(parts, contexts, async (part, context) => {
    if (part.front) await firstPrints;
    const page = await load(await tabs.open(context), part, job, part === first || keepLoaded ? 'prepare' : 'prepare-and-save');
    if (part === first) {
      firstPrinting();
      const pdf = await printPart(page, part, job);
      const { count, pageOf } = pageMap(pdf);
      part.count = count;
      part.pageOf = pageOf;
      printed.set(part, pdf);
      await page.close();
      return;
    }
    if (!part.front) {
      // The measuring pass paints nothing (visibility does not change layout), which makes it cheap.
      const invisible = await page.addStyleTag({ content: '*, *::before, *::after { visibility: hidden !important; }' });
      const { count, pageOf } = pageMap(await page.pdf({ ...BASE, printBackground: false, tagged: false, outline: false, timeout: job.timeoutMs }));
      part.count = count - 1;
      part.pageOf = new Map([...pageOf].map(([name, n]) => [name, n - 1]));
      await invisible.evaluate((element) => element.remove());
    }
    if (keepLoaded) {
      await releaseMemory(page);
      part.page = page;
    } else {
      await page.close();
    }
  });

  const pages = placeParts(parts);
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  job.progress(`printing ${total} pages of the body and the front matter, with bookmarks and tags…`);
  let targets: string[] = [];
  await inParallel(
    parts.filter((part) => part !== first),
    contexts,
    async (part, context) => {
      const page = part.page ?? (await load(await tabs.open(context), part, job, 'prepared'));
      if (part.front) targets = await page.evaluate(setTocPages, Object.fromEntries(pages));
      printed.set(part, await printPart(page, part, job));
      await page.close();
    },
  );

  return { front: printed.get(front)!, body: parts.slice(0, -1).map((part) => printed.get(part)!), pages, targets };
}

/**
 * Merges the printed parts into one PDF (which needs no browser), and checks it against the
 * numbers in the contents.
 */
export function assembleBook(printed: PrintedBook, job: Pick<PrintJob, 'openings' | 'progress'>): Uint8Array {
  const { pages, targets } = printed;
  const unplaced = targets.filter((t) => !pages.has(t));
  if (unplaced.length > 0) job.progress(`warning: no page found for ${unplaced.length} contents entries (${unplaced.slice(0, 3).join(', ')})`);
  job.progress(`merging ${printed.body.length + 1} parts…`);
  const frontCount = new PdfReader(printed.front).pages().length;
  const openings = new Set(job.openings.flatMap((id) => (pages.has(id) ? [frontCount + pages.get(id)! - 1] : [])));
  const merged = mergePdfs([printed.front, ...printed.body], { arabicFrom: frontCount, withoutHeader: openings });
  const final = pageMap(merged).pageOf;
  const moved = targets.filter((t) => pages.has(t) && final.get(decodeName(destinationName(t))) !== pages.get(t)! + frontCount);
  if (moved.length > 0) job.progress(`warning: ${moved.length} contents entries may show the wrong page (${moved.slice(0, 3).join(', ')})`);
  return merged;
}

/**
 * Prints a part tagged and with bookmarks. A body part's unprinted first page counts the pages
 * before the part, so that its page numbers follow theirs.
 */
async function printPart(page: Page, part: Part, job: PrintJob): Promise<Uint8Array> {
  if (part.front) return page.pdf({ ...BASE, tagged: true, outline: true, timeout: job.timeoutMs });
  await page.addStyleTag({ content: `@page pdf-skip { counter-increment: page ${part.offset}; }` });
  return page.pdf({ ...BASE, tagged: true, outline: true, timeout: job.timeoutMs, pageRanges: '2-' });
}

/**
 * Gives each body part the number of body pages before it, and returns every destination's page
 * number: the body is numbered from 1, after the front matter's roman numerals.
 */
function placeParts(parts: Part[]): Map<string, number> {
  const pages = new Map<string, number>();
  let offset = 0;
  for (const part of parts.slice(0, -1)) {
    part.offset = offset;
    for (const [name, n] of part.pageOf) pages.set(name, n + offset);
    offset += part.count;
  }
  return pages;
}

/**
 * Opens a part in `page` and loads its fonts. Unless that was done already (and saved), it also
 * puts the cover on the front matter, fits wide blocks to the text width and keeps only the soft
 * hyphens where lines break.
 */
async function load(page: Page, part: Part, job: PrintJob, mode: 'prepare' | 'prepare-and-save' | 'prepared'): Promise<Page> {
  page.setDefaultTimeout(job.timeoutMs);
  page.setDefaultNavigationTimeout(job.timeoutMs);
  await allowOnly(page, job.readableDirs);
  // Print media only: the dark theme is for screens. (Emulating a colour scheme as well would make
  // Chromium drop every font and shape all the text again, three times over, when printing starts.)
  await page.emulateMediaType('print');
  await page.goto(pathToFileURL(part.file).href, { waitUntil: 'load' });
  if (mode !== 'prepared' && part.front) await page.evaluate(insertCover, job.cover);
  await page.evaluate(loadFonts, job.marginText, FONTS_LOADED);
  if (mode !== 'prepared') {
    const fitted = await page.evaluate(fitWideBlocks);
    if (fitted > 0) job.progress(`scaled ${fitted} wide table${fitted === 1 ? '' : 's'} or formula${fitted === 1 ? '' : 's'} to the text width`);
    await page.evaluate(pruneSoftHyphens);
    // The part is loaded again to be printed: it need not be fitted and pruned again.
    if (mode === 'prepare-and-save') await writeFile(part.file, await page.evaluate(savedHtml, FONTS_LOADED));
  }
  return page;
}

/** Tabs to load parts in: Chromium's blank first tab once, then new ones. */
class Tabs {
  #blank: Promise<Page | undefined>;

  constructor(pages: Promise<Page[]>) {
    this.#blank = pages.then(async ([blank, ...others]) => {
      await Promise.all(others.map((page) => page.close()));
      return blank;
    });
    // A failure is reported by open(); if printing failed before that, it is not news.
    this.#blank.catch(() => undefined);
  }

  async open(context: BrowserContext): Promise<Page> {
    if (context === context.browser().defaultBrowserContext()) {
      const blank = await this.#blank;
      this.#blank = Promise.resolve(undefined);
      if (blank) return blank;
    }
    return context.newPage();
  }
}

/** Runs in the page: the document as HTML, hidden again until its fonts have loaded. */
function savedHtml(attribute: string): string {
  const root = document.documentElement.cloneNode(true) as HTMLElement;
  root.removeAttribute(attribute);
  return `<!DOCTYPE html>${root.outerHTML}`;
}

/** Runs `work` on each item, on as many contexts at once, each context taking the next item when free. */
async function inParallel<T, R>(items: T[], contexts: BrowserContext[], work: (item: T, context: BrowserContext) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    contexts.map(async (context) => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, context);
      }
    }),
  );
  return results;
}

/**
 * Lets Chromium collect what laying out (and measuring) a part left behind, before the part waits
 * loaded for its turn to print. A part printed as soon as it is laid out is not collected first:
 * that would cost half a second on the way to the first print for about 50 MB of peak memory.
 */
async function releaseMemory(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach();
  }
}
