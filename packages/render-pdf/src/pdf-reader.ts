import { RenderPdfError } from './errors.js';

export interface Trailer {
  size: number;
  root: number;
  info: number | undefined;
  /** Byte offset of the `xref` keyword. */
  xrefOffset: number;
  /** Byte offset of the `trailer` keyword. */
  trailerOffset: number;
}

/**
 * Just enough of a PDF reader for what Chromium (Skia) writes: a classic cross-reference table and
 * plain dictionaries. It finds objects by number and reads the page order, named destinations and
 * the document information; it never decodes content streams.
 */
export class PdfReader {
  readonly text: string;
  readonly trailer: Trailer;
  private readonly offsets = new Map<number, number>();

  constructor(readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!this.text.startsWith('%PDF-')) throw bad('it does not start with %PDF-');
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text.slice(-64));
    if (!startxref) throw bad('no startxref at its end');
    const xrefOffset = Number(startxref[1]);
    if (!this.text.startsWith('xref', xrefOffset)) throw bad('no classic cross-reference table (a cross-reference stream?)');
    const trailerOffset = this.text.indexOf('trailer', xrefOffset);
    if (trailerOffset < 0) throw bad('no trailer');
    const table = this.text.slice(xrefOffset + 4, trailerOffset);
    const section = /(\d+)\s+(\d+)\s*[\r\n]+/g;
    let match: RegExpExecArray | null;
    let cursor = 0;
    while ((match = section.exec(table.slice(cursor))) !== null) {
      const first = Number(match[1]);
      const count = Number(match[2]);
      let at = cursor + match.index + match[0].length;
      for (let i = 0; i < count; i++, at += 20) {
        const entry = table.slice(at, at + 18);
        if (entry.endsWith('n')) this.offsets.set(first + i, Number(entry.slice(0, 10)));
      }
      cursor = at;
      section.lastIndex = 0;
    }
    const dict = this.text.slice(trailerOffset, this.text.indexOf('startxref', trailerOffset));
    const root = refIn(dict, 'Root');
    const size = /\/Size\s+(\d+)/.exec(dict);
    if (root === undefined || !size) throw bad('no /Root or /Size in its trailer');
    this.trailer = { size: Number(size[1]), root, info: refIn(dict, 'Info'), xrefOffset, trailerOffset };
  }

  /** Where object `num` starts (its `N 0 obj` line). */
  offsetOf(num: number): number {
    const offset = this.offsets.get(num);
    if (offset === undefined || !this.text.startsWith(`${num} `, offset)) throw bad(`object ${num} is missing`);
    return offset;
  }

  /** The body of object `num` (between `obj` and `endobj`, or `stream`). */
  object(num: number): string {
    const start = this.text.indexOf('obj', this.offsetOf(num)) + 3;
    const end = this.text.indexOf('endobj', start);
    // A stream's data follows `>> stream`; the word alone may be part of a name.
    const stream = /^[^]*?>>\s*stream\r?\n/.exec(this.text.slice(start, end));
    return this.text.slice(start, stream ? start + stream[0].lastIndexOf('stream') : end).trim();
  }

  /** Every object number in the cross-reference table, in ascending order. */
  objectNumbers(): number[] {
    return [...this.offsets.keys()].sort((a, b) => a - b);
  }

  /**
   * Object `num` in two pieces: its dictionary (or other value), and the bytes of its stream, from
   * `stream` to `endstream` inclusive (empty for an object without one). The stream's extent comes
   * from its direct `/Length`, so stream bytes that look like `endobj` cannot cut it short.
   */
  parts(num: number): { value: string; stream: Uint8Array } {
    const value = this.object(num);
    const start = this.text.indexOf(value, this.offsetOf(num)) + value.length;
    const keyword = /^\s*stream\r?\n/.exec(this.text.slice(start, start + 16));
    if (!keyword) return { value, stream: new Uint8Array(0) };
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(value);
    const dataStart = start + keyword[0].length;
    const end = this.text.indexOf('endstream', length ? dataStart + Number(length[1]) : dataStart);
    if (end < 0) throw bad(`object ${num} has a stream without endstream`);
    const streamStart = this.text.indexOf('stream', start);
    return { value, stream: this.bytes.subarray(streamStart, end + 'endstream'.length) };
  }

  /** Object numbers of the pages, in reading order. */
  pages(): number[] {
    const root = refIn(this.object(this.trailer.root), 'Pages');
    if (root === undefined) throw bad('no /Pages in its catalog');
    const pages: number[] = [];
    const visit = (num: number, depth: number): void => {
      if (depth > 64) throw bad('its page tree is too deep');
      const node = this.object(num);
      if (!/\/Type\s*\/Pages\b/.test(node)) {
        pages.push(num);
        return;
      }
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
      for (const kid of kids?.[1]?.matchAll(/(\d+)\s+\d+\s+R/g) ?? []) visit(Number(kid[1]), depth + 1);
    };
    visit(root, 0);
    return pages;
  }

  /** Named destinations (`/Dests` dictionary or name tree) → object number of their page. */
  destinations(): Map<string, number> {
    const catalog = this.object(this.trailer.root);
    const dests = new Map<string, number>();
    const dictRef = refIn(catalog, 'Dests');
    if (dictRef !== undefined) {
      for (const m of this.object(dictRef).matchAll(/\/((?:[^\s/[\]<>(){}%#]|#[0-9A-Fa-f]{2})+)\s*(?:<<\s*\/D\s*)?\[\s*(\d+)\s+\d+\s+R/g)) {
        dests.set(decodeName(m[1]!), Number(m[2]));
      }
    }
    const names = /\/Names\s*<<[^>]*\/Dests\s+(\d+)\s+\d+\s+R/.exec(catalog);
    if (names) this.nameTree(Number(names[1]), dests, 0);
    return dests;
  }

  private nameTree(num: number, into: Map<string, number>, depth: number): void {
    if (depth > 32) throw bad('its name tree is too deep');
    const node = this.object(num);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
    for (const kid of kids?.[1]?.matchAll(/(\d+)\s+\d+\s+R/g) ?? []) this.nameTree(Number(kid[1]), into, depth + 1);
    const names = /\/Names\s*\[([\s\S]*)\]/.exec(node);
    if (!names) return;
    for (const m of names[1]!.matchAll(/\(((?:[^()\\]|\\.)*)\)\s*(?:(\d+)\s+\d+\s+R|(?:<<\s*\/D\s*)?\[\s*(\d+)\s+\d+\s+R)/g)) {
      const target = m[3] ? Number(m[3]) : this.firstRef(this.object(Number(m[2])));
      if (target !== undefined) into.set(m[1]!.replace(/\\(.)/g, '$1'), target);
    }
  }

  private firstRef(body: string): number | undefined {
    const m = /\[\s*(\d+)\s+\d+\s+R/.exec(body);
    return m ? Number(m[1]) : undefined;
  }
}

/** The object number that `/Key N 0 R` refers to in a dictionary's text. */
export function refIn(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
}

/** A PDF name's text: `#xx` escapes undone, its bytes read as UTF-8 (how Skia writes ids). */
export function decodeName(name: string): string {
  const bytes = name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function bad(what: string): RenderPdfError {
  return new RenderPdfError(`Chromium's PDF could not be read: ${what}.`, 'bad-output');
}
