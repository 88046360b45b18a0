import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Book } from '@dmls/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium, RenderPdfError, renderPdf } from '../src/index.js';
import { testBook } from './helpers.js';

let book: Book;
let dir: string;

beforeAll(async () => {
  book = await testBook();
  dir = mkdtempSync(path.join(tmpdir(), 'render-pdf-fake-'));
  // Work folders go to a temporary folder of this file's own (test files run in parallel).
  process.env.TMPDIR = mkdtempSync(path.join(tmpdir(), 'render-pdf-tmp-'));
});

/** A stand-in for Chromium that records its process id, then behaves as `body` says. */
function fakeBrowser(name: string, body: string): { path: string; pids: () => number[] } {
  const file = path.join(dir, name);
  const pidFile = path.join(dir, `${name}.pids`);
  writeFileSync(file, `#!/bin/sh\necho $$ >> '${pidFile}'\n${body}\n`);
  chmodSync(file, 0o755);
  return { path: file, pids: () => readFileSync(pidFile, 'utf8').split('\n').filter(Boolean).map(Number) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function failure(promise: Promise<unknown>): Promise<RenderPdfError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RenderPdfError);
    return error as RenderPdfError;
  }
  throw new Error('expected renderPdf to fail');
}

describe('renderPdf without Chromium', () => {
  it('says how to install one when the given path does not exist', async () => {
    const error = await failure(renderPdf(book, { executablePath: path.join(dir, 'no-such-chromium') }));
    expect(error.code).toBe('no-browser');
    expect(error.message).toContain('no-such-chromium');
    expect(error.message).toContain('sudo apt-get install chromium');
    expect(error.message).toContain('PUPPETEER_EXECUTABLE_PATH');
  });

  it('finds none on an empty system and says so', () => {
    const emptyPath = mkdtempSync(path.join(tmpdir(), 'render-pdf-empty-'));
    let error: unknown;
    try {
      const found = findChromium(undefined, { PATH: emptyPath });
      // A machine with a system Chromium finds it at its known path.
      expect(found).toMatch(/^\/usr\/bin\//);
      return;
    } catch (e) {
      error = e;
    }
    expect((error as RenderPdfError).code).toBe('no-browser');
    expect((error as RenderPdfError).message).toContain('apt-get install chromium');
  });

  it('prefers PUPPETEER_EXECUTABLE_PATH', () => {
    const fake = fakeBrowser('env-chromium', 'exit 0');
    expect(findChromium(undefined, { PUPPETEER_EXECUTABLE_PATH: fake.path, PATH: '' })).toBe(fake.path);
    expect(() => findChromium(undefined, { PUPPETEER_EXECUTABLE_PATH: path.join(dir, 'gone'), PATH: '' })).toThrow(/No executable Chromium at/);
  });
});

describe('renderPdf when Chromium fails', () => {
  it('retries a crash once with a fresh browser, then gives a clear error', async () => {
    const fake = fakeBrowser('crashing-chromium', 'echo "simulated crash" >&2; exit 3');
    const progress: string[] = [];
    const error = await failure(renderPdf(book, { executablePath: fake.path, timeoutMs: 10_000, onProgress: (m) => progress.push(m) }));
    expect(error.code).toBe('browser-failed');
    expect(error.message).toMatch(/after one retry/);
    expect(fake.pids()).toHaveLength(2);
    expect(progress.some((m) => /retrying once/.test(m))).toBe(true);
  });

  it('bounds the wait for a hanging Chromium, retries once, and leaves no process behind', async () => {
    const fake = fakeBrowser('hanging-chromium', 'sleep 60');
    const started = Date.now();
    const error = await failure(renderPdf(book, { executablePath: fake.path, timeoutMs: 1_500 }));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(['timeout', 'browser-failed']).toContain(error.code);
    expect(error.message).toMatch(/after one retry/);
    const pids = fake.pids();
    expect(pids).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pids.filter(alive)).toEqual([]);
  });

  it('stops Chromium at once when the book cannot be laid out while it starts', async () => {
    const fake = fakeBrowser('slow-chromium', 'sleep 60');
    const broken = { ...book, chapters: [{ ...book.chapters[0]!, tree: null as never }] };
    const started = Date.now();
    await expect(renderPdf(broken, { executablePath: fake.path, timeoutMs: 30_000 })).rejects.not.toBeInstanceOf(RenderPdfError);
    expect(Date.now() - started).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const running = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(fake.path);
        } catch {
          return false;
        }
      });
    expect(running).toEqual([]);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('dmls-pdf-'))).toEqual([]);
  });

  it('removes its work folder after a failure', async () => {
    const fake = fakeBrowser('crashing-again', 'exit 1');
    await failure(renderPdf(book, { executablePath: fake.path, timeoutMs: 5_000 }));
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('dmls-pdf-'))).toEqual([]);
  });

  it('rejects an unknown page size', async () => {
    await expect(renderPdf(book, { pageSize: 'A3' as never })).rejects.toThrow(/Unknown page size "A3"/);
  });
});
