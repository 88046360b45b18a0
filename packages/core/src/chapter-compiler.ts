import { availableParallelism } from 'node:os';
import { deserialize } from 'node:v8';
import type { Root } from 'mdast';
import type { ChapterSource, LinkResolver, ParsedChapter } from './chapter.js';
import { Diagnostics } from './diagnostics.js';
import type { Chapter, Diagnostic } from './types.js';
import { WorkerPool } from './worker-pool.js';

/** A result of either phase, with the problems found on the way. */
export interface Compiled<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** Runs the two phases of chapter compilation, in this thread or on worker threads. */
export interface ChapterCompiler {
  /** Phase 1; results in the order of `sources`. */
  parse(sources: readonly ChapterSource[]): Promise<Compiled<ParsedChapter>[]>;
  /** Phase 2; results in the order of `chapters`. */
  finish(chapters: readonly ParsedChapter[], resolver: LinkResolver): Promise<Compiled<Chapter>[]>;
  close(): Promise<void>;
}

// Each worker thread costs its start and its own load of the Markdown pipeline (some 150 ms):
// shorter books (this repository's test fixtures) compile faster in one thread.
const PARALLEL_MIN_CHARS = 64_000;

/**
 * Threads that compile faster than one, by default: one per two cores. A thread compiling
 * chapters keeps about 1.6 cores busy, V8 optimising code and collecting garbage beside it; on two
 * cores, two threads took 30 % longer than one (each warming up its own copy of the pipeline).
 */
const defaultThreads = () => Math.max(1, Math.floor(availableParallelism() / 2));

/**
 * Worker threads when the chapters to parse are several and long enough to gain from them, and
 * the machine has cores for them (or `workers` asks); else this thread. Worker threads need the
 * built package: from sources (as in this package's tests) chapters compile in this thread.
 */
export function chapterCompiler(pending: readonly ChapterSource[], figureFiles: ReadonlyMap<string, string>, workers?: number): ChapterCompiler {
  const chars = pending.reduce((n, source) => n + source.text.length, 0);
  const threads = Math.min(workers ?? (chars >= PARALLEL_MIN_CHARS ? defaultThreads() : 1), pending.length);
  return (threads > 1 ? WorkerPool.start(threads, figureFiles) : undefined) ?? new LocalCompiler(figureFiles);
}

// The Markdown pipeline (remark, rehype, KaTeX, the sanitiser) is the heaviest import by far:
// load it only when some chapter is not in the cache.
let pipeline: Promise<typeof import('./chapter.js')> | undefined;
const loadPipeline = () => (pipeline ??= import('./chapter.js'));

class LocalCompiler implements ChapterCompiler {
  /** Trees this compiler parsed, not yet finished: phase 2 takes them as they are. */
  private readonly trees = new WeakMap<ParsedChapter, Root>();

  constructor(private readonly figureFiles: ReadonlyMap<string, string>) {}

  async parse(sources: readonly ChapterSource[]): Promise<Compiled<ParsedChapter>[]> {
    if (sources.length === 0) return [];
    const { parseChapter } = await loadPipeline();
    return sources.map((source) => {
      const local = new Diagnostics();
      const { parsed, tree } = parseChapter(source, this.figureFiles, local);
      this.trees.set(parsed, tree);
      return { value: parsed, diagnostics: local.list };
    });
  }

  async finish(chapters: readonly ParsedChapter[], resolver: LinkResolver): Promise<Compiled<Chapter>[]> {
    if (chapters.length === 0) return [];
    const { finishChapter } = await loadPipeline();
    const results: Compiled<Chapter>[] = [];
    for (const chapter of chapters) {
      const tree = this.trees.get(chapter) ?? (deserialize(chapter.tree) as Root);
      this.trees.delete(chapter);
      const local = new Diagnostics();
      results.push({ value: await finishChapter(chapter, tree, resolver, local), diagnostics: local.list });
    }
    return results;
  }

  async close(): Promise<void> {}
}
