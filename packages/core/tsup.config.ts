import { defineConfig } from 'tsup';
import { writeThirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

export default defineConfig({
  // The worker thread's script is an entry of its own: WorkerPool starts it from beside itself.
  entry: ['src/index.ts', 'src/compile-worker.ts'],
  format: ['esm'],
  // JavaScript only: the declarations are built for every package at once (scripts/build-types.mjs).
  clean: true,
  target: 'node20',
  sourcemap: false,
  // Dependencies are bundled: the Markdown pipeline is some 300 small modules, and resolving and
  // loading them one by one took longer than compiling a chapter, in every worker thread. yaml
  // too (its 60 CommonJS files took 38 ms to load, bundled 13 ms): it requires node:process,
  // which an ES bundle can do only through a real `require`, hence the banner.
  noExternal: [/./],
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  metafile: true,
  onSuccess: async () => writeThirdPartyLicenses('dist/metafile-esm.json', 'dist/THIRD-PARTY-LICENSES.md'),
});
