import type { Book, Figure } from '@dmls/core';
import type { Nodes, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { EpubInputError } from './errors.js';
import { figureFileName } from './layout.js';
import { minifySvg } from './minify-svg.js';

/** A figure's SVG file inside the EPUB. */
export interface FigureFile {
  id: string;
  /** Path inside `OEBPS/`. */
  href: string;
  data: Uint8Array;
}

const HINT_SVG = 'Save the figure as a standalone, well-formed SVG document (it should open in a browser on its own).';

/**
 * The figures of every chapter, checked: SVG only, well-formed, and self-contained (no script, no
 * reference to another file or to the network), since the EPUB carries nothing else. Each is
 * written minified: the authors' comments and indentation are for them, not for readers.
 */
export function figureFiles(book: Book): FigureFile[] {
  const files = new Map<string, FigureFile>();
  for (const chapter of [book.introduction, ...book.chapters]) {
    for (const figure of chapter.figures) {
      const href = figureFileName(figure.src);
      if (files.has(href)) continue;
      const tree = checkFigure(figure);
      const name = href.slice(href.indexOf('/') + 1).replace(/\.svg$/i, '');
      files.set(href, { id: `img-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`, href, data: new TextEncoder().encode(minifySvg(tree)) });
    }
  }
  return [...files.values()].sort((a, b) => (a.href < b.href ? -1 : a.href > b.href ? 1 : 0));
}

function checkFigure(figure: Figure): Root {
  if (!figure.src.toLowerCase().endsWith('.svg')) {
    throw new EpubInputError(figure.src, 'is not an SVG file; the EPUB edition supports SVG figures only.', 'Convert the image to SVG and save it as `figures/NAME.svg`.');
  }
  let tree: Root;
  try {
    tree = fromXml(figure.svg);
  } catch (error) {
    const { line, column, cause } = error as { line?: number; column?: number; cause?: { message?: string } };
    const where = line ? `${figure.src}:${line}:${column ?? 1}` : figure.src;
    throw new EpubInputError(where, `cannot be read as SVG (${cause?.message ?? String(error)}).`, HINT_SVG);
  }
  const root = tree.type === 'root' ? tree.children.find((node) => node.type === 'element') : undefined;
  if (!root || root.type !== 'element' || root.name !== 'svg') {
    throw new EpubInputError(figure.src, 'is not an SVG document (its root element is not `<svg>`).', HINT_SVG);
  }
  checkSelfContained(figure, root);
  return tree;
}

function checkSelfContained(figure: Figure, node: Nodes): void {
  if (node.type !== 'element' && node.type !== 'root') return;
  if (node.type === 'element') {
    const where = node.position ? `${figure.src}:${node.position.start.line}:${node.position.start.column}` : figure.src;
    if (node.name === 'script' || node.name === 'foreignObject') {
      throw new EpubInputError(where, `has a \`<${node.name}>\`, which the EPUB edition does not allow in figures.`, 'Remove it; figures are static drawings.');
    }
    for (const [name, value] of Object.entries(node.attributes)) {
      if (typeof value !== 'string') continue;
      const external = (name === 'href' || name === 'xlink:href' || name === 'src') && !value.startsWith('#') && !value.startsWith('data:');
      if (external || /url\(\s*['"]?(?!#|data:)/i.test(value)) {
        throw new EpubInputError(where, `refers to another file or the network (\`${name}="${value}"\`); an EPUB figure must be self-contained.`, 'Embed what it refers to in the SVG, or remove the reference.');
      }
    }
    if (node.name === 'style') {
      const css = node.children.map((child) => ('value' in child ? child.value : '')).join('');
      if (/@import|url\(\s*['"]?(?!#|data:)/i.test(css)) {
        throw new EpubInputError(where, 'has a stylesheet that loads another file or a web font.', 'Keep figure styles inline, with fonts the reading system has (serif, sans-serif, monospace).');
      }
    }
  }
  for (const child of node.children) checkSelfContained(figure, child);
}
