import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { renderEpub } from '../src/index.js';
import { fixtureBook } from './helpers.js';

const EPUBCHECK = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

/** Runs epubcheck and reads its summary line (`Messages: 0 fatals / 0 errors / 0 warnings / 0 infos`). */
async function epubcheck(bytes: Uint8Array): Promise<{ fatals: number; errors: number; warnings: number; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'render-epub-check-'));
  try {
    const file = join(dir, 'book.epub');
    await writeFile(file, bytes);
    const result = await promisify(execFile)('java', ['-jar', EPUBCHECK, file]).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      if (error.stdout === undefined) throw new Error(`Cannot run epubcheck (${error.message}); install it with \`apt-get install epubcheck\` (and a JRE).`);
      return { stdout: error.stdout, stderr: error.stderr ?? '' };
    });
    const output = `${result.stdout}\n${result.stderr}`;
    const summary = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
    if (summary) return { fatals: Number(summary[1]), errors: Number(summary[2]), warnings: Number(summary[3]), output };
    if (/No errors or warnings detected/.test(output)) return { fatals: 0, errors: 0, warnings: 0, output };
    throw new Error(`Cannot read epubcheck's output:\n${output}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

it('passes epubcheck with 0 errors and 0 warnings', async () => {
  const result = await epubcheck(await renderEpub(await fixtureBook(), { version: '1.0.0' }));
  expect(result.output).toMatch(/Validating using EPUB version 3/);
  expect({ fatals: result.fatals, errors: result.errors, warnings: result.warnings }, result.output).toEqual({ fatals: 0, errors: 0, warnings: 0 });
}, 120_000);
