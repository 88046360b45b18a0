import path from 'node:path';
import { serialize } from 'node:v8';
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { Blockquote, Heading, Html, Image, Link, Paragraph, Parent, Root as MdastRoot, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { lintChapter, type ChapterLint } from './chapter-lint.js';
import type { Diagnostics } from './diagnostics.js';
import { highlightCode } from './highlight.js';
import { rehypeMath } from './math.js';
import { eachNode } from './walk.js';
import { sanitizeSchema } from './sanitize-schema.js';
import { frontMatterSchema, type FrontMatter } from './schemas.js';
import type { Chapter, Figure, Section } from './types.js';
import { readYaml } from './yaml-source.js';

/** What phase 1 learns of a chapter file: enough for other chapters to link to it. */
export interface ParsedChapter {
  id: string;
  number: number;
  /** Path relative to the book folder, POSIX separators, e.g. `chapters/04-training-data.md`. */
  relPath: string;
  /** Path as shown in diagnostics. */
  file: string;
  /** The whole file, front matter included: positions point into it. */
  source: string;
  markdown: string;
  /**
   * The Markdown tree, serialised with node:v8. Phase 2 changes the tree it works on, so each
   * finish reads a fresh copy; and a cache holds these bytes faster than it would the objects.
   */
  tree: Uint8Array;
  frontMatter: FrontMatter | undefined;
  sections: Section[];
  /** Every id a link may target in this chapter: sections and figures. */
  anchors: Set<string>;
  figures: Figure[];
  lint: ChapterLint;
}

export interface ChapterSource {
  id: string;
  number: number;
  relPath: string;
  file: string;
  text: string;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath);

const toHast = unified()
  .use(remarkRehype, {
    clobberPrefix: '',
    footnoteLabel: 'Notes',
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      `Back to reference ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
  })
  .use(rehypeMath, { output: 'mathml', strict: 'ignore' })
  .use(rehypeSanitize, sanitizeSchema);

const ALERTS: Record<string, string> = {
  NOTE: 'Note',
  TIP: 'Tip',
  IMPORTANT: 'Important',
  WARNING: 'Warning',
  CAUTION: 'Caution',
};

const WORDS_PER_MINUTE = 220;

/**
 * Phase 1: parse the Markdown once, read front matter, give headings their ids, turn alerts and
 * figures into their final shape. Links are left for phase 2, when every chapter's anchors are known.
 * Returns the tree too, which phase 2 may take as it is when it runs right after.
 */
export function parseChapter(
  source: ChapterSource,
  figureFiles: ReadonlyMap<string, string>,
  diagnostics: Diagnostics,
): { parsed: ParsedChapter; tree: MdastRoot } {
  const { file } = source;
  const tree = parser.parse(source.text);

  let frontMatter: FrontMatter | undefined;
  let bodyStart = 0;
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    const yaml = first as Yaml;
    bodyStart = yaml.position?.end.offset ?? 0;
    frontMatter = readYaml(yaml.value, frontMatterSchema, file, diagnostics, {
      line: (yaml.position?.start.line ?? 1) + 1,
      column: 1,
    });
    tree.children.shift();
  } else {
    diagnostics.add(
      file,
      { line: 1, column: 1 },
      'front-matter',
      'Missing YAML front matter',
      'Start the file with `---`, then `title:` and `summary:` lines, then `---`.',
    );
  }

  const sections = collectSections(tree, file, diagnostics);
  const anchors = new Set<string>();
  const addIds = (list: Section[]) => {
    for (const s of list) {
      anchors.add(s.id);
      addIds(s.children);
    }
  };
  addIds(sections);

  transformAlerts(tree);
  const figures = transformFigures(source, tree, figureFiles, diagnostics);
  for (const figure of figures) anchors.add(figure.id);

  eachNode(tree, 'html', (node: Html) => {
    if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return;
    diagnostics.add(
      file,
      node.position?.start,
      'no-raw-html',
      'Raw HTML is not allowed: the sanitiser would remove it',
      'Use Markdown instead (a callout, a table, a figure), or escape the `<` as `\\<`.',
    );
  });

  eachNode(tree, 'inlineMath', (node: { value: string; position?: Html['position'] }) => {
    // "$200 claim … $500" parses as math: prose between two unescaped dollar amounts.
    if (/\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/i.test(node.value) && !/[\\^_{}=]/.test(node.value)) {
      diagnostics.add(
        file,
        node.position?.start,
        'dollar-as-math',
        'Text between two dollar signs became math; these look like dollar amounts',
        'Escape dollar signs that mean money as `\\$`.',
      );
    }
  });

  const parsed: ParsedChapter = {
    id: source.id,
    number: source.number,
    relPath: source.relPath,
    file,
    source: source.text,
    markdown: source.text.slice(bodyStart).replace(/^\s*\n/, ''),
    tree: serialize(tree),
    frontMatter,
    sections,
    anchors,
    figures,
    lint: lintChapter(tree, source.text),
  };
  return { parsed, tree };
}

function collectSections(tree: MdastRoot, file: string, diagnostics: Diagnostics): Section[] {
  const slugger = new GithubSlugger();
  const seen = new Map<string, number>();
  const root: Section[] = [];
  const stack: Section[] = [];
  let previousDepth = 1;
  eachNode(tree, 'heading', (heading: Heading) => {
    const title = toString(heading).trim();
    const at = heading.position?.start;
    if (heading.depth === 1) {
      diagnostics.add(
        file,
        at,
        'no-h1',
        'A `#` heading in the body: the chapter title comes from front matter',
        'Make it a `##` section, or move the text to `title:` in front matter.',
      );
    } else if (heading.depth > previousDepth + 1) {
      diagnostics.add(
        file,
        at,
        'heading-increment',
        `Heading level skips from ${previousDepth} to ${heading.depth}`,
        `Use ${'#'.repeat(previousDepth + 1)} here, or add the missing level above it.`,
      );
    }
    previousDepth = Math.max(heading.depth, 2);
    const key = title.toLowerCase();
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      diagnostics.add(
        file,
        at,
        'duplicate-heading',
        `Duplicate heading "${title}" (first on line ${firstLine}): section ids would clash`,
        'Give each heading in a chapter a distinct title.',
      );
    } else {
      seen.set(key, at?.line ?? 0);
    }
    const id = slugger.slug(title);
    heading.data = { ...heading.data, hProperties: { id } };
    if (heading.depth === 1) return;
    const section: Section = { id, title, depth: heading.depth as Section['depth'], children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= section.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : root).push(section);
    stack.push(section);
  });
  return root;
}

