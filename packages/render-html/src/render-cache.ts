import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Chapter } from '@dmls/core';
import type { ElementContent } from 'hast';
import { serialised, toHtml } from './to-html.js';

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

// Bump when the files' layout changes; a change in the code is told by codeHash.
const format = () => `dmls-render-cache-3:${codeHash()}`;

const storeOf = (cache: RenderCache) => cache as unknown as Store;

export function createRenderCache(): RenderCache {
  const store: Store = { entries: new Map(), used: new Set(), added: false };
  return store as unknown as RenderCache;
}

const PART = /^[0-9a-f]{64}\.bin$/;
const VERSION_DIR = /^[0-9a-f]{16}$/;
const versionDir = (dir: string) => path.join(dir, createHash('sha256').update(format()).digest('hex').slice(0, 16));
const fileOf = (key: string) => `${createHash('sha256').update(key).digest('hex')}.bin`;

/** The files each folder held when it was read or last written: a write adds and removes only the difference. */
const onDisk = new WeakMap<Store, { folder: string; names: Set<string> }>();

/**
 * A cache saved by `writeRenderCache` in the folder `dir`, or an empty one when the folder is
 * missing or from another version; a part that cannot be read is left out.
 */
export async function readRenderCache(dir: string): Promise<RenderCache> {
  const store: Store = { entries: new Map(), used: new Set(), added: false };
  const folder = versionDir(dir);
  const names = new Set<string>();
  let listed: string[] = [];
  try {
    listed = readdirSync(folder);
  } catch {
    // No cache yet.
  }
  // Read synchronously: a few dozen files, which took longer through libuv's thread pool.
  for (const name of listed) {
    if (!PART.test(name)) continue;
    try {
      const { key, value } = deserialize(readFileSync(path.join(folder, name))) as { key: string; value: Uint8Array };
      if (typeof key !== 'string' || !(value instanceof Uint8Array) || fileOf(key) !== name) continue;
      store.entries.set(key, value);
      names.add(name);
    } catch {
      // Corrupt or half-written: made again.
    }
  }
  onDisk.set(store, { folder, names });
  return store as unknown as RenderCache;
}

/**
 * Saves the cache in the folder `dir`, a file per part, each written whole and renamed into
 * place: the parts made since the cache was read are added, and those not used since are
 * removed, so that it does not grow with every edit. Nothing is written when nothing changed.
 */
export async function writeRenderCache(cache: RenderCache, dir: string): Promise<void> {
  const store = storeOf(cache);
  const folder = versionDir(dir);
  const known = onDisk.get(store);
  if (known?.folder === folder && !store.added && store.used.size === store.entries.size) return;
  await mkdir(folder, { recursive: true });
  const before = known?.folder === folder ? known.names : new Set(readdirSync(folder).filter((name) => PART.test(name)));
  const now = new Set<string>();
  for (const key of store.used) {
    const name = fileOf(key);
    now.add(name);
    if (before.has(name)) continue;
    const value = store.entries.get(key)!;
    const tmp = path.join(folder, `${name}.tmp-${process.pid}`);
    try {
      await writeFile(tmp, serialize({ key, value: typeof value === 'string' ? Buffer.from(value) : value }));
      await rename(tmp, path.join(folder, name));
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }
  for (const name of before) if (!now.has(name)) await rm(path.join(folder, name), { force: true });
  // Other versions' parts are of no use to this one.
  for (const name of readdirSync(dir)) {
    if (VERSION_DIR.test(name) && path.join(dir, name) !== folder) await rm(path.join(dir, name), { recursive: true, force: true });
  }
  for (const key of store.entries.keys()) if (!store.used.has(key)) store.entries.delete(key);
  onDisk.set(store, { folder, names: now });
  store.added = false;
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

/**
 * A chapter's content as a page shows it: `adapt()`'s nodes, or with a cache, their HTML from the
 * cache (serialised once, under the chapter's key and `parts`) where the chapter has not changed.
 */
export function chapterContent(cache: RenderCache | undefined, parts: readonly string[], chapter: Chapter, adapt: () => ElementContent[]): ElementContent[] {
  if (!cache) return adapt();
  return [serialised(cached(cache, chapterKey(parts, chapter), () => toHtml({ type: 'root', children: adapt() })))];
}
