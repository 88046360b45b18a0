import type { Book } from '@dmls/core';
import type { Element } from 'xast';
import { x } from 'xastscript';
import { creditLine } from './credits.js';
import { serializeXml } from './xml.js';

const WIDTH = 1200;
const HEIGHT = 1800;
const MARGIN = 110;
const FONT = "Georgia, 'DejaVu Serif', 'Times New Roman', serif";
const colours = { background: '#0f2a44', node: '#f2a541', edge: '#5fb3b3', text: '#ffffff', muted: '#cfe3f0' };

/**
 * The cover: an original SVG built from the book's title, subtitle and credits over a small
 * network diagram whose shape comes from the book's identifier (so each book gets its own, and
 * the same book always the same one). Text is set in the reading system's serif font.
 */
export function coverSvg(book: Book): string {
  const { lines: titleLines, size: titleSize } = fitTitle(book.title);
  const titleTop = 960;
  const subtitleTop = titleTop + titleLines.length * titleSize * 1.15 + 40;
  const subtitleLines = book.subtitle ? wrap(book.subtitle, 34) : [];
  const credits = book.credits.slice(0, 3).map(creditLine);
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
      x('rect', { width: String(WIDTH), height: String(HEIGHT), fill: colours.background }),
      network(book.identifier),
      x('rect', { x: String(MARGIN), y: '850', width: '180', height: '10', fill: colours.node }),
      text(titleLines, titleTop, titleSize, colours.text, 'bold'),
      text(subtitleLines, subtitleTop, 50, colours.muted, 'normal'),
      text(credits, HEIGHT - MARGIN - (credits.length - 1) * 58, 42, colours.muted, 'normal'),
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
 * The largest title size (from 104 px down) at which the title wraps to at most three lines, at a
 * bold serif's average advance of about 0.64 em.
 */
function fitTitle(title: string): { lines: string[]; size: number } {
  const sizes = [104, 96, 88, 80, 72, 64];
  for (const size of sizes) {
    const lines = wrap(title, Math.floor((WIDTH - 2 * MARGIN) / (0.64 * size)));
    if (lines.length <= 3) return { lines, size };
  }
  return { lines: wrap(title, Math.floor((WIDTH - 2 * MARGIN) / (0.64 * 64))), size: 64 };
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

/** Layers of nodes joined by edges, in the upper half of the cover. */
function network(seed: string): Element {
  const random = mulberry32(fnv1a(seed));
  const sizes = [3, 4, 4, 3, 2];
  const layers = sizes.map((size, layer) =>
    Array.from({ length: size }, (_, index) => ({
      cx: MARGIN + 40 + (layer * (WIDTH - 2 * MARGIN - 80)) / (sizes.length - 1),
      cy: 200 + ((index + 0.5) * 520) / size + (random() - 0.5) * 60,
    })),
  );
  const edges: Element[] = [];
  const edge = (from: { cx: number; cy: number }, to: { cx: number; cy: number }) =>
    edges.push(x('line', { x1: round(from.cx), y1: round(from.cy), x2: round(to.cx), y2: round(to.cy), stroke: colours.edge, 'stroke-width': '4', 'stroke-opacity': '0.7' }));
  layers.slice(1).forEach((layer, index) => {
    const previous = layers[index] ?? [];
    const reached = new Set<number>();
    previous.forEach((from) => {
      // Every node feeds at least one node of the next layer, and every node is fed.
      const targets = layer.map((_, target) => target).filter(() => random() < 0.5);
      if (targets.length === 0) targets.push(Math.floor(random() * layer.length));
      for (const target of targets) {
        reached.add(target);
        edge(from, layer[target] as { cx: number; cy: number });
      }
    });
    layer.forEach((to, target) => {
      if (!reached.has(target)) edge(previous[Math.floor(random() * previous.length)] as { cx: number; cy: number }, to);
    });
  });
  const nodes = layers.flat().map((node) => x('circle', { cx: round(node.cx), cy: round(node.cy), r: '22', fill: colours.node }));
  return x('g', { 'aria-hidden': 'true' }, [...edges, ...nodes]);
}

function round(value: number): string {
  return String(Math.round(value));
}

function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A small seeded generator: the same seed gives the same cover on every build. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
