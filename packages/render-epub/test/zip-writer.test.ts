import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { crc32, writeZip } from '../src/zip-writer.js';

it('computes the standard CRC-32', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array())).toBe(0);
});

it('writes archives that unzip to the same files, in order, with the given time', () => {
  const text = 'x'.repeat(1000);
  const zip = writeZip(
    [
      { name: 'mimetype', data: new TextEncoder().encode('application/epub+zip'), store: true },
      { name: 'a/b.txt', data: new TextEncoder().encode(text) },
      { name: 'é.txt', data: new Uint8Array([1, 2, 3]), store: true },
    ],
    '2024-02-29T13:14:16Z',
  );
  const files = unzipSync(zip);
  expect(Object.keys(files)).toEqual(['mimetype', 'a/b.txt', 'é.txt']);
  expect(strFromU8(files['a/b.txt'] as Uint8Array)).toBe(text);
  expect(zip.length).toBeLessThan(400); // the repeated text was deflated
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  expect(view.getUint16(10, true)).toBe((13 << 11) | (14 << 5) | 8); // 13:14:16
  expect(view.getUint16(12, true)).toBe(((2024 - 1980) << 9) | (2 << 5) | 29);
});
