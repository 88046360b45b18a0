import { contentCss } from '@dmls/theme';
import { minifyCss } from './minify-css.js';
import type { EmbeddedFont } from './fonts.js';

/**
 * EPUB-only styles around the shared content styles. Reading systems apply their own margins,
 * fonts and colours; these rules only add what the book's structure needs. Tables must fit the
 * page, since many reading systems paginate and cannot scroll a wide one: on a phone, cells get
 * smaller text and padding, so that their longest words fit without being broken.
 */
const epubCss = `
body { margin: 0 0.5em; line-height: 1.5; widows: 2; orphans: 2; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; margin: 0 0 0.8em; }
h2 { font-size: 1.3em; margin: 1.6em 0 0.6em; }
h3 { font-size: 1.1em; margin: 1.4em 0 0.5em; }
h4, h5, h6 { font-size: 1em; margin: 1.2em 0 0.4em; }
section.chapter { page-break-before: always; break-before: page; }
.chapter-header { margin: 1.5em 0 2em; }
.chapter-number { display: block; font-size: 0.6em; font-weight: normal; letter-spacing: 0.08em; text-transform: uppercase; color: #57606a; }
.chapter-summary { font-style: italic; color: #57606a; }
a { color: #0550ae; }
img { max-width: 100%; }
.table-wrap { overflow-x: auto; max-width: 100%; }
.table-wrap table { width: 100%; }
td, th { overflow-wrap: break-word; word-wrap: break-word; }
@media (max-width: 30em) { .table-wrap table { font-size: 0.85em; } .table-wrap th, .table-wrap td { padding: 0.3em 0.4em; } }
pre, code { font-family: "Source Code Pro", "DejaVu Sans Mono", monospace; }
pre code { font-size: 1em; }
math[display='block'] { overflow-y: hidden; padding: 0.2em 0; }
.footnotes h2.sr-only { position: static; width: auto; height: auto; margin: 1.2em 0 0.4em; overflow: visible; clip: auto; white-space: normal; font-size: 1em; }
aside.footnote { margin: 0.4em 0; }
aside.footnote p { margin: 0.2em 0; }
.footnote-number { font-weight: bold; margin-right: 0.2em; }
.cover-page { margin: 0; padding: 0; text-align: center; }
.cover img { height: 97vh; max-width: 100%; }
.titlepage { text-align: center; margin-top: 15%; }
.book-title { font-size: 2em; margin-bottom: 0.3em; }
.book-subtitle { font-size: 1.25em; font-style: italic; margin-bottom: 2.5em; }
.credits { list-style: none; padding: 0; margin: 0 0 2em; }
.credits li { margin: 0.6em 0; }
.credit-note { font-size: 0.85em; color: #57606a; }
.source-work, .publisher { font-size: 0.9em; }
nav#landmarks { display: none; }
nav ol { list-style: none; padding-left: 1.2em; }
nav > ol { padding-left: 0; }
nav li { margin: 0.25em 0; }
.glossary dt { font-weight: bold; margin-top: 1em; }
.glossary dd { margin-left: 1.2em; }
.glossary-uses { font-size: 0.9em; color: #57606a; }
.colophon dt { font-weight: bold; margin-top: 0.6em; }
.colophon dd { margin-left: 0; }
`;

/**
 * The stylesheet: embedded fonts, the EPUB's own rules, then the shared content styles, minified
 * (see `minifyCss`).
 */
export function stylesheet(fonts: readonly EmbeddedFont[]): string {
  const faces = fonts
    .map(
      (font) =>
        `@font-face { font-family: "${font.family}"; font-weight: ${font.weight}; font-style: ${font.style}; src: url("${font.href}") format("woff2"); }`,
    )
    .join('\n');
  const variables = ':root { --font-mono: "Source Code Pro", "DejaVu Sans Mono", monospace; }';
  return `${minifyCss(`${faces}\n${variables}\n${epubCss}\n${contentCss}`)}\n`;
}
