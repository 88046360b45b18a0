#!/usr/bin/env node
// `pnpm types` (a step of `pnpm build`): type-checks every package's sources in one TypeScript
// program, which emits their declarations into .types/, then bundles each package's into one
// `.d.ts` per entry in its dist/ (and a `.d.cts` beside it when the package ships CommonJS).
// One program for all: tsup's `dts` built one per package, 2–3 s of fixed cost each.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const root = path.resolve(import.meta.dirname, '..');
const types = path.join(root, '.types');

/** Each package's entries: `name=source`, or a source named after its file; `*` stands for each file. */
const ENTRIES = {
  core: ['src/index.ts'],
  theme: ['src/index.ts'],
  content: ['src/index.ts', 'chapters/*=generated/chapters/*.ts'],
  'render-html': ['src/index.ts'],
  'render-epub': ['src/index.ts'],
  'render-pdf': ['src/index.ts'],
  cli: ['src/index.ts'],
};

function fail(message) {
  console.error(`types: ${message}`);
  process.exit(1);
}

for (const dir of readdirSync(path.join(root, 'packages'))) {
  const json = JSON.parse(readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8'));
  if (JSON.stringify(json.exports ?? {}).includes('"types"') && !ENTRIES[dir]) fail(`${json.name} exports types: list its entries in scripts/build-types.mjs.`);
}

if (!existsSync(path.join(root, 'packages/content/generated/book.ts'))) {
  fail('the content package has not generated its modules yet: run `pnpm build` (or `pnpm --filter @dmls/content build`) first.');
}

// Nothing waits for the declarations in a build, while the editions (the PDF above all) are on
// its critical path: they get the CPU first (two pairs of cold builds on two cores: 0.4 and
// 0.7 s faster, inside this machine's noise, but never slower).
os.setPriority(10);

const started = performance.now();
try {
  execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.types.json'], { cwd: root, stdio: 'inherit' });
} catch {
  fail('TypeScript reported the errors above; no declarations were bundled.');
}

for (const [name, entries] of Object.entries(ENTRIES)) {
  const dir = path.join(root, 'packages', name);
  const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const input = {};
  for (const entry of entries) {
    const [output, source] = entry.includes('=') ? entry.split('=') : [path.basename(entry, '.ts'), entry];
    const declaration = (file) => path.join(types, name, file.replace(/\.ts$/, '.d.ts'));
    if (!source.includes('*')) {
      input[output] = declaration(source);
      continue;
    }
    const pattern = new RegExp(`^${path.basename(source).replace('.', '\\.').replace('*', '(.+)')}$`);
    for (const file of readdirSync(path.join(dir, path.dirname(source))).sort()) {
      const match = pattern.exec(file);
      if (match) input[output.replace('*', match[1])] = declaration(path.join(path.dirname(source), file));
    }
  }
  for (const [entry, file] of Object.entries(input)) if (!existsSync(file)) fail(`no declarations for ${json.name}'s entry "${entry}" (${path.relative(root, file)}).`);

  // A workspace package that is only a devDependency is bundled in: users will not install it.
  const inlined = new Map(
    Object.keys(json.devDependencies ?? {})
      .filter((dep) => dep.startsWith('@dmls/'))
      .map((dep) => [dep, path.join(types, dep.slice('@dmls/'.length), 'src/index.d.ts')]),
  );
  const bundle = await rollup({
    input,
    plugins: [{ name: 'inline-workspace-types', resolveId: (id) => inlined.get(id) ?? null }, dts()],
    external: (id) => !id.startsWith('.') && !path.isAbsolute(id) && !inlined.has(id),
  });
  // rollup-plugin-dts writes an import of `x.d.ts` as `x.js` (of `x.d.cts` as `x.cjs`), as
  // TypeScript resolves them.
  const cjs = JSON.stringify(json.exports).includes('"require"');
  for (const ext of cjs ? ['d.ts', 'd.cts'] : ['d.ts']) {
    await bundle.write({ dir: path.join(dir, 'dist'), format: 'es', entryFileNames: `[name].${ext}`, chunkFileNames: `[name]-[hash].${ext}` });
  }
  await bundle.close();
}
console.log(`types: declarations of ${Object.keys(ENTRIES).length} packages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
