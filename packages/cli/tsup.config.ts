import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const shared: Options = {
  target: 'node20',
  define: { __DMLS_VERSION__: JSON.stringify(version) },
  // Renderers load only when their format is asked for: `dmls check` never loads Chromium's stack.
  external: ['@dmls/core', '@dmls/render-html', '@dmls/render-epub', '@dmls/render-pdf'],
};

export default defineConfig([
  { ...shared, entry: ['src/index.ts'], format: ['esm', 'cjs'], dts: true, clean: true },
  { ...shared, entry: ['src/bin.ts'], format: ['esm'] },
]);
