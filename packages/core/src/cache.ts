import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

// Bump when the cache's layout changes. A change in the compiler's code needs no bump: see codeHash.
const FORMAT = `dmls-compile-cache-10:${process.versions.v8}`;

/** An entry as saved: a chapter's `tree` is left out (`null` in its place) and kept in a file of its own. */
type Packed = { value: Record<string, unknown>; diagnostics: Diagnostic[] };

// A parsed chapter's Markdown tree is bytes already (node:v8's); a finished chapter's hast tree is
// saved as JSON, which parses in a third of the time node:v8's deserialiser takes on these trees.
const treeBytes = (kind: 'parsed' | 'finished', tree: unknown): Uint8Array =>
  kind === 'parsed' ? (tree as Uint8Array) : Buffer.from(JSON.stringify(tree));

function pack(value: object): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(value)) fields[key] = key === 'tree' ? null : value[key as keyof typeof value];
  return fields;
}

/**
 * The entry with its tree read from `file` when it is first used. The trees are most of a
 * cache's bytes (about 5 of the real book's 12 MB): a parsed chapter's is needed only when the
 * chapter must be finished again, a finished chapter's only by a renderer without a cache of its own.
 */
function unpack(kind: 'parsed' | 'finished', fields: Record<string, unknown>, file: string): object {
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    if (key !== 'tree') {
      value[key] = fields[key];
      continue;
    }
    Object.defineProperty(value, 'tree', {
      get() {
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (error) {
          // Only another process that pruned the cache between this one's read and now can cause it.
          throw new Error(`The compile cache changed while this build was reading it (${file}). Build again, or with --no-cache.`, { cause: error });
        }
        const tree = kind === 'parsed' ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : (JSON.parse(bytes.toString('utf8')) as unknown);
        Object.defineProperty(this, 'tree', { value: tree, writable: true, enumerable: true, configurable: true });
        return tree;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return value;
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
const withTree = (kind: Kind): kind is 'parsed' | 'finished' => kind === 'parsed' || kind === 'finished';
const ENTRY = /^(meta|parsed|finished|glossary)-([0-9a-f]{64})\.bin$/;
const FILE = /^(meta|parsed|finished|glossary)-[0-9a-f]{64}\.(bin|tree)$/;

/** The files each folder held when it was read or last written: a write adds and removes only the difference. */
const onDisk = new WeakMap<CacheStore, { folder: string; names: Set<string> }>();

/** The folder's entries for this compiler: one per version, so that no entry is read by another. */
const VERSION_DIR = /^[0-9a-f]{16}$/;
const versionDir = (dir: string) => path.join(dir, createHash('sha256').update(FORMAT).update(codeHash()).digest('hex').slice(0, 16));

let code: string | undefined;

/**
 * Tells this compiler's code from any other's (another version, or a rebuild while developing),
 * so that no cache entry outlives the code that made it: the name, size and time of each of
 * the package's scripts. esbuild names chunks by their content, and a build rewrites them all.
 */
function codeHash(): string {
  if (code !== undefined) return code;
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    if (!/\.[cm]?[jt]s$/.test(name)) continue;
    const { size, mtimeMs } = statSync(path.join(dir, name));
    hash.update(`${name}:${size}:${mtimeMs}\0`);
  }
  return (code = hash.digest('hex'));
}

/**
 * A cache saved by `writeCompileCache` in the folder `dir`, or an empty one when the folder is
 * missing or from another compiler version; an entry that cannot be read is left out. A cache can
 * make a build faster, never wrong.
 */
export async function readCompileCache(dir: string): Promise<CompileCache> {
  const store: CacheStore = { meta: new Map(), parsed: new Map(), finished: new Map(), glossary: new Map(), dirty: false };
  const folder = versionDir(dir);
  let names = new Set<string>();
  try {
    names = new Set(readdirSync(folder));
  } catch {
    // No cache yet.
  }
  const files = new Set<string>();
  // Read synchronously: a few dozen files, which took longer through libuv's thread pool.
  for (const name of names) {
    const match = ENTRY.exec(name);
    if (!match) continue;
    const kind = match[1] as Kind;
    const tree = name.replace(/\.bin$/, '.tree');
    if (withTree(kind) && !names.has(tree)) continue;
    try {
      const entry = deserialize(readFileSync(path.join(folder, name))) as Packed;
      const value = withTree(kind) ? unpack(kind, entry.value, path.join(folder, tree)) : entry.value;
      (store[kind] as Map<string, unknown>).set(match[2]!, { value, diagnostics: entry.diagnostics });
      files.add(name);
      if (withTree(kind)) files.add(tree);
    } catch {
      // Corrupt or half-written: compiled again, and written afresh.
    }
  }
  onDisk.set(store, { folder, names: files });
  return store as unknown as CompileCache;
}

/**
 * Saves a cache in the folder `dir`: each entry is a file of its own (and a chapter's tree
 * another), written whole and renamed into place, so that after an edit only the changed
 * chapter's entries are written and the entries no compile uses any more are removed. Nothing is
 * written when nothing changed.
 */
export async function writeCompileCache(cache: CompileCache, dir: string): Promise<void> {
  const store = storeOf(cache)!;
  if (store.dirty === false) return;
  const folder = versionDir(dir);
  await mkdir(folder, { recursive: true });
  const known = onDisk.get(store);
  const before = known?.folder === folder ? known.names : new Set(readdirSync(folder).filter((name) => FILE.test(name)));
  const now = new Set<string>();
  const save = async (name: string, bytes: () => Uint8Array) => {
    now.add(name);
    if (before.has(name)) return;
    const tmp = path.join(folder, `${name}.tmp-${process.pid}`);
    try {
      await writeFile(tmp, bytes());
      await rename(tmp, path.join(folder, name));
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  };
  for (const kind of KINDS) {
    for (const [key, { value, diagnostics }] of store[kind] as Map<string, { value: object; diagnostics: Diagnostic[] }>) {
      // The tree first: an entry is read only when its tree is there.
      if (withTree(kind)) await save(`${kind}-${key}.tree`, () => treeBytes(kind, (value as { tree: unknown }).tree));
      await save(`${kind}-${key}.bin`, () => serialize({ value: withTree(kind) ? pack(value) : value, diagnostics }));
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
