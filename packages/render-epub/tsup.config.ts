import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { writeThirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

const shim = (name: string) => fileURLToPath(new URL(`./src/bundle-shims/${name}`, import.meta.url));

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  // JavaScript only: the declarations are built for every package at once (scripts/build-types.mjs).
  clean: true,
  target: 'node20',
  sourcemap: false,
  // `import.meta.url` in the CommonJS build (fonts are resolved relative to this package).
  shims: true,
  // Dependencies are bundled: epub-gen-memory and its hundred-odd small modules took 140 ms to
  // load, about half of it resolving files. Its downloader and AbortController polyfill are left
  // out (see src/bundle-shims); the fonts stay packages, read as files.
  noExternal: [/^(?!@dmls\/|@fontsource\/)/],
  esbuildOptions(options) {
    options.alias = { 'node-fetch': shim('no-download.cjs'), 'abort-controller': shim('abort-controller.cjs') };
  },
  // CommonJS dependencies inside the ES build call require() for Node's modules.
  banner: ({ format }) => (format === 'esm' ? { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" } : {}),
  metafile: true,
  onSuccess: async () => {
    writeThirdPartyLicenses('dist/metafile-esm.json', 'dist/THIRD-PARTY-LICENSES.md');
    await rm('dist/metafile-cjs.json', { force: true });
  },
});
