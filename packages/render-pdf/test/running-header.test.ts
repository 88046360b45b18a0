import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withoutRunningHeader } from '../src/running-header.js';

const fixtures = path.join(import.meta.dirname, 'fixtures/running-header');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'latin1');

/** A content stream object as Chromium writes it: Flate-compressed, with a direct /Length. */
function object(content: string, dict = (n: number) => `<</Filter /FlateDecode\n/Length ${n}>>`) {
  const data = deflateSync(Buffer.from(content, 'latin1'));
  return { dict: dict(data.length), stream: new Uint8Array(Buffer.concat([Buffer.from('stream\n'), data, Buffer.from('\nendstream')])) };
}

function content(edited: { dict: string; stream: Uint8Array }): string {
  const length = Number(/\/Length (\d+)/.exec(edited.dict)![1]);
  expect(Buffer.from(edited.stream.subarray(0, 7)).toString('latin1')).toBe('stream\n');
  expect(Buffer.from(edited.stream.subarray(7 + length)).toString('latin1')).toBe('\nendstream');
  return inflateSync(edited.stream.subarray(7, 7 + length)).toString('latin1');
}

describe('withoutRunningHeader', () => {
  it('drops the margin boxes above the page number, and nothing else', () => {
    const { dict, stream } = object(read('page.txt'));
    const edited = withoutRunningHeader(dict, stream)!;
    expect(content(edited)).toBe(read('expected.txt'));
    expect(edited.dict).toMatch(/^<<\/Filter \/FlateDecode\n\/Length \d+>>$/);
  });

  it('gives the same bytes every time', () => {
    const { dict, stream } = object(read('page.txt'));
    expect(withoutRunningHeader(dict, stream)).toEqual(withoutRunningHeader(dict, stream));
  });

  it('leaves a page alone when its stream is not laid out as expected', () => {
    const page = read('page.txt');
    // Already without a header: only the page number is left in the margins.
    expect(withoutRunningHeader(...Object.values(object(read('expected.txt'))) as [string, Uint8Array])).toBeUndefined();
    // The first group is the page's content (marked content), not the margins.
    const tagged = page.replace('/G3 gs\nBT\n/F4 10.', '/G3 gs\n/Span <</MCID 3 >>BDC\nBT\n/F4 10.');
    expect(withoutRunningHeader(...Object.values(object(tagged)) as [string, Uint8Array])).toBeUndefined();
    // Not Flate-compressed, or compressed with a predictor.
    expect(withoutRunningHeader('<</Length 4>>', new Uint8Array(Buffer.from('stream\nq\nQ\n\nendstream')))).toBeUndefined();
    const predicted = object(page, (n) => `<</Filter /FlateDecode\n/DecodeParms <</Predictor 12>>\n/Length ${n}>>`);
    expect(withoutRunningHeader(predicted.dict, predicted.stream)).toBeUndefined();
    // A stream that does not inflate.
    expect(withoutRunningHeader('<</Filter /FlateDecode\n/Length 4>>', new Uint8Array(Buffer.from('stream\nabcd\nendstream')))).toBeUndefined();
  });
});
