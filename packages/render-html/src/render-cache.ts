import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Chapter } from '@dmls/core';

declare const opaque: unique symbol;

/**
 * Parts of pages rendered earlier, for `renderSite`'s `cache`: a chapter's content as each page
 * shows it, and its search documents. Create one with `createRenderCache()` (kept in memory, as a
 * dev server would) or `readRenderCache(file)`.
 */
export interface RenderCache {
  readonly [opaque]: true;
}

interface Store {
  /** Parts as strings, or as UTF-8 bytes (as read, until first used): half the size of a JavaScript string of this text. */
  entries: Map<string, string | Uint8Array>;
  /** Keys used since the cache was made or read: only these are written back. */
  used: Set<string>;
  /** Whether an entry was added. */
  added: boolean;
}

let code: string | undefined;

/**
 * Tells this renderer's code from any other's (another version, or a rebuild while developing),
 * so that no part outlives the code that made it: the name, size and time of each of the
 * package's scripts, which a build rewrites.
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

// Bump when the file's layout changes; a change in the code is told by codeHash.
const format = () => `dmls-render-cache-2:${codeHash()}`;

const storeOf = (cache: RenderCache) => cache as unknown as Store;

export function createRenderCache(): RenderCache {
  const store: Store = { entries: new Map(), used: new Set(), added: false };
  return store as unknown as RenderCache;
}

/** A cache saved by `writeRenderCache`, or an empty one when the file is missing, unreadable or from another version. */
export async function readRenderCache(file: string): Promise<RenderCache> {
  try {
    const data = deserialize(await readFile(file)) as { format?: unknown; entries?: unknown };
    if (data.format === format() && data.entries instanceof Map) {
      const store: Store = { entries: data.entries as Map<string, Uint8Array>, used: new Set(), added: false };
      return store as unknown as RenderCache;
    }
  } catch {
    // Missing or corrupt: start afresh.
  }
  return createRenderCache();
}

/**
 * Saves the parts used since the cache was read (so that it does not grow with every edit),
 * written whole and then renamed into place; nothing is written when nothing changed.
 */
export async function writeRenderCache(cache: RenderCache, file: string): Promise<void> {
  const store = storeOf(cache);
  if (!store.added && store.used.size === store.entries.size) return;
  const entries = new Map<string, Uint8Array>();
  for (const key of store.used) {
    const value = store.entries.get(key)!;
    entries.set(key, typeof value === 'string' ? Buffer.from(value) : value);
  }
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, serialize({ format: format(), entries }));
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

const htmlHashes = new WeakMap<Chapter, string>();

/**
 * The key of a part made from one chapter: `parts` (what else the part depends on) and the
 * chapter's id, number, title, summary, keywords and HTML. A compiled chapter's `html` is its
 * tree serialised, so it stands for the tree without reading it.
 */
export function chapterKey(parts: readonly string[], chapter: Chapter): string {
  let htmlHash = htmlHashes.get(chapter);
  if (htmlHash === undefined) {
    htmlHash = createHash('sha256').update(chapter.html).digest('base64');
    htmlHashes.set(chapter, htmlHash);
  }
  return JSON.stringify([...parts, chapter.id, chapter.number, chapter.title, chapter.summary, chapter.keywords, htmlHash]);
}

/** The part kept under `key`, made and kept when the cache does not have it. */
export function cached(cache: RenderCache, key: string, make: () => string): string {
  const store = storeOf(cache);
  store.used.add(key);
  const value = store.entries.get(key);
  if (typeof value === 'string') return value;
  if (value !== undefined) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  const made = make();
  store.entries.set(key, made);
  store.added = true;
  return made;
}
