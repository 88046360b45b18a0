import { unzipSync } from 'fflate';
import { writeZip } from './zip-writer.js';

export interface NormaliseInput {
  /** The zip that epub-gen-memory wrote. */
  zip: Uint8Array;
  /** Files to add (paths inside the zip), e.g. the figures. */
  extra: Record<string, Uint8Array>;
  /** Every path of the EPUB, in the order they are written after `mimetype`. */
  order: readonly string[];
  /** `dcterms:modified`: the timestamp of every entry. */
  modified: string;
}

/**
 * Rewrites the EPUB so that the same content always gives the same bytes: `mimetype` first and
 * stored (as OCF requires), then every file in a fixed order, each with the same timestamp (the
 * content's date, not the clock); directory entries are dropped. Fails if the library wrote a file
 * we did not plan, or missed one.
 */
export function normaliseZip({ zip, extra, order, modified }: NormaliseInput): Uint8Array {
  const written: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(unzipSync(zip))) {
    if (!path.endsWith('/')) written[path] = data;
  }
  Object.assign(written, extra);
  const planned = new Set(['mimetype', ...order]);
  const unplanned = Object.keys(written).filter((path) => !planned.has(path));
  const missing = [...planned].filter((path) => !(path in written));
  if (unplanned.length > 0 || missing.length > 0) {
    throw new Error(`The EPUB's files are not the planned ones (unplanned: ${unplanned.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'}).`);
  }
  return writeZip(
    [
      { name: 'mimetype', data: new TextEncoder().encode('application/epub+zip'), store: true },
      ...order.map((name) => ({ name, data: written[name] as Uint8Array, store: name.endsWith('.woff2') })),
    ],
    modified,
  );
}
