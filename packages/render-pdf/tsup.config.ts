import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  // JavaScript only: the declarations are built for every package at once (scripts/build-types.mjs).
  clean: true,
  target: 'node20',
  // `import.meta.url` in the CommonJS build (font and pattern files are found relative to it).
  shims: true,
});
