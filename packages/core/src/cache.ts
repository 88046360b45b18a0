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
const FORMAT = `dmls-compile-cache-8:${process.versions.v8}`;

/** A finished chapter as saved: its tree as JSON text, in the place of the `tree` field. */
type Packed = { value: Record<string, unknown>; diagnostics: Diagnostic[] };

/**
 * The JSON text of each chapter's tree read from a cache. The trees are most of what a cache
 * holds (20,000 nodes for the real book) and the slowest part to read, so each is parsed when it
 * is first used: a site whose chapter pages come from the render cache never parses them, and
 * JSON.parse takes a third of the time of node:v8's deserialiser on these trees. Kept here, the
 * text is written back without turning the tree into text again.
 */
const treeText = new WeakMap<object, string>();

function pack({ value, diagnostics }: { value: Chapter; diagnostics: Diagnostic[] }): Packed {
  const fields: Record<string, unknown> = {};
  // Field by field, in order, so as not to call a tree's getter (which would parse it).
  for (const key of Object.keys(value)) {
    fields[key] = key === 'tree' ? (treeText.get(value) ?? JSON.stringify(value.tree)) : value[key as keyof Chapter];
  }
  return { value: fields, diagnostics };
}

function unpack({ value, diagnostics }: Packed): { value: Chapter; diagnostics: Diagnostic[] } {
  const chapter: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key !== 'tree') {
      chapter[key] = value[key];
      continue;
    }
    const text = value[key] as string;
    treeText.set(chapter, text);
    Object.defineProperty(chapter, 'tree', {
      get() {
        const tree = JSON.parse(text) as unknown;
        Object.defineProperty(this, 'tree', { value: tree, writable: true, enumerable: true, configurable: true });
        return tree;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return { value: chapter as unknown as Chapter, diagnostics };
}

const mapValues = <K, A, B>(map: Map<K, A>, f: (value: A) => B) => new Map([...map].map(([key, value]) => [key, f(value)]));

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
    const data = deserialize(await readFile(file)) as { format: string; finished: Map<string, Packed> } & Omit<CacheStore, 'dirty' | 'finished'>;
    const { format, meta, parsed, finished, glossary } = data;
    if (format === FORMAT && meta instanceof Map && parsed instanceof Map && finished instanceof Map && glossary instanceof Map) {
      return { meta, parsed, finished: mapValues(finished, unpack), glossary, dirty: false } as unknown as CompileCache;
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
    await writeFile(tmp, serialize({ format: FORMAT, meta: store.meta, parsed: store.parsed, finished: mapValues(store.finished, pack), glossary: store.glossary }));
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
