import { PdfReader } from './pdf-reader.js';

export interface PageMap {
  /** How many pages the PDF has. */
  count: number;
  /** Named destination → the page (from 1) it lies on. */
  pageOf: Map<string, number>;
}

/**
 * On which page each named destination of a PDF lies. Chromium names a destination after the `id`
 * of every element that a link points to, so the contents' targets (chapters, sections, the
 * glossary) are all there.
 */
export function pageMap(pdf: Uint8Array | PdfReader): PageMap {
  const reader = pdf instanceof PdfReader ? pdf : new PdfReader(pdf);
  const pages = reader.pages();
  const pageNumber = new Map(pages.map((num, index) => [num, index + 1]));
  const pageOf = new Map<string, number>();
  for (const [name, page] of reader.destinations()) {
    const number = pageNumber.get(page);
    if (number !== undefined) pageOf.set(name, number);
  }
  return { count: pages.length, pageOf };
}
