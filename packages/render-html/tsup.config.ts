import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  // ESM only, like @dmls/core and unified: CommonJS callers use import().
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node20',
  loader: { '.css': 'text' },
});
