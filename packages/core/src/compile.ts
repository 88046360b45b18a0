import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { ChapterSource, ParsedChapter } from './chapter.js';
import { chapterCompiler, type Compiled } from './chapter-compiler.js';
import { prune, storeOf, type CacheStore, type CompileCache } from './cache.js';
import { Diagnostics } from './diagnostics.js';
import { lintBook } from './lint.js';
import type { Book, Chapter, Diagnostic, GlossaryEntry } from './types.js';

export interface CompileOptions {
  /** Diagnostics show paths relative to this folder. Default: `process.cwd()`. */
  cwd?: string;
  /**
   * ISO 8601 date of the content's last change. Default: `SOURCE_DATE_EPOCH` if set, else the date
   * of the last git commit that touched the folder, else 2000-01-01 (never the clock: builds are
   * reproducible).
   */
  modified?: string;
  /**
   * Reuse work from earlier compiles: unchanged chapters are neither re-parsed nor re-rendered.
   * May be a promise of the cache while it is read (`readCompileCache`): the book's files are read
   * and git asked meanwhile.
   */
  cache?: CompileCache | Promise<CompileCache>;
  /** Called as each chapter file is compiled (not when it comes from the cache). */
  onFile?: (file: string) => void;
  /**
   * Threads to compile chapters on, when two or more need compiling. Default: one per two cores
   * for a book long enough to gain from them (one, this thread, on a two-core machine).
   */
  workers?: number;
}

export interface CompileResult {
  /** The book, when there is no error (warnings allowed). */
  book: Book | undefined;
  /** Every problem found, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

// YAML's parser and the schemas load only when a YAML file is not in the cache.
const loadYaml = async () => ({ ...(await import('./yaml-source.js')), ...(await import('./schemas.js')) });

const CHAPTER_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** Reads a book folder (book.yaml, introduction.md, chapters/, figures/, glossary.yaml) into a Book. */
export async function compile(dir: string, options: CompileOptions = {}): Promise<CompileResult> {
  const root = path.resolve(dir);
  const cwd = options.cwd ?? process.cwd();
  const show = (rel: string) => path.relative(cwd, path.join(root, rel)) || rel;
  const diagnostics = new Diagnostics();

  // The book's files are read synchronously: a few dozen small files, which took several times as
  // long to read asynchronously (each a few round trips to libuv's thread pool).
  const metaText = readText(path.join(root, 'book.yaml'));
  if (metaText === undefined) {
    diagnostics.add(show('book.yaml'), undefined, 'missing-file', `No book.yaml in ${show('.')}`, 'Is this a book folder? It needs book.yaml, introduction.md and chapters/.');
    return { book: undefined, diagnostics: diagnostics.sorted() };
  }
  // git answers while the rest of the compile runs.
  const modified = options.modified !== undefined ? Promise.resolve(options.modified) : lastModified(root);
  const figureFiles = readFigures(root);
  const { sources, diagnostics: fileDiagnostics } = readSources(root, show);
  const glossaryText = readText(path.join(root, 'glossary.yaml')) ?? '';
  const cache = storeOf(await options.cache);

  // Phase 1 starts first, so that worker threads load while this thread reads the YAML files.
  const figureSignature = hash([...figureFiles].flat());
  const parseKeys = sources.map((s) => hash([s.relPath, s.file, s.id, String(s.number), s.text, figureSignature]));
  const parsedEntries = parseKeys.map((key) => cache?.parsed.get(key));
  const toParse = sources.filter((_, i) => !parsedEntries[i]);
  for (const source of toParse) options.onFile?.(source.file);
  const compiler = chapterCompiler(toParse, figureFiles, options.workers);
  try {
    const parsing = compiler.parse(toParse);
    const meta = await remember(cache, cache?.meta, hash(['book.yaml', show('book.yaml'), metaText]), async (local) => {
      const { readYaml, bookSchema } = await loadYaml();
      return readYaml(metaText, bookSchema, show('book.yaml'), local);
    });
    // YAML parsing of a long glossary takes hundreds of milliseconds: keep it with the chapters.
    const chapterIds = new Set(sources.map((s) => s.id));
    const glossary = await remember(cache, cache?.glossary, hash(['glossary', show('glossary.yaml'), glossaryText, ...chapterIds]), (local) =>
      readGlossary(glossaryText, show('glossary.yaml'), chapterIds, local),
    );

    const fresh = await parsing;
    diagnostics.list.push(...meta.diagnostics, ...fileDiagnostics);
    const parsed = settle(parseKeys, parsedEntries, fresh, cache, cache?.parsed, diagnostics);

    const ids = new Map<string, ParsedChapter>();
    for (const chapter of parsed) {
      const other = ids.get(chapter.id);
      if (other) {
        diagnostics.add(chapter.file, undefined, 'duplicate-id', `Chapter id \`${chapter.id}\` is also used by ${other.file}`, 'Give each chapter a distinct id (the part of the file name after the number).');
      }
      ids.set(chapter.id, chapter);
    }

    // Phase 2: finish them. A chapter's output depends on its own text and on every anchor it may link to.
    const anchorSignature = hash(parsed.flatMap((c) => [c.relPath, c.id, ...c.anchors]));
    const finishedKeys = parseKeys.map((key) => hash([key, anchorSignature]));
    const finishedEntries = finishedKeys.map((key) => cache?.finished.get(key));
    const toFinish = parsed.filter((_, i) => !finishedEntries[i]);
    const done = await compiler.finish(toFinish, { chapterByPath: new Map(parsed.map((c) => [c.relPath, c])) });
    const finished = settle(finishedKeys, finishedEntries, done, cache, cache?.finished, diagnostics);
    if (cache) prune(cache, new Set(parseKeys), new Set(finishedKeys));

    diagnostics.list.push(...glossary.diagnostics);
    const { entries, lines } = glossary.value;
    lintBook(parsed, figureFiles, entries, { figures: show, glossary: show('glossary.yaml'), glossaryLine: (i) => lines[i] ?? 1 }, meta.value?.lint ?? {}, diagnostics);

    if (diagnostics.hasErrors || !meta.value) return { book: undefined, diagnostics: diagnostics.sorted() };
    const { title, subtitle, language, identifier, description, subjects, credits, source, publisher, license } = meta.value;
    const [introduction, ...chapters] = finished;
    const book: Book = {
      id: path.basename(root),
      title,
      ...(subtitle ? { subtitle } : {}),
      language,
      identifier,
      description,
      subjects,
      credits,
      source,
      ...(publisher ? { publisher } : {}),
      license,
      modified: await modified,
      introduction: introduction!,
      chapters,
      glossary: entries,
    };
    return { book, diagnostics: diagnostics.sorted() };
  } finally {
    await compiler.close();
  }
}

/** The figures' SVG, by path (`figures/x.svg`), in the order of their names. */
function readFigures(root: string): Map<string, string> {
  const names = listDir(path.join(root, 'figures')).sort().filter((name) => name.endsWith('.svg'));
  return new Map(names.map((name) => [`figures/${name}`, readFileSync(path.join(root, 'figures', name), 'utf8')]));
}

/** The introduction and the chapters, in order, with what is wrong with their file names. */
function readSources(root: string, show: (rel: string) => string): { sources: ChapterSource[]; diagnostics: Diagnostic[] } {
  const diagnostics = new Diagnostics();
  const sources: ChapterSource[] = [];
  const introText = readText(path.join(root, 'introduction.md'));
  if (introText === undefined) {
    diagnostics.add(show('introduction.md'), undefined, 'missing-file', 'No introduction.md', 'Add introduction.md with front matter (title, summary) and the front matter of the book.');
  } else {
    sources.push({ id: 'introduction', number: 0, relPath: 'introduction.md', file: show('introduction.md'), text: introText });
  }
  const chapterNames = listDir(path.join(root, 'chapters')).filter((n) => n.endsWith('.md')).sort();
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
    sources.push({ id: match[2]!, number, relPath, file: show(relPath), text: readFileSync(path.join(root, relPath), 'utf8') });
  }
  if (chapterNames.length === 0) {
    diagnostics.add(show('chapters'), undefined, 'missing-file', 'No chapters in chapters/', 'Add chapter files named like `chapters/01-overview.md`.');
  }
  return { sources, diagnostics: diagnostics.list };
}