/** GitHub alerts (`> [!TIP]`) become `<div class="callout callout-tip" role="note">` with a title. */
function transformAlerts(tree: MdastRoot): void {
  eachNode(tree, 'blockquote', (quote: Blockquote) => {
    const paragraph = quote.children[0];
    if (paragraph?.type !== 'paragraph') return;
    const text = paragraph.children[0];
    if (text?.type !== 'text') return;
    const match = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/.exec(text.value);
    if (!match) return;
    const kind = match[1]!;
    text.value = text.value.slice(match[0].length);
    if (text.value === '') paragraph.children.shift();
    if (paragraph.children[0]?.type === 'break') paragraph.children.shift();
    if (paragraph.children.length === 0) quote.children.shift();
    const title: Paragraph = {
      type: 'paragraph',
      data: { hProperties: { className: ['callout-title'] } },
      children: [{ type: 'text', value: ALERTS[kind]! }],
    };
    quote.children.unshift(title);
    quote.data = {
      ...quote.data,
      hName: 'div',
      hProperties: { className: ['callout', `callout-${kind.toLowerCase()}`], role: 'note' },
    };
  });
}

function transformFigures(
  source: ChapterSource,
  tree: MdastRoot,
  figureFiles: ReadonlyMap<string, string>,
  diagnostics: Diagnostics,
): Figure[] {
  const figures: Figure[] = [];
  const { file } = source;
  eachNode(tree, 'image', (image: Image, parent: Parent) => {
    const at = image.position?.start;
    const alone =
      parent?.type === 'paragraph' &&
      parent.children.filter((c) => !(c.type === 'text' && c.value.trim() === '')).length === 1;
    if (!alone) {
      diagnostics.add(
        file,
        at,
        'inline-image',
        'An image inside a line of text: images are figures and stand alone in their paragraph',
        'Put the image on a line of its own, with blank lines around it.',
      );
      return;
    }
    if (!image.alt?.trim()) {
      diagnostics.add(
        file,
        at,
        'figure-alt',
        `Figure \`${image.url}\` has no alt text`,
        'Write what the figure shows between the brackets: `![A pyramid of …](../figures/x.svg "Caption")`.',
      );
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(image.url)) {
      diagnostics.add(
        file,
        at,
        'figure-remote',
        `Figure \`${image.url}\` is not a local file: editions load nothing from the network`,
        'Save the figure as an SVG under figures/ and link it by relative path.',
      );
      return;
    }
    const src = path.posix.normalize(path.posix.join(path.posix.dirname(source.relPath), decodeURI(image.url)));
    if (!src.startsWith('figures/') || path.posix.extname(src) !== '.svg') {
      diagnostics.add(
        file,
        at,
        'figure-type',
        `Figure \`${image.url}\` is not an SVG file in figures/`,
        'Figures are SVG files in the book’s figures/ folder (draw it as SVG; no raster images).',
      );
      return;
    }
    const svg = figureFiles.get(src);
    if (svg === undefined) {
      diagnostics.add(
        file,
        at,
        'missing-figure',
        `Figure file \`${src}\` does not exist`,
        'Check the file name, or add the SVG to the figures/ folder.',
      );
      return;
    }
    const problem = svgProblem(svg);
    if (problem) {
      diagnostics.add(file, at, 'figure-unsafe', `Figure \`${src}\`: ${problem}`, 'Figures are plain, self-contained SVG.');
      return;
    }
    const number = figures.length + 1;
    const label = source.number > 0 ? `Figure ${source.number}.${number}` : `Figure ${number}`;
    const figure: Figure = {
      id: `figure-${path.posix.basename(src, '.svg')}`,
      number,
      label,
      alt: image.alt ?? '',
      caption: image.title ?? '',
      src,
      svg,
    };
    figures.push(figure);
    const size = svgSize(svg);
    const img: Element = {
      type: 'element',
      tagName: 'img',
      properties: { src, alt: figure.alt, ...(size ? { width: size.width, height: size.height } : {}) },
      children: [],
    };
    const captionChildren: ElementContent[] = [
      { type: 'element', tagName: 'span', properties: { className: ['figure-label'] }, children: [{ type: 'text', value: label }] },
    ];
    if (figure.caption) captionChildren.push({ type: 'text', value: ` ${figure.caption}` });
    const paragraph = parent as Paragraph;
    paragraph.data = {
      hName: 'figure',
      hProperties: { id: figure.id, className: ['figure'] },
      hChildren: [img, { type: 'element', tagName: 'figcaption', properties: {}, children: captionChildren }],
    };
  });
  return figures;
}

