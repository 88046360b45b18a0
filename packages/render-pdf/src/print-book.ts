import { pathToFileURL } from 'node:url';
import type { Browser, Page, PDFOptions } from 'puppeteer-core';
import { type CoverSpec, insertCover } from './cover.js';
import { fitWideBlocks } from './fit-wide-blocks.js';
import { loadFonts } from './load-fonts.js';
import { pageMap } from './page-map.js';
import { allowOnly } from './request-policy.js';
import { pruneSoftHyphens } from './soft-hyphens.js';
import { setTocPages } from './toc-pages.js';

export interface PrintJob {
  /** The print HTML, on disk. */
  htmlFile: string;
  /** Folders the page may read files from (the HTML's and the fonts'); every other request is refused. */
  readableDirs: string[];
  cover: CoverSpec;
  /** Text of the running headers and footers, whose fonts must be loaded before printing. */
  marginText: string;
  timeoutMs: number;
  progress: (message: string) => void;
}

const MAX_PASSES = 3;

/**
 * Loads the print HTML and prints it until the contents' page numbers are right. The first pass,
 * untagged and without bookmarks (it is only measured), finds on which page each chapter and
 * section starts, from the PDF's named destinations; the numbers go into the contents; the second
 * pass is the tagged PDF with bookmarks, checked against the first. Page numbers have a reserved
 * width, so the second layout matches the first; a third pass is made only if it does not.
 */
export async function printBook(browser: Browser, job: PrintJob): Promise<Uint8Array> {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  page.setDefaultTimeout(job.timeoutMs);
  page.setDefaultNavigationTimeout(job.timeoutMs);
  await allowOnly(page, job.readableDirs);
  await page.emulateMediaType('print');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  job.progress('loading the book into Chromium…');
  await page.goto(pathToFileURL(job.htmlFile).href, { waitUntil: 'load' });
  await page.evaluate(insertCover, job.cover);
  await page.evaluate(loadFonts, job.marginText);
  const fitted = await page.evaluate(fitWideBlocks);
  if (fitted > 0) job.progress(`scaled ${fitted} wide table${fitted === 1 ? '' : 's'} or formula${fitted === 1 ? '' : 's'} to the text width`);
  await page.evaluate(pruneSoftHyphens);
  await releaseMemory(page);

  const options: PDFOptions = { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, timeout: job.timeoutMs };
  job.progress('laying out pages…');
  // The measuring pass paints nothing (visibility does not change layout), which makes it cheap.
  const invisible = await page.addStyleTag({ content: '*, *::before, *::after { visibility: hidden !important; }' });
  let pdf = await page.pdf({ ...options, printBackground: false, tagged: false, outline: false });
  await invisible.evaluate((element) => element.remove());
  await releaseMemory(page);
  const { count, pageOf: firstPages } = pageMap(pdf);
  let pages = firstPages;
  for (let pass = 2; ; pass++) {
    const targets = await page.evaluate(setTocPages, Object.fromEntries(pages));
    const unplaced = targets.filter((t) => !pages.has(t));
    if (pass === 2 && unplaced.length > 0) job.progress(`warning: no page found for ${unplaced.length} contents entries (${unplaced.slice(0, 3).join(', ')})`);
    job.progress(pass === 2 ? `printing ${count} pages with bookmarks and tags…` : `printing again (pass ${pass}): the contents changed the layout…`);
    pdf = await page.pdf({ ...options, tagged: true, outline: true });
    const printed = pageMap(pdf).pageOf;
    const moved = targets.filter((t) => printed.get(t) !== pages.get(t));
    if (moved.length === 0) return pdf;
    if (pass === MAX_PASSES) {
      job.progress(`warning: ${moved.length} contents entries may show the wrong page (${moved.slice(0, 3).join(', ')})`);
      return pdf;
    }
    pages = printed;
  }
}

/**
 * Lets Chromium collect what the last layout or print left behind before the next one, which
 * keeps the peak memory down (by about 150 MB for a 200-page book).
 */
async function releaseMemory(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach();
  }
}

