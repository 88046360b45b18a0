import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Book, Diagnostic } from '@dmls/core';
import { CliError } from './errors.js';

export interface LoadedBook {
  book: Book | undefined;
  diagnostics: Diagnostic[];
  /** The version to print on the editions: the content package's, when built from one. */
  version: string | undefined;
}

export const DEFAULT_CONTENT_DIR = 'content/designing-ml-systems';

/**
 * Where a book's caches are kept between runs, in a folder per book: compiled chapters (a folder
 * of entries keyed by content hash, so a stale entry is never used) and the HTML edition's
 * rendered chapters. In node_modules/.cache/dmls, as other build tools do; no cache outside a project.
 */
export function cachePath(dir: string | undefined, kind: 'compile' | 'html'): string | undefined {
  const modules = path.resolve('node_modules');
  if (!existsSync(modules)) return undefined;
  const key = createHash('sha256').update(path.resolve(dir ?? DEFAULT_CONTENT_DIR)).digest('hex').slice(0, 16);
  return path.join(modules, '.cache', 'dmls', key, kind);
}

/** Compiles a content folder, reusing the chapters that have not changed since the last run. */
export async function compileDir(dir: string | undefined, onChapter?: (file: string) => void, useCache = true): Promise<LoadedBook> {
  const target = dir ?? DEFAULT_CONTENT_DIR;
  if (!existsSync(path.join(target, 'book.yaml'))) {
    throw new CliError(
      `No book at ${target} (book.yaml not found).`,
      dir ? 'Give the folder that holds book.yaml.' : `Run dmls from the repository root, or name the folder: dmls build path/to/book`,
    );
  }
  const { compile, readCompileCache, writeCompileCache } = await import('@dmls/core');
  const folder = useCache ? cachePath(target, 'compile') : undefined;
  const cache = folder ? readCompileCache(folder) : undefined;
  const { book, diagnostics } = await compile(target, { ...(onChapter ? { onFile: onChapter } : {}), ...(cache ? { cache } : {}) });
  // A cache that cannot be written (read-only checkout) only costs speed.
  if (folder && cache) await writeCompileCache(await cache, folder).catch(() => undefined);
  return { book, diagnostics, version: undefined };
}

/** Loads a book that a package exports as `book` (e.g. `@dmls/content`), resolved from the cwd. */
export async function loadPackage(specifier: string): Promise<LoadedBook> {
  const require = createRequire(path.join(process.cwd(), 'noop.js'));
  let entry: string;
  try {
    entry = require.resolve(specifier);
  } catch {
    throw new CliError(`Cannot find the package ${specifier}.`, `Install it (pnpm add ${specifier}) or build it first (pnpm build).`);
  }
  const mod = (await import(pathToFileURL(entry).href)) as { book?: Book; default?: { book?: Book } };
  const book = mod.book ?? mod.default?.book;
  if (!book) throw new CliError(`${specifier} exports no \`book\`.`, 'Point --book at a package built like @dmls/content.');
  let version: string | undefined;
  try {
    const pkg = JSON.parse(await readFile(require.resolve(`${specifier}/package.json`), 'utf8')) as { version?: string };
    version = pkg.version;
  } catch {
    version = undefined;
  }
  return { book, diagnostics: [], version };
}
