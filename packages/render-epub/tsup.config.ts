import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node20',
  sourcemap: false,
  // `import.meta.url` in the CommonJS build (fonts are resolved relative to this package).
  shims: true,
});
