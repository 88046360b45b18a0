import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
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
const FORMAT = `dmls-compile-cache-9:${process.versions.v8}`;

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

const KINDS = ['meta', 'parsed', 'finished', 'glossary'] as const;
type Kind = (typeof KINDS)[number];
const ENTRY = /^(meta|parsed|finished|glossary)-([0-9a-f]{64})\.bin$/;

/** The entries each folder held when it was read or last written: a write adds and removes only the difference. */
const onDisk = new WeakMap<CacheStore, { folder: string; names: Set<string> }>();

/** The folder's entries for this compiler: one per version, so that no entry is read by another. */
const VERSION_DIR = /^[0-9a-f]{16}$/;
const versionDir = (dir: string) => path.join(dir, createHash('sha256').update(FORMAT).digest('hex').slice(0, 16));

/**
 * A cache saved by `writeCompileCache` in the folder `dir`, or an empty one when the folder is
 * missing or from another compiler version; an entry that cannot be read is left out. A cache can
 * make a build faster, never wrong.
 */
export async function readCompileCache(dir: string): Promise<CompileCache> {
  const store: CacheStore = { meta: new Map(), parsed: new Map(), finished: new Map(), glossary: new Map(), dirty: false };
  const files = new Set<string>();
  const folder = versionDir(dir);
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    // No cache yet.
  }
  // Read synchronously: a few dozen files, which took longer through libuv's thread pool.
  for (const name of names) {
    const match = ENTRY.exec(name);
    if (!match) continue;
    try {
      const entry = deserialize(readFileSync(path.join(folder, name)));
      const kind = match[1] as Kind;
      (store[kind] as Map<string, unknown>).set(match[2]!, kind === 'finished' ? unpack(entry as Packed) : entry);
      files.add(name);
    } catch {
      // Corrupt or half-written: compiled again, and written afresh.
    }
  }
  onDisk.set(store, { folder, names: files });
  return store as unknown as CompileCache;
}

/**
 * Saves a cache in the folder `dir`: each entry is a file of its own, written whole and renamed
 * into place, so that after an edit only the changed chapter's entries are written and the
 * entries no compile uses any more are removed. Nothing is written when nothing changed.
 */
export async function writeCompileCache(cache: CompileCache, dir: string): Promise<void> {
  const store = storeOf(cache)!;
  if (store.dirty === false) return;
  const folder = versionDir(dir);
  await mkdir(folder, { recursive: true });
  const known = onDisk.get(store);
  const before = known?.folder === folder ? known.names : new Set(readdirSync(folder).filter((name) => ENTRY.test(name)));
  const now = new Set<string>();
  for (const kind of KINDS) {
    for (const [key, entry] of store[kind] as Map<string, unknown>) {
      const name = `${kind}-${key}.bin`;
      now.add(name);
      if (before.has(name)) continue;
      const bytes = serialize(kind === 'finished' ? pack(entry as { value: Chapter; diagnostics: Diagnostic[] }) : entry);
      const tmp = path.join(folder, `${name}.tmp-${process.pid}`);
      try {
        await writeFile(tmp, bytes);
        await rename(tmp, path.join(folder, name));
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    }
  }
  for (const name of before) if (!now.has(name)) await rm(path.join(folder, name), { force: true });
  // Other versions' entries are of no use to this one.
  for (const name of readdirSync(dir)) {
    if (VERSION_DIR.test(name) && path.join(dir, name) !== folder) await rm(path.join(dir, name), { recursive: true, force: true });
  }
  onDisk.set(store, { folder, names: now });
  store.dirty = false;
}
