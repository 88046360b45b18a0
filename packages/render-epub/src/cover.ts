import type { Book } from '@dmls/core';
import type { Element } from 'xast';
import { coverArt } from '@dmls/theme';
import { fromXml } from 'xast-util-from-xml';
import { x } from 'xastscript';
import { creditLine } from './credits.js';
import { serializeXml } from './xml.js';

const WIDTH = 1200;
const HEIGHT = 1800;
const MARGIN = 110;
const FONT = "Georgia, 'DejaVu Serif', 'Times New Roman', serif";
const colours = { text: '#ffffff', muted: '#cfe3f1', accent: '#f2b134' };

/**
 * The cover: the artwork every edition shares (@dmls/theme's coverArt, seeded by the title), with
 * the title, subtitle and credits set below it in the reading system's serif font, as one SVG.
 */
export function coverSvg(book: Book): string {
  const { lines: titleLines, size: titleSize } = fitTitle(book.title);
  const titleTop = 1200;
  const subtitleTop = titleTop + (titleLines.length - 1) * titleSize * 1.15 + 80;
  const subtitleLines = book.subtitle ? wrap(book.subtitle, 40) : [];
  const credits = book.credits.slice(0, 3).map(creditLine);
  const art = fromXml(coverArt(book.title)).children.find((node): node is Element => node.type === 'element');
  const svg = x(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      version: '1.1',
      width: String(WIDTH),
      height: String(HEIGHT),
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-labelledby': 'cover-title',
    },
    [
      x('title', { id: 'cover-title' }, coverDescription(book)),
      x('svg', { x: '0', y: '0', width: String(WIDTH), height: String(HEIGHT), viewBox: '0 0 600 850', preserveAspectRatio: 'xMidYMid slice', 'aria-hidden': 'true' }, art?.children ?? []),
      text(titleLines, titleTop, titleSize, colours.text, 'bold'),
      text(subtitleLines, subtitleTop, 44, colours.muted, 'normal'),
      x('rect', { x: String(MARGIN), y: '1500', width: String(WIDTH - 2 * MARGIN), height: '3', fill: colours.accent }),
      text(credits, 1570, 36, colours.muted, 'normal'),
    ],
  );
  return serializeXml(svg);
}

/** The cover's text alternative: what the cover says. */
export function coverDescription(book: Book): string {
  const credits = book.credits.map(creditLine).join('. ');
  return `Cover: ${book.title}${book.subtitle ? `. ${book.subtitle}` : ''}. ${credits}.`;
}

function text(lines: string[], top: number, size: number, fill: string, weight: string): Element {
  return x(
    'text',
    { x: String(MARGIN), y: String(top), 'font-family': FONT, 'font-size': String(size), 'font-weight': weight, fill },
    lines.map((line, index) => x('tspan', { x: String(MARGIN), dy: index === 0 ? '0' : String(Math.round(size * 1.15)) }, line)),
  );
}

/**
 * The largest title size (from 92 px down) at which the title wraps to at most two lines, at a
 * bold serif's average advance of about 0.64 em.
 */
function fitTitle(title: string): { lines: string[]; size: number } {
  const sizes = [92, 84, 76, 68, 60];
  for (const size of sizes) {
    const lines = wrap(title, Math.floor((WIDTH - 2 * MARGIN) / (0.64 * size)));
    if (lines.length <= 2) return { lines, size };
  }
  return { lines: wrap(title, Math.floor((WIDTH - 2 * MARGIN) / (0.64 * 60))), size: 60 };
}

/** Greedy word wrap at `width` characters. */
function wrap(value: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
