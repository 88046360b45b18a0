import path from 'node:path';
import type { Book } from '@dmls/core';
import type { RenderCache } from '@dmls/render-html';
import { CliError } from './errors.js';
import type { Reporter } from './reporter.js';
import { writeDirAtomic, writeFileAtomic } from './write-atomic.js';

export const FORMATS = ['html', 'epub', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export interface Output {
  format: Format;
  output: string;
  bytes: number;
  ms: number;
}

/** The HTML edition's render cache and where it is kept, or undefined where there is no place for one. */
export interface HtmlCache {
  cache: RenderCache;
  dir: string;
}

export async function htmlCache(dir: string | undefined): Promise<HtmlCache | undefined> {
  if (!dir) return undefined;
  const { readRenderCache } = await import('@dmls/render-html');
  return { cache: await readRenderCache(dir), dir };
}

/** Renders each edition in turn and writes it whole; a failed edition leaves no file behind. */
export async function buildEditions(
  book: Book,
  formats: readonly Format[],
  outDir: string,
  version: string | undefined,
  reporter: Reporter,
  renderCache?: HtmlCache,
): Promise<Output[]> {
  const outputs: Output[] = [];
  const versionOption = version ? { version } : {};
  for (const format of formats) {
    const started = performance.now();
    reporter.progress(format, 'rendering…');
    let output: string;
    let bytes: number;
    try {
      if (format === 'html') {
        const { renderSite, writeRenderCache } = await import('@dmls/render-html');
        const files = renderSite(book, { ...versionOption, ...(renderCache ? { cache: renderCache.cache } : {}) });
        output = path.join(outDir, 'html');
        reporter.progress(format, `writing ${files.length} files…`);
        await writeDirAtomic(output, files);
        // A cache that cannot be written (read-only checkout) only costs speed.
        if (renderCache) await writeRenderCache(renderCache.cache, renderCache.dir).catch(() => undefined);
        bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
      } else if (format === 'epub') {
        const { renderEpub } = await import('@dmls/render-epub');
        const data = await renderEpub(book, versionOption);
        output = path.join(outDir, `${book.id}.epub`);
        await writeFileAtomic(output, data);
        bytes = data.byteLength;
      } else {
        const { renderPdf } = await import('@dmls/render-pdf');
        const data = await renderPdf(book, { ...versionOption, onProgress: (message: string) => reporter.progress(format, message) });
        output = path.join(outDir, `${book.id}.pdf`);
        await writeFileAtomic(output, data);
        bytes = data.byteLength;
      }
    } catch (error) {
      if (error instanceof CliError) throw error;
      // Renderers' input errors carry the file (file:line:column where known) and a hint.
      const { file, hint } = (error ?? {}) as { file?: unknown; hint?: unknown };
      const message = error instanceof Error ? error.message : String(error);
      const where = typeof file === 'string' && !message.includes(file) ? `${file}: ` : '';
      throw new CliError(
        `The ${format.toUpperCase()} edition failed: ${where}${message}`,
        typeof hint === 'string' ? hint : undefined,
        typeof hint === 'string' ? undefined : error,
      );
    }
    const ms = performance.now() - started;
    reporter.progress(format, `done in ${(ms / 1000).toFixed(2)} s`);
    reporter.settle();
    outputs.push({ format, output, bytes, ms });
  }
  return outputs;
}