function svgProblem(svg: string): string | undefined {
  if (!/<svg[\s>]/.test(svg)) return 'not an SVG document';
  if (/<script[\s>]/i.test(svg)) return 'contains a <script>';
  if (/<foreignObject[\s>]/i.test(svg)) return 'contains <foreignObject>';
  if (/(?:xlink:)?href\s*=\s*["'](?!#)/i.test(svg)) return 'references an external resource';
  if (/<image[\s>]/i.test(svg)) return 'embeds a raster image';
  if (/\son[a-z]+\s*=/i.test(svg)) return 'has an event handler attribute';
  return undefined;
}

function svgSize(svg: string): { width: number; height: number } | undefined {
  const viewBox = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(svg);
  if (!viewBox) return undefined;
  return { width: Math.round(Number(viewBox[1])), height: Math.round(Number(viewBox[2])) };
}

/** What a link can point to: a chapter, by its path, and the anchors in it. */
export type LinkTarget = Pick<ParsedChapter, 'id' | 'relPath' | 'anchors'>;

/** Resolves a link target (`chapters/04-x.md#y`, `#y`) to a chapter and section id. */
export interface LinkResolver {
  chapterByPath: ReadonlyMap<string, LinkTarget>;
}

/**
 * Phase 2: resolve cross-references, convert to hast, sanitise, and derive html, text and counts.
 * Changes `tree`, the chapter's parsed tree (or a copy of it, read from `parsed.tree`).
 */
export async function finishChapter(
  parsed: ParsedChapter,
  tree: MdastRoot,
  resolver: LinkResolver,
  diagnostics: Diagnostics,
): Promise<Chapter> {
  resolveLinks(parsed, tree, resolver, diagnostics);
  const vfile = new VFile({ path: parsed.file });
  const hast = (await toHast.run(tree, vfile)) as HastRoot;
  for (const message of vfile.messages) {
    // rehypeMath reports TeX that KaTeX cannot parse; nothing else here emits messages.
    diagnostics.add(
      parsed.file,
      message.place && 'start' in message.place ? message.place.start : (message.place ?? undefined),
      'math-syntax',
      `Math: ${(message.cause instanceof Error ? message.cause.message : message.reason).split('\n')[0]}`,
      'Fix the TeX between the dollar signs (KaTeX supports most of LaTeX math).',
    );
  }
  highlightCode(hast);
  delete hast.position;
  eachNode(hast, undefined, (node: { position?: unknown }) => {
    delete node.position;
  });
  const text = toText(hast).replace(/\n{3,}/g, '\n\n').trim();
  const wordCount = (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
  return {
    id: parsed.id,
    number: parsed.number,
    title: parsed.frontMatter?.title ?? parsed.id,
    summary: parsed.frontMatter?.summary ?? '',
    keywords: parsed.frontMatter?.keywords ?? [],
    sections: parsed.sections,
    markdown: parsed.markdown,
    html: toHtml(hast),
    tree: hast,
    text,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    figures: parsed.figures,
  };
}

function resolveLinks(parsed: ParsedChapter, tree: MdastRoot, resolver: LinkResolver, diagnostics: Diagnostics): void {
  eachNode(tree, undefined, (node: { type: string }) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const link = node as Link;
    const at = link.position?.start;
    const url = link.url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      if (!/^(https?|mailto):/i.test(url)) {
        diagnostics.add(
          parsed.file,
          at,
          'unsafe-link',
          `Link \`${url}\` uses a scheme that editions do not allow`,
          'Use an http(s): or mailto: link, or a relative link to a chapter.',
        );
      }
      return;
    }
    const hashIndex = url.indexOf('#');
    const target = hashIndex === -1 ? url : url.slice(0, hashIndex);
    const anchor = hashIndex === -1 ? '' : decodeURIComponent(url.slice(hashIndex + 1));
    let chapter: LinkTarget | undefined = parsed;
    if (target !== '') {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(parsed.relPath), decodeURI(target)));
      chapter = resolver.chapterByPath.get(resolved);
      if (!chapter) {
        diagnostics.add(
          parsed.file,
          at,
          'link-target',
          `Link to \`${target}\`, which is not a chapter of this book`,
          `Link a chapter file relative to this one, e.g. \`${parsed.relPath.startsWith('chapters/') ? '' : 'chapters/'}04-training-data.md\`.`,
        );
        return;
      }
    }
    if (anchor && !chapter.anchors.has(anchor)) {
      const close = closest(anchor, chapter.anchors);
      diagnostics.add(
        parsed.file,
        at,
        'link-anchor',
        `Link to \`#${anchor}\`, which is no heading or figure of ${chapter.relPath === parsed.relPath ? 'this chapter' : `\`${chapter.relPath}\``}`,
        close ? `Did you mean \`#${close}\`?` : 'Anchors are GitHub slugs of headings: lower case, spaces as hyphens.',
      );
      return;
    }
    const href =
      chapter.relPath === parsed.relPath ? (anchor ? `#${anchor}` : '#') : `${chapter.id}.html${anchor ? `#${anchor}` : ''}`;
    link.url = href;
    link.data = {
      ...link.data,
      hProperties: { dataChapter: chapter.id, ...(anchor ? { dataSection: anchor } : {}) },
    };
  });
}

function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(word, candidate);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best !== undefined && bestScore <= Math.max(3, word.length / 3) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
