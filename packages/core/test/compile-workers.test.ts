import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as sources from '../src/index.js';

// Worker threads run the built worker script: these tests load the package from dist/ (built by
// `pnpm build` before the tests), and compare it with the sources compiling in one thread.
const here = import.meta.dirname;
const dist = (await import(pathToFileURL(path.join(here, '../dist/index.js')).href)) as typeof sources;
const fixtures = path.join(here, 'fixtures');
const books = [
  ...readdirSync(fixtures).filter((n) => statSync(path.join(fixtures, n)).isDirectory()).map((n) => path.join(fixtures, n)),
  path.join(here, '../../../tests/fixtures/book'),
];
const modified = '2022-05-01T00:00:00Z';

describe('compile on worker threads', () => {
  it.each(books)('gives what one thread gives: %s', async (dir) => {
    const threads = await dist.compile(dir, { cwd: dir, modified, workers: 2 });
    const one = await sources.compile(dir, { cwd: dir, modified, workers: 1 });
    expect(threads).toEqual(one);
  });

  it('fills a cache, and finishes cached chapters again when the anchors they link to change', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dmls-workers-'));
    cpSync(path.join(here, '../../../tests/fixtures/book'), dir, { recursive: true });
    const cache = dist.createCompileCache();
    const seen: string[] = [];
    const options = { cwd: dir, modified, cache, workers: 2, onFile: (file: string) => seen.push(file) };
    await dist.compile(dir, options);
    expect(seen).toEqual(['introduction.md', 'chapters/01-first-steps.md', 'chapters/02-going-further.md']);

    // A new section in chapter 1 changes the anchors that every chapter may link to: chapter 2
    // is not parsed again, but finished again, on a worker that did not parse it.
    seen.length = 0;
    const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
    edit('chapters/01-first-steps.md', (text) => text.replace('## Key takeaways', '## A new section\n\nNew text.\n\n## Key takeaways'));
    edit('introduction.md', (text) => `${text}\nAn added line.\n`);
    const second = await dist.compile(dir, options);
    expect(seen).toEqual(['introduction.md', 'chapters/01-first-steps.md']);
    expect(second.book?.chapters[0]?.sections.map((s) => s.title)).toContain('A new section');
    expect(second).toEqual(await sources.compile(dir, { cwd: dir, modified }));
  });

  it('works from the packed package, which ships the worker script', () => {
    const project = mkdtempSync(path.join(tmpdir(), 'dmls-core-consumer-'));
    const packed = execFileSync('pnpm', ['pack', '--pack-destination', project], { cwd: path.join(here, '..'), encoding: 'utf8' });
    const tarball = path.join(project, packed.trim().split('\n').pop()!.split('/').pop()!);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball], { cwd: project, stdio: 'pipe' });
    const script = `import { compile } from '@dmls/core';
const dir = ${JSON.stringify(books.at(-1))};
const options = { cwd: dir, modified: ${JSON.stringify(modified)} };
const threads = await compile(dir, { ...options, workers: 2 });
const one = await compile(dir, { ...options, workers: 1 });
console.log(threads.book !== undefined && JSON.stringify(threads) === JSON.stringify(one));`;
    expect(execFileSync('node', ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }).trim()).toBe('true');
  }, 180_000);
});
