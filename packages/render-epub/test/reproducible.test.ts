import { createHash } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { renderEpub } from '../src/index.js';
import { fixtureBook } from './helpers.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const timeZone = process.env.TZ;

afterEach(() => {
  if (timeZone === undefined) delete process.env.TZ;
  else process.env.TZ = timeZone;
});

it('gives byte-identical files for the same book, whatever the clock or the time zone', async () => {
  const book = await fixtureBook();
  process.env.TZ = 'UTC';
  const first = await renderEpub(book, { version: '1.0.0' });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  process.env.TZ = 'Pacific/Chatham';
  const second = await renderEpub(await fixtureBook(), { version: '1.0.0' });
  expect(second.length).toBe(first.length);
  expect(sha256(second)).toBe(sha256(first));
});

it('changes when the content date changes, and only through that date', async () => {
  const book = await fixtureBook();
  const a = await renderEpub(book, { modified: '2024-01-02T03:04:05Z' });
  const b = await renderEpub(book, { modified: '2024-01-02T03:04:05.999Z' });
  const c = await renderEpub(book, { modified: '2025-06-07T08:09:10Z' });
  expect(sha256(a)).toBe(sha256(b));
  expect(sha256(a)).not.toBe(sha256(c));
});

it('leaves the book it is given untouched', async () => {
  const book = await fixtureBook();
  const before = structuredClone(book);
  await renderEpub(book);
  expect(book).toEqual(before);
});
