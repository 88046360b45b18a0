import { deflateSync, inflateSync } from 'node:zlib';

/**
 * A page's content stream (dictionary, and bytes from `stream` to `endstream`) without its running
 * header, for the page that opens a chapter, as books print it. CSS cannot say so to Chromium:
 * `@page chapter-3:first` is not matched by the first page of a named page group, only by the
 * document's. Chromium draws a page's margin boxes first, in one `q … Q` group outside any marked
 * content, each box's text a `BT … ET` block placed by `1 0 0 -1 x y Tm` (y grows downwards): the
 * header's blocks are those above the lowest one, the footer with the page number, which stays.
 * Returns `undefined` when the stream is not laid out that way; the page is then left as it is.
 */
export function withoutRunningHeader(dict: string, stream: Uint8Array): { dict: string; stream: Uint8Array } | undefined {
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (!length || !/\/Filter\s*\/FlateDecode\s*[/>]/.test(dict) || /\/DecodeParms/.test(dict)) return undefined;
  const head = Buffer.from(stream.subarray(0, 16)).toString('latin1');
  const keyword = /^stream\r?\n/.exec(head);
  if (!keyword) return undefined;
  let text: string;
  try {
    text = inflateSync(stream.subarray(keyword[0].length, keyword[0].length + Number(length[1]))).toString('latin1');
  } catch {
    return undefined;
  }

  const lines = text.split('\n');
  const start = lines.indexOf('q');
  if (start < 0) return undefined;
  let end = start;
  for (let depth = 0; end < lines.length; end++) {
    if (lines[end] === 'q') depth++;
    else if (lines[end] === 'Q' && --depth === 0) break;
  }
  const group = lines.slice(start, end);
  if (end === lines.length || group.some((line) => /(?:BDC|BMC)$|^EMC$/.test(line))) return undefined;

  const blocks: Array<{ from: number; to: number; y: number }> = [];
  for (let i = 0; i < group.length; i++) {
    if (group[i] !== 'BT') continue;
    const to = group.indexOf('ET', i);
    if (to < 0) return undefined;
    const place = group.slice(i, to).map((line) => /^1 0 0 -1 \S+ (-?[\d.]+) Tm$/.exec(line)).find(Boolean);
    if (!place) return undefined;
    blocks.push({ from: start + i, to: start + to, y: Number(place[1]) });
    i = to;
  }
  const footer = Math.max(...blocks.map((b) => b.y));
  const header = blocks.filter((b) => b.y < footer);
  if (header.length === 0) return undefined;
  const dropped = new Set(header.flatMap((b) => Array.from({ length: b.to - b.from + 1 }, (_, k) => b.from + k)));
  const data = deflateSync(Buffer.from(lines.filter((_, i) => !dropped.has(i)).join('\n'), 'latin1'));
  return {
    dict: dict.replace(/\/Length\s+\d+(?!\s+\d+\s+R)/, `/Length ${data.length}`),
    stream: new Uint8Array(Buffer.concat([Buffer.from(keyword[0], 'latin1'), data, Buffer.from('\nendstream', 'latin1')])),
  };
}
