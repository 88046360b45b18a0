import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// A fresh project that installs the packed tarball, as a user would: no workspace links.
const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
let project: string;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'dmls-consumer-'));
  const packed = execFileSync('pnpm', ['pack', '--pack-destination', project], { cwd: path.join(root, 'packages/content'), encoding: 'utf8' });
  const tarball = path.join(project, packed.trim().split('\n').pop()!.split('/').pop()!);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball]);
}, 180_000);

describe('@dmls/content from its tarball', () => {
  it('works from Node ESM', () => {
    const out = run('node', ['--input-type=module', '-e', "import { chapters, getChapter } from '@dmls/content'; import { chapter } from '@dmls/content/chapters/training-data'; console.log(chapters.length, getChapter('training-data').title === chapter.title)"]);
    expect(out.trim()).toBe('11 true');
  });

  it('works from Node CommonJS', () => {
    const out = run('node', ['-e', "const { book, glossary } = require('@dmls/content'); const { chapter } = require('@dmls/content/chapters/feature-engineering'); const json = require('@dmls/content/chapters/feature-engineering.json'); console.log(book.chapters.length, glossary.length > 100, json.id === chapter.id)"]);
    expect(out.trim()).toBe('11 true true');
  });

  // A CommonJS project reads the `require` types (`.d.cts`), which must stand alone too: @dmls/core
  // is only a devDependency of this package.
  it.each([
    ['node16', 'module'],
    ['bundler', 'module'],
    ['node16', 'commonjs'],
  ])('type-checks with moduleResolution %s from a project of type %s', (resolution, type) => {
    writeFileSync(
      path.join(project, 'index.ts'),
      `import { chapters, getChapter, type Chapter, type Section } from '@dmls/content';
import { chapter } from '@dmls/content/chapters/training-data';
const first: Chapter = chapters[0]!;
const titles = (sections: Section[]): string[] => sections.flatMap((s) => [s.title, ...titles(s.children)]);
export const count: number = titles(first.sections).length + chapter.figures.length + (getChapter('x')?.wordCount ?? 0);
`,
    );
    const module = resolution === 'node16' ? 'node16' : 'esnext';
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module, moduleResolution: resolution, target: 'es2022', types: [] }, files: ['index.ts'] }),
    );
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ ...JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')), type }));
    run('node', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']);
  });

  it('bundles one chapter for the browser without the others', async () => {
    const esbuild = await import('esbuild');
    writeFileSync(path.join(project, 'app.js'), "import { chapter } from '@dmls/content/chapters/training-data';\ndocument.body.innerHTML = chapter.html;\n");
    const result = await esbuild.build({ entryPoints: [path.join(project, 'app.js')], bundle: true, write: false, platform: 'browser', format: 'esm', absWorkingDir: project, minify: true });
    const code = result.outputFiles[0]!.text;
    const book = JSON.parse(readFileSync(path.join(project, 'node_modules/@dmls/content/dist/book.json'), 'utf8'));
    expect(code).toContain(JSON.stringify(book.chapters[3].summary).slice(1, 40));
    for (const other of book.chapters.filter((c: { id: string }) => c.id !== 'training-data')) {
      expect(code).not.toContain(JSON.stringify(other.summary).slice(1, 40));
    }
    expect(code.length).toBeLessThan(JSON.stringify(book).length / 5);
  });
});
