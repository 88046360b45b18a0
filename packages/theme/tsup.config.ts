import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  // JavaScript only: the declarations are built for every package at once (scripts/build-types.mjs).
  clean: true,
  target: 'es2020',
  loader: { '.css': 'text' },
});
