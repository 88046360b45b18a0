import { FONTS_LOADED } from './load-fonts.js';
import type { PageGeometry } from './page-size.js';

interface Families {
  body: string;
  ui: string;
  mono: string;
  math: string;
}

/**
 * Print typesetting on top of the site's styles: page boxes, the cover, title page, colophon and
 * contents pages, chapter openings, and rules that keep figures, table rows, callouts and headings
 * whole. Lengths in millimetres and points.
 */
export function printStyles(g: PageGeometry, f: Families): string {
  const { top, bottom, side } = g.margin;
  const contentHeight = (g.height - top - bottom - 1).toFixed(1);
  const margin = 'font-family: ' + f.ui + ", sans-serif; font-size: 8pt; color: #57606a; letter-spacing: 0.04em;";
  return `
@page {
  size: ${g.css};
  margin: ${top}mm ${side}mm ${bottom}mm;
  @top-left { ${margin} vertical-align: bottom; padding-bottom: 4mm; text-transform: uppercase; }
  @top-right { ${margin} vertical-align: bottom; padding-bottom: 4mm; font-style: italic; }
  @bottom-center { content: counter(page); ${margin} vertical-align: top; padding-top: 5mm; font-size: 9pt; }
}
@page cover {
  margin: 0;
  @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; }
}
@page front {
  @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; }
}
/* The front matter is numbered in roman numerals, the body from 1 (each part's unprinted first
   page, pdf-skip, is given the count of the pages before it). */
@page contents {
  @top-right { content: "Contents"; }
  @bottom-center { content: counter(page, lower-roman); }
}
@page pdf-skip { @top-left { content: none; } @top-right { content: none; } }

/* Nothing is laid out before the fonts have loaded (see load-fonts.ts). */
html:not([${FONTS_LOADED}]) main { display: none !important; }

:root {
  --font-body: ${f.body}, serif; --font-ui: ${f.ui}, sans-serif; --font-mono: ${f.mono}, monospace;
  --fg: #1f2328; --muted: #57606a; --bg: #ffffff; --link: #0a4b94; --border: #d0d7de;
  color-scheme: light;
}
html { font-size: 10pt; }
body, .single-page {
  background: none; color: var(--fg);
  font-family: var(--font-body); font-size: 10.5pt; line-height: 1.45;
  font-kerning: normal; font-variant-ligatures: common-ligatures;
  hyphens: manual; -webkit-hyphens: manual;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
/* A fixed text width, the same on screen (where soft hyphens are measured) and in print; 1 mm
   short of the page's text area, as Chromium shrinks every page if anything is wider. */
.single-page main { width: ${(g.width - 2 * side - 1).toFixed(1)}mm; max-width: none; margin: 0 auto; padding: 0; }
p, li, dd, blockquote { orphans: 3; widows: 3; }
p, li, dd { text-align: justify; text-justify: inter-word; }
td p, th p, figcaption, .callout-title { text-align: left; }
a { color: var(--link); text-decoration: none; }
code, pre, kbd, samp { font-family: var(--font-mono); }
math { font-family: ${f.math}, math; }

/* Padding keeps a heading's glyphs inside its box at the top of a page (else Chromium paints them
   on the page before too, and the bookmark reads the title twice); pre-wrap keeps the space at a
   line break in the bookmark's title. */
h1, h2, h3, h4, h5, h6 {
  font-family: var(--font-ui); color: var(--fg); line-height: 1.2; padding-top: 0.2em; white-space: pre-wrap;
  break-after: avoid; break-inside: avoid; text-align: left;
}
h2 { font-size: 15pt; margin: 1.5em 0 0.5em; padding-bottom: 0.15em; border-bottom: 0.6pt solid var(--border); }
h3 { font-size: 12.5pt; margin: 1.3em 0 0.4em; }
h4 { font-size: 10.5pt; margin: 1.2em 0 0.3em; }
h2 + *, h3 + *, h4 + * { break-before: avoid; }

/* A page that is laid out but never printed: it carries the page count of the parts before. */
.pdf-skip { page: pdf-skip; break-after: page; height: 1px; margin: 0; }

/* Cover: a full-bleed page, no running header or number. */
.pdf-cover {
  page: cover; break-after: page; position: relative; overflow: hidden;
  width: 100%; height: ${(g.height - 0.6).toFixed(1)}mm;
  background-color: #0b2135; background-size: cover; background-position: center;
  color: #ffffff; font-family: var(--font-ui);
}
.pdf-cover-text { position: absolute; left: 20mm; right: 20mm; bottom: 34mm; }
.pdf-cover-title { margin: 0; font-size: 34pt; font-weight: 800; line-height: 1.05; letter-spacing: -0.01em; text-align: left; }
.pdf-cover-subtitle { margin: 5mm 0 0; font-size: 15pt; font-weight: 400; color: #cfe3f1; text-align: left; }
.pdf-cover-credit { margin: 12mm 0 0; padding-top: 4mm; border-top: 1.2pt solid #f2b134; font-size: 11pt; color: #e8f1f7; text-align: left; }
.pdf-cover-authors { margin: 1.5mm 0 0; font-size: 11pt; font-weight: 600; color: #f2b134; text-align: left; }

/* Title page and colophon: one page each, without header or number. */
.titlepage {
  page: front; break-before: page; break-after: page; height: ${contentHeight}mm;
  display: flex; flex-direction: column; justify-content: center; padding: 0; text-align: center;
}
.titlepage p { text-align: center; }
.book-title { font-family: var(--font-ui); font-size: 28pt; font-weight: 800; line-height: 1.1; margin: 0; }
.book-subtitle { font-size: 15pt; color: var(--muted); margin: 4mm 0 22mm; }
.book-credit { font-style: italic; margin: 0 0 3mm; }
.book-authors { font-family: var(--font-ui); font-weight: 600; margin: 0 0 3mm; }
.book-version { font-family: var(--font-ui); font-size: 9pt; color: var(--muted); margin: 0; }
.colophon {
  page: front; break-after: page; height: ${contentHeight}mm;
  display: flex; flex-direction: column; justify-content: flex-end;
  font-size: 8.5pt; line-height: 1.45; color: var(--muted);
}
.colophon p { margin: 0 0 2.5mm; text-align: left; }

/* Contents: real page numbers, right-aligned after dotted leaders. */
.book-toc { page: contents; break-before: page; break-after: page; }
.book-toc h1 { font-size: 24pt; font-weight: 700; margin: 0 0 8mm; }
.book-toc ol { list-style: none; margin: 0; padding: 0; }
.book-toc li { display: grid; grid-template-columns: minmax(0, 1fr) 2.6em; align-items: end; margin: 0; }
.book-toc li > ol { grid-column: 1 / -1; padding-left: 1.7em; }
/* Wrapped entries: the leader and the number follow the last line. */
.book-toc a { display: flex; align-items: flex-end; color: inherit; padding: 0.12em 0; text-align: left; break-inside: avoid; }
.book-toc a::after { content: ''; flex: 1 0 1.2em; margin: 0 0.3em 0.3em 0.4em; border-bottom: 0.9pt dotted #8c959f; }
.book-toc .toc-page { padding: 0.12em 0; }
.book-toc .toc-page { float: none; text-align: right; font-variant-numeric: tabular-nums; color: var(--fg); }
.book-toc .toc > li { margin-top: 2.6mm; font-family: var(--font-ui); font-weight: 600; font-size: 11pt; }
.book-toc .toc > li li { font-family: var(--font-body); font-weight: 400; font-size: 10pt; }
.book-toc .toc > li li li { font-size: 9.5pt; color: var(--muted); }
.book-toc .toc-number { min-width: 1.6em; color: var(--muted); }

/* Chapters: each opens a page, with a generous sink. */
section.chapter { margin: 0; break-before: page; }
.chapter-head { padding-top: 18mm; margin: 0 0 9mm; break-after: avoid; }
.chapter-label {
  margin: 0 0 2mm; font-family: var(--font-ui); font-size: 10pt; font-weight: 600;
  letter-spacing: 0.12em; text-transform: uppercase; color: #1f6f66;
}
.chapter-head h1 { font-size: 25pt; font-weight: 700; margin: 0; padding-bottom: 4mm; border-bottom: 1.2pt solid #f2b134; }

/* Figures, tables, callouts, code: whole on a page where they fit; code wraps. */
figure.figure { break-inside: avoid; margin: 5mm 0; }
figure.figure img { max-height: ${(g.height - top - bottom - 40).toFixed(0)}mm; max-width: 100%; }
figure.figure figcaption { font-size: 9pt; }
.table-wrap { overflow: visible; margin: 4mm 0; }
table { width: 100%; font-family: var(--font-ui); font-size: 8.8pt; line-height: 1.45; }
thead { display: table-header-group; }
tr, th, td { break-inside: avoid; }
th, td { padding: 0.3em 0.5em; overflow-wrap: anywhere; hyphens: manual; }
pre, pre[style] {
  overflow: visible; white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word;
  font-size: 8.3pt; line-height: 1.4; background: #f6f8fa !important; border: 0.5pt solid var(--border);
  text-align: left; orphans: 3; widows: 3;
}
:not(pre) > code { font-size: 0.88em; overflow-wrap: anywhere; }
.callout { break-inside: avoid; }
.callout p { text-align: left; }
math[display='block'] { overflow: visible; }
blockquote { margin: 4mm 6mm; color: #424a53; font-style: italic; }
img { break-inside: avoid; }

/* Footnotes, at the end of each chapter, under a visible heading. */
.footnotes { margin-top: 8mm; padding-top: 2mm; font-size: 8.8pt; line-height: 1.4; }
.footnotes h2.sr-only {
  position: static; width: auto; height: auto; margin: 0 0 2mm; overflow: visible; clip: auto; white-space: normal;
  font-size: 10pt; border: 0; font-variant: small-caps; letter-spacing: 0.06em; color: var(--muted);
}
.footnotes li { margin: 0 0 1.5mm; }
.footnotes p { text-align: left; }
sup { line-height: 0; }

/* Glossary. */
.glossary dt { font-family: var(--font-ui); font-weight: 700; margin-top: 3.5mm; break-after: avoid; }
.glossary dd { margin: 0.5mm 0 0; break-before: avoid; }
.glossary-chapters { font-size: 8.8pt; }
`;
}
