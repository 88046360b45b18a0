import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChapterSource, LinkResolver, LinkTarget, ParsedChapter } from './chapter.js';
import type { ChapterCompiler, Compiled } from './chapter-compiler.js';
import type { Chapter } from './types.js';

/** What the pool asks of a worker (compile-worker.ts). */
export type WorkerRequest =
  | { type: 'parse'; jobs: { id: number; source: ChapterSource }[] }
  | {
      type: 'finish';
      targets: [string, LinkTarget][];
      /** A chapter this worker parsed is named by its path; any other comes whole. */
      jobs: { id: number; relPath: string; parsed?: ParsedChapter }[];
    };

/** A worker's answer to one job. */
export type WorkerResponse = { id: number; result: Compiled<ParsedChapter | Chapter> } | { id: number; error: unknown };

interface Thread {
  worker: Worker;
  /** Characters of source given to it so far, to spread the work evenly. */
  load: number;
  /** Chapters it parsed, whose trees it holds. */
  holds: Set<string>;
}

type Pending = { resolve: (result: Compiled<ParsedChapter | Chapter>) => void; reject: (error: unknown) => void };

/**
 * Compiles chapters on worker threads. Each chapter is parsed on the thread with the least work
 * so far and finished on the same thread, which keeps its tree; results come back in order.
 */
export class WorkerPool implements ChapterCompiler {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  private constructor(private readonly threads: Thread[]) {
    for (const thread of threads) {
      thread.worker.on('message', (message: WorkerResponse) => {
        const job = this.pending.get(message.id);
        this.pending.delete(message.id);
        if ('error' in message) job?.reject(message.error);
        else job?.resolve(message.result);
      });
      // A worker that dies takes every unanswered job with it.
      const fail = (error: unknown) => {
        for (const job of this.pending.values()) job.reject(error);
        this.pending.clear();
      };
      thread.worker.on('error', fail);
      thread.worker.on('exit', (code) => code !== 0 && fail(new Error(`A compile worker stopped (exit code ${code}).`)));
    }
  }

  /** A pool of `size` threads, or undefined where the worker script is missing (running from sources). */
  static start(size: number, figureFiles: ReadonlyMap<string, string>): WorkerPool | undefined {
    const script = new URL('./compile-worker.js', import.meta.url);
    if (!existsSync(fileURLToPath(script))) return undefined;
    const threads = Array.from({ length: size }, () => ({
      worker: new Worker(script, { workerData: { figureFiles }, execArgv: workerExecArgv() }),
      load: 0,
      holds: new Set<string>(),
    }));
    return new WorkerPool(threads);
  }

  parse(sources: readonly ChapterSource[]): Promise<Compiled<ParsedChapter>[]> {
    const jobs = new Map<Thread, { id: number; source: ChapterSource }[]>();
    const results: Promise<Compiled<ParsedChapter | Chapter>>[] = new Array(sources.length);
    // Longest first, each to the least loaded thread: the threads finish at about the same time.
    const order = sources.map((source, index) => ({ source, index })).sort((a, b) => b.source.text.length - a.source.text.length);
    for (const { source, index } of order) {
      const thread = this.leastLoaded();
      thread.load += source.text.length;
      thread.holds.add(source.relPath);
      const id = this.nextId++;
      results[index] = this.expect(id);
      listOf(jobs, thread).push({ id, source });
    }
    for (const [thread, list] of jobs) thread.worker.postMessage({ type: 'parse', jobs: list } satisfies WorkerRequest);
    return Promise.all(results) as Promise<Compiled<ParsedChapter>[]>;
  }

  finish(chapters: readonly ParsedChapter[], resolver: LinkResolver): Promise<Compiled<Chapter>[]> {
    const jobs = new Map<Thread, { id: number; relPath: string; parsed?: ParsedChapter }[]>();
    const results = chapters.map((chapter) => {
      const holder = this.threads.find((t) => t.holds.has(chapter.relPath));
      const thread = holder ?? this.leastLoaded();
      if (!holder) thread.load += chapter.source.length;
      thread.holds.delete(chapter.relPath);
      const id = this.nextId++;
      listOf(jobs, thread).push({ id, relPath: chapter.relPath, ...(holder ? {} : { parsed: chapter }) });
      return this.expect(id);
    });
    const targets = [...resolver.chapterByPath].map(([relPath, { id, anchors }]): [string, LinkTarget] => [relPath, { id, relPath, anchors }]);
    for (const [thread, list] of jobs) thread.worker.postMessage({ type: 'finish', targets, jobs: list } satisfies WorkerRequest);
    return Promise.all(results) as Promise<Compiled<Chapter>[]>;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private leastLoaded(): Thread {
    return this.threads.reduce((best, t) => (t.load < best.load ? t : best));
  }

  private expect(id: number): Promise<Compiled<ParsedChapter | Chapter>> {
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}

function listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * The process's Node.js options, which workers inherit, but for `--input-type` (of `node -e`): it
 * concerns the main script only, and Node.js refuses to load a worker's script file with it.
 */
function workerExecArgv(): string[] {
  return process.execArgv.filter((arg, i, all) => !arg.startsWith('--input-type') && all[i - 1] !== '--input-type');
}
