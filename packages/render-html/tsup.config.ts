import { defineConfig } from 'tsup';
import { writeThirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

export default defineConfig({
  entry: ['src/index.ts'],
  // ESM only, like @dmls/core and unified: CommonJS callers use import().
  format: ['esm'],
  // JavaScript only: the declarations are built for every package at once (scripts/build-types.mjs).
  clean: true,
  target: 'node20',
  loader: { '.css': 'text' },
  // The hast utilities are bundled: loading their 30 small modules one by one took longer than
  // this package's own code. MiniSearch stays a package (the site copies its browser build), as
  // do the book's types and theme.
  noExternal: [/^(?!@dmls\/|minisearch$)/],
  metafile: true,
  onSuccess: async () => writeThirdPartyLicenses('dist/metafile-esm.json', 'dist/THIRD-PARTY-LICENSES.md'),
});
