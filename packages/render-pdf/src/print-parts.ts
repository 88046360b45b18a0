import { CROSS_PART_LINK } from './merge-pdfs.js';

/** The book's print HTML cut into documents that Chromium can lay out one by one, and in parallel. */
export interface PrintParts {
  /** Cover, title page, colophon and contents. */
  front: string;
  /** The introduction, chapters and glossary, a run of consecutive ones per document. */
  body: string[];
}

/**
 * Up to this much HTML per part: about 270 pages, which Chromium lays out in well under 1 GB.
 * Smaller parts cost time (each is loaded and laid out on its own, and on two cores two parts at
 * once were slower than one after the other); larger ones cost memory that grows with the book.
 */
const MAX_PART_BYTES = 1_500_000;

/**
 * Cuts the single-page print HTML (whose `<main>` holds the front matter, then one
 * `<section class="chapter" id="…">` per entry of `sectionIds`) into a front-matter document and
 * at least `minParts` body documents of similar size, each with the whole `<head>`.
 *
 * A body part starts with a page that is never printed (`.pdf-skip`): it holds an empty link to
 * every element of the part that some link of the book points to, so that Chromium writes a named
 * destination for each, whichever part the link is in; and its page counter, set before printing,
 * makes the part's page numbers continue those of the parts before it. Links to other parts point
 * to `CROSS_PART_LINK`, which merging resolves.
 */
export function splitPrintHtml(html: string, sectionIds: string[], minParts: number): PrintParts {
  const mainStart = html.indexOf('<main>') + '<main>'.length;
  const mainEnd = html.lastIndexOf('</main>');
  if (mainStart < '<main>'.length || mainEnd < mainStart) throw new Error('the print HTML has no <main>');
  const starts = sectionIds.map((id) => {
    const at = html.indexOf(` id="${attribute(id)}"`, mainStart);
    const start = html.lastIndexOf('<section class="chapter', at);
    if (at < 0 || start < mainStart) throw new Error(`the print HTML has no section for "${id}"`);
    return start;
  });
  const head = html.slice(0, mainStart);
  const tail = html.slice(mainEnd);
  const sections = starts.map((start, i) => html.slice(start, starts[i + 1] ?? mainEnd));
  const frontHtml = html.slice(mainStart, starts[0] ?? mainEnd);
  const targets = new Set([...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => fragment(m[1]!)));

  const total = sections.reduce((sum, s) => sum + s.length, 0);
  const count = Math.min(sections.length, Math.max(minParts, Math.ceil(total / MAX_PART_BYTES)));
  const groups: string[][] = [];
  let filled = 0;
  for (const section of sections) {
    // A new part starts once the parts so far hold their share of the text.
    if (groups.length === 0 || (groups.length < count && filled >= (total * groups.length) / count)) groups.push([]);
    groups.at(-1)!.push(section);
    filled += section.length;
  }

  const document = (content: string, skipPage: boolean) => {
    const ids = new Set([...content.matchAll(/\sid="([^"]*)"/g)].map((m) => text(m[1]!)));
    const linked = content.replace(/(\shref=")#([^"]*)"/g, (whole, before: string, href: string) =>
      ids.has(fragment(href)) ? whole : `${before}${CROSS_PART_LINK}${href}"`,
    );
    // One page that is laid out but never printed.
    const anchors = [...ids].filter((id) => targets.has(id)).map((id) => `<a href="#${attribute(id)}"></a>`);
    const skip = skipPage ? `<div class="pdf-skip" aria-hidden="true">${anchors.join('')}</div>` : '';
    return `${head}${skip}${linked}${tail}`;
  };
  return {
    front: document(frontHtml, false),
    body: groups.map((group) => document(group.join(''), true)),
  };
}

/** An `href` fragment as the id it names. */
function fragment(href: string): string {
  try {
    return decodeURIComponent(text(href));
  } catch {
    return text(href);
  }
}

/** Attribute text with the character references that hast-util-to-html writes undone. */
function text(value: string): string {
  return value.replace(/&(amp|quot|lt|gt|#x?[0-9a-fA-F]+);/g, (whole, ref: string) => {
    if (ref === 'amp') return '&';
    if (ref === 'quot') return '"';
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    const code = ref.startsWith('#x') || ref.startsWith('#X') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
