import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  // JavaScript only: the declarations are built for every package at once (scripts/build-types.mjs).
  clean: true,
  target: 'node20',
  define: { __DMLS_VERSION__: JSON.stringify(version) },
  // Renderers load only when their format is asked for: `dmls check` never loads Chromium's stack.
  external: ['@dmls/core', '@dmls/render-html', '@dmls/render-epub', '@dmls/render-pdf'],
});
