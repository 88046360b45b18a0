import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParsedChapter } from './chapter.js';
import type { BookYaml } from './schemas.js';
import type { Chapter, Diagnostic, GlossaryEntry } from './types.js';

declare const opaque: unique symbol;

/** Work kept between compiles; create one with `createCompileCache()` and pass it to every compile. */
export interface CompileCache {
  readonly [opaque]: true;
}

/** Chapters and YAML files from earlier compiles, keyed by a hash of everything they depend on. */
export interface CacheStore {
  readonly meta: Map<string, { value: BookYaml | undefined; diagnostics: Diagnostic[] }>;
  readonly parsed: Map<string, { value: ParsedChapter; diagnostics: Diagnostic[] }>;
  readonly finished: Map<string, { value: Chapter; diagnostics: Diagnostic[] }>;
  readonly glossary: Map<string, { value: { entries: GlossaryEntry[]; lines: number[] }; diagnostics: Diagnostic[] }>;
  /** Whether anything changed since the cache was read: an unchanged cache is not written again. */
  dirty?: boolean;
}

// Bump when the compiler's output changes shape or content for the same input.
const FORMAT = `dmls-compile-cache-7:${process.versions.v8}`;

export function createCompileCache(): CompileCache {
  const store: CacheStore = { meta: new Map(), parsed: new Map(), finished: new Map(), glossary: new Map() };
  return store as unknown as CompileCache;
}

export const storeOf = (cache: CompileCache | undefined) => cache as unknown as CacheStore | undefined;

/** Keeps only what the last compile used, so that the cache does not grow with every edit. */
export function prune(store: CacheStore, parsedKeys: Set<string>, finishedKeys: Set<string>): void {
  for (const key of store.parsed.keys()) if (!parsedKeys.has(key)) store.parsed.delete(key) && (store.dirty = true);
  for (const key of store.finished.keys()) if (!finishedKeys.has(key)) store.finished.delete(key) && (store.dirty = true);
}

/**
 * A cache saved by `writeCompileCache`, or an empty one when the file is missing, unreadable or
 * from another compiler version: a cache can make a build faster, never wrong.
 */
export async function readCompileCache(file: string): Promise<CompileCache> {
  try {
    const data = deserialize(await readFile(file)) as { format: string } & Omit<CacheStore, 'dirty'>;
    const { format, meta, parsed, finished, glossary } = data;
    if (format === FORMAT && meta instanceof Map && parsed instanceof Map && finished instanceof Map && glossary instanceof Map) {
      return { meta, parsed, finished, glossary, dirty: false } as unknown as CompileCache;
    }
  } catch {
    // Missing or corrupt: start afresh.
  }
  return createCompileCache();
}

/** Saves a cache for the next process (written whole, then renamed into place). */
export async function writeCompileCache(cache: CompileCache, file: string): Promise<void> {
  const store = storeOf(cache)!;
  if (store.dirty === false) return;
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, serialize({ format: FORMAT, meta: store.meta, parsed: store.parsed, finished: store.finished, glossary: store.glossary }));
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
