import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { ChapterSource, ParsedChapter } from './chapter.js';
import { prune, storeOf, type CompileCache } from './cache.js';
import { Diagnostics } from './diagnostics.js';
import { lintBook } from './lint.js';
import { bookSchema, glossarySchema } from './schemas.js';
import type { Book, Chapter, Diagnostic, GlossaryEntry } from './types.js';
import { readYaml } from './yaml-source.js';

export interface CompileOptions {
  /** Diagnostics show paths relative to this folder. Default: `process.cwd()`. */
  cwd?: string;
  /**
   * ISO 8601 date of the content's last change. Default: `SOURCE_DATE_EPOCH` if set, else the date
   * of the last git commit that touched the folder, else 2000-01-01 (never the clock: builds are
   * reproducible).
   */
  modified?: string;
  /** Reuse work from earlier compiles: unchanged chapters are neither re-parsed nor re-rendered. */
  cache?: CompileCache;
  /** Called as each chapter file is compiled (not when it comes from the cache). */
  onFile?: (file: string) => void;
}

export interface CompileResult {
  /** The book, when there is no error (warnings allowed). */
  book: Book | undefined;
  /** Every problem found, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

// The Markdown pipeline (remark, rehype, KaTeX, the sanitiser) is the heaviest import by far:
// load it only when some chapter is not in the cache.
let pipeline: Promise<typeof import('./chapter.js')> | undefined;
const loadPipeline = () => (pipeline ??= import('./chapter.js'));

const CHAPTER_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** Reads a book folder (book.yaml, introduction.md, chapters/, figures/, glossary.yaml) into a Book. */
export async function compile(dir: string, options: CompileOptions = {}): Promise<CompileResult> {
  const root = path.resolve(dir);
  const cwd = options.cwd ?? process.cwd();
  const show = (rel: string) => path.relative(cwd, path.join(root, rel)) || rel;
  const diagnostics = new Diagnostics();

  const metaText = await readText(path.join(root, 'book.yaml'));
  if (metaText === undefined) {
    diagnostics.add(show('book.yaml'), undefined, 'missing-file', `No book.yaml in ${show('.')}`, 'Is this a book folder? It needs book.yaml, introduction.md and chapters/.');
    return { book: undefined, diagnostics: diagnostics.sorted() };
  }
  const meta = readYaml(metaText, bookSchema, show('book.yaml'), diagnostics);

  const figureFiles = new Map<string, string>();
  for (const name of (await listDir(path.join(root, 'figures'))).sort()) {
    if (name.endsWith('.svg')) figureFiles.set(`figures/${name}`, await readFile(path.join(root, 'figures', name), 'utf8'));
  }

  const cache = storeOf(options.cache);
  const figureSignature = hash([...figureFiles].flat());
  const parseKeys = new Map<ParsedChapter, string>();
  const parse = async (source: ChapterSource): Promise<ParsedChapter> => {
    const key = hash([source.relPath, source.file, source.id, String(source.number), source.text, figureSignature]);
    let entry = cache?.parsed.get(key);
    if (!entry) {
      options.onFile?.(source.file);
      const local = new Diagnostics();
      const { parseChapter } = await loadPipeline();
      entry = { value: parseChapter(source, figureFiles, local), diagnostics: local.list };
      if (cache) {
        cache.parsed.set(key, entry);
        cache.dirty = true;
      }
    }
    diagnostics.list.push(...entry.diagnostics);
    parseKeys.set(entry.value, key);
    return entry.value;
  };

  const parsed: ParsedChapter[] = [];
  const introText = await readText(path.join(root, 'introduction.md'));
  if (introText === undefined) {
    diagnostics.add(show('introduction.md'), undefined, 'missing-file', 'No introduction.md', 'Add introduction.md with front matter (title, summary) and the front matter of the book.');
  } else {
    parsed.push(
      await parse({ id: 'introduction', number: 0, relPath: 'introduction.md', file: show('introduction.md'), text: introText }),
    );
  }

  const chapterNames = (await listDir(path.join(root, 'chapters'))).filter((n) => n.endsWith('.md')).sort();
  let expected = 1;
  for (const name of chapterNames) {
    const relPath = `chapters/${name}`;
    const match = CHAPTER_FILE.exec(name);
    if (!match) {
      diagnostics.add(show(relPath), undefined, 'chapter-file-name', `Chapter file name \`${name}\` is not \`NN-id.md\``, 'Name it like `04-training-data.md`: two digits, a hyphen, a lower-case hyphenated id.');
      continue;
    }
    const number = Number(match[1]);
    if (number !== expected) {
      diagnostics.add(show(relPath), undefined, 'chapter-number', `Chapter number ${match[1]} where ${String(expected).padStart(2, '0')} was expected`, 'Number chapters 01, 02, … without gaps or repeats.');
    }
    expected = number + 1;
    const text = await readFile(path.join(root, relPath), 'utf8');
    parsed.push(await parse({ id: match[2]!, number, relPath, file: show(relPath), text }));
  }
  if (chapterNames.length === 0) {
    diagnostics.add(show('chapters'), undefined, 'missing-file', 'No chapters in chapters/', 'Add chapter files named like `chapters/01-overview.md`.');
  }

  const ids = new Map<string, ParsedChapter>();
  for (const chapter of parsed) {
    const other = ids.get(chapter.id);
    if (other) {
      diagnostics.add(chapter.file, undefined, 'duplicate-id', `Chapter id \`${chapter.id}\` is also used by ${other.file}`, 'Give each chapter a distinct id (the part of the file name after the number).');
    }
    ids.set(chapter.id, chapter);
  }

  const chapterByPath = new Map(parsed.map((c) => [c.relPath, c]));
  const finished: Chapter[] = [];
  // A chapter's output depends on its own text and on every anchor it may link to.
  const anchorSignature = hash(parsed.flatMap((c) => [c.relPath, c.id, ...c.anchors]));
  const finishedKeys = new Set<string>();
  for (const chapter of parsed) {
    const key = hash([parseKeys.get(chapter)!, anchorSignature]);
    finishedKeys.add(key);
    let entry = cache?.finished.get(key);
    if (!entry) {
      const local = new Diagnostics();
      const { finishChapter } = await loadPipeline();
      entry = { value: await finishChapter(chapter, { chapterByPath }, local), diagnostics: local.list };
      if (cache) {
        cache.finished.set(key, entry);
        cache.dirty = true;
      }
    }
    diagnostics.list.push(...entry.diagnostics);
    finished.push(entry.value);
  }
  if (cache) prune(cache, new Set(parseKeys.values()), finishedKeys);

  const glossaryText = (await readText(path.join(root, 'glossary.yaml'))) ?? '';
  // YAML parsing of a long glossary takes hundreds of milliseconds: keep it with the chapters.
  const glossaryKey = hash(['glossary', show('glossary.yaml'), glossaryText, ...ids.keys()]);
  let glossaryEntry = cache?.glossary.get(glossaryKey);
  if (!glossaryEntry) {
    const local = new Diagnostics();
    glossaryEntry = { value: readGlossary(glossaryText, show('glossary.yaml'), new Set(ids.keys()), local), diagnostics: local.list };
    if (cache) {
      cache.glossary.clear();
      cache.glossary.set(glossaryKey, glossaryEntry);
      cache.dirty = true;
    }
  }
  diagnostics.list.push(...glossaryEntry.diagnostics);
  const glossary = glossaryEntry.value;
  lintBook(
    parsed,
    figureFiles,
    glossary.entries,
    { figures: show, glossary: show('glossary.yaml'), glossaryLine: (i) => lineOfEntry(glossaryText, glossary.order[i] ?? 0) },
    meta?.lint ?? {},
    diagnostics,
  );

  if (diagnostics.hasErrors || !meta) return { book: undefined, diagnostics: diagnostics.sorted() };
  const [introduction, ...chapters] = finished;
  const book: Book = {
    id: path.basename(root),
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    language: meta.language,
    identifier: meta.identifier,
    description: meta.description,
    subjects: meta.subjects,
    credits: meta.credits,
    source: meta.source,
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    license: meta.license,
    modified: options.modified ?? lastModified(root),
    introduction: introduction!,
    chapters,
    glossary: glossary.entries,
  };
  return { book, diagnostics: diagnostics.sorted() };
}

/** The glossary sorted by term, and for each sorted entry its index in the file (for positions). */
function readGlossary(text: string, file: string, chapterIds: Set<string>, diagnostics: Diagnostics): { entries: GlossaryEntry[]; order: number[] } {
  if (text.trim() === '') return { entries: [], order: [] };
  const entries = readYaml(text, glossarySchema, file, diagnostics) ?? [];
  const slugger = new GithubSlugger();
  const result: (GlossaryEntry & { index: number })[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const line = lineOfEntry(text, index);
    const key = entry.term.toLowerCase();
    if (seen.has(key)) {
      diagnostics.add(file, { line, column: 1 }, 'duplicate-term', `Glossary term "${entry.term}" is defined twice`, 'Merge the two definitions into one entry.');
      continue;
    }
    seen.add(key);
    for (const id of entry.chapters) {
      if (!chapterIds.has(id)) {
        diagnostics.add(file, { line, column: 1 }, 'unknown-chapter', `Glossary term "${entry.term}" names chapter \`${id}\`, which does not exist`, 'Use chapter ids as listed in content/README.md.');
      }
    }
    result.push({ id: slugger.slug(entry.term), term: entry.term, definition: entry.definition, chapters: entry.chapters, index });
  }
  result.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return { entries: result.map(({ index: _index, ...entry }) => entry), order: result.map((e) => e.index) };
}

/** Line of the n-th top-level `- ` item of a YAML sequence. */
function lineOfEntry(text: string, index: number): number {
  let count = -1;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^- /.test(lines[i]!) && ++count === index) return i + 1;
  }
  return 1;
}

function lastModified(root: string): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace('.000Z', 'Z');
  try {
    const iso = execFileSync('git', ['log', '-1', '--format=%cI', '--', '.'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (iso) return new Date(iso).toISOString().replace('.000Z', 'Z');
  } catch {
    // Not a git checkout: fall through to the fixed date.
  }
  return '2000-01-01T00:00:00Z';
}

function hash(parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
