import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile, type Book } from '@dmls/core';
import type { SiteFile, SiteOptions } from '../../src/index.js';

export const repoRoot = path.resolve(import.meta.dirname, '../../../..');
export const fixtureBook = path.join(repoRoot, 'tests/fixtures/book');
export const realBook = path.join(repoRoot, 'content/designing-ml-systems');
const dist = path.resolve(import.meta.dirname, '../../dist/index.js');

export interface BuiltSite {
  book: Book;
  dir: string;
  files: SiteFile[];
}

/**
 * Compiles a content folder and writes its site with the *built* package, as the CLI does: the
 * stylesheet is inlined by the bundler, so only the build shows the pages as readers see them.
 */
export async function buildSite(contentDir: string, options: SiteOptions = {}): Promise<BuiltSite> {
  if (!existsSync(dist)) throw new Error('packages/render-html/dist is missing: run `pnpm build` first.');
  const { renderSite } = (await import(dist)) as typeof import('../../src/index.js');
  const { book, diagnostics } = await compile(contentDir, { modified: '2022-05-01T00:00:00Z' });
  if (!book) throw new Error(`${contentDir} does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  const files = renderSite(book, options);
  const dir = mkdtempSync(path.join(tmpdir(), 'dmls-site-'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.content);
  }
  return { book, dir, files };
}
