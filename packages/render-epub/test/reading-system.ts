// An EPUB as a reader opens it: epub.js (with JSZip, its unzipper) in the system's headless
// Chromium. The page and the EPUB are served on 127.0.0.1; epub.js unzips the book in the page and
// serves its files to the chapter's iframe as blob: URLs, so nothing else is fetched.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';

const require = createRequire(import.meta.url);

/** The browser bundles that the reader page loads from this package's devDependencies. */
export const readerScripts = [require.resolve('jszip/dist/jszip.min.js'), require.resolve('epubjs/dist/epub.min.js')];

export { launchChromium as launch } from '../../../tests/helpers/chromium.js';

/** Serves an empty reader page at `/` and the EPUB at `/book.epub`; 404 for anything else. */
export async function serveEpub(bytes: Uint8Array): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url === '/book.epub') response.writeHead(200, { 'content-type': 'application/epub+zip' }).end(bytes);
    else if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html lang="en"><title>Reader</title><body style="margin:0"><div id="viewer"></div></body></html>');
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A reader page showing one content document of the EPUB, scrolled (the whole chapter in one frame). */
export interface OpenChapter {
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
}

/**
 * Opens `href` (a path inside `OEBPS/`) of the served EPUB in epub.js at the given viewport, and
 * waits for its images and fonts.
 */
export async function openChapter(browser: Browser, url: string, href: string, viewport: { width: number; height: number }): Promise<OpenChapter> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
  await page.goto(url, { waitUntil: 'load' });
  for (const path of readerScripts) await page.addScriptTag({ path });
  await page.evaluate(
    async (target, size) => {
      type Rendition = { display: (href: string) => Promise<unknown>; getContents: () => Array<{ document: Document }> };
      const reader = (window as unknown as { ePub: (url: string) => { renderTo: (id: string, options: object) => Rendition } }).ePub('book.epub');
      const rendition = reader.renderTo('viewer', { width: size.width, height: size.height, flow: 'scrolled-doc' });
      await rendition.display(target);
      const document = rendition.getContents()[0]?.document;
      if (!document) throw new Error(`epub.js showed nothing for ${target}`);
      await Promise.all(Array.from(document.images).map((image) => image.decode().catch(() => undefined)));
      await document.fonts.ready;
      (window as unknown as { chapter: Document }).chapter = document;
    },
    href,
    viewport,
  );
  return { page, requests };
}

/** What a reader sees in the open chapter, measured in its frame. */
export interface ChapterReport {
  title: string;
  viewportWidth: number;
  /** How wide the page is: more than the viewport when something sticks out sideways. */
  pageWidth: number;
  images: { src: string; naturalWidth: number; width: number }[];
  tables: { width: number; right: number; scrollWidth: number }[];
  /** Each non-blank piece of text in highlighted code: its element's inline colour, and the colour it is drawn in. */
  codeTokens: { text: string; inline: string; drawn: string }[];
  codeBlocks: number;
  noterefs: { href: string; target: string | undefined; targetType: string | null }[];
  maths: { width: number; height: number }[];
}

export function measureChapter(page: Page): Promise<ChapterReport> {
  return page.evaluate(() => {
    const document = (window as unknown as { chapter: Document }).chapter;
    const view = document.defaultView as Window;
    const EPUB_NS = 'http://www.idpf.org/2007/ops';
    const typeOf = (element: Element) => element.getAttributeNS(EPUB_NS, 'type') ?? element.getAttribute('epub:type');
    const codeTokens: { text: string; inline: string; drawn: string }[] = [];
    const blocks = Array.from(document.querySelectorAll('pre.shiki code'));
    for (const code of blocks) {
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.nodeValue?.trim()) continue;
        const element = node.parentElement as HTMLElement;
        // The colour comes from the nearest element inside the block that sets one inline.
        let carrier: HTMLElement | null = element;
        while (carrier && !carrier.style.color && carrier !== code) carrier = carrier.parentElement;
        codeTokens.push({ text: node.nodeValue, inline: carrier?.style.color ?? '', drawn: view.getComputedStyle(element).color });
      }
    }
    return {
      title: document.title,
      viewportWidth: document.documentElement.clientWidth,
      pageWidth: document.documentElement.scrollWidth,
      images: Array.from(document.images).map((image) => ({ src: image.getAttribute('src') ?? '', naturalWidth: image.naturalWidth, width: image.getBoundingClientRect().width })),
      tables: Array.from(document.querySelectorAll('table')).map((table) => ({ width: table.getBoundingClientRect().width, right: table.getBoundingClientRect().right, scrollWidth: table.scrollWidth })),
      codeTokens,
      codeBlocks: blocks.length,
      noterefs: Array.from(document.querySelectorAll('a'))
        .filter((link) => typeOf(link) === 'noteref')
        .map((link) => {
          const href = link.getAttribute('href') ?? '';
          const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
          return { href, target: target?.localName, targetType: target ? typeOf(target) : null };
        }),
      maths: Array.from(document.getElementsByTagNameNS('http://www.w3.org/1998/Math/MathML', 'math')).map((math) => {
        const box = math.getBoundingClientRect();
        return { width: box.width, height: box.height };
      }),
    };
  });
}
