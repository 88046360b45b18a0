import { cp, readdir } from 'node:fs/promises';
import { defineConfig } from 'tsup';

const chapters = (await readdir('generated/chapters')).map((f) => f.replace(/\.ts$/, ''));

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(chapters.map((id) => [`chapters/${id}`, `generated/chapters/${id}.ts`])),
  },
  format: ['esm', 'cjs'],
  // JavaScript only: the declarations are built for every package at once (scripts/build-types.mjs).
  clean: true,
  target: 'es2020',
  splitting: false,
  // JSON files and figures are shipped as they are, beside the modules.
  onSuccess: async () => {
    await cp('dist-assets', 'dist', { recursive: true });
  },
});