/**
 * Each key's entry: the cached one, else the next of `fresh` (computed, in order, for the keys the
 * cache lacked), which the cache then keeps. Their problems are added to `diagnostics`.
 */
function settle<T>(
  keys: readonly string[],
  cached: readonly (Compiled<T> | undefined)[],
  fresh: Compiled<T>[],
  cache: CacheStore | undefined,
  store: Map<string, Compiled<T>> | undefined,
  diagnostics: Diagnostics,
): T[] {
  return keys.map((key, i) => {
    const entry = cached[i] ?? fresh.shift()!;
    if (cache && store && !store.has(key)) {
      store.set(key, entry);
      cache.dirty = true;
    }
    diagnostics.list.push(...entry.diagnostics);
    return entry.value;
  });
}

/**
 * A value computed from one file, kept in the cache under a key of everything it depends on
 * (one entry per map: the file's last version), with the problems found in the file.
 */
async function remember<T>(
  cache: CacheStore | undefined,
  store: Map<string, Compiled<T>> | undefined,
  key: string,
  compute: (local: Diagnostics) => Promise<T>,
): Promise<Compiled<T>> {
  let entry = store?.get(key);
  if (!entry) {
    const local = new Diagnostics();
    entry = { value: await compute(local), diagnostics: local.list };
    if (cache && store) {
      store.clear();
      store.set(key, entry);
      cache.dirty = true;
    }
  }
  return entry;
}

/** The glossary sorted by term, and the line where each sorted entry starts (for positions). */
async function readGlossary(text: string, file: string, chapterIds: Set<string>, diagnostics: Diagnostics): Promise<{ entries: GlossaryEntry[]; lines: number[] }> {
  if (text.trim() === '') return { entries: [], lines: [] };
  const { readYaml, glossarySchema } = await loadYaml();
  const entries = readYaml(text, glossarySchema, file, diagnostics) ?? [];
  const entryLines = linesOfEntries(text);
  const slugger = new GithubSlugger();
  const result: (GlossaryEntry & { line: number })[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const line = entryLines[index] ?? 1;
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
    result.push({ id: slugger.slug(entry.term), term: entry.term, definition: entry.definition, chapters: entry.chapters, line });
  }
  result.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return { entries: result.map(({ line: _line, ...entry }) => entry), lines: result.map((e) => e.line) };
}

/** Line of each top-level `- ` item of a YAML sequence. */
function linesOfEntries(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('- ')) lines.push(i + 1);
  });
  return lines;
}

async function lastModified(root: string): Promise<string> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace('.000Z', 'Z');
  const iso = await new Promise<string>((resolve) => {
    // Not a git checkout, or no git: the fixed date below.
    execFile('git', ['log', '-1', '--format=%cI', '--', '.'], { cwd: root, encoding: 'utf8' }, (error, stdout) => resolve(error ? '' : stdout.trim()));
  });
  return iso ? new Date(iso).toISOString().replace('.000Z', 'Z') : '2000-01-01T00:00:00Z';
}

function hash(parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
